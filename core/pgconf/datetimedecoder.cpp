#include "pgconf/datetimedecoder.h"

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

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
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
    , m_fields(major, context.order)
{ }

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
    DateTimeTm tm;
    int tz = 0;
    result.error = decodeDateTime(fields, &result.type, &tm, &tz);
    if (result.error == Ok && result.type == Date)
        result.outOfRange = !toTimestamp(tm, tz);
    return result;
}

int DateTimeDecoder::decodeDateTime(Fields &fields, int *dtype, DateTimeTm *tm, int *tz) const
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
    *tm = DateTimeTm {};
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
                DateFieldDecoder::j2date(val, &tm->year, &tm->mon, &tm->mday);
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
                    dterr = m_fields.decodeNumberField(std::string(text), fmask, &tmask, tm, &is2digits);
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
                dterr = m_fields.decodeDate(field, fmask, &tmask, &is2digits, tm);
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
            dterr = m_fields.decodeTime(text, &tmask, tm);
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
                        dterr = m_fields.parseFractionalSecond(cp, &tm->fsec);
                        if (dterr)
                            return dterr;
                        tmask = AllSecsMask;
                    }
                    break;
                case Julian:
                    if (val < 0)
                        return FieldOverflow;
                    tmask = DateMask;
                    DateFieldDecoder::j2date(val, &tm->year, &tm->mon, &tm->mday);
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
                    dterr = m_fields.decodeNumberField(field, fmask | DateMask, &tmask, tm, &is2digits);
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
                    dterr = m_fields.decodeDate(field, fmask, &tmask, &is2digits, tm);
                    if (dterr)
                        return dterr;
                } else if (cp && flen - int(std::strlen(cp)) > 2) {
                    // Several digits before the decimal: run-together date or time (040506.789).
                    dterr = m_fields.decodeNumberField(field, fmask, &tmask, tm, &is2digits);
                    if (dterr < 0)
                        return dterr;
                } else if (flen >= 6 && (!(fmask & DateMask) || !(fmask & TimeMask))) {
                    // yyyymmdd or hhmmss; a 6+-digit year must come last or in ISO form.
                    dterr = m_fields.decodeNumberField(field, fmask, &tmask, tm, &is2digits);
                    if (dterr < 0)
                        return dterr;
                } else {
                    dterr = m_fields.decodeNumber(field, haveTextMonth, fmask, &tmask, tm, &is2digits);
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
            if (m_major >= 18 && !m_context.timeZone.empty()
                && DateTimeTokens::zoneUsesAbbreviation(m_context.timeZone, text))
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

    dterr = DateFieldDecoder::validateDate(fmask, isJulian, is2digits, bc, tm);
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
                return TimeOnly;
            return BadFormat;
        }
        // A "DST" modifier goes only with a fixed abbreviation.
        if ((namedTz || abbrevTz || !(fmask & mask(TzType))) && (fmask & mask(DtzMod)))
            return BadFormat;
    }
    return Ok;
}

bool DateTimeDecoder::toTimestamp(const DateTimeTm &tm, int tz)
{
    // tm2timestamp: the Julian-day range first, then the int64 microseconds.
    const bool validJulian = (tm.year > -4713 || (tm.year == -4713 && tm.mon >= 11))
        && (tm.year < 5874898 || (tm.year == 5874898 && tm.mon < 6));
    if (!validJulian)
        return false;
    const long long date = (long long)DateFieldDecoder::date2j(tm.year, tm.mon, tm.mday) - PostgresEpochJdate;
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
