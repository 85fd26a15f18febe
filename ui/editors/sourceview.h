#pragma once

#include "filekind.h"

#include <QPlainTextEdit>

namespace pgdial::ui {

class SourceHighlighter;

// A read-only view of one file: line numbers, colouring for the file's kind, secrets masked,
// and a marker on the line the user jumped to.
class SourceView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceView)

public:
    explicit SourceView(QWidget *parent = nullptr);

    // `text` is shown as is, except that secret values are masked unless `revealSecrets`.
    void setSource(const QString &text, core::FileKind kind, bool revealSecrets = false);
    core::FileKind kind() const { return m_kind; }

    // Scrolls to a 1-based line (and byte column) and marks it.
    void goToLine(int line, int column = 0);
    int lineNumberAreaWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    class LineNumberArea;
    friend class LineNumberArea;

    LineNumberArea *m_lineNumbers;
    SourceHighlighter *m_highlighter;
    core::FileKind m_kind = core::FileKind::AppConfig;

    void paintLineNumbers(QPaintEvent *event);
    void updateLineNumberAreaWidth();
    void updateLineNumberArea(const QRect &rect, int dy);
};

} // namespace pgdial::ui
