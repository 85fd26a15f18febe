#include "editors/hba/hbatracemodel.h"

#include "hba/hbaimpact.h"

#include <QBrush>
#include <QFont>

using namespace Qt::StringLiterals;

namespace pgdial::ui::editors::hba {

HbaTraceModel::HbaTraceModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void HbaTraceModel::setResult(const core::hba::HbaMatchResult &result)
{
    beginResetModel();
    m_steps.clear();
    for (const core::hba::HbaRuleTrace &trace : result.trace) {
        if (!trace.rule)
            continue;
        m_steps.append({trace.rule->line, core::hba::HbaImpact::summary(*trace.rule), trace.reason, false});
    }
    if (result.rule)
        m_steps.append({result.rule->line, core::hba::HbaImpact::summary(*result.rule),
                        result.rejected() ? tr("matches: the connection is rejected")
                                          : tr("matches: authenticate with %1").arg(result.rule->method),
                        true});
    endResetModel();
}

void HbaTraceModel::clear()
{
    beginResetModel();
    m_steps.clear();
    endResetModel();
}

int HbaTraceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

int HbaTraceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HbaTraceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Step &step = m_steps.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LineColumn:
            return step.line;
        case RuleColumn:
            return step.rule;
        case VerdictColumn:
            return step.verdict;
        }
        return {};
    case Qt::ToolTipRole:
        return QString(step.rule + u"\n"_s + step.verdict);
    case Qt::FontRole:
        if (step.matched) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        return step.matched ? QBrush(QColor(40, 160, 60, 90)) : QVariant();
    case LineRole:
        return step.line;
    }
    return {};
}

QVariant HbaTraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LineColumn:
        return tr("Line");
    case RuleColumn:
        return tr("Rule");
    case VerdictColumn:
        return tr("Why");
    }
    return {};
}

} // namespace pgdial::ui::editors::hba
