#pragma once

#include "pgconf/datetimedecoder.h"
#include "pgconf/parametercheckhooks.h"

#include <QString>

namespace pgdial::core::pgconf {

// The check hooks whose values are date/time input: check_recovery_target_time (a timestamp
// that must decode to a date) and check_timezone's `INTERVAL '...'` form. The decoding is
// DateTimeDecoder's and IntervalDecoder's; this class words the verdict as the server does and
// says how to fix the value.
class DateTimeCheckHooks
{
public:
    static CheckHookVerdict recoveryTargetTime(const QString &value, int major, const DateTimeContext &context);
    static CheckHookVerdict intervalTimeZone(const QString &value, int major);
};

} // namespace pgdial::core::pgconf
