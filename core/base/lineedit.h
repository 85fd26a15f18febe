#pragma once

#include <QByteArray>
#include <QList>

namespace pgdial::core::base {

enum class LineEnding : quint8 {
    None, // only possible on the last line: the file has no final newline
    Lf,
    CrLf,
};

// Replaces `removeCount` lines starting at the 0-based line index `firstIndex` with `lines`
// (line contents without their endings). Every change to a file is one or more of these, so
// undo is simply applying the inverse edit that TextDocument::apply returns.
struct LineEdit
{
    int firstIndex = 0;
    int removeCount = 0;
    QList<QByteArray> lines;
    // Endings for `lines`, one each; leave empty to let the document choose (the ending of the
    // replaced line, else the file's dominant ending). Inverse edits always carry them.
    QList<LineEnding> endings;

    bool operator==(const LineEdit &) const = default;
};

} // namespace pgdial::core::base
