#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::hba {

// A numeric client address: family (AF_INET / AF_INET6) and its 4 or 16 bytes.
struct HbaIpAddress
{
    int family = 0;
    QByteArray bytes;

    bool isValid() const { return family != 0; }
    QString toString() const;
    // Numeric IPv4 or IPv6 text ("10.1.2.3", "::1", "fe80::1%lo": the zone is ignored).
    static std::optional<HbaIpAddress> parse(const QString &text);
    bool operator==(const HbaIpAddress &) const = default;
};

// How a client reaches the server (postgres-semantics.md B13).
enum class HbaTransport {
    Local, // Unix-domain socket
    Tcp, // TCP without SSL or GSS encryption
    TcpSsl, // TCP with SSL
    TcpGss, // TCP with GSSAPI encryption
};

// One connection attempt, as the server sees it when it walks pg_hba.conf.
struct HbaConnectionAttempt
{
    HbaTransport transport = HbaTransport::Tcp;
    QString database;
    QString user;
    // Every role `user` is a member of, directly or indirectly (not `user` itself, which always
    // counts). Use HbaConnectionAttempt::memberships() to close a direct-membership graph.
    QStringList memberOf;
    bool userExists = true; // a role that does not exist is a member of nothing, not even itself
    HbaIpAddress clientAddress; // TCP only
    std::optional<QString> clientHostName; // the verified reverse-DNS name, when known
    bool physicalReplication = false; // replication=true (logical replication is a normal one)

    bool isTcp() const { return transport != HbaTransport::Local; }
    // The roles reachable from `role` through `directMemberOf` (role → roles it is granted),
    // following memberships transitively; `role` itself is not included.
    static QStringList memberships(const QString &role, const QHash<QString, QStringList> &directMemberOf);
};

} // namespace pgdial::core::hba
