#pragma once

#include <QSortFilterProxyModel>

namespace pgdial::ui::editors::settings {

// The settings table's filters: text (name, descriptions, value) and the toggles "only set",
// "only with problems", "only needing a restart", "only changed since open", "only drifting from the live server".
// Category rows stay while one of their parameters does (recursive filtering).
// Hidden parameters (obsolete relics such as ssl_renegotiation_limit, session state such as role)
// are left out unless the configuration sets them or "show obsolete" is on: nobody should be
// offered them by default.
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
    void setShowHidden(bool show);
    bool showsHidden() const { return m_showHidden; }
    // Category rows count the parameters shown under them.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text; // lower-case
    Toggles m_toggles;
    bool m_showHidden = false;
};

} // namespace pgdial::ui::editors::settings

Q_DECLARE_OPERATORS_FOR_FLAGS(pgdial::ui::editors::settings::SettingsFilterModel::Toggles)
