#pragma once

#include "base/jsonwriter.h"
#include "pgconf/confitem.h"
#include "pgconf/confvalidator.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace pgdial::core::pgconf {

// One row of the server's pg_file_settings view, as pgdial predicts it.
struct ConfFileSetting
{
    QString sourcefile; // project-relative (the CLI: relative to FILE's folder)
    int sourceline = 0;
    int seqno = 0;
    std::optional<QByteArray> name; // NULL for error rows
    std::optional<QByteArray> setting; // NULL for error rows
    bool applied = false;
    std::optional<QString> error; // NULL when there is none
};

// The rows of pg_file_settings in the server's order: setting lines and parse-phase error rows
// merged by seqno. `validation` gives `applied` / `error` per item (ConfValidator); without it,
// a phase-1 approximation is used: nothing applied when the parse failed, otherwise every item
// applied except earlier occurrences of the same name as written (A6 duplicates).
QList<ConfFileSetting> confFileSettings(const ConfLoadResult &load, const ConfValidation *validation = nullptr);

// {"sourcefile", "sourceline", "seqno", "name", "setting", "applied", "error"} per row.
QJsonArray confFileSettingsToJson(const QList<ConfFileSetting> &rows);

// The text QJsonDocument (Indented) writes for confFileSettingsToJson(confFileSettings(load,
// validation)), streamed row by row: a million-line file's rows are never held as a list.
void writeConfFileSettingsJson(base::JsonWriter &writer, const ConfLoadResult &load,
                               const ConfValidation *validation = nullptr);

} // namespace pgdial::core::pgconf
