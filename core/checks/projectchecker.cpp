#include "checks/projectchecker.h"

#include "checks/appconfigchecker.h"
#include "environments/environmentchecker.h"
#include "environments/environmentdetector.h"
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
    // The environments (development, production, ...) and the guide's rules for each: every one,
    // or the one the project is judged as when it names one (check --env).
    environments::EnvironmentSet environments = environments::EnvironmentDetector::detect(project);
    environments::EnvironmentChecker::placeColumns(project, environments.diagnostics);
    diagnostics += environments.diagnostics;
    diagnostics += environments::EnvironmentChecker::check(project, environments, project.settings.environment);
    base::sortDiagnostics(diagnostics);
    return diagnostics;
}

} // namespace pgdial::core::checks
