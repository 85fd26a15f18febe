#pragma once

#include "diagnostic.h"
#include "textdocument.h"

#include <QList>
#include <QString>

#include <optional>

namespace pgdial::core::appconfig {

struct ComposePortMapping
{
    QString hostIp;        // "127.0.0.1", empty for all interfaces
    int hostPort = 0;      // 0 when only the container port is given
    int containerPort = 0;
    int line = 0;
};

struct ComposeService
{
    QString name;
    QString image;
    std::optional<int> replicas; // deploy.replicas or scale
    int replicasLine = 0;
    int line = 0;
    QList<ComposePortMapping> ports;

    bool isPostgres() const; // the database service (image postgres*, or named postgres/db)
};

// What the checks need from docker-compose files: services, their replica counts and port mappings.
class ComposeFile
{
public:
    static ComposeFile parse(const TextDocument &document, const QString &fileName);

    QString fileName() const { return m_fileName; }
    const QList<ComposeService> &services() const { return m_services; }
    const Diagnostics &diagnostics() const { return m_diagnostics; }

private:
    QString m_fileName;
    QList<ComposeService> m_services;
    Diagnostics m_diagnostics;
};

} // namespace pgdial::core::appconfig
