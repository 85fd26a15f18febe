#pragma once

#include "base/diagnostic.h"
#include "live/driftreport.h"
#include "pgconf/parametercatalog.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

namespace pgdial::ui::editors::settings {

struct SettingsSnapshot;

// Every parameter of one PostgreSQL major as a tree: category nodes, one row per parameter under
// them, set or not. The rows never change while the version stays: a new reading of the file
// only changes data (dataChanged for the rows that differ), so selection and scrolling survive
// every edit. Editing a value does not change the model: setData asks for the edit
// (editRequested) and the new value comes back with the next snapshot, as undo's does.
class SettingsModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsModel)

public:
    enum Column {
        NameColumn,
        ValueColumn,
        UnitColumn,
        DefaultColumn,
        SourceColumn,
        ContextColumn,
        ProblemsColumn,
        ServerColumn, // the live server's value and drift state (hidden without a server)
        ColumnCount
    };
    enum Role {
        NameRole = Qt::UserRole + 1, // QString: canonical parameter name (empty on category rows)
        IsCategoryRole, // bool
        IsSetRole, // bool: a line of the configuration, or a -c flag of the server's command line, sets it
        HasProblemRole, // bool: a diagnostic names it
        NeedsRestartRole, // bool: context postmaster
        ChangedRole, // bool: differs from what the file said when the editor opened
        SearchTextRole, // QString: name, descriptions and value, lower-case
        EditValueRole, // QString: the value an editor starts from (set value or default, DBA form)
        ParameterTypeRole, // int: core::pgconf::ParameterType
        FileRole, // QString: project-relative file of the winning line
        LineRole, // int: its 1-based line (0 when not set)
        ContextRole, // int: core::pgconf::ParameterContext
        DriftStateRole, // int: core::live::DriftState, -1 when the server report does not list it
        CommandLineRole, // bool: a -c flag of the server's command line sets it (over the file)
        IsHiddenRole, // bool: pg_settings never lists it (obsolete or session state); not offered unless asked
        IsObsoleteRole, // bool: accepted only so that old files still load; it has no effect
        CategoryTitleRole, // QString: a category row's title without its count
    };

    explicit SettingsModel(QObject *parent = nullptr);

    // Rebuilds the rows for the catalog of `major` (on open and when the target version changes).
    void setVersion(int major);
    int major() const { return m_major; }

    // Values and sources from a new reading of the configuration.
    void applySnapshot(const SettingsSnapshot &snapshot);
    // Problem badges: diagnostics of the configuration's files that name a parameter.
    void setDiagnostics(const core::base::Diagnostics &diagnostics, const QSet<QString> &files);
    // What "changed since open" compares with: the values as they are now. With `file`, only
    // the rows whose value is or was set in that file (it was saved; the others keep theirs).
    void markBaseline(const QString &file = {});
    // The live server's side (the Server column): null when no server is connected.
    void setDrift(const core::live::DriftReport *report);
    bool hasServer() const { return m_hasServer; }

    const core::pgconf::ParameterInfo *parameter(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &name, int column = NameColumn) const;
    QString valueOf(const QString &name) const; // as the server gets it (a -c flag wins), empty when not set
    QString defaultText(const core::pgconf::ParameterInfo &info) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The user asked to set NAME to VALUE (as typed, already checked against the catalog).
    void editRequested(const QString &name, const QString &value);

private:
    struct Row
    {
        const core::pgconf::ParameterInfo *info = nullptr;
        int category = 0;
        bool set = false;
        QString value; // as written, de-escaped
        QString file; // project-relative
        int line = 0;
        QStringList overrides;
        bool flag = false; // a -c flag sets it: flagValue wins over value
        QString flagValue;
        QString flagFile; // where the flag is written (a compose file)
        int flagLine = 0;
        QString baseline; // value at open or last save ("" when not set)
        bool baselineSet = false;
        QString baselineFile; // where the baseline value was set
        int errors = 0;
        int warnings = 0;
        QStringList problems;
        QString searchText;
    };
    struct Category
    {
        QString title;
        QList<int> rows; // into m_rows
    };

    int m_major = 0;
    QString m_topFile;
    QString m_commandLineEnvironment; // whose server's -c flags the rows show
    QList<Row> m_rows;
    QList<Category> m_categories;
    QHash<QString, int> m_rowByName; // lower-case name -> m_rows index
    QList<int> m_positionInCategory; // m_rows index -> row under its category
    QHash<QString, core::live::SettingDrift> m_drift; // lower-case name -> the server's side
    bool m_hasServer = false;

    QVariant categoryData(int category, int column, int role) const;
    QVariant rowData(const Row &row, int column, int role) const;
    QString sourceText(const Row &row) const;
    QString tooltip(const Row &row) const;
    QString commandLineTooltip(const Row &row) const;
    const core::live::SettingDrift *driftOf(const Row &row) const;
    QVariant serverData(const Row &row, int role) const;
    void emitRowChanged(int rowIndex);
    void updateSearchText(Row &row);
};

} // namespace pgdial::ui::editors::settings
