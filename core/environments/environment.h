#pragma once

#include "base/diagnostic.h"
#include "environments/composedocument.h"
#include "environments/sourceref.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::environments {

struct EnvironmentUrl
{
    QString name; // "database.url", "DATABASE_URL", "api/DATABASE_URL" (a compose service's variable)
    QString masked; // never the password
    QString host;
    std::optional<int> port;
    QString sslmode; // empty for URLs that are not PostgreSQL's (sqlite)
    bool sqlite = false;
    bool sqliteMemory = false;
    SourceRef source;
};

struct PasswordSource
{
    enum class Kind { Literal, Env, SecretFile };
    QString name;
    Kind kind = Kind::Literal;
    SourceRef source;
    QString literal; // the password itself, for literal ones: only compared (reuse across environments), never shown
    static QString kindId(Kind kind); // "literal", "env", "secret_file"
};

struct EnvironmentSetting // a `-c name=value` of the server's command line
{
    QString name;
    QString value;
    SourceRef source;
};

// One environment of one application (development, production, ...) and what its files say.
struct Environment
{
    QString name; // as the files name it ("dev", "prod"); qualified with the app root in a monorepo ("apps/api:dev")
    QString appRoot; // project-relative folder of the application ("" for the project folder)
    QStringList files;
    std::optional<int> pgVersion;
    SourceRef pgVersionSource;
    QString image; // the server's image reference
    QList<EnvironmentUrl> databaseUrls;
    QList<ComposePort> publishedPorts;
    QList<PasswordSource> passwordSources;
    QString postgresqlConf; // project-relative; empty when the server uses its built-in/data-directory file
    QString pgHba;
    QList<EnvironmentSetting> commandLineSettings;
    std::optional<QString> initdbArgs;
    SourceRef initdbArgsSource;
    QString healthcheck;
    SourceRef healthcheckSource;
    QString serverService; // the compose service that runs PostgreSQL
    ComposeDocument compose; // the environment's compose files merged
};

struct EnvironmentSet
{
    QList<Environment> environments;
    base::Diagnostics diagnostics;

    std::optional<Environment> find(const QString &name) const; // by name, or by canonical name when unambiguous
};

} // namespace pgdial::core::environments
