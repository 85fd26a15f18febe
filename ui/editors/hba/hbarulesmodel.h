#pragma once

#include "base/diagnostic.h"
#include "editors/hba/hbarulemarkers.h"
#include "hba/hbaanalyzer.h"
#include "hba/hbaeditor.h"
#include "hba/hbaimpact.h"
#include "hba/hbaparser.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace pgdial::ui::document {
class ProjectContext;
class ProjectDocument;
} // namespace pgdial::ui::document

namespace pgdial::ui::editors::hba {

// The rules of one pg_hba.conf as a table: every rule line of the file (valid or not) plus the
// commented-out rules ("#host ..."), which are shown greyed as disabled rules. Rules that included
// files bring in are not rows (they belong to those files' editors).
//
// The model never writes: setData() validates the new field text with the engine and asks for
// the HbaEdit through editRequested(); the page applies it (after the "who gets in" check) and
// the model re-reads the file from the document's linesChanged()/reset(), like undo does.
class HbaRulesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HbaRulesModel)

public:
    enum Column {
        TypeColumn,
        DatabaseColumn,
        UserColumn,
        AddressColumn,
        MethodColumn,
        OptionsColumn,
        CommentColumn,
        ColumnCount
    };
    enum Role {
        LineRole = Qt::UserRole + 1, // first physical line (int)
        DisabledRole, // commented-out rule (bool)
        HighlightedRole, // the simulator's match (bool)
        SeverityRole, // worst marker: -1 none, else core::Severity as int
    };

    struct Row
    {
        core::hba::HbaRule rule; // for disabled rows: parsed from the text after '#', spans relative to it
        bool disabled = false;
        QList<QByteArray> lines; // the physical lines the spans refer to
        int firstSpanLine = 1; // span line number of lines.first()
        QString comment; // the comment after the rule's fields
    };

    HbaRulesModel(document::ProjectDocument *document, document::ProjectContext *context, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Drag and drop reorders rows: a drop asks for the move through moveRequested().
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    const Row &row(int index) const { return m_rows.at(index); }
    const QList<Row> &rows() const { return m_rows; }
    int rowForLine(int line) const; // the row holding the 1-based line, -1 if none
    // The whole parsed file (includes followed): what the simulator and the impact check use.
    const core::hba::HbaFile &file() const { return m_file; }
    int majorVersion() const;
    core::hba::HbaParseOptions parseOptions() const;
    // Parses `bytes` as this document would be parsed (same path, version, base folder).
    core::hba::HbaFile parse(const QByteArray &bytes) const;
    document::ProjectDocument *document() const { return m_document; }

    // The edit that sets a field of a row to `text` (as written), or the engine's reason why not.
    std::optional<core::hba::HbaEdit> fieldEdit(int row, int column, const QString &text, QString *error) const;
    // Empty when `text` would make a valid rule, else the server's message for it.
    QString validate(int row, int column, const QString &text) const;
    // The field's text exactly as written in the file.
    QString fieldText(int row, int column) const;

    void setHighlightedLine(int line); // 0: none
    int highlightedRow() const { return rowForLine(m_highlightedLine); }

    // The type and method choices for the target version.
    static QStringList connectionTypes();
    QStringList methods() const;

Q_SIGNALS:
    void editRequested(const QList<core::hba::HbaEdit> &edits, const QString &description, int selectLine);
    void moveRequested(int fromRow, int beforeRow);
    void editRefused(const QString &message);
    void reparsed();

private:
    document::ProjectDocument *m_document;
    document::ProjectContext *m_context;
    core::hba::HbaFile m_file;
    // data() before DisplayText cuts long strings for DisplayRole and ToolTipRole.
    QVariant fullData(const QModelIndex &index, int role) const;
    std::unique_ptr<core::hba::HbaAnalyzer> m_analyzer;
    QList<Row> m_rows;
    HbaRuleMarkers m_markers; // per row: diagnostics and the "never reached" explanation
    int m_highlightedLine = 0;

    void reparse();
    void updateMarkers();
    QString spanText(const Row &row, const core::hba::HbaSpan &span) const;
    std::optional<core::hba::HbaEdit> retypeEdit(const Row &row, const QString &type) const;
};

} // namespace pgdial::ui::editors::hba
