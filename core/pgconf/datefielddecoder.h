#pragma once

#include "pgconf/datetimecontext.h"
#include "pgconf/datetimetokens.h"

#include <string>

namespace pgdial::core::pgconf {

// struct pg_tm with the fractional second, as DecodeDateTime fills it.
struct DateTimeTm
{
    int year = 0, mon = 0, mday = 0, hour = 0, min = 0, sec = 0, yday = 0;
    long long fsec = 0; // microseconds
};

// The field decoders DecodeDateTime calls (datetime.c's DecodeDate, DecodeTime, DecodeNumber,
// DecodeNumberField, ValidateDate, ParseFractionalSecond) and the Julian-day conversions, with
// each major's differences. They return DTERR codes; DecodeNumberField returns the positive
// kind (dt::Date, dt::Time) it decoded.
class DateFieldDecoder
{
public:
    DateFieldDecoder(int major, DateTimeContext::Order order);

    int decodeDate(std::string text, int fmask, int *tmask, bool *is2digits, DateTimeTm *tm) const;
    int decodeTime(const char *text, int *tmask, DateTimeTm *tm) const;
    int decodeNumber(const std::string &text, bool haveTextMonth, int fmask, int *tmask, DateTimeTm *tm,
                     bool *is2digits) const;
    int decodeNumberField(std::string text, int fmask, int *tmask, DateTimeTm *tm, bool *is2digits) const;
    int parseFractionalSecond(const char *text, long long *fsec) const;
    static int validateDate(int fmask, bool isJulian, bool is2digits, bool bc, DateTimeTm *tm);

    // date2j / j2date in 32-bit arithmetic that wraps as the server's (built with -fwrapv) does.
    static int date2j(int year, int month, int day);
    static void j2date(int jd, int *year, int *month, int *day);

private:
    int m_major;
    DateTimeContext::Order m_order;
};

} // namespace pgdial::core::pgconf
