#include "projectchecker.h"

#include "appconfigchecker.h"
#include "project.h"

namespace pgdial::core {

Diagnostics ProjectChecker::check(Project &project)
{
    Diagnostics diagnostics = project.loadDiagnostics();
    // PLACEHOLDER until the pgconf engine is merged: a lookup that finds nothing, so the app-vs-server
    // checks see the server defaults. The lead replaces it with the pgconf engine's real lookup.
    const ServerSettingLookup noServerSettings = [](const QString &) { return std::optional<ServerSetting>(); };
    diagnostics.append(AppConfigChecker::check(project, noServerSettings));
    sortDiagnostics(diagnostics);
    return diagnostics;
}

} // namespace pgdial::core
