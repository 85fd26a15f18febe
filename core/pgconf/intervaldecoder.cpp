#include "pgconf/intervaldecoder.h"

#include "pgconf/datetimetokens.h"

#include <climits>
#include <cmath>
#include <cstring>

namespace pgdial::core::pgconf {

using namespace dt;

namespace {

constexpr long long UsecsPerSec = 1000000;
constexpr long long UsecsPerMinute = 60 * UsecsPerSec;
constexpr long long UsecsPerHour = 3600 * UsecsPerSec;
constexpr long long UsecsPerDay = 86400 * UsecsPerSec;

struct Itm
{
    long long usec = 0;
    int mday = 0;
    int mon = 0;
    int year = 0;
};

bool addInt(int *slot, long long value)
{
    const long long sum = (long long)*slot + value;
    if (value < INT_MIN || value > INT_MAX || sum < INT_MIN || sum > INT_MAX)
        return false;
    *slot = int(sum);
    return true;
}

bool adjustFractMicroseconds(double frac, long long scale, long long *usec)
{
    if (frac == 0)
        return true;
    frac *= double(scale);
    long long whole = (long long)frac;
    frac -= double(whole);
    whole += (long long)std::rint(frac);
    return !__builtin_add_overflow(*usec, whole, usec);
}

bool adjustMicroseconds(long long val, double fval, long long scale, long long *usec)
{
    long long product = 0;
    if (__builtin_mul_overflow(val, scale, &product) || __builtin_add_overflow(*usec, product, usec))
        return false;
    return adjustFractMicroseconds(fval, scale, usec);
}

bool adjustDays(long long val, int scale, int *mday)
{
    if (val < INT_MIN || val > INT_MAX)
        return false;
    return addInt(mday, val * scale);
}

bool adjustFractDays(double frac, int scale, int *mday, long long *usec)
{
    if (frac == 0)
        return true;
    frac *= scale;
    const int extra = int(frac);
    if (!addInt(mday, extra))
        return false;
    frac -= extra;
    return adjustFractMicroseconds(frac, UsecsPerDay, usec);
}

bool adjustYears(long long val, int scale, int *year)
{
    if (val < INT_MIN || val > INT_MAX)
        return false;
    return addInt(year, val * scale);
}

bool adjustFractYears(double frac, int scale, int *mon, int major)
{
    if (frac == 0)
        return true;
    // 15 rounds the months of a fractional year; 13 and 14 truncated them ("0.05 year" is 0).
    const double months = major >= 15 ? std::rint(frac * scale * 12) : std::trunc(frac * scale * 12);
    if (!(months >= INT_MIN && months <= INT_MAX))
        return false;
    return addInt(mon, (long long)months);
}

// ParseISO8601Number: anything strtod() takes, split into integer and fraction.
int parseIsoNumber(const char *str, const char **end, long long *ipart, double *fpart)
{
    if (!((*str >= '0' && *str <= '9') || *str == '-' || *str == '.'))
        return BadFormat;
    char *stop = nullptr;
    bool rangeError = false;
    const double val = DateTimeTokens::strtodC(str, &stop, &rangeError);
    *end = stop;
    if (stop == str || rangeError)
        return BadFormat;
    if (!(val >= -1.0e15 && val <= 1.0e15))
        return FieldOverflow;
    *ipart = (long long)val;
    *fpart = val - double(*ipart);
    return Ok;
}

std::size_t isoIntegerWidth(const char *fieldStart)
{
    if (*fieldStart == '-')
        ++fieldStart;
    return std::strspn(fieldStart, "0123456789");
}

} // namespace

int IntervalDecoder::decodeTime(const char *text, Fields *fields)
{
    // DecodeTimeForInterval: [-]hh:mm[:ss[.frac]] or mm:ss.frac, hours unbounded.
    char *cp = nullptr;
    bool overflow = false;
    long long hour = DateTimeTokens::strtoi64(text, &cp, &overflow);
    if (overflow)
        return FieldOverflow;
    if (*cp != ':')
        return BadFormat;
    int min = DateTimeTokens::strtoint(cp + 1, &cp, &overflow);
    if (overflow)
        return FieldOverflow;
    int sec = 0;
    long long fsec = 0;
    auto fraction = [&](const char *start) {
        double frac = 0;
        if (start[1] == '\0')
            return int(Ok);
        const int error = DateTimeTokens::parseFraction(start, &frac);
        fsec = (long long)std::rint(frac * 1000000);
        return error;
    };
    if (*cp == '\0') {
        // hh:mm
    } else if (*cp == '.') {
        if (const int error = fraction(cp))
            return error;
        sec = min;
        min = int(hour);
        hour = 0;
    } else if (*cp == ':') {
        sec = DateTimeTokens::strtoint(cp + 1, &cp, &overflow);
        if (overflow)
            return FieldOverflow;
        if (*cp == '.') {
            if (const int error = fraction(cp))
                return error;
        } else if (*cp != '\0') {
            return BadFormat;
        }
    } else {
        return BadFormat;
    }
    if (hour < 0 || min < 0 || min > 59 || sec < 0 || sec > 60 || fsec < 0 || fsec > UsecsPerSec)
        return FieldOverflow;
    long long usec = fsec;
    if (!adjustMicroseconds(hour, 0, UsecsPerHour, &usec) || !adjustMicroseconds(min, 0, UsecsPerMinute, &usec)
        || !adjustMicroseconds(sec, 0, UsecsPerSec, &usec))
        return FieldOverflow;
    fields->usec = usec;
    return Ok;
}

int IntervalDecoder::decodeInterval(std::vector<std::string> &text, const std::vector<int> &kind, int major, int *dtype,
                                    Fields *f)
{
    const int nf = int(text.size());
    bool isBefore = false;
    bool parsingUnitVal = false;
    int fmask = 0;
    int tmask = 0;
    int type = IgnoreDtf;
    *dtype = Delta;
    *f = Fields {};

    // Right to left, so that units come before their numbers.
    for (int i = nf - 1; i >= 0; i--) {
        const char *field = text[std::size_t(i)].c_str();
        int k = kind[std::size_t(i)];
        if (k == Time) {
            if (const int error = decodeTime(field, f))
                return error;
            tmask = TimeMask;
            type = Day;
            parsingUnitVal = false;
        } else if (k == Tz && std::strchr(field + 1, ':') && decodeTime(field + 1, f) == Ok) {
            // Signed hh:mm[:ss].
            tmask = TimeMask;
            if (*field == '-') {
                if (f->usec == LLONG_MIN)
                    return FieldOverflow;
                f->usec = -f->usec;
            }
            type = Day;
            parsingUnitVal = false;
        } else if (k == Tz || k == Date || k == Number) {
            if (type == IgnoreDtf)
                type = Second;
            char *cp = nullptr;
            bool overflow = false;
            long long val = major >= 15 ? DateTimeTokens::strtoi64(field, &cp, &overflow)
                                        : DateTimeTokens::strtoint(field, &cp, &overflow);
            if (overflow)
                return FieldOverflow;
            double fval = 0;
            if (*cp == '-') {
                // SQL "years-months".
                const int months = DateTimeTokens::strtoint(cp + 1, &cp, &overflow);
                if (overflow || months < 0 || months >= 12)
                    return FieldOverflow;
                if (*cp != '\0')
                    return BadFormat;
                type = Month;
                if (__builtin_mul_overflow(val, 12LL, &val)
                    || __builtin_add_overflow(val, *field == '-' ? -months : months, &val))
                    return FieldOverflow;
            } else if (*cp == '.') {
                if (!(major >= 15 && cp[1] == '\0')) {
                    if (const int error = DateTimeTokens::parseFraction(cp, &fval))
                        return error;
                }
                if (*field == '-')
                    fval = -fval;
            } else if (*cp != '\0') {
                return BadFormat;
            }
            switch (type) {
            case Microsec:
                if (!adjustMicroseconds(val, fval, 1, &f->usec))
                    return FieldOverflow;
                tmask = mask(MicrosecondType);
                break;
            case Millisec:
                if (!adjustMicroseconds(val, fval, 1000, &f->usec))
                    return FieldOverflow;
                tmask = mask(MillisecondType);
                break;
            case Second:
                if (!adjustMicroseconds(val, fval, UsecsPerSec, &f->usec))
                    return FieldOverflow;
                tmask = fval == 0 ? mask(SecondType) : AllSecsMask;
                break;
            case Minute:
                if (!adjustMicroseconds(val, fval, UsecsPerMinute, &f->usec))
                    return FieldOverflow;
                tmask = mask(MinuteType);
                break;
            case Hour:
                if (!adjustMicroseconds(val, fval, UsecsPerHour, &f->usec))
                    return FieldOverflow;
                tmask = mask(HourType);
                type = Day; // for the next field: "1 02:00" -> a day and hours
                break;
            case Day:
                if (!adjustDays(val, 1, &f->mday) || !adjustFractMicroseconds(fval, UsecsPerDay, &f->usec))
                    return FieldOverflow;
                tmask = mask(DayType);
                break;
            case Week:
                if (!adjustDays(val, 7, &f->mday) || !adjustFractDays(fval, 7, &f->mday, &f->usec))
                    return FieldOverflow;
                tmask = mask(WeekType);
                break;
            case Month:
                if (val < INT_MIN || val > INT_MAX || !addInt(&f->mon, val)
                    || !adjustFractDays(fval, 30, &f->mday, &f->usec))
                    return FieldOverflow;
                tmask = mask(MonthType);
                break;
            case Year:
            case Decade:
            case Century:
            case Millennium: {
                const int scale = type == Year ? 1 : type == Decade ? 10 : type == Century ? 100 : 1000;
                if (!adjustYears(val, scale, &f->year) || !adjustFractYears(fval, scale, &f->mon, major))
                    return FieldOverflow;
                tmask = mask(type == Year          ? YearType
                                 : type == Decade  ? DecadeType
                                 : type == Century ? CenturyType
                                                   : MillenniumType);
                break;
            }
            default:
                return BadFormat; // quarter, timezone: no interval field
            }
            parsingUnitVal = false;
        } else if (k == String || k == Special) {
            if (major >= 17 && parsingUnitVal)
                return BadFormat; // two units in a row
            const Token *token = DateTimeTokens::intervalKeyword(field);
            if (!token && major >= 17)
                token = DateTimeTokens::dateKeyword(field, major);
            const int found = token ? token->type : int(UnknownField);
            if (found == IgnoreDtf)
                continue;
            tmask = 0;
            if (found == Units) {
                type = token->value;
                parsingUnitVal = true;
            } else if (found == Ago) {
                if (major >= 17 && i != nf - 1)
                    return BadFormat; // "ago" only at the end
                isBefore = true;
                type = token->value;
            } else if (found == Reserv && major >= 17) {
                tmask = DateMask | TimeMask;
                if (token->value != Late && token->value != Early)
                    return BadFormat;
                if (i != nf - 1)
                    return BadFormat;
                *dtype = token->value;
            } else {
                return BadFormat;
            }
        } else {
            return BadFormat;
        }
        if (tmask & fmask)
            return BadFormat;
        fmask |= tmask;
    }
    if (fmask == 0)
        return BadFormat;
    if (major >= 17 && parsingUnitVal)
        return BadFormat;
    if (isBefore) {
        if (f->usec == LLONG_MIN || f->mday == INT_MIN || f->mon == INT_MIN || f->year == INT_MIN)
            return FieldOverflow;
        f->usec = -f->usec;
        f->mday = -f->mday;
        f->mon = -f->mon;
        f->year = -f->year;
    }
    return Ok;
}

int IntervalDecoder::decodeIso8601(const char *str, int major, Fields *f)
{
    *f = Fields {};
    if (std::strlen(str) < 2 || str[0] != 'P')
        return BadFormat;
    ++str;
    bool datePart = true;
    bool haveField = false;
    long long val = 0;
    double fval = 0;
    while (*str) {
        if (*str == 'T') {
            datePart = false;
            haveField = false;
            ++str;
            continue;
        }
        const char *fieldStart = str;
        if (const int error = parseIsoNumber(str, &str, &val, &fval))
            return error;
        const char unit = *str++; // may step past the end: every '\0' case returns
        auto months = [&](long long v, double fv) {
            return v >= INT_MIN && v <= INT_MAX && addInt(&f->mon, v) && adjustFractDays(fv, 30, &f->mday, &f->usec);
        };
        auto days = [&](long long v, double fv) {
            return adjustDays(v, 1, &f->mday) && adjustFractMicroseconds(fv, UsecsPerDay, &f->usec);
        };
        if (datePart) {
            switch (unit) {
            case 'Y':
                if (!adjustYears(val, 1, &f->year) || !adjustFractYears(fval, 1, &f->mon, major))
                    return FieldOverflow;
                break;
            case 'M':
                if (!months(val, fval))
                    return FieldOverflow;
                break;
            case 'W':
                if (!adjustDays(val, 7, &f->mday) || !adjustFractDays(fval, 7, &f->mday, &f->usec))
                    return FieldOverflow;
                break;
            case 'D':
                if (!days(val, fval))
                    return FieldOverflow;
                break;
            case 'T':
            case '\0':
                if (isoIntegerWidth(fieldStart) == 8 && !haveField) {
                    // PyyyymmddThhmmss
                    if (!adjustYears(val / 10000, 1, &f->year) || !months((val / 100) % 100, 0)
                        || !days(val % 100, fval))
                        return FieldOverflow;
                    if (unit == '\0')
                        return Ok;
                    datePart = false;
                    haveField = false;
                    continue;
                }
                [[fallthrough]];
            case '-':
                // Py-m-d (extended alternative format)
                if (haveField)
                    return BadFormat;
                if (!adjustYears(val, 1, &f->year) || !adjustFractYears(fval, 1, &f->mon, major))
                    return FieldOverflow;
                if (unit == '\0')
                    return Ok;
                if (unit == 'T') {
                    datePart = false;
                    haveField = false;
                    continue;
                }
                if (const int error = parseIsoNumber(str, &str, &val, &fval))
                    return error;
                if (!months(val, fval))
                    return FieldOverflow;
                if (*str == '\0')
                    return Ok;
                if (*str == 'T') {
                    datePart = false;
                    haveField = false;
                    continue;
                }
                if (*str != '-')
                    return BadFormat;
                ++str;
                if (const int error = parseIsoNumber(str, &str, &val, &fval))
                    return error;
                if (!days(val, fval))
                    return FieldOverflow;
                if (*str == '\0')
                    return Ok;
                if (*str == 'T') {
                    datePart = false;
                    haveField = false;
                    continue;
                }
                return BadFormat;
            default:
                return BadFormat;
            }
        } else {
            switch (unit) {
            case 'H':
                if (!adjustMicroseconds(val, fval, UsecsPerHour, &f->usec))
                    return FieldOverflow;
                break;
            case 'M':
                if (!adjustMicroseconds(val, fval, UsecsPerMinute, &f->usec))
                    return FieldOverflow;
                break;
            case 'S':
                if (!adjustMicroseconds(val, fval, UsecsPerSec, &f->usec))
                    return FieldOverflow;
                break;
            case '\0':
                if (isoIntegerWidth(fieldStart) == 6 && !haveField) {
                    // PThhmmss
                    if (!adjustMicroseconds(val / 10000, 0, UsecsPerHour, &f->usec)
                        || !adjustMicroseconds((val / 100) % 100, 0, UsecsPerMinute, &f->usec)
                        || !adjustMicroseconds(val % 100, 0, UsecsPerSec, &f->usec)
                        || !adjustFractMicroseconds(fval, 1, &f->usec))
                        return FieldOverflow;
                    return Ok;
                }
                [[fallthrough]];
            case ':':
                // PThh:mm:ss (extended alternative format)
                if (haveField)
                    return BadFormat;
                if (!adjustMicroseconds(val, fval, UsecsPerHour, &f->usec))
                    return FieldOverflow;
                if (unit == '\0')
                    return Ok;
                if (const int error = parseIsoNumber(str, &str, &val, &fval))
                    return error;
                if (!adjustMicroseconds(val, fval, UsecsPerMinute, &f->usec))
                    return FieldOverflow;
                if (*str == '\0')
                    return Ok;
                if (*str != ':')
                    return BadFormat;
                ++str;
                if (const int error = parseIsoNumber(str, &str, &val, &fval))
                    return error;
                if (!adjustMicroseconds(val, fval, UsecsPerSec, &f->usec))
                    return FieldOverflow;
                if (*str == '\0')
                    return Ok;
                return BadFormat;
            default:
                return BadFormat;
            }
        }
        haveField = true;
    }
    return Ok;
}

IntervalDecoder::Interval IntervalDecoder::decode(const char *text, int major)
{
    Interval result;
    dt::Fields fields;
    Fields f;
    int dtype = Delta;
    int error = DateTimeTokens::parse(text, 256, &fields); // interval_in's work buffer
    if (error == Ok)
        error = decodeInterval(fields.text, fields.kind, major, &dtype, &f);
    if (error == BadFormat) {
        dtype = Delta;
        error = decodeIso8601(text, major, &f);
    }
    result.error = error;
    if (error != Ok)
        return result;
    if (dtype == Late || dtype == Early) {
        result.infinite = true;
        result.months = dtype == Late ? INT_MAX : INT_MIN;
        result.days = result.months;
        result.microseconds = dtype == Late ? LLONG_MAX : LLONG_MIN;
        return result;
    }
    // itmin2interval: years and months must fit one int32 month count.
    const long long months = (long long)f.year * 12 + f.mon;
    if (months < INT_MIN || months > INT_MAX) {
        result.error = IntervalOverflow;
        return result;
    }
    result.months = months;
    result.days = f.mday;
    result.microseconds = f.usec;
    return result;
}

bool IntervalDecoder::offsetInRange(long long gmtoffset)
{
    // pg_tzset_offset writes "<+hh[:mm[:ss]]>-hh..." and tzparse takes hours up to 24*7-1.
    const long long absolute = gmtoffset < 0 ? -gmtoffset : gmtoffset;
    return gmtoffset != LLONG_MIN && absolute / 3600 <= 167;
}

IntervalDecoder::TimeZoneVerdict IntervalDecoder::checkTimeZone(const std::string &value, int major)
{
    // INTERVAL, blanks, then a quoted string that must end the value.
    std::size_t pos = 8;
    while (pos < value.size() && std::strchr(" \t\n\r\f\v", value[pos]) && value[pos] != '\0')
        ++pos;
    if (pos >= value.size() || value[pos] != '\'')
        return TimeZoneVerdict::BadSyntax;
    const std::string rest = value.substr(pos + 1);
    const std::size_t quote = rest.find('\'');
    if (quote == std::string::npos || quote + 1 != rest.size())
        return TimeZoneVerdict::BadSyntax;
    const Interval interval = decode(rest.substr(0, quote).c_str(), major);
    if (interval.error != Ok)
        return TimeZoneVerdict::BadInterval;
    if (interval.months != 0)
        return TimeZoneVerdict::HasMonths;
    if (interval.days != 0)
        return TimeZoneVerdict::HasDays;
    // From SQL to Unix sign convention, in whole seconds (C division truncates).
    const long long gmtoffset = -(interval.microseconds / UsecsPerSec);
    return offsetInRange(gmtoffset) ? TimeZoneVerdict::Accepted : TimeZoneVerdict::OutOfRange;
}

} // namespace pgdial::core::pgconf
