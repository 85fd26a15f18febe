#pragma once

#include "tuning/poolcalculator.h"

#include <QAbstractTableModel>
#include <QList>

namespace pgdial::ui::tools::pool {

// The configuration guide's "Tuning Guidelines" table (traffic -> pool_size, max_overflow,
// pool_timeout), with the row that applies to the calculator's traffic marked: bold, highlighted
// and checked in the first column, so it reads without colour too.
class PoolTrafficTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Traffic, PoolSize, MaxOverflow, PoolTimeout, ColumnCount };

    explicit PoolTrafficTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The row for this many requests per second becomes the current one.
    void setRequestsPerSecond(double requestsPerSecond);
    int currentRow() const { return m_current; }

private:
    struct Row
    {
        QString traffic; // "Medium (10-50 RPS)"
        core::tuning::PoolTrafficRow values;
    };
    QList<Row> m_rows;
    int m_current = -1;
};

} // namespace pgdial::ui::tools::pool
