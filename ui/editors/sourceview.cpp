#include "editors/sourceview.h"

#include "base/secretmasker.h"
#include "base/textdocument.h"
#include "document/projectdocument.h"
#include "editors/sourcehighlighter.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTextBlock>

using namespace Qt::StringLiterals;

namespace pgdial::ui::editors {

class SourceView::LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(SourceView *view)
        : QWidget(view)
        , m_view(view)
    { }
    QSize sizeHint() const override { return {m_view->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintLineNumbers(event); }

private:
    SourceView *m_view;
};

SourceView::SourceView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumbers(new LineNumberArea(this))
    , m_highlighter(new SourceHighlighter(document()))
{
    setObjectName(u"sourceView"_s);
    setReadOnly(true);
    setUndoRedoEnabled(false); // undo lives on the ProjectDocument's stack
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &SourceView::updateLineNumberAreaWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &SourceView::updateLineNumberArea);
    connect(document(), &QTextDocument::contentsChange, this, &SourceView::onTextChanged);
    updateLineNumberAreaWidth();
}

void SourceView::setSource(const QString &text, core::project::FileKind kind, bool revealSecrets)
{
    const QScopedValueRollback guard(m_syncing, true);
    m_kind = kind;
    m_highlighter->setKind(kind);
    setReadOnly(true);
    if (revealSecrets) {
        setPlainText(text);
        return;
    }
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        line = core::base::SecretMasker::maskLine(line);
    setPlainText(lines.join(u'\n'));
}

void SourceView::setProjectDocument(document::ProjectDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (!document)
        return;
    m_kind = document->kind();
    m_highlighter->setKind(m_kind);
    m_holdsSecrets = false;
    // Server files name secrets only in parameter names (password_encryption); the app's files,
    // compose files and init scripts may hold real ones.
    const bool serverFile = m_kind == core::project::FileKind::PostgresqlConf
        || m_kind == core::project::FileKind::PgHba || m_kind == core::project::FileKind::PgIdent;
    if (const core::base::TextDocument *text = document->text(); text && !serverFile) {
        m_holdsSecrets = m_kind == core::project::FileKind::Env || m_kind == core::project::FileKind::AppConfig
            || m_kind == core::project::FileKind::Compose;
        for (int i = 0; i < text->lineCount() && !m_holdsSecrets; ++i) {
            const QString line = text->lineText(i);
            m_holdsSecrets = core::base::SecretMasker::maskLine(line) != line;
        }
    }
    connect(document, &document::ProjectDocument::linesChanged, this, &SourceView::onDocumentLinesChanged);
    connect(document, &document::ProjectDocument::reset, this, &SourceView::reloadFromDocument);
    connect(document, &document::ProjectDocument::secretsRevealedChanged, this, &SourceView::reloadFromDocument);
    reloadFromDocument();
}

bool SourceView::isMasked() const
{
    return m_document && m_holdsSecrets && !m_document->secretsRevealed();
}

QString SourceView::displayLine(int index) const
{
    // QTextDocument would split a line at a lone CR and drop a BOM: show the CR as a visible
    // symbol and keep the BOM out of the view; lineBytes() puts both back.
    QByteArray raw = m_document->text()->line(index);
    if (index == 0 && m_document->text()->hasBom())
        raw.remove(0, 3);
    QString text = QString::fromUtf8(raw);
    text.replace(u'\r', carriageReturnSymbol);
    return isMasked() ? core::base::SecretMasker::maskLine(text) : text;
}

QByteArray SourceView::lineBytes(int blockNumber, QString text) const
{
    text.replace(carriageReturnSymbol, u'\r');
    QByteArray bytes = text.toUtf8();
    if (blockNumber == 0 && m_document->text()->hasBom())
        bytes.prepend("\xEF\xBB\xBF");
    return bytes;
}

void SourceView::reloadFromDocument()
{
    if (!m_document)
        return;
    const QScopedValueRollback guard(m_syncing, true);
    const core::base::TextDocument *text = m_document->text();
    if (!text) {
        setPlainText(tr("This file could not be loaded; the Problems panel says why."));
        m_blockCount = blockCount();
        updateEditability();
        return;
    }
    const int line = textCursor().blockNumber();
    const int column = textCursor().positionInBlock();
    const int scroll = verticalScrollBar()->value();
    QStringList lines;
    lines.reserve(text->lineCount());
    for (int i = 0; i < text->lineCount(); ++i)
        lines.append(displayLine(i));
    setPlainText(lines.join(u'\n'));
    m_blockCount = blockCount();
    const QTextBlock block = document()->findBlockByNumber(qMin(line, blockCount() - 1));
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qMin(column, block.length() - 1));
    setTextCursor(cursor);
    verticalScrollBar()->setValue(scroll);
    updateEditability();
}

void SourceView::updateEditability()
{
    const bool editable = m_document && m_document->isEditable() && !isMasked();
    setReadOnly(!editable);
    setTextInteractionFlags(editable ? Qt::TextEditorInteraction
                                     : Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setToolTip(editable         ? tr("The file's text. Edits here and in the other editors of this file stay in step.")
                   : isMasked() ? tr("Secrets are hidden. Use \"Reveal and edit\" to edit this file.")
                                : tr("This file cannot be edited."));
}

void SourceView::onDocumentLinesChanged(int firstLine, int removedCount, int insertedCount)
{
    if (m_syncing || !m_document || !m_document->text())
        return;
    const QScopedValueRollback guard(m_syncing, true);
    const core::base::TextDocument &text = *m_document->text();
    const int oldLineCount = text.lineCount() - insertedCount + removedCount;
    const int cursorLine = textCursor().blockNumber();
    const int cursorColumn = textCursor().positionInBlock();

    QStringList inserted;
    for (int i = firstLine; i < firstLine + insertedCount; ++i)
        inserted.append(displayLine(i));
    const QString joined = inserted.join(u'\n');

    QTextCursor edit(document());
    edit.beginEditBlock();
    if (removedCount > 0) {
        const QTextBlock first = document()->findBlockByNumber(firstLine);
        const QTextBlock last = document()->findBlockByNumber(firstLine + removedCount - 1);
        edit.setPosition(first.position());
        edit.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
        if (insertedCount == 0) {
            // Take one line break with the lines, unless the file becomes empty.
            if (last.next().isValid())
                edit.setPosition(last.next().position(), QTextCursor::KeepAnchor);
            else if (first.previous().isValid()) {
                edit.setPosition(last.position() + last.length() - 1);
                edit.setPosition(first.previous().position() + first.previous().length() - 1, QTextCursor::KeepAnchor);
            }
        }
        edit.insertText(joined);
    } else if (insertedCount > 0) {
        if (oldLineCount == 0) {
            edit.select(QTextCursor::Document);
            edit.insertText(joined);
        } else if (firstLine < oldLineCount) {
            edit.setPosition(document()->findBlockByNumber(firstLine).position());
            edit.insertText(joined + u'\n');
        } else {
            edit.movePosition(QTextCursor::End);
            edit.insertText(u'\n' + joined);
        }
    }
    edit.endEditBlock();
    m_blockCount = blockCount();

    // Keep the cursor on its line: shifted when lines moved above it, clamped inside the edit.
    int line = cursorLine;
    if (cursorLine >= firstLine + removedCount)
        line = cursorLine - removedCount + insertedCount;
    else if (cursorLine >= firstLine)
        line = qMin(cursorLine, firstLine + qMax(0, insertedCount - 1));
    const QTextBlock block = document()->findBlockByNumber(qBound(0, line, blockCount() - 1));
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qMin(cursorColumn, block.length() - 1));
    setTextCursor(cursor);
}

void SourceView::onTextChanged(int position, int charsRemoved, int charsAdded)
{
    const int blocks = blockCount();
    const int delta = blocks - m_blockCount;
    m_blockCount = blocks;
    if (m_syncing || !m_document || !m_document->text() || isReadOnly())
        return;
    if (charsRemoved == 0 && charsAdded == 0)
        return;
    const core::base::TextDocument &text = *m_document->text();

    const int first = document()->findBlock(position).blockNumber();
    QTextBlock lastBlock = document()->findBlock(position + charsAdded);
    const int last = lastBlock.isValid() ? lastBlock.blockNumber() : blocks - 1;
    const int newCount = last - first + 1;
    const int oldCount = newCount - delta;

    core::base::LineEdit edit;
    edit.firstIndex = first;
    edit.removeCount = qBound(0, oldCount, qMax(0, text.lineCount() - first));
    for (QTextBlock block = document()->findBlockByNumber(first); block.isValid() && block.blockNumber() <= last;
         block = block.next())
        edit.lines.append(lineBytes(block.blockNumber(), block.text()));
    // An empty file shows as one empty line; keep it empty until something is typed.
    if (text.lineCount() == 0 && edit.lines.size() == 1 && edit.lines.first().isEmpty())
        return;
    // Only the lines that really differ (highlighting and re-typed text report whole blocks).
    while (edit.removeCount > 0 && !edit.lines.isEmpty() && text.line(edit.firstIndex) == edit.lines.first()) {
        ++edit.firstIndex;
        --edit.removeCount;
        edit.lines.removeFirst();
    }
    while (edit.removeCount > 0 && !edit.lines.isEmpty()
           && text.line(edit.firstIndex + edit.removeCount - 1) == edit.lines.last()) {
        --edit.removeCount;
        edit.lines.removeLast();
    }
    if (edit.removeCount == 0 && edit.lines.isEmpty())
        return;
    const QScopedValueRollback guard(m_syncing, true);
    m_document->applyEdits({edit}, tr("Edit text"), true);
}

bool SourceView::event(QEvent *event)
{
    // Let Ctrl+Z / Ctrl+Shift+Z reach the window's Edit actions (the document's undo stack).
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const QKeyCombination combination = key->keyCombination();
        const bool undoRedo = key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)
            || combination == QKeyCombination(Qt::ControlModifier, Qt::Key_Z)
            || combination == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z)
            || combination == QKeyCombination(Qt::ControlModifier, Qt::Key_Y);
        if (undoRedo) {
            event->ignore();
            return false;
        }
    }
    // The colours are chosen for a light or a dark palette: choose again when the palette
    // changes (the desktop switched themes).
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        m_highlighter->setKind(m_kind);
    return QPlainTextEdit::event(event);
}

void SourceView::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    if (column > 1)
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qMin(column - 1, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();

    QTextEdit::ExtraSelection marker;
    // A translucent highlight reads on light and dark palettes alike.
    QColor markerColour = palette().color(QPalette::Highlight);
    markerColour.setAlpha(60);
    marker.format.setBackground(markerColour);
    marker.format.setProperty(QTextFormat::FullWidthSelection, true);
    marker.cursor = QTextCursor(block);
    setExtraSelections({marker});
}

int SourceView::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    return 12 + fontMetrics().horizontalAdvance(u'9') * qMax(3, digits);
}

void SourceView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_lineNumbers->setGeometry(QRect(area.left(), area.top(), lineNumberAreaWidth(), area.height()));
}

void SourceView::updateLineNumberAreaWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void SourceView::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy != 0)
        m_lineNumbers->scroll(0, dy);
    else
        m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateLineNumberAreaWidth();
}

void SourceView::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_lineNumbers->width() - 6;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top())
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

} // namespace pgdial::ui::editors
