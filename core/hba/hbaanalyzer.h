#pragma once

#include "base/diagnostic.h"
#include "hba/hbadeadrule.h"
#include "hba/hbafile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdial::core::hba {

// A set of connections, described field by field (for "what changes if ...").
struct HbaConnectionClass
{
    QStringList transports; // "local", "tcp", "tcp+ssl", "tcp+gss"
    QStringList databases; // tokens of the intersection; "all" for any
    QStringList users;
    QString address; // empty for local

    QString toString() const;
};

struct HbaOutcomeChange
{
    HbaConnectionClass connections;
    int beforeIndex = -1; // rule deciding today
    int afterIndex = -1; // rule deciding after the move
    bool certain = false; // false: these connections may change (names, regexes, groups involved)
};

// Static analysis of a rule list: dead (shadowed / redundant / conflicting) rules (found by
// HbaShadowFinder), the effect of moving a rule, and their diagnostics. Conservative: a rule is
// only called dead when it is provable from the rule texts alone (see HbaCoverage).
class HbaAnalyzer
{
public:
    explicit HbaAnalyzer(const HbaFile &file);
    explicit HbaAnalyzer(QList<const HbaRule *> rules);

    const QList<const HbaRule *> &rules() const { return m_rules; }
    const QList<HbaDeadRule> &deadRules() const { return m_dead; }
    bool isDead(int index) const;

    // What changes if rules()[from] is moved so that it sits just before rules()[to] (to may be
    // rules().size() for "to the end"): the connection classes whose deciding rule changes to one
    // with a different method or options.
    QList<HbaOutcomeChange> moveImpact(int from, int to) const;

    // hba.shadowed-rule, hba.redundant-rule, hba.conflicting-rule (warnings).
    base::Diagnostics diagnostics() const;

    // True when every connection `inner` takes is also taken by `outer` (single-rule, sound).
    static bool covers(const HbaRule &outer, const HbaRule &inner);
    // False only when no connection can match both.
    static bool mayOverlap(const HbaRule &a, const HbaRule &b);
    static bool sameOutcome(const HbaRule &a, const HbaRule &b);

private:
    QList<const HbaRule *> m_rules;
    QList<HbaDeadRule> m_dead;
    QList<bool> m_deadFlags;

    void analyze();
};

} // namespace pgdial::core::hba
