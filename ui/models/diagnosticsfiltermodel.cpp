#include "models/diagnosticsfiltermodel.h"

#include "base/diagnostic.h"
#include "models/diagnosticsmodel.h"

namespace pgdial::ui::models {

DiagnosticsFilterModel::DiagnosticsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void DiagnosticsFilterModel::setShowErrors(bool show)
{
    if (m_showErrors == show)
        return;
    m_showErrors = show;
    invalidateFilter();
}

void DiagnosticsFilterModel::setShowWarnings(bool show)
{
    if (m_showWarnings == show)
        return;
    m_showWarnings = show;
    invalidateFilter();
}

void DiagnosticsFilterModel::setShowInfos(bool show)
{
    if (m_showInfos == show)
        return;
    m_showInfos = show;
    invalidateFilter();
}

void DiagnosticsFilterModel::setFileFilter(const QString &relativePath)
{
    // The Problems panel sets the file filter after every check: re-filtering every row for an
    // unchanged filter would cost what the model's row-wise update saved.
    if (m_file == relativePath)
        return;
    m_file = relativePath;
    invalidateFilter();
}

void DiagnosticsFilterModel::setTextFilter(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateFilter();
}

bool DiagnosticsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto severity = static_cast<core::base::Severity>(index.data(DiagnosticsModel::SeverityRole).toInt());
    if ((severity == core::base::Severity::Error && !m_showErrors)
        || (severity == core::base::Severity::Warning && !m_showWarnings)
        || (severity == core::base::Severity::Info && !m_showInfos))
        return false;
    if (!m_file.isEmpty() && index.data(DiagnosticsModel::FileRole).toString() != m_file)
        return false;
    if (!m_text.isEmpty()) {
        const QString message
            = sourceModel()->index(sourceRow, DiagnosticsModel::MessageColumn, sourceParent).data().toString();
        const QString code = index.data(DiagnosticsModel::CodeRole).toString();
        if (!message.contains(m_text, Qt::CaseInsensitive) && !code.contains(m_text, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool DiagnosticsFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == DiagnosticsModel::SeverityColumn)
        return left.data(DiagnosticsModel::SeverityRole).toInt() < right.data(DiagnosticsModel::SeverityRole).toInt();
    if (left.column() == DiagnosticsModel::LineColumn)
        return left.data(DiagnosticsModel::LineNumberRole).toInt()
            < right.data(DiagnosticsModel::LineNumberRole).toInt();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace pgdial::ui::models
