#pragma once

#include "appconfig/composefile.h"
#include "appconfig/connectionurl.h"
#include "appconfig/databaseconfig.h"
#include "base/diagnostic.h"
#include "project/serversetting.h"

#include <QList>
#include <QString>

namespace pgdial::core::checks {

// Checks that need the application's settings and the server's together (codes app.*). Each
// diagnostic names both places: the app's file and line, and the postgresql.conf line in `related`.
class AppServerChecks
{
public:
    struct Inputs
    {
        appconfig::DatabaseConfig config;
        appconfig::ConnectionUrl url; // database.url, resolved and parsed
        QString urlFile; // where the URL's text is (config.yaml or .env)
        int urlLine = 0;
        int instances = 1; // app instances (compose replicas / scale, or the project setting)
        QString instancesSource; // "docker-compose.prod.yml:12", "project setting", ...
        int workers = 1; // worker processes per instance (config.yaml app.workers)
        QString workersSource;
        int otherClients = 0; // everyone else (environments::ServerClientList::otherDemand)
        QString otherClientsDetail; // who they are ("Temporal 40 + backupuser 1")
        QList<appconfig::ComposeFile> composeFiles;
        int pgVersion = 17;
    };

    static base::Diagnostics check(const Inputs &inputs, const project::ServerSettingLookup &lookup);

    // PostgreSQL's time values ("30s", "1min", "5000") in milliseconds; `defaultUnitMs` for bare numbers.
    static std::optional<qint64> parseDurationMs(const QString &value, qint64 defaultUnitMs);
    static std::optional<bool> parseBool(const QString &value);
};

} // namespace pgdial::core::checks
