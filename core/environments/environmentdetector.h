#pragma once

#include "environments/environment.h"

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::environments {

// Settles which environments a project folder holds and which files belong to each: compose files
// (docker-compose.yml as the base, docker-compose.<name>.yml / compose.<name>.yaml per environment,
// the override with the development one), .env (the environment its APP_ENVIRONMENT names, else
// all), .env.<name>, config.yaml's per-environment sections. Files are grouped by application root
// (each folder holding compose or .env files): one app's files are never mixed with another's.
class EnvironmentDetector
{
public:
    static EnvironmentSet detect(const project::Project &project);
};

} // namespace pgdial::core::environments
