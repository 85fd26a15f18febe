#include "projectchecker.h"

#include "pgconf/confprojectanalyzer.h"
#include "hba/hbaprojectcheck.h"
#include "project.h"

namespace pgdial::core {

Diagnostics ProjectChecker::check(Project &project)
{
    Diagnostics diagnostics = project.loadDiagnostics();
    diagnostics += pgconf::ConfProjectAnalyzer::check(project); // every top-level postgresql.conf
    // What the project's postgresql.conf sets (ssl, password_encryption, ...), for the hba lint.
    const ServerSettingLookup settings = pgconf::ConfProjectAnalyzer::lookup(project);
    diagnostics += hba::checkProjectHbaFiles(project, settings);
    sortDiagnostics(diagnostics);
    return diagnostics;
}

} // namespace pgdial::core
