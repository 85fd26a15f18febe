#pragma once

#include "base/lineedit.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace pgdial::core::base {

// A file's original bytes as lines, each with its own ending. Only "\n" ends a line (as in
// PostgreSQL's own readers); a lone "\r" stays part of the line's content. A UTF-8 BOM stays in
// the first line's bytes, because postgresql.conf treats it as part of the first name.
// toBytes() after any sequence of edits and their inverses gives back the exact input.
class TextDocument
{
public:
    TextDocument() = default;
    static TextDocument fromBytes(const QByteArray &bytes);

    QByteArray toBytes() const;
    qsizetype byteSize() const;

    int lineCount() const { return static_cast<int>(m_lines.size()); }
    bool isEmpty() const { return m_lines.isEmpty(); }
    const QByteArray &line(int index) const { return m_lines.at(index).content; }
    QString lineText(int index) const { return QString::fromUtf8(line(index)); }
    LineEnding ending(int index) const { return m_lines.at(index).ending; }

    bool hasBom() const;
    bool endsWithNewline() const;
    // The ending new lines get: the file's majority (CRLF only when most lines use it).
    LineEnding dominantEnding() const;

    // Identifies this exact text: every load and every apply() takes a new number from one
    // process-wide counter, and a copy keeps it. Equal revisions of one file mean equal lines, so
    // analyses of a text can be reused by detached copies of the project (ConfAnalysisCache).
    quint64 revision() const { return m_revision; }

    // Applies the edit and returns its exact inverse. Lines given without endings take the
    // ending of the line they replace, or the dominant ending; "no final newline" is kept.
    LineEdit apply(const LineEdit &edit);

private:
    struct Line
    {
        QByteArray content;
        LineEnding ending = LineEnding::Lf;
    };

    QList<Line> m_lines;
    int m_crlfCount = 0;
    int m_lfCount = 0;
    quint64 m_revision = 0; // 0: the empty default text

    void count(const Line &line, int delta);
};

QByteArray lineEndingBytes(LineEnding ending);

} // namespace pgdial::core::base
