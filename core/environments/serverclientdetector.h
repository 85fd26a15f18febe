#pragma once

#include "environments/environment.h"
#include "environments/serverclientlist.h"

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::environments {

// Builds the list of every client of the server that a project shows, for the environment the
// project is judged as (ProjectSettings::environment, else production, else the first):
// - the app's pools: instances (the app service's deploy.replicas, else the project's instance
//   count) x workers (config.yaml app.workers) x (pool_size + max_overflow), one instance more
//   during a rolling update;
// - other compose services running the app's code with its URL (workers, schedulers);
// - Temporal (a temporalio service, else config.yaml's temporal section or TEMPORAL_* in .env):
//   SQL_MAX_CONNS (default 20) for each of its two databases;
// - roles the init scripts create WITH LOGIN that nothing above accounts for (CONNECTION LIMIT,
//   else one session), the backup role among them;
// - replication (walsender slots, outside max_connections), superuser_reserved_connections and
//   reserved_connections;
// - the clients added by hand (ProjectSettings::manualClients).
// Every entry says how its count comes about and where the file says so.
class ServerClientDetector
{
public:
    static ServerClientList detect(const project::Project &project);
    static ServerClientList detect(const project::Project &project, const EnvironmentSet &environments);
};

} // namespace pgdial::core::environments
