#include "models/diagnosticsmodel.h"

#include "base/commonends.h"
#include "models/displaytext.h"

#include <QIcon>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::ui::models {

DiagnosticsModel::DiagnosticsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void DiagnosticsModel::setDiagnostics(core::base::Diagnostics diagnostics)
{
    // A re-check after one edit changes a few rows at most: keep the rest (and the view's
    // selection and scroll position) by touching only the rows between the unchanged head and
    // tail. The lists are sorted, so an edit's findings stay together.
    const qsizetype oldSize = m_diagnostics.size();
    const qsizetype newSize = diagnostics.size();
    const auto [head, tail] = core::base::commonEnds(m_diagnostics, diagnostics);
    const qsizetype oldMiddle = oldSize - head - tail;
    const qsizetype newMiddle = newSize - head - tail;
    const qsizetype common = std::min(oldMiddle, newMiddle);
    for (qsizetype i = head; i < head + common; ++i)
        m_diagnostics[i] = diagnostics.at(i);
    if (common > 0)
        Q_EMIT dataChanged(index(int(head), 0), index(int(head + common - 1), ColumnCount - 1));
    const int first = int(head + common);
    if (oldMiddle > newMiddle) {
        beginRemoveRows({}, first, int(head + oldMiddle - 1));
        m_diagnostics.remove(first, oldMiddle - newMiddle);
        endRemoveRows();
    } else if (newMiddle > oldMiddle) {
        beginInsertRows({}, first, int(head + newMiddle - 1));
        m_diagnostics.insert(first, newMiddle - oldMiddle, core::base::Diagnostic {});
        for (qsizetype i = first; i < head + newMiddle; ++i)
            m_diagnostics[i] = std::move(diagnostics[i]);
        endInsertRows();
    }
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

QString severityLabel(core::base::Severity severity)
{
    switch (severity) {
    case core::base::Severity::Error:
        return DiagnosticsModel::tr("Error");
    case core::base::Severity::Warning:
        return DiagnosticsModel::tr("Warning");
    case core::base::Severity::Info:
        return DiagnosticsModel::tr("Info");
    }
    return {};
}

QIcon severityIcon(core::base::Severity severity)
{
    switch (severity) {
    case core::base::Severity::Error:
        return QIcon(u":/icons/error.svg"_s);
    case core::base::Severity::Warning:
        return QIcon(u":/icons/warning.svg"_s);
    case core::base::Severity::Info:
        return QIcon(u":/icons/info.svg"_s);
    }
    return {};
}

} // namespace

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    // A view lays out whatever it is given on the UI thread: a 20 MB value would hang it.
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return DisplayText::elided(fullData(index, role));
    return fullData(index, role);
}

QVariant DiagnosticsModel::fullData(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::base::Diagnostic &d = m_diagnostics.at(index.row());
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

} // namespace pgdial::ui::models
