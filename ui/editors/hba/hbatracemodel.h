#pragma once

#include "hba/hbamatcher.h"

#include <QAbstractTableModel>

namespace pgdial::ui::editors::hba {

// The simulator's walk through the rules: every rule before the match with the reason it did not
// take the connection, then the match itself.
class HbaTraceModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HbaTraceModel)

public:
    enum Column { LineColumn, RuleColumn, VerdictColumn, ColumnCount };
    enum Role { LineRole = Qt::UserRole + 1 };

    struct Step
    {
        int line = 0;
        QString rule;
        QString verdict;
        bool matched = false;
    };

    explicit HbaTraceModel(QObject *parent = nullptr);

    void setResult(const core::hba::HbaMatchResult &result);
    void clear();
    const QList<Step> &steps() const { return m_steps; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Step> m_steps;
};

} // namespace pgdial::ui::editors::hba
