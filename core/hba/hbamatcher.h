#pragma once

#include "hba/hbaconnectionattempt.h"
#include "hba/hbafile.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace pgdial::core::hba {

// One network interface of the database machine (for samehost / samenet).
struct HbaInterface
{
    HbaIpAddress address;
    QByteArray netmask; // same length as address.bytes
};

// Why a rule did not take a connection (the first failing check, in the server's order).
enum class HbaMismatch {
    None, // the rule matched
    RuleHasError, // the server drops the line (and with it the whole file)
    ConnectionType, // local vs host*, SSL, GSS encryption
    Address, // client address / host name / samehost / samenet
    HostNameUnknown, // a host-name rule and the client's verified host name was not given
    Database,
    User,
};

struct HbaRuleTrace
{
    const HbaRule *rule = nullptr;
    int index = 0; // into HbaMatcher::rules()
    HbaMismatch mismatch = HbaMismatch::None;
    QString reason; // one sentence for people
};

struct HbaMatchResult
{
    const HbaRule *rule = nullptr; // nullptr: no rule matched, the server rejects implicitly
    int index = -1;
    QList<HbaRuleTrace> trace; // every rule before the match (all rules when none matched)
    // True when the answer depends on something the attempt did not say (an unknown client host
    // name met a host-name rule earlier than the match).
    bool uncertain = false;

    bool rejected() const { return !rule || rule->method == QLatin1String("reject"); }
};

// The "who gets in?" simulator: walks the rules top to bottom exactly like the server's
// check_hba() and returns the first one whose type, address, database and user all match.
class HbaMatcher
{
public:
    // Only rules without errors take part (the ones the server would keep), in file order.
    explicit HbaMatcher(const HbaFile &file);
    explicit HbaMatcher(QList<const HbaRule *> rules);

    void setInterfaces(QList<HbaInterface> interfaces) { m_interfaces = std::move(interfaces); }
    const QList<HbaInterface> &interfaces() const { return m_interfaces; }
    const QList<const HbaRule *> &rules() const { return m_rules; }

    // `withReasons` false leaves HbaRuleTrace::reason empty (much faster; the mismatch kinds stay).
    HbaMatchResult match(const HbaConnectionAttempt &attempt, bool withReasons = true) const;
    // Checks one rule; `reason` (optional) receives the explanation of a mismatch.
    HbaMismatch check(const HbaRule &rule, const HbaConnectionAttempt &attempt, QString *reason = nullptr) const;

    // The interfaces of the machine pgdial runs on (getifaddrs).
    static QList<HbaInterface> machineInterfaces();
    static QString mismatchName(HbaMismatch mismatch); // stable ids: "type", "address", ...

private:
    QList<const HbaRule *> m_rules;
    QList<HbaInterface> m_interfaces;
    mutable QHash<QString, QRegularExpression> m_regexCache;

    bool databaseMatches(const HbaRule &rule, const HbaConnectionAttempt &attempt) const;
    bool userMatches(const HbaRule &rule, const HbaConnectionAttempt &attempt) const;
    bool regexMatches(const QString &pattern, const QString &name) const;
    HbaMismatch addressMatches(const HbaAddress &address, const HbaConnectionAttempt &attempt, QString *reason) const;
};

// True when `role` is a member of `group` for pg_hba.conf (`+group`, samerole): the role itself
// or any role it belongs to; a role that does not exist belongs to nothing.
bool hbaIsMember(const HbaConnectionAttempt &attempt, const QString &group);

} // namespace pgdial::core::hba
