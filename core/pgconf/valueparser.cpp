#include "pgconf/valueparser.h"

#include "pgconf/parametercheckhooks.h"

#include <QCoreApplication>

#include <cerrno>
#include <climits>
#include <clocale>
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
        return {{"TB", (k * k * k) / blockKb},
                {"GB", (k * k) / blockKb},
                {"MB", k / blockKb},
                {"kB", 1.0 / blockKb},
                {"B", 1.0 / (blockKb * k)}};
    }
    if (baseUnit == "ms"_L1)
        return {{"d", 1000.0 * 60 * 60 * 24},
                {"h", 1000.0 * 60 * 60},
                {"min", 1000.0 * 60},
                {"s", 1000.0},
                {"ms", 1.0},
                {"us", 1.0 / 1000}};
    if (baseUnit == "s"_L1)
        return {{"d", 60.0 * 60 * 24}, {"h", 60.0 * 60},           {"min", 60.0}, {"s", 1.0},
                {"ms", 1.0 / 1000},    {"us", 1.0 / (1000 * 1000)}};
    if (baseUnit == "min"_L1)
        return {{"d", 60.0 * 24},
                {"h", 60.0},
                {"min", 1.0},
                {"s", 1.0 / 60},
                {"ms", 1.0 / (1000 * 60)},
                {"us", 1.0 / (1000.0 * 1000 * 60)}};
    return {};
}

bool isMemoryBase(const QString &unit)
{
    return unit.endsWith(u'B');
}

QString unitsHint(const QString &unit)
{
    if (isMemoryBase(unit))
        return QCoreApplication::translate(
            "pgdial::pgconf", "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
    return QCoreApplication::translate(
        "pgdial::pgconf", "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
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
    return QCoreApplication::translate("pgdial::pgconf", "invalid value for parameter \"%1\": \"%2\"")
        .arg(parameter.name, value);
}

bool isScannerSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

// The server's SplitIdentifierString: NAME[, NAME...] with "quoted" names ("" inside), unquoted
// names folded to lower case; an empty string is an empty list. nullopt: "List syntax is invalid."
std::optional<QStringList> splitIdentifierList(const QString &value, QChar separator = u',')
{
    QStringList names;
    qsizetype i = 0;
    const qsizetype n = value.size();
    while (i < n && isScannerSpace(value.at(i)))
        ++i;
    if (i == n)
        return names;
    for (;;) {
        QString name;
        if (i == n)
            return std::nullopt; // a separator with no name after it
        if (value.at(i) == u'"') {
            ++i;
            for (;;) {
                if (i >= n)
                    return std::nullopt; // mismatched quotes
                if (value.at(i) == u'"') {
                    if (i + 1 < n && value.at(i + 1) == u'"') {
                        name += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                name += value.at(i++);
            }
        } else {
            const qsizetype start = i;
            while (i < n && value.at(i) != separator && !isScannerSpace(value.at(i)))
                ++i;
            if (i == start)
                return std::nullopt; // empty unquoted name
            name = value.mid(start, i - start).toLower();
        }
        names.append(name);
        while (i < n && isScannerSpace(value.at(i)))
            ++i;
        if (i == n)
            return names;
        if (value.at(i) != separator)
            return std::nullopt;
        ++i;
        while (i < n && isScannerSpace(value.at(i)))
            ++i;
    }
}

// The log_connections list of PostgreSQL 18 (plain booleans still work, but not their prefixes).
bool validLogConnections(const QString &value)
{
    const auto names = splitIdentifierList(value);
    if (!names)
        return false;
    static const QStringList booleans = {u"on"_s, u"off"_s, u"true"_s, u"false"_s, u"yes"_s, u"no"_s, u"1"_s, u"0"_s};
    if (names->size() == 1 && booleans.contains(names->first(), Qt::CaseInsensitive))
        return true;
    static const QStringList options
        = {u"receipt"_s, u"authentication"_s, u"authorization"_s, u"setup_durations"_s, u"all"_s};
    for (const QString &name : *names) {
        if (!options.contains(name, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool validLogDestination(const QString &value, int major)
{
    const auto names = splitIdentifierList(value);
    if (!names)
        return false;
    QStringList options = {u"stderr"_s, u"csvlog"_s, u"syslog"_s};
    if (major >= 15)
        options.append(u"jsonlog"_s);
    for (const QString &name : *names) {
        if (!options.contains(name, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

// check_datestyle's reading of the words: an output style (ISO, SQL, Postgres, German) and/or a
// field order (YMD, DMY/Euro..., MDY/US/NonEuro...), no two different ones of a kind; "default"
// fits anything. nullopt when the server refuses the value. Empty parts were not given.
struct DateStyleWords
{
    QString style;
    QString order;
    bool german = false;
    bool sawDefault = false;
};

std::optional<DateStyleWords> readDateStyle(const QString &value)
{
    const auto names = splitIdentifierList(value);
    if (!names)
        return std::nullopt;
    DateStyleWords words;
    auto setOnce = [](QString &slot, const QString &newValue) {
        if (!slot.isEmpty() && slot != newValue)
            return false;
        slot = newValue;
        return true;
    };
    for (const QString &token : *names) {
        const QString t = token.toLower();
        bool ok = true;
        if (t == "iso"_L1)
            ok = setOnce(words.style, u"ISO"_s);
        else if (t == "sql"_L1)
            ok = setOnce(words.style, u"SQL"_s);
        else if (t.startsWith("postgres"_L1))
            ok = setOnce(words.style, u"Postgres"_s);
        else if (t == "german"_L1) {
            ok = setOnce(words.style, u"German"_s);
            words.german = true;
        } else if (t == "ymd"_L1)
            ok = setOnce(words.order, u"YMD"_s);
        else if (t == "dmy"_L1 || t.startsWith("euro"_L1))
            ok = setOnce(words.order, u"DMY"_s);
        else if (t == "mdy"_L1 || t == "us"_L1 || t.startsWith("noneuro"_L1))
            ok = setOnce(words.order, u"MDY"_s);
        else if (t == "default"_L1)
            words.sawDefault = true;
        else
            return std::nullopt;
        if (!ok)
            return std::nullopt;
    }
    return words;
}

// What the server stores ("SQL, DMY"), filling gaps from the boot value "ISO, MDY".
std::optional<QString> dateStyleSetting(const QString &value)
{
    const auto words = readDateStyle(value);
    if (!words)
        return std::nullopt;
    const QString order = !words->order.isEmpty() ? words->order : words->german ? u"DMY"_s : u"MDY"_s;
    return (words->style.isEmpty() ? u"ISO"_s : words->style) + u", "_s + order;
}

} // namespace

std::optional<QStringList> ValueParser::splitIdentifiers(const QString &value, QChar separator)
{
    return splitIdentifierList(value, separator);
}

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
    case 't':
    case 'T':
        if (prefixOf("true", length))
            return true;
        break;
    case 'f':
    case 'F':
        if (prefixOf("false", length))
            return false;
        break;
    case 'y':
    case 'Y':
        if (prefixOf("yes", length))
            return true;
        break;
    case 'n':
    case 'N':
        if (prefixOf("no", length))
            return false;
        break;
    case 'o':
    case 'O':
        // "o" alone is ambiguous; "of" means off
        if (length >= 2 && prefixOf("on", length))
            return true;
        if (length >= 2 && prefixOf("off", length))
            return false;
        break;
    case '1':
        if (length == 1)
            return true;
        break;
    case '0':
        if (length == 1)
            return false;
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

ParsedValue ValueParser::parse(const ParameterInfo &parameter, const QString &value, int major,
                               const DateTimeContext &context)
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
            return fail(ValueProblem::Invalid,
                        QCoreApplication::translate("pgdial::pgconf", "parameter \"%1\" requires a Boolean value")
                            .arg(parameter.name));
        result.boolean = *parsed;
        result.setting = *parsed ? u"on"_s : u"off"_s;
        result.buildFeature = parameter.buildDependentValues.value(result.setting);
        if (!parameter.acceptedSettings.isEmpty() && !parameter.acceptedSettings.contains(result.setting))
            return fail(ValueProblem::Invalid,
                        parameter.refusalMessage.isEmpty() ? invalidValueMessage(parameter, value)
                                                           : parameter.refusalMessage);
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
            return fail(badUnit ? ValueProblem::BadUnit : ValueProblem::Invalid, invalidValueMessage(parameter, value),
                        hint);
        result.number = *parsed;
        result.setting = isInteger ? QString::number(qint64(*parsed)) : formatNumber(*parsed);
        const double min = parameter.min.value_or(-HUGE_VAL);
        const double max = parameter.max.value_or(HUGE_VAL);
        if (*parsed < min || *parsed > max) {
            const QString unit = parameter.unit.isEmpty() ? QString() : u" "_s + parameter.unit;
            const QString bound = major >= 17 ? unit : QString();
            auto show
                = [&](double number) { return isInteger ? QString::number(qint64(number)) : formatNumber(number); };
            return fail(ValueProblem::OutOfRange,
                        QCoreApplication::translate(
                            "pgdial::pgconf", "%1%2 is outside the valid range for parameter \"%3\" (%4%5 .. %6%7)")
                            .arg(show(*parsed), unit, parameter.name, show(min), bound, show(max), bound));
        }
        if (isInteger) {
            if (const auto hook = ParameterCheckHooks::checkInteger(parameter.name.toLower(), *parsed, major);
                hook && !hook->ok) {
                fail(ValueProblem::Invalid, invalidValueMessage(parameter, result.setting), hook->detail);
                result.dependsOnMachine = hook->dependsOnMachine;
                return result;
            }
        }
        return result;
    }
    case ParameterType::Enum: {
        for (const QString &option : parameter.enumValues) {
            if (option.compare(value, Qt::CaseInsensitive) == 0) {
                result.setting = option;
                result.buildFeature = parameter.buildDependentValues.value(option);
                return result;
            }
        }
        // Values of builds with a feature the catalog's generating build lacked (lz4, zstd, ...).
        for (auto it = parameter.buildDependentValues.cbegin(); it != parameter.buildDependentValues.cend(); ++it) {
            if (it.key().compare(value, Qt::CaseInsensitive) == 0) {
                result.setting = it.key();
                result.buildFeature = it.value();
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
                    QCoreApplication::translate("pgdial::pgconf", "Available values: %1.")
                        .arg(parameter.enumValues.join(u", "_s)));
    }
    case ParameterType::String: {
        const QString name = parameter.name.toLower();
        if (name == "log_connections"_L1 && major >= 18 && !validLogConnections(value))
            return fail(ValueProblem::Invalid, invalidValueMessage(parameter, value));
        if (name == "log_destination"_L1 && !validLogDestination(value, major))
            return fail(ValueProblem::Invalid, invalidValueMessage(parameter, value));
        if (name == "datestyle"_L1) {
            const auto setting = dateStyleSetting(value);
            if (!setting)
                return fail(ValueProblem::Invalid, invalidValueMessage(parameter, value));
            result.setting = *setting;
            return result;
        }
        if ((name == "search_path"_L1 || name == "temp_tablespaces"_L1) && !splitIdentifierList(value))
            return fail(ValueProblem::Invalid, invalidValueMessage(parameter, value),
                        QCoreApplication::translate("pgdial::pgconf", "List syntax is invalid."));
        if (const auto hook = ParameterCheckHooks::checkString(name, value, major, context)) {
            if (!hook->ok) {
                fail(ValueProblem::Invalid, invalidValueMessage(parameter, value), hook->detail);
                result.dependsOnMachine = hook->dependsOnMachine;
                return result;
            }
            if (hook->needsSystemTzdata) {
                result.cautionCode = u"conf.system-tzdata"_s;
                result.caution = hook->detail;
            } else if (hook->unverifiable) {
                result.cautionCode = u"conf.unknown-text-search-config"_s;
                result.caution = hook->detail;
            }
        }
        result.setting = value;
        return result;
    }
    }
    return result;
}

void ValueParser::updateDateTimeContext(DateTimeContext *context, const QString &name, const QString &setting)
{
    const QString lower = name.toLower();
    if (lower == "datestyle"_L1) {
        // check_datestyle starts from the current order: "SQL" alone keeps it, German implies DMY.
        const auto words = readDateStyle(setting);
        if (!words)
            return;
        if (words->order == "YMD"_L1)
            context->order = DateTimeContext::Order::YMD;
        else if (words->order == "DMY"_L1)
            context->order = DateTimeContext::Order::DMY;
        else if (words->order == "MDY"_L1 || words->sawDefault)
            context->order = DateTimeContext::Order::MDY;
        else if (words->german)
            context->order = DateTimeContext::Order::DMY;
    } else if (lower == "timezone"_L1) {
        context->timeZone = setting.toStdString();
    } else if (lower == "timezone_abbreviations"_L1) {
        context->abbreviations = setting.toStdString();
    }
}

} // namespace pgdial::core::pgconf
