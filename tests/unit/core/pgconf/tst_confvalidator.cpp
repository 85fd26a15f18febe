#include "pgconf/conffilesettings.h"
#include "pgconf/confloader.h"
#include "pgconf/confvalidator.h"
#include "pgconf/parametercatalog.h"

#include <QJsonDocument>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::pgconf;

// The validator judges files as the server does (A4, A6, A8): `ok`, applied flags, error texts
// and conf.* codes. The corpus test compares the same things with real servers.
class tst_ConfValidator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate();
    void didYouMean();
    void versionMessages_data();
    void versionMessages();
    void duplicateNamesWinner();
    void sharedBuffersAgainstRam();
    void checkHooksAndBuilds_data();
    void checkHooksAndBuilds();
    void duplicateMessagesNameEachSpelling();
    void streamedRowsAreTheTreesText_data();
    void streamedRowsAreTheTreesText();

private:
    static ConfValidation run(const QByteArray &text, int major, std::optional<qint64> ram = {});
    static QString codes(const Diagnostics &diagnostics);
};

ConfValidation tst_ConfValidator::run(const QByteArray &text, int major, std::optional<qint64> ram)
{
    ConfLoader loader;
    loader.setOverride("/virtual/postgresql.conf", text);
    const ConfLoadResult load = loader.load("/virtual/postgresql.conf");
    ConfValidator validator(ParameterCatalog::forVersion(major), major);
    validator.setRamBytes(ram);
    return validator.validate(load);
}

QString tst_ConfValidator::codes(const Diagnostics &diagnostics)
{
    QStringList list;
    for (const Diagnostic &d : diagnostics)
        list.append(d.code);
    return list.join(',');
}

void tst_ConfValidator::validate_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("applied"); // one char per item: t / f
    QTest::addColumn<QString>("errors"); // per item, '|'-separated
    QTest::addColumn<QString>("codes");

    QTest::newRow("clean") << 17 << QByteArray("shared_buffers = 128MB\nwork_mem 4MB\n") << true << "tt"
                           << "|"
                           << "";
    QTest::newRow("unknown name refuses everything")
        << 17 << QByteArray("work_mem = 4MB\nshared_bufers = 1GB\n") << false << "ff"
        << "|unrecognized configuration parameter"
        << "conf.unknown-parameter";
    QTest::newRow("custom placeholder") << 17 << QByteArray("myapp.mode = 'x'\n") << true << "t"
                                        << ""
                                        << "";
    QTest::newRow("invalid value skips the line") << 17 << QByteArray("work_mem = 64mb\nport = 5433\n") << false << "ft"
                                                  << "setting could not be applied|"
                                                  << "conf.invalid-unit";
    QTest::newRow("out of range") << 17 << QByteArray("max_connections = 0\n") << false << "f"
                                  << "setting could not be applied"
                                  << "conf.out-of-range";
    QTest::newRow("bool") << 17 << QByteArray("fsync = maybe\n") << false << "f"
                          << "setting could not be applied"
                          << "conf.invalid-value";
    QTest::newRow("internal") << 17 << QByteArray("block_size = 8192\n") << false << "f"
                              << "setting could not be applied"
                              << "conf.internal-parameter";
    QTest::newRow("duplicate") << 17 << QByteArray("work_mem = 4MB\nwork_mem = 8MB\n") << true << "ft"
                               << "|"
                               << "conf.duplicate-parameter";
    QTest::newRow("case variants both applied") << 17 << QByteArray("Work_Mem = 4MB\nwork_mem = 8MB\n") << true << "tt"
                                                << "|"
                                                << "conf.duplicate-parameter";
    QTest::newRow("restart-only case variant")
        << 17 << QByteArray("Shared_Buffers = 64MB\nshared_buffers = 128MB\n") << true << "ft"
        << "setting could not be applied|"
        << "conf.duplicate-parameter";
    QTest::newRow("removed in 15") << 15 << QByteArray("stats_temp_directory = 'pg_stat_tmp'\n") << false << "f"
                                   << "unrecognized configuration parameter"
                                   << "conf.parameter-not-in-version";
    QTest::newRow("still there in 14") << 14 << QByteArray("stats_temp_directory = 'pg_stat_tmp'\n") << true << "t"
                                       << ""
                                       << "";
    QTest::newRow("legacy alias") << 17 << QByteArray("sort_mem = 1024\n") << true << "t"
                                  << ""
                                  << "";
    QTest::newRow("bom") << 17 << QByteArray("\xEF\xBB\xBFmax_connections = 10\n") << false << "f"
                         << "unrecognized configuration parameter"
                         << "conf.byte-order-mark";
    QTest::newRow("reserved prefix 15")
        << 15
        << QByteArray("shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.maxx = "
                      "10\npg_stat_statements.max = 10\n")
        << true << "tff"
        << "|setting could not be applied|setting could not be applied"
        << "conf.reserved-prefix,conf.module-invalid-value"; // max is at least 100: seen on Debian's 15
    QTest::newRow("no reservation in 14")
        << 14 << QByteArray("shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.maxx = 10\n") << true
        << "tt"
        << "|"
        << "";
    QTest::newRow("fsync off warns") << 17 << QByteArray("fsync = off\nfull_page_writes = false\n") << true << "tt"
                                     << "|"
                                     << "conf.fsync-off,conf.full-page-writes-off";
    QTest::newRow("listen everywhere without ssl") << 17 << QByteArray("listen_addresses = '*'\n") << true << "t"
                                                   << ""
                                                   << "conf.listen-all-without-ssl";
    QTest::newRow("listen everywhere with ssl")
        << 17 << QByteArray("listen_addresses = '*'\nssl = on\n") << true << "tt"
        << "|"
        << "";
    // Found by scripts/confdiff against servers 13-18.
    QTest::newRow("repeated custom name: as a server started with the file")
        << 17 << QByteArray("a.b = 1\na.b = 2\nA.b = 3\n") << true << "ftt"
        << "||"
        << "conf.duplicate-parameter,conf.duplicate-parameter";
    QTest::newRow("hidden parameter is_superuser is internal")
        << 13 << QByteArray("is_superuser = on\n") << false << "f"
        << "setting could not be applied"
        << "conf.internal-parameter";
    QTest::newRow("hidden parameter seed") << 18 << QByteArray("seed = 0.5\n") << true << "t"
                                           << ""
                                           << "";
    QTest::newRow("hidden parameter seed out of range") << 18 << QByteArray("seed = 2\n") << false << "f"
                                                        << "setting could not be applied"
                                                        << "conf.out-of-range";
    QTest::newRow("role none") << 16 << QByteArray("role = none\n") << true << "t"
                               << ""
                               << "";
    QTest::newRow("role refused at start-up, applied by the view")
        << 16 << QByteArray("role = postgres\n") << false << "t"
        << ""
        << "conf.invalid-value";
    QTest::newRow("session_authorization of a missing role")
        << 13 << QByteArray("session_authorization = nobody\n") << false << "f"
        << "setting could not be applied"
        << "conf.invalid-value";
    QTest::newRow("view refuses a missing tablespace")
        << 17 << QByteArray("default_tablespace = 'fast'\ntemp_tablespaces = 'fast'\n") << true << "ft"
        << "setting could not be applied|"
        << "conf.view-only-refusal";
    QTest::newRow("view refuses a missing access method")
        << 15 << QByteArray("default_table_access_method = HEAP\n") << true << "f"
        << "setting could not be applied"
        << "conf.view-only-refusal";
    QTest::newRow("view refuses transaction characteristics")
        << 14
        << QByteArray(
               "transaction_deferrable = off\ntransaction_isolation = serializable\ntransaction_read_only = on\n")
        << true << "fft"
        << "setting could not be applied|setting could not be applied|"
        << "conf.view-only-refusal,conf.view-only-refusal";
    QTest::newRow("view refuses unknown resource managers from 15")
        << 15 << QByteArray("wal_consistency_checking = 'heap, Btree'\nwal_consistency_checking = 'mine'\n") << true
        << "ff"
        << "|setting could not be applied"
        << "conf.view-only-refusal,conf.duplicate-parameter";
    QTest::newRow("view refuses a text search configuration that is not built in")
        << 16
        << QByteArray("default_text_search_config = 'pg_catalog.German'\ndefault_text_search_config = '\"German\"'\n")
        << true << "ff"
        << "|setting could not be applied"
        << "conf.unknown-text-search-config,conf.duplicate-parameter";
    QTest::newRow("syntax error stops") << 17 << QByteArray("work_mem = 4MB\nport = 1 2\n") << false << "f"
                                        << ""
                                        << "";
}

void tst_ConfValidator::validate()
{
    QFETCH(int, major);
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(QString, applied);
    QFETCH(QString, errors);
    QFETCH(QString, codes);
    const ConfValidation validation = run(text, major);
    QCOMPARE(validation.ok, ok);
    QString appliedFlags;
    QStringList errorTexts;
    for (const ConfItemVerdict &verdict : validation.items) {
        appliedFlags += verdict.applied ? 't' : 'f';
        errorTexts.append(verdict.error);
    }
    if (!text.contains("1 2")) {
        QCOMPARE(appliedFlags, applied);
        QCOMPARE(errorTexts.join('|'), errors);
    }
    QCOMPARE(tst_ConfValidator::codes(validation.diagnostics), codes);
    for (const Diagnostic &d : validation.diagnostics) {
        QVERIFY(d.line > 0);
        QVERIFY(d.column > 0);
        QVERIFY(!d.message.isEmpty());
        QCOMPARE(d.severity == Severity::Error, !ok && d.code != "conf.duplicate-parameter");
    }
}

void tst_ConfValidator::didYouMean()
{
    const ConfValidation validation = run("shared_bufers = 1GB\n", 17);
    QCOMPARE(validation.diagnostics.size(), 1);
    const Diagnostic &d = validation.diagnostics.first();
    QCOMPARE(d.code, QStringLiteral("conf.unknown-parameter"));
    QCOMPARE(d.severity, Severity::Error);
    QCOMPARE(d.line, 1);
    QCOMPARE(d.column, 1);
    QVERIFY2(d.suggestion.contains("\"shared_buffers\""), qPrintable(d.suggestion));
}

void tst_ConfValidator::versionMessages_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("added later") << 15 << QByteArray("debug_parallel_query = on\n") << "added in PostgreSQL 16";
    QTest::newRow("removed") << 17 << QByteArray("old_snapshot_threshold = -1\n") << "removed in PostgreSQL 17";
    QTest::newRow("removed 16") << 16 << QByteArray("force_parallel_mode = off\n") << "debug_parallel_query";
    QTest::newRow("out of range unit 17")
        << 17 << QByteArray("deadlock_timeout = '400us'\n") << "(1 ms .. 2147483647 ms)";
    QTest::newRow("out of range unit 16")
        << 16 << QByteArray("temp_buffers = 800000B\n") << "98 8kB is outside the valid range";
}

void tst_ConfValidator::versionMessages()
{
    QFETCH(int, major);
    QFETCH(QByteArray, text);
    QFETCH(QString, fragment);
    const ConfValidation validation = run(text, major);
    QCOMPARE(validation.diagnostics.size(), 1);
    const Diagnostic &d = validation.diagnostics.first();
    QVERIFY2((d.message + ' ' + d.suggestion).contains(fragment), qPrintable(d.message + " / " + d.suggestion));
}

void tst_ConfValidator::duplicateNamesWinner()
{
    ConfLoader loader;
    loader.setOverride("/virtual/postgresql.conf", "work_mem = 4MB\ninclude 'extra.conf'\n");
    loader.setOverride("/virtual/extra.conf", "\n\nwork_mem = 8MB\n");
    const ConfLoadResult load = loader.load("/virtual/postgresql.conf");
    const ConfValidation validation = ConfValidator(ParameterCatalog::forVersion(17), 17).validate(load);
    QVERIFY(validation.ok);
    QCOMPARE(validation.diagnostics.size(), 1);
    const Diagnostic &d = validation.diagnostics.first();
    QCOMPARE(d.code, QStringLiteral("conf.duplicate-parameter"));
    QCOMPARE(d.severity, Severity::Info);
    QCOMPARE(d.line, 1);
    QCOMPARE(d.related, QStringList {"extra.conf:3"});
    QVERIFY(d.message.contains("extra.conf:3"));
}

void tst_ConfValidator::sharedBuffersAgainstRam()
{
    const qint64 ram = 8LL * 1024 * 1024 * 1024;
    QCOMPARE(codes(run("shared_buffers = 4GB\n", 17, ram).diagnostics), QStringLiteral("conf.shared-buffers-ram"));
    QCOMPARE(codes(run("shared_buffers = 2GB\n", 17, ram).diagnostics), QString());
    QCOMPARE(codes(run("shared_buffers = 4GB\n", 17).diagnostics), QString());
}

// Check hooks (time zones, locales, ...) and values that need a build feature: errors where the
// server refuses them whatever it runs on, warnings where it depends on the server's build or
// machine and pgdial does not know them (ConfServerFacts).
void tst_ConfValidator::checkHooksAndBuilds_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("facts"); // unknown | here-lz4 | here
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("applied");
    QTest::addColumn<QString>("codes");

    QTest::newRow("zone, POSIX spec, hours")
        << 17 << QByteArray("timezone = 'Europe/Berlin'\nlog_timezone = '<+03>-3'\n") << "unknown" << true << "tt"
        << "";
    QTest::newRow("zone names ignore case")
        << 17 << QByteArray("timezone = 'AMERICA/new_york'\n") << "unknown" << true << "t"
        << "";
    QTest::newRow("hours for timezone") << 17 << QByteArray("timezone = '-7.5'\n") << "unknown" << true << "t"
                                        << "";
    QTest::newRow("rtt with zone") << 17 << QByteArray("recovery_target_time = '2024-05-01 10:00:00+00'\n") << "unknown"
                                   << true << "t"
                                   << "";
    QTest::newRow("rtt without zone") << 17 << QByteArray("recovery_target_time = '2024-05-01 10:00:00'\n") << "unknown"
                                      << true << "t"
                                      << "";
    QTest::newRow("rtt date only") << 17 << QByteArray("recovery_target_time = '2024-05-01'\n") << "unknown" << true
                                   << "t"
                                   << "";
    QTest::newRow("rtt words and zone") << 17 << QByteArray("recovery_target_time = 'May 1 2024 10:00 UTC'\n")
                                        << "unknown" << true << "t"
                                        << "";
    QTest::newRow("rtt leap day") << 17 << QByteArray("recovery_target_time = '2024-02-29 00:00'\n") << "unknown"
                                  << true << "t"
                                  << "";
    QTest::newRow("rtt end of day") << 17 << QByteArray("recovery_target_time = '2024-05-01 24:00:00'\n") << "unknown"
                                    << true << "t"
                                    << "";
    QTest::newRow("rtt garbage") << 17 << QByteArray("recovery_target_time = 'garbage'\n") << "unknown" << false << "f"
                                 << "conf.invalid-value";
    QTest::newRow("rtt allballs") << 17 << QByteArray("recovery_target_time = 'allballs'\n") << "unknown" << false
                                  << "f"
                                  << "conf.invalid-value";
    QTest::newRow("rtt month 13") << 17 << QByteArray("recovery_target_time = '2024-13-01'\n") << "unknown" << false
                                  << "f"
                                  << "conf.invalid-value";
    QTest::newRow("rtt hour 25") << 17 << QByteArray("recovery_target_time = '2024-05-01 25:00'\n") << "unknown"
                                 << false << "f"
                                 << "conf.invalid-value";
    QTest::newRow("rtt no leap day") << 17 << QByteArray("recovery_target_time = '2023-02-29'\n") << "unknown" << false
                                     << "f"
                                     << "conf.invalid-value";
    QTest::newRow("rtt now") << 17 << QByteArray("recovery_target_time = 'now'\n") << "unknown" << false << "f"
                             << "conf.invalid-value";
    QTest::newRow("rtt epoch") << 17 << QByteArray("recovery_target_time = 'epoch'\n") << "unknown" << false << "f"
                               << "conf.invalid-value";
    QTest::newRow("168 hours out of range") << 17 << QByteArray("timezone = '168'\n") << "unknown" << false << "f"
                                            << "conf.invalid-value";
    QTest::newRow("abbreviation is no zone") << 17 << QByteArray("timezone = 'PST'\n") << "unknown" << false << "f"
                                             << "conf.invalid-value";
    QTest::newRow("POSIX with rules") << 17 << QByteArray("log_timezone = 'PST8PDT,M3.2.0,M11.1.0/3'\n") << "unknown"
                                      << true << "t"
                                      << "";
    QTest::newRow("POSIX bad rule") << 17 << QByteArray("log_timezone = 'AAA3BBB,M13.2.0,M11.1.0'\n") << "unknown"
                                    << false << "f"
                                    << "conf.invalid-value";
    QTest::newRow("empty time zone") << 17 << QByteArray("log_timezone = ''\n") << "unknown" << false << "f"
                                     << "conf.invalid-value";
    QTest::newRow("posix/ copy needs system tzdata")
        << 17 << QByteArray("timezone = 'posix/Europe/Berlin'\n") << "unknown" << true << "t"
        << "conf.system-tzdata";
    QTest::newRow("right/ uses leap seconds")
        << 17 << QByteArray("timezone = 'right/UTC'\n") << "unknown" << false << "f"
        << "conf.invalid-value";
    QTest::newRow("lc_messages empty") << 17 << QByteArray("lc_messages = ''\n") << "unknown" << false << "f"
                                       << "conf.invalid-value";
    QTest::newRow("missing locale elsewhere: warning")
        << 17 << QByteArray("lc_numeric = 'xx_XX.UTF-8'\n") << "unknown" << true << "t"
        << "conf.machine-dependent-value";
    QTest::newRow("no locale anywhere: error")
        << 13 << QByteArray("lc_messages = '::1'\nlc_time = 'SQL, DMY'\n") << "unknown" << false << "ff"
        << "conf.invalid-value,conf.invalid-value";
    QTest::newRow("windows locale elsewhere: warning")
        << 17 << QByteArray("lc_monetary = 'English_United States.1252'\n") << "unknown" << true << "t"
        << "conf.machine-dependent-value";
    QTest::newRow("missing locale here: error")
        << 17 << QByteArray("lc_numeric = 'xx_XX.UTF-8'\n") << "here" << false << "f"
        << "conf.invalid-value";
    QTest::newRow("abbreviation files") << 17 << QByteArray("timezone_abbreviations = 'India'\n") << "unknown" << true
                                        << "t"
                                        << "";
    QTest::newRow("abbreviation file case")
        << 17 << QByteArray("timezone_abbreviations = 'india'\n") << "unknown" << false << "f"
        << "conf.invalid-value";
    QTest::newRow("client_encoding alias")
        << 17 << QByteArray("client_encoding = 'ISO-8859-1'\n") << "unknown" << true << "t"
        << "";
    QTest::newRow("client_encoding unknown")
        << 17 << QByteArray("client_encoding = 'utf-9'\n") << "unknown" << false << "f"
        << "conf.invalid-value";
    QTest::newRow("slot name") << 17 << QByteArray("primary_slot_name = 'Standby'\n") << "unknown" << false << "f"
                               << "conf.invalid-value";
    QTest::newRow("backtrace_functions") << 17 << QByteArray("backtrace_functions = 'a-b'\n") << "unknown" << false
                                         << "f"
                                         << "conf.invalid-value";
    QTest::newRow("io_max_concurrency 0 refused on 18")
        << 18 << QByteArray("io_max_concurrency = 0\n") << "unknown" << false << "f"
        << "conf.invalid-value";
    QTest::newRow("io_max_concurrency -1 and 1 on 18")
        << 18 << QByteArray("io_max_concurrency = -1\nio_max_concurrency = 1\n") << "unknown" << true << "ft"
        << "conf.duplicate-parameter";
    QTest::newRow("SLRU multiple of 16") << 17 << QByteArray("notify_buffers = 24\n") << "unknown" << false << "f"
                                         << "conf.invalid-value";
    QTest::newRow("SLRU 0 is auto") << 17 << QByteArray("transaction_buffers = 0\n") << "unknown" << true << "t"
                                    << "";
    // The server starts with it; pg_file_settings (a query in a new cluster's database) lists it as not applied.
    QTest::newRow("text search config unknown")
        << 17 << QByteArray("default_text_search_config = 'public.mine'\n") << "unknown" << true << "f"
        << "conf.unknown-text-search-config";
    QTest::newRow("text search config built in")
        << 14 << QByteArray("default_text_search_config = 'pg_catalog.Yiddish'\n") << "unknown" << true << "t"
        << "";
    QTest::newRow("standby names grammar")
        << 17 << QByteArray("synchronous_standby_names = 'FIRST 2 (a, \"b c\", *)'\n") << "unknown" << true << "t"
        << "";
    QTest::newRow("standby names: FIRST without a number")
        << 13 << QByteArray("synchronous_standby_names = 'first (a)'\n") << "unknown" << false << "f"
        << "conf.invalid-value";
    QTest::newRow("standby names: ANY 0")
        << 17 << QByteArray("synchronous_standby_names = 'ANY 0 (a)'\n") << "unknown" << false << "f"
        << "conf.invalid-value";
    QTest::newRow("standby names: a number alone is a name")
        << 17 << QByteArray("synchronous_standby_names = '2'\n") << "unknown" << true << "t"
        << "";
    QTest::newRow("recovery_target is immediate")
        << 17 << QByteArray("recovery_target = 'Immediate'\n") << "unknown" << false << "f"
        << "conf.invalid-value";
    QTest::newRow("LSN") << 17 << QByteArray("recovery_target_lsn = '123456789/0'\n") << "unknown" << false << "f"
                         << "conf.invalid-value";
    QTest::newRow("two recovery targets")
        << 17 << QByteArray("recovery_target_lsn = '0/1A2B'\nrecovery_target_name = ''\n") << "unknown" << false << "tt"
        << "conf.multiple-recovery-targets";
    QTest::newRow("empty target first is fine")
        << 17 << QByteArray("recovery_target_name = ''\nrecovery_target_lsn = '0/1A2B'\n") << "unknown" << true << "tt"
        << "";
    QTest::newRow("wal_consistency_checking names before 15")
        << 14 << QByteArray("wal_consistency_checking = 'nosuch'\n") << "unknown" << false << "f"
        << "conf.invalid-value";
    QTest::newRow("wal_consistency_checking custom from 15")
        << 15 << QByteArray("wal_consistency_checking = 'nosuch'\n") << "unknown" << true << "f"
        << "conf.view-only-refusal";
    QTest::newRow("createrole_self_grant keywords")
        << 17 << QByteArray("createrole_self_grant = 'set, bogus'\n") << "unknown" << false << "f"
        << "conf.invalid-value";
    QTest::newRow("preloaded module: bad value warns")
        << 15
        << QByteArray("shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.max = "
                      "'abc'\npg_stat_statements.track = top\n")
        << "unknown" << true << "tft"
        << "conf.module-invalid-value";
    QTest::newRow("preloaded module: unknown name warns")
        << 17
        << QByteArray("shared_preload_libraries = 'auto_explain'\nauto_explain.log_serialize = "
                      "on\nauto_explain.sample_rate = 2\n")
        << "unknown" << true << "tff"
        << "conf.reserved-prefix,conf.module-invalid-value";
    QTest::newRow("module not preloaded: placeholder")
        << 17 << QByteArray("pg_stat_statements.max = 'abc'\n") << "unknown" << true << "t"
        << "";
    QTest::newRow("lz4, build unknown") << 17 << QByteArray("wal_compression = lz4\ndefault_toast_compression = LZ4\n")
                                        << "unknown" << true << "tt"
                                        << "conf.build-dependent-value,conf.build-dependent-value";
    QTest::newRow("lz4, build has it") << 17 << QByteArray("wal_compression = lz4\n") << "here-lz4" << true << "t"
                                       << "";
    QTest::newRow("lz4, build lacks it") << 16 << QByteArray("wal_compression = lz4\n") << "here" << false << "f"
                                         << "conf.invalid-value";
    QTest::newRow("lz4 in the generating build too")
        << 15 << QByteArray("wal_compression = zstd\n") << "unknown" << true << "t"
        << "conf.build-dependent-value";
    QTest::newRow("lz4 before 15: a boolean")
        << 14 << QByteArray("wal_compression = lz4\n") << "unknown" << false << "f"
        << "conf.invalid-value";
    QTest::newRow("no value exists anywhere")
        << 17 << QByteArray("wal_compression = lz5\n") << "unknown" << false << "f"
        << "conf.invalid-value";
    QTest::newRow("io_uring") << 18 << QByteArray("io_method = io_uring\n") << "unknown" << true << "t"
                              << "conf.build-dependent-value";
    QTest::newRow("bonjour off is fine") << 17 << QByteArray("bonjour = off\n") << "unknown" << true << "t"
                                         << "";
    QTest::newRow("bonjour on") << 17 << QByteArray("bonjour = on\n") << "unknown" << true << "t"
                                << "conf.build-dependent-value";
    QTest::newRow("bonjour on, build known") << 17 << QByteArray("bonjour = on\n") << "here" << false << "f"
                                             << "conf.invalid-value";
    QTest::newRow("ssl presumed") << 17 << QByteArray("ssl = on\n") << "unknown" << true << "t"
                                  << "";
    QTest::newRow("ssl known absent") << 17 << QByteArray("ssl = on\n") << "here" << false << "f"
                                      << "conf.invalid-value";
}

void tst_ConfValidator::checkHooksAndBuilds()
{
    QFETCH(int, major);
    QFETCH(QByteArray, text);
    QFETCH(QString, facts);
    QFETCH(bool, ok);
    QFETCH(QString, applied);
    QFETCH(QString, codes);
    ConfLoader loader;
    loader.setOverride("/virtual/postgresql.conf", text);
    const ConfLoadResult load = loader.load("/virtual/postgresql.conf");
    ConfValidator validator(ParameterCatalog::forVersion(major), major);
    if (facts != "unknown") {
        ConfServerFacts serverFacts;
        serverFacts.runsOnThisMachine = true;
        serverFacts.buildFeatures = QSet<QString>();
        if (facts == "here-lz4")
            serverFacts.buildFeatures->insert("lz4");
        validator.setServerFacts(serverFacts);
    }
    const ConfValidation validation = validator.validate(load);
    QString appliedFlags;
    for (const ConfItemVerdict &verdict : validation.items)
        appliedFlags += verdict.applied ? 't' : 'f';
    QCOMPARE(tst_ConfValidator::codes(validation.diagnostics), codes);
    QCOMPARE(validation.ok, ok);
    QCOMPARE(appliedFlags, applied);
    for (const Diagnostic &d : validation.diagnostics)
        QCOMPARE(d.severity == Severity::Error,
                 d.code == "conf.invalid-value" || d.code == "conf.multiple-recovery-targets");
}

QTEST_GUILESS_MAIN(tst_ConfValidator)
#include "tst_confvalidator.moc"

void tst_ConfValidator::duplicateMessagesNameEachSpelling()
{
    // The duplicate texts are shared per winning line; a custom name spelled two ways keeps its
    // own spelling in each message.
    const ConfValidation validation = run("myext.a = 1\nMyExt.A = 2\nmyext.a = 3\nwork_mem = 1MB\nWORK_MEM = 2MB\n"
                                          "work_mem = 3MB\n",
                                          17);
    QStringList messages;
    for (const Diagnostic &d : validation.diagnostics) {
        if (d.code == "conf.duplicate-parameter")
            messages << QString("%1 %2 %3").arg(d.line).arg(d.parameter, d.related.join(','));
    }
    QCOMPARE(messages,
             QStringList({"1 myext.a postgresql.conf:3", "2 MyExt.A postgresql.conf:3", "4 work_mem postgresql.conf:6",
                          "5 work_mem postgresql.conf:6"}));
    for (const Diagnostic &d : validation.diagnostics) {
        if (d.line == 2)
            QVERIFY2(d.message.startsWith("\"MyExt.A\" is set again at postgresql.conf:3"), qPrintable(d.message));
    }
}

void tst_ConfValidator::streamedRowsAreTheTreesText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("included");
    QTest::newRow("byte order mark: refused, kept in the name")
        << QByteArray("\xef\xbb\xbfwork_mem = 4MB\nwork_mem = 8MB\n") << QByteArray();
    QTest::newRow("non-ASCII, escapes, duplicates")
        << QByteArray("work_mem = 4MB\nwork_mem = 8MB\napplication_name = 'caf\xc3\xa9 \\t \\\\ \\' \"'\n"
                      "myext.x = 'bad \xff utf8'\nmyext.y = '\\001'\ninclude 'other.conf'\nwork_mem = 16MB\n")
        << QByteArray("shared_buffers = 128MB\nshared_buffers = 256MB\n");
    QTest::newRow("syntax error in an include: error rows")
        << QByteArray("work_mem = 4MB\ninclude 'other.conf'\nx = 1\n") << QByteArray("a = = b\nwork_mem = 1MB\n");
    QTest::newRow("unknown name: refused") << QByteArray("shared_bufers = 1GB\nwork_mem = 1MB\n") << QByteArray();
    QTest::newRow("missing include") << QByteArray("include 'nowhere.conf'\nwork_mem = 1MB\n") << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void tst_ConfValidator::streamedRowsAreTheTreesText()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, included);
    ConfLoader loader;
    loader.setDiskAccess(false);
    loader.setOverride("/virtual/postgresql.conf", text);
    if (!included.isEmpty())
        loader.setOverride("/virtual/other.conf", included);
    const ConfLoadResult load = loader.load("/virtual/postgresql.conf");
    const ConfValidation validation = ConfValidator(ParameterCatalog::forVersion(17), 17).validate(load);
    for (const ConfValidation *judged : {&validation, static_cast<const ConfValidation *>(nullptr)}) {
        QByteArray streamed;
        {
            JsonWriter writer([&](QByteArrayView piece) { streamed += piece; });
            writeConfFileSettingsJson(writer, load, judged);
        }
        const QByteArray tree
            = QJsonDocument(confFileSettingsToJson(confFileSettings(load, judged))).toJson(QJsonDocument::Indented);
        QCOMPARE(streamed, tree);
    }
}
