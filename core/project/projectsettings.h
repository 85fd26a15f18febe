#pragma once

#include <QtGlobal>

#include <optional>

namespace pgdial::core {

// Per-project choices that are not in the project's files. The desktop app stores them in the
// user's settings (never in the project folder); the CLI takes them from options.
struct ProjectSettings
{
    static constexpr int defaultPgVersion = 17;
    static constexpr int minPgVersion = 13;
    static constexpr int maxPgVersion = 18;

    int pgVersion = defaultPgVersion;    // target PostgreSQL major version
    std::optional<qint64> ramBytes;      // the database machine's memory, when known
    std::optional<int> cpus;             // the database machine's CPU count, when known
    std::optional<int> appInstances;     // app instances sharing the server (pool budget)
    bool useProcessEnvironment = false;  // let the process environment override .env values
};

} // namespace pgdial::core
