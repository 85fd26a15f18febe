#include "tools/connectiontester/probehistorymodel.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace pgdial::ui::tools::connectiontester {

using core::probe::Verdict;

ProbeHistoryModel::ProbeHistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void ProbeHistoryModel::add(const core::probe::ProbeReport &report, const QDateTime &when)
{
    beginInsertRows({}, 0, 0);
    m_entries.prepend(Entry {when, report});
    endInsertRows();
}

int ProbeHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ProbeHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const core::probe::ProbeReport &report = entry.report;
    const QString verdict = report.cancelled ? tr("cancelled") : core::probe::verdictId(report.verdict);
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1  %2  (%3 ms)  %4")
            .arg(entry.when.toString(u"HH:mm:ss"_s), verdict)
            .arg(report.ms)
            .arg(report.conninfo);
    case Qt::ToolTipRole:
        return report.cause;
    case Qt::DecorationRole: {
        QStyle *style = QApplication::style();
        if (report.cancelled)
            return style->standardIcon(QStyle::SP_MediaStop);
        return style->standardIcon(report.verdict == Verdict::Ok ? QStyle::SP_DialogApplyButton
                                                                 : QStyle::SP_MessageBoxCritical);
    }
    case VerdictRole:
        return core::probe::verdictId(report.verdict);
    default:
        return {};
    }
}

} // namespace pgdial::ui::tools::connectiontester
