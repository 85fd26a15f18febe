#pragma once

#include "hba/hbaconnectionattempt.h"
#include "hba/hbafile.h"

#include <QList>
#include <QString>

namespace pgdial::core::hba {

// One sample connection whose outcome differs between two versions of a rule list.
struct HbaImpactChange
{
    HbaConnectionAttempt attempt;
    QString connection; // the attempt for people ("TCP+SSL from 10.10.0.0: database app, user api")
    int beforeLine = 0; // the deciding rule's line today (0: none matches)
    int afterLine = 0; // after the change
    QString beforeRule; // the deciding rule, written out ("host all all 0.0.0.0/0 reject")
    QString afterRule;
    QString beforeOutcome; // "scram-sha-256", "trust clientcert=verify-ca", "rejected"
    QString afterOutcome;
};

// "Does this edit change who gets in?" for the rule editor: sample connections derived from the
// rules' own databases, users (and group members), addresses and connection types, matched with
// HbaMatcher against the rules before and after; a connection counts as changed when the method
// (or its options) it meets differs. Which rule decides alone does not count: moving one rule past
// another with the same outcome is no change. Rejected by a reject rule and by no rule are the same.
class HbaImpact
{
public:
    // Samples for the union of both rule lists; at most about `limit` attempts (each dimension is
    // trimmed evenly when there are too many names).
    static QList<HbaConnectionAttempt> sampleConnections(const QList<const HbaRule *> &rules, int limit = 20000);
    static QList<HbaImpactChange> compare(const HbaFile &before, const HbaFile &after, int limit = 20000);

    static QString describe(const HbaConnectionAttempt &attempt);
    // The method a rule applies with its options; "rejected" for nullptr and reject rules.
    static QString outcome(const HbaRule *rule);
    // The rule written out on one line, from its parsed fields.
    static QString summary(const HbaRule &rule);
};

} // namespace pgdial::core::hba
