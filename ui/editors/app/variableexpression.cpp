#include "variableexpression.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pgdial::ui {

std::optional<VariableExpression> VariableExpression::parse(const QString &raw)
{
    static const QRegularExpression pattern(uR"(^\$\{([A-Za-z_][A-Za-z0-9_]*)(:?-)(.*)\}$)"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = pattern.match(raw);
    if (!match.hasMatch())
        return std::nullopt;
    // "${A:-x}${B}" also matches the pattern: only take it when the braces inside balance.
    const QString fallback = match.captured(3);
    int depth = 0;
    for (const QChar c : fallback) {
        depth += c == u'{' ? 1 : c == u'}' ? -1 : 0;
        if (depth < 0)
            return std::nullopt;
    }
    if (depth != 0)
        return std::nullopt;
    return VariableExpression{match.captured(1), match.captured(2), fallback};
}

} // namespace pgdial::ui
