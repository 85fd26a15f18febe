#pragma once

#include "base/lineedit.h"

#include <QList>
#include <QString>

#include <optional>

namespace pgdial::core::base {

enum class Severity {
    Info,
    Warning,
    Error, // reserved for what makes the server (or the app) refuse the file
};

QString severityName(Severity severity); // "info", "warning", "error" (stable, used in JSON)
std::optional<Severity> severityFromName(const QString &name);

// A machine-applicable correction: edits to one file, described for people.
struct Fix
{
    QString description;
    QString file; // same convention as Diagnostic::file
    QList<LineEdit> edits;

    bool operator==(const Fix &) const = default;
};

// One finding about the project. Codes are stable identifiers ("conf.unknown-parameter"),
// documented in docs/diagnostics.md; tools and tests rely on them.
struct Diagnostic
{
    Severity severity = Severity::Error;
    QString code;
    QString file; // path relative to the project folder (or as given on the command line)
    int line = 0; // 1-based; 0 when the finding is about the whole file
    int column = 0; // 1-based byte column; 0 when unknown
    QString message; // one sentence, no trailing period needed
    QString suggestion; // what to do about it, in words (may be empty)
    QString parameter; // the postgresql.conf parameter concerned, if any
    std::optional<Fix> fix;
    QStringList related; // other places involved, as "file:line" (cross-file checks)

    // "file:line:column: severity: message [code]"
    QString toText() const;

    bool operator==(const Diagnostic &) const = default;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

// Orders by file, then line, then column, then severity (errors first); stable otherwise.
void sortDiagnostics(Diagnostics &diagnostics);

} // namespace pgdial::core::base
