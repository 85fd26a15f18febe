#pragma once

#include "base/diagnostic.h"

#include <QAbstractTableModel>

namespace pgdial::ui::models {

// The project's diagnostics as a table: severity, code, file, line, message.
class DiagnosticsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsModel)

public:
    enum Column { SeverityColumn, FileColumn, LineColumn, CodeColumn, MessageColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int (core::Severity)
        FileRole, // QString relative path
        LineNumberRole, // int, 1-based
        ColumnNumberRole, // int, 1-based
        CodeRole, // QString
        HasFixRole, // bool: the diagnostic carries a machine-applicable fix
        SourceRowRole, // int: the row in this model (survives proxies)
    };

    explicit DiagnosticsModel(QObject *parent = nullptr);

    void setDiagnostics(core::base::Diagnostics diagnostics);
    const core::base::Diagnostics &diagnostics() const { return m_diagnostics; }
    const core::base::Diagnostic &diagnosticAt(int row) const { return m_diagnostics.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    core::base::Diagnostics m_diagnostics;
    // data() before DisplayText cuts long strings for DisplayRole and ToolTipRole.
    QVariant fullData(const QModelIndex &index, int role) const;
};

} // namespace pgdial::ui::models
