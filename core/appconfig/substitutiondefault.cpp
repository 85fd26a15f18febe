#include "appconfig/substitutiondefault.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pgdial::core::appconfig {

namespace {

struct Parts
{
    QString prefix; // "${NAME:-"
    QString inner; // the default as written
    QString name;
};

// Matches exactly one ${NAME:-...} / ${NAME-...} whose closing brace ends the text; the default
// may itself hold balanced ${...} expressions.
std::optional<Parts> split(const QString &text)
{
    static const QRegularExpression head(u"^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?-)"_s);
    const QRegularExpressionMatch match = head.match(text);
    if (!match.hasMatch() || !text.endsWith(u'}'))
        return std::nullopt;
    const qsizetype start = match.capturedLength();
    int depth = 1;
    for (qsizetype i = start; i < text.size(); ++i) {
        if (text.at(i) == u'$' && i + 1 < text.size() && text.at(i + 1) == u'{') {
            ++depth;
            ++i;
        } else if (text.at(i) == u'}' && --depth == 0) {
            if (i != text.size() - 1)
                return std::nullopt; // text after the expression
            return Parts {text.left(start), text.mid(start, i - start), match.captured(1)};
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> SubstitutionDefault::replace(const QString &text, const QString &newDefault)
{
    const std::optional<Parts> parts = split(text);
    if (!parts)
        return std::nullopt;
    if (split(parts->inner)) {
        const std::optional<QString> inner = replace(parts->inner, newDefault);
        return inner ? std::optional<QString>(parts->prefix + *inner + u'}') : std::nullopt;
    }
    if (parts->inner.contains(u'$'))
        return std::nullopt; // a default mixing text and variables: no single place to change
    return parts->prefix + newDefault + u'}';
}

std::optional<QString> SubstitutionDefault::variable(const QString &text)
{
    const std::optional<Parts> parts = split(text);
    if (!parts)
        return std::nullopt;
    if (split(parts->inner))
        return variable(parts->inner);
    return parts->inner.contains(u'$') ? std::nullopt : std::optional<QString>(parts->name);
}

std::optional<QString> SubstitutionDefault::current(const QString &text)
{
    const std::optional<Parts> parts = split(text);
    if (!parts)
        return std::nullopt;
    if (split(parts->inner))
        return current(parts->inner);
    return parts->inner.contains(u'$') ? std::nullopt : std::optional<QString>(parts->inner);
}

} // namespace pgdial::core::appconfig
