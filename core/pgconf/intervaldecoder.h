#pragma once

#include <string>
#include <vector>

namespace pgdial::core::pgconf {

// PostgreSQL's interval input as check_timezone runs it on `INTERVAL '...'` values:
// interval_in's ParseDateTime + DecodeInterval, falling back to DecodeISO8601Interval when the
// first says "bad format", then the interval's months, days and microseconds. Overflow rules are
// those of 15+ (64-bit fields); 13 and 14 kept fields in `int` and wrapped on absurd values, which
// no time zone offset comes near.
class IntervalDecoder
{
public:
    struct Interval
    {
        int error = 0; // a DTERR code (dt::Error); the server raises an ERROR for these
        bool infinite = false; // 17+: "infinity" / "-infinity"
        long long months = 0;
        long long days = 0;
        long long microseconds = 0;
    };

    static Interval decode(const char *text, int major);

    // check_timezone's INTERVAL branch (`value` starts with "interval", any case).
    enum class TimeZoneVerdict { Accepted, BadSyntax, BadInterval, HasMonths, HasDays, OutOfRange };
    static TimeZoneVerdict checkTimeZone(const std::string &value, int major);

    // pg_tzset_offset: a UTC offset in seconds (Unix sign) the server can make a zone of.
    static bool offsetInRange(long long gmtoffsetSeconds);

private:
    struct Fields
    {
        long long usec = 0;
        int mday = 0;
        int mon = 0;
        int year = 0;
    };
    static int decodeInterval(std::vector<std::string> &text, const std::vector<int> &kind, int major, int *dtype,
                              Fields *fields);
    static int decodeIso8601(const char *text, int major, Fields *fields);
    static int decodeTime(const char *text, Fields *fields);
};

} // namespace pgdial::core::pgconf
