#pragma once

#include "document/projectdocument.h"
#include "project/filekind.h"

#include <QPlainTextEdit>
#include <QPointer>

namespace pgdial::ui::editors {

class SourceHighlighter;

// The raw text of one file: line numbers, colouring for the file's kind, a marker on the line
// the user jumped to. Bound to a ProjectDocument it is an editor, synced both ways: typing
// becomes core::LineEdits on the document (one undo step per burst), and edits made elsewhere
// (other editors, undo, reload) replace only the lines they touched, keeping the cursor.
// While secrets are masked the view is read-only; ProjectDocument::setSecretsRevealed unlocks it.
// Undo/redo keys are left to the window's Edit actions, which follow the document's stack.
class SourceView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceView)

public:
    // How a carriage return inside a line (not part of a CRLF ending) is shown and typed.
    static constexpr char16_t carriageReturnSymbol = u'\u240D';

    explicit SourceView(QWidget *parent = nullptr);

    // Read-only text, not bound to a document: secret values masked unless `revealSecrets`.
    void setSource(const QString &text, core::project::FileKind kind, bool revealSecrets = false);
    void setProjectDocument(document::ProjectDocument *document);
    document::ProjectDocument *projectDocument() const { return m_document; }
    core::project::FileKind kind() const { return m_kind; }
    // True while the file's secrets are hidden (and the view therefore read-only).
    bool isMasked() const;
    // Whether a file needs "Reveal and edit" before it can be edited here.
    bool holdsSecrets() const { return m_holdsSecrets; }

    // Scrolls to a 1-based line (and byte column) and marks it.
    void goToLine(int line, int column = 0);
    int lineNumberAreaWidth() const;

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    class LineNumberArea;
    friend class LineNumberArea;

    LineNumberArea *m_lineNumbers;
    SourceHighlighter *m_highlighter;
    core::project::FileKind m_kind = core::project::FileKind::AppConfig;
    QPointer<document::ProjectDocument> m_document;
    bool m_holdsSecrets = false;
    bool m_syncing = false; // true while the view and the document are being brought in line
    int m_blockCount = 1;

    QString displayLine(int index) const;
    QByteArray lineBytes(int blockNumber, QString text) const;
    void reloadFromDocument();
    void updateEditability();
    void onDocumentLinesChanged(int firstLine, int removedCount, int insertedCount);
    void onTextChanged(int position, int charsRemoved, int charsAdded);

    void paintLineNumbers(QPaintEvent *event);
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
};

} // namespace pgdial::ui::editors
