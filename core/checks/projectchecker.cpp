#include "projectchecker.h"

#include "hba/hbaprojectcheck.h"
#include "project.h"

namespace pgdial::core {

Diagnostics ProjectChecker::check(Project &project)
{
    Diagnostics diagnostics = project.loadDiagnostics();
    // The postgresql.conf engine provides the real lookup once merged; until then: server defaults.
    const ServerSettingLookup noSettings = [](const QString &) { return std::optional<ServerSetting>(); };
    diagnostics += hba::checkProjectHbaFiles(project, noSettings);
    sortDiagnostics(diagnostics);
    return diagnostics;
}

} // namespace pgdial::core
