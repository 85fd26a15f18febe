#include "hba/hbaimpact.h"

#include "hba/hbamatcher.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HbaImpact", text);
}

void addUnique(QStringList &list, const QString &value)
{
    if (!value.isEmpty() && !list.contains(value))
        list.append(value);
}

// The first address of the rule's network: inside it, and the most telling sample.
std::optional<HbaIpAddress> networkSample(const HbaAddress &address)
{
    if (address.kind != HbaAddressKind::Cidr || address.address.size() != address.mask.size())
        return std::nullopt;
    QByteArray bytes = address.address;
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char(bytes.at(i) & address.mask.at(i));
    return HbaIpAddress {address.family, bytes};
}

QString tokensText(const QList<HbaToken> &tokens)
{
    QStringList parts;
    for (const HbaToken &token : tokens)
        parts << (token.viaAtFile.isEmpty() ? token.text : token.viaAtFile);
    parts.removeDuplicates();
    return parts.join(u',');
}

template<typename T> QList<T> trimmed(const QList<T> &list, qsizetype keep)
{
    return list.size() <= keep ? list : list.mid(0, keep);
}

} // namespace

QList<HbaConnectionAttempt> HbaImpact::sampleConnections(const QList<const HbaRule *> &rules, int limit)
{
    // Names nobody wrote: they show what `all` and the final catch-all rules do.
    const QString otherDatabase = u"some_other_db"_s;
    const QString otherUser = u"some_other_user"_s;
    QStringList databases;
    QStringList users;
    QStringList groups;
    QList<HbaIpAddress> addresses;
    bool replication = false;
    bool sameName = false;
    for (const HbaRule *rule : rules) {
        for (const HbaToken &token : rule->databases) {
            if (token.kind == HbaTokenKind::Literal)
                addUnique(databases, token.value);
            else if (token.kind == HbaTokenKind::Replication)
                replication = true;
            else if (token.kind == HbaTokenKind::SameUser || token.kind == HbaTokenKind::SameRole
                     || token.kind == HbaTokenKind::SameGroup)
                sameName = true;
        }
        for (const HbaToken &token : rule->users) {
            if (token.kind == HbaTokenKind::Literal)
                addUnique(users, token.value);
            else if (token.kind == HbaTokenKind::Group)
                addUnique(groups, token.value);
        }
        if (rule->address) {
            if (const std::optional<HbaIpAddress> sample = networkSample(*rule->address);
                sample && !addresses.contains(*sample))
                addresses.append(*sample);
        }
    }
    // Loopback and documentation addresses (RFC 5737 / 3849) stand for "somewhere else".
    for (const QString &text : {u"127.0.0.1"_s, u"::1"_s, u"192.0.2.10"_s, u"2001:db8::10"_s}) {
        const std::optional<HbaIpAddress> address = HbaIpAddress::parse(text);
        if (address && !addresses.contains(*address))
            addresses.append(*address);
    }
    for (const QString &group : std::as_const(groups))
        addUnique(users, group);
    addUnique(databases, otherDatabase);
    addUnique(users, otherUser);
    if (sameName) {
        for (const QString &user : std::as_const(users))
            addUnique(databases, user);
    }
    // Members of each group, as users of their own.
    struct UserSample
    {
        QString name;
        QStringList memberOf;
    };
    QList<UserSample> userSamples;
    for (const QString &user : std::as_const(users))
        userSamples.append({user, {}});
    for (const QString &group : std::as_const(groups))
        userSamples.append({u"member_of_"_s + group, {group}});

    // Keep the product under the limit: D × U × (1 + 3A) attempts.
    qsizetype perDimension = 64;
    auto count = [&] {
        const qsizetype d = std::min<qsizetype>(databases.size() + (replication ? 1 : 0), perDimension);
        const qsizetype u = std::min<qsizetype>(userSamples.size(), perDimension);
        const qsizetype a = std::min<qsizetype>(addresses.size(), perDimension);
        return d * u * (1 + 3 * a);
    };
    while (perDimension > 2 && count() > limit)
        perDimension = perDimension * 3 / 4;
    databases = trimmed(databases, perDimension);
    userSamples = trimmed(userSamples, perDimension);
    addresses = trimmed(addresses, perDimension);

    QList<HbaConnectionAttempt> attempts;
    struct DatabaseSample
    {
        QString name;
        bool replication;
    };
    QList<DatabaseSample> databaseSamples;
    for (const QString &database : std::as_const(databases))
        databaseSamples.append({database, false});
    if (replication)
        databaseSamples.append({u"replication"_s, true});
    for (const DatabaseSample &database : std::as_const(databaseSamples)) {
        for (const UserSample &user : std::as_const(userSamples)) {
            HbaConnectionAttempt attempt;
            attempt.database = database.name;
            attempt.physicalReplication = database.replication;
            attempt.user = user.name;
            attempt.memberOf = user.memberOf;
            attempt.transport = HbaTransport::Local;
            attempts.append(attempt);
            for (const HbaIpAddress &address : std::as_const(addresses)) {
                attempt.clientAddress = address;
                for (const HbaTransport transport : {HbaTransport::Tcp, HbaTransport::TcpSsl, HbaTransport::TcpGss}) {
                    attempt.transport = transport;
                    attempts.append(attempt);
                }
            }
        }
    }
    return attempts;
}

QList<HbaImpactChange> HbaImpact::compare(const HbaFile &before, const HbaFile &after, int limit)
{
    const HbaMatcher beforeMatcher(before);
    const HbaMatcher afterMatcher(after);
    QList<const HbaRule *> all = beforeMatcher.rules();
    all += afterMatcher.rules();
    QList<HbaImpactChange> changes;
    for (const HbaConnectionAttempt &attempt : sampleConnections(all, limit)) {
        const HbaMatchResult was = beforeMatcher.match(attempt, false);
        const HbaMatchResult now = afterMatcher.match(attempt, false);
        const QString wasOutcome = outcome(was.rule);
        const QString nowOutcome = outcome(now.rule);
        if (wasOutcome == nowOutcome)
            continue;
        HbaImpactChange change;
        change.attempt = attempt;
        change.connection = describe(attempt);
        change.beforeLine = was.rule ? was.rule->line : 0;
        change.afterLine = now.rule ? now.rule->line : 0;
        change.beforeRule = was.rule ? summary(*was.rule) : tr("no rule matches");
        change.afterRule = now.rule ? summary(*now.rule) : tr("no rule matches");
        change.beforeOutcome = wasOutcome;
        change.afterOutcome = nowOutcome;
        changes.append(change);
    }
    return changes;
}

QString HbaImpact::describe(const HbaConnectionAttempt &attempt)
{
    QString who = attempt.physicalReplication ? tr("replication, user %1").arg(attempt.user)
                                              : tr("database %1, user %2").arg(attempt.database, attempt.user);
    if (!attempt.memberOf.isEmpty())
        who += tr(" (member of %1)").arg(attempt.memberOf.join(u", "_s));
    switch (attempt.transport) {
    case HbaTransport::Local:
        return tr("Unix socket: %1").arg(who);
    case HbaTransport::Tcp:
        return tr("TCP from %1: %2").arg(attempt.clientAddress.toString(), who);
    case HbaTransport::TcpSsl:
        return tr("TCP+SSL from %1: %2").arg(attempt.clientAddress.toString(), who);
    case HbaTransport::TcpGss:
        return tr("TCP+GSS from %1: %2").arg(attempt.clientAddress.toString(), who);
    }
    return who;
}

QString HbaImpact::outcome(const HbaRule *rule)
{
    if (!rule || rule->method == u"reject")
        return tr("rejected");
    QStringList parts {rule->method};
    QStringList options;
    for (const HbaOption &option : rule->options)
        options << option.name + u'=' + option.value;
    options.sort();
    parts += options;
    return parts.join(u' ');
}

QString HbaImpact::summary(const HbaRule &rule)
{
    QStringList parts {connectionTypeName(rule.type), tokensText(rule.databases), tokensText(rule.users)};
    if (rule.address) {
        parts << rule.address->text;
        if (rule.address->hasNetmaskColumn)
            parts << rule.address->netmaskText;
    }
    parts << rule.methodAsWritten;
    for (const HbaOption &option : rule.options)
        parts << option.name + u'=' + option.value;
    return parts.join(u' ');
}

} // namespace pgdial::core::hba
