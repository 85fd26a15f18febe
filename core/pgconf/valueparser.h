#pragma once

#include "pgconf/datetimedecoder.h"
#include "pgconf/parametercatalog.h"

#include <QString>

namespace pgdial::core::pgconf {

// Why a value was refused; maps to the diagnostic codes conf.invalid-value, conf.invalid-unit and
// conf.out-of-range.
enum class ValueProblem { None, Invalid, BadUnit, OutOfRange };

// A value as the server understands it for one parameter (PostgreSQL's parse_bool, parse_int,
// parse_real, enum lookup and the cheap string check hooks).
struct ParsedValue
{
    ValueProblem problem = ValueProblem::None;
    QString message; // the server's wording ("invalid value for parameter \"x\": \"y\"")
    QString hint; // the server's HINT, if any ("Valid units for this parameter are ...")
    double number = 0; // integer and real parameters: the value in the parameter's base unit
    bool boolean = false; // bool parameters
    QString setting; // what pg_settings.setting would show ("125", "on", "replica", the text)
    // The value exists in PostgreSQL but needs a server built with this feature ("lz4", "ssl",
    // "bonjour"; scripts/generate-catalog BUILD_DEPENDENT). ConfValidator decides what that means.
    QString buildFeature;
    // The problem (a missing locale, a stack limit) was judged for the machine pgdial runs on.
    bool dependsOnMachine = false;
    // Accepted, but with a warning worth showing (code, text): posix/ time zones, text search
    // configurations that are not built in.
    QString cautionCode;
    QString caution;

    bool ok() const { return problem == ValueProblem::None; }
};

class ValueParser
{
public:
    // `major` matters for message wording (17+ prints units in range bounds) and version quirks.
    // `context`: what earlier lines of the file set that date/time input depends on.
    static ParsedValue parse(const ParameterInfo &parameter, const QString &value, int major,
                             const DateTimeContext &context = {});
    // The date/time context after a line `name = value` was applied (datestyle,
    // timezone_abbreviations; anything else leaves it as it is).
    static void updateDateTimeContext(DateTimeContext *context, const QString &name, const QString &value);

    // The building blocks, exposed for tests and the formatter.
    static std::optional<bool> parseBool(const QString &value);
    // strtol base auto-detection with float fallback, optional unit, rint; nullopt + hint on failure.
    static std::optional<double> parseInteger(const QString &value, const QString &unit, QString *hint, bool *badUnit);
    static std::optional<double> parseReal(const QString &value, const QString &unit, QString *hint, bool *badUnit);
    // Converts `value` given in `unitName` ("MB") to the base unit `baseUnit` ("8kB"), with the
    // server's rounding to the next smaller unit; nullopt when the unit is not valid for it.
    // The server's SplitIdentifierString: NAME[, NAME...] with "quoted" names, unquoted ones
    // folded to lower case; nullopt when the list syntax is invalid.
    static std::optional<QStringList> splitIdentifiers(const QString &value, QChar separator = u',');
    static std::optional<double> convertToBaseUnit(double value, const QString &unitName, const QString &baseUnit);
};

} // namespace pgdial::core::pgconf
