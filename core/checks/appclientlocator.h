#pragma once

#include "appconfig/composefile.h"
#include "appconfig/connectionurl.h"
#include "hba/hbaconnectionattempt.h"

#include <QList>
#include <QString>

namespace pgdial::core::checks {

// Where the app's connection comes from, as the server that reads a given pg_hba.conf sees it.
struct AppClient
{
    bool local = false; // Unix-domain socket
    QList<hba::HbaIpAddress> addresses; // TCP: the client address(es) the server sees (any one suffices)
    QString addressForRule; // what a rule should name: "127.0.0.1/32", "172.30.50.0/24"
    QString description; // for people: "172.30.50.2 (the app on network backend, ...)"
    QString composePlace; // "docker-compose.prod.yml:34" when compose decided it
};

// Works out which server a connection URL reaches and from where, so that the pg_hba.conf
// simulator can be asked about it:
// - a compose service name or container_name as the host: the app runs on that service's
//   network, so its address lies in the network's subnet (ipam config);
// - loopback with a port a compose database service publishes: Docker forwards the connection, and
//   the server sees the network's gateway;
// - loopback without compose: 127.0.0.1 / ::1; no host or a socket directory: a local socket.
// Only servers that read `hbaPath` count: a compose database service that does not mount that file
// uses its image's own pg_hba.conf. Unknown (a remote host, a network without a declared subnet):
// no client, and the checks that need one stay silent.
class AppClientLocator
{
public:
    static std::optional<AppClient> locate(const appconfig::ConnectionUrl &url,
                                           const QList<appconfig::ComposeFile> &composeFiles, const QString &hbaPath);
    // The address `offset` hosts into a subnet ("172.30.50.0/24", 2 → 172.30.50.2).
    static std::optional<hba::HbaIpAddress> hostInSubnet(const QString &cidr, int offset);
};

} // namespace pgdial::core::checks
