#include "pgconf/parametercatalog.h"
#include "pgconf/valueformatter.h"
#include "pgconf/valueparser.h"

#include <QTest>

using namespace pgdial::core::pgconf;

Q_DECLARE_METATYPE(pgdial::core::pgconf::ValueProblem)

// Values per part A7 of the semantics reference: what the server accepts and what it makes of it.
// tst_confvalues_server checks the same kind of table against real servers.
class tst_ValueParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void rangeMessages_data();
    void rangeMessages();
    void withUnit_data();
    void withUnit();
    void format_data();
    void format();
    void toToken_data();
    void toToken();
};

void tst_ValueParser::parse_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<ValueProblem>("problem");
    QTest::addColumn<QString>("setting");
    const auto ok = ValueProblem::None;
    const auto invalid = ValueProblem::Invalid;
    const auto unit = ValueProblem::BadUnit;
    const auto range = ValueProblem::OutOfRange;

    // booleans
    QTest::newRow("bool on") << 17 << "fsync"
                             << "on" << ok << "on";
    QTest::newRow("bool ON") << 17 << "fsync"
                             << "ON" << ok << "on";
    QTest::newRow("bool of") << 17 << "fsync"
                             << "of" << ok << "off";
    QTest::newRow("bool o ambiguous") << 17 << "fsync"
                                      << "o" << invalid << "";
    QTest::newRow("bool t") << 17 << "fsync"
                            << "t" << ok << "on";
    QTest::newRow("bool tr") << 17 << "fsync"
                             << "tr" << ok << "on";
    QTest::newRow("bool ye") << 17 << "fsync"
                             << "ye" << ok << "on";
    QTest::newRow("bool n") << 17 << "fsync"
                            << "n" << ok << "off";
    QTest::newRow("bool FA") << 17 << "fsync"
                             << "FA" << ok << "off";
    QTest::newRow("bool 1") << 17 << "fsync"
                            << "1" << ok << "on";
    QTest::newRow("bool 0") << 17 << "fsync"
                            << "0" << ok << "off";
    QTest::newRow("bool 2") << 17 << "fsync"
                            << "2" << invalid << "";
    QTest::newRow("bool 01") << 17 << "fsync"
                             << "01" << invalid << "";
    QTest::newRow("bool truex") << 17 << "fsync"
                                << "truex" << invalid << "";
    QTest::newRow("bool leading blank") << 17 << "fsync"
                                        << " on" << invalid << "";
    QTest::newRow("bool onn") << 17 << "fsync"
                              << "onn" << invalid << "";
    QTest::newRow("bool enable") << 17 << "fsync"
                                 << "enable" << invalid << "";
    QTest::newRow("bool empty") << 17 << "fsync"
                                << "" << invalid << "";
    // integers
    QTest::newRow("int plain") << 17 << "max_connections"
                               << "100" << ok << "100";
    QTest::newRow("int plus") << 17 << "max_connections"
                              << "+5" << ok << "5";
    QTest::newRow("int hex") << 17 << "max_connections"
                             << "0x40" << ok << "64";
    QTest::newRow("int octal") << 17 << "max_connections"
                               << "010" << ok << "8";
    QTest::newRow("int bad octal") << 17 << "max_connections"
                                   << "08" << invalid << "";
    QTest::newRow("int exponent") << 17 << "max_connections"
                                  << "1e3" << ok << "1000";
    QTest::newRow("int real half even down") << 17 << "max_connections"
                                             << "2.5" << ok << "2";
    QTest::newRow("int real half even up") << 17 << "max_connections"
                                           << "3.5" << ok << "4";
    QTest::newRow("int leading blanks") << 17 << "max_connections"
                                        << "  7" << ok << "7";
    QTest::newRow("int trailing blanks") << 17 << "max_connections"
                                         << "7  " << ok << "7";
    QTest::newRow("int unit on unitless") << 17 << "max_connections"
                                          << "100kB" << invalid << "";
    QTest::newRow("int empty") << 17 << "max_connections"
                               << "" << invalid << "";
    QTest::newRow("int words") << 17 << "max_connections"
                               << "many" << invalid << "";
    QTest::newRow("int overflow") << 17 << "work_mem"
                                  << "4TB" << invalid << "";
    QTest::newRow("int huge digits") << 17 << "max_connections"
                                     << "99999999999999999999" << invalid << "";
    QTest::newRow("int range") << 17 << "max_connections"
                               << "0" << range << "0";
    // memory units
    QTest::newRow("mem MB") << 17 << "shared_buffers"
                            << "128MB" << ok << "16384";
    QTest::newRow("mem GB") << 17 << "shared_buffers"
                            << "1GB" << ok << "131072";
    QTest::newRow("mem 1001kB rounds") << 17 << "shared_buffers"
                                       << "1001kB" << ok << "125";
    QTest::newRow("mem 1.5MB") << 17 << "work_mem"
                               << "1.5MB" << ok << "1536";
    QTest::newRow("mem space before unit") << 17 << "work_mem"
                                           << "4 MB" << ok << "4096";
    QTest::newRow("mem lower case") << 17 << "work_mem"
                                    << "64mb" << unit << "";
    QTest::newRow("mem KB") << 17 << "work_mem"
                            << "64KB" << unit << "";
    QTest::newRow("mem Gb") << 17 << "work_mem"
                            << "1Gb" << unit << "";
    QTest::newRow("mem garbage after unit") << 17 << "work_mem"
                                            << "1MB x" << unit << "";
    QTest::newRow("mem bytes to blocks range") << 17 << "temp_buffers"
                                               << "800000B" << range << "98";
    QTest::newRow("mem hex with unit") << 17 << "work_mem"
                                       << "0x10MB" << ok << "16384";
    QTest::newRow("mem minus one") << 17 << "autovacuum_work_mem"
                                   << "-1" << ok << "-1";
    QTest::newRow("mem MB base") << 17 << "max_wal_size"
                                 << "2GB" << ok << "2048";
    QTest::newRow("mem kB on MB base") << 17 << "max_wal_size"
                                       << "1536kB" << ok << "2";
    QTest::newRow("maintenance_work_mem 64kB in 17") << 17 << "maintenance_work_mem"
                                                     << "64kB" << ok << "64";
    QTest::newRow("maintenance_work_mem 64kB in 16") << 16 << "maintenance_work_mem"
                                                     << "64kB" << range << "64";
    // time units
    QTest::newRow("time min") << 17 << "checkpoint_timeout"
                              << "5min" << ok << "300";
    QTest::newRow("time h") << 17 << "checkpoint_timeout"
                            << "1h" << ok << "3600";
    QTest::newRow("time m invalid") << 17 << "checkpoint_timeout"
                                    << "5m" << unit << "";
    QTest::newRow("time sec invalid") << 17 << "checkpoint_timeout"
                                      << "30sec" << unit << "";
    QTest::newRow("time 1500us to ms") << 17 << "deadlock_timeout"
                                       << "1500us" << ok << "2";
    QTest::newRow("time 400us out of range") << 17 << "deadlock_timeout"
                                             << "400us" << range << "0";
    QTest::newRow("time 0.5s") << 17 << "deadlock_timeout"
                               << "0.5s" << ok << "500";
    QTest::newRow("time minus one") << 17 << "log_min_duration_statement"
                                    << "-1" << ok << "-1";
    QTest::newRow("time d") << 17 << "log_rotation_age"
                            << "1d" << ok << "1440";
    // reals
    QTest::newRow("real") << 17 << "random_page_cost"
                          << "1.1" << ok << "1.1";
    QTest::newRow("real exponent") << 17 << "random_page_cost"
                                   << "2e1" << ok << "20";
    QTest::newRow("real nan") << 17 << "random_page_cost"
                              << "NaN" << invalid << "";
    QTest::newRow("real unit on unitless") << 17 << "random_page_cost"
                                           << "1ms" << invalid << "";
    QTest::newRow("real negative") << 17 << "random_page_cost"
                                   << "-1" << range << "-1";
    QTest::newRow("real with unit") << 17 << "vacuum_cost_delay"
                                    << "500us" << ok << "0.5";
    QTest::newRow("real fraction") << 17 << "checkpoint_completion_target"
                                   << "0.9" << ok << "0.9";
    QTest::newRow("real above max") << 17 << "checkpoint_completion_target"
                                    << "1.5" << range << "1.5";
    // enums
    QTest::newRow("enum") << 17 << "wal_level"
                          << "logical" << ok << "logical";
    QTest::newRow("enum case") << 17 << "wal_level"
                               << "REPLICA" << ok << "replica";
    QTest::newRow("enum hidden hot_standby") << 17 << "wal_level"
                                             << "hot_standby" << ok << "replica";
    QTest::newRow("enum hidden archive") << 13 << "wal_level"
                                         << "archive" << ok << "replica";
    QTest::newRow("enum prefix invalid") << 17 << "wal_level"
                                         << "rep" << invalid << "";
    QTest::newRow("enum empty") << 17 << "wal_level"
                                << "" << invalid << "";
    QTest::newRow("synchronous_commit true") << 17 << "synchronous_commit"
                                             << "true" << ok << "on";
    QTest::newRow("synchronous_commit t") << 17 << "synchronous_commit"
                                          << "t" << invalid << "";
    QTest::newRow("client_min_messages debug") << 17 << "client_min_messages"
                                               << "DEBUG" << ok << "debug2";
    QTest::newRow("wal_compression on 15") << 15 << "wal_compression"
                                           << "on" << ok << "on";
    QTest::newRow("wal_compression 1 15") << 15 << "wal_compression"
                                          << "1" << ok << "pglz";
    QTest::newRow("wal_compression t 14 bool") << 14 << "wal_compression"
                                               << "t" << ok << "on";
    QTest::newRow("huge_pages yes") << 17 << "huge_pages"
                                    << "yes" << ok << "on";
    QTest::newRow("password_encryption on 13") << 13 << "password_encryption"
                                               << "on" << ok << "md5";
    QTest::newRow("password_encryption on 14") << 14 << "password_encryption"
                                               << "on" << invalid << "";
    // strings
    QTest::newRow("string") << 17 << "log_line_prefix"
                            << "%m [%p] " << ok << "%m [%p] ";
    QTest::newRow("string empty") << 17 << "log_line_prefix"
                                  << "" << ok << "";
    QTest::newRow("log_destination list") << 17 << "log_destination"
                                          << "stderr, csvlog" << ok << "stderr, csvlog";
    QTest::newRow("log_destination bad") << 17 << "log_destination"
                                         << "stdout" << invalid << "";
    QTest::newRow("log_destination jsonlog 14") << 14 << "log_destination"
                                                << "jsonlog" << invalid << "";
    QTest::newRow("log_connections 18 list") << 18 << "log_connections"
                                             << "receipt,authentication" << ok << "receipt,authentication";
    QTest::newRow("log_connections 18 on") << 18 << "log_connections"
                                           << "on" << ok << "on";
    QTest::newRow("log_connections 18 t") << 18 << "log_connections"
                                          << "t" << invalid << "";
    QTest::newRow("log_destination quoted") << 17 << "log_destination"
                                            << "\"stderr\",csvlog" << ok << "\"stderr\",csvlog";
    QTest::newRow("log_destination trailing comma") << 17 << "log_destination"
                                                    << "stderr," << invalid << "";
    QTest::newRow("log_destination empty") << 17 << "log_destination"
                                           << "" << ok << "";
    QTest::newRow("DateStyle") << 17 << "DateStyle"
                               << "ISO, DMY" << ok << "ISO, DMY";
    QTest::newRow("DateStyle german implies DMY") << 17 << "DateStyle"
                                                  << "default, German" << ok << "German, DMY";
    QTest::newRow("DateStyle order only") << 17 << "DateStyle"
                                          << "US" << ok << "ISO, MDY";
    QTest::newRow("DateStyle european") << 17 << "DateStyle"
                                        << "sql, european" << ok << "SQL, DMY";
    QTest::newRow("DateStyle conflicting") << 17 << "DateStyle"
                                           << "ISO, SQL" << invalid << "";
    QTest::newRow("DateStyle unknown") << 17 << "DateStyle"
                                       << "ISO, XMD" << invalid << "";
    QTest::newRow("DateStyle no comma") << 17 << "DateStyle"
                                        << "ISO MDY" << invalid << "";
    QTest::newRow("search_path") << 17 << "search_path"
                                 << "\"$user\", public" << ok << "\"$user\", public";
    QTest::newRow("search_path two words") << 17 << "search_path"
                                           << "my schema" << invalid << "";
    QTest::newRow("search_path open quote") << 17 << "search_path"
                                            << "\"abc" << invalid << "";
    QTest::newRow("log_connections 17 t") << 17 << "log_connections"
                                          << "t" << ok << "on";
}

void tst_ValueParser::parse()
{
    QFETCH(int, major);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(ValueProblem, problem);
    QFETCH(QString, setting);
    const ParameterInfo *info = ParameterCatalog::forVersion(major).find(name);
    QVERIFY2(info, qPrintable(name));
    const ParsedValue parsed = ValueParser::parse(*info, value, major);
    QCOMPARE(parsed.problem, problem);
    if (problem == ValueProblem::None || problem == ValueProblem::OutOfRange)
        QCOMPARE(parsed.setting, setting);
    if (problem != ValueProblem::None)
        QVERIFY(!parsed.message.isEmpty());
    if (problem == ValueProblem::BadUnit)
        QVERIFY(parsed.hint.startsWith("Valid units for this parameter are"));
}

void tst_ValueParser::rangeMessages_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("blocks 15")
        << 15 << "temp_buffers"
        << "800000B"
        << "98 8kB is outside the valid range for parameter \"temp_buffers\" (100 .. 1073741823)";
    QTest::newRow("ms 17 units in bounds")
        << 17 << "deadlock_timeout"
        << "400us"
        << "0 ms is outside the valid range for parameter \"deadlock_timeout\" (1 ms .. 2147483647 ms)";
    QTest::newRow("unitless") << 16 << "max_connections"
                              << "0"
                              << "0 is outside the valid range for parameter \"max_connections\" (1 .. 262143)";
    QTest::newRow("real") << 15 << "checkpoint_completion_target"
                          << "2"
                          << "2 is outside the valid range for parameter \"checkpoint_completion_target\" (0 .. 1)";
}

void tst_ValueParser::rangeMessages()
{
    QFETCH(int, major);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, message);
    const ParsedValue parsed = ValueParser::parse(*ParameterCatalog::forVersion(major).find(name), value, major);
    QCOMPARE(parsed.problem, ValueProblem::OutOfRange);
    QCOMPARE(parsed.message, message);
}

void tst_ValueParser::withUnit_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("text");
    QTest::newRow("blocks to MB") << 16384.0 << "8kB"
                                  << "128MB";
    QTest::newRow("blocks to GB") << 131072.0 << "8kB"
                                  << "1GB";
    QTest::newRow("blocks to kB") << 125.0 << "8kB"
                                  << "1000kB";
    QTest::newRow("kB to MB") << 4096.0 << "kB"
                              << "4MB";
    QTest::newRow("kB odd") << 1000.0 << "kB"
                            << "1000kB";
    QTest::newRow("MB to GB") << 1024.0 << "MB"
                              << "1GB";
    QTest::newRow("s to min") << 300.0 << "s"
                              << "5min";
    QTest::newRow("s to h") << 3600.0 << "s"
                            << "1h";
    QTest::newRow("s plain") << 45.0 << "s"
                             << "45s";
    QTest::newRow("ms to s") << 1000.0 << "ms"
                             << "1s";
    QTest::newRow("ms plain") << 250.0 << "ms"
                              << "250ms";
    QTest::newRow("min to d") << 1440.0 << "min"
                              << "1d";
    QTest::newRow("zero") << 0.0 << "ms"
                          << "0";
    QTest::newRow("minus one") << -1.0 << "kB"
                               << "-1";
}

void tst_ValueParser::withUnit()
{
    QFETCH(double, value);
    QFETCH(QString, unit);
    QFETCH(QString, text);
    QCOMPARE(ValueFormatter::withUnit(value, unit), text);
}

void tst_ValueParser::format_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("shared_buffers") << "shared_buffers"
                                    << "262144"
                                    << "2GB";
    QTest::newRow("work_mem") << "work_mem"
                              << "65536kB"
                              << "64MB";
    QTest::newRow("checkpoint_timeout") << "checkpoint_timeout"
                                        << "900"
                                        << "15min";
    QTest::newRow("bool") << "fsync"
                          << "TRUE"
                          << "on";
    QTest::newRow("enum hidden") << "wal_level"
                                 << "hot_standby"
                                 << "replica";
    QTest::newRow("real") << "random_page_cost"
                          << "1.10"
                          << "1.1";
    QTest::newRow("unitless") << "max_connections"
                              << "0x64"
                              << "100";
}

void tst_ValueParser::format()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, formatted);
    const ParameterInfo &info = *ParameterCatalog::forVersion(17).find(name);
    const ParsedValue parsed = ValueParser::parse(info, value, 17);
    QVERIFY(parsed.ok());
    QCOMPARE(ValueFormatter::format(info, parsed), formatted);
}

void tst_ValueParser::toToken_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("integer with unit") << "256MB" << QByteArray("256MB");
    QTest::newRow("negative") << "-1" << QByteArray("-1");
    QTest::newRow("real") << "0.9" << QByteArray("0.9");
    QTest::newRow("identifier") << "replica" << QByteArray("replica");
    QTest::newRow("unquoted string") << "Europe/Berlin" << QByteArray("Europe/Berlin");
    QTest::newRow("qualified id must be quoted") << "pg_catalog.english" << QByteArray("'pg_catalog.english'");
    QTest::newRow("ip address") << "127.0.0.1" << QByteArray("'127.0.0.1'");
    QTest::newRow("list") << "stderr,csvlog" << QByteArray("'stderr,csvlog'");
    QTest::newRow("star") << "*" << QByteArray("'*'");
    QTest::newRow("empty") << "" << QByteArray("''");
    QTest::newRow("quote and backslash") << "it's C:\\x" << QByteArray("'it''s C:\\\\x'");
    QTest::newRow("real with unit") << "0.5ms" << QByteArray("'0.5ms'");
    QTest::newRow("exponent") << "1e3" << QByteArray("'1e3'");
    QTest::newRow("space") << "4 MB" << QByteArray("'4 MB'");
}

void tst_ValueParser::toToken()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, token);
    QCOMPARE(ValueFormatter::toToken(value), token);
}

QTEST_GUILESS_MAIN(tst_ValueParser)
#include "tst_valueparser.moc"
