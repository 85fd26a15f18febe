#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace pgdial::ui::editors::app {

// The variables of one .env (or .env.example) file as a table: key, value as written, effective
// value after ${VAR} substitution, the comment that documents it, and a status (missing from .env
// but documented in .env.example, not in .env, overridden). Secrets are masked unless revealed,
// and then cannot be edited in place. The model never writes the file: an edit of the Value column
// becomes valueEditRequested(), one of the Comment column commentEditRequested(), and the editor applies it to the
// document, whose change comes back through setRows().
class EnvTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvTableModel)

public:
    enum Column { KeyColumn, ValueColumn, EffectiveColumn, CommentColumn, StatusColumn, ColumnCount };
    enum Role { LineRole = Qt::UserRole + 1, KeyRole, MissingRole, SecretRole, RawValueRole };

    struct Row
    {
        QString key;
        QString value; // as written (unquoted), before substitution
        QString effective; // after substitution
        QString provenance; // where the effective value comes from
        QString comment; // the inline comment, else the comment heading the group
        QString inlineComment; // the assignment's own "# ..." (what editing the Comment column changes)
        QString status; // empty when nothing is special
        int line = 0; // 1-based; 0 for a key missing from this file
        int lastLine = 0;
        bool missing = false; // documented elsewhere (.env.example) but not set here
        bool secret = false;
        bool operator==(const Row &) const = default;
    };

    explicit EnvTableModel(QObject *parent = nullptr);

    void setRows(const QList<Row> &rows);
    const QList<Row> &rows() const { return m_rows; }
    void setSecretsRevealed(bool revealed);
    bool secretsRevealed() const { return m_revealed; }
    int rowForLine(int line) const; // -1 when no assignment spans the line
    int rowForKey(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void valueEditRequested(const QString &key, const QString &value);
    void commentEditRequested(const QString &key, const QString &comment);

private:
    QList<Row> m_rows;
    bool m_revealed = false;

    QString shown(const Row &row, const QString &value) const;
    // data() before DisplayText cuts long strings for DisplayRole and ToolTipRole.
    QVariant fullData(const QModelIndex &index, int role) const;
    bool isValidRow(const QModelIndex &index) const;
};

} // namespace pgdial::ui::editors::app
