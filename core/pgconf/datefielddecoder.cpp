#include "pgconf/datefielddecoder.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace pgdial::core::pgconf {

using namespace dt;

namespace {

constexpr long long UsecsPerSec = 1000000;

const int dayTab[2][13] = {
    {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0},
    {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0},
};

bool isLeap(int y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// atoi() as the server calls it on digit runs: (int) strtol, wrapping like a cast.
int atoiC(const char *text)
{
    return int(std::strtol(text, nullptr, 10));
}

} // namespace

DateFieldDecoder::DateFieldDecoder(int major, DateTimeContext::Order order)
    : m_major(major)
    , m_order(order)
{ }

// date2j / j2date, in 32-bit arithmetic that wraps as the server's (built with -fwrapv) does.
int DateFieldDecoder::date2j(int year, int month, int day)
{
    uint32_t y = uint32_t(year);
    uint32_t m = uint32_t(month);
    if (month > 2) {
        m += 1;
        y += 4800;
    } else {
        m += 13;
        y += 4799;
    }
    const int32_t yy = int32_t(y);
    const int32_t century = yy / 100;
    uint32_t julian = uint32_t(yy) * 365u - 32167u;
    julian += uint32_t(yy / 4 - century + century / 4);
    julian += uint32_t(int32_t(7834u * m) / 256) + uint32_t(day);
    return int32_t(julian);
}

void DateFieldDecoder::j2date(int jd, int *year, int *month, int *day)
{
    unsigned int julian = unsigned(jd) + 32044u;
    unsigned int quad = julian / 146097u;
    const unsigned int extra = (julian - quad * 146097u) * 4u + 3u;
    julian += 60u + quad * 3u + extra / 146097u;
    quad = julian / 1461u;
    julian -= quad * 1461u;
    int y = int(julian * 4u / 1461u);
    julian = ((y != 0) ? ((julian + 305u) % 365u) : ((julian + 306u) % 366u)) + 123u;
    y += int(quad * 4u);
    *year = y - 4800;
    quad = julian * 2141u / 65536u;
    *day = int(julian - 7834u * quad / 256u);
    *month = int((quad + 10u) % 12u + 1u);
}

int DateFieldDecoder::parseFractionalSecond(const char *text, long long *fsec) const
{
    // 15 and later take a lone "." as no fraction; before, strtod's refusal stood.
    if (m_major >= 15 && text[1] == '\0') {
        *fsec = 0;
        return Ok;
    }
    double fraction = 0;
    const int error = DateTimeTokens::parseFraction(text, &fraction);
    if (error != Ok)
        return error;
    *fsec = (long long)std::rint(fraction * 1000000);
    return Ok;
}

int DateFieldDecoder::decodeDate(std::string text, int fmask, int *tmask, bool *is2digits, DateTimeTm *tm) const
{
    // Split at every non-alphanumeric character; text parts must be month names.
    std::vector<std::string> parts;
    std::size_t pos = 0;
    const std::size_t n = text.size();
    *tmask = 0;
    while (pos < n && int(parts.size()) < MaxDateFields) {
        while (pos < n && !(isDigit(text[pos]) || isAlpha(text[pos])))
            ++pos;
        if (pos >= n)
            return BadFormat; // the text ends with a separator
        const std::size_t start = pos;
        if (isDigit(text[pos])) {
            while (pos < n && isDigit(text[pos]))
                ++pos;
        } else {
            while (pos < n && isAlpha(text[pos]))
                ++pos;
        }
        parts.push_back(text.substr(start, pos - start));
        if (pos < n)
            ++pos; // the server overwrites the character after a part with the terminator
    }

    bool haveTextMonth = false;
    std::vector<bool> done(parts.size(), false);
    for (std::size_t i = 0; i < parts.size(); i++) {
        if (parts[i].empty() || !isAlpha(parts[i][0]))
            continue;
        const Token *token = DateTimeTokens::dateKeyword(parts[i].c_str(), m_major);
        const int type = token ? token->type : int(UnknownField);
        if (type == IgnoreDtf)
            continue;
        const int dmask = mask(type);
        if (type != MonthType)
            return BadFormat;
        tm->mon = token->value;
        haveTextMonth = true;
        if (fmask & dmask)
            return BadFormat;
        fmask |= dmask;
        *tmask |= dmask;
        done[i] = true;
    }
    for (std::size_t i = 0; i < parts.size(); i++) {
        if (done[i])
            continue;
        if (parts[i].empty())
            return BadFormat;
        int dmask = 0;
        const int dterr = decodeNumber(parts[i], haveTextMonth, fmask, &dmask, tm, is2digits);
        if (dterr)
            return dterr;
        if (fmask & dmask)
            return BadFormat;
        fmask |= dmask;
        *tmask |= dmask;
    }
    if ((fmask & ~(mask(DoyType) | mask(TzType))) != DateMask)
        return BadFormat;
    return Ok;
}

int DateFieldDecoder::decodeTime(const char *text, int *tmask, DateTimeTm *tm) const
{
    *tmask = TimeMask;
    char *cp = nullptr;
    bool overflow = false;
    tm->hour = DateTimeTokens::strtoint(text, &cp, &overflow);
    if (overflow)
        return FieldOverflow;
    if (*cp != ':')
        return BadFormat;
    tm->min = DateTimeTokens::strtoint(cp + 1, &cp, &overflow);
    if (overflow)
        return FieldOverflow;
    if (*cp == '\0') {
        tm->sec = 0;
        tm->fsec = 0;
    } else if (*cp == '.') {
        // mm:ss.sss
        const int dterr = parseFractionalSecond(cp, &tm->fsec);
        if (dterr)
            return dterr;
        tm->sec = tm->min;
        tm->min = tm->hour;
        tm->hour = 0;
    } else if (*cp == ':') {
        tm->sec = DateTimeTokens::strtoint(cp + 1, &cp, &overflow);
        if (overflow)
            return FieldOverflow;
        if (*cp == '\0') {
            tm->fsec = 0;
        } else if (*cp == '.') {
            const int dterr = parseFractionalSecond(cp, &tm->fsec);
            if (dterr)
                return dterr;
        } else {
            return BadFormat;
        }
    } else {
        return BadFormat;
    }
    if (tm->hour < 0 || tm->min < 0 || tm->min > 59 || tm->sec < 0 || tm->sec > 60 || tm->fsec < 0
        || tm->fsec > UsecsPerSec)
        return FieldOverflow;
    return Ok;
}

int DateFieldDecoder::decodeNumber(const std::string &text, bool haveTextMonth, int fmask, int *tmask, DateTimeTm *tm,
                                   bool *is2digits) const
{
    *tmask = 0;
    const char *str = text.c_str();
    const int flen = int(text.size());
    char *cp = nullptr;
    bool overflow = false;
    const int val = DateTimeTokens::strtoint(str, &cp, &overflow);
    if (overflow)
        return FieldOverflow;
    if (cp == str)
        return BadFormat;
    if (*cp == '.') {
        // More than two digits before the point: a date or run-together time (2001.360, 040506.789).
        if (cp - str > 2) {
            const int dterr = decodeNumberField(text, fmask | DateMask, tmask, tm, is2digits);
            return dterr < 0 ? dterr : Ok;
        }
        const int dterr = parseFractionalSecond(cp, &tm->fsec);
        if (dterr)
            return dterr;
    } else if (*cp != '\0') {
        return BadFormat;
    }

    // Day of the year after a year alone.
    if (flen == 3 && (fmask & DateMask) == mask(YearType) && val >= 1 && val <= 366) {
        *tmask = mask(DoyType) | mask(MonthType) | mask(DayType);
        tm->yday = val;
        return Ok;
    }

    const auto order = m_order;
    switch (fmask & DateMask) {
    case 0:
        // The first field: a year if 3+ digits, else by DateStyle's order.
        if (flen >= 3 || order == DateTimeContext::Order::YMD) {
            *tmask = mask(YearType);
            tm->year = val;
        } else if (order == DateTimeContext::Order::DMY) {
            *tmask = mask(DayType);
            tm->mday = val;
        } else {
            *tmask = mask(MonthType);
            tm->mon = val;
        }
        break;
    case mask(YearType):
        *tmask = mask(MonthType);
        tm->mon = val;
        break;
    case mask(MonthType):
        if (haveTextMonth) {
            if (flen >= 3 || order == DateTimeContext::Order::YMD) {
                *tmask = mask(YearType);
                tm->year = val;
            } else {
                *tmask = mask(DayType);
                tm->mday = val;
            }
        } else {
            *tmask = mask(DayType);
            tm->mday = val;
        }
        break;
    case mask(YearType) | mask(MonthType):
        if (haveTextMonth) {
            if (flen >= 3 && *is2digits) {
                // DD-MON-YYYY after all: the first number was the day.
                *tmask = mask(DayType);
                tm->mday = tm->year;
                tm->year = val;
                *is2digits = false;
            } else {
                *tmask = mask(DayType);
                tm->mday = val;
            }
        } else {
            *tmask = mask(DayType);
            tm->mday = val;
        }
        break;
    case mask(DayType):
        *tmask = mask(MonthType);
        tm->mon = val;
        break;
    case mask(MonthType) | mask(DayType):
        *tmask = mask(YearType);
        tm->year = val;
        break;
    case DateMask: {
        const int dterr = decodeNumberField(text, fmask, tmask, tm, is2digits);
        return dterr < 0 ? dterr : Ok;
    }
    default:
        return BadFormat;
    }
    if (*tmask == mask(YearType))
        *is2digits = flen <= 2;
    return Ok;
}

int DateFieldDecoder::decodeNumberField(std::string text, int fmask, int *tmask, DateTimeTm *tm, bool *is2digits) const
{
    if (const std::size_t dot = text.find('.'); dot != std::string::npos) {
        // Trailing junk after the fraction is not checked here (nor by the server).
        if (!(m_major >= 15 && dot + 1 == text.size())) {
            bool rangeError = false;
            const double fraction = DateTimeTokens::strtodC(text.c_str() + dot, nullptr, &rangeError);
            if (rangeError)
                return BadFormat;
            tm->fsec = (long long)std::rint(fraction * 1000000);
        } else {
            tm->fsec = 0;
        }
        text.resize(dot);
    } else if ((fmask & DateMask) != DateMask) {
        const std::size_t len = text.size();
        if (len >= 6) {
            *tmask = DateMask; // yyyymmdd from the end: dd, mm, the rest is the year
            tm->mday = atoiC(text.c_str() + len - 2);
            tm->mon = atoiC(text.substr(len - 4, 2).c_str());
            tm->year = atoiC(text.substr(0, len - 4).c_str());
            if (len - 4 == 2)
                *is2digits = true;
            return Date;
        }
    }
    const std::size_t len = text.size();
    if ((fmask & TimeMask) != TimeMask) {
        if (len == 6) {
            *tmask = TimeMask;
            tm->sec = atoiC(text.c_str() + 4);
            tm->min = atoiC(text.substr(2, 2).c_str());
            tm->hour = atoiC(text.substr(0, 2).c_str());
            return Time;
        }
        if (len == 4) {
            *tmask = TimeMask;
            tm->sec = 0;
            tm->min = atoiC(text.c_str() + 2);
            tm->hour = atoiC(text.substr(0, 2).c_str());
            return Time;
        }
    }
    return BadFormat;
}

int DateFieldDecoder::validateDate(int fmask, bool isJulian, bool is2digits, bool bc, DateTimeTm *tm)
{
    if (fmask & mask(YearType)) {
        if (isJulian) {
            // the year is right as it is
        } else if (bc) {
            if (tm->year <= 0)
                return FieldOverflow; // no year zero
            tm->year = -(tm->year - 1);
        } else if (is2digits) {
            if (tm->year < 0)
                return FieldOverflow;
            if (tm->year < 70)
                tm->year += 2000;
            else if (tm->year < 100)
                tm->year += 1900;
        } else if (tm->year <= 0) {
            return FieldOverflow;
        }
    }
    if (fmask & mask(DoyType))
        j2date(int(unsigned(date2j(tm->year, 1, 1)) + unsigned(tm->yday) - 1u), &tm->year, &tm->mon, &tm->mday);
    if ((fmask & mask(MonthType)) && (tm->mon < 1 || tm->mon > 12))
        return MdFieldOverflow;
    if ((fmask & mask(DayType)) && (tm->mday < 1 || tm->mday > 31))
        return MdFieldOverflow;
    if ((fmask & DateMask) == DateMask && tm->mday > dayTab[isLeap(tm->year) ? 1 : 0][tm->mon - 1])
        return FieldOverflow;
    return Ok;
}

} // namespace pgdial::core::pgconf
