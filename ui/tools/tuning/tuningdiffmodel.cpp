#include "tools/tuning/tuningdiffmodel.h"

#include <QApplication>
#include <QColor>
#include <QFileInfo>
#include <QFont>
#include <QPalette>

using namespace Qt::StringLiterals;
using pgdial::core::tuning::TuningDiffRow;

namespace pgdial::ui::tools::tuning {

TuningDiffModel::TuningDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

TuningDiffModel::Change TuningDiffModel::changeOf(const TuningDiffRow &row) const
{
    if (row.recommended.isEmpty())
        return Change::NotInProfile;
    if (!row.changes)
        return Change::AlreadySet;
    if (m_notOffered.contains(row.name))
        return Change::NotOffered;
    return row.needsRestart ? Change::Restart : Change::Reload;
}

void TuningDiffModel::setRows(const QList<TuningDiffRow> &rows, const QHash<QString, QString> &defaults,
                              const QHash<QString, QString> &notOffered)
{
    bool sameNames = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameNames && i < rows.size(); ++i)
        sameNames = rows.at(i).name == m_rows.at(i).name;
    // The same parameters (the usual case while inputs change): update in place so the view keeps
    // its selection and scroll position.
    if (sameNames) {
        m_rows = rows;
        m_defaults = defaults;
        m_notOffered = notOffered;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_rows = rows;
        m_defaults = defaults;
        m_notOffered = notOffered;
        endResetModel();
    }
    Q_EMIT checkedChanged();
}

bool TuningDiffModel::isChecked(int row) const
{
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).changes)
        return false;
    const QString &name = m_rows.at(row).name;
    return m_choices.value(name, !m_notOffered.contains(name));
}

QList<TuningDiffRow> TuningDiffModel::checkedRows() const
{
    QList<TuningDiffRow> out;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (isChecked(int(i)))
            out.append(m_rows.at(i));
    }
    return out;
}

void TuningDiffModel::setAllChecked(bool checked)
{
    for (const TuningDiffRow &row : std::as_const(m_rows)) {
        if (row.changes)
            m_choices.insert(row.name, checked);
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn), {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
}

void TuningDiffModel::clearChoices()
{
    m_choices.clear();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn), {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
}

int TuningDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TuningDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TuningDiffModel::currentText(const TuningDiffRow &row) const
{
    if (row.current)
        return row.current->value;
    const QString fallback = m_defaults.value(row.name);
    return fallback.isEmpty() ? tr("default") : tr("%1 (default)").arg(fallback);
}

QString TuningDiffModel::changeText(Change change) const
{
    switch (change) {
    case Change::Restart:
        return tr("restart");
    case Change::Reload:
        return tr("reload");
    case Change::AlreadySet:
        return tr("already set");
    case Change::NotInProfile:
        return tr("not in profile");
    case Change::NotOffered:
        return tr("not offered");
    }
    return {};
}

QVariant TuningDiffModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TuningDiffRow &row = m_rows.at(index.row());
    const Change change = changeOf(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case CurrentColumn:
            return currentText(row);
        case SourceColumn:
            return row.current ? u"%1:%2"_s.arg(QFileInfo(row.current->file).fileName()).arg(row.current->line)
                               : QString();
        case RecommendedColumn:
            return row.recommended.isEmpty() ? QStringLiteral("\u2014") : row.recommended;
        case ChangeColumn:
            return changeText(change);
        case ReasonColumn:
            return row.reason;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case CurrentColumn: // also where the "Set in" column is hidden (a narrow dock)
        case SourceColumn:
            return row.current
                ? tr("Set in %1, line %2 (double-click to open it)").arg(row.current->file).arg(row.current->line)
                : tr("Not set in the project's postgresql.conf: the server's default applies");
        case ChangeColumn:
            switch (change) {
            case Change::Restart:
                return tr("Takes effect only after the server restarts");
            case Change::Reload:
                return tr("Takes effect on a configuration reload (pg_ctl reload, SELECT pg_reload_conf())");
            case Change::AlreadySet:
                return tr("The configuration already has the recommended value");
            case Change::NotInProfile:
                return tr("The other profile sets this parameter; the chosen one leaves it alone");
            case Change::NotOffered:
                return tr("The server build pgdial knows for this version does not offer this value (it offers %1): "
                          "the server would refuse it")
                    .arg(m_notOffered.value(row.name));
            }
            return {};
        case ReasonColumn:
        case RecommendedColumn:
            return row.reason.isEmpty() ? QVariant() : QVariant(row.reason);
        default:
            return {};
        }
    case Qt::CheckStateRole:
        if (index.column() == NameColumn)
            return isChecked(index.row()) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (!row.changes)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if (index.column() == ChangeColumn && (change == Change::Restart || change == Change::NotOffered))
            return QColor(0x8a, 0x4b, 0x00); // dark amber on the badge below: readable in light and dark themes
        return {};
    case Qt::BackgroundRole:
        // The change column reads as a badge: a restart stands out from a reload.
        if (index.column() != ChangeColumn || !row.changes)
            return {};
        return change == Change::Reload ? QColor(0xdf, 0xf2, 0xdf) : QColor(0xff, 0xe3, 0xb8);
    case Qt::TextAlignmentRole:
        if (index.column() == ChangeColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        return {};
    case Qt::FontRole:
        if (index.column() == CurrentColumn && !row.current) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        if (index.column() == ChangeColumn && change == Change::Restart) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case ChangeRole:
        return int(change);
    case NameRole:
        return row.name;
    case SourceFileRole:
        return row.current ? row.current->file : QString();
    case SourceLineRole:
        return row.current ? row.current->line : 0;
    default:
        return {};
    }
}

bool TuningDiffModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != NameColumn || role != Qt::CheckStateRole || !m_rows.at(index.row()).changes)
        return false;
    m_choices.insert(m_rows.at(index.row()).name, value.value<Qt::CheckState>() == Qt::Checked);
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT checkedChanged();
    return true;
}

Qt::ItemFlags TuningDiffModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == NameColumn && m_rows.at(index.row()).changes)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant TuningDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Parameter");
    case CurrentColumn:
        return tr("Current");
    case SourceColumn:
        return tr("Set in");
    case RecommendedColumn:
        return tr("Recommended");
    case ChangeColumn:
        return tr("Change");
    case ReasonColumn:
        return tr("Why");
    }
    return {};
}

} // namespace pgdial::ui::tools::tuning
