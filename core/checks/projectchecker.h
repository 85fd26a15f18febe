#pragma once

#include "base/diagnostic.h"

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::checks {

// Runs every check pgdial has over a loaded project: each file's own validation (per engine)
// and the checks that need several files. This is what `pgdial-cli check` and the Problems
// panel show. Engines add themselves in projectchecker.cpp.
class ProjectChecker
{
public:
    static base::Diagnostics check(project::Project &project);
};

} // namespace pgdial::core::checks
