#include "hbashadowfinder.h"

#include "hbacoverage.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <bitset>
#include <climits>

#include <sys/socket.h>

namespace pgdial::core::hba {

namespace {

QByteArray prefixMask(int bytes, int prefix)
{
    QByteArray mask(bytes, '\0');
    for (int i = 0; i < bytes; ++i) {
        const int bits = qBound(0, prefix - 8 * i, 8);
        mask[i] = char(bits == 0 ? 0 : (0xff << (8 - bits)) & 0xff);
    }
    return mask;
}

QByteArray applyMask(const QByteArray &address, const QByteArray &mask)
{
    QByteArray result = address;
    for (qsizetype i = 0; i < result.size() && i < mask.size(); ++i)
        result[i] = char(result.at(i) & mask.at(i));
    return result;
}

QByteArray cidrKey(int family, int prefix, const QByteArray &address)
{
    QByteArray key("c");
    key += char(family == AF_INET6 ? '6' : '4');
    key += char(prefix);
    key += applyMask(address, prefixMask(int(address.size()), prefix));
    return key;
}

// The index key of a rule's own address.
QByteArray addressKey(const HbaRule &rule)
{
    if (rule.type == HbaConnectionType::Local || !rule.address)
        return QByteArrayLiteral("L");
    const HbaAddress &address = *rule.address;
    switch (address.kind) {
    case HbaAddressKind::All:
        return QByteArrayLiteral("a");
    case HbaAddressKind::SameHost:
        return QByteArrayLiteral("H");
    case HbaAddressKind::SameNet:
        return QByteArrayLiteral("N");
    case HbaAddressKind::HostName:
        return 'h' + address.text.toLower().toUtf8();
    case HbaAddressKind::HostSuffix:
        return 's' + address.text.toLower().toUtf8();
    case HbaAddressKind::Cidr:
        if (address.prefixLength >= 0)
            return cidrKey(address.family, address.prefixLength, address.address);
        return "n" + address.mask.toHex() + applyMask(address.address, address.mask);
    }
    return {};
}

bool isContiguousCidr(const HbaAddress &address)
{
    return address.kind == HbaAddressKind::Cidr && address.prefixLength >= 0
        && (address.family == AF_INET || address.family == AF_INET6);
}

// Every address key whose rules accept all the addresses `rule` accepts.
QList<QByteArray> addressCoverKeys(const HbaRule &rule, const std::bitset<129> &prefixes4,
                                   const std::bitset<129> &prefixes6)
{
    if (rule.type == HbaConnectionType::Local || !rule.address)
        return {QByteArrayLiteral("L")};
    const HbaAddress &address = *rule.address;
    QList<QByteArray> keys{QByteArrayLiteral("a")};
    switch (address.kind) {
    case HbaAddressKind::All:
        break;
    case HbaAddressKind::SameHost:
        keys << QByteArrayLiteral("H") << QByteArrayLiteral("N"); // own addresses lie in own subnets
        break;
    case HbaAddressKind::SameNet:
        keys << QByteArrayLiteral("N");
        break;
    case HbaAddressKind::HostName:
    case HbaAddressKind::HostSuffix: {
        const QString name = address.text.toLower();
        keys << addressKey(rule);
        // hostname_match(): ".suffix" takes every name that ends with it.
        for (qsizetype dot = name.indexOf(u'.', 1); dot > 0; dot = name.indexOf(u'.', dot + 1))
            keys << 's' + name.mid(dot).toUtf8();
        if (address.kind == HbaAddressKind::HostName && name.startsWith(u'.'))
            keys << 's' + name.toUtf8();
        break;
    }
    case HbaAddressKind::Cidr:
        if (isContiguousCidr(address)) {
            const std::bitset<129> &prefixes = address.family == AF_INET6 ? prefixes6 : prefixes4;
            for (int q = 0; q <= address.prefixLength && q < 129; ++q) {
                if (prefixes.test(size_t(q)))
                    keys << cidrKey(address.family, q, address.address);
            }
        } else {
            keys << addressKey(rule);
        }
        break;
    }
    return keys;
}

constexpr int maxPieces = 4096;

// Keys are interned to small integers so that the index is keyed by three ints, and a lookup of a
// key no earlier rule has stops at the interning table.
struct ElementKey
{
    int database;
    int user;
    int address;
    bool operator==(const ElementKey &) const = default;
};

size_t qHash(const ElementKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.database, key.user, key.address);
}

int intern(QHash<QByteArray, int> &table, const QByteArray &key)
{
    const auto it = table.constFind(key);
    if (it != table.constEnd())
        return *it;
    const int id = int(table.size());
    table.insert(key, id);
    return id;
}

QList<int> knownIds(const QHash<QByteArray, int> &table, const QList<QByteArray> &keys)
{
    QList<int> ids;
    for (const QByteArray &key : keys) {
        const int id = table.value(key, -1);
        if (id >= 0)
            ids.append(id);
    }
    return ids;
}

} // namespace

QList<HbaDeadRule> HbaShadowFinder::find(const QList<const HbaRule *> &m_rules)
{
    QList<HbaDeadRule> dead;
    struct Entry
    {
        int index;
        quint8 mask;
    };
    QHash<ElementKey, QList<Entry>> index;
    QHash<QByteArray, int> databaseIds;
    QHash<QByteArray, int> userIds;
    QHash<QByteArray, int> addressIds;
    std::bitset<129> prefixes4;
    std::bitset<129> prefixes6;
    const QByteArray any = QByteArrayLiteral("*");

    for (int i = 0; i < m_rules.size(); ++i) {
        const HbaRule &rule = *m_rules.at(i);
        const quint8 mask = HbaCoverage::typeMask(rule.type);
        const qsizetype elements = rule.databases.size() * rule.users.size();
        if (mask == 0 || elements == 0 || elements > maxPieces)
            continue; // nothing provable; too large to index (conservative: it shadows nothing)

        QList<QByteArray> ownDatabaseKeys;
        for (const HbaToken &database : rule.databases)
            ownDatabaseKeys.append(HbaCoverage::databaseKey(database));
        QList<QByteArray> ownUserKeys;
        for (const HbaToken &user : rule.users)
            ownUserKeys.append(HbaCoverage::userKey(user));

        // Is every (connection kind, database token, user token) piece taken by an earlier rule?
        const QList<int> addressCandidates = knownIds(addressIds, addressCoverKeys(rule, prefixes4, prefixes6));
        QSet<int> shadowers;
        bool covered = !addressCandidates.isEmpty();
        for (qsizetype d = 0; d < rule.databases.size() && covered; ++d) {
            const HbaToken &database = rule.databases.at(d);
            QList<QByteArray> databaseKeys{ownDatabaseKeys.at(d)};
            if (database.kind != HbaTokenKind::Replication && database.kind != HbaTokenKind::All)
                databaseKeys << any;
            const QList<int> databaseCandidates = knownIds(databaseIds, databaseKeys);
            for (qsizetype u = 0; u < rule.users.size() && covered; ++u) {
                QList<QByteArray> userKeys{ownUserKeys.at(u)};
                if (rule.users.at(u).kind != HbaTokenKind::All)
                    userKeys << any;
                const QList<int> userCandidates = knownIds(userIds, userKeys);
                int best[4] = {INT_MAX, INT_MAX, INT_MAX, INT_MAX};
                for (int dk : databaseCandidates) {
                    for (int uk : userCandidates) {
                        for (int ak : addressCandidates) {
                            const auto bucket = index.constFind(ElementKey{dk, uk, ak});
                            if (bucket == index.constEnd())
                                continue;
                            quint8 pending = mask;
                            for (const Entry &entry : *bucket) {
                                const quint8 hit = entry.mask & pending;
                                for (int bit = 0; bit < 4; ++bit) {
                                    if (hit & (1 << bit))
                                        best[bit] = std::min(best[bit], entry.index);
                                }
                                pending &= quint8(~hit);
                                if (!pending)
                                    break;
                            }
                        }
                    }
                }
                for (int bit = 0; bit < 4 && covered; ++bit) {
                    if (!(mask & (1 << bit)))
                        continue;
                    if (best[bit] == INT_MAX)
                        covered = false;
                    else
                        shadowers.insert(best[bit]);
                }
            }
        }

        if (covered) {
            HbaDeadRule entry;
            entry.index = i;
            entry.rule = &rule;
            entry.shadowedBy = shadowers.values();
            std::sort(entry.shadowedBy.begin(), entry.shadowedBy.end());
            const bool allSame = std::all_of(entry.shadowedBy.cbegin(), entry.shadowedBy.cend(), [&](int s) {
                return HbaCoverage::sameOutcome(*m_rules.at(s), rule);
            });
            if (allSame)
                entry.kind = HbaDeadRule::Kind::Redundant;
            else if (entry.shadowedBy.size() == 1 && HbaCoverage::covers(rule, *m_rules.at(entry.shadowedBy.first())))
                entry.kind = HbaDeadRule::Kind::Conflicting;
            else
                entry.kind = HbaDeadRule::Kind::Shadowed;
            dead.append(std::move(entry));
            continue; // a dead rule adds nothing for later rules
        }

        const int ownAddress = intern(addressIds, addressKey(rule));
        for (const QByteArray &databaseKeyText : ownDatabaseKeys) {
            const int databaseId = intern(databaseIds, databaseKeyText);
            for (const QByteArray &userKeyText : ownUserKeys)
                index[ElementKey{databaseId, intern(userIds, userKeyText), ownAddress}].append(Entry{i, mask});
        }
        if (rule.address && isContiguousCidr(*rule.address) && rule.type != HbaConnectionType::Local)
            (rule.address->family == AF_INET6 ? prefixes6 : prefixes4).set(size_t(rule.address->prefixLength));
    }
    return dead;
}

} // namespace pgdial::core::hba
