#include "checks/projectchecker.h"

#include "checks/appconfigchecker.h"
#include "hba/hbaprojectcheck.h"
#include "pgconf/confprojectanalyzer.h"
#include "project/project.h"

namespace pgdial::core::checks {

base::Diagnostics ProjectChecker::check(project::Project &project)
{
    base::Diagnostics diagnostics = project.loadDiagnostics();
    // Every top-level postgresql.conf, read once for its own diagnostics and for what the main
    // one sets (ssl, port, max_connections, password_encryption...), which the app-vs-server
    // checks and the hba lint need. An unchanged configuration comes from the project's cache.
    const QList<pgconf::ConfAnalysis> analyses = pgconf::ConfProjectAnalyzer::analyze(project);
    if (project.loadControl && project.loadControl->isCanceled())
        return diagnostics; // the load was cancelled: nobody reads the rest
    diagnostics += pgconf::ConfProjectAnalyzer::diagnosticsOf(analyses);
    const project::ServerSettingLookup settings = pgconf::ConfProjectAnalyzer::lookupOf(analyses);
    diagnostics += AppConfigChecker::check(project, settings);
    diagnostics += hba::checkProjectHbaFiles(project, settings);
    base::sortDiagnostics(diagnostics);
    return diagnostics;
}

} // namespace pgdial::core::checks
