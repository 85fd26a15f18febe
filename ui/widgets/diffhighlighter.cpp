#include "widgets/diffhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace pgdial::ui::widgets {

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{ }

void DiffHighlighter::highlightBlock(const QString &text)
{
    const QPalette palette = QGuiApplication::palette();
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    QTextCharFormat format;
    if (text.startsWith(u"+++") || text.startsWith(u"---")) {
        format.setFontWeight(QFont::Bold);
    } else if (text.startsWith(u"@@")) {
        format.setForeground(dark ? QColor(0x7f, 0xb8, 0xff) : QColor(0x1f, 0x5f, 0xbf));
    } else if (text.startsWith(u'+')) {
        format.setForeground(dark ? QColor(0x9c, 0xe0, 0x9c) : QColor(0x11, 0x6b, 0x11));
        format.setBackground(dark ? QColor(0x1e, 0x3a, 0x1e) : QColor(0xe6, 0xff, 0xe6));
    } else if (text.startsWith(u'-')) {
        format.setForeground(dark ? QColor(0xff, 0xa0, 0xa0) : QColor(0x9f, 0x1c, 0x1c));
        format.setBackground(dark ? QColor(0x40, 0x1e, 0x1e) : QColor(0xff, 0xea, 0xea));
    } else if (text.startsWith(u'\\')) {
        format.setForeground(palette.color(QPalette::PlaceholderText));
    } else {
        return;
    }
    setFormat(0, static_cast<int>(text.size()), format);
}

} // namespace pgdial::ui::widgets
