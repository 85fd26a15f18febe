#include "hba/hbacoverage.h"

#include <QRegularExpression>

#include <algorithm>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

// Connection kinds as bits: a rule's type is the set of kinds it accepts.
enum : quint8 { KindLocal = 1, KindTcp = 2, KindSsl = 4, KindGss = 8 };

quint8 HbaCoverage::typeMask(HbaConnectionType type)
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

namespace {

void appendText(std::u16string &out, const QString &text)
{
    out.append(reinterpret_cast<const char16_t *>(text.utf16()), size_t(text.size()));
}

} // namespace

// Two tokens with the same key accept exactly the same names.
void HbaCoverage::appendDatabaseKey(std::u16string &out, const HbaToken &token)
{
    switch (token.kind) {
    case HbaTokenKind::All:
        out += u'*';
        return;
    case HbaTokenKind::Replication:
        out += u'R';
        return;
    case HbaTokenKind::SameUser:
        out += u'U';
        return;
    case HbaTokenKind::SameRole:
    case HbaTokenKind::SameGroup:
        out += u'G';
        return;
    case HbaTokenKind::Regex:
        out += u'/';
        appendText(out, token.value);
        return;
    case HbaTokenKind::Literal:
    case HbaTokenKind::Group:
        break;
    }
    out += u'=';
    appendText(out, token.text);
}

void HbaCoverage::appendUserKey(std::u16string &out, const HbaToken &token)
{
    switch (token.kind) {
    case HbaTokenKind::All:
        out += u'*';
        return;
    case HbaTokenKind::Group:
        out += u'+';
        appendText(out, token.value);
        return;
    case HbaTokenKind::Regex:
        out += u'/';
        appendText(out, token.value);
        return;
    default:
        break;
    }
    out += u'=';
    appendText(out, token.text);
}

QByteArray HbaCoverage::databaseKey(const HbaToken &token)
{
    std::u16string key;
    appendDatabaseKey(key, token);
    return QStringView(key.data(), qsizetype(key.size())).toUtf8();
}

QByteArray HbaCoverage::userKey(const HbaToken &token)
{
    std::u16string key;
    appendUserKey(key, token);
    return QStringView(key.data(), qsizetype(key.size())).toUtf8();
}

namespace {

bool databaseTokenCovers(const HbaToken &outer, const HbaToken &inner)
{
    if (outer.kind == HbaTokenKind::All)
        return inner.kind != HbaTokenKind::Replication; // `all` never takes physical replication
    return HbaCoverage::databaseKey(outer) == HbaCoverage::databaseKey(inner);
}

bool userTokenCovers(const HbaToken &outer, const HbaToken &inner)
{
    return outer.kind == HbaTokenKind::All || HbaCoverage::userKey(outer) == HbaCoverage::userKey(inner);
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

} // namespace

bool HbaCoverage::sameOutcome(const HbaRule &a, const HbaRule &b)
{
    return a.method == b.method && a.viewOptions() == b.viewOptions();
}

bool HbaCoverage::covers(const HbaRule &outer, const HbaRule &inner)
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

bool HbaCoverage::mayOverlap(const HbaRule &a, const HbaRule &b)
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

} // namespace pgdial::core::hba
