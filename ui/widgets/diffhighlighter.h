#pragma once

#include <QSyntaxHighlighter>

namespace pgdial::ui::widgets {

// Colours a unified diff: file headers, hunk headers, added and removed lines, in colours
// derived from the palette so they read on light and dark themes.
class DiffHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffHighlighter)

public:
    explicit DiffHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace pgdial::ui::widgets
