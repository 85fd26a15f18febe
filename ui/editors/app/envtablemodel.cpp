#include "editors/app/envtablemodel.h"

#include "base/secretmasker.h"
#include "models/displaytext.h"

#include <QApplication>
#include <QFont>
#include <QIcon>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace pgdial::ui::editors::app {

EnvTableModel::EnvTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void EnvTableModel::setRows(const QList<Row> &rows)
{
    bool sameKeys = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameKeys && i < rows.size(); ++i)
        sameKeys = rows[i].key == m_rows[i].key && rows[i].missing == m_rows[i].missing;
    if (!sameKeys) {
        // Rows came or went: a reset is simplest and the files are small.
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    // Same rows: keep selection and editors, refresh only what changed.
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i] == m_rows[i])
            continue;
        m_rows[i] = rows[i];
        Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
    }
}

void EnvTableModel::setSecretsRevealed(bool revealed)
{
    if (m_revealed == revealed)
        return;
    m_revealed = revealed;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int EnvTableModel::rowForLine(int line) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].line > 0 && m_rows[i].line <= line && line <= std::max(m_rows[i].line, m_rows[i].lastLine))
            return int(i);
    return -1;
}

int EnvTableModel::rowForKey(const QString &key) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].key == key)
            return int(i);
    return -1;
}

int EnvTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EnvTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EnvTableModel::shown(const Row &row, const QString &value) const
{
    if (m_revealed || value.isEmpty())
        return value;
    if (row.secret && core::base::SecretMasker::isSecretValue(value))
        return core::base::SecretMasker::placeholder();
    // Same rules as pgdial-cli env: URL and conninfo passwords, ${VAR:-default} defaults.
    return core::base::SecretMasker::maskValue(row.key, value);
}

QVariant EnvTableModel::data(const QModelIndex &index, int role) const
{
    // A view lays out whatever it is given on the UI thread: a 20 MB value would hang it.
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return models::DisplayText::elided(fullData(index, role));
    return fullData(index, role);
}

QVariant EnvTableModel::fullData(const QModelIndex &index, int role) const
{
    if (!isValidRow(index))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case KeyColumn:
            return role == Qt::ToolTipRole && row.line > 0 ? tr("%1, line %2").arg(row.key).arg(row.line) : row.key;
        case ValueColumn:
            if (role == Qt::ToolTipRole && row.secret && !m_revealed)
                return tr("A secret: reveal secrets to see and edit it");
            if (role == Qt::ToolTipRole && models::DisplayText::tooLongToEdit(row.value))
                return tr("%n character(s): too long to show or edit in the table; edit it in the Source tab", nullptr,
                          int(std::min<qsizetype>(row.value.size(), INT_MAX)));
            return shown(row, row.value);
        case EffectiveColumn:
            if (role == Qt::ToolTipRole && row.missing)
                return QString();
            if (role == Qt::ToolTipRole)
                return row.provenance.isEmpty() ? shown(row, row.effective)
                                                : tr("%1\nfrom %2").arg(shown(row, row.effective), row.provenance);
            return shown(row, row.effective);
        case CommentColumn:
            if (role == Qt::ToolTipRole && !row.missing && row.line > 0)
                return row.inlineComment.isEmpty()
                    ? tr("The comment heading this group; double-click to give %1 a comment of its own").arg(row.key)
                    : tr("The comment on %1's line; double-click to edit it").arg(row.key);
            return m_revealed ? row.comment : core::base::SecretMasker::maskLine(row.comment);
        case StatusColumn:
            if (role == Qt::ToolTipRole && row.missing)
                return tr("%1 is documented in %2 but not set in this file; type a value to add it")
                    .arg(row.key, row.provenance);
            return row.status;
        }
        return {};
    case Qt::EditRole:
        if (index.column() == ValueColumn)
            return row.value;
        if (index.column() == CommentColumn)
            return row.inlineComment;
        return data(index, Qt::DisplayRole);
    case Qt::DecorationRole:
        if (index.column() == StatusColumn && row.missing)
            return QIcon(u":/icons/warning.svg"_s);
        return {};
    case Qt::ForegroundRole:
        // Keys that are only documented look like placeholders (palette-derived: right in dark too).
        if (row.missing || index.column() == CommentColumn)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (index.column() == KeyColumn) {
            QFont font;
            font.setBold(!row.missing);
            return font;
        }
        return {};
    case LineRole:
        return row.line;
    case KeyRole:
        return row.key;
    case MissingRole:
        return row.missing;
    case SecretRole:
        return row.secret;
    case RawValueRole:
        return row.value;
    default:
        return {};
    }
}

QVariant EnvTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Variable");
    case ValueColumn:
        return tr("Value as written");
    case EffectiveColumn:
        return tr("Effective value");
    case CommentColumn:
        return tr("Comment");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

Qt::ItemFlags EnvTableModel::flags(const QModelIndex &index) const
{
    if (!isValidRow(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const Row &row = m_rows[index.row()];
    // A value too long for a cell editor (a 20 MB line) is edited in the Source tab instead.
    if (index.column() == ValueColumn && (m_revealed || shown(row, row.value) == row.value)
        && !models::DisplayText::tooLongToEdit(row.value))
        flags |= Qt::ItemIsEditable;
    if (index.column() == CommentColumn && !row.missing && row.line > 0
        && (m_revealed || core::base::SecretMasker::maskLine(row.inlineComment) == row.inlineComment))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool EnvTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !isValidRow(index) || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Row &row = m_rows[index.row()];
    const QString text = value.toString();
    if (index.column() == CommentColumn) {
        if (text.trimmed() == row.inlineComment)
            return false;
        Q_EMIT commentEditRequested(row.key, text.trimmed());
        return true;
    }
    if (index.column() != ValueColumn)
        return false;
    if (text == row.value && !row.missing)
        return false;
    Q_EMIT valueEditRequested(row.key, text);
    return true;
}

bool EnvTableModel::isValidRow(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.row() < m_rows.size() && index.column() < ColumnCount;
}

} // namespace pgdial::ui::editors::app
