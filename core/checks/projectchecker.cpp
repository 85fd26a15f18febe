#include "projectchecker.h"

#include "appconfigchecker.h"
#include "pgconf/confprojectanalyzer.h"
#include "hba/hbaprojectcheck.h"
#include "project.h"

namespace pgdial::core {

Diagnostics ProjectChecker::check(Project &project)
{
    Diagnostics diagnostics = project.loadDiagnostics();
    diagnostics += pgconf::ConfProjectAnalyzer::check(project); // every top-level postgresql.conf
    // What the project's postgresql.conf sets (ssl, port, max_connections, password_encryption...),
    // for the app-vs-server checks and the hba lint.
    const ServerSettingLookup settings = pgconf::ConfProjectAnalyzer::lookup(project);
    diagnostics += AppConfigChecker::check(project, settings);
    diagnostics += hba::checkProjectHbaFiles(project, settings);
    sortDiagnostics(diagnostics);
    return diagnostics;
}

} // namespace pgdial::core
