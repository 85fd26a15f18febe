#include "tuningapplier.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

QByteArray TuningApplier::confValue(const QString &value)
{
    // Numbers with optional unit letters, and identifiers, need no quotes (guc-file.l).
    static const QRegularExpression bare(u"^(-?\\d+(\\.\\d+)?[A-Za-z]*|[A-Za-z_][A-Za-z0-9_.\\-:/]*)$"_s);
    if (bare.match(value).hasMatch())
        return value.toUtf8();
    QByteArray quoted = value.toUtf8();
    quoted.replace('\'', "''");
    return '\'' + quoted + '\'';
}

QList<LineEdit> TuningApplier::edits(const TextDocument &document, const QHash<QString, ConfValueSpan> &settings,
                                     const QList<QPair<QString, QString>> &values)
{
    QList<LineEdit> result;
    QList<QByteArray> appended;
    for (const auto &[name, value] : values) {
        const auto it = settings.constFind(name.toLower());
        if (it != settings.constEnd()) {
            QByteArray line = document.line(it->lineIndex);
            line.replace(it->valueStart, it->valueEnd - it->valueStart, confValue(value));
            result.append(LineEdit{it->lineIndex, 1, {line}, {}});
        } else {
            appended.append(name.toUtf8() + " = " + confValue(value));
        }
    }
    // Appended after the last line; TextDocument keeps a missing final newline missing.
    if (!appended.isEmpty())
        result.append(LineEdit{document.lineCount(), 0, appended, {}});
    return result;
}

QList<LineEdit> TuningApplier::apply(TextDocument &document, const QList<LineEdit> &edits)
{
    QList<LineEdit> inverses;
    for (const LineEdit &edit : edits)
        inverses.prepend(document.apply(edit));
    return inverses;
}

} // namespace pgdial::core::tuning
