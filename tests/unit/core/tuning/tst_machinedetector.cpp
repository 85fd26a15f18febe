#include "support/testpaths.h"
#include "tuning/machinedetector.h"

#include <QTest>

using namespace pgdial::core::tuning;

class tst_MachineDetector final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void parsers();
    void realMachine();
};

void tst_MachineDetector::fixtures_data()
{
    QTest::addColumn<QString>("machine");
    QTest::addColumn<qint64>("ramBytes");
    QTest::addColumn<int>("cpus");
    QTest::addColumn<int>("cgroupVersion");
    QTest::addColumn<bool>("memoryLimited");
    QTest::addColumn<bool>("cpuLimited");

    const qint64 host64 = Q_INT64_C(65843572) * 1024;
    const qint64 host32 = Q_INT64_C(32871800) * 1024;
    QTest::newRow("v2 limits: 4GB, 1.5 CPUs round up to 2")
        << "v2-limited" << Q_INT64_C(4294967296) << 2 << 2 << true << true;
    QTest::newRow("v2 max: the host") << "v2-unlimited" << host64 << 16 << 2 << false << false;
    QTest::newRow("v2 nested group from /proc/self/cgroup")
        << "v2-nested" << Q_INT64_C(2147483648) << 4 << 2 << true << true;
    QTest::newRow("v2 limits above the host: the host") << "v2-above-host" << host64 << 16 << 2 << true << true;
    QTest::newRow("v1 limits: 8GB, 2 CPUs") << "v1-limited" << Q_INT64_C(8589934592) << 2 << 1 << true << true;
    QTest::newRow("v1 unlimited (huge number, -1 quota)") << "v1-unlimited" << host32 << 8 << 1 << false << false;
    QTest::newRow("no cgroup") << "bare" << Q_INT64_C(16384000) * 1024 << 4 << 0 << false << false;
}

void tst_MachineDetector::fixtures()
{
    QFETCH(QString, machine);
    QFETCH(qint64, ramBytes);
    QFETCH(int, cpus);
    QFETCH(int, cgroupVersion);
    QFETCH(bool, memoryLimited);
    QFETCH(bool, cpuLimited);
    const MachineInfo info = MachineDetector(pgdial::test::testDataDir() + "/tuning/machines/" + machine).detect();
    QCOMPARE(info.ramBytes, ramBytes);
    QCOMPARE(info.cpus, cpus);
    QCOMPARE(info.cgroupVersion, cgroupVersion);
    QCOMPARE(info.cgroupMemoryLimit.has_value(), memoryLimited);
    QCOMPARE(info.cgroupCpuLimit.has_value(), cpuLimited);
}

void tst_MachineDetector::parsers()
{
    QCOMPARE(MachineDetector::parseMemTotal("MemFree: 1 kB\nMemTotal:   2048 kB\n"), Q_INT64_C(2097152));
    QVERIFY(!MachineDetector::parseMemTotal("garbage"));
    QVERIFY(!MachineDetector::parseV2MemoryMax("max\n"));
    QCOMPARE(MachineDetector::parseV2MemoryMax("1073741824\n"), Q_INT64_C(1073741824));
    QVERIFY(!MachineDetector::parseV2CpuMax("max 100000\n"));
    QCOMPARE(*MachineDetector::parseV2CpuMax("50000 100000\n"), 0.5);
    QVERIFY(!MachineDetector::parseV1MemoryLimit("9223372036854771712"));
    QVERIFY(!MachineDetector::parseV1CpuQuota("-1", "100000"));
    QVERIFY(!MachineDetector::parseV2CpuMax(""));
    QCOMPARE(MachineDetector::countProcessors(""), 0);
}

void tst_MachineDetector::realMachine()
{
    // Only sanity: the real values vary by machine; the parsing is covered by the fixtures.
    const MachineInfo info = MachineDetector().detect();
    QVERIFY(info.ramBytes > 0);
    QVERIFY(info.cpus >= 1);
}

QTEST_GUILESS_MAIN(tst_MachineDetector)
#include "tst_machinedetector.moc"
