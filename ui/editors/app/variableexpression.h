#pragma once

#include <QString>

#include <optional>

namespace pgdial::ui {

// A value written as one whole ${NAME:-default} (or ${NAME-default}) expression. The form and the
// URL builder edit the default inside it, so the reference to the variable stays as written.
struct VariableExpression
{
    QString name;
    QString separator; // ":-" or "-"
    QString fallback;

    static std::optional<VariableExpression> parse(const QString &raw);
    QString text() const { return QStringLiteral("${") + name + separator + fallback + QLatin1Char('}'); }
};

} // namespace pgdial::ui
