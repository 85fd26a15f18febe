#include "hba/hbamatcher.h"

#include <QCoreApplication>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HbaMatcher", text);
}

bool inRange(const QByteArray &candidate, const QByteArray &network, const QByteArray &mask)
{
    if (candidate.size() != network.size() || mask.size() != network.size())
        return false;
    for (qsizetype i = 0; i < candidate.size(); ++i) {
        if ((candidate.at(i) ^ network.at(i)) & mask.at(i))
            return false;
    }
    return true;
}

QByteArray sockaddrBytes(const sockaddr *address)
{
    if (!address)
        return {};
    if (address->sa_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(address);
        return QByteArray(reinterpret_cast<const char *>(&in->sin_addr), 4);
    }
    if (address->sa_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(address);
        return QByteArray(reinterpret_cast<const char *>(&in6->sin6_addr), 16);
    }
    return {};
}

// hostname_match() in hba.c: exact or ".suffix", case-insensitive.
bool hostNameMatches(const QString &pattern, const QString &actual)
{
    if (pattern.startsWith(u'.')) {
        if (actual.size() < pattern.size())
            return false;
        return actual.right(pattern.size()).compare(pattern, Qt::CaseInsensitive) == 0;
    }
    return actual.compare(pattern, Qt::CaseInsensitive) == 0;
}

QString transportText(HbaTransport transport)
{
    switch (transport) {
    case HbaTransport::Local:
        return tr("a Unix-socket connection");
    case HbaTransport::Tcp:
        return tr("a TCP connection without encryption");
    case HbaTransport::TcpSsl:
        return tr("an SSL connection");
    case HbaTransport::TcpGss:
        return tr("a GSS-encrypted connection");
    }
    return {};
}

} // namespace

bool hbaIsMember(const HbaConnectionAttempt &attempt, const QString &group)
{
    if (!attempt.userExists)
        return false;
    return attempt.user == group || attempt.memberOf.contains(group);
}

HbaMatcher::HbaMatcher(const HbaFile &file)
    : HbaMatcher(file.validRules())
{ }

HbaMatcher::HbaMatcher(QList<const HbaRule *> rules)
    : m_rules(std::move(rules))
{ }

QString HbaMatcher::mismatchName(HbaMismatch mismatch)
{
    switch (mismatch) {
    case HbaMismatch::None:
        return u"match"_s;
    case HbaMismatch::RuleHasError:
        return u"error"_s;
    case HbaMismatch::ConnectionType:
        return u"type"_s;
    case HbaMismatch::Address:
        return u"address"_s;
    case HbaMismatch::HostNameUnknown:
        return u"host-name-unknown"_s;
    case HbaMismatch::Database:
        return u"database"_s;
    case HbaMismatch::User:
        return u"user"_s;
    }
    return {};
}

HbaMatchResult HbaMatcher::match(const HbaConnectionAttempt &attempt, bool withReasons) const
{
    HbaMatchResult result;
    result.trace.reserve(m_rules.size());
    for (int i = 0; i < m_rules.size(); ++i) {
        const HbaRule &rule = *m_rules.at(i);
        QString reason;
        const HbaMismatch mismatch = check(rule, attempt, withReasons ? &reason : nullptr);
        if (mismatch == HbaMismatch::None) {
            result.rule = &rule;
            result.index = i;
            return result;
        }
        if (mismatch == HbaMismatch::HostNameUnknown)
            result.uncertain = true;
        result.trace.append(HbaRuleTrace {&rule, i, mismatch, reason});
    }
    return result;
}

HbaMismatch HbaMatcher::check(const HbaRule &rule, const HbaConnectionAttempt &attempt, QString *reason) const
{
    auto fail = [reason](HbaMismatch mismatch, auto &&text) {
        if (reason)
            *reason = text();
        return mismatch;
    };
    if (rule.hasError())
        return fail(HbaMismatch::RuleHasError, [&] { return tr("the line has an error: %1").arg(rule.error); });
    // The notes a server logs while keeping the line (hostssl with ssl = off, hostgssenc on a build
    // without GSSAPI): no connection of that type can reach the server, so the line never matches.
    if (!rule.error.isEmpty())
        return fail(HbaMismatch::ConnectionType, [&] { return tr("the line can never match: %1").arg(rule.error); });

    const HbaConnectionType type = rule.type;
    const HbaTransport transport = attempt.transport;
    bool typeOk = false;
    switch (type) {
    case HbaConnectionType::Invalid:
        typeOk = false;
        break;
    case HbaConnectionType::Local:
        typeOk = transport == HbaTransport::Local;
        break;
    case HbaConnectionType::Host:
        typeOk = transport != HbaTransport::Local;
        break;
    case HbaConnectionType::HostSsl:
        typeOk = transport == HbaTransport::TcpSsl;
        break;
    case HbaConnectionType::HostNoSsl:
        typeOk = transport == HbaTransport::Tcp || transport == HbaTransport::TcpGss;
        break;
    case HbaConnectionType::HostGssEnc:
        typeOk = transport == HbaTransport::TcpGss;
        break;
    case HbaConnectionType::HostNoGssEnc:
        typeOk = transport == HbaTransport::Tcp || transport == HbaTransport::TcpSsl;
        break;
    }
    if (!typeOk)
        return fail(HbaMismatch::ConnectionType, [&] {
            return tr("\"%1\" lines do not take %2").arg(connectionTypeName(type), transportText(transport));
        });

    if (type != HbaConnectionType::Local) {
        if (!rule.address)
            return fail(HbaMismatch::Address, [] { return tr("the line has no address"); });
        const HbaMismatch addressResult = addressMatches(*rule.address, attempt, reason);
        if (addressResult != HbaMismatch::None)
            return addressResult;
    }
    if (!databaseMatches(rule, attempt)) {
        if (attempt.physicalReplication)
            return fail(HbaMismatch::Database, [] {
                return tr("a physical replication connection only matches the keyword \"replication\"");
            });
        return fail(HbaMismatch::Database,
                    [&] { return tr("database \"%1\" is not in this line's database list").arg(attempt.database); });
    }
    if (!userMatches(rule, attempt))
        return fail(HbaMismatch::User,
                    [&] { return tr("user \"%1\" is not in this line's user list").arg(attempt.user); });
    if (reason)
        reason->clear();
    return HbaMismatch::None;
}

HbaMismatch HbaMatcher::addressMatches(const HbaAddress &address, const HbaConnectionAttempt &attempt,
                                       QString *reason) const
{
    auto fail = [reason](HbaMismatch mismatch, auto &&text) {
        if (reason)
            *reason = text();
        return mismatch;
    };
    const HbaIpAddress &client = attempt.clientAddress;
    switch (address.kind) {
    case HbaAddressKind::All:
        return HbaMismatch::None;
    case HbaAddressKind::Cidr:
        // check_ip(): the families must be equal (no IPv4-mapped promotion since PG 12).
        if (client.family == address.family && inRange(client.bytes, address.address, address.mask))
            return HbaMismatch::None;
        return fail(HbaMismatch::Address, [&] {
            return tr("client address %1 is not in %2")
                .arg(client.toString(),
                     address.netmaskText.isEmpty() ? address.text : address.text + u' ' + address.netmaskText);
        });
    case HbaAddressKind::SameHost:
    case HbaAddressKind::SameNet: {
        const bool sameHost = address.kind == HbaAddressKind::SameHost;
        for (const HbaInterface &interface : m_interfaces) {
            if (interface.address.family != client.family)
                continue;
            const QByteArray mask = sameHost ? QByteArray(client.bytes.size(), char(0xff)) : interface.netmask;
            if (inRange(client.bytes, interface.address.bytes, mask))
                return HbaMismatch::None;
        }
        return fail(HbaMismatch::Address, [&] {
            return sameHost ? tr("client address %1 is not one of the server's own addresses").arg(client.toString())
                            : tr("client address %1 is not on a subnet the server is on").arg(client.toString());
        });
    }
    case HbaAddressKind::HostName:
    case HbaAddressKind::HostSuffix:
        if (!attempt.clientHostName)
            return fail(HbaMismatch::HostNameUnknown, [&] {
                return tr("host-name rule \"%1\": the client's host name is not known (the server would look it "
                          "up with reverse and forward DNS)")
                    .arg(address.text);
            });
        if (hostNameMatches(address.text, *attempt.clientHostName))
            return HbaMismatch::None;
        return fail(HbaMismatch::Address, [&] {
            return tr("client host name \"%1\" does not match \"%2\"").arg(*attempt.clientHostName, address.text);
        });
    }
    return fail(HbaMismatch::Address, [] { return tr("unknown address kind"); });
}

bool HbaMatcher::regexMatches(const QString &pattern, const QString &name) const
{
    auto it = m_regexCache.constFind(pattern);
    if (it == m_regexCache.constEnd())
        it = m_regexCache.insert(pattern, QRegularExpression(pattern));
    return it->isValid() && it->match(name).hasMatch();
}

// check_db() in hba.c.
bool HbaMatcher::databaseMatches(const HbaRule &rule, const HbaConnectionAttempt &attempt) const
{
    for (const HbaToken &token : rule.databases) {
        if (attempt.physicalReplication) {
            if (token.kind == HbaTokenKind::Replication)
                return true;
            continue;
        }
        switch (token.kind) {
        case HbaTokenKind::All:
            return true;
        case HbaTokenKind::SameUser:
            if (attempt.database == attempt.user)
                return true;
            break;
        case HbaTokenKind::SameRole:
        case HbaTokenKind::SameGroup:
            if (hbaIsMember(attempt, attempt.database))
                return true;
            break;
        case HbaTokenKind::Replication:
            break;
        case HbaTokenKind::Regex:
            if (regexMatches(token.value, attempt.database))
                return true;
            break;
        case HbaTokenKind::Literal:
        case HbaTokenKind::Group: // `+x` means nothing special in the database field
            if (token.text == attempt.database)
                return true;
            break;
        }
    }
    return false;
}

// check_role() in hba.c.
bool HbaMatcher::userMatches(const HbaRule &rule, const HbaConnectionAttempt &attempt) const
{
    for (const HbaToken &token : rule.users) {
        switch (token.kind) {
        case HbaTokenKind::Group:
            if (hbaIsMember(attempt, token.value))
                return true;
            break;
        case HbaTokenKind::All:
            return true;
        case HbaTokenKind::Regex:
            if (regexMatches(token.value, attempt.user))
                return true;
            break;
        default:
            // Keywords of the database field are plain names here (token_matches compares text).
            if (token.text == attempt.user)
                return true;
            break;
        }
    }
    return false;
}

QList<HbaInterface> HbaMatcher::machineInterfaces()
{
    QList<HbaInterface> result;
    ifaddrs *list = nullptr;
    if (getifaddrs(&list) != 0)
        return result;
    for (ifaddrs *entry = list; entry; entry = entry->ifa_next) {
        if (!entry->ifa_addr)
            continue;
        const int family = entry->ifa_addr->sa_family;
        if (family != AF_INET && family != AF_INET6)
            continue;
        HbaInterface interface;
        interface.address = HbaIpAddress {family, sockaddrBytes(entry->ifa_addr)};
        interface.netmask = sockaddrBytes(entry->ifa_netmask);
        if (interface.netmask.size() != interface.address.bytes.size())
            interface.netmask = QByteArray(interface.address.bytes.size(), char(0xff));
        result.append(interface);
    }
    freeifaddrs(list);
    return result;
}

} // namespace pgdial::core::hba
