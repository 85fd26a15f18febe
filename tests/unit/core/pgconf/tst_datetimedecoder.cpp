// DateTimeDecoder / IntervalDecoder / DateTimeCheckHooks without a server: the verdicts
// tst_datetime_server established against real servers 13-18 (tests/data/datetime/expected-*.txt:
// one column of six Y/N per context, 13 to 18, then the value), plus the rules behind them.

#include "pgconf/datetimedecoder.h"
#include "pgconf/intervaldecoder.h"
#include "pgconf/parametercheckhooks.h"
#include "pgconf/valueparser.h"
#include "support/testpaths.h"

#include <QFile>
#include <QTest>

using namespace pgdial::core::pgconf;
using namespace Qt::StringLiterals;

namespace {

QList<QByteArray> expectationLines(const QString &name)
{
    QFile file(pgdial::test::testDataDir() + u"/datetime/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

bool accepts(const char *name, const QString &value, int major, const DateTimeContext &context = {})
{
    const auto verdict = ParameterCheckHooks::checkString(QLatin1String(name), value, major, context);
    return !verdict || verdict->ok;
}

DateTimeContext withAbbreviations(DateTimeContext::Order order = DateTimeContext::Order::MDY)
{
    DateTimeContext context;
    context.abbreviations = "Default";
    context.order = order;
    return context;
}

} // namespace

class tst_DateTimeDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recoveryTargetTimeAsServers_data();
    void recoveryTargetTimeAsServers();
    void timeZoneAsServers_data();
    void timeZoneAsServers();
    void rules_data();
    void rules();
    void intervalFields_data();
    void intervalFields();
    void messages();
    void contextFollowsEarlierLines();
    void zoneAbbreviationsFrom18();
    void boundedInput();
};

void tst_DateTimeDecoder::recoveryTargetTimeAsServers_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("startup"); // no abbreviations, MDY: as the file is read
    QTest::addColumn<QByteArray>("abbreviations"); // timezone_abbreviations loaded
    QTest::addColumn<QByteArray>("dmy"); // and DateStyle DMY
    const QList<QByteArray> lines = expectationLines(u"expected-recovery_target_time.txt"_s);
    QVERIFY(lines.size() >= 150);
    for (const QByteArray &line : lines)
        QTest::newRow(line.mid(21).constData())
            << QString::fromUtf8(line.mid(21)) << line.left(6) << line.mid(7, 6) << line.mid(14, 6);
}

void tst_DateTimeDecoder::recoveryTargetTimeAsServers()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, startup);
    QFETCH(QByteArray, abbreviations);
    QFETCH(QByteArray, dmy);
    for (int major = 13; major <= 18; ++major) {
        const int at = major - 13;
        QCOMPARE(accepts("recovery_target_time", value, major) ? 'Y' : 'N', startup.at(at));
        QCOMPARE(accepts("recovery_target_time", value, major, withAbbreviations()) ? 'Y' : 'N', abbreviations.at(at));
        QCOMPARE(accepts("recovery_target_time", value, major, withAbbreviations(DateTimeContext::Order::DMY)) ? 'Y'
                                                                                                               : 'N',
                 dmy.at(at));
    }
}

void tst_DateTimeDecoder::timeZoneAsServers_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    const QList<QByteArray> lines = expectationLines(u"expected-timezone.txt"_s);
    QVERIFY(lines.size() >= 40);
    for (const QByteArray &line : lines)
        QTest::newRow(line.mid(7).constData()) << QString::fromUtf8(line.mid(7)) << line.left(6);
}

void tst_DateTimeDecoder::timeZoneAsServers()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    for (int major = 13; major <= 18; ++major)
        QCOMPARE(accepts("timezone", value, major) ? 'Y' : 'N', expected.at(major - 13));
}

// The rules behind the verdicts, one row each, with the majors they hold for.
void tst_DateTimeDecoder::rules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("abbreviations");
    QTest::addColumn<QByteArray>("expected"); // 13..18
    auto row = [](const char *tag, const char *name, const char *value, bool abbreviations, const char *expected) {
        QTest::newRow(tag) << QString::fromLatin1(name) << QString::fromUtf8(value) << abbreviations
                           << QByteArray(expected);
    };
    const char *rtt = "recovery_target_time";
    row("iso with offset", rtt, "2024-05-01 10:00:00+00", false, "YYYYYY");
    row("hook refuses now exactly", rtt, "now", false, "NNNNNN");
    row("NOW decodes to a date", rtt, "NOW", false, "YYYYYY");
    row("Today decodes to a date", rtt, "Today", false, "YYYYYY");
    row("tomorrow with a time", rtt, "tomorrow 10:00", false, "YYYYYY");
    row("epoch is no date", rtt, "epoch", false, "NNNNNN");
    row("epoch today before 16", rtt, "epoch today", false, "YYYNNN");
    row("Z needs the table", rtt, "2024-05-01T10:00:00Z", false, "NNNNNN");
    row("Z with the table", rtt, "2024-05-01T10:00:00Z", true, "YYYYYY");
    row("zulu is a zone", rtt, "2024-05-01 10:00 zulu", false, "YYYYYY");
    row("PST needs the table", rtt, "May 1 2024 10:00 PST", false, "NNNNNN");
    row("PST DST", rtt, "2024-05-01 10:00 pst dst", true, "YYYYYY");
    row("PDT DST twice daylight", rtt, "2024-05-01 10:00 pdt dst", true, "NNNNNN");
    row("DST of a dynamic abbreviation", rtt, "2024-05-01 10:00 msk dst", true, "NNNNNN");
    row("unknown zone", rtt, "2024-05-01 10:00 Europe/Nowhere", false, "NNNNNN");
    row("zone name", rtt, "2024-05-01 10:00 Europe/Berlin", false, "YYYYYY");
    row("POSIX zone", rtt, "2024-05-01 10:00 UTC+3", false, "YYYYYY");
    row("month 13", rtt, "2024-13-01", false, "NNNNNN");
    row("Feb 29 leap", rtt, "2024-02-29", false, "YYYYYY");
    row("Feb 29 not leap", rtt, "2023-02-29", false, "NNNNNN");
    row("24:00", rtt, "2024-12-31 24:00:00", false, "YYYYYY");
    row("leap second", rtt, "2024-12-31 23:59:60", false, "YYYYYY");
    row("past the day", rtt, "2024-12-31 23:59:60.5", false, "NNNNNN");
    row("hhmmss unchecked", rtt, "2024-05-01 256199", false, "YYYYYY");
    row("ISO labels before 16", rtt, "y2024m05d01", false, "YYYNNN");
    row("dangling label before 16", rtt, "2024-05-01 j", false, "YYYNNN");
    row("lone dot from 15", rtt, "2024-05-01 10:00:00.", false, "NNYYYY");
    row("julian", rtt, "J2451187", false, "YYYYYY");
    row("time alone", rtt, "10:00", false, "NNNNNN");
    row("offset too far", rtt, "2024-05-01 10:00 +16", false, "NNNNNN");
    row("last timestamp", rtt, "294276-12-31 23:59:59+00", false, "YYYYYY");
    row("past the last", rtt, "294277-01-01", false, "NNNNNN");
    row("first timestamp", rtt, "4714-11-24 BC", false, "YYYYYY");
    row("4713 BC is year -4712", rtt, "4713-11-23 BC", false, "YYYYYY");
    row("before the first", rtt, "4714-11-23 BC", false, "NNNNNN");
    row("year zero", rtt, "0000-01-01", false, "NNNNNN");
    row("26 fields", rtt, "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26", false, "NNNNNN");
    const char *tz = "timezone";
    row("interval hh:mm", tz, "INTERVAL '+05:30'", false, "YYYYYY");
    row("interval 167:59:59", tz, "INTERVAL '167:59:59'", false, "YYYYYY");
    row("interval 168 hours", tz, "INTERVAL '168 hours'", false, "NNNNNN");
    row("interval a day", tz, "INTERVAL '1 day'", false, "NNNNNN");
    row("interval half a day", tz, "INTERVAL '0.5 day'", false, "YYYYYY");
    row("interval month", tz, "INTERVAL '1 mon'", false, "NNNNNN");
    row("interval 0.05 year rounds from 15", tz, "INTERVAL '0.05 year'", false, "YYNNNN");
    row("interval ago first before 17", tz, "INTERVAL 'ago 3 hours'", false, "YYYYNN");
    row("interval unit twice before 17", tz, "INTERVAL '1 hour hour'", false, "YYYYNN");
    row("interval ISO", tz, "INTERVAL 'PT2H30M'", false, "YYYYYY");
    row("interval ISO lower case", tz, "INTERVAL 'pt2h'", false, "NNNNNN");
    row("interval garbage", tz, "INTERVAL 'abc'", false, "NNNNNN");
    row("interval text after quote", tz, "INTERVAL '2 hours'x", false, "NNNNNN");
    row("interval without quotes", tz, "INTERVAL 2 hours", false, "NNNNNN");
    row("hours", tz, "-8", false, "YYYYYY");
    row("hours 167.9999", tz, "167.9999", false, "YYYYYY");
    row("hours 168", tz, "168", false, "NNNNNN");
    row("hours in hex", tz, "0x10", false, "YYYYYY");
}

void tst_DateTimeDecoder::rules()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, abbreviations);
    QFETCH(QByteArray, expected);
    const DateTimeContext context = abbreviations ? withAbbreviations() : DateTimeContext {};
    for (int major = 13; major <= 18; ++major)
        QCOMPARE(accepts(name.toLatin1().constData(), value, major, context) ? 'Y' : 'N', expected.at(major - 13));
}

void tst_DateTimeDecoder::intervalFields_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qlonglong>("months");
    QTest::addColumn<qlonglong>("days");
    QTest::addColumn<qlonglong>("microseconds");
    QTest::newRow("hh:mm") << u"+05:30"_s << 0LL << 0LL << 19800000000LL;
    QTest::newRow("negative hh:mm") << u"-08:00"_s << 0LL << 0LL << -28800000000LL;
    QTest::newRow("units") << u"1 day 2 hours 3 minutes"_s << 0LL << 1LL << 7380000000LL;
    QTest::newRow("day and time") << u"1 02:00"_s << 0LL << 1LL << 7200000000LL;
    QTest::newRow("years-months") << u"1-2"_s << 14LL << 0LL << 0LL;
    QTest::newRow("fraction of a month") << u"0.5 month"_s << 0LL << 15LL << 0LL;
    QTest::newRow("ago") << u"3 hours ago"_s << 0LL << 0LL << -10800000000LL;
    QTest::newRow("plain number is seconds") << u"90"_s << 0LL << 0LL << 90000000LL;
    QTest::newRow("ISO") << u"P1Y2M3DT4H5M6S"_s << 14LL << 3LL << 14706000000LL;
    QTest::newRow("ISO alternative") << u"P0001-02-03T04:05:06"_s << 14LL << 3LL << 14706000000LL;
}

void tst_DateTimeDecoder::intervalFields()
{
    QFETCH(QString, text);
    QFETCH(qlonglong, months);
    QFETCH(qlonglong, days);
    QFETCH(qlonglong, microseconds);
    const IntervalDecoder::Interval interval = IntervalDecoder::decode(text.toUtf8().constData(), 17);
    QCOMPARE(interval.error, 0);
    QCOMPARE(interval.months, months);
    QCOMPARE(interval.days, days);
    QCOMPARE(interval.microseconds, microseconds);
}

void tst_DateTimeDecoder::messages()
{
    auto detail = [](const char *name, const char *value, const DateTimeContext &context = {}) {
        const auto verdict
            = ParameterCheckHooks::checkString(QLatin1String(name), QString::fromUtf8(value), 17, context);
        return verdict ? verdict->detail : QString();
    };
    // An abbreviation refused only because the table is not loaded yet says so, with both fixes.
    QVERIFY(detail("recovery_target_time", "2024-05-01 10:00 PST").contains(u"timezone_abbreviations = 'Default'"_s));
    QVERIFY(detail("recovery_target_time", "294277-01-01").startsWith(u"timestamp out of range: \"294277-01-01\""_s));
    QVERIFY(detail("recovery_target_time", "2024-13-01").contains(u"date/time field value out of range"_s));
    QVERIFY(detail("recovery_target_time", "13/1/2024").contains(u"datestyle"_s));
    QVERIFY(detail("recovery_target_time", "now").contains(u"2024-05-01 10:00:00+00"_s));
    QVERIFY(detail("timezone", "INTERVAL '1 day'").startsWith(u"Cannot specify days in time zone interval."_s));
    QVERIFY(detail("timezone", "INTERVAL '1 mon'").startsWith(u"Cannot specify months in time zone interval."_s));
    QVERIFY(detail("timezone", "INTERVAL '200 hours'").startsWith(u"UTC timezone offset is out of range"_s));
    // posix/ zones: accepted, with the caution that only system-tzdata builds have them.
    const auto posix
        = ParameterCheckHooks::checkString(u"recovery_target_time"_s, u"2024-05-01 10:00 posix/Europe/Berlin"_s, 15);
    QVERIFY(posix && posix->ok && posix->needsSystemTzdata);
}

void tst_DateTimeDecoder::contextFollowsEarlierLines()
{
    DateTimeContext context;
    ValueParser::updateDateTimeContext(&context, u"DateStyle"_s, u"ISO, DMY"_s);
    QCOMPARE(context.order, DateTimeContext::Order::DMY);
    ValueParser::updateDateTimeContext(&context, u"datestyle"_s, u"Postgres"_s); // no order: kept
    QCOMPARE(context.order, DateTimeContext::Order::DMY);
    ValueParser::updateDateTimeContext(&context, u"datestyle"_s, u"German"_s);
    QCOMPARE(context.order, DateTimeContext::Order::DMY);
    ValueParser::updateDateTimeContext(&context, u"datestyle"_s, u"sql, us"_s);
    QCOMPARE(context.order, DateTimeContext::Order::MDY);
    ValueParser::updateDateTimeContext(&context, u"datestyle"_s, u"YMD"_s);
    QCOMPARE(context.order, DateTimeContext::Order::YMD);
    QVERIFY(context.abbreviations.empty());
    ValueParser::updateDateTimeContext(&context, u"timezone_abbreviations"_s, u"Australia"_s);
    QCOMPARE(context.abbreviations, std::string("Australia"));
    // Australia makes "sat" a time zone abbreviation, which takes precedence over Saturday: a
    // second zone then clashes with it.
    QVERIFY(!accepts("recovery_target_time", u"2024-05-01 10:00 SAT UTC"_s, 17, context));
    QVERIFY(accepts("recovery_target_time", u"2024-05-01 10:00 SAT UTC"_s, 17, withAbbreviations()));
}

void tst_DateTimeDecoder::zoneAbbreviationsFrom18()
{
    if (!QFile::exists(u"/usr/share/zoneinfo/America/New_York"_s))
        QSKIP("no system tz database to read the zone's abbreviations from");
    DateTimeContext context;
    ValueParser::updateDateTimeContext(&context, u"TimeZone"_s, u"america/new_york"_s);
    QCOMPARE(context.timeZone, std::string("america/new_york"));
    QVERIFY(accepts("recovery_target_time", u"2024-05-01 10:00 EDT"_s, 18, context));
    QVERIFY(!accepts("recovery_target_time", u"2024-05-01 10:00 EDT"_s, 17, context));
    QVERIFY(accepts("recovery_target_time", u"1800-05-01 10:00 LMT"_s, 18, context));
    QVERIFY(!accepts("recovery_target_time", u"2024-05-01 10:00 CEST"_s, 18, context));
    QVERIFY(!accepts("recovery_target_time", u"2024-05-01 10:00 EDT"_s, 18, {}));
}

void tst_DateTimeDecoder::boundedInput()
{
    // Long and field-heavy input ends in a refusal, never in a crash or a loop (MAXDATELEN,
    // MAXDATEFIELDS, the interval's 256-byte buffer).
    const QString longDigits = QString(5000, u'9');
    const QStringList values = {longDigits,           u"2024-05-01 "_s + longDigits,
                                QString(3000, u'-'),  QString(3000, u'a'),
                                u"J"_s + longDigits,  QString(2000, u':'),
                                u"1."_s + longDigits, u"2024-05-01 "_s + QString(400, u'.') + u"1"_s};
    for (const QString &value : values) {
        for (int major = 13; major <= 18; ++major) {
            QVERIFY(!accepts("recovery_target_time", value, major));
            QVERIFY(!accepts("timezone", u"INTERVAL '"_s + value + u"'"_s, major));
            QVERIFY(!accepts("timezone", u"INTERVAL 'P"_s + value + u"'"_s, major));
        }
    }
    // Spaces take no room in the work buffer.
    QVERIFY(accepts("recovery_target_time", QString(500, u' ') + u"2024-05-01"_s, 17));
}

QTEST_GUILESS_MAIN(tst_DateTimeDecoder)
#include "tst_datetimedecoder.moc"
