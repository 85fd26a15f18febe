#include "editors/hba/hbarulemarkers.h"

#include "hba/hbaimpact.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::hba;

namespace pgdial::ui::editors::hba {

namespace {

bool isDeadRuleCode(const QString &code)
{
    return code == u"hba.shadowed-rule" || code == u"hba.redundant-rule" || code == u"hba.conflicting-rule";
}

} // namespace

void HbaRuleMarkers::clear()
{
    m_deadNotes.clear();
    m_diagnostics.clear();
}

void HbaRuleMarkers::update(const HbaAnalyzer *analyzer, const Diagnostics &diagnostics, const QString &path,
                            const std::function<int(int)> &rowForLine, const std::function<bool(int)> &rowDisabled)
{
    clear();
    if (analyzer) {
        const QList<const HbaRule *> &rules = analyzer->rules();
        for (const HbaDeadRule &dead : analyzer->deadRules()) {
            if (dead.rule->file != path)
                continue;
            const int rowIndex = rowForLine(dead.rule->line);
            if (rowIndex < 0)
                continue;
            QStringList by;
            for (const int index : dead.shadowedBy)
                by << tr("line %1 (%2)").arg(rules.at(index)->line).arg(HbaImpact::summary(*rules.at(index)));
            QString note;
            switch (dead.kind) {
            case HbaDeadRule::Kind::Shadowed:
                note = tr("Shadowed: never reached, because %1 take(s) every connection it would.");
                break;
            case HbaDeadRule::Kind::Redundant:
                note = tr("Redundant: %1 already take(s) every connection it would, with the same method.");
                break;
            case HbaDeadRule::Kind::Conflicting:
                note = tr("Conflicting: %1 take(s) every connection it would, with another method.");
                break;
            }
            m_deadNotes.insert(rowIndex, note.arg(by.join(u", "_s)));
        }
    }
    QSet<QString> seen;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.file != path || isDeadRuleCode(diagnostic.code))
            continue;
        const int rowIndex = rowForLine(diagnostic.line);
        if (rowIndex < 0 || rowDisabled(rowIndex))
            continue;
        const QString key = diagnostic.code + u'|' + QString::number(diagnostic.line) + u'|' + diagnostic.message;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        m_diagnostics[rowIndex].append(diagnostic);
    }
}

int HbaRuleMarkers::severity(int row, bool ruleRefused) const
{
    if (ruleRefused)
        return int(Severity::Error);
    int worst = -1;
    for (const Diagnostic &marker : m_diagnostics.value(row))
        worst = std::max(worst, int(marker.severity));
    if (isDead(row))
        worst = std::max(worst, int(Severity::Warning));
    return worst;
}

} // namespace pgdial::ui::editors::hba
