#include "pgconf/datetimetokens.h"

#include "pgconf/parametercheckhooks.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <locale.h>

namespace pgdial::core::pgconf {

using namespace dt;

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isAlnum(char c)
{
    return isDigit(c) || isAlpha(c);
}
bool isPunct(char c)
{
    return c > 32 && c < 127 && !isAlnum(c);
}
char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}

// datetktbl of 13-15. 16 dropped the ISO unit labels (y, m, d, h, mm, s and the like): a label
// other than j/jd/julian/t is refused there, which the decoder handles by version.
const Token dateTable[] = {
    {"-infinity", Reserv, Early},
    {"ad", AdBc, Ad},
    {"allballs", Reserv, Zulu},
    {"am", AmPm, Am},
    {"apr", MonthType, 4},
    {"april", MonthType, 4},
    {"at", IgnoreDtf, 0},
    {"aug", MonthType, 8},
    {"august", MonthType, 8},
    {"bc", AdBc, Bc},
    {"d", Units, Day},
    {"dec", MonthType, 12},
    {"december", MonthType, 12},
    {"dow", Units, Dow},
    {"doy", Units, Doy},
    {"dst", DtzMod, 3600},
    {"epoch", Reserv, Epoch},
    {"feb", MonthType, 2},
    {"february", MonthType, 2},
    {"fri", DowType, 5},
    {"friday", DowType, 5},
    {"h", Units, Hour},
    {"infinity", Reserv, Late},
    {"isodow", Units, IsoDow},
    {"isoyear", Units, IsoYear},
    {"j", Units, Julian},
    {"jan", MonthType, 1},
    {"january", MonthType, 1},
    {"jd", Units, Julian},
    {"jul", MonthType, 7},
    {"julian", Units, Julian},
    {"july", MonthType, 7},
    {"jun", MonthType, 6},
    {"june", MonthType, 6},
    {"m", Units, Month},
    {"mar", MonthType, 3},
    {"march", MonthType, 3},
    {"may", MonthType, 5},
    {"mm", Units, Minute},
    {"mon", DowType, 1},
    {"monday", DowType, 1},
    {"nov", MonthType, 11},
    {"november", MonthType, 11},
    {"now", Reserv, Now},
    {"oct", MonthType, 10},
    {"october", MonthType, 10},
    {"on", IgnoreDtf, 0},
    {"pm", AmPm, Pm},
    {"s", Units, Second},
    {"sat", DowType, 6},
    {"saturday", DowType, 6},
    {"sep", MonthType, 9},
    {"sept", MonthType, 9},
    {"september", MonthType, 9},
    {"sun", DowType, 0},
    {"sunday", DowType, 0},
    {"t", IsoTime, Time},
    {"thu", DowType, 4},
    {"thur", DowType, 4},
    {"thurs", DowType, 4},
    {"thursday", DowType, 4},
    {"today", Reserv, Today},
    {"tomorrow", Reserv, Tomorrow},
    {"tue", DowType, 2},
    {"tues", DowType, 2},
    {"tuesday", DowType, 2},
    {"wed", DowType, 3},
    {"wednesday", DowType, 3},
    {"weds", DowType, 3},
    {"y", Units, Year},
    {"yesterday", Reserv, Yesterday},
};

const Token deltaTable[] = {
    {"@", IgnoreDtf, 0},
    {"ago", Ago, 0},
    {"c", Units, Century},
    {"cent", Units, Century},
    {"centuries", Units, Century},
    {"century", Units, Century},
    {"d", Units, Day},
    {"day", Units, Day},
    {"days", Units, Day},
    {"dec", Units, Decade},
    {"decade", Units, Decade},
    {"decades", Units, Decade},
    {"decs", Units, Decade},
    {"h", Units, Hour},
    {"hour", Units, Hour},
    {"hours", Units, Hour},
    {"hr", Units, Hour},
    {"hrs", Units, Hour},
    {"m", Units, Minute},
    {"microsecon", Units, Microsec},
    {"mil", Units, Millennium},
    {"millennia", Units, Millennium},
    {"millennium", Units, Millennium},
    {"millisecon", Units, Millisec},
    {"mils", Units, Millennium},
    {"min", Units, Minute},
    {"mins", Units, Minute},
    {"minute", Units, Minute},
    {"minutes", Units, Minute},
    {"mon", Units, Month},
    {"mons", Units, Month},
    {"month", Units, Month},
    {"months", Units, Month},
    {"ms", Units, Millisec},
    {"msec", Units, Millisec},
    {"millisecond", Units, Millisec},
    {"mseconds", Units, Millisec},
    {"msecs", Units, Millisec},
    {"qtr", Units, Quarter},
    {"quarter", Units, Quarter},
    {"s", Units, Second},
    {"sec", Units, Second},
    {"second", Units, Second},
    {"seconds", Units, Second},
    {"secs", Units, Second},
    {"timezone", Units, Tz},
    {"timezone_h", Units, TzHour},
    {"timezone_m", Units, TzMinute},
    {"us", Units, Microsec},
    {"usec", Units, Microsec},
    {"microsecond", Units, Microsec},
    {"useconds", Units, Microsec},
    {"usecs", Units, Microsec},
    {"w", Units, Week},
    {"week", Units, Week},
    {"weeks", Units, Week},
    {"y", Units, Year},
    {"year", Units, Year},
    {"years", Units, Year},
    {"yr", Units, Year},
    {"yrs", Units, Year},
};

// share/timezonesets/Default (identical in 13-18), each name with its kind: T a fixed offset,
// D a fixed daylight-saving offset, Z a dynamic abbreviation (defined by a zone). Australia makes
// "east" fixed and adds "sat" and "wst" (fixed); India only changes offsets.
const char *const defaultAbbreviations[] = {
    "acdtD",  "acsstD",  "acstT", "actT",  "acwstT", "adtD",   "aedtD",   "aesstD",  "aestT",  "aftT",  "akdtD",
    "akstT",  "almstD",  "almtT", "amstZ", "amtT",   "anastZ", "anatZ",   "arstZ",   "artZ",   "astT",  "awsstD",
    "awstT",  "azostD",  "azotT", "azstZ", "aztZ",   "bdstD",  "bdtT",    "bntT",    "bortT",  "botT",  "braT",
    "brstD",  "brtT",    "bstD",  "bttT",  "cadtD",  "castT",  "cctT",    "cdtD",    "cestD",  "cetT",  "cetdstD",
    "chadtD", "chastT",  "chutT", "cktZ",  "clstD",  "cltZ",   "cotT",    "cstT",    "cxtT",   "davtZ", "ddutT",
    "easstZ", "eastZ",   "eatT",  "edtD",  "eestD",  "eetT",   "eetdstD", "egstD",   "egtT",   "estT",  "fetT",
    "fjstD",  "fjtT",    "fkstZ", "fktZ",  "fnstD",  "fntT",   "galtT",   "gamtT",   "gestZ",  "getZ",  "gftT",
    "giltT",  "gmtT",    "gytZ",  "hktT",  "hstT",   "ictT",   "idtD",    "iotZ",    "irkstZ", "irktZ", "irtT",
    "istT",   "jaytT",   "jstT",  "kdtD",  "kgstD",  "kgtZ",   "kostZ",   "krastZ",  "kratZ",  "kstT",  "lhdtZ",
    "lhstT",  "ligtT",   "lintZ", "lktZ",  "magstZ", "magtZ",  "martT",   "mawtZ",   "mdtD",   "mestD", "meszD",
    "metT",   "metdstD", "mezT",  "mhtT",  "mmtT",   "mptT",   "msdD",    "mskZ",    "mstT",   "mustD", "mutT",
    "mvtT",   "mytT",    "ndtD",  "nftT",  "novstZ", "novtZ",  "nptT",    "nstT",    "nutZ",   "nzdtD", "nzstT",
    "nztT",   "omsstZ",  "omstZ", "pdtD",  "petT",   "petstZ", "pettZ",   "pgtT",    "phtT",   "pkstD", "pktT",
    "pmdtD",  "pmstT",   "pontT", "pstT",  "pwtT",   "pystD",  "pytZ",    "retT",    "sadtD",  "sastT", "sctT",
    "sgtZ",   "tahtT",   "tftT",  "tjtT",  "tktZ",   "tmtZ",   "totT",    "trutT",   "tvtT",   "uctT",  "ulastD",
    "ulatZ",  "utT",     "utcT",  "uystD", "uytT",   "uzstD",  "uztT",    "vetZ",    "vlastZ", "vlatZ", "voltZ",
    "vutT",   "wadtD",   "waktT", "wastT", "watT",   "wdtD",   "wetT",    "wetdstD", "wftT",   "wgstD", "wgtT",
    "xjtT",   "yakstZ",  "yaktZ", "yaptT", "yekstD", "yektZ",  "zT",      "zuluT",
};

template<std::size_t N> const Token *find(const Token (&table)[N], const char *key)
{
    // datebsearch compares with strncmp(.., TOKMAXLEN): a longer word matches on its prefix.
    for (const Token &token : table) {
        if (std::strncmp(key, token.text, TokMaxLen) == 0)
            return &token;
    }
    return nullptr;
}

locale_t cLocale()
{
    static locale_t locale = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
    return locale;
}

} // namespace

int DateTimeTokens::parse(const char *text, std::size_t bufferSize, Fields *fields)
{
    fields->text.clear();
    fields->kind.clear();
    std::size_t used = 0; // bytes of the server's work buffer taken so far
    const char *cp = text;
    std::string field;
    // APPEND_CHAR: there must be room for the character and a terminator.
    auto append = [&](char c) {
        if (used + 1 >= bufferSize)
            return false;
        field.push_back(c);
        ++used;
        return true;
    };
#define APPEND(c)                                                                                                      \
    do {                                                                                                               \
        if (!append(c))                                                                                                \
            return BadFormat;                                                                                          \
    } while (0)

    while (*cp != '\0') {
        if (isSpace(*cp)) {
            ++cp;
            continue;
        }
        if (int(fields->text.size()) >= MaxDateFields)
            return BadFormat;
        field.clear();
        int kind = Number;
        if (isDigit(*cp)) {
            APPEND(*cp++);
            while (isDigit(*cp))
                APPEND(*cp++);
            if (*cp == ':') {
                kind = Time;
                APPEND(*cp++);
                while (isDigit(*cp) || *cp == ':' || *cp == '.')
                    APPEND(*cp++);
            } else if (*cp == '-' || *cp == '/' || *cp == '.') {
                const char delim = *cp;
                APPEND(*cp++);
                if (isDigit(*cp)) {
                    kind = delim == '.' ? Number : Date;
                    while (isDigit(*cp))
                        APPEND(*cp++);
                    // Three fields only with matching delimiters.
                    if (*cp == delim) {
                        kind = Date;
                        APPEND(*cp++);
                        while (isDigit(*cp) || *cp == delim)
                            APPEND(*cp++);
                    }
                } else {
                    kind = Date;
                    while (isAlnum(*cp) || *cp == delim)
                        APPEND(lower(*cp++));
                }
            } else {
                kind = Number;
            }
        } else if (*cp == '.') {
            APPEND(*cp++);
            while (isDigit(*cp))
                APPEND(*cp++);
            kind = Number;
        } else if (isAlpha(*cp)) {
            kind = String;
            APPEND(lower(*cp++));
            while (isAlpha(*cp))
                APPEND(lower(*cp++));
            // A date with a text month, or a zone name with punctuation; before a digit or '+'
            // only when the word so far is no keyword ("j2451187", "t10:00" stay split).
            bool isDate = false;
            if (*cp == '-' || *cp == '/' || *cp == '.')
                isDate = true;
            else if (*cp == '+' || isDigit(*cp))
                isDate = find(dateTable, field.c_str()) == nullptr;
            if (isDate) {
                kind = Date;
                do {
                    APPEND(lower(*cp++));
                } while (*cp == '+' || *cp == '-' || *cp == '/' || *cp == '_' || *cp == '.' || *cp == ':'
                         || isAlnum(*cp));
            }
        } else if (*cp == '+' || *cp == '-') {
            APPEND(*cp++);
            while (isSpace(*cp))
                ++cp;
            if (isDigit(*cp)) {
                kind = Tz;
                APPEND(*cp++);
                while (isDigit(*cp) || *cp == ':' || *cp == '.' || *cp == '-')
                    APPEND(*cp++);
            } else if (isAlpha(*cp)) {
                kind = Special;
                APPEND(lower(*cp++));
                while (isAlpha(*cp))
                    APPEND(lower(*cp++));
            } else {
                return BadFormat;
            }
        } else if (isPunct(*cp)) {
            ++cp; // other punctuation only separates fields
            continue;
        } else {
            return BadFormat; // control characters, bytes >= 0x80
        }
        ++used; // the terminator
        fields->text.push_back(field);
        fields->kind.push_back(kind);
    }
#undef APPEND
    return Ok;
}

const Token *DateTimeTokens::dateKeyword(const char *lowToken, int major)
{
    const Token *token = find(dateTable, lowToken);
    // 16 removed the ISO unit labels; j, jd, julian (and t, an IsoTime) remain.
    if (token && major >= 16 && token->type == Units && token->value != Julian)
        return nullptr;
    return token;
}

const Token *DateTimeTokens::intervalKeyword(const char *lowToken)
{
    return find(deltaTable, lowToken);
}

int DateTimeTokens::abbreviation(const char *lowToken, const std::string &set)
{
    if (set.empty())
        return UnknownField;
    if (set == "Australia"
        && (std::strcmp(lowToken, "sat") == 0 || std::strcmp(lowToken, "wst") == 0
            || std::strcmp(lowToken, "east") == 0))
        return TzType;
    for (const char *entry : defaultAbbreviations) {
        const std::size_t length = std::strlen(entry) - 1;
        if (std::strlen(lowToken) == length && std::strncmp(lowToken, entry, length) == 0) {
            const char kind = entry[length];
            return kind == 'T' ? TzType : kind == 'D' ? DtzType : DynTzType;
        }
    }
    return UnknownField;
}

bool DateTimeTokens::isZoneName(const char *name)
{
    if (std::strlen(name) > 255)
        return false;
    const QString zone = QString::fromLatin1(name);
    if (zone.compare(QLatin1String("GMT"), Qt::CaseInsensitive) == 0 || ParameterCheckHooks::isKnownTimeZone(zone))
        return true;
    // posix/ and right/ copies exist where the server uses the system's tz database (Debian, Red
    // Hat packages); DateTimeCheckHooks warns that other builds refuse them.
    if ((zone.startsWith(QLatin1String("posix/"), Qt::CaseInsensitive)
         || zone.startsWith(QLatin1String("right/"), Qt::CaseInsensitive))
        && ParameterCheckHooks::isKnownTimeZone(zone.mid(6)))
        return true;
    return name[0] != ':' && ParameterCheckHooks::isPosixTimeZone(QByteArray(name));
}

namespace {

// The abbreviations of a TZif file: the NUL-separated strings of its data blocks (version 1
// with 32-bit times, then version 2+ with 64-bit ones; "slim" files leave the first empty).
QSet<QByteArray> tzifAbbreviations(const QByteArray &data)
{
    QSet<QByteArray> names;
    qint64 at = 0;
    for (int block = 0; block < 2; ++block) {
        if (data.size() < at + 44 || data.mid(at, 4) != "TZif")
            break;
        auto count = [&](qint64 offset) {
            const auto *p = reinterpret_cast<const unsigned char *>(data.constData() + at + offset);
            return qint64(p[0]) << 24 | qint64(p[1]) << 16 | qint64(p[2]) << 8 | qint64(p[3]);
        };
        const qint64 timeSize = block == 0 ? 4 : 8;
        const qint64 isUtCount = count(20), isStdCount = count(24), leapCount = count(28);
        const qint64 timeCount = count(32), typeCount = count(36), charCount = count(40);
        const qint64 chars = at + 44 + timeCount * (timeSize + 1) + typeCount * 6;
        if (chars + charCount > data.size())
            break;
        for (const QByteArray &name : data.mid(chars, charCount).split('\0')) {
            if (!name.isEmpty())
                names.insert(name.toLower());
        }
        if (data.at(at + 4) < '2')
            break;
        at = chars + charCount + leapCount * (timeSize + 4) + isStdCount + isUtCount;
    }
    return names;
}

QString canonicalZoneFile(const std::string &zone)
{
    const QString wanted = QString::fromStdString(zone);
    QFile list(QStringLiteral(":/pgdial/catalog/timezones.txt"));
    if (!list.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : list.readAll().split('\n')) {
        const QString name = QString::fromUtf8(line.trimmed());
        if (!name.isEmpty() && name.compare(wanted, Qt::CaseInsensitive) == 0)
            return QStringLiteral("/usr/share/zoneinfo/") + name;
    }
    return {};
}

} // namespace

bool DateTimeTokens::zoneUsesAbbreviation(const std::string &zone, const char *lowToken)
{
    static QMutex mutex;
    static QHash<QByteArray, QSet<QByteArray>> cache;
    const QByteArray key = QByteArray::fromStdString(zone).toLower();
    QMutexLocker locker(&mutex);
    auto it = cache.find(key);
    if (it == cache.end()) {
        QSet<QByteArray> names;
        const QString path = canonicalZoneFile(zone);
        QFile file(path);
        if (!path.isEmpty() && file.open(QIODevice::ReadOnly))
            names = tzifAbbreviations(file.read(1 << 20));
        it = cache.insert(key, names);
    }
    return it->contains(QByteArray(lowToken));
}

int DateTimeTokens::strtoint(const char *text, char **end, bool *overflow)
{
    errno = 0;
    const long value = std::strtol(text, end, 10);
    *overflow = errno == ERANGE || value > INT_MAX || value < INT_MIN;
    return int(value);
}

long long DateTimeTokens::strtoi64(const char *text, char **end, bool *overflow)
{
    errno = 0;
    const long long value = std::strtoll(text, end, 10);
    *overflow = errno == ERANGE;
    return value;
}

double DateTimeTokens::strtodC(const char *text, char **end, bool *rangeError)
{
    errno = 0;
    const double value = strtod_l(text, end, cLocale());
    *rangeError = errno != 0;
    return value;
}

int DateTimeTokens::decodeTimezone(const char *text, int *tz)
{
    if (*text != '+' && *text != '-')
        return BadFormat;
    char *cp = nullptr;
    bool overflow = false;
    int hours = strtoint(text + 1, &cp, &overflow);
    if (overflow)
        return TzDispOverflow;
    int minutes = 0;
    int seconds = 0;
    if (*cp == ':') {
        minutes = strtoint(cp + 1, &cp, &overflow);
        if (overflow)
            return TzDispOverflow;
        if (*cp == ':') {
            seconds = strtoint(cp + 1, &cp, &overflow);
            if (overflow)
                return TzDispOverflow;
        }
    } else if (*cp == '\0' && std::strlen(text) > 3) {
        minutes = hours % 100; // run together: +hhmm
        hours = hours / 100;
    }
    if (hours < 0 || hours > 15 || minutes < 0 || minutes >= 60 || seconds < 0 || seconds >= 60)
        return TzDispOverflow; // MAX_TZDISP_HOUR
    int offset = (hours * 60 + minutes) * 60 + seconds;
    if (*text == '-')
        offset = -offset;
    *tz = -offset;
    if (*cp != '\0')
        return BadFormat;
    return Ok;
}

int DateTimeTokens::parseFraction(const char *text, double *fraction)
{
    char *end = nullptr;
    bool rangeError = false;
    *fraction = strtodC(text, &end, &rangeError);
    if (*end != '\0' || rangeError)
        return BadFormat;
    return Ok;
}

} // namespace pgdial::core::pgconf
