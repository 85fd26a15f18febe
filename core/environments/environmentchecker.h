#pragma once

#include "base/diagnostic.h"
#include "environments/environment.h"

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::environments {

// The configuration guide's rules per environment, each with a fix where one edit settles it:
// production wants TLS end to end (ssl = on, URLs with sslmode require or better), passwords from
// secrets, the server's port on 127.0.0.1 only, SCRAM from initdb on, and logging; development's
// literal passwords must not reappear in production's files; a testing SQLite URL needs no
// PostgreSQL at all; and the compose files must agree with themselves (secrets used but not
// declared, declared secret files that are missing, services that start before the database is
// healthy or cannot reach it).
class EnvironmentChecker
{
public:
    // `only`: the environment to check (a name EnvironmentSet::find knows); empty: every one.
    static base::Diagnostics check(const project::Project &project, const EnvironmentSet &set,
                                   const QString &only = {});
    // Gives diagnostics about a line (the detector's, for one) the column of the line's first
    // non-blank byte when they name none.
    static void placeColumns(const project::Project &project, base::Diagnostics &diagnostics);
};

} // namespace pgdial::core::environments
