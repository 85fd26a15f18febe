#pragma once

#include "base/lineedit.h"
#include "base/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::tuning {

// The edits of one project file: applied in order they are one undo step.
struct PoolFileEdit
{
    QString file; // project-relative
    QList<base::LineEdit> edits;
    QStringList changes; // for people: "config.yaml:23: database.pool_size = 4 (was 20)"
    QStringList notes; // what the edit cannot change: a .env value overriding the new default
};

// The application's side of a pool recommendation; unset values are left alone.
struct PoolAppValues
{
    std::optional<int> poolSize;
    std::optional<int> maxOverflow;
    std::optional<int> poolTimeout;
};

// Writes a pool recommendation into the project's files as lossless edits computed on the
// project's current documents (unsaved edits count): config.yaml through the appconfig engine
// (only the value's bytes change, its quoting stays; a `${VAR:-default}` gets a new default and
// keeps its variable; a missing key is added under `database:` with its neighbours' indent), and
// max_connections in postgresql.conf through the conf engine (ConfEditor: the winning line, else
// the commented sample line, else a new line). The caller applies the edits: the desktop app as
// one undo step per file, the CLI to the documents it then saves.
class PoolSettingsWriter
{
public:
    // Error codes: pool.no-app-config, pool.no-database-section, pool.not-editable.
    // An empty `edits` list means the file already holds these values.
    static base::Result<PoolFileEdit> appConfigEdits(const project::Project &project, const PoolAppValues &values);
    // Error codes: pool.no-server-config, or the conf engine's refusal.
    static base::Result<QList<PoolFileEdit>> serverEdits(const project::Project &project, int maxConnections);
};

} // namespace pgdial::core::tuning
