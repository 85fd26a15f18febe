#pragma once

#include "environments/environment.h"

#include <QList>

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::environments {

// What an environment's server sets, for comparing environments: the settings of the project's
// postgresql.conf it reads (the last line of a name wins; includes are not followed), with the
// server's `-c name=value` flags over them, as the server applies them. Names are lower-cased;
// in name order.
class EnvironmentSettings
{
public:
    static QList<EnvironmentSetting> of(const project::Project &project, const Environment &environment);
};

} // namespace pgdial::core::environments
