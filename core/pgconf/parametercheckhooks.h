#pragma once

#include "pgconf/datetimedecoder.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace pgdial::core::pgconf {

// What a server check hook says about one value.
struct CheckHookVerdict
{
    bool ok = true;
    QString detail; // the server's DETAIL / HINT, or pgdial's explanation when ok is false
    // The answer depends on the machine the server runs on, which pgdial only knows when it is
    // this one: a locale that is not installed here (lc_*), a max_stack_depth over this
    // machine's stack limit. `ok` is what a server on this machine would say.
    bool dependsOnMachine = false;
    // The value is fine for servers built with the system tz database only (posix/Europe/Berlin).
    bool needsSystemTzdata = false;
    // The value is accepted at start-up but may not exist in the databases (text search config).
    bool unverifiable = false;
};

// The check hooks PostgreSQL runs on values when it reads postgresql.conf (guc.c's check_*
// functions) that pgdial can judge without a server: time zones (the server's tz database, POSIX
// TZ specs, offsets in hours), locales, timezone_abbreviations, client_encoding,
// primary_slot_name, backtrace_functions, the SLRU buffer multiples of 17+, max_stack_depth.
// Syntax hooks of list parameters (search_path, datestyle, log_destination) live in ValueParser.
class ParameterCheckHooks
{
public:
    // nullopt: no hook pgdial runs for this parameter (lower-case name) and value. `context`: what
    // earlier lines of the file set that date/time input depends on (recovery_target_time).
    static std::optional<CheckHookVerdict> checkString(const QString &name, const QString &value, int major,
                                                       const DateTimeContext &context = {});
    // `value` in the parameter's base unit, after range checks.
    static std::optional<CheckHookVerdict> checkInteger(const QString &name, double value, int major);

    // check_timezone (`logTimezone` false: also hours and INTERVAL forms) / check_log_timezone.
    static CheckHookVerdict checkTimeZone(const QString &value, bool logTimezone, int major = 17);
    // A zone of the server's tz database (resources/catalog/timezones.txt), case-insensitive.
    static bool isKnownTimeZone(const QString &name);
    // tzcode's tzparse() as PostgreSQL calls it for a name that is no zone file ("UTC+3",
    // "<+03>-3", "EST5EDT,M3.2.0,M11.1.0").
    static bool isPosixTimeZone(const QByteArray &spec);
    // The server's built-in text search configurations of `major` (simple, english, ...).
    static bool isBuiltInTextSearchConfig(const QString &name, int major);
};

} // namespace pgdial::core::pgconf
