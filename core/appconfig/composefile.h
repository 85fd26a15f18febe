#pragma once

#include "base/diagnostic.h"
#include "base/textdocument.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::appconfig {

struct ComposePortMapping
{
    QString hostIp; // "127.0.0.1", empty for all interfaces
    int hostPort = 0; // 0 when only the container port is given
    int containerPort = 0;
    int line = 0;
};

// A bind mount or volume of a service ("./pg_hba.conf:/etc/postgresql/pg_hba.conf:ro").
struct ComposeVolume
{
    QString source; // as written: a path (./x, /x) or a named volume
    QString target; // the path inside the container
    int line = 0;
};

struct ComposeService
{
    QString name;
    QString containerName;
    QString image;
    std::optional<int> replicas; // deploy.replicas or scale
    int replicasLine = 0;
    int line = 0;
    QList<ComposePortMapping> ports;
    QList<ComposeVolume> volumes;
    QStringList networks; // networks the service joins; empty: the project's "default" network

    bool isPostgres() const; // the database service (image postgres*, or named postgres/db)
    // The source of a bind mount as a path relative to the project folder (the compose file's folder
    // is `composeFolder`, project-relative); empty for named volumes and paths outside the project.
    static QString projectPath(const QString &composeFolder, const QString &source);
};

// What the checks need from docker-compose files: services, their replica counts, port mappings,
// bind mounts and networks (to know which server a URL reaches and from which client address).
class ComposeFile
{
public:
    static ComposeFile parse(const base::TextDocument &document, const QString &fileName);

    QString fileName() const { return m_fileName; }
    const QList<ComposeService> &services() const { return m_services; }
    // Subnets declared for each top-level network (networks.<name>.ipam.config[].subnet), CIDR text.
    QStringList subnets(const QString &network) const { return m_subnets.value(network); }
    const base::Diagnostics &diagnostics() const { return m_diagnostics; }

private:
    QString m_fileName;
    QList<ComposeService> m_services;
    QHash<QString, QStringList> m_subnets;
    base::Diagnostics m_diagnostics;
};

} // namespace pgdial::core::appconfig
