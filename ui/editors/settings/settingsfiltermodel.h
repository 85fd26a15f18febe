#pragma once

#include <QSortFilterProxyModel>

namespace pgdial::ui::editors::settings {

// The settings table's filters: text (name, descriptions, value) and the toggles "only set",
// "only with problems", "only needing a restart", "only changed since open", "only drifting from the live server".
// Category rows stay while one of their parameters does (recursive filtering).
class SettingsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsFilterModel)

public:
    enum Toggle { OnlySet = 0x1, OnlyProblems = 0x2, OnlyRestart = 0x4, OnlyChanged = 0x8, OnlyDrift = 0x10 };
    Q_DECLARE_FLAGS(Toggles, Toggle)

    explicit SettingsFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setToggle(Toggle toggle, bool on);
    Toggles toggles() const { return m_toggles; }
    bool isFiltering() const { return !m_text.isEmpty() || m_toggles.toInt() != 0; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text; // lower-case
    Toggles m_toggles;
};

} // namespace pgdial::ui::editors::settings

Q_DECLARE_OPERATORS_FOR_FLAGS(pgdial::ui::editors::settings::SettingsFilterModel::Toggles)
