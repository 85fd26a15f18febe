#pragma once

#include "environments/environment.h"

#include <QList>
#include <QString>

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::environments {

// The server's command-line settings (`postgres -c name=value` in a compose `command:`) that win
// over one postgresql.conf of the project: PostgreSQL applies its command line over the file, so
// the file's line for the same name is not what the server runs with. Taken from the environment
// the project is judged as (ProjectSettings::environment, else production, else the first), and
// only when that environment's server reads this very file.
struct ConfCommandLine
{
    QString environment; // the environment whose server reads the file; empty when none does
    QList<EnvironmentSetting> settings; // one per name (the last flag of a name wins), in flag order

    bool isEmpty() const { return settings.isEmpty(); }
    const EnvironmentSetting *find(const QString &name) const; // case-insensitive, as the server folds

    // `confFile`: project-relative.
    static ConfCommandLine of(const project::Project &project, const QString &confFile);
    static ConfCommandLine of(const project::Project &project, const EnvironmentSet &set, const QString &confFile);
};

} // namespace pgdial::core::environments
