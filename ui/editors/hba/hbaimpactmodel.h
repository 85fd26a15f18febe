#pragma once

#include "hba/hbaimpact.h"

#include <QAbstractTableModel>

namespace pgdial::ui::editors::hba {

// The sample connections an edit would treat differently: connection, before, after.
class HbaImpactModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HbaImpactModel)

public:
    enum Column { ConnectionColumn, BeforeColumn, AfterColumn, ColumnCount };

    explicit HbaImpactModel(QList<core::hba::HbaImpactChange> changes, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const QList<core::hba::HbaImpactChange> &changes() const { return m_changes; }

private:
    QList<core::hba::HbaImpactChange> m_changes;
};

} // namespace pgdial::ui::editors::hba
