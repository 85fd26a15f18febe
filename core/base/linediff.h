#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace pgdial::core::base {

// One line of a diff: kept, removed from the old text, or added in the new one.
struct DiffLine
{
    enum class Op : quint8 { Equal, Delete, Insert };
    Op op = Op::Equal;
    QByteArray text;

    bool operator==(const DiffLine &) const = default;
};

// A shortest line diff (Myers' O(ND) algorithm after trimming the common head and tail, so a
// few edits in a 20,000-line file cost almost nothing) and its unified-diff rendering, as the
// save preview shows it. Lines are compared byte for byte, endings included when the caller
// keeps them (splitLines does), so a CRLF-only change shows as a change.
class LineDiff
{
public:
    static QList<DiffLine> compute(const QList<QByteArray> &oldLines, const QList<QByteArray> &newLines);

    // Splits bytes into lines that keep their "\n" / "\r\n"; the last may have none.
    static QList<QByteArray> splitLines(const QByteArray &bytes);

    // "--- a/NAME", "+++ b/NAME", then "@@ -l,n +l,n @@" hunks with `context` lines around each
    // change. Empty when the texts are equal. Endings are not printed; a missing final newline is
    // marked as diff(1) does.
    static QString unified(const QByteArray &oldBytes, const QByteArray &newBytes, const QString &oldName,
                           const QString &newName, int context = 3);
};

} // namespace pgdial::core::base
