#include "editors/settings/settingsfiltermodel.h"

#include "editors/settings/settingsmodel.h"

namespace pgdial::ui::editors::settings {

SettingsFilterModel::SettingsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
}

void SettingsFilterModel::setText(const QString &text)
{
    const QString lower = text.trimmed().toLower();
    if (lower == m_text)
        return;
    m_text = lower;
    invalidateRowsFilter();
}

void SettingsFilterModel::setToggle(Toggle toggle, bool on)
{
    if (m_toggles.testFlag(toggle) == on)
        return;
    m_toggles.setFlag(toggle, on);
    invalidateRowsFilter();
}

void SettingsFilterModel::setShowHidden(bool show)
{
    if (m_showHidden == show)
        return;
    m_showHidden = show;
    invalidateRowsFilter();
}

QVariant SettingsFilterModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole && index.column() == 0 && index.data(SettingsModel::IsCategoryRole).toBool())
        return tr("%1 (%2)").arg(index.data(SettingsModel::CategoryTitleRole).toString()).arg(rowCount(index));
    return QSortFilterProxyModel::data(index, role);
}

bool SettingsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // A category row stands for its parameters: shown unfiltered, else only through a match below it.
    if (index.data(SettingsModel::IsCategoryRole).toBool())
        return !isFiltering();
    if (!m_showHidden && index.data(SettingsModel::IsHiddenRole).toBool()
        && !index.data(SettingsModel::IsSetRole).toBool())
        return false;
    if (m_toggles.testFlag(OnlySet) && !index.data(SettingsModel::IsSetRole).toBool())
        return false;
    if (m_toggles.testFlag(OnlyProblems) && !index.data(SettingsModel::HasProblemRole).toBool())
        return false;
    if (m_toggles.testFlag(OnlyRestart) && !index.data(SettingsModel::NeedsRestartRole).toBool())
        return false;
    if (m_toggles.testFlag(OnlyChanged) && !index.data(SettingsModel::ChangedRole).toBool())
        return false;
    if (m_toggles.testFlag(OnlyDrift)) {
        const int state = index.data(SettingsModel::DriftStateRole).toInt();
        if (state < 0 || state == int(core::live::DriftState::Same))
            return false;
    }
    return m_text.isEmpty() || index.data(SettingsModel::SearchTextRole).toString().contains(m_text);
}

} // namespace pgdial::ui::editors::settings
