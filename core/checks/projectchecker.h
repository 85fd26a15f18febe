#pragma once

#include "base/diagnostic.h"

namespace pgdial::core {

class Project;

// Runs every check pgdial has over a loaded project: each file's own validation (per engine)
// and the checks that need several files. This is what `pgdial-cli check` and the Problems
// panel show. Engines add themselves in projectchecker.cpp.
class ProjectChecker
{
public:
    static Diagnostics check(Project &project);
};

} // namespace pgdial::core
