#include "pgconf/confloader.h"
#include "pgconf/confvalidator.h"
#include "pgconf/parametercatalog.h"
#include "pgconf/startupchecks.h"

#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::pgconf;

// The checks real servers make after reading the file (value combinations, process count, WAL
// sizes), through ConfValidator. The boundaries were read from servers 13-18 by starting them;
// tst_pgconf_server's startup-* corpus cases repeat the ones a test machine can afford to start.
class tst_StartupChecks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void serverWording_data();
    void serverWording();
    void archiveCommandAndLibrary();

private:
    static ConfValidation run(const QByteArray &text, int major);
};

ConfValidation tst_StartupChecks::run(const QByteArray &text, int major)
{
    ConfLoader loader;
    loader.setOverride("/virtual/postgresql.conf", text);
    loader.setOverride("/virtual/extra.conf", "wal_level = minimal\n");
    const ConfLoadResult load = loader.load("/virtual/postgresql.conf");
    return ConfValidator(ParameterCatalog::forVersion(major), major).validate(load);
}

void tst_StartupChecks::check_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("majors"); // where the row holds, e.g. "13-18" or "16-18"
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("code"); // of the error (empty when ok)
    QTest::addColumn<int>("line"); // where it sits
    QTest::addColumn<QString>("related"); // the other lines it names, ','-separated

    QTest::newRow("wal_level minimal alone: max_wal_senders defaults to 10")
        << QByteArray("wal_level = minimal\n") << "13-18" << false << "conf.startup-conflict" << 1 << "";
    QTest::newRow("minimal without senders")
        << QByteArray("wal_level = minimal\nmax_wal_senders = 0\n") << "13-18" << true << "" << 0 << "";
    QTest::newRow("senders then minimal: on the later line")
        << QByteArray("max_wal_senders = 2\nwal_level = minimal\n") << "13-18" << false << "conf.startup-conflict" << 2
        << "postgresql.conf:1";
    QTest::newRow("archive_mode with minimal")
        << QByteArray("wal_level = minimal\nmax_wal_senders = 0\narchive_mode = on\n") << "13-18" << false
        << "conf.startup-conflict" << 3 << "postgresql.conf:1";
    QTest::newRow("archive_mode always with minimal")
        << QByteArray("archive_mode = always\nwal_level = minimal\nmax_wal_senders = 0\n") << "13-18" << false
        << "conf.startup-conflict" << 2 << "postgresql.conf:1";
    QTest::newRow("hidden spelling archive is replica")
        << QByteArray("wal_level = archive\n") << "13-18" << true << "" << 0 << "";
    QTest::newRow("minimal from an include, senders after it")
        << QByteArray("include 'extra.conf'\nmax_wal_senders = 3\n") << "13-18" << false << "conf.startup-conflict" << 2
        << "extra.conf:1";
    QTest::newRow("summarize_wal with minimal")
        << QByteArray("wal_level = minimal\nmax_wal_senders = 0\nsummarize_wal = on\n") << "17-18" << false
        << "conf.startup-conflict" << 3 << "postgresql.conf:1";
    QTest::newRow("reserved equals max_connections")
        << QByteArray("max_connections = 3\n") << "13-18" << false << "conf.startup-conflict" << 1 << "";
    QTest::newRow("one ordinary slot left") << QByteArray("max_connections = 4\n") << "13-18" << true << "" << 0 << "";
    QTest::newRow("superuser reserved raised")
        << QByteArray("max_connections = 10\nsuperuser_reserved_connections = 10\n") << "13-18" << false
        << "conf.startup-conflict" << 2 << "postgresql.conf:1";
    QTest::newRow("reserved_connections counts from 16")
        << QByteArray("max_connections = 10\nreserved_connections = 7\n") << "16-18" << false << "conf.startup-conflict"
        << 2 << "postgresql.conf:1";
    QTest::newRow("reserved_connections boundary")
        << QByteArray("max_connections = 10\nreserved_connections = 6\n") << "16-18" << true << "" << 0 << "";
    QTest::newRow("min_wal_size under two segments")
        << QByteArray("min_wal_size = 31MB\n") << "13-18" << false << "conf.wal-size-too-small" << 1 << "";
    QTest::newRow("min_wal_size two segments")
        << QByteArray("min_wal_size = 32MB\n") << "13-18" << true << "" << 0 << "";
    QTest::newRow("max_wal_size under two segments") << QByteArray("min_wal_size = 32MB\nmax_wal_size = 31MB\n")
                                                     << "13-18" << false << "conf.wal-size-too-small" << 2 << "";
    QTest::newRow("max_wal_size in GB is fine")
        << QByteArray("max_wal_size = 1GB\n") << "13-18" << true << "" << 0 << "";
    // Process count: 13-16 allow connections + autovacuum workers + 1 + worker processes + WAL
    // senders up to 262143 (defaults 3, 8, 10); 17 adds two special workers after reading; 18
    // counts autovacuum_worker_slots (16) and the two special workers.
    QTest::newRow("processes: hook limit 13-16")
        << QByteArray("max_connections = 262121\n") << "13-16" << true << "" << 0 << "";
    QTest::newRow("processes: over the hook limit")
        << QByteArray("max_connections = 262122\n") << "13-17" << false << "conf.too-many-processes" << 1 << "";
    QTest::newRow("processes: 17 counts special workers")
        << QByteArray("max_connections = 262121\n") << "17-17" << false << "conf.too-many-processes" << 1 << "";
    QTest::newRow("processes: 17 boundary")
        << QByteArray("max_connections = 262120\n") << "17-17" << true << "" << 0 << "";
    QTest::newRow("processes: 18 boundary")
        << QByteArray("max_connections = 262107\n") << "18-18" << true << "" << 0 << "";
    QTest::newRow("processes: 18 over") << QByteArray("max_connections = 262108\n") << "18-18" << false
                                        << "conf.too-many-processes" << 1 << "";
    QTest::newRow("processes: the line that tips it, 13-17")
        << QByteArray("max_worker_processes = 200\nmax_connections = 262000\nmax_wal_senders = 5\n") << "13-17" << false
        << "conf.too-many-processes" << 2 << "";
    QTest::newRow("processes: the last line involved, 18")
        << QByteArray("max_worker_processes = 200\nmax_connections = 262000\nmax_wal_senders = 5\n") << "18-18" << false
        << "conf.too-many-processes" << 3 << "postgresql.conf:1,postgresql.conf:2";
}

void tst_StartupChecks::check()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, majors);
    QFETCH(bool, ok);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(QString, related);
    const int first = majors.section('-', 0, 0).toInt();
    const int last = majors.section('-', 1, 1).toInt();
    for (int major = first; major <= last; ++major) {
        const ConfValidation validation = run(text, major);
        QVERIFY2(validation.ok == ok, qPrintable(QString("PG%1").arg(major)));
        QStringList errors;
        for (const Diagnostic &d : validation.diagnostics) {
            if (d.severity == Severity::Error)
                errors.append(d.code);
        }
        if (ok) {
            QVERIFY2(errors.isEmpty(), qPrintable(QString("PG%1: %2").arg(major).arg(errors.join(','))));
            continue;
        }
        QCOMPARE(errors, QStringList {code});
        const Diagnostic &d = *std::find_if(validation.diagnostics.cbegin(), validation.diagnostics.cend(),
                                            [](const Diagnostic &x) { return x.severity == Severity::Error; });
        QVERIFY2(d.line == line, qPrintable(QString("PG%1: line %2").arg(major).arg(d.line)));
        QCOMPARE(d.related.join(','), related);
        QVERIFY(!d.suggestion.isEmpty());
        QVERIFY(!d.parameter.isEmpty());
    }
}

void tst_StartupChecks::serverWording_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("15 reserved") << 15 << QByteArray("max_connections = 3\n")
                                 << "superuser_reserved_connections (3) must be less than max_connections (3)";
    QTest::newRow("16 reserved")
        << 16 << QByteArray("max_connections = 3\n")
        << "superuser_reserved_connections (3) plus reserved_connections (0) must be less than max_connections (3)";
    QTest::newRow("17 reserved") << 17 << QByteArray("max_connections = 3\n")
                                 << "\"superuser_reserved_connections\" (3) plus \"reserved_connections\" (0) must be "
                                    "less than \"max_connections\" (3)";
    QTest::newRow("16 streaming")
        << 16 << QByteArray("wal_level = minimal\n")
        << "WAL streaming (max_wal_senders > 0) requires wal_level \"replica\" or \"logical\"";
    QTest::newRow("17 streaming")
        << 17 << QByteArray("wal_level = minimal\n")
        << "WAL streaming (\"max_wal_senders\" > 0) requires \"wal_level\" to be \"replica\" or \"logical\"";
    QTest::newRow("default named") << 17 << QByteArray("wal_level = minimal\n") << "max_wal_senders = 10 (the default)";
    QTest::newRow("13 archival") << 13 << QByteArray("wal_level = minimal\nmax_wal_senders = 0\narchive_mode = on\n")
                                 << "WAL archival cannot be enabled when wal_level is \"minimal\"";
    QTest::newRow("18 processes")
        << 18 << QByteArray("max_connections = 262108\n")
        << "\"max_connections\" (262108) plus \"autovacuum_worker_slots\" (16) plus \"max_worker_processes\" (8) "
           "plus \"max_wal_senders\" (10) must be less than 262142";
    QTest::newRow("14 processes hook") << 14 << QByteArray("max_connections = 262122\n")
                                       << "invalid value for parameter \"max_connections\": 262122";
    QTest::newRow("wal size") << 17 << QByteArray("min_wal_size = 20MB\n")
                              << "\"min_wal_size\" must be at least twice \"wal_segment_size\"";
    QTest::newRow("wal size assumes initdb's default")
        << 17 << QByteArray("min_wal_size = 20MB\n") << "initdb's default 16MB";
}

void tst_StartupChecks::serverWording()
{
    QFETCH(int, major);
    QFETCH(QByteArray, text);
    QFETCH(QString, fragment);
    const ConfValidation validation = run(text, major);
    QStringList messages;
    for (const Diagnostic &d : validation.diagnostics)
        messages.append(d.message);
    QVERIFY2(messages.join('\n').contains(fragment), qPrintable(messages.join('\n')));
}

void tst_StartupChecks::archiveCommandAndLibrary()
{
    const QByteArray both(
        "archive_mode = on\narchive_command = 'cp %p /archive/%f'\narchive_library = 'basic_archive'\n");
    const QByteArray cleared(
        "archive_library = 'basic_archive'\narchive_command = 'cp %p /archive/%f'\narchive_command = ''\n");
    for (int major = 15; major <= 18; ++major) { // archive_library came with 15
        const ConfValidation validation = run(both, major);
        QVERIFY(validation.ok); // the server starts; only its archiver fails
        const auto found
            = std::find_if(validation.diagnostics.cbegin(), validation.diagnostics.cend(),
                           [](const Diagnostic &d) { return d.code == "conf.archive-command-and-library"; });
        QCOMPARE(found != validation.diagnostics.cend(), major >= 16); // 15 archives with the library
        if (found != validation.diagnostics.cend()) {
            QCOMPARE(found->severity, Severity::Warning);
            QCOMPARE(found->line, 3);
            QCOMPARE(found->related.join(','), QString("postgresql.conf:2"));
            QVERIFY(!found->suggestion.isEmpty());
        }
        for (const Diagnostic &d : run(cleared, major).diagnostics)
            QVERIFY2(d.code != "conf.archive-command-and-library", qPrintable(d.message));
    }
}

QTEST_GUILESS_MAIN(tst_StartupChecks)
#include "tst_startupchecks.moc"
