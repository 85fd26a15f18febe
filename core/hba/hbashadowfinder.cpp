#include "hba/hbashadowfinder.h"

#include "hba/hbacoverage.h"

#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <bitset>
#include <climits>
#include <string>
#include <string_view>
#include <unordered_map>

#include <sys/socket.h>

namespace pgdial::core::hba {

namespace {

// Keys are built in one reused UTF-16 buffer and interned to small integers, so that the index is
// keyed by three ints and looking up a key allocates nothing (only a key seen for the first time
// is stored).
struct KeyHash
{
    using is_transparent = void;
    size_t operator()(std::u16string_view key) const noexcept { return std::hash<std::u16string_view> {}(key); }
};
using KeyTable = std::unordered_map<std::u16string, int, KeyHash, std::equal_to<>>;

int lookup(const KeyTable &table, std::u16string_view key)
{
    const auto it = table.find(key);
    return it == table.end() ? -1 : it->second;
}

int intern(KeyTable &table, std::u16string_view key)
{
    const auto it = table.find(key);
    if (it != table.end())
        return it->second;
    const int id = int(table.size());
    table.emplace(std::u16string(key), id);
    return id;
}

void appendText(std::u16string &out, const QString &text)
{
    out.append(reinterpret_cast<const char16_t *>(text.utf16()), size_t(text.size()));
}

// A network: family, prefix length and the address with its host bits cleared.
void appendCidrKey(std::u16string &out, int family, int prefix, const QByteArray &address)
{
    out += u'c';
    out += family == AF_INET6 ? u'6' : u'4';
    out += char16_t(prefix);
    for (qsizetype i = 0; i < address.size(); ++i) {
        const int bits = qBound(0, prefix - 8 * int(i), 8);
        const int mask = bits == 0 ? 0 : (0xff << (8 - bits)) & 0xff;
        out += char16_t(static_cast<quint8>(address.at(i)) & mask);
    }
}

// The index key of a rule's own address.
void appendAddressKey(std::u16string &out, const HbaRule &rule)
{
    if (rule.type == HbaConnectionType::Local || !rule.address) {
        out += u'L';
        return;
    }
    const HbaAddress &address = *rule.address;
    switch (address.kind) {
    case HbaAddressKind::All:
        out += u'a';
        return;
    case HbaAddressKind::SameHost:
        out += u'H';
        return;
    case HbaAddressKind::SameNet:
        out += u'N';
        return;
    case HbaAddressKind::HostName:
        out += u'h';
        appendText(out, address.text.toLower());
        return;
    case HbaAddressKind::HostSuffix:
        out += u's';
        appendText(out, address.text.toLower());
        return;
    case HbaAddressKind::Cidr:
        if (address.prefixLength >= 0) {
            appendCidrKey(out, address.family, address.prefixLength, address.address);
            return;
        }
        // A non-contiguous netmask: the mask itself and the masked address.
        out += u'n';
        for (qsizetype i = 0; i < address.mask.size(); ++i)
            out += char16_t(static_cast<quint8>(address.mask.at(i)));
        out += u'/';
        for (qsizetype i = 0; i < address.address.size() && i < address.mask.size(); ++i)
            out += char16_t(static_cast<quint8>(address.address.at(i) & address.mask.at(i)));
        return;
    }
}

bool isContiguousCidr(const HbaAddress &address)
{
    return address.kind == HbaAddressKind::Cidr && address.prefixLength >= 0
        && (address.family == AF_INET || address.family == AF_INET6);
}

using Ids = QVarLengthArray<int, 16>;

// The ids of every known address key whose rules accept all the addresses `rule` accepts.
void addressCoverIds(const HbaRule &rule, const std::bitset<129> &prefixes4, const std::bitset<129> &prefixes6,
                     const KeyTable &table, std::u16string &buffer, Ids &ids)
{
    auto add = [&] {
        if (const int id = lookup(table, buffer); id >= 0)
            ids.append(id);
        buffer.clear();
    };
    buffer.clear();
    if (rule.type == HbaConnectionType::Local || !rule.address) {
        buffer += u'L';
        add();
        return;
    }
    const HbaAddress &address = *rule.address;
    buffer += u'a';
    add();
    switch (address.kind) {
    case HbaAddressKind::All:
        break;
    case HbaAddressKind::SameHost:
        buffer += u'H'; // own addresses lie in own subnets
        add();
        buffer += u'N';
        add();
        break;
    case HbaAddressKind::SameNet:
        buffer += u'N';
        add();
        break;
    case HbaAddressKind::HostName:
    case HbaAddressKind::HostSuffix: {
        const QString name = address.text.toLower();
        appendAddressKey(buffer, rule);
        add();
        // hostname_match(): ".suffix" takes every name that ends with it.
        for (qsizetype dot = name.indexOf(u'.', 1); dot > 0; dot = name.indexOf(u'.', dot + 1)) {
            buffer += u's';
            appendText(buffer, name.mid(dot));
            add();
        }
        if (address.kind == HbaAddressKind::HostName && name.startsWith(u'.')) {
            buffer += u's';
            appendText(buffer, name);
            add();
        }
        break;
    }
    case HbaAddressKind::Cidr:
        if (isContiguousCidr(address)) {
            const std::bitset<129> &prefixes = address.family == AF_INET6 ? prefixes6 : prefixes4;
            for (int q = 0; q <= address.prefixLength && q < 129; ++q) {
                if (prefixes.test(size_t(q))) {
                    appendCidrKey(buffer, address.family, q, address.address);
                    add();
                }
            }
        } else {
            appendAddressKey(buffer, rule);
            add();
        }
        break;
    }
}

constexpr int maxPieces = 4096;

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
    KeyTable databaseIds;
    KeyTable userIds;
    KeyTable addressIds;
    std::bitset<129> prefixes4;
    std::bitset<129> prefixes6;
    constexpr std::u16string_view any = u"*";
    std::u16string buffer;
    QVarLengthArray<std::u16string, 4> ownDatabaseKeys;
    QVarLengthArray<std::u16string, 4> ownUserKeys;

    for (int i = 0; i < m_rules.size(); ++i) {
        const HbaRule &rule = *m_rules.at(i);
        const quint8 mask = HbaCoverage::typeMask(rule.type);
        const qsizetype elements = rule.databases.size() * rule.users.size();
        if (mask == 0 || elements == 0 || elements > maxPieces)
            continue; // nothing provable; too large to index (conservative: it shadows nothing)

        // Reused from rule to rule: the strings keep their capacity.
        ownDatabaseKeys.resize(rule.databases.size());
        for (qsizetype d = 0; d < rule.databases.size(); ++d) {
            ownDatabaseKeys[d].clear();
            HbaCoverage::appendDatabaseKey(ownDatabaseKeys[d], rule.databases.at(d));
        }
        ownUserKeys.resize(rule.users.size());
        for (qsizetype u = 0; u < rule.users.size(); ++u) {
            ownUserKeys[u].clear();
            HbaCoverage::appendUserKey(ownUserKeys[u], rule.users.at(u));
        }

        // Is every (connection kind, database token, user token) piece taken by an earlier rule?
        Ids addressCandidates;
        addressCoverIds(rule, prefixes4, prefixes6, addressIds, buffer, addressCandidates);
        QSet<int> shadowers;
        bool covered = !addressCandidates.isEmpty();
        for (qsizetype d = 0; d < rule.databases.size() && covered; ++d) {
            const HbaToken &database = rule.databases.at(d);
            Ids databaseCandidates;
            if (const int id = lookup(databaseIds, ownDatabaseKeys[d]); id >= 0)
                databaseCandidates.append(id);
            if (database.kind != HbaTokenKind::Replication && database.kind != HbaTokenKind::All) {
                if (const int id = lookup(databaseIds, any); id >= 0)
                    databaseCandidates.append(id);
            }
            for (qsizetype u = 0; u < rule.users.size() && covered; ++u) {
                Ids userCandidates;
                if (const int id = lookup(userIds, ownUserKeys[u]); id >= 0)
                    userCandidates.append(id);
                if (rule.users.at(u).kind != HbaTokenKind::All) {
                    if (const int id = lookup(userIds, any); id >= 0)
                        userCandidates.append(id);
                }
                int best[4] = {INT_MAX, INT_MAX, INT_MAX, INT_MAX};
                for (int dk : databaseCandidates) {
                    for (int uk : userCandidates) {
                        for (int ak : addressCandidates) {
                            const auto bucket = index.constFind(ElementKey {dk, uk, ak});
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
            const bool allSame = std::all_of(entry.shadowedBy.cbegin(), entry.shadowedBy.cend(),
                                             [&](int s) { return HbaCoverage::sameOutcome(*m_rules.at(s), rule); });
            if (allSame)
                entry.kind = HbaDeadRule::Kind::Redundant;
            else if (entry.shadowedBy.size() == 1 && HbaCoverage::covers(rule, *m_rules.at(entry.shadowedBy.first())))
                entry.kind = HbaDeadRule::Kind::Conflicting;
            else
                entry.kind = HbaDeadRule::Kind::Shadowed;
            dead.append(std::move(entry));
            continue; // a dead rule adds nothing for later rules
        }

        buffer.clear();
        appendAddressKey(buffer, rule);
        const int ownAddress = intern(addressIds, buffer);
        for (const std::u16string &databaseKeyText : ownDatabaseKeys) {
            const int databaseId = intern(databaseIds, databaseKeyText);
            for (const std::u16string &userKeyText : ownUserKeys)
                index[ElementKey {databaseId, intern(userIds, userKeyText), ownAddress}].append(Entry {i, mask});
        }
        if (rule.address && isContiguousCidr(*rule.address) && rule.type != HbaConnectionType::Local)
            (rule.address->family == AF_INET6 ? prefixes6 : prefixes4).set(size_t(rule.address->prefixLength));
    }
    return dead;
}

} // namespace pgdial::core::hba
