#include "pgconf/datetimecheckhooks.h"

#include "pgconf/intervaldecoder.h"

#include <QCoreApplication>

#include <cstring>

namespace pgdial::core::pgconf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::pgconf", text);
}

CheckHookVerdict refuse(const QString &detail)
{
    CheckHookVerdict verdict;
    verdict.ok = false;
    verdict.detail = detail;
    return verdict;
}

QString orderName(DateTimeContext::Order order)
{
    switch (order) {
    case DateTimeContext::Order::YMD:
        return QStringLiteral("YMD");
    case DateTimeContext::Order::DMY:
        return QStringLiteral("DMY");
    case DateTimeContext::Order::MDY:
        break;
    }
    return QStringLiteral("MDY");
}

} // namespace

CheckHookVerdict DateTimeCheckHooks::recoveryTargetTime(const QString &value, int major, const DateTimeContext &context)
{
    const QByteArray bytes = value.toUtf8();
    if (DateTimeDecoder::acceptsRecoveryTargetTime(bytes.constData(), major, context)) {
        CheckHookVerdict verdict;
        if (value.contains(QLatin1String("posix/"), Qt::CaseInsensitive)
            || value.contains(QLatin1String("right/"), Qt::CaseInsensitive)) {
            verdict.needsSystemTzdata = true;
            verdict.detail
                = tr("\"%1\" names a posix/ or right/ zone, which exists only where PostgreSQL uses the system's "
                     "time zone database (Debian, Ubuntu, Red Hat packages); write the zone without the prefix")
                      .arg(value);
        }
        return verdict;
    }
    const QString fix
        = tr("Write a point in time such as 2024-05-01 10:00:00+00 (ISO 8601 with a numeric UTC offset).");
    for (const char *word : {"now", "today", "tomorrow", "yesterday"}) {
        if (std::strcmp(bytes.constData(), word) == 0)
            return refuse(
                tr("recovery_target_time cannot be \"%1\": it needs a fixed point in time. %2").arg(value, fix));
    }
    // Known only once timezone_abbreviations is loaded, which happens after the file is read.
    if (context.abbreviations.empty()) {
        DateTimeContext loaded = context;
        loaded.abbreviations = "Default";
        if (DateTimeDecoder::acceptsRecoveryTargetTime(bytes.constData(), major, loaded))
            return refuse(
                tr("\"%1\" uses a time zone abbreviation, and while the server reads postgresql.conf at start-up "
                   "it knows none yet. Use a numeric offset (+00, -07) or a zone name (Europe/Berlin), "
                   "or set timezone_abbreviations = 'Default' on an earlier line.")
                    .arg(value));
    }
    const DateTimeDecoder::Result result = DateTimeDecoder(major, context).decodeTimestamp(bytes.constData());
    if (result.error == dt::Ok && result.type == dt::Date && result.outOfRange)
        return refuse(tr("timestamp out of range: \"%1\". %2").arg(value, fix));
    if (result.error == dt::Ok && result.type != dt::Date)
        return refuse(
            tr("\"%1\" is not a point in time (epoch, infinity and the like are refused). %2").arg(value, fix));
    if (result.error == dt::TimeOnly)
        return refuse(tr("\"%1\" is a time of day without a date. %2").arg(value, fix));
    if (result.error == dt::FieldOverflow)
        return refuse(tr("date/time field value out of range: \"%1\". %2").arg(value, fix));
    if (result.error == dt::MdFieldOverflow)
        return refuse(tr("date/time field value out of range: \"%1\" (read with DateStyle's field order %2; "
                         "perhaps you need a different \"datestyle\" setting). %3")
                          .arg(value, orderName(context.order), fix));
    if (result.error == dt::TzDispOverflow)
        return refuse(tr("time zone displacement out of range: \"%1\". %2").arg(value, fix));
    if (result.error == dt::BadTimezone)
        return refuse(tr("\"%1\" names a time zone the server does not know. %2").arg(value, fix));
    return refuse(tr("invalid input syntax for type timestamp with time zone: \"%1\". %2").arg(value, fix));
}

CheckHookVerdict DateTimeCheckHooks::intervalTimeZone(const QString &value, int major)
{
    const QString fix = tr("Write the offset as hours (-7, 5.5) or a zone name (Etc/GMT+7, Asia/Kolkata).");
    switch (IntervalDecoder::checkTimeZone(value.toUtf8().toStdString(), major)) {
    case IntervalDecoder::TimeZoneVerdict::Accepted:
        return {};
    case IntervalDecoder::TimeZoneVerdict::BadSyntax:
        return refuse(tr("An INTERVAL time zone is INTERVAL followed by one quoted interval, nothing after it "
                         "(INTERVAL '+05:30'). %1")
                          .arg(fix));
    case IntervalDecoder::TimeZoneVerdict::BadInterval:
        return refuse(
            tr("The interval is not one the server can read; it stops with an ERROR at start-up. %1").arg(fix));
    case IntervalDecoder::TimeZoneVerdict::HasMonths:
        return refuse(tr("Cannot specify months in time zone interval. %1").arg(fix));
    case IntervalDecoder::TimeZoneVerdict::HasDays:
        return refuse(tr("Cannot specify days in time zone interval. %1").arg(fix));
    case IntervalDecoder::TimeZoneVerdict::OutOfRange:
        break;
    }
    return refuse(tr("UTC timezone offset is out of range (less than 168 hours either way). %1").arg(fix));
}

} // namespace pgdial::core::pgconf
