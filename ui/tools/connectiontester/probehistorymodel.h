#pragma once

#include "probe/probereport.h"

#include <QAbstractListModel>
#include <QDateTime>

namespace pgdial::ui::tools::connectiontester {

// The probes run in this session, newest first: time, verdict and the masked connection string.
// Kept in memory only (reports never hold a password, and nothing here reaches QSettings).
class ProbeHistoryModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { VerdictRole = Qt::UserRole + 1 }; // the verdict's stable id

    explicit ProbeHistoryModel(QObject *parent = nullptr);

    void add(const core::probe::ProbeReport &report, const QDateTime &when = QDateTime::currentDateTime());
    const core::probe::ProbeReport &report(int row) const { return m_entries.at(row).report; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        QDateTime when;
        core::probe::ProbeReport report;
    };
    QList<Entry> m_entries;
};

} // namespace pgdial::ui::tools::connectiontester
