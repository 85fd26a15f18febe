#pragma once

#include "appconfig/variableresolver.h"
#include "base/diagnostic.h"
#include "project/serversetting.h"

#include <QString>

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::checks {

// The application-side checks of a project: each .env / .env.example / config.yaml on its own,
// .env against .env.example, config.yaml's database section resolved against .env (and the process
// environment when project.settings.useProcessEnvironment), and the app-vs-server checks.
class AppConfigChecker
{
public:
    static base::Diagnostics check(const project::Project &project, const project::ServerSettingLookup &lookup);

    // The resolver for files in `folder` (project-relative, "" for the root): that folder's .env,
    // else the root's, plus the process environment when the project settings say so.
    static appconfig::VariableResolver resolverFor(const project::Project &project, const QString &folder = {});
};

} // namespace pgdial::core::checks
