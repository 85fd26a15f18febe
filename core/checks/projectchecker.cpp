#include "projectchecker.h"

#include "pgconf/confprojectanalyzer.h"
#include "project.h"

namespace pgdial::core {

Diagnostics ProjectChecker::check(Project &project)
{
    Diagnostics diagnostics = project.loadDiagnostics();
    diagnostics += pgconf::ConfProjectAnalyzer::check(project); // every top-level postgresql.conf
    sortDiagnostics(diagnostics);
    return diagnostics;
}

} // namespace pgdial::core
