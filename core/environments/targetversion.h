#pragma once

#include "base/result.h"
#include "environments/environment.h"

#include <optional>

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::environments {

// The environment a project is judged as, and the PostgreSQL major its server image names.
struct TargetVersionChoice
{
    std::optional<Environment> environment; // none when the project has no environments
    std::optional<int> pgVersion; // the image's major, when known and one pgdial supports
    SourceRef source; // where the image is named
};

// The project's target PostgreSQL version comes from its files unless the user chose one: the
// server image of the environment asked for (--env NAME), else of production (the server that
// must accept the files), else of the first environment known.
class TargetVersion
{
public:
    // Fails (env.unknown-environment) when `requested` names no environment, or an ambiguous one.
    static base::Result<TargetVersionChoice> choose(const EnvironmentSet &set, const QString &requested);
    // Sets project.settings.pgVersion and its source from settings.environment, unless
    // settings.pgVersionFromUser; the version falls back to the default when no image names one.
    static base::Result<void> apply(project::Project &project);
    static base::Result<void> apply(project::Project &project, const EnvironmentSet &set);
};

} // namespace pgdial::core::environments
