#pragma once

#include "environments/environment.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace pgdial::ui::tools::environments {

// The project's environments side by side: one column per environment, one row per fact (files,
// image and major, URLs masked, the host and port the app uses against the published ports,
// sslmode, password sources, the server's files, -c flags, initdb arguments, healthcheck), then
// one row per server setting whose value differs (the settings diff: each environment's
// postgresql.conf with its -c flags over it). A row whose values differ between environments
// says so (DiffersRole, a tinted background); a cell knows the file and line the fact is written
// on (SourceFileRole, SourceLineRole).
class EnvironmentsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentsModel)

public:
    enum Fact {
        Files,
        Image,
        Version,
        Urls,
        HostPort,
        PublishedPorts,
        SslMode,
        Passwords,
        ServerConf,
        ServerHba,
        CommandLine,
        InitdbArgs,
        Healthcheck,
        FactCount
    };
    enum Role {
        DiffersRole = Qt::UserRole + 1, // bool: the row's values are not the same in every environment
        SourceFileRole, // QString: the project file the fact is written in ("" when none)
        SourceLineRole, // int: its 1-based line (0: the whole file)
        ConflictRole, // bool: the cell contradicts itself (the URL's port is not one the server offers)
    };

    explicit EnvironmentsModel(QObject *parent = nullptr);

    // `target`: the environment the project is judged as (its header is marked). `settings`: what
    // each environment's server sets (environments::EnvironmentSettings), in the same order.
    void setEnvironments(const QList<core::environments::Environment> &environments, const QString &target = {},
                         const QList<QList<core::environments::EnvironmentSetting>> &settings = {});
    const QList<core::environments::Environment> &environments() const { return m_environments; }
    int differingRows() const;
    int settingRows() const { return int(m_settingNames.size()); } // after the FactCount fact rows

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Cell
    {
        QString text;
        QString toolTip;
        core::environments::SourceRef source;
        bool conflict = false;
    };

    static QString factName(Fact fact);
    static QString factToolTip(Fact fact);
    static Cell cellFor(const core::environments::Environment &env, Fact fact);

    QList<core::environments::Environment> m_environments;
    QString m_target;
    QList<QList<Cell>> m_cells; // [row][environment]: the facts, then the differing settings
    QList<bool> m_differs; // [row]
    QStringList m_settingNames; // the rows after the facts
};

} // namespace pgdial::ui::tools::environments
