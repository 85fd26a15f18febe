#include "tools/pool/pooltraffictablemodel.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyle>

using namespace Qt::StringLiterals;
using pgdial::core::tuning::PoolCalculator;

namespace pgdial::ui::tools::pool {

PoolTrafficTableModel::PoolTrafficTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // One representative rate per row of the guide's table; the calculator owns the numbers.
    m_rows = {{tr("Low (< 10 RPS)"), PoolCalculator::trafficRow(1)},
              {tr("Medium (10-50 RPS)"), PoolCalculator::trafficRow(10)},
              {tr("High (50-200 RPS)"), PoolCalculator::trafficRow(100)},
              {tr("Very high (> 200 RPS)"), PoolCalculator::trafficRow(1000)}};
}

int PoolTrafficTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PoolTrafficTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PoolTrafficTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const bool current = index.row() == m_current;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Traffic:
            return row.traffic;
        case PoolSize:
            return row.values.poolSize;
        case MaxOverflow:
            return row.values.maxOverflow;
        case PoolTimeout:
            return row.values.poolTimeout;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() == Traffic ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                         : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (current) {
            QFont font = QApplication::font();
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        return current ? QVariant(QApplication::palette().brush(QPalette::Highlight)) : QVariant();
    case Qt::ForegroundRole:
        return current ? QVariant(QApplication::palette().brush(QPalette::HighlightedText)) : QVariant();
    case Qt::DecorationRole:
        // A marker, not a check box: the row follows the requests per second and cannot be
        // clicked on or off (unchecked boxes also all but vanish in dark palettes).
        return index.column() == Traffic && current
            ? QVariant(QApplication::style()->standardIcon(QStyle::SP_ArrowRight))
            : QVariant();
    case Qt::ToolTipRole:
        return current ? tr("The guide's row for this traffic") : QVariant();
    default:
        return {};
    }
}

QVariant PoolTrafficTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Traffic:
        return tr("Traffic");
    case PoolSize:
        return u"pool_size"_s;
    case MaxOverflow:
        return u"max_overflow"_s;
    case PoolTimeout:
        return u"pool_timeout"_s;
    default:
        return {};
    }
}

void PoolTrafficTableModel::setRequestsPerSecond(double requestsPerSecond)
{
    const QString label = PoolCalculator::trafficRow(requestsPerSecond).label;
    int row = -1;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).values.label == label)
            row = i;
    if (row == m_current)
        return;
    const int previous = m_current;
    m_current = row;
    for (const int changed : {previous, row})
        if (changed >= 0)
            Q_EMIT dataChanged(index(changed, 0), index(changed, ColumnCount - 1));
}

} // namespace pgdial::ui::tools::pool
