#include "hba/hbaanalyzer.h"

#include "hba/hbacoverage.h"
#include "hba/hbashadowfinder.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HbaAnalyzer", text);
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

} // namespace

QString HbaConnectionClass::toString() const
{
    QString text = transports.join(u'|') + u' ' + databases.join(u',') + u' ' + users.join(u',');
    if (!address.isEmpty())
        text += u' ' + address;
    return text;
}

HbaAnalyzer::HbaAnalyzer(const HbaFile &file)
    : HbaAnalyzer(file.validRules())
{ }

HbaAnalyzer::HbaAnalyzer(QList<const HbaRule *> rules)
    : m_rules(std::move(rules))
{
    analyze();
}

bool HbaAnalyzer::isDead(int index) const
{
    return index >= 0 && index < m_deadFlags.size() && m_deadFlags.at(index);
}

bool HbaAnalyzer::sameOutcome(const HbaRule &a, const HbaRule &b)
{
    return HbaCoverage::sameOutcome(a, b);
}

bool HbaAnalyzer::covers(const HbaRule &outer, const HbaRule &inner)
{
    return HbaCoverage::covers(outer, inner);
}

bool HbaAnalyzer::mayOverlap(const HbaRule &a, const HbaRule &b)
{
    return HbaCoverage::mayOverlap(a, b);
}

void HbaAnalyzer::analyze()
{
    m_dead = HbaShadowFinder::find(m_rules);
    m_deadFlags = QList<bool>(m_rules.size(), false);
    for (const HbaDeadRule &dead : std::as_const(m_dead))
        m_deadFlags[dead.index] = true;
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
        const quint8 mask = HbaCoverage::typeMask(moved.type) & HbaCoverage::typeMask(other.type);
        if (mask & HbaCoverage::KindLocal)
            change.connections.transports << u"local"_s;
        if (mask & HbaCoverage::KindTcp)
            change.connections.transports << u"tcp"_s;
        if (mask & HbaCoverage::KindSsl)
            change.connections.transports << u"tcp+ssl"_s;
        if (mask & HbaCoverage::KindGss)
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

base::Diagnostics HbaAnalyzer::diagnostics() const
{
    base::Diagnostics result;
    for (const HbaDeadRule &dead : m_dead) {
        QStringList related;
        for (int s : dead.shadowedBy)
            related << lineRef(*m_rules.at(s));
        base::Diagnostic d;
        d.severity = base::Severity::Warning;
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
