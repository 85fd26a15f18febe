#include "hbaanalyzer.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <bitset>
#include <climits>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HbaAnalyzer", text);
}

// Connection kinds as bits: a rule's type is the set of kinds it accepts.
enum : quint8 { KindLocal = 1, KindTcp = 2, KindSsl = 4, KindGss = 8 };

quint8 typeMask(HbaConnectionType type)
{
    switch (type) {
    case HbaConnectionType::Local:
        return KindLocal;
    case HbaConnectionType::Host:
        return KindTcp | KindSsl | KindGss;
    case HbaConnectionType::HostSsl:
        return KindSsl;
    case HbaConnectionType::HostNoSsl:
        return KindTcp | KindGss;
    case HbaConnectionType::HostGssEnc:
        return KindGss;
    case HbaConnectionType::HostNoGssEnc:
        return KindTcp | KindSsl;
    case HbaConnectionType::Invalid:
        break;
    }
    return 0;
}

// Two tokens with the same key accept exactly the same names.
QByteArray databaseKey(const HbaToken &token)
{
    switch (token.kind) {
    case HbaTokenKind::All:
        return QByteArrayLiteral("*");
    case HbaTokenKind::Replication:
        return QByteArrayLiteral("R");
    case HbaTokenKind::SameUser:
        return QByteArrayLiteral("U");
    case HbaTokenKind::SameRole:
    case HbaTokenKind::SameGroup:
        return QByteArrayLiteral("G");
    case HbaTokenKind::Regex:
        return '/' + token.value.toUtf8();
    case HbaTokenKind::Literal:
    case HbaTokenKind::Group:
        break;
    }
    return '=' + token.text.toUtf8();
}

QByteArray userKey(const HbaToken &token)
{
    switch (token.kind) {
    case HbaTokenKind::All:
        return QByteArrayLiteral("*");
    case HbaTokenKind::Group:
        return '+' + token.value.toUtf8();
    case HbaTokenKind::Regex:
        return '/' + token.value.toUtf8();
    default:
        break;
    }
    return '=' + token.text.toUtf8();
}

bool databaseTokenCovers(const HbaToken &outer, const HbaToken &inner)
{
    if (outer.kind == HbaTokenKind::All)
        return inner.kind != HbaTokenKind::Replication; // `all` never takes physical replication
    return databaseKey(outer) == databaseKey(inner);
}

bool userTokenCovers(const HbaToken &outer, const HbaToken &inner)
{
    return outer.kind == HbaTokenKind::All || userKey(outer) == userKey(inner);
}

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

bool addressCovers(const HbaRule &outer, const HbaRule &inner)
{
    const bool outerLocal = outer.type == HbaConnectionType::Local;
    const bool innerLocal = inner.type == HbaConnectionType::Local;
    if (outerLocal || innerLocal)
        return outerLocal && innerLocal;
    if (!outer.address || !inner.address)
        return false;
    const HbaAddress &o = *outer.address;
    const HbaAddress &i = *inner.address;
    switch (o.kind) {
    case HbaAddressKind::All:
        return true;
    case HbaAddressKind::SameHost:
        return i.kind == HbaAddressKind::SameHost;
    case HbaAddressKind::SameNet:
        return i.kind == HbaAddressKind::SameHost || i.kind == HbaAddressKind::SameNet;
    case HbaAddressKind::HostName:
        return (i.kind == HbaAddressKind::HostName || i.kind == HbaAddressKind::HostSuffix)
            && i.text.compare(o.text, Qt::CaseInsensitive) == 0 && i.kind == o.kind;
    case HbaAddressKind::HostSuffix:
        return (i.kind == HbaAddressKind::HostName || i.kind == HbaAddressKind::HostSuffix)
            && i.text.size() >= o.text.size() && i.text.right(o.text.size()).compare(o.text, Qt::CaseInsensitive) == 0;
    case HbaAddressKind::Cidr:
        if (i.kind != HbaAddressKind::Cidr || i.family != o.family || i.address.size() != o.address.size()
            || i.mask.size() != o.mask.size() || o.mask.size() != o.address.size())
            return false;
        for (qsizetype b = 0; b < o.mask.size(); ++b) {
            if (o.mask.at(b) & ~i.mask.at(b))
                return false; // outer checks a bit inner leaves free
            if ((o.address.at(b) ^ i.address.at(b)) & o.mask.at(b))
                return false;
        }
        return true;
    }
    return false;
}

bool addressesMayOverlap(const HbaRule &a, const HbaRule &b)
{
    if (a.type == HbaConnectionType::Local || b.type == HbaConnectionType::Local)
        return a.type == b.type;
    if (!a.address || !b.address)
        return false;
    const HbaAddress &x = *a.address;
    const HbaAddress &y = *b.address;
    if (x.kind == HbaAddressKind::Cidr && y.kind == HbaAddressKind::Cidr) {
        if (x.family != y.family || x.address.size() != y.address.size() || x.mask.size() != x.address.size()
            || y.mask.size() != y.address.size())
            return false;
        for (qsizetype i = 0; i < x.address.size(); ++i) {
            if ((x.address.at(i) ^ y.address.at(i)) & x.mask.at(i) & y.mask.at(i))
                return false;
        }
        return true;
    }
    if (x.kind == HbaAddressKind::HostName && y.kind == HbaAddressKind::HostName)
        return x.text.compare(y.text, Qt::CaseInsensitive) == 0;
    return true; // names vs networks, samehost/samenet: unknown without DNS
}

bool regexAccepts(const QString &pattern, const QString &name)
{
    const QRegularExpression regex(pattern);
    return regex.isValid() && regex.match(name).hasMatch();
}

bool databaseTokensMayOverlap(const HbaToken &a, const HbaToken &b)
{
    const bool aRepl = a.kind == HbaTokenKind::Replication;
    const bool bRepl = b.kind == HbaTokenKind::Replication;
    if (aRepl || bRepl)
        return aRepl && bRepl;
    const bool aLiteral = a.kind == HbaTokenKind::Literal || a.kind == HbaTokenKind::Group;
    const bool bLiteral = b.kind == HbaTokenKind::Literal || b.kind == HbaTokenKind::Group;
    if (aLiteral && bLiteral)
        return a.text == b.text;
    if (aLiteral && b.kind == HbaTokenKind::Regex)
        return regexAccepts(b.value, a.text);
    if (bLiteral && a.kind == HbaTokenKind::Regex)
        return regexAccepts(a.value, b.text);
    return true;
}

bool userTokensMayOverlap(const HbaToken &a, const HbaToken &b)
{
    const bool aLiteral = a.kind != HbaTokenKind::All && a.kind != HbaTokenKind::Group && a.kind != HbaTokenKind::Regex;
    const bool bLiteral = b.kind != HbaTokenKind::All && b.kind != HbaTokenKind::Group && b.kind != HbaTokenKind::Regex;
    if (aLiteral && bLiteral)
        return a.text == b.text;
    if (aLiteral && b.kind == HbaTokenKind::Regex)
        return regexAccepts(b.value, a.text);
    if (bLiteral && a.kind == HbaTokenKind::Regex)
        return regexAccepts(a.value, b.text);
    return true;
}

QString tokenText(const HbaToken &token)
{
    if (token.kind == HbaTokenKind::Regex)
        return u'/' + token.value;
    if (token.kind == HbaTokenKind::Group)
        return u'+' + token.value;
    if (token.quoted)
        return u'"' + token.text + u'"';
    return token.text;
}

QString lineRef(const HbaRule &rule)
{
    return rule.file + u':' + QString::number(rule.line);
}

constexpr int maxPieces = 4096;

} // namespace

QString HbaConnectionClass::toString() const
{
    QString text = transports.join(u'|') + u' ' + databases.join(u',') + u' ' + users.join(u',');
    if (!address.isEmpty())
        text += u' ' + address;
    return text;
}

HbaAnalyzer::HbaAnalyzer(const HbaFile &file) : HbaAnalyzer(file.validRules()) {}

HbaAnalyzer::HbaAnalyzer(QList<const HbaRule *> rules) : m_rules(std::move(rules))
{
    analyze();
}

bool HbaAnalyzer::isDead(int index) const
{
    return index >= 0 && index < m_deadFlags.size() && m_deadFlags.at(index);
}

bool HbaAnalyzer::sameOutcome(const HbaRule &a, const HbaRule &b)
{
    return a.method == b.method && a.viewOptions() == b.viewOptions();
}

bool HbaAnalyzer::covers(const HbaRule &outer, const HbaRule &inner)
{
    const quint8 outerMask = typeMask(outer.type);
    const quint8 innerMask = typeMask(inner.type);
    if (innerMask == 0 || (innerMask & ~outerMask) != 0)
        return false;
    if (!addressCovers(outer, inner))
        return false;
    if (inner.databases.isEmpty() || inner.users.isEmpty())
        return false;
    for (const HbaToken &token : inner.databases) {
        if (std::none_of(outer.databases.cbegin(), outer.databases.cend(),
                         [&token](const HbaToken &o) { return databaseTokenCovers(o, token); }))
            return false;
    }
    for (const HbaToken &token : inner.users) {
        if (std::none_of(outer.users.cbegin(), outer.users.cend(),
                         [&token](const HbaToken &o) { return userTokenCovers(o, token); }))
            return false;
    }
    return true;
}

bool HbaAnalyzer::mayOverlap(const HbaRule &a, const HbaRule &b)
{
    if ((typeMask(a.type) & typeMask(b.type)) == 0)
        return false;
    if (!addressesMayOverlap(a, b))
        return false;
    auto anyPair = [](const QList<HbaToken> &x, const QList<HbaToken> &y, auto overlap) {
        for (const HbaToken &p : x) {
            for (const HbaToken &q : y) {
                if (overlap(p, q))
                    return true;
            }
        }
        return false;
    };
    return anyPair(a.databases, b.databases, databaseTokensMayOverlap)
        && anyPair(a.users, b.users, userTokensMayOverlap);
}

namespace {

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

void HbaAnalyzer::analyze()
{
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
    m_deadFlags = QList<bool>(m_rules.size(), false);
    const QByteArray any = QByteArrayLiteral("*");

    for (int i = 0; i < m_rules.size(); ++i) {
        const HbaRule &rule = *m_rules.at(i);
        const quint8 mask = typeMask(rule.type);
        const qsizetype elements = rule.databases.size() * rule.users.size();
        if (mask == 0 || elements == 0 || elements > maxPieces)
            continue; // nothing provable; too large to index (conservative: it shadows nothing)

        QList<QByteArray> ownDatabaseKeys;
        for (const HbaToken &database : rule.databases)
            ownDatabaseKeys.append(databaseKey(database));
        QList<QByteArray> ownUserKeys;
        for (const HbaToken &user : rule.users)
            ownUserKeys.append(userKey(user));

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
            HbaDeadRule dead;
            dead.index = i;
            dead.rule = &rule;
            dead.shadowedBy = shadowers.values();
            std::sort(dead.shadowedBy.begin(), dead.shadowedBy.end());
            const bool allSame = std::all_of(dead.shadowedBy.cbegin(), dead.shadowedBy.cend(),
                                             [&](int s) { return sameOutcome(*m_rules.at(s), rule); });
            if (allSame)
                dead.kind = HbaDeadRule::Kind::Redundant;
            else if (dead.shadowedBy.size() == 1 && covers(rule, *m_rules.at(dead.shadowedBy.first())))
                dead.kind = HbaDeadRule::Kind::Conflicting;
            else
                dead.kind = HbaDeadRule::Kind::Shadowed;
            m_dead.append(dead);
            m_deadFlags[i] = true;
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
}

QList<HbaOutcomeChange> HbaAnalyzer::moveImpact(int from, int to) const
{
    QList<HbaOutcomeChange> changes;
    if (from < 0 || from >= m_rules.size() || to < 0 || to > m_rules.size() || to == from || to == from + 1)
        return changes;
    const HbaRule &moved = *m_rules.at(from);
    const bool up = to < from;
    const int first = up ? to : from + 1;
    const int last = up ? from - 1 : to - 1;
    for (int k = first; k <= last; ++k) {
        const HbaRule &other = *m_rules.at(k);
        if (sameOutcome(moved, other) || !mayOverlap(moved, other))
            continue;
        HbaOutcomeChange change;
        change.beforeIndex = up ? k : from;
        change.afterIndex = up ? from : k;
        // The class is the intersection; it is certain when one rule covers the other.
        const bool movedInside = covers(other, moved);
        const bool otherInside = covers(moved, other);
        change.certain = movedInside || otherInside;
        const HbaRule &narrow = otherInside ? other : moved;
        const quint8 mask = typeMask(moved.type) & typeMask(other.type);
        if (mask & KindLocal)
            change.connections.transports << u"local"_s;
        if (mask & KindTcp)
            change.connections.transports << u"tcp"_s;
        if (mask & KindSsl)
            change.connections.transports << u"tcp+ssl"_s;
        if (mask & KindGss)
            change.connections.transports << u"tcp+gss"_s;
        for (const HbaToken &token : narrow.databases)
            change.connections.databases << tokenText(token);
        for (const HbaToken &token : narrow.users)
            change.connections.users << tokenText(token);
        if (narrow.address)
            change.connections.address = narrow.address->netmaskText.isEmpty()
                                             ? narrow.address->text
                                             : narrow.address->text + u' ' + narrow.address->netmaskText;
        // Connections already decided by a rule above both places do not change.
        bool decidedEarlier = false;
        for (int e = 0; e < std::min(from, to) && !decidedEarlier && change.certain; ++e)
            decidedEarlier = covers(*m_rules.at(e), narrow);
        if (!decidedEarlier)
            changes.append(change);
    }
    return changes;
}

Diagnostics HbaAnalyzer::diagnostics() const
{
    Diagnostics result;
    for (const HbaDeadRule &dead : m_dead) {
        QStringList related;
        for (int s : dead.shadowedBy)
            related << lineRef(*m_rules.at(s));
        Diagnostic d;
        d.severity = Severity::Warning;
        d.file = dead.rule->file;
        d.line = dead.rule->line;
        d.column = dead.rule->typeSpan.isValid() ? dead.rule->typeSpan.begin.column : 0;
        d.related = related;
        const QString where = related.join(u", "_s);
        switch (dead.kind) {
        case HbaDeadRule::Kind::Redundant:
            d.code = u"hba.redundant-rule"_s;
            d.message = tr("rule can never match: %1 already takes every connection it would, with the same "
                           "method")
                            .arg(where);
            d.suggestion = tr("delete the rule");
            break;
        case HbaDeadRule::Kind::Conflicting:
            d.code = u"hba.conflicting-rule"_s;
            d.message = tr("rule covers the same connections as %1 but with method \"%2\" instead of \"%3\"; "
                           "the earlier rule always wins")
                            .arg(where, dead.rule->method, m_rules.at(dead.shadowedBy.first())->method);
            d.suggestion = tr("keep the rule with the method you want and delete the other");
            break;
        case HbaDeadRule::Kind::Shadowed:
            d.code = u"hba.shadowed-rule"_s;
            d.message = tr("rule can never match: earlier rule(s) %1 take every connection it would").arg(where);
            d.suggestion = tr("move it above %1, narrow the earlier rule(s), or delete it").arg(where);
            break;
        }
        result.append(d);
    }
    return result;
}

} // namespace pgdial::core::hba
