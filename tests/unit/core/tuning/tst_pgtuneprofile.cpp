// The pgtune profile against values computed by hand from reference/pgtune.md (HEAD algorithm).
// Each row names the branch it covers. Inputs: "pg=17 os=linux type=web ram=16GB cpu=4 conn=100
// hd=ssd size=mid_ram" (omitted keys take these defaults: pg=17 os=linux type=web hd=ssd
// size=mid_ram, no cpu, no conn). Expectations: "name=value" must be output with that value,
// "!name" must be left out; a row marked full lists every output setting in PGTune's order.
// Warnings are short codes: high, lz4, uring, dw:<drive words>; "" means no warning block.

#include "tuning/pgtuneprofile.h"
#include "tuning/tuningformatter.h"

#include <QTest>

using namespace pgdial::core::tuning;

namespace {

TuningInputs parseInputs(const QString &spec)
{
    TuningInputs in;
    for (const QString &item : spec.split(u' ', Qt::SkipEmptyParts)) {
        const QString key = item.section(u'=', 0, 0);
        const QString value = item.section(u'=', 1);
        if (key == u"pg")
            in.pgVersion = value.toInt();
        else if (key == u"os")
            in.os = *osFromName(value);
        else if (key == u"type")
            in.workload = *workloadFromName(value);
        else if (key == u"ram") {
            const auto amount = parseMemoryAmount(value);
            in.totalMemory = amount->amount;
            in.memoryUnit = amount->unit;
        } else if (key == u"cpu")
            in.cpus = value.toInt();
        else if (key == u"conn")
            in.connections = value.toInt();
        else if (key == u"hd")
            in.storage = *storageFromName(value);
        else if (key == u"size")
            in.dbSize = *dbSizeFromName(value);
        else
            qFatal("bad key %s", qPrintable(key));
    }
    return in;
}

QStringList expandWarnings(const QString &codes)
{
    QStringList groups;
    QStringList lines;
    for (const QString &code : codes.split(u',', Qt::SkipEmptyParts)) {
        if (!lines.isEmpty())
            lines.append(QString());
        if (code == u"high")
            lines << "this tool not being optimal"
                  << "for very high memory systems";
        else if (code == u"lz4")
            lines << "wal_compression = lz4 requires PostgreSQL"
                  << "to be compiled with --with-lz4";
        else if (code == u"uring")
            lines << "io_method = io_uring requires PostgreSQL"
                  << "to be compiled with --with-liburing";
        else if (code.startsWith(u"dw:"))
            lines << QStringLiteral("Cost parameters for Data Warehouses on %1 are left at defaults").arg(code.mid(3))
                  << "to avoid catastrophic index scan selections"
                  << "Monitor query planner behavior and adjust random_page_cost if necessary";
        else
            qFatal("bad warning code %s", qPrintable(code));
    }
    if (!lines.isEmpty())
        lines.prepend(QStringLiteral("WARNING"));
    return lines;
}

const char *web16 = "max_connections=200 shared_buffers=4GB effective_cache_size=12GB maintenance_work_mem=1GB "
                    "checkpoint_completion_target=0.9 wal_buffers=16MB default_statistics_target=100 "
                    "random_page_cost=1.1 effective_io_concurrency=200 work_mem=20164kB huge_pages=try jit=off "
                    "wal_compression=lz4 min_wal_size=1GB max_wal_size=4GB";

} // namespace

class tst_PgTuneProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void profile_data();
    void profile();
    void formatKb_data();
    void formatKb();
    void confLayout();
    void confLayoutWithWarnings();
    void alterSystemLayout();
    void json();
};

void tst_PgTuneProfile::profile_data()
{
    QTest::addColumn<QString>("inputs");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("full");
    QTest::addColumn<QString>("warnings");

    auto row = [](const char *name, const char *inputs, const char *expected, bool full, const char *warnings) {
        QTest::newRow(name) << QString::fromLatin1(inputs) << QString::fromLatin1(expected) << full
                            << QString::fromLatin1(warnings);
    };

    // Workloads (16GB, linux, ssd, PG17, no cpu, no connections).
    row("workload web, full", "ram=16GB", web16, true, "lz4");
    row("workload oltp, full", "ram=16GB type=oltp",
        "max_connections=300 shared_buffers=4GB effective_cache_size=12GB maintenance_work_mem=1GB "
        "checkpoint_completion_target=0.9 wal_buffers=16MB default_statistics_target=100 random_page_cost=1.1 "
        "effective_io_concurrency=200 work_mem=13617kB huge_pages=try jit=off wal_compression=lz4 "
        "min_wal_size=2GB max_wal_size=8GB",
        true, "lz4");
    row("workload dw, full", "ram=16GB type=dw",
        "max_connections=40 shared_buffers=4GB effective_cache_size=12GB maintenance_work_mem=2GB "
        "checkpoint_completion_target=0.9 wal_buffers=16MB default_statistics_target=500 random_page_cost=4 "
        "effective_io_concurrency=200 work_mem=43690kB huge_pages=try wal_compression=lz4 autovacuum_work_mem=2GB "
        "min_wal_size=4GB max_wal_size=16GB",
        true, "lz4,dw:SSDs");
    row("workload desktop, full (wal_level minimal)", "ram=16GB type=desktop",
        "max_connections=20 shared_buffers=1GB effective_cache_size=4GB maintenance_work_mem=1GB "
        "checkpoint_completion_target=0.9 wal_buffers=16MB default_statistics_target=100 random_page_cost=1.1 "
        "effective_io_concurrency=200 work_mem=31207kB huge_pages=off wal_compression=lz4 min_wal_size=100MB "
        "max_wal_size=2GB wal_level=minimal max_wal_senders=0",
        true, "lz4");
    row("workload mixed, full", "ram=16GB type=mixed",
        "max_connections=100 shared_buffers=4GB effective_cache_size=12GB maintenance_work_mem=1GB "
        "checkpoint_completion_target=0.9 wal_buffers=16MB default_statistics_target=100 random_page_cost=1.1 "
        "effective_io_concurrency=200 work_mem=19418kB huge_pages=try jit=off wal_compression=lz4 "
        "min_wal_size=1GB max_wal_size=4GB",
        true, "lz4");

    // Storage.
    row("storage nvme", "ram=16GB hd=nvme", "random_page_cost=1.1 effective_io_concurrency=1000", false, "lz4");
    row("storage ssd", "ram=16GB hd=ssd", "random_page_cost=1.1 effective_io_concurrency=200", false, "lz4");
    row("storage san", "ram=16GB hd=san", "random_page_cost=1.1 effective_io_concurrency=300", false, "lz4");
    row("storage hdd", "ram=16GB hd=hdd", "random_page_cost=4 effective_io_concurrency=2", false, "lz4");
    row("storage hdd, less_ram keeps 1.1", "ram=16GB hd=hdd size=less_ram", "random_page_cost=1.1 work_mem=26213kB",
        false, "lz4");
    row("storage hdd, greater_ram", "ram=16GB hd=hdd size=greater_ram", "random_page_cost=4 work_mem=18147kB", false,
        "lz4");
    row("dw nvme warns", "ram=16GB type=dw hd=nvme", "random_page_cost=4 effective_io_concurrency=1000", false,
        "lz4,dw:NVMe drives");
    row("dw san warns", "ram=16GB type=dw hd=san", "random_page_cost=4 effective_io_concurrency=300", false,
        "lz4,dw:SAN storage");
    row("dw hdd no cost warning", "ram=16GB type=dw hd=hdd", "random_page_cost=4 effective_io_concurrency=2", false,
        "lz4");
    row("dw less_ram: 1.1, no cost warning", "ram=16GB type=dw hd=nvme size=less_ram",
        "random_page_cost=1.1 work_mem=56797kB", false, "lz4");
    row("dw greater_ram", "ram=16GB type=dw size=greater_ram", "random_page_cost=4 work_mem=39321kB", false,
        "lz4,dw:SSDs");

    // OS.
    row("os windows: no io concurrency", "ram=16GB os=windows",
        "!effective_io_concurrency huge_pages=try maintenance_work_mem=1GB work_mem=20164kB", false, "lz4");
    row("os mac: no io concurrency, no huge pages", "ram=16GB os=mac", "!effective_io_concurrency huge_pages=off",
        false, "lz4");
    row("os linux 8GB: huge pages at exactly 2GB shared", "ram=8GB", "shared_buffers=2GB huge_pages=try", false, "lz4");
    row("os linux 7GB: no huge pages", "ram=7GB", "shared_buffers=1792MB huge_pages=off", false, "lz4");
    row("windows pg17 dw: 2GB maintenance becomes 2047MB", "ram=16GB os=windows type=dw",
        "maintenance_work_mem=2047MB !autovacuum_work_mem", false, "lz4,dw:SSDs");
    row("windows pg18 dw: 8GB limit, autovacuum_work_mem", "ram=16GB os=windows type=dw pg=18",
        "maintenance_work_mem=2GB autovacuum_work_mem=2GB io_method=worker", false, "lz4,dw:SSDs");
    row("windows pg17 64GB web: 2047MB cap", "ram=64GB os=windows", "maintenance_work_mem=2047MB !autovacuum_work_mem",
        false, "lz4");
    row("windows pg18 64GB web: 4GB", "ram=64GB os=windows pg=18", "maintenance_work_mem=4GB autovacuum_work_mem=2GB",
        false, "lz4");
    row("windows pg17 31GB web: below the cap", "ram=31GB os=windows", "maintenance_work_mem=1984MB", false, "lz4");
    row("windows pg17 1TB: work_mem capped at 2047MB", "ram=1TB os=windows conn=20",
        "work_mem=2047MB maintenance_work_mem=2047MB", false, "high,lz4");
    row("linux pg17 1TB conn 20: work_mem uncapped", "ram=1TB conn=20", "work_mem=9586980kB", false, "high,lz4");
    row("windows pg18 1TB conn 20: work_mem uncapped", "ram=1TB os=windows conn=20 pg=18", "work_mem=9586980kB", false,
        "high,lz4");

    // Versions.
    row("pg10: no jit, wal_compression on, no parallel maintenance", "ram=16GB pg=10 cpu=4",
        "!jit wal_compression=on max_parallel_workers=4 !max_parallel_maintenance_workers !io_method", false, "");
    row("pg11: no jit, parallel maintenance", "ram=16GB pg=11 cpu=4",
        "!jit wal_compression=on max_parallel_maintenance_workers=2", false, "");
    row("pg12: jit off", "ram=16GB pg=12", "jit=off wal_compression=on", false, "");
    row("pg13", "ram=16GB pg=13", "jit=off wal_compression=on", false, "");
    row("pg14", "ram=16GB pg=14", "jit=off wal_compression=on !io_method", false, "");
    row("pg15: lz4", "ram=16GB pg=15", "wal_compression=lz4", false, "lz4");
    row("pg16", "ram=16GB pg=16", "wal_compression=lz4 !io_method", false, "lz4");
    row("pg17: no io settings", "ram=16GB pg=17 cpu=64", "!io_method !io_workers", false, "lz4");
    row("pg18 linux: io_uring, no io_workers", "ram=16GB pg=18 cpu=64", "io_method=io_uring !io_workers", false,
        "lz4,uring");
    row("pg18 mac cpu 16: io_workers 4", "ram=16GB pg=18 os=mac cpu=16", "io_method=worker io_workers=4", false, "lz4");
    row("pg18 windows cpu 64: io_workers 16", "ram=16GB pg=18 os=windows cpu=64", "io_method=worker io_workers=16",
        false, "lz4");
    row("pg18 windows cpu 8: io_workers 3 omitted", "ram=16GB pg=18 os=windows cpu=8", "io_method=worker !io_workers",
        false, "lz4");
    row("pg18 windows cpu 200: io_workers capped 32", "ram=16GB pg=18 os=windows cpu=200", "io_workers=32", false,
        "lz4");
    row("pg18 mac no cpu: no io_workers", "ram=16GB pg=18 os=mac", "io_method=worker !io_workers", false, "lz4");
    row("pg18 linux full", "ram=16GB pg=18",
        "max_connections=200 shared_buffers=4GB effective_cache_size=12GB maintenance_work_mem=1GB "
        "checkpoint_completion_target=0.9 wal_buffers=16MB default_statistics_target=100 random_page_cost=1.1 "
        "effective_io_concurrency=200 work_mem=20164kB huge_pages=try jit=off wal_compression=lz4 io_method=io_uring "
        "min_wal_size=1GB max_wal_size=4GB",
        true, "lz4,uring");
    row("pg14 dw desktop-free: no jit for dw", "ram=16GB pg=14 type=dw", "!jit", false, "dw:SSDs");

    // CPUs.
    row("cpu absent: no parallel block", "ram=16GB",
        "!max_worker_processes !max_parallel_workers_per_gather !autovacuum_max_workers work_mem=20164kB", false,
        "lz4");
    row("cpu 1: no parallel block", "ram=16GB cpu=1", "!max_worker_processes work_mem=20164kB", false, "lz4");
    row("cpu 3: no parallel block", "ram=16GB cpu=3", "!max_parallel_workers work_mem=20164kB", false, "lz4");
    row("cpu 4: parallel block, work_mem jumps up", "ram=16GB cpu=4",
        "max_worker_processes=4 max_parallel_workers_per_gather=2 max_parallel_workers=4 "
        "max_parallel_maintenance_workers=2 work_mem=20560kB !autovacuum_max_workers",
        false, "lz4");
    row("cpu 5: ceil", "ram=16GB cpu=5", "max_parallel_workers_per_gather=3 max_parallel_maintenance_workers=3", false,
        "lz4");
    row("cpu 8", "ram=16GB cpu=8",
        "max_parallel_workers_per_gather=4 max_parallel_maintenance_workers=4 work_mem=20164kB", false, "lz4");
    row("cpu 16: autovacuum 4", "ram=16GB cpu=16",
        "autovacuum_max_workers=4 max_parallel_workers_per_gather=4 "
        "work_mem=19418kB",
        false, "lz4");
    row("cpu 32: autovacuum 5", "ram=16GB cpu=32", "autovacuum_max_workers=5", false, "lz4");
    row("cpu 64 web, full", "ram=16GB cpu=64",
        "max_connections=200 shared_buffers=4GB effective_cache_size=12GB maintenance_work_mem=1GB "
        "checkpoint_completion_target=0.9 wal_buffers=16MB default_statistics_target=100 random_page_cost=1.1 "
        "effective_io_concurrency=200 work_mem=15887kB huge_pages=try jit=off wal_compression=lz4 "
        "autovacuum_max_workers=5 min_wal_size=1GB max_wal_size=4GB max_worker_processes=64 "
        "max_parallel_workers_per_gather=4 max_parallel_workers=64 max_parallel_maintenance_workers=4",
        true, "lz4");
    row("cpu 64 dw: per gather uncapped", "ram=16GB cpu=64 type=dw",
        "max_parallel_workers_per_gather=32 max_parallel_maintenance_workers=4 work_mem=20164kB", false, "lz4,dw:SSDs");
    row("cpu 7 dw", "ram=16GB cpu=7 type=dw", "max_parallel_workers_per_gather=4", false, "lz4,dw:SSDs");
    row("cpu 9 dw", "ram=16GB cpu=9 type=dw", "max_parallel_workers_per_gather=5", false, "lz4,dw:SSDs");

    // Connections.
    row("connections 100 given", "ram=16GB conn=100", "max_connections=100 work_mem=38836kB", false, "lz4");
    row("connections 20 desktop", "ram=16GB conn=20 type=desktop", "max_connections=20 work_mem=31207kB", false, "lz4");

    // RAM: formatting, windows of wal_buffers, caps and warnings.
    row("6GB: 1536MB and 4608MB", "ram=6GB",
        "shared_buffers=1536MB effective_cache_size=4608MB maintenance_work_mem=384MB work_mem=7561kB huge_pages=off",
        false, "lz4");
    row("wal_buffers 450MB shared: 13824kB", "ram=1800MB", "shared_buffers=450MB wal_buffers=13824kB", false, "lz4");
    row("wal_buffers 466MB shared: 14315kB", "ram=1864MB", "shared_buffers=466MB wal_buffers=14315kB", false, "lz4");
    row("wal_buffers 467MB shared: rounds up to 16MB", "ram=1868MB", "shared_buffers=467MB wal_buffers=16MB", false,
        "lz4");
    row("wal_buffers 475MB shared: 16MB", "ram=1900MB", "shared_buffers=475MB wal_buffers=16MB", false, "lz4");
    row("wal_buffers 64MB shared: 1966kB", "ram=1024MB type=desktop", "shared_buffers=64MB wal_buffers=1966kB", false,
        "lz4");
    row("512MB desktop: work_mem floor 4MB", "ram=512MB type=desktop",
        "shared_buffers=32MB effective_cache_size=128MB maintenance_work_mem=32MB wal_buffers=983kB work_mem=4MB",
        false, "lz4");
    row("512MB web", "ram=512MB", "shared_buffers=128MB effective_cache_size=384MB wal_buffers=3932kB work_mem=4MB",
        false, "lz4");
    row("31GB: no autovacuum_work_mem", "ram=31GB", "maintenance_work_mem=1984MB !autovacuum_work_mem", false, "lz4");
    row("32GB: 2GB maintenance, autovacuum_work_mem", "ram=32GB",
        "maintenance_work_mem=2GB autovacuum_work_mem=2GB work_mem=40329kB", false, "lz4");
    row("64GB dw: exactly 8GB", "ram=64GB type=dw", "maintenance_work_mem=8GB autovacuum_work_mem=2GB", false,
        "lz4,dw:SSDs");
    row("128GB web: exactly 8GB", "ram=128GB", "maintenance_work_mem=8GB", false, "high,lz4");
    row("256GB web: capped at 8GB", "ram=256GB", "maintenance_work_mem=8GB shared_buffers=64GB", false, "high,lz4");
    row("100GB: no memory warning", "ram=100GB pg=14", "work_mem=126030kB", false, "");
    row("101GB: very high memory warning", "ram=101GB pg=14", "shared_buffers=25856MB", false, "high");
    row("102400MB: no memory warning", "ram=102400MB pg=14", "shared_buffers=25GB", false, "");
    row("102401MB: very high memory warning", "ram=102401MB pg=14", "shared_buffers=26214656kB", false, "high");
    row("1TB web", "ram=1TB",
        "shared_buffers=256GB effective_cache_size=768GB maintenance_work_mem=8GB autovacuum_work_mem=2GB "
        "work_mem=1290555kB",
        false, "high,lz4");
    row("2TB web", "ram=2TB", "shared_buffers=512GB work_mem=2581110kB", false, "high,lz4");
}

void tst_PgTuneProfile::profile()
{
    QFETCH(QString, inputs);
    QFETCH(QString, expected);
    QFETCH(bool, full);
    QFETCH(QString, warnings);

    const TuningResult result = PgTuneProfile::compute(parseInputs(inputs));
    QStringList actual;
    for (const TunedSetting &setting : result.settings)
        actual.append(setting.name + u'=' + setting.value);

    const QStringList items = expected.split(u' ', Qt::SkipEmptyParts);
    if (full)
        QCOMPARE(actual, items);
    for (const QString &item : items) {
        if (item.startsWith(u'!')) {
            QVERIFY2(!result.find(item.mid(1)), qPrintable(item + " in " + actual.join(u' ')));
        } else {
            const TunedSetting *setting = result.find(item.section(u'=', 0, 0));
            QVERIFY2(setting, qPrintable(item + " missing from " + actual.join(u' ')));
            QCOMPARE(setting->value, item.section(u'=', 1));
        }
    }
    QCOMPARE(result.warnings, expandWarnings(warnings));
}

void tst_PgTuneProfile::formatKb_data()
{
    QTest::addColumn<qint64>("kb");
    QTest::addColumn<QString>("text");
    QTest::newRow("4GB") << qint64(4194304) << "4GB";
    QTest::newRow("1536MB") << qint64(1572864) << "1536MB";
    QTest::newRow("115200kB") << qint64(115200) << "115200kB";
    QTest::newRow("20164kB") << qint64(20164) << "20164kB";
    QTest::newRow("2047MB") << qint64(2096128) << "2047MB";
    QTest::newRow("32kB") << qint64(32) << "32kB";
}

void tst_PgTuneProfile::formatKb()
{
    QFETCH(qint64, kb);
    QFETCH(QString, text);
    QCOMPARE(PgTuneProfile::formatKb(kb), text);
}

void tst_PgTuneProfile::confLayout()
{
    const TuningInputs in = parseInputs(QStringLiteral("ram=16GB pg=14 cpu=4 conn=100 hd=hdd"));
    const QString expected = QStringLiteral("# DB Version: 14\n"
                                            "# OS Type: linux\n"
                                            "# DB Type: web\n"
                                            "# Total Memory (RAM): 16 GB\n"
                                            "# CPUs num: 4\n"
                                            "# Connections num: 100\n"
                                            "# Data Storage: hdd\n"
                                            "\n"
                                            "max_connections = 100\n"
                                            "shared_buffers = 4GB\n"
                                            "effective_cache_size = 12GB\n"
                                            "maintenance_work_mem = 1GB\n"
                                            "checkpoint_completion_target = 0.9\n"
                                            "wal_buffers = 16MB\n"
                                            "default_statistics_target = 100\n"
                                            "random_page_cost = 4\n"
                                            "effective_io_concurrency = 2\n"
                                            "work_mem = 40329kB\n"
                                            "huge_pages = try\n"
                                            "jit = off\n"
                                            "wal_compression = on\n"
                                            "min_wal_size = 1GB\n"
                                            "max_wal_size = 4GB\n"
                                            "max_worker_processes = 4\n"
                                            "max_parallel_workers_per_gather = 2\n"
                                            "max_parallel_workers = 4\n"
                                            "max_parallel_maintenance_workers = 2");
    QCOMPARE(TuningFormatter::toConf(in, PgTuneProfile::compute(in)), expected);
}

void tst_PgTuneProfile::confLayoutWithWarnings()
{
    // The published PGTune output for 18 / linux / web / 4 GB / 2 CPUs / 30 connections / nvme.
    const TuningInputs in = parseInputs(QStringLiteral("pg=18 ram=4GB cpu=2 conn=30 hd=nvme"));
    const QString expected = QStringLiteral("# WARNING\n"
                                            "# wal_compression = lz4 requires PostgreSQL\n"
                                            "# to be compiled with --with-lz4\n"
                                            "# \n"
                                            "# io_method = io_uring requires PostgreSQL\n"
                                            "# to be compiled with --with-liburing\n"
                                            "\n"
                                            "# DB Version: 18\n"
                                            "# OS Type: linux\n"
                                            "# DB Type: web\n"
                                            "# Total Memory (RAM): 4 GB\n"
                                            "# CPUs num: 2\n"
                                            "# Connections num: 30\n"
                                            "# Data Storage: nvme\n"
                                            "\n"
                                            "max_connections = 30\n"
                                            "shared_buffers = 1GB\n"
                                            "effective_cache_size = 3GB\n"
                                            "maintenance_work_mem = 256MB\n"
                                            "checkpoint_completion_target = 0.9\n"
                                            "wal_buffers = 16MB\n"
                                            "default_statistics_target = 100\n"
                                            "random_page_cost = 1.1\n"
                                            "effective_io_concurrency = 1000\n"
                                            "work_mem = 27594kB\n"
                                            "huge_pages = off\n"
                                            "jit = off\n"
                                            "wal_compression = lz4\n"
                                            "io_method = io_uring\n"
                                            "min_wal_size = 1GB\n"
                                            "max_wal_size = 4GB");
    QCOMPARE(TuningFormatter::toConf(in, PgTuneProfile::compute(in)), expected);
}

void tst_PgTuneProfile::alterSystemLayout()
{
    const TuningInputs in = parseInputs(QStringLiteral("pg=18 os=windows type=desktop ram=8GB hd=hdd"));
    const QString expected = QStringLiteral("-- WARNING\n"
                                            "-- wal_compression = lz4 requires PostgreSQL\n"
                                            "-- to be compiled with --with-lz4\n"
                                            "\n"
                                            "-- DB Version: 18\n"
                                            "-- OS Type: windows\n"
                                            "-- DB Type: desktop\n"
                                            "-- Total Memory (RAM): 8 GB\n"
                                            "-- Data Storage: hdd\n"
                                            "\n"
                                            "ALTER SYSTEM SET max_connections = '20';\n"
                                            "ALTER SYSTEM SET shared_buffers = '512MB';\n"
                                            "ALTER SYSTEM SET effective_cache_size = '2GB';\n"
                                            "ALTER SYSTEM SET maintenance_work_mem = '512MB';\n"
                                            "ALTER SYSTEM SET checkpoint_completion_target = '0.9';\n"
                                            "ALTER SYSTEM SET wal_buffers = '16MB';\n"
                                            "ALTER SYSTEM SET default_statistics_target = '100';\n"
                                            "ALTER SYSTEM SET random_page_cost = '4';\n"
                                            "ALTER SYSTEM SET work_mem = '15603kB';\n"
                                            "ALTER SYSTEM SET huge_pages = 'off';\n"
                                            "ALTER SYSTEM SET wal_compression = 'lz4';\n"
                                            "ALTER SYSTEM SET io_method = 'worker';\n"
                                            "ALTER SYSTEM SET min_wal_size = '100MB';\n"
                                            "ALTER SYSTEM SET max_wal_size = '2GB';\n"
                                            "ALTER SYSTEM SET wal_level = 'minimal';\n"
                                            "ALTER SYSTEM SET max_wal_senders = '0';");
    QCOMPARE(TuningFormatter::toAlterSystem(in, PgTuneProfile::compute(in)), expected);
}

void tst_PgTuneProfile::json()
{
    const TuningInputs in = parseInputs(QStringLiteral("pg=14 ram=16GB"));
    const QByteArray json = TuningFormatter::toJson(PgTuneProfile::compute(in));
    QVERIFY(
        json.startsWith("{\n  \"settings\": {\n    \"max_connections\": \"200\",\n    \"shared_buffers\": \"4GB\","));
    QVERIFY(json.endsWith("\"max_wal_size\": \"4GB\"\n  },\n  \"warnings\": []\n}\n"));
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object().value(QStringLiteral("settings")).toObject().size(), 15);
}

QTEST_GUILESS_MAIN(tst_PgTuneProfile)
#include "tst_pgtuneprofile.moc"
