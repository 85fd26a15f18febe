#pragma once

#include "confsettingsreader.h"
#include "lineedit.h"
#include "textdocument.h"

#include <QList>
#include <QPair>

namespace pgdial::core::tuning {

// Turns chosen (name, value) pairs into lossless LineEdits on one postgresql.conf: a set value
// has exactly its value bytes replaced (comment and spacing kept); a parameter the file does not
// set gets one `name = value` line appended. Applying the edits' inverses restores the bytes.
class TuningApplier
{
public:
    static QList<LineEdit> edits(const TextDocument &document, const QHash<QString, ConfValueSpan> &settings,
                                 const QList<QPair<QString, QString>> &values);
    // Applies in order; returns the inverses in undo order (last first).
    static QList<LineEdit> apply(TextDocument &document, const QList<LineEdit> &edits);
    // A value as postgresql.conf needs it: bare when the lexer takes it, else single-quoted.
    static QByteArray confValue(const QString &value);
};

} // namespace pgdial::core::tuning
