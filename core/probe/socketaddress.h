#pragma once

#include <QString>

#include <sys/socket.h>

namespace pgdial::core::probe {

// One address to connect to: an IPv4/IPv6 address with its port, or a Unix-domain socket path.
struct SocketAddress
{
    sockaddr_storage storage {};
    socklen_t length = 0;
    QString text; // "127.0.0.1", "::1", or the socket path
    int port = 0;
    QString host; // the name it was resolved from (host=, else hostaddr=): what TLS checks the certificate against
    bool isUnix() const { return storage.ss_family == AF_UNIX; }
    QString display() const;
};

} // namespace pgdial::core::probe
