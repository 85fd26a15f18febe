#pragma once

#include "base/diagnostic.h"
#include "hba/hbaanalyzer.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <functional>

namespace pgdial::ui::editors::hba {

// What the rules table marks on each row: the diagnostics that concern it (parser, lint and
// project checks, each once) and, from the dead-rule analysis, why the rule is never reached
// (naming the rules that take its connections). Kept apart from HbaRulesModel so the model only
// maps rules to cells.
class HbaRuleMarkers
{
    Q_DECLARE_TR_FUNCTIONS(HbaRuleMarkers)

public:
    // Recomputes every row's markers for the file `path` (project-relative). `rowForLine` maps a
    // 1-based line of that file to its row (-1: none); disabled (commented-out) rows get no
    // diagnostics. Dead-rule codes in `diagnostics` are skipped: the analyzer explains those.
    void update(const core::hba::HbaAnalyzer *analyzer, const core::base::Diagnostics &diagnostics, const QString &path,
                const std::function<int(int)> &rowForLine, const std::function<bool(int)> &rowDisabled);
    void clear();

    core::base::Diagnostics diagnostics(int row) const { return m_diagnostics.value(row); }
    bool isDead(int row) const { return m_deadNotes.contains(row); }
    QString deadNote(int row) const { return m_deadNotes.value(row); } // "Shadowed: never reached, ..."
    // The worst marker of the row as core::Severity (-1: none); a rule the server refuses is an
    // error, a dead rule at least a warning.
    int severity(int row, bool ruleRefused) const;

private:
    QHash<int, QString> m_deadNotes;
    QHash<int, core::base::Diagnostics> m_diagnostics;
};

} // namespace pgdial::ui::editors::hba
