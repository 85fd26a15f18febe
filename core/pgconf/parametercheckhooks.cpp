#include "pgconf/parametercheckhooks.h"

#include "pgconf/datetimecheckhooks.h"
#include "pgconf/syncstandbynames.h"
#include "pgconf/valueparser.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <locale.h>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::pgconf", text);
}

locale_t cLocale()
{
    static locale_t locale = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
    return locale;
}

CheckHookVerdict refuse(const QString &detail = {})
{
    CheckHookVerdict verdict;
    verdict.ok = false;
    verdict.detail = detail;
    return verdict;
}

QString asciiLower(QString text)
{
    for (QChar &c : text) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            c = QChar(c.unicode() + 32);
    }
    return text;
}

// --- tzcode's POSIX TZ grammar (localtime.c: getzname, getqzname, getnum, getsecs, getoffset,
// getrule, tzparse with lastditch = false). A null pointer means "does not parse".
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

const char *getZName(const char *p)
{
    while (*p != '\0' && !isDigit(*p) && *p != ',' && *p != '-' && *p != '+')
        ++p;
    return p;
}

const char *getQZName(const char *p, char delimiter)
{
    while (*p != '\0' && *p != delimiter)
        ++p;
    return p;
}

const char *getNum(const char *p, int min, int max)
{
    if (!p || !isDigit(*p))
        return nullptr;
    int number = 0;
    do {
        number = number * 10 + (*p - '0');
        if (number > max)
            return nullptr;
        ++p;
    } while (isDigit(*p));
    return number < min ? nullptr : p;
}

const char *getSecs(const char *p)
{
    p = getNum(p, 0, 24 * 7 - 1);
    if (p && *p == ':') {
        p = getNum(p + 1, 0, 59);
        if (p && *p == ':')
            p = getNum(p + 1, 0, 60); // 60 allows for leap seconds
    }
    return p;
}

const char *getOffset(const char *p)
{
    if (*p == '-' || *p == '+')
        ++p;
    return getSecs(p);
}

const char *getRule(const char *p)
{
    if (*p == 'J') {
        p = getNum(p + 1, 1, 365);
    } else if (*p == 'M') {
        p = getNum(p + 1, 1, 12);
        if (!p || *p++ != '.')
            return nullptr;
        p = getNum(p, 1, 5);
        if (!p || *p++ != '.')
            return nullptr;
        p = getNum(p, 0, 6);
    } else if (isDigit(*p)) {
        p = getNum(p, 0, 365);
    } else {
        return nullptr;
    }
    if (p && *p == '/')
        p = getOffset(p + 1);
    return p;
}

// Reads a zone abbreviation: "<...>" or letters up to a digit, ',', '-' or '+'.
const char *getAbbreviation(const char *p, qsizetype *length)
{
    if (*p == '<') {
        const char *start = ++p;
        p = getQZName(p, '>');
        if (*p != '>')
            return nullptr;
        *length = p - start;
        return p + 1;
    }
    const char *start = p;
    p = getZName(p);
    *length = p - start;
    return p;
}

const QSet<QString> &timeZones()
{
    static const QSet<QString> zones = [] {
        QSet<QString> names;
        QFile file(u":/pgdial/catalog/timezones.txt"_s);
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : file.readAll().split('\n')) {
                if (!line.isEmpty())
                    names.insert(asciiLower(QString::fromUtf8(line)));
            }
        }
        return names;
    }();
    return zones;
}

// check_locale: setlocale() on the server's machine. pgdial can only ask this one.
CheckHookVerdict checkLocale(const QString &name, const QString &value)
{
    if (value.isEmpty()) {
        // "" means "from the environment", except for lc_messages, whose hook refuses it.
        if (name == "lc_messages"_L1)
            return refuse(tr("lc_messages cannot be empty in the configuration file."));
        return {};
    }
    if (value == "C"_L1 || value == "POSIX"_L1)
        return {};
    int mask = LC_MESSAGES_MASK;
    if (name == "lc_monetary"_L1)
        mask = LC_MONETARY_MASK;
    else if (name == "lc_numeric"_L1)
        mask = LC_NUMERIC_MASK;
    else if (name == "lc_time"_L1)
        mask = LC_TIME_MASK;
    const QByteArray bytes = value.toUtf8();
    locale_t locale = newlocale(mask, bytes.constData(), locale_t(nullptr));
    if (locale) {
        freelocale(locale);
        return {};
    }
    CheckHookVerdict verdict = refuse(tr("The locale \"%1\" is not installed on this machine.").arg(value));
    // Only a name shaped like a locale can exist on another machine: language[_territory]
    // [.codeset][@modifier], an alias, or Windows' "English_United States.1252" and
    // "Norwegian (Bokmål)_Norway.1252"; "SQL, DMY", "::1" or "100" exist nowhere.
    static const QRegularExpression localeShape(uR"(^[\p{L}][\p{L}0-9_.@ ()=-]*$)"_s);
    verdict.dependsOnMachine = localeShape.match(value).hasMatch();
    return verdict;
}

// pg_encname_tbl (encnames.c), names cleaned as clean_encoding_name does: alphanumerics only,
// lower case. Every one of them is a valid client encoding.
const QSet<QString> &encodingNames()
{
    static const QSet<QString> names = {
        u"abc"_s,         u"alt"_s,         u"big5"_s,        u"euccn"_s,        u"eucjis2004"_s,  u"eucjp"_s,
        u"euckr"_s,       u"euctw"_s,       u"gb18030"_s,     u"gbk"_s,          u"iso88591"_s,    u"iso885910"_s,
        u"iso885913"_s,   u"iso885914"_s,   u"iso885915"_s,   u"iso885916"_s,    u"iso88592"_s,    u"iso88593"_s,
        u"iso88594"_s,    u"iso88595"_s,    u"iso88596"_s,    u"iso88597"_s,     u"iso88598"_s,    u"iso88599"_s,
        u"johab"_s,       u"koi8"_s,        u"koi8r"_s,       u"koi8u"_s,        u"latin1"_s,      u"latin10"_s,
        u"latin2"_s,      u"latin3"_s,      u"latin4"_s,      u"latin5"_s,       u"latin6"_s,      u"latin7"_s,
        u"latin8"_s,      u"latin9"_s,      u"mskanji"_s,     u"muleinternal"_s, u"shiftjis"_s,    u"shiftjis2004"_s,
        u"sjis"_s,        u"sqlascii"_s,    u"tcvn"_s,        u"tcvn5712"_s,     u"uhc"_s,         u"unicode"_s,
        u"utf8"_s,        u"vscii"_s,       u"win"_s,         u"win1250"_s,      u"win1251"_s,     u"win1252"_s,
        u"win1253"_s,     u"win1254"_s,     u"win1255"_s,     u"win1256"_s,      u"win1257"_s,     u"win1258"_s,
        u"win866"_s,      u"win874"_s,      u"win932"_s,      u"win936"_s,       u"win949"_s,      u"win950"_s,
        u"windows1250"_s, u"windows1251"_s, u"windows1252"_s, u"windows1253"_s,  u"windows1254"_s, u"windows1255"_s,
        u"windows1256"_s, u"windows1257"_s, u"windows1258"_s, u"windows866"_s,   u"windows874"_s,  u"windows932"_s,
        u"windows936"_s,  u"windows949"_s,  u"windows950"_s,
    };
    return names;
}

bool isEncodingName(const QString &value)
{
    QString cleaned;
    for (QChar c : value) {
        if (c.unicode() < 128 && c.isLetterOrNumber())
            cleaned += c.toLower();
    }
    return encodingNames().contains(cleaned);
}

// ReplicationSlotValidateName.
CheckHookVerdict checkSlotName(const QString &value)
{
    if (value.isEmpty())
        return {};
    if (value.toUtf8().size() >= 64)
        return refuse(tr("replication slot name \"%1\" is too long").arg(value));
    for (QChar c : value) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_'))
            return refuse(
                tr("replication slot name \"%1\" contains invalid character. "
                   "Replication slot names may only contain lower case letters, numbers, and the underscore character.")
                    .arg(value));
    }
    return {};
}

CheckHookVerdict checkBacktraceFunctions(const QString &value)
{
    for (QChar c : value) {
        const char16_t u = c.unicode();
        const bool alnum = u < 128 && c.isLetterOrNumber();
        if (!alnum && u != '_' && u != ' ' && u != '\n' && u != ',')
            return refuse(tr("Invalid character"));
    }
    return {};
}

CheckHookVerdict checkTimezoneAbbreviations(const QString &value)
{
    if (value.isEmpty())
        return refuse(tr("could not read time zone file \"\": Is a directory"));
    for (QChar c : value) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')))
            return refuse(tr("Only the files of share/timezonesets can be named: Default, Australia, India."));
    }
    // The file names are case-sensitive. A server with a file of its own added there is rare.
    if (value == "Default"_L1 || value == "Australia"_L1 || value == "India"_L1)
        return {};
    return refuse(tr("There is no time zone abbreviation file \"%1\"; PostgreSQL ships Default, Australia and India.")
                      .arg(value));
}

// A list of keywords (SplitIdentifierString, case-insensitive), as check hooks of list
// parameters read it: createrole_self_grant, restrict_nonsystem_relation_kind, debug_io_direct.
CheckHookVerdict checkKeywordList(const QString &value, const QStringList &keywords)
{
    const auto names = ValueParser::splitIdentifiers(value);
    if (!names)
        return refuse(tr("List syntax is invalid."));
    for (const QString &name : *names) {
        if (!keywords.contains(name, Qt::CaseInsensitive))
            return refuse(tr("Unrecognized key word: \"%1\".").arg(name));
    }
    return {};
}

// check_wal_consistency_checking: list syntax; before 15 the resource manager names too (from
// 15 on unknown names may be custom resource managers, checked after preloading).
CheckHookVerdict checkWalConsistency(const QString &value, int major)
{
    const auto names = ValueParser::splitIdentifiers(value);
    if (!names)
        return refuse(tr("List syntax is invalid."));
    if (major >= 15)
        return {};
    static const QStringList masked = {u"all"_s,  u"heap2"_s,    u"heap"_s,   u"btree"_s, u"hash"_s,   u"gin"_s,
                                       u"gist"_s, u"sequence"_s, u"spgist"_s, u"brin"_s,  u"generic"_s};
    for (const QString &name : *names) {
        if (!masked.contains(name, Qt::CaseInsensitive))
            return refuse(tr("Unrecognized key word: \"%1\".").arg(name));
    }
    return {};
}

CheckHookVerdict checkSlotList(const QString &value)
{
    const auto names = ValueParser::splitIdentifiers(value);
    if (!names)
        return refuse(tr("List syntax is invalid."));
    for (const QString &name : *names) {
        if (const CheckHookVerdict verdict = checkSlotName(name); !verdict.ok)
            return verdict;
    }
    return {};
}

// pg_lsn_in_internal: 1-8 hex digits, '/', 1-8 hex digits.
bool isLsn(const QString &value)
{
    const qsizetype slash = value.indexOf(u'/');
    auto hex = [](QStringView part) {
        if (part.isEmpty() || part.size() > 8)
            return false;
        for (QChar c : part) {
            if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
                return false;
        }
        return true;
    };
    return slash > 0 && hex(QStringView(value).left(slash)) && hex(QStringView(value).mid(slash + 1));
}

// get_stack_depth_rlimit minus STACK_DEPTH_SLOP, for this machine; 0 when unlimited/unknown.
qint64 stackLimitKb()
{
    struct rlimit limit = {};
    if (getrlimit(RLIMIT_STACK, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 0;
    return qint64(limit.rlim_cur) / 1024 - 512;
}

} // namespace

bool ParameterCheckHooks::isKnownTimeZone(const QString &name)
{
    return timeZones().contains(asciiLower(name));
}

bool ParameterCheckHooks::isPosixTimeZone(const QByteArray &spec)
{
    const QByteArray upper = spec.toUpper();
    const char *p = upper.constData();
    if (*p == ':')
        return false;
    qsizetype length = 0;
    p = getAbbreviation(p, &length); // an empty standard abbreviation is allowed, unlike IANA
    if (!p || *p == '\0')
        return false;
    p = getOffset(p);
    if (!p)
        return false;
    if (*p == '\0')
        return true;
    p = getAbbreviation(p, &length);
    if (!p || length == 0)
        return false;
    if (*p != '\0' && *p != ',' && *p != ';') {
        p = getOffset(p);
        if (!p)
            return false;
    }
    if (*p == '\0')
        return true; // the default rules (posixrules or "M3.2.0,M11.1.0")
    if (*p != ',' && *p != ';')
        return false;
    p = getRule(p + 1);
    if (!p || *p++ != ',')
        return false;
    p = getRule(p);
    return p && *p == '\0';
}

CheckHookVerdict ParameterCheckHooks::checkTimeZone(const QString &value, bool logTimezone, int major)
{
    const QByteArray bytes = value.toUtf8();
    if (!logTimezone) {
        if (bytes.left(8).compare("interval", Qt::CaseInsensitive) == 0)
            return DateTimeCheckHooks::intervalTimeZone(value, major);
        // A number of hours (SQL sign convention), possibly fractional.
        char *end = nullptr;
        const double hours = strtod_l(bytes.constData(), &end, cLocale());
        if (end != bytes.constData() && *end == '\0') {
            const double seconds = std::fabs(std::trunc(hours * 3600.0));
            if (!std::isfinite(hours) || seconds / 3600.0 >= 24 * 7)
                return refuse(tr("UTC timezone offset is out of range."));
            return {};
        }
    }
    if (bytes.size() > 255)
        return refuse();
    if (value.compare("GMT"_L1, Qt::CaseInsensitive) == 0 || isKnownTimeZone(value))
        return {};
    if (value.startsWith("right/"_L1, Qt::CaseInsensitive) && isKnownTimeZone(value.mid(6)))
        return refuse(
            tr("time zone \"%1\" appears to use leap seconds; PostgreSQL does not support leap seconds.").arg(value));
    if (value.startsWith("posix/"_L1, Qt::CaseInsensitive) && isKnownTimeZone(value.mid(6))) {
        CheckHookVerdict verdict;
        verdict.needsSystemTzdata = true;
        verdict.detail = tr("\"%1\" exists only where PostgreSQL uses the system's time zone database (Debian, Ubuntu, "
                            "Red Hat packages); write \"%2\"")
                             .arg(value, value.mid(6));
        return verdict;
    }
    if (isPosixTimeZone(bytes))
        return {};
    return refuse(
        tr("\"%1\" is neither a time zone of the tz database nor a POSIX time zone specification such as \"UTC+3\".")
            .arg(value));
}

bool ParameterCheckHooks::isBuiltInTextSearchConfig(const QString &name, int major)
{
    static const QSet<QString> configs = {
        u"simple"_s,  u"arabic"_s,     u"danish"_s,  u"dutch"_s,     u"english"_s,    u"finnish"_s,
        u"french"_s,  u"german"_s,     u"greek"_s,   u"hungarian"_s, u"indonesian"_s, u"irish"_s,
        u"italian"_s, u"lithuanian"_s, u"nepali"_s,  u"norwegian"_s, u"portuguese"_s, u"romanian"_s,
        u"russian"_s, u"spanish"_s,    u"swedish"_s, u"tamil"_s,     u"turkish"_s,
    };
    static const QSet<QString> since14
        = {u"armenian"_s, u"basque"_s, u"catalan"_s, u"hindi"_s, u"serbian"_s, u"yiddish"_s};
    QString config = asciiLower(name.trimmed());
    if (config.startsWith("pg_catalog."_L1))
        config = config.mid(11);
    return configs.contains(config) || (major >= 14 && since14.contains(config))
        || (major >= 18 && config == "estonian"_L1);
}

std::optional<CheckHookVerdict> ParameterCheckHooks::checkString(const QString &name, const QString &value, int major,
                                                                 const DateTimeContext &context)
{
    if (name == "timezone"_L1)
        return checkTimeZone(value, false, major);
    if (name == "log_timezone"_L1)
        return checkTimeZone(value, true, major);
    if (name == "lc_messages"_L1 || name == "lc_monetary"_L1 || name == "lc_numeric"_L1 || name == "lc_time"_L1)
        return checkLocale(name, value);
    if (name == "timezone_abbreviations"_L1)
        return checkTimezoneAbbreviations(value);
    if (name == "client_encoding"_L1) {
        if (isEncodingName(value))
            return CheckHookVerdict {};
        return refuse(
            tr("\"%1\" is not an encoding PostgreSQL knows (UTF8, LATIN1, WIN1252, SQL_ASCII, ...).").arg(value));
    }
    if (name == "primary_slot_name"_L1)
        return checkSlotName(value);
    if (name == "backtrace_functions"_L1)
        return checkBacktraceFunctions(value);
    if (name == "synchronous_standby_names"_L1) {
        QString detail;
        if (SyncStandbyNames::check(value, &detail))
            return CheckHookVerdict {};
        return refuse(detail);
    }
    if (name == "synchronized_standby_slots"_L1)
        return checkSlotList(value);
    if (name == "createrole_self_grant"_L1)
        return checkKeywordList(value, {u"set"_s, u"inherit"_s});
    if (name == "restrict_nonsystem_relation_kind"_L1)
        return checkKeywordList(value, {u"view"_s, u"foreign-table"_s});
    if (name == "debug_io_direct"_L1)
        return checkKeywordList(value, {u"data"_s, u"wal"_s, u"wal_init"_s});
    if (name == "wal_consistency_checking"_L1)
        return checkWalConsistency(value, major);
    if (name == "recovery_target"_L1) {
        if (value.isEmpty() || value == "immediate"_L1)
            return CheckHookVerdict {};
        return refuse(tr("The only allowed value is \"immediate\"."));
    }
    if (name == "recovery_target_lsn"_L1) {
        if (value.isEmpty() || isLsn(value))
            return CheckHookVerdict {};
        return refuse(tr("A WAL location looks like 0/1A2B3C4D (two groups of 1-8 hex digits)."));
    }
    if (name == "recovery_target_name"_L1) {
        if (value.toUtf8().size() < 64)
            return CheckHookVerdict {};
        return refuse(tr("recovery_target_name is too long (maximum 63 characters)."));
    }
    if (name == "recovery_target_time"_L1)
        return DateTimeCheckHooks::recoveryTargetTime(value, major, context);
    if (name == "default_text_search_config"_L1) {
        // Without a database to look in the server accepts any name at start-up; a missing
        // configuration only shows when a session uses it.
        if (isBuiltInTextSearchConfig(value, major))
            return CheckHookVerdict {};
        CheckHookVerdict verdict;
        verdict.unverifiable = true;
        verdict.detail = tr("\"%1\" is not a built-in text search configuration; it must exist in every database, or "
                            "full text search fails there.")
                             .arg(value);
        return verdict;
    }
    return std::nullopt;
}

std::optional<CheckHookVerdict> ParameterCheckHooks::checkInteger(const QString &name, double value, int major)
{
    static const QSet<QString> slruBuffers = {
        u"commit_timestamp_buffers"_s, u"multixact_member_buffers"_s, u"multixact_offset_buffers"_s,
        u"notify_buffers"_s,           u"serializable_buffers"_s,     u"subtransaction_buffers"_s,
        u"transaction_buffers"_s,
    };
    if (major >= 17 && slruBuffers.contains(name)) {
        if (std::fmod(value, 16.0) == 0)
            return CheckHookVerdict {};
        return refuse(tr("\"%1\" must be a multiple of 16").arg(name));
    }
    if (name == "vacuum_buffer_usage_limit"_L1 && major >= 16) {
        if (value == 0 || (value >= 128 && value <= 16777216))
            return CheckHookVerdict {};
        return refuse(tr("\"vacuum_buffer_usage_limit\" must be 0 or between 128 kB and 16777216 kB"));
    }
    if (name == "max_stack_depth"_L1) {
        const qint64 limit = stackLimitKb();
        if (limit <= 0 || value <= double(limit))
            return CheckHookVerdict {};
        CheckHookVerdict verdict = refuse(
            tr("\"max_stack_depth\" must not exceed %1kB on a machine with this one's stack limit (ulimit -s %2).")
                .arg(limit)
                .arg(limit + 512));
        verdict.dependsOnMachine = true;
        return verdict;
    }
    if (name == "io_max_concurrency"_L1 && major >= 18 && value == 0) // check_io_max_concurrency
        return refuse(tr("Only -1 or values bigger than 0 are valid."));
    return std::nullopt;
}

} // namespace pgdial::core::pgconf
