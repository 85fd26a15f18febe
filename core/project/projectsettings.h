#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace pgdial::core::project {

// A client of the server the project's files do not show, added by hand with the connections it
// holds at most (a cron job, a BI tool). One named like a detected client corrects its count.
struct ManualClient
{
    QString name;
    int connections = 0;

    bool operator==(const ManualClient &) const = default;
};

// Per-project choices that are not in the project's files. The desktop app stores them in the
// user's settings (never in the project folder); the CLI takes them from options.
struct ProjectSettings
{
    static constexpr int defaultPgVersion = 17;
    static constexpr int minPgVersion = 13;
    static constexpr int maxPgVersion = 18;

    int pgVersion = defaultPgVersion; // target PostgreSQL major version
    // Whether pgVersion is the user's choice (Project Settings, --pg-version). Otherwise it follows
    // the server image of the chosen environment (environments::TargetVersion), else the default.
    bool pgVersionFromUser = false;
    // The environment the project is judged as (--env NAME); empty: production, else the first known.
    QString environment;
    // Where a pgVersion the user did not choose comes from: the file and line naming the server
    // image ("docker-compose.prod.yml", 5); empty when it is the default. pgVersionEnvironment
    // names the environment the project is judged as.
    QString pgVersionSourceFile;
    int pgVersionSourceLine = 0;
    QString pgVersionEnvironment;
    std::optional<qint64> ramBytes; // the database machine's memory, when known
    std::optional<int> cpus; // the database machine's CPU count, when known
    std::optional<int> appInstances; // app instances sharing the server (pool budget)
    QList<ManualClient> manualClients; // environments::ServerClientDetector adds them to the list
    bool useProcessEnvironment = false; // let the process environment override .env values
    // What pgdial knows of the server that reads the project's postgresql.conf and pg_hba.conf,
    // for the values and rules whose verdict depends on it (pgconf::ConfServerFacts,
    // hba::HbaParseOptions::forServer). Build features: "ssl", "lz4", "zstd", "liburing",
    // "bonjour", "ldap", "gssapi", "pam" (knownBuildFeatures()); nullopt: unknown, so values and
    // rules needing one are warnings, not errors.
    std::optional<QSet<QString>> serverBuildFeatures;
    // The server runs on the machine pgdial runs on: locales and the stack limit are judged here.
    bool serverOnThisMachine = false;

    // The build features a user can name, in the order the UI lists them.
    static QStringList knownBuildFeatures()
    {
        return {QStringLiteral("ssl"),     QStringLiteral("lz4"),  QStringLiteral("zstd"),   QStringLiteral("liburing"),
                QStringLiteral("bonjour"), QStringLiteral("ldap"), QStringLiteral("gssapi"), QStringLiteral("pam")};
    }
};

} // namespace pgdial::core::project
