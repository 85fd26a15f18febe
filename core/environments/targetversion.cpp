#include "environments/targetversion.h"

#include "environments/environmentdetector.h"
#include "environments/environmentname.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

base::Result<TargetVersionChoice> TargetVersion::choose(const EnvironmentSet &set, const QString &requested)
{
    TargetVersionChoice out;
    if (!requested.isEmpty()) {
        out.environment = set.find(requested);
        if (!out.environment) {
            QStringList known;
            for (const Environment &env : set.environments)
                known.append(env.name);
            return base::makeError(
                u"env.unknown-environment"_s,
                known.isEmpty()
                    ? QCoreApplication::translate("environments", "no environment named \"%1\": the project has none")
                          .arg(requested)
                    : QCoreApplication::translate("environments", "no environment named \"%1\" (known: %2)")
                          .arg(requested, known.join(u", "_s)));
        }
    } else {
        for (const Environment &env : set.environments) {
            if (EnvironmentName::isProduction(env.name.section(u':', -1))) {
                out.environment = env;
                break;
            }
        }
        if (!out.environment && !set.environments.isEmpty())
            out.environment = set.environments.first();
    }
    if (out.environment && out.environment->pgVersion
        && *out.environment->pgVersion >= project::ProjectSettings::minPgVersion
        && *out.environment->pgVersion <= project::ProjectSettings::maxPgVersion) {
        out.pgVersion = out.environment->pgVersion;
        out.source = out.environment->pgVersionSource;
    }
    return out;
}

base::Result<void> TargetVersion::apply(project::Project &project)
{
    return apply(project, EnvironmentDetector::detect(project));
}

base::Result<void> TargetVersion::apply(project::Project &project, const EnvironmentSet &set)
{
    const base::Result<TargetVersionChoice> choice = choose(set, project.settings.environment);
    if (!choice)
        return choice.error();
    project::ProjectSettings &settings = project.settings;
    settings.pgVersionEnvironment = choice->environment ? choice->environment->name : QString();
    settings.pgVersionSourceFile.clear();
    settings.pgVersionSourceLine = 0;
    if (settings.pgVersionFromUser)
        return {};
    settings.pgVersion = choice->pgVersion.value_or(project::ProjectSettings::defaultPgVersion);
    if (choice->pgVersion) {
        settings.pgVersionSourceFile = choice->source.file;
        settings.pgVersionSourceLine = choice->source.line;
    }
    return {};
}

} // namespace pgdial::core::environments
