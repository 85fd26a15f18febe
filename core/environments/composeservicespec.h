#pragma once

#include "environments/sourceref.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::environments {

// One KEY=value of a service's `environment:` (after ${VAR} interpolation; `written` keeps the text).
struct ComposeEnvironmentEntry
{
    QString key;
    QString value;
    QString written; // as in the file, before interpolation ("${APP_DB:-appdb}")
    bool valueless = false; // "- KEY" / "KEY:": taken from the shell that runs compose
    SourceRef source;
};

struct ComposePort
{
    QString hostIp; // "127.0.0.1"; empty: every interface
    std::optional<int> published; // host port; nullopt: only the container port is given (random host port)
    int target = 0; // container port
    SourceRef source;
};

struct ComposeMount
{
    QString source; // as written: "./infra/pg_hba.conf", a named volume, an absolute path
    QString target; // path inside the container
    QString projectPath; // the source as a project-relative path; empty for named volumes and outside paths
    SourceRef where;
};

struct ComposeArgument
{
    QString text;
    SourceRef source;
};

struct ComposeReference // a secret or network a service uses, a service it depends on
{
    QString name;
    QString condition; // depends_on: service_started / service_healthy / service_completed_successfully
    SourceRef source;
};

struct ComposeEnvFileRef
{
    QString path; // as written
    QString projectPath; // project-relative
    bool required = true;
    SourceRef source;
};

// A service of a compose file after merge keys (<<), `extends` and interpolation.
struct ComposeServiceSpec
{
    QString name;
    SourceRef source; // the service's key
    QString image;
    SourceRef imageSource;
    QString containerName;
    QList<ComposeEnvironmentEntry> environment;
    QList<ComposeEnvFileRef> envFiles;
    QList<ComposePort> ports;
    QList<ComposeMount> volumes;
    QList<ComposeArgument> command; // split into words (a string command: each word on its line)
    QList<ComposeReference> secrets;
    QList<ComposeReference> networks; // empty: the "default" network
    QList<ComposeReference> dependsOn;
    QString healthcheck; // the test as one command line ("pg_isready -U postgres -d postgres")
    SourceRef healthcheckSource;
    std::optional<int> replicas; // deploy.replicas or scale
    SourceRef replicasSource;

    std::optional<ComposeEnvironmentEntry> environmentValue(const QString &key) const;
    bool isPostgres() const; // runs a PostgreSQL server (its image, or named postgres/db/database without one)
    // `this` written over `base` (an `extends` base or an earlier compose file): scalars replace,
    // environment merges by key, volumes by target, lists are joined.
    ComposeServiceSpec mergedOver(const ComposeServiceSpec &base) const;
};

struct ComposeSecret // a top-level `secrets:` entry
{
    QString name;
    QString file; // as written (file: ./x.txt); empty for environment/external secrets
    QString projectPath; // project-relative file
    bool external = false;
    SourceRef source;
};

} // namespace pgdial::core::environments
