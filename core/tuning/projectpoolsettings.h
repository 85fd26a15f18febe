#pragma once

#include "appconfig/variableresolver.h"

#include <QString>

#include <optional>

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::tuning {

// A number from a project file, where it is written and where its value came from.
struct SourcedNumber
{
    int value = 0;
    QString file; // project-relative file that writes it
    int line = 0; // 1-based
    QString written; // as written, before ${VAR} substitution ("20", "${APP_POOL:-10}")
    // config.yaml values: literal, a ${VAR:-default}'s default, .env or the process environment.
    appconfig::Provenance provenance;
};

// What the pool calculator learns from a project: the app's pool settings from config.yaml
// (`database.pool_size`, `max_overflow`, `pool_timeout`, `app.workers`), read by the appconfig
// engine with ${VAR:-default} resolved against .env (and the process environment when the project
// settings say so), and the server's connection limits from postgresql.conf through the pgconf
// engine (includes followed). Both read the project's documents, so unsaved edits count.
struct ProjectPoolSettings
{
    QString appConfigFile; // the config.yaml read (project-relative), empty when none
    QString serverConfigFile; // the top postgresql.conf read, empty when none
    std::optional<SourcedNumber> poolSize;
    std::optional<SourcedNumber> maxOverflow;
    std::optional<SourcedNumber> poolTimeout;
    std::optional<SourcedNumber> workers;
    std::optional<SourcedNumber> maxConnections;
    std::optional<SourcedNumber> superuserReservedConnections;
    std::optional<SourcedNumber> reservedConnections;
    std::optional<SourcedNumber> maxWalSenders;

    static ProjectPoolSettings read(const project::Project &project);

    // The config.yaml whose database section pgdial sizes: the first one with a database section,
    // else the first loaded one. Empty when the project has none.
    static QString appConfigOf(const project::Project &project);
    // The first postgresql.conf that no other file includes. Empty when the project has none.
    static QString serverConfigOf(const project::Project &project);
    // What the app's pools can open at peak: instances x workers x (pool_size + max_overflow)
    // (workers 1 and max_overflow 0 when not set); nullopt without a pool_size. Other clients
    // (migrations, jobs, admin sessions) are not in config.yaml and come on top.
    std::optional<int> appDemand(int instances) const;
};

} // namespace pgdial::core::tuning
