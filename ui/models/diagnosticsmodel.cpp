#include "diagnosticsmodel.h"

#include <QIcon>

using namespace Qt::StringLiterals;

namespace pgdial::ui {

DiagnosticsModel::DiagnosticsModel(QObject *parent) : QAbstractTableModel(parent) {}

void DiagnosticsModel::setDiagnostics(core::Diagnostics diagnostics)
{
    beginResetModel();
    m_diagnostics = std::move(diagnostics);
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString severityLabel(core::Severity severity)
{
    switch (severity) {
    case core::Severity::Error:
        return DiagnosticsModel::tr("Error");
    case core::Severity::Warning:
        return DiagnosticsModel::tr("Warning");
    case core::Severity::Info:
        return DiagnosticsModel::tr("Info");
    }
    return {};
}

QIcon severityIcon(core::Severity severity)
{
    switch (severity) {
    case core::Severity::Error:
        return QIcon(u":/icons/error.svg"_s);
    case core::Severity::Warning:
        return QIcon(u":/icons/warning.svg"_s);
    case core::Severity::Info:
        return QIcon(u":/icons/info.svg"_s);
    }
    return {};
}

} // namespace

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::Diagnostic &d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityLabel(d.severity);
        case FileColumn:
            return d.file;
        case LineColumn:
            return d.line > 0 ? QVariant(d.line) : QVariant();
        case CodeColumn:
            return d.code;
        case MessageColumn:
            return d.message;
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(severityIcon(d.severity)) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = d.toText();
        if (!d.suggestion.isEmpty())
            tip += u"\n\n"_s + tr("Fix: %1").arg(d.suggestion);
        return tip;
    }
    case SeverityRole:
        return static_cast<int>(d.severity);
    case FileRole:
        return d.file;
    case LineNumberRole:
        return d.line;
    case ColumnNumberRole:
        return d.column;
    case CodeRole:
        return d.code;
    case HasFixRole:
        return d.fix.has_value() && !d.fix->edits.isEmpty();
    case SourceRowRole:
        return index.row();
    default:
        return {};
    }
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    case CodeColumn:
        return tr("Code");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace pgdial::ui
