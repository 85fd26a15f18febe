#pragma once

#include "datetimetokens.h"

#include <string>

namespace pgdial::core::pgconf {

// What the server's date/time input depends on besides the text, at the moment postgresql.conf
// is read: DateStyle's field order and whether a timezone_abbreviations file is loaded. At
// start-up the abbreviations are installed only after the file has been read, so while it is
// read they are known only when the file itself set timezone_abbreviations on an earlier line
// (a plain "...Z" or "... PST" is refused otherwise); DateStyle likewise counts from its line on.
struct DateTimeContext
{
    enum class Order { YMD, DMY, MDY };
    Order order = Order::MDY;   // the boot value "ISO, MDY"
    std::string abbreviations;  // "" (none loaded), "Default", "Australia" or "India"
    // The timezone of earlier lines ("" for the boot value GMT): 18 also knows the abbreviations
    // that zone uses (EDT after timezone = 'America/New_York') without any table.
    std::string timeZone;
};

// PostgreSQL's timestamp input as check_recovery_target_time uses it: ParseDateTime +
// DecodeDateTime (with DecodeDate, DecodeTime, DecodeNumber, DecodeNumberField, ValidateDate)
// and tm2timestamp's range, following each major's differences (13-18).
class DateTimeDecoder
{
public:
    struct Result
    {
        int error = dt::Ok;   // a DTERR code, or 1 for a time without a date
        int type = dt::Date;  // DTK_DATE, or the reserved word's kind (epoch, infinity)
        bool outOfRange = false; // decoded, but tm2timestamp refuses it
    };

    DateTimeDecoder(int major, const DateTimeContext &context);

    // What check_recovery_target_time does after its "now"/"today"/... test.
    Result decodeTimestamp(const char *text) const;

    // Whether check_recovery_target_time accepts `value` on a server of `major`.
    static bool acceptsRecoveryTargetTime(const char *value, int major, const DateTimeContext &context);

private:
    struct Tm
    {
        int year = 0, mon = 0, mday = 0, hour = 0, min = 0, sec = 0, yday = 0;
        long long fsec = 0; // microseconds
    };

    int decodeDateTime(dt::Fields &fields, int *dtype, Tm *tm, int *tz) const;
    int decodeDate(std::string text, int fmask, int *tmask, bool *is2digits, Tm *tm) const;
    int decodeTime(const char *text, int *tmask, Tm *tm) const;
    int decodeNumber(const std::string &text, bool haveTextMonth, int fmask, int *tmask, Tm *tm, bool *is2digits) const;
    int decodeNumberField(std::string text, int fmask, int *tmask, Tm *tm, bool *is2digits) const;
    int parseFractionalSecond(const char *text, long long *fsec) const;
    static int validateDate(int fmask, bool isJulian, bool is2digits, bool bc, Tm *tm);
    static bool toTimestamp(const Tm &tm, int tz);

    int m_major;
    DateTimeContext m_context;
};

} // namespace pgdial::core::pgconf
