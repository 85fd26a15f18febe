#pragma once

#include <QSortFilterProxyModel>

namespace pgdial::ui::models {

// Filters the Problems panel by minimum severity, file and free text.
class DiagnosticsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsFilterModel)

public:
    explicit DiagnosticsFilterModel(QObject *parent = nullptr);

    void setShowErrors(bool show);
    void setShowWarnings(bool show);
    void setShowInfos(bool show);
    void setFileFilter(const QString &relativePath); // empty: all files
    void setTextFilter(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_showErrors = true;
    bool m_showWarnings = true;
    bool m_showInfos = true;
    QString m_file;
    QString m_text;
};

} // namespace pgdial::ui::models
