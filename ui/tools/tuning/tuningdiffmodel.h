#pragma once

#include "tuning/tuningdiff.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace pgdial::ui::tools::tuning {

// The tuning wizard's table: per parameter, what the project's postgresql.conf sets now (and
// where) against what the chosen profile recommends, why, and whether the change needs a restart.
// Rows that would change are checkable and checked by default; the user's choices survive a
// recomputation (they are kept by parameter name), so editing an input does not undo them.
class TuningDiffModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TuningDiffModel)

public:
    // The source column comes after the change badge: in a narrow dock the comparison stays in view.
    enum Column { NameColumn, CurrentColumn, RecommendedColumn, ChangeColumn, SourceColumn, ReasonColumn, ColumnCount };
    enum class Change { Restart, Reload, AlreadySet, NotInProfile, NotOffered };
    enum Role {
        ChangeRole = Qt::UserRole + 1, // int (Change), on every column
        NameRole, // QString parameter name
        SourceFileRole, // QString project-relative file of the current value (empty: default)
        SourceLineRole, // int, 1-based (0: default)
    };

    explicit TuningDiffModel(QObject *parent = nullptr);

    // `defaults`: what the server uses for a parameter the file does not set, for display
    // ("128MB"); a missing entry shows as "default". `notOffered`: recommended values the target
    // version's catalog lacks (PGTune's lz4 on a build without it), name -> what it offers; such
    // rows start unchecked, since the conf engine would refuse them.
    void setRows(const QList<core::tuning::TuningDiffRow> &rows, const QHash<QString, QString> &defaults = {},
                 const QHash<QString, QString> &notOffered = {});
    const QList<core::tuning::TuningDiffRow> &rows() const { return m_rows; }
    // The rows that would change and are checked, in table order.
    QList<core::tuning::TuningDiffRow> checkedRows() const;
    bool isChecked(int row) const;
    // Checks or unchecks every row that would change.
    void setAllChecked(bool checked);
    // Forgets the user's choices (another project).
    void clearChoices();

    Change changeOf(const core::tuning::TuningDiffRow &row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void checkedChanged();

private:
    QList<core::tuning::TuningDiffRow> m_rows;
    QHash<QString, QString> m_defaults;
    QHash<QString, QString> m_notOffered;
    QHash<QString, bool> m_choices; // parameter name -> the user's explicit choice

    QString currentText(const core::tuning::TuningDiffRow &row) const;
    QString changeText(Change change) const;
};

} // namespace pgdial::ui::tools::tuning
