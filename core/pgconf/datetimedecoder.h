#pragma once

#include "pgconf/datefielddecoder.h"
#include "pgconf/datetimecontext.h"
#include "pgconf/datetimetokens.h"

#include <string>

namespace pgdial::core::pgconf {

// PostgreSQL's timestamp input as check_recovery_target_time uses it: ParseDateTime +
// DecodeDateTime (with DecodeDate, DecodeTime, DecodeNumber, DecodeNumberField, ValidateDate)
// and tm2timestamp's range, following each major's differences (13-18).
class DateTimeDecoder
{
public:
    struct Result
    {
        int error = dt::Ok; // a DTERR code, or 1 for a time without a date
        int type = dt::Date; // DTK_DATE, or the reserved word's kind (epoch, infinity)
        bool outOfRange = false; // decoded, but tm2timestamp refuses it
    };

    DateTimeDecoder(int major, const DateTimeContext &context);

    // What check_recovery_target_time does after its "now"/"today"/... test.
    Result decodeTimestamp(const char *text) const;

    // Whether check_recovery_target_time accepts `value` on a server of `major`.
    static bool acceptsRecoveryTargetTime(const char *value, int major, const DateTimeContext &context);

private:
    int decodeDateTime(dt::Fields &fields, int *dtype, DateTimeTm *tm, int *tz) const;
    static bool toTimestamp(const DateTimeTm &tm, int tz);

    int m_major;
    DateTimeContext m_context;
    DateFieldDecoder m_fields;
};

} // namespace pgdial::core::pgconf
