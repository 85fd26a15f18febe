#include "environments/confcommandline.h"

#include "environments/environmentdetector.h"
#include "environments/targetversion.h"
#include "project/project.h"

namespace pgdial::core::environments {

const EnvironmentSetting *ConfCommandLine::find(const QString &name) const
{
    for (const EnvironmentSetting &setting : settings)
        if (setting.name.compare(name, Qt::CaseInsensitive) == 0)
            return &setting;
    return nullptr;
}

ConfCommandLine ConfCommandLine::of(const project::Project &project, const QString &confFile)
{
    return of(project, EnvironmentDetector::detect(project), confFile);
}

ConfCommandLine ConfCommandLine::of(const project::Project &project, const EnvironmentSet &set, const QString &confFile)
{
    ConfCommandLine out;
    // An unknown environment name is the loader's and the CLI's error to report; here it only
    // means no flags are known.
    const base::Result<TargetVersionChoice> choice = TargetVersion::choose(set, project.settings.environment);
    if (!choice || !choice->environment || choice->environment->postgresqlConf != confFile)
        return out;
    out.environment = choice->environment->name;
    for (const EnvironmentSetting &flag : choice->environment->commandLineSettings) {
        // A later flag of the same name replaces the earlier one, as the server applies them in order.
        bool replaced = false;
        for (EnvironmentSetting &earlier : out.settings) {
            if (earlier.name.compare(flag.name, Qt::CaseInsensitive) == 0) {
                earlier = flag;
                replaced = true;
            }
        }
        if (!replaced)
            out.settings.append(flag);
    }
    return out;
}

} // namespace pgdial::core::environments
