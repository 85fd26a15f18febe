#pragma once

#include "serversetting.h"

#include <QString>

#include <optional>

namespace pgdial::core {
class Project;
}

namespace pgdial::core::tuning {

// A number from a project file and where it was written.
struct SourcedNumber
{
    int value = 0;
    QString file; // project-relative
    int line = 0; // 1-based
};

// What the pool calculator can learn from a project: the app's pool settings from config.yaml
// (`database.pool_size`, `max_overflow`, `pool_timeout`, `app.workers`; a `${VAR:-default}` takes
// its default) and the server's connection limits from postgresql.conf.
struct ProjectPoolSettings
{
    std::optional<SourcedNumber> poolSize;
    std::optional<SourcedNumber> maxOverflow;
    std::optional<SourcedNumber> poolTimeout;
    std::optional<SourcedNumber> workers;
    std::optional<SourcedNumber> maxConnections;
    std::optional<SourcedNumber> superuserReservedConnections;
    std::optional<SourcedNumber> reservedConnections;

    // Reads the first config.yaml (yaml-cpp; a stand-in until the appconfig engine lands) and the
    // first top-level postgresql.conf through the pgconf engine (includes followed).
    static ProjectPoolSettings read(const Project &project);

    // What the app's pools can open at peak: instances x workers x (pool_size + max_overflow)
    // (workers 1 and max_overflow 0 when not set); nullopt without a pool_size. Other clients
    // (migrations, jobs, admin sessions) are not in config.yaml and come on top.
    std::optional<int> appDemand(int instances) const;
};

} // namespace pgdial::core::tuning
