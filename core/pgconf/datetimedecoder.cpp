#include "datetimedecoder.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace pgdial::core::pgconf {

using namespace dt;

namespace {

constexpr long long UsecsPerSec = 1000000;
constexpr long long UsecsPerDay = 86400LL * UsecsPerSec;
constexpr int PostgresEpochJdate = 2451545;
constexpr long long MinTimestamp = -211813488000000000LL; // 4714-11-24 BC 00:00 UTC
constexpr long long EndTimestamp = 9223371331200000000LL; // 294277-01-01 00:00 UTC

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

// date2j / j2date, in 32-bit arithmetic that wraps as the server's (built with -fwrapv) does.
int date2j(int year, int month, int day)
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

void j2date(int jd, int *year, int *month, int *day)
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

// atoi() as the server calls it on digit runs: (int) strtol, wrapping like a cast.
int atoiC(const char *text)
{
    return int(std::strtol(text, nullptr, 10));
}

bool timeOverflows(int hour, int min, int sec, long long fsec)
{
    if (hour < 0 || hour > 24 || min < 0 || min >= 60 || sec < 0 || sec > 60 || fsec < 0 || fsec > UsecsPerSec)
        return true;
    // 24:00:00 and a leap second are allowed, but nothing beyond the end of the day.
    return ((((long long)hour * 60 + min) * 60 + sec) * UsecsPerSec + fsec) > UsecsPerDay;
}

} // namespace

DateTimeDecoder::DateTimeDecoder(int major, const DateTimeContext &context)
    : m_major(major)
    , m_context(context)
{
}

bool DateTimeDecoder::acceptsRecoveryTargetTime(const char *value, int major, const DateTimeContext &context)
{
    if (*value == '\0')
        return true;
    // The hook's own refusals are case-sensitive ("Today" goes on to the decoder, and passes).
    for (const char *word : {"now", "today", "tomorrow", "yesterday"}) {
        if (std::strcmp(value, word) == 0)
            return false;
    }
    const Result result = DateTimeDecoder(major, context).decodeTimestamp(value);
    return result.error == Ok && result.type == Date && !result.outOfRange;
}

DateTimeDecoder::Result DateTimeDecoder::decodeTimestamp(const char *text) const
{
    Result result;
    Fields fields;
    result.error = DateTimeTokens::parse(text, MaxDateLen + MaxDateFields, &fields);
    if (result.error != Ok)
        return result;
    Tm tm;
    int tz = 0;
    result.error = decodeDateTime(fields, &result.type, &tm, &tz);
    if (result.error == Ok && result.type == Date)
        result.outOfRange = !toTimestamp(tm, tz);
    return result;
}

int DateTimeDecoder::parseFractionalSecond(const char *text, long long *fsec) const
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

int DateTimeDecoder::decodeDateTime(Fields &fields, int *dtype, Tm *tm, int *tz) const
{
    const bool since16 = m_major >= 16;
    const int nf = int(fields.text.size());
    int fmask = 0;
    int tmask = 0;
    int ptype = 0; // a label (j, t, and before 16 y/m/d/h/mm/s) for the next field
    int mer = Hr24;
    bool haveTextMonth = false;
    bool isJulian = false;
    bool is2digits = false;
    bool bc = false;
    bool namedTz = false;
    bool abbrevTz = false;
    int dterr = Ok;

    *dtype = Date;
    *tm = Tm{};
    *tz = 0;

    for (int i = 0; i < nf; i++) {
        std::string &field = fields.text[std::size_t(i)];
        char *text = field.data();
        switch (fields.kind[std::size_t(i)]) {
        case Date:
            if (ptype == Julian) {
                // An integral Julian day with a time zone attached ("2451187-08").
                char *cp = nullptr;
                bool overflow = false;
                const int val = DateTimeTokens::strtoint(text, &cp, &overflow);
                if (overflow || val < 0)
                    return FieldOverflow;
                j2date(val, &tm->year, &tm->mon, &tm->mday);
                isJulian = true;
                dterr = DateTimeTokens::decodeTimezone(cp, tz);
                if (dterr)
                    return dterr;
                tmask = DateMask | TimeMask | mask(TzType);
                ptype = 0;
                break;
            }
            if (ptype != 0 || (fmask & (mask(MonthType) | mask(DayType))) == (mask(MonthType) | mask(DayType))) {
                // A date is there already: a zone name with punctuation, or hhmmss-zz.
                if (isDigit(*text) || ptype != 0) {
                    if (ptype != 0) {
                        if (ptype != Time)
                            return BadFormat;
                        ptype = 0;
                    }
                    if ((fmask & TimeMask) == TimeMask)
                        return BadFormat;
                    char *cp = std::strchr(text, '-');
                    if (!cp)
                        return BadFormat;
                    dterr = DateTimeTokens::decodeTimezone(cp, tz);
                    if (dterr)
                        return dterr;
                    *cp = '\0';
                    dterr = decodeNumberField(std::string(text), fmask, &tmask, tm, &is2digits);
                    if (dterr < 0)
                        return dterr;
                    tmask |= mask(TzType);
                } else {
                    if (!DateTimeTokens::isZoneName(text))
                        return BadTimezone; // 13-15: an ERROR inside the hook, fatal all the same
                    namedTz = true;
                    tmask = mask(TzType);
                }
            } else {
                dterr = decodeDate(field, fmask, &tmask, &is2digits, tm);
                if (dterr)
                    return dterr;
            }
            break;

        case Time:
            if (ptype != 0) {
                if (ptype != Time)
                    return BadFormat;
                ptype = 0;
            }
            dterr = decodeTime(text, &tmask, tm);
            if (dterr)
                return dterr;
            if (timeOverflows(tm->hour, tm->min, tm->sec, tm->fsec))
                return FieldOverflow;
            break;

        case Tz: {
            int offset = 0;
            dterr = DateTimeTokens::decodeTimezone(text, &offset);
            if (dterr)
                return dterr;
            *tz = offset;
            tmask = mask(TzType);
            break;
        }

        case Number:
            if (ptype != 0) {
                // A field labelled by the one before it.
                char *cp = nullptr;
                bool overflow = false;
                const int val = DateTimeTokens::strtoint(text, &cp, &overflow);
                if (overflow)
                    return FieldOverflow;
                if (since16) {
                    if (*cp != '.' && *cp != '\0')
                        return BadFormat;
                } else if (*cp == '.') {
                    if (ptype != Julian && ptype != Time && ptype != Second)
                        return BadFormat;
                } else if (*cp != '\0') {
                    return BadFormat;
                }
                switch (ptype) {
                case Year:
                    tm->year = val;
                    tmask = mask(YearType);
                    break;
                case Month:
                    // A month and an hour already? Then "m" means minutes.
                    if ((fmask & mask(MonthType)) && (fmask & mask(HourType))) {
                        tm->min = val;
                        tmask = mask(MinuteType);
                    } else {
                        tm->mon = val;
                        tmask = mask(MonthType);
                    }
                    break;
                case Day:
                    tm->mday = val;
                    tmask = mask(DayType);
                    break;
                case Hour:
                    tm->hour = val;
                    tmask = mask(HourType);
                    break;
                case Minute:
                    tm->min = val;
                    tmask = mask(MinuteType);
                    break;
                case Second:
                    tm->sec = val;
                    tmask = mask(SecondType);
                    if (*cp == '.') {
                        dterr = parseFractionalSecond(cp, &tm->fsec);
                        if (dterr)
                            return dterr;
                        tmask = AllSecsMask;
                    }
                    break;
                case Julian:
                    if (val < 0)
                        return FieldOverflow;
                    tmask = DateMask;
                    j2date(val, &tm->year, &tm->mon, &tm->mday);
                    isJulian = true;
                    if (*cp == '.') {
                        double fraction = 0;
                        if (m_major >= 15 && cp[1] == '\0')
                            fraction = 0;
                        else if ((dterr = DateTimeTokens::parseFraction(cp, &fraction)) != Ok)
                            return dterr;
                        // dt2time of a fraction of a day: always a valid time of day.
                        long long usecs = (long long)(fraction * double(UsecsPerDay));
                        tm->hour = int(usecs / (3600 * UsecsPerSec));
                        usecs -= tm->hour * 3600 * UsecsPerSec;
                        tm->min = int(usecs / (60 * UsecsPerSec));
                        usecs -= tm->min * 60 * UsecsPerSec;
                        tm->sec = int(usecs / UsecsPerSec);
                        tm->fsec = usecs - tm->sec * UsecsPerSec;
                        tmask |= TimeMask;
                    }
                    break;
                case Time:
                    // "t" before an ISO time: hhmmss or hhmm.
                    dterr = decodeNumberField(field, fmask | DateMask, &tmask, tm, &is2digits);
                    if (dterr < 0)
                        return dterr;
                    if (tmask != TimeMask)
                        return BadFormat;
                    break;
                default:
                    return BadFormat;
                }
                ptype = 0;
                *dtype = Date;
            } else {
                const int flen = int(field.size());
                const char *cp = std::strchr(text, '.');
                if (cp && !(fmask & DateMask)) {
                    // Embedded decimal and no date yet: a date like 2024.05.01 or yyyy.ddd.
                    dterr = decodeDate(field, fmask, &tmask, &is2digits, tm);
                    if (dterr)
                        return dterr;
                } else if (cp && flen - int(std::strlen(cp)) > 2) {
                    // Several digits before the decimal: run-together date or time (040506.789).
                    dterr = decodeNumberField(field, fmask, &tmask, tm, &is2digits);
                    if (dterr < 0)
                        return dterr;
                } else if (flen >= 6 && (!(fmask & DateMask) || !(fmask & TimeMask))) {
                    // yyyymmdd or hhmmss; a 6+-digit year must come last or in ISO form.
                    dterr = decodeNumberField(field, fmask, &tmask, tm, &is2digits);
                    if (dterr < 0)
                        return dterr;
                } else {
                    dterr = decodeNumber(field, haveTextMonth, fmask, &tmask, tm, &is2digits);
                    if (dterr)
                        return dterr;
                }
            }
            break;

        case String:
        case Special: {
            // Abbreviations (when loaded) win over the built-in words.
            int val = 0;
            // 18 first asks the session's zone (the file's earlier timezone line) for the word.
            int type = UnknownField;
            if (m_major >= 18 && !m_context.timeZone.empty() && DateTimeTokens::zoneUsesAbbreviation(m_context.timeZone, text))
                type = DynTzType;
            if (type == UnknownField)
                type = DateTimeTokens::abbreviation(text, m_context.abbreviations);
            if (type == UnknownField) {
                if (const Token *token = DateTimeTokens::dateKeyword(text, m_major)) {
                    type = token->type;
                    val = token->value;
                }
            }
            if (type == IgnoreDtf)
                continue;
            tmask = mask(type);
            switch (type) {
            case Reserv:
                switch (val) {
                case Now:
                    tmask = DateMask | TimeMask | mask(TzType);
                    *dtype = Date;
                    tm->year = 2026, tm->mon = 1, tm->mday = 1; // the current time: always in range
                    *tz = 0;
                    break;
                case Yesterday:
                case Today:
                case Tomorrow:
                    tmask = DateMask;
                    *dtype = Date;
                    tm->year = 2026, tm->mon = 1, tm->mday = 1;
                    break;
                case Zulu:
                    tmask = TimeMask | mask(TzType);
                    *dtype = Date;
                    tm->hour = tm->min = tm->sec = 0;
                    *tz = 0;
                    break;
                default:
                    // epoch, infinity, -infinity: 16 made them claim every field.
                    if (since16)
                        tmask = DateMask | TimeMask | mask(TzType);
                    *dtype = val;
                    break;
                }
                break;
            case MonthType:
                // A numeric month already? Then it was the day.
                if ((fmask & mask(MonthType)) && !haveTextMonth && !(fmask & mask(DayType)) && tm->mon >= 1
                    && tm->mon <= 31) {
                    tm->mday = tm->mon;
                    tmask = mask(DayType);
                }
                haveTextMonth = true;
                tm->mon = val;
                break;
            case DtzMod:
                tmask |= mask(DtzType); // "MET DST"
                break;
            case DtzType:
                tmask |= mask(TzType);
                break;
            case TzType:
                break;
            case DynTzType:
                tmask |= mask(TzType);
                abbrevTz = true;
                break;
            case AmPm:
                mer = val;
                break;
            case AdBc:
                bc = val == Bc;
                break;
            case DowType:
                break;
            case Units:
                tmask = 0;
                if (since16 && ptype != 0)
                    return BadFormat; // consecutive labels
                ptype = val;
                break;
            case IsoTime:
                tmask = 0;
                if (since16 && ptype != 0)
                    return BadFormat;
                // "t" needs a complete date before it and a time after it.
                if ((fmask & DateMask) != DateMask)
                    return BadFormat;
                if (i >= nf - 1
                    || (fields.kind[std::size_t(i + 1)] != Number && fields.kind[std::size_t(i + 1)] != Time
                        && fields.kind[std::size_t(i + 1)] != Date))
                    return BadFormat;
                ptype = val;
                break;
            case UnknownField:
                // Last chance: an all-letters zone name ("utc", "japan").
                if (!DateTimeTokens::isZoneName(text))
                    return BadFormat;
                namedTz = true;
                tmask = mask(TzType);
                break;
            default:
                return BadFormat;
            }
            break;
        }

        default:
            return BadFormat;
        }

        if (tmask & fmask)
            return BadFormat;
        fmask |= tmask;
    }

    if (since16 && ptype != 0)
        return BadFormat; // a label with nothing to label

    dterr = validateDate(fmask, isJulian, is2digits, bc, tm);
    if (dterr)
        return dterr;

    if (mer != Hr24 && tm->hour > 12)
        return FieldOverflow;
    if (mer == Am && tm->hour == 12)
        tm->hour = 0;
    else if (mer == Pm && tm->hour != 12)
        tm->hour += 12;

    if (*dtype == Date) {
        if ((fmask & DateMask) != DateMask) {
            if ((fmask & TimeMask) == TimeMask)
                return 1; // a time without a date
            return BadFormat;
        }
        // A "DST" modifier goes only with a fixed abbreviation.
        if ((namedTz || abbrevTz || !(fmask & mask(TzType))) && (fmask & mask(DtzMod)))
            return BadFormat;
    }
    return Ok;
}

int DateTimeDecoder::decodeDate(std::string text, int fmask, int *tmask, bool *is2digits, Tm *tm) const
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

int DateTimeDecoder::decodeTime(const char *text, int *tmask, Tm *tm) const
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

int DateTimeDecoder::decodeNumber(const std::string &text, bool haveTextMonth, int fmask, int *tmask, Tm *tm,
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

    const auto order = m_context.order;
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

int DateTimeDecoder::decodeNumberField(std::string text, int fmask, int *tmask, Tm *tm, bool *is2digits) const
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

int DateTimeDecoder::validateDate(int fmask, bool isJulian, bool is2digits, bool bc, Tm *tm)
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

bool DateTimeDecoder::toTimestamp(const Tm &tm, int tz)
{
    // tm2timestamp: the Julian-day range first, then the int64 microseconds.
    const bool validJulian = (tm.year > -4713 || (tm.year == -4713 && tm.mon >= 11))
                             && (tm.year < 5874898 || (tm.year == 5874898 && tm.mon < 6));
    if (!validJulian)
        return false;
    const long long date = (long long)date2j(tm.year, tm.mon, tm.mday) - PostgresEpochJdate;
    const long long time = (((long long)tm.hour * 60 + tm.min) * 60 + tm.sec) * UsecsPerSec + tm.fsec;
    long long result = 0;
    if (__builtin_mul_overflow(date, UsecsPerDay, &result) || __builtin_add_overflow(result, time, &result))
        return false;
    if ((result < 0 && date > 0) || (result > 0 && date < -1))
        return false;
    // dt2local(result, -tz): the zone's offset (seconds west of UTC) moves it to UTC.
    if (__builtin_add_overflow(result, (long long)tz * UsecsPerSec, &result))
        return false;
    return result >= MinTimestamp && result < EndTimestamp;
}

} // namespace pgdial::core::pgconf
