#include "editors/hba/hbaimpactmodel.h"

using namespace Qt::StringLiterals;

namespace pgdial::ui::editors::hba {

HbaImpactModel::HbaImpactModel(QList<core::hba::HbaImpactChange> changes, QObject *parent)
    : QAbstractTableModel(parent)
    , m_changes(std::move(changes))
{ }

int HbaImpactModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int HbaImpactModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HbaImpactModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::hba::HbaImpactChange &change = m_changes.at(index.row());
    auto side = [](const QString &outcome, int line) {
        return line > 0 ? tr("%1 (line %2)").arg(outcome).arg(line) : tr("%1 (no rule matches)").arg(outcome);
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ConnectionColumn:
            return change.connection;
        case BeforeColumn:
            return side(change.beforeOutcome, change.beforeLine);
        case AfterColumn:
            return side(change.afterOutcome, change.afterLine);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == BeforeColumn)
            return change.beforeRule;
        if (index.column() == AfterColumn)
            return change.afterRule;
        return change.connection;
    }
    return {};
}

QVariant HbaImpactModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ConnectionColumn:
        return tr("Sample connection");
    case BeforeColumn:
        return tr("Now");
    case AfterColumn:
        return tr("After the change");
    }
    return {};
}

} // namespace pgdial::ui::editors::hba
