#include "base/textdocument.h"

#include <algorithm>
#include <atomic>

namespace pgdial::core::base {

namespace {

quint64 nextRevision()
{
    // Shared by every document of every thread: a revision never names two different texts.
    static std::atomic<quint64> counter {0};
    return ++counter;
}

} // namespace

QByteArray lineEndingBytes(LineEnding ending)
{
    switch (ending) {
    case LineEnding::None:
        return {};
    case LineEnding::Lf:
        return QByteArrayLiteral("\n");
    case LineEnding::CrLf:
        return QByteArrayLiteral("\r\n");
    }
    return {};
}

TextDocument TextDocument::fromBytes(const QByteArray &bytes)
{
    TextDocument document;
    document.m_revision = nextRevision();
    qsizetype start = 0;
    const qsizetype size = bytes.size();
    while (start < size) {
        const qsizetype newline = bytes.indexOf('\n', start);
        Line line;
        if (newline < 0) {
            line.content = bytes.mid(start);
            line.ending = LineEnding::None;
            start = size;
        } else if (newline > start && bytes.at(newline - 1) == '\r') {
            line.content = bytes.mid(start, newline - 1 - start);
            line.ending = LineEnding::CrLf;
            start = newline + 1;
        } else {
            line.content = bytes.mid(start, newline - start);
            line.ending = LineEnding::Lf;
            start = newline + 1;
        }
        document.count(line, +1);
        document.m_lines.append(std::move(line));
    }
    return document;
}

QByteArray TextDocument::toBytes() const
{
    QByteArray out;
    out.reserve(byteSize());
    for (const Line &line : m_lines) {
        out += line.content;
        out += lineEndingBytes(line.ending);
    }
    return out;
}

qsizetype TextDocument::byteSize() const
{
    qsizetype total = 0;
    for (const Line &line : m_lines)
        total += line.content.size() + (line.ending == LineEnding::CrLf ? 2 : line.ending == LineEnding::Lf ? 1 : 0);
    return total;
}

bool TextDocument::hasBom() const
{
    return !m_lines.isEmpty() && m_lines.first().content.startsWith("\xEF\xBB\xBF");
}

bool TextDocument::endsWithNewline() const
{
    return !m_lines.isEmpty() && m_lines.last().ending != LineEnding::None;
}

LineEnding TextDocument::dominantEnding() const
{
    return m_crlfCount > m_lfCount ? LineEnding::CrLf : LineEnding::Lf;
}

void TextDocument::count(const Line &line, int delta)
{
    if (line.ending == LineEnding::CrLf)
        m_crlfCount += delta;
    else if (line.ending == LineEnding::Lf)
        m_lfCount += delta;
}

namespace {

// Content given with embedded newlines becomes several lines.
QList<QByteArray> splitContents(const QList<QByteArray> &lines)
{
    QList<QByteArray> out;
    out.reserve(lines.size());
    for (const QByteArray &line : lines) {
        if (!line.contains('\n')) {
            out.append(line);
            continue;
        }
        const QList<QByteArray> parts = line.split('\n');
        for (const QByteArray &part : parts)
            out.append(part.endsWith('\r') ? part.chopped(1) : part);
    }
    return out;
}

} // namespace

LineEdit TextDocument::apply(const LineEdit &requested)
{
    m_revision = nextRevision();
    LineEdit edit = requested;
    const int total = lineCount();
    edit.firstIndex = std::clamp(edit.firstIndex, 0, total);
    edit.removeCount = std::clamp(edit.removeCount, 0, total - edit.firstIndex);
    const bool explicitEndings = !edit.endings.isEmpty() && edit.endings.size() == edit.lines.size();
    if (!explicitEndings) {
        edit.lines = splitContents(edit.lines);
        edit.endings.clear();
    }

    // Appending after a last line that has no newline: take that line into the edit so the
    // file keeps "no final newline" and the inverse restores it exactly.
    if (!explicitEndings && edit.firstIndex == total && total > 0 && !edit.lines.isEmpty()
        && m_lines.last().ending == LineEnding::None) {
        edit.firstIndex = total - 1;
        edit.removeCount = 1;
        edit.lines.prepend(m_lines.last().content);
    }

    QList<LineEnding> endings = edit.endings;
    if (!explicitEndings) {
        const LineEnding fallback = dominantEnding();
        const bool touchesEnd = edit.firstIndex + edit.removeCount == total;
        const bool hadNoFinalNewline = total > 0 && m_lines.last().ending == LineEnding::None;
        endings.reserve(edit.lines.size());
        for (int i = 0; i < edit.lines.size(); ++i) {
            LineEnding ending = fallback;
            if (i < edit.removeCount && m_lines.at(edit.firstIndex + i).ending != LineEnding::None)
                ending = m_lines.at(edit.firstIndex + i).ending;
            endings.append(ending);
        }
        if (touchesEnd && hadNoFinalNewline && edit.removeCount > 0 && !endings.isEmpty())
            endings.last() = LineEnding::None;
    }

    LineEdit inverse;
    inverse.firstIndex = edit.firstIndex;
    inverse.removeCount = static_cast<int>(edit.lines.size());
    inverse.lines.reserve(edit.removeCount);
    inverse.endings.reserve(edit.removeCount);
    for (int i = 0; i < edit.removeCount; ++i) {
        const Line &old = m_lines.at(edit.firstIndex + i);
        inverse.lines.append(old.content);
        inverse.endings.append(old.ending);
        count(old, -1);
    }

    // Replacing as many lines as are removed (typing in a line, a changed value) is done in place:
    // removing and re-inserting would move every later line of a 20,000-line file per keystroke.
    if (edit.removeCount == edit.lines.size()) {
        for (int i = 0; i < edit.removeCount; ++i) {
            Line &line = m_lines[edit.firstIndex + i];
            line.content = edit.lines.at(i);
            line.ending = endings.at(i);
            count(line, +1);
        }
        return inverse;
    }

    m_lines.remove(edit.firstIndex, edit.removeCount);
    QList<Line> inserted;
    inserted.reserve(edit.lines.size());
    for (int i = 0; i < edit.lines.size(); ++i) {
        Line line {edit.lines.at(i), endings.at(i)};
        count(line, +1);
        inserted.append(std::move(line));
    }
    m_lines.insert(edit.firstIndex, inserted.size(), Line {});
    std::move(inserted.begin(), inserted.end(), m_lines.begin() + edit.firstIndex);
    return inverse;
}

} // namespace pgdial::core::base
