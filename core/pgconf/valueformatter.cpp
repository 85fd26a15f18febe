#include "pgconf/valueformatter.h"

#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

struct Unit
{
    const char *name;
    double inBytesOrMs; // size of the unit in bytes (memory) or milliseconds (time)
};

constexpr Unit memoryUnits[] = {{"TB", 1024.0 * 1024 * 1024 * 1024},
                                {"GB", 1024.0 * 1024 * 1024},
                                {"MB", 1024.0 * 1024},
                                {"kB", 1024.0},
                                {"B", 1.0}};
constexpr Unit timeUnits[]
    = {{"d", 86400000.0}, {"h", 3600000.0}, {"min", 60000.0}, {"s", 1000.0}, {"ms", 1.0}, {"us", 0.001}};

// Size of one base unit in bytes or milliseconds; 0 when unknown.
double baseSize(const QString &unit)
{
    if (unit == "B"_L1)
        return 1;
    if (unit == "kB"_L1)
        return 1024;
    if (unit == "MB"_L1)
        return 1024.0 * 1024;
    if (unit.endsWith("kB"_L1))
        return unit.chopped(2).toDouble() * 1024;
    if (unit == "us"_L1)
        return 0.001;
    if (unit == "ms"_L1)
        return 1;
    if (unit == "s"_L1)
        return 1000;
    if (unit == "min"_L1)
        return 60000;
    if (unit == "h"_L1)
        return 3600000;
    if (unit == "d"_L1)
        return 86400000;
    return 0;
}

QString plainNumber(double value)
{
    if (value == std::floor(value) && std::abs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 15);
}

} // namespace

QString ValueFormatter::withUnit(double baseValue, const QString &baseUnit)
{
    const double size = baseSize(baseUnit);
    if (size == 0 || baseValue <= 0)
        return plainNumber(baseValue);
    const double amount = baseValue * size;
    const bool memory = baseUnit.endsWith(u'B');
    const auto tryUnits = [&](const auto &units) -> QString {
        for (const Unit &unit : units) {
            const double count = amount / unit.inBytesOrMs;
            if (std::abs(count - std::round(count)) < 1e-9)
                return plainNumber(std::round(count)) + QLatin1StringView(unit.name);
        }
        return plainNumber(baseValue);
    };
    return memory ? tryUnits(memoryUnits) : tryUnits(timeUnits);
}

QString ValueFormatter::format(const ParameterInfo &parameter, const ParsedValue &value)
{
    switch (parameter.type) {
    case ParameterType::Bool:
        return value.boolean ? u"on"_s : u"off"_s;
    case ParameterType::Integer:
        return parameter.unit.isEmpty() ? plainNumber(value.number) : withUnit(value.number, parameter.unit);
    case ParameterType::Real:
        if (!parameter.unit.isEmpty() && value.number == std::floor(value.number))
            return withUnit(value.number, parameter.unit);
        return plainNumber(value.number);
    case ParameterType::Enum:
    case ParameterType::String:
        return value.setting;
    }
    return value.setting;
}

bool ValueFormatter::needsQuotes(const QString &value)
{
    // Tokens the lexer reads back as one value: an identifier or unquoted string (but not a
    // qualified ID "a.b"), an integer with optional letters, a plain real.
    static const QRegularExpression unquotedString(
        u"^[A-Za-z_\\x{80}-\\x{10FFFF}][A-Za-z0-9_\\-.:/\\x{80}-\\x{10FFFF}]*$"_s);
    static const QRegularExpression qualifiedId(
        u"^[A-Za-z_\\x{80}-\\x{10FFFF}][A-Za-z0-9_\\x{80}-\\x{10FFFF}]*\\.[A-Za-z_\\x{80}-\\x{10FFFF}][A-Za-z0-9_\\x{80}-\\x{10FFFF}]*$"_s);
    static const QRegularExpression integer(u"^[-+]?(0[xX][0-9A-Fa-f]+|[0-9]+)[A-Za-z]*$"_s);
    static const QRegularExpression real(u"^[-+]?[0-9]+\\.[0-9]+$"_s);
    if (value.isEmpty())
        return true;
    if (integer.match(value).hasMatch() || real.match(value).hasMatch())
        return false;
    return !unquotedString.match(value).hasMatch() || qualifiedId.match(value).hasMatch();
}

QByteArray ValueFormatter::toToken(const QString &value)
{
    const QByteArray bytes = value.toUtf8();
    if (!needsQuotes(value))
        return bytes;
    QByteArray token = "'";
    for (const char c : bytes) {
        if (c == '\'')
            token += "''";
        else if (c == '\\')
            token += "\\\\";
        else if (c == '\n')
            token += "\\n";
        else if (c == '\r')
            token += "\\r";
        else
            token += c;
    }
    token += '\'';
    return token;
}

} // namespace pgdial::core::pgconf
