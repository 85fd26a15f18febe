#pragma once

#include <QString>

#include <optional>

namespace pgdial::core::appconfig {

// Rewrites the default of a `${VAR:-default}` (or `${VAR-default}`) expression, so that a tool
// changing a value that is written as an expression changes what applies when the variable is
// unset and keeps the variable: deployments that set it keep working as before.
class SubstitutionDefault
{
public:
    // `text` must be one whole expression; a nested default (`${A:-${B:-10}}`) is followed to
    // the innermost one. nullopt when `text` is not such an expression (plain text, `${VAR}`
    // without a default, `${VAR:?message}`, `${VAR:+alt}`, text around the expression).
    static std::optional<QString> replace(const QString &text, const QString &newDefault);

    // The variable whose default replace() changes, when it can.
    static std::optional<QString> variable(const QString &text);
    // The default replace() changes, as written, when it can.
    static std::optional<QString> current(const QString &text);
};

} // namespace pgdial::core::appconfig
