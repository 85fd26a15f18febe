#include "support/clirunner.h"
#include "support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using pgdial::test::runCli;

namespace {

QStringList args(const char *text)
{
    return QString::fromLatin1(text).split(u' ', Qt::SkipEmptyParts);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_CliTune final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pgtuneConfByteForByte();
    void pgtuneAlterSystem();
    void pgtuneJson();
    void pgdialJson();
    void detectsMachineWithoutRam();
    void usageErrors_data();
    void usageErrors();
    void againstDiff();
    void projectFolder();
    void applyAndBackup();
    void poolGuideExample();
    void poolProjectOverflows();
    void poolJsonPgBouncer();
    void poolUsageErrors();
};

void tst_CliTune::pgtuneConfByteForByte()
{
    const auto run = runCli(args("tune --profile pgtune --ram 16GB --pg-version 17"));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out,
             QByteArray("# WARNING\n"
                        "# wal_compression = lz4 requires PostgreSQL\n"
                        "# to be compiled with --with-lz4\n"
                        "\n"
                        "# DB Version: 17\n"
                        "# OS Type: linux\n"
                        "# DB Type: web\n"
                        "# Total Memory (RAM): 16 GB\n"
                        "# Data Storage: ssd\n"
                        "\n"
                        "max_connections = 200\n"
                        "shared_buffers = 4GB\n"
                        "effective_cache_size = 12GB\n"
                        "maintenance_work_mem = 1GB\n"
                        "checkpoint_completion_target = 0.9\n"
                        "wal_buffers = 16MB\n"
                        "default_statistics_target = 100\n"
                        "random_page_cost = 1.1\n"
                        "effective_io_concurrency = 200\n"
                        "work_mem = 20164kB\n"
                        "huge_pages = try\n"
                        "jit = off\n"
                        "wal_compression = lz4\n"
                        "min_wal_size = 1GB\n"
                        "max_wal_size = 4GB\n"));
}

void tst_CliTune::pgtuneAlterSystem()
{
    const auto run = runCli(args("tune --profile pgtune --ram 2TB --cpus 64 --workload dw --storage nvme "
                                 "--pg-version 18 --os mac --format alter-system"));
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("-- WARNING\n-- this tool not being optimal\n-- for very high memory systems\n-- \n"
                               "-- wal_compression = lz4 requires PostgreSQL\n"));
    QVERIFY(run.out.contains("-- Total Memory (RAM): 2 TB\n-- CPUs num: 64\n-- Data Storage: nvme\n\n"
                             "ALTER SYSTEM SET max_connections = '40';\n"));
    QVERIFY(run.out.contains("ALTER SYSTEM SET io_method = 'worker';\nALTER SYSTEM SET io_workers = '16';\n"));
    // Then what makes them apply: a reload, and a restart for those a reload does not apply.
    QVERIFY(run.out.contains("ALTER SYSTEM SET max_parallel_maintenance_workers = '4';\n\n"
                             "-- Needs a server restart (pg_reload_conf() does not apply it): max_connections, "
                             "shared_buffers, "));
    QVERIFY(run.out.endsWith("\nSELECT pg_reload_conf();\n"));
    QVERIFY(!run.out.contains("work_mem, ")); // a reload applies it
}

void tst_CliTune::pgtuneJson()
{
    const auto run = runCli(args("tune --profile pgtune --ram 8GB --cpus 4 --connections 100 --pg-version 14 "
                                 "--format json"));
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonObject doc = QJsonDocument::fromJson(run.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.value(QStringLiteral("warnings")).toArray().size(), 0);
    const QJsonObject settings = doc.value(QStringLiteral("settings")).toObject();
    QCOMPARE(settings.value(QStringLiteral("max_connections")).toString(), QStringLiteral("100"));
    QCOMPARE(settings.value(QStringLiteral("shared_buffers")).toString(), QStringLiteral("2GB"));
    QCOMPARE(settings.value(QStringLiteral("wal_compression")).toString(), QStringLiteral("on"));
    // Order is PGTune's: the raw text keeps it.
    QVERIFY(run.out.indexOf("\"max_connections\"") < run.out.indexOf("\"shared_buffers\""));
    QVERIFY(run.out.indexOf("\"max_wal_size\"") < run.out.indexOf("\"max_worker_processes\""));
}

void tst_CliTune::pgdialJson()
{
    const auto run = runCli(args("tune --ram 16GB --cpus 8 --pool-demand 58 --format json"));
    QCOMPARE(run.exitCode, 0);
    const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(doc.value(QStringLiteral("settings")).toObject().value(QStringLiteral("max_connections")).toString(),
             QStringLiteral("80"));
    const QJsonObject details = doc.value(QStringLiteral("details")).toObject();
    QVERIFY(details.value(QStringLiteral("shared_buffers")).toObject().value(QStringLiteral("restart")).toBool());
    QVERIFY(!details.value(QStringLiteral("work_mem")).toObject().value(QStringLiteral("reason")).toString().isEmpty());
}

void tst_CliTune::detectsMachineWithoutRam()
{
    const auto run = runCli(args("tune --profile pgtune --format json"));
    QCOMPARE(run.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(run.out)
                .object()
                .value(QStringLiteral("settings"))
                .toObject()
                .contains(QStringLiteral("shared_buffers")));
}

void tst_CliTune::usageErrors_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::newRow("ram below 512MB") << "tune --ram 256MB";
    QTest::newRow("ram garbage") << "tune --ram lots";
    QTest::newRow("connections below 20") << "tune --ram 8GB --connections 10";
    QTest::newRow("storage") << "tune --ram 8GB --storage floppy";
    QTest::newRow("workload") << "tune --ram 8GB --workload batch";
    QTest::newRow("db size") << "tune --ram 8GB --db-size huge";
    QTest::newRow("os") << "tune --ram 8GB --os beos";
    QTest::newRow("pgdial before 13") << "tune --ram 8GB --pg-version 12";
    QTest::newRow("pgtune before 10") << "tune --ram 8GB --pg-version 9 --profile pgtune";
    QTest::newRow("profile") << "tune --ram 8GB --profile timescale";
    QTest::newRow("format") << "tune --ram 8GB --format yaml";
    QTest::newRow("apply without against") << "tune --ram 8GB --apply";
    QTest::newRow("missing file") << "tune --ram 8GB --against /nonexistent/postgresql.conf";
}

void tst_CliTune::usageErrors()
{
    QFETCH(QString, arguments);
    const auto run = runCli(arguments.split(u' '));
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.err.isEmpty());
}

void tst_CliTune::againstDiff()
{
    const QString conf = pgdial::test::exampleProject() + "/infra/docker/prod/postgres/postgresql.conf";
    const auto run = runCli({QStringLiteral("tune"), QStringLiteral("--ram"), QStringLiteral("16GB"),
                             QStringLiteral("--against"), conf, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("rows")).toArray();
    QJsonObject maxConnections;
    for (const QJsonValue &row : rows)
        if (row.toObject().value(QStringLiteral("name")).toString() == u"max_connections")
            maxConnections = row.toObject();
    QCOMPARE(maxConnections.value(QStringLiteral("setting")).toString(), QStringLiteral("100"));
    QCOMPARE(maxConnections.value(QStringLiteral("sourceline")).toInt(), 74);
    QVERIFY(maxConnections.value(QStringLiteral("restart")).toBool());

    const auto text = runCli(
        {QStringLiteral("tune"), QStringLiteral("--ram"), QStringLiteral("16GB"), QStringLiteral("--against"), conf});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("100 (postgresql.conf:74)"));
    const auto block
        = runCli({QStringLiteral("tune"), QStringLiteral("--ram"), QStringLiteral("16GB"), QStringLiteral("--against"),
                  conf, QStringLiteral("--format"), QStringLiteral("alter-system")});
    QVERIFY(block.out.contains("ALTER SYSTEM SET shared_buffers = '4GB';\n"));
    QVERIFY(!block.out.contains("checkpoint_completion_target")); // already 0.9 in the file
    QVERIFY(block.out.endsWith("\nSELECT pg_reload_conf();\n"));
    QVERIFY(block.out.contains(
        "\n-- Needs a server restart (pg_reload_conf() does not apply it): max_connections, shared_buffers\n"));
}

void tst_CliTune::projectFolder()
{
    // The example project: 4 workers x (pool_size 20 + max_overflow 10) = 120 per instance.
    const auto run = runCli({QStringLiteral("tune"), QStringLiteral("--ram"), QStringLiteral("16GB"),
                             QStringLiteral("--project"), pgdial::test::exampleProject(), QStringLiteral("--instances"),
                             QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.contains("pool demand 240 from config.yaml:23"));
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QStringLiteral("file")).toString(), QStringLiteral("postgresql.conf"));
    QJsonObject maxConnections;
    for (const QJsonValue &row : report.value(QStringLiteral("rows")).toArray())
        if (row.toObject().value(QStringLiteral("name")).toString() == u"max_connections")
            maxConnections = row.toObject();
    // Every client of the server: 240 + Temporal 40 + backupuser 1 = 281; + 57 headroom + 3
    // reserved = 341 -> 350.
    QCOMPARE(maxConnections.value(QStringLiteral("recommended")).toString(), QStringLiteral("350"));
    const QJsonObject clients = report.value(QStringLiteral("clients")).toObject();
    QCOMPARE(clients.value(QStringLiteral("demand")).toInt(), 281);
    QCOMPARE(clients.value(QStringLiteral("needed")).toInt(), 284);
    QCOMPARE(clients.value(QStringLiteral("environment")).toString(), QStringLiteral("prod"));
    QVERIFY(run.err.contains("Temporal (temporaluser on temporal, temporal_visibility): 40"));
    QCOMPARE(maxConnections.value(QStringLiteral("sourceline")).toInt(), 74);

    // --connections given by hand wins over the project's pools.
    const auto given
        = runCli({QStringLiteral("tune"), QStringLiteral("--ram"), QStringLiteral("16GB"), QStringLiteral("--project"),
                  pgdial::test::exampleProject(), QStringLiteral("--connections"), QStringLiteral("180"),
                  QStringLiteral("--format"), QStringLiteral("alter-system")});
    QCOMPARE(given.exitCode, 0);
    QVERIFY(!given.err.contains("pool demand"));
    QVERIFY(given.out.contains("ALTER SYSTEM SET max_connections = '180';\n"));

    // Fewer than the clients need (120 + 41 + 3 reserved = 164) is raised, with either profile.
    for (const char *profile : {"pgdial", "pgtune"}) {
        const auto few
            = runCli({QStringLiteral("tune"), QStringLiteral("--ram"), QStringLiteral("16GB"),
                      QStringLiteral("--project"), pgdial::test::exampleProject(), QStringLiteral("--profile"),
                      QString::fromLatin1(profile), QStringLiteral("--connections"), QStringLiteral("60"),
                      QStringLiteral("--format"), QStringLiteral("alter-system")});
        QCOMPARE(few.exitCode, 0);
        QVERIFY2(few.out.contains("ALTER SYSTEM SET max_connections = '164';\n"), few.out.constData());
    }

    const auto missing = runCli({QStringLiteral("tune"), QStringLiteral("--ram"), QStringLiteral("16GB"),
                                 QStringLiteral("--project"), QStringLiteral("/nonexistent/pgdial-project")});
    QCOMPARE(missing.exitCode, 2);
}

void tst_CliTune::applyAndBackup()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("postgresql.conf"));
    const QByteArray original = readAll(pgdial::test::exampleProject() + "/infra/docker/prod/postgres/postgresql.conf");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(original);
    }
    const auto run = runCli({QStringLiteral("tune"), QStringLiteral("--ram"), QStringLiteral("16GB"),
                             QStringLiteral("--pool-demand"), QStringLiteral("58"), QStringLiteral("--against"), path,
                             QStringLiteral("--apply")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("need a restart"));
    QCOMPARE(readAll(path + ".bak"), original);
    const QByteArray changed = readAll(path);
    QVERIFY(changed.contains("\nmax_connections = 80\t\t# (change requires restart)\n"));
    QVERIFY(changed.startsWith(original.left(original.indexOf("max_connections = 100"))));
    // Applying again changes nothing.
    const auto again = runCli({QStringLiteral("tune"), QStringLiteral("--ram"), QStringLiteral("16GB"),
                               QStringLiteral("--pool-demand"), QStringLiteral("58"), QStringLiteral("--against"), path,
                               QStringLiteral("--apply")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.contains(": 0 setting(s) changed"));
    QCOMPARE(readAll(path), changed);
}

void tst_CliTune::poolGuideExample()
{
    const auto run = runCli(args("pool --rps 100 --avg-query-ms 50 --request-ms 200"));
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("= 25 connections"));
    QVERIFY(run.out.contains("pool_size: 20, max_overflow: 10, pool_timeout: 30"));
}

void tst_CliTune::poolProjectOverflows()
{
    // The example project: 4 workers x (20 + 10) per instance; two instances overflow 97 slots.
    const auto run = runCli({QStringLiteral("pool"), QStringLiteral("--rps"), QStringLiteral("100"),
                             QStringLiteral("--avg-query-ms"), QStringLiteral("50"), QStringLiteral("--request-ms"),
                             QStringLiteral("200"), QStringLiteral("--instances"), QStringLiteral("2"),
                             QStringLiteral("--project"), pgdial::test::exampleProject(), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
    const QJsonObject project = doc.value(QStringLiteral("project")).toObject();
    // The pools (2 x 4 x 30) and every other client of the server (Temporal 40, backupuser 1).
    QCOMPARE(project.value(QStringLiteral("current_demand")).toInt(), 281);
    QCOMPARE(doc.value(QStringLiteral("clients")).toObject().value(QStringLiteral("other_demand")).toInt(), 41);
    QCOMPARE(project.value(QStringLiteral("pool_size")).toObject().value(QStringLiteral("file")).toString(),
             QStringLiteral("config.yaml"));
    QCOMPARE(project.value(QStringLiteral("max_connections")).toObject().value(QStringLiteral("line")).toInt(), 74);
    QCOMPARE(doc.value(QStringLiteral("processes")).toInt(), 8);
    QCOMPARE(doc.value(QStringLiteral("verdict")).toString(), QStringLiteral("fits"));
}

void tst_CliTune::poolJsonPgBouncer()
{
    const auto run = runCli(args("pool --rps 40 --avg-query-ms 50 --request-ms 200 --instances 100 --other-clients 20 "
                                 "--json"));
    QCOMPARE(run.exitCode, 1);
    const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(doc.value(QStringLiteral("verdict")).toString(), QStringLiteral("does-not-fit"));
    const QJsonObject bouncer = doc.value(QStringLiteral("pgbouncer")).toObject();
    QCOMPARE(bouncer.value(QStringLiteral("pool_mode")).toString(), QStringLiteral("transaction"));
    QCOMPARE(bouncer.value(QStringLiteral("default_pool_size")).toInt(), 10);
    QVERIFY(bouncer.value(QStringLiteral("fits_current_server")).toBool());
    QCOMPARE(doc.value(QStringLiteral("server_change")).toObject().value(QStringLiteral("max_connections")).toInt(),
             245);
}

void tst_CliTune::poolUsageErrors()
{
    QCOMPARE(runCli(args("pool --rps 100")).exitCode, 2);
    QCOMPARE(runCli(args("pool --rps -1 --avg-query-ms 50 --request-ms 200")).exitCode, 2);
    QCOMPARE(runCli(args("pool --rps 10 --avg-query-ms 50 --request-ms 200 --workers 0")).exitCode, 2);
    QCOMPARE(runCli(args("pool --rps 10 --avg-query-ms 50 --request-ms 200 --project /nonexistent")).exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_CliTune)
#include "tst_cli_tune.moc"
