#include "projectchecker.h"

#include "project.h"

namespace pgdial::core {

Diagnostics ProjectChecker::check(Project &project)
{
    Diagnostics diagnostics = project.loadDiagnostics();
    sortDiagnostics(diagnostics);
    return diagnostics;
}

} // namespace pgdial::core
