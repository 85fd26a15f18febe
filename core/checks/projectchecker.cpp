#include "projectchecker.h"

#include "appconfigchecker.h"
#include "pgconf/confprojectanalyzer.h"
#include "project.h"

namespace pgdial::core {

Diagnostics ProjectChecker::check(Project &project)
{
    Diagnostics diagnostics = project.loadDiagnostics();
    // PLACEHOLDER: a lookup that finds nothing, so the app-vs-server checks see the server defaults.
    // The lead replaces it with the pgconf engine's real one (pgconf::ConfProjectAnalyzer::lookup(project)).
    const ServerSettingLookup noServerSettings = [](const QString &) { return std::optional<ServerSetting>(); };
    diagnostics.append(AppConfigChecker::check(project, noServerSettings));
    diagnostics += pgconf::ConfProjectAnalyzer::check(project); // every top-level postgresql.conf
    sortDiagnostics(diagnostics);
    return diagnostics;
}

} // namespace pgdial::core
