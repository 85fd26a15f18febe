#include "hba/hbaconnectionattempt.h"

#include <QHash>
#include <QSet>

#include <arpa/inet.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

QString HbaIpAddress::toString() const
{
    if (family == AF_INET && bytes.size() == 4) {
        char text[INET_ADDRSTRLEN] = {};
        inet_ntop(AF_INET, bytes.constData(), text, sizeof text);
        return QString::fromLatin1(text);
    }
    if (family == AF_INET6 && bytes.size() == 16) {
        char text[INET6_ADDRSTRLEN] = {};
        inet_ntop(AF_INET6, bytes.constData(), text, sizeof text);
        return QString::fromLatin1(text);
    }
    return {};
}

std::optional<HbaIpAddress> HbaIpAddress::parse(const QString &text)
{
    QByteArray latin = text.trimmed().toLatin1();
    if (const qsizetype zone = latin.indexOf('%'); zone >= 0)
        latin.truncate(zone);
    if (latin.isEmpty())
        return std::nullopt;
    unsigned char buffer[16] = {};
    if (inet_pton(AF_INET, latin.constData(), buffer) == 1)
        return HbaIpAddress {AF_INET, QByteArray(reinterpret_cast<const char *>(buffer), 4)};
    if (inet_pton(AF_INET6, latin.constData(), buffer) == 1)
        return HbaIpAddress {AF_INET6, QByteArray(reinterpret_cast<const char *>(buffer), 16)};
    return std::nullopt;
}

QStringList HbaConnectionAttempt::memberships(const QString &role, const QHash<QString, QStringList> &directMemberOf)
{
    QStringList result;
    QSet<QString> seen {role};
    QStringList pending = directMemberOf.value(role);
    while (!pending.isEmpty()) {
        const QString next = pending.takeFirst();
        if (seen.contains(next))
            continue;
        seen.insert(next);
        result.append(next);
        pending.append(directMemberOf.value(next));
    }
    return result;
}

} // namespace pgdial::core::hba
