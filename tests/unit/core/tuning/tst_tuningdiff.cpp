#include "tuning/conftuningtarget.h"
#include "tuning/pgtuneprofile.h"
#include "tuning/tuningdiff.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::tuning;

class tst_TuningDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameValue_data();
    void sameValue();
    void existingWarnings_data();
    void existingWarnings();
    void rowsWithFileAndLine();
};

void tst_TuningDiff::sameValue_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("GB vs MB") << "shared_buffers"
                              << "4096MB"
                              << "4GB" << true;
    QTest::newRow("8kB pages vs MB") << "shared_buffers"
                                     << "16384"
                                     << "128MB" << true;
    QTest::newRow("kB base") << "work_mem"
                             << "4096"
                             << "4MB" << true;
    QTest::newRow("MB base") << "max_wal_size"
                             << "1024"
                             << "1GB" << true;
    QTest::newRow("real") << "random_page_cost"
                          << "1.10"
                          << "1.1" << true;
    QTest::newRow("word case") << "jit"
                               << "OFF"
                               << "off" << true;
    QTest::newRow("different memory") << "work_mem"
                                      << "4MB"
                                      << "4GB" << false;
    QTest::newRow("different word") << "huge_pages"
                                    << "on"
                                    << "try" << false;
}

void tst_TuningDiff::sameValue()
{
    QFETCH(QString, name);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(TuningDiff::sameValue(name, a, b), same);
}

void tst_TuningDiff::existingWarnings_data()
{
    QTest::addColumn<QByteArray>("conf");
    QTest::addColumn<QString>("os");
    QTest::addColumn<int>("pg");
    QTest::addColumn<int>("count");
    const QByteArray bad = "max_connections = 500\nwork_mem = 64MB\nshared_buffers = 8GB\n"
                           "effective_cache_size = 4GB\nmaintenance_work_mem = 2GB\n";
    QTest::newRow("all four on windows 16") << bad << "windows" << 16 << 4;
    QTest::newRow("maintenance fine on linux") << bad << "linux" << 16 << 3;
    QTest::newRow("maintenance fine on windows 18") << bad << "windows" << 18 << 3;
    QTest::newRow("defaults are fine") << QByteArray("# nothing set\n") << "linux" << 17 << 0;
    QTest::newRow("work_mem x connections") << QByteArray("work_mem = 200MB\n") << "linux" << 17 << 1;
}

void tst_TuningDiff::existingWarnings()
{
    QFETCH(QByteArray, conf);
    QFETCH(QString, os);
    QFETCH(int, pg);
    QFETCH(int, count);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("postgresql.conf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(conf);
    file.close();
    Result<ConfTuningTarget> target = ConfTuningTarget::open(file.fileName(), pg);
    QVERIFY(target);
    TuningInputs in;
    in.totalMemory = 16;
    in.os = *osFromName(os);
    in.pgVersion = pg;
    QCOMPARE(TuningDiff::existingWarnings(target->lookup(), in).size(), count);
}

void tst_TuningDiff::rowsWithFileAndLine()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("postgresql.conf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# top\nmax_connections = 200\nshared_buffers = 128MB\n");
    file.close();
    Result<ConfTuningTarget> target = ConfTuningTarget::open(file.fileName(), 17);
    QVERIFY(target);
    TuningInputs in;
    in.totalMemory = 16;
    const QList<TuningDiffRow> rows = TuningDiff::compare(PgTuneProfile::compute(in), TuningResult {}, target->lookup(),
                                                          catalogParameterLimits(), 17);
    QCOMPARE(rows.first().name, QStringLiteral("max_connections"));
    QCOMPARE(rows.first().current->line, 2);
    QCOMPARE(rows.first().current->file, QStringLiteral("postgresql.conf"));
    QVERIFY(!rows.first().changes); // already 200
    QVERIFY(rows.at(1).changes); // shared_buffers 128MB -> 4GB
    // Restart marks come from the catalog, also for the pgtune profile, which has none of its own.
    QVERIFY(rows.at(0).needsRestart); // max_connections
    QVERIFY(rows.at(1).needsRestart); // shared_buffers
    for (const TuningDiffRow &row : rows) {
        if (row.name == QStringLiteral("work_mem") || row.name == QStringLiteral("effective_cache_size"))
            QVERIFY2(!row.needsRestart, qPrintable(row.name));
        if (row.name == QStringLiteral("wal_buffers") || row.name == QStringLiteral("huge_pages"))
            QVERIFY2(row.needsRestart, qPrintable(row.name));
    }
    for (const TuningDiffRow &row : rows)
        if (row.name == u"huge_pages")
            QVERIFY(!row.current && !row.changes); // not set: the default (try) already is PGTune's value
}

QTEST_GUILESS_MAIN(tst_TuningDiff)
#include "tst_tuningdiff.moc"
