#include "valueparser.h"

#include <QCoreApplication>

#include <clocale>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <locale.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

// The server parses numbers in the C locale; the application's locale must not change that.
locale_t cLocale()
{
    static locale_t locale = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
    return locale;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

struct UnitFactor
{
    const char *name;
    double multiplier;
};

// Multipliers into one base unit, largest first (the order matters for the "next smaller unit").
std::vector<UnitFactor> conversionTable(const QString &baseUnit)
{
    constexpr double k = 1024.0;
    if (baseUnit == "B"_L1)
        return {{"TB", k * k * k * k}, {"GB", k * k * k}, {"MB", k * k}, {"kB", k}, {"B", 1.0}};
    if (baseUnit == "kB"_L1)
        return {{"TB", k * k * k}, {"GB", k * k}, {"MB", k}, {"kB", 1.0}, {"B", 1.0 / k}};
    if (baseUnit == "MB"_L1)
        return {{"TB", k * k}, {"GB", k}, {"MB", 1.0}, {"kB", 1.0 / k}, {"B", 1.0 / (k * k)}};
    if (baseUnit.endsWith("kB"_L1)) { // blocks: "8kB", "16kB", ...
        const double blockKb = baseUnit.chopped(2).toDouble();
        if (blockKb <= 0)
            return {};
        return {{"TB", (k * k * k) / blockKb}, {"GB", (k * k) / blockKb}, {"MB", k / blockKb},
                {"kB", 1.0 / blockKb}, {"B", 1.0 / (blockKb * k)}};
    }
    if (baseUnit == "ms"_L1)
        return {{"d", 1000.0 * 60 * 60 * 24}, {"h", 1000.0 * 60 * 60}, {"min", 1000.0 * 60},
                {"s", 1000.0}, {"ms", 1.0}, {"us", 1.0 / 1000}};
    if (baseUnit == "s"_L1)
        return {{"d", 60.0 * 60 * 24}, {"h", 60.0 * 60}, {"min", 60.0}, {"s", 1.0},
                {"ms", 1.0 / 1000}, {"us", 1.0 / (1000 * 1000)}};
    if (baseUnit == "min"_L1)
        return {{"d", 60.0 * 24}, {"h", 60.0}, {"min", 1.0}, {"s", 1.0 / 60},
                {"ms", 1.0 / (1000 * 60)}, {"us", 1.0 / (1000.0 * 1000 * 60)}};
    return {};
}

bool isMemoryBase(const QString &unit)
{
    return unit.endsWith(u'B');
}

QString unitsHint(const QString &unit)
{
    if (isMemoryBase(unit))
        return QCoreApplication::translate("pgdial::pgconf", "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
    return QCoreApplication::translate("pgdial::pgconf", "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
}

// Unit suffix after a number (blanks, then at most 3 non-blank bytes, then only blanks).
std::optional<double> applyUnit(double value, const char *rest, const QString &unit, QString *hint, bool *badUnit)
{
    while (isSpace(*rest))
        ++rest;
    if (*rest == '\0')
        return value;
    if (unit.isEmpty())
        return std::nullopt; // a unit on a unitless parameter: plain invalid value, no hint
    std::string unitName;
    while (*rest != '\0' && !isSpace(*rest) && unitName.size() < 3)
        unitName.push_back(*rest++);
    while (isSpace(*rest))
        ++rest;
    std::optional<double> converted;
    if (*rest == '\0')
        converted = ValueParser::convertToBaseUnit(value, QString::fromLatin1(unitName), unit);
    if (!converted) {
        if (hint)
            *hint = unitsHint(unit);
        if (badUnit)
            *badUnit = true;
    }
    return converted;
}

QString formatNumber(double value)
{
    // %g, as the server prints reals in messages
    return QString::asprintf("%g", value);
}

QString invalidValueMessage(const ParameterInfo &parameter, const QString &value)
{
    return QCoreApplication::translate("pgdial::pgconf", "invalid value for parameter \"%1\": \"%2\"").arg(parameter.name, value);
}

// The log_connections list of PostgreSQL 18 (plain booleans still work, but not their prefixes).
bool validLogConnections(const QString &value)
{
    static const QStringList whole = {u"on"_s, u"off"_s, u"true"_s, u"false"_s, u"yes"_s, u"no"_s, u"1"_s, u"0"_s, u""_s};
    if (whole.contains(value.trimmed(), Qt::CaseInsensitive))
        return true;
    static const QStringList options = {u"receipt"_s, u"authentication"_s, u"authorization"_s, u"setup_durations"_s, u"all"_s};
    for (const QString &part : value.split(u',')) {
        if (!options.contains(part.trimmed(), Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool validLogDestination(const QString &value, int major)
{
    QStringList options = {u"stderr"_s, u"csvlog"_s, u"syslog"_s};
    if (major >= 15)
        options.append(u"jsonlog"_s);
    for (const QString &part : value.split(u',')) {
        const QString option = part.trimmed();
        if (option.isEmpty() && value.trimmed().isEmpty())
            continue;
        if (!options.contains(option, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace

std::optional<double> ValueParser::convertToBaseUnit(double value, const QString &unitName, const QString &baseUnit)
{
    const std::vector<UnitFactor> table = conversionTable(baseUnit);
    for (size_t i = 0; i < table.size(); ++i) {
        if (unitName != QLatin1StringView(table[i].name))
            continue;
        double converted = value * table[i].multiplier;
        // A fractional value ("1.5MB") is first rounded to a whole number of the next smaller unit.
        if (i + 1 < table.size())
            converted = std::rint(converted / table[i + 1].multiplier) * table[i + 1].multiplier;
        return converted;
    }
    return std::nullopt;
}

std::optional<bool> ValueParser::parseBool(const QString &text)
{
    const QByteArray value = text.toUtf8();
    const qsizetype length = value.size();
    if (length == 0)
        return std::nullopt;
    // strncasecmp(value, word, length): a case-insensitive prefix of the word
    auto prefixOf = [&](const char *word, qsizetype) {
        return length <= qsizetype(std::strlen(word)) && qstrnicmp(value.constData(), word, size_t(length)) == 0;
    };
    switch (value.at(0)) {
    case 't': case 'T':
        if (prefixOf("true", length)) return true;
        break;
    case 'f': case 'F':
        if (prefixOf("false", length)) return false;
        break;
    case 'y': case 'Y':
        if (prefixOf("yes", length)) return true;
        break;
    case 'n': case 'N':
        if (prefixOf("no", length)) return false;
        break;
    case 'o': case 'O':
        // "o" alone is ambiguous; "of" means off
        if (length >= 2 && prefixOf("on", length)) return true;
        if (length >= 2 && prefixOf("off", length)) return false;
        break;
    case '1':
        if (length == 1) return true;
        break;
    case '0':
        if (length == 1) return false;
        break;
    default:
        break;
    }
    return std::nullopt;
}

std::optional<double> ValueParser::parseInteger(const QString &text, const QString &unit, QString *hint, bool *badUnit)
{
    const QByteArray bytes = text.toUtf8();
    const char *value = bytes.constData();
    char *end = nullptr;
    errno = 0;
    double number = double(strtol_l(value, &end, 0, cLocale()));
    if (*end == '.' || *end == 'e' || *end == 'E' || errno == ERANGE) {
        errno = 0;
        number = strtod_l(value, &end, cLocale());
    }
    if (end == value || errno == ERANGE || std::isnan(number))
        return std::nullopt;
    auto converted = applyUnit(number, end, unit, hint, badUnit);
    if (!converted)
        return std::nullopt;
    number = std::rint(*converted);
    if (number > INT_MAX || number < INT_MIN) {
        if (hint)
            *hint = QCoreApplication::translate("pgdial::pgconf", "Value exceeds integer range.");
        return std::nullopt;
    }
    return number;
}

std::optional<double> ValueParser::parseReal(const QString &text, const QString &unit, QString *hint, bool *badUnit)
{
    const QByteArray bytes = text.toUtf8();
    const char *value = bytes.constData();
    char *end = nullptr;
    errno = 0;
    const double number = strtod_l(value, &end, cLocale());
    if (end == value || errno == ERANGE || std::isnan(number))
        return std::nullopt;
    return applyUnit(number, end, unit, hint, badUnit);
}

ParsedValue ValueParser::parse(const ParameterInfo &parameter, const QString &value, int major)
{
    ParsedValue result;
    auto fail = [&](ValueProblem problem, QString message, QString hint = {}) {
        result.problem = problem;
        result.message = std::move(message);
        result.hint = std::move(hint);
        return result;
    };
    switch (parameter.type) {
    case ParameterType::Bool: {
        const auto parsed = parseBool(value);
        if (!parsed)
            return fail(ValueProblem::Invalid, QCoreApplication::translate("pgdial::pgconf", "parameter \"%1\" requires a Boolean value").arg(parameter.name));
        result.boolean = *parsed;
        result.setting = *parsed ? u"on"_s : u"off"_s;
        return result;
    }
    case ParameterType::Integer:
    case ParameterType::Real: {
        const bool isInteger = parameter.type == ParameterType::Integer;
        QString hint;
        bool badUnit = false;
        const auto parsed = isInteger ? parseInteger(value, parameter.unit, &hint, &badUnit)
                                      : parseReal(value, parameter.unit, &hint, &badUnit);
        if (!parsed)
            return fail(badUnit ? ValueProblem::BadUnit : ValueProblem::Invalid, invalidValueMessage(parameter, value), hint);
        result.number = *parsed;
        result.setting = isInteger ? QString::number(qint64(*parsed)) : formatNumber(*parsed);
        const double min = parameter.min.value_or(-HUGE_VAL);
        const double max = parameter.max.value_or(HUGE_VAL);
        if (*parsed < min || *parsed > max) {
            const QString unit = parameter.unit.isEmpty() ? QString() : u" "_s + parameter.unit;
            const QString bound = major >= 17 ? unit : QString();
            auto show = [&](double number) { return isInteger ? QString::number(qint64(number)) : formatNumber(number); };
            return fail(ValueProblem::OutOfRange,
                        QCoreApplication::translate("pgdial::pgconf", "%1%2 is outside the valid range for parameter \"%3\" (%4%5 .. %6%7)")
                            .arg(show(*parsed), unit, parameter.name, show(min), bound, show(max), bound));
        }
        return result;
    }
    case ParameterType::Enum: {
        for (const QString &option : parameter.enumValues) {
            if (option.compare(value, Qt::CaseInsensitive) == 0) {
                result.setting = option;
                return result;
            }
        }
        for (auto it = parameter.hiddenEnumTargets.cbegin(); it != parameter.hiddenEnumTargets.cend(); ++it) {
            if (it.key().compare(value, Qt::CaseInsensitive) == 0) {
                result.setting = it.value();
                return result;
            }
        }
        return fail(ValueProblem::Invalid, invalidValueMessage(parameter, value),
                    QCoreApplication::translate("pgdial::pgconf", "Available values: %1.").arg(parameter.enumValues.join(u", "_s)));
    }
    case ParameterType::String: {
        const QString name = parameter.name.toLower();
        if (name == "log_connections"_L1 && major >= 18 && !validLogConnections(value))
            return fail(ValueProblem::Invalid, invalidValueMessage(parameter, value));
        if (name == "log_destination"_L1 && !validLogDestination(value, major))
            return fail(ValueProblem::Invalid, invalidValueMessage(parameter, value));
        result.setting = value;
        return result;
    }
    }
    return result;
}

} // namespace pgdial::core::pgconf
