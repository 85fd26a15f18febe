#pragma once

#include <string>
#include <vector>

namespace pgdial::core::pgconf {

// The vocabulary of PostgreSQL's date/time input (src/backend/utils/adt/datetime.c and
// utils/datetime.h): field and token kinds, the keyword tables, and the helpers that the
// timestamp and interval decoders share. The numbers are pgdial's own; only their roles follow
// the server.
namespace dt {

// Field kinds ParseDateTime assigns, and the values of RESERV / UNITS keywords.
enum Kind {
    Number,
    String,
    Date,
    Time,
    Tz,
    Special,
    Early,
    Late,
    Epoch,
    Now,
    Yesterday,
    Today,
    Tomorrow,
    Zulu,
    Delta,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
    Millisec,
    Microsec,
    Julian,
    Dow,
    Doy,
    TzHour,
    TzMinute,
    IsoYear,
    IsoDow,
};

// Keyword types; they double as bit numbers in field masks (DTK_M), as in the server.
enum Type {
    Reserv = 0,
    MonthType = 1,
    YearType = 2,
    DayType = 3,
    JulianType = 4,
    TzType = 5,
    DtzType = 6,
    DynTzType = 7,
    IgnoreDtf = 8,
    AmPm = 9,
    HourType = 10,
    MinuteType = 11,
    SecondType = 12,
    MillisecondType = 13,
    MicrosecondType = 14,
    DoyType = 15,
    DowType = 16,
    Units = 17,
    AdBc = 18,
    Ago = 19,
    IsoTime = 23,
    WeekType = 24,
    DecadeType = 25,
    CenturyType = 26,
    MillenniumType = 27,
    DtzMod = 28,
    UnknownField = 31,
};

constexpr int mask(int type)
{
    return 1 << type;
}
constexpr int AllSecsMask = mask(SecondType) | mask(MillisecondType) | mask(MicrosecondType);
constexpr int DateMask = mask(YearType) | mask(MonthType) | mask(DayType);
constexpr int TimeMask = mask(HourType) | mask(MinuteType) | AllSecsMask;

// DTERR_* codes: 0 is success, a positive 1 from DecodeDateTime means "time only".
enum Error {
    Ok = 0,
    TimeOnly = 1,
    BadFormat = -1,
    FieldOverflow = -2,
    MdFieldOverflow = -3,
    IntervalOverflow = -4,
    TzDispOverflow = -5,
    BadTimezone = -6
};

enum { Am = 0, Pm = 1, Hr24 = 2 }; // AMPM values
enum { Ad = 0, Bc = 1 }; // ADBC values

constexpr int MaxDateFields = 25; // MAXDATEFIELDS
constexpr int MaxDateLen = 128; // MAXDATELEN
constexpr int TokMaxLen = 10; // TOKMAXLEN: keywords match on their first 10 characters

struct Token
{
    const char *text;
    int type;
    int value;
};

struct Fields
{
    std::vector<std::string> text; // lower-cased as the server stores them
    std::vector<int> kind;
};

} // namespace dt

class DateTimeTokens
{
public:
    // ParseDateTime: splits `text` into fields, in a work buffer of `bufferSize` bytes (field
    // texts plus their terminators must fit, as in the server) and at most MaxDateFields fields.
    static int parse(const char *text, std::size_t bufferSize, dt::Fields *fields);

    // datetktbl (date keywords) of `major`; nullptr when the word is none.
    static const dt::Token *dateKeyword(const char *lowToken, int major);
    // deltatktbl (interval units).
    static const dt::Token *intervalKeyword(const char *lowToken);
    // The kind (TzType, DtzType, DynTzType) of a time zone abbreviation of the share/timezonesets
    // file `set` ("Default", "Australia", "India"; "" for none loaded), else UnknownField.
    static int abbreviation(const char *lowToken, const std::string &set);
    // Whether the zone `zone` (a tz database name, any case) uses the abbreviation, as its TZif
    // file in the system's tz database says; false when that file is not there.
    static bool zoneUsesAbbreviation(const std::string &zone, const char *lowToken);
    // A zone name pg_tzset() loads: the tz database, or a POSIX TZ specification.
    static bool isZoneName(const char *name);

    // DecodeTimezone: "+hh[:mm[:ss]]" / "-hhmm"; seconds west of UTC into *tz.
    static int decodeTimezone(const char *text, int *tz);
    // ParseFraction / ParseFractionalSecond: ".ddd" into *fraction, nothing may follow.
    static int parseFraction(const char *text, double *fraction);

    // C-library helpers with the server's behaviour (C locale, int range as strtoint()).
    static int strtoint(const char *text, char **end, bool *overflow);
    static long long strtoi64(const char *text, char **end, bool *overflow);
    static double strtodC(const char *text, char **end, bool *rangeError);
};

} // namespace pgdial::core::pgconf
