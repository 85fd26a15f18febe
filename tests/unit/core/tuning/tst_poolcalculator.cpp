#include "tuning/poolcalculator.h"

#include <QTest>

using namespace pgdial::core::tuning;

class tst_PoolCalculator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guideExample();
    void formula_data();
    void formula();
    void trafficTable_data();
    void trafficTable();
    void available_data();
    void available();
    void budget_data();
    void budget();
};

void tst_PoolCalculator::guideExample()
{
    // The guide: 100 concurrent requests, 50 ms per query, 200 ms per request -> 25 connections;
    // "Recommended: pool_size: 20, max_overflow: 10 (total: 30)".
    QCOMPARE(PoolCalculator::connectionsNeeded(100, 50, 200), 25);
    PoolInputs in;
    in.concurrentRequests = 100;
    in.avgQueryMs = 50;
    in.requestMs = 200;
    const PoolRecommendation r = PoolCalculator::recommend(in);
    QCOMPARE(r.connectionsNeeded, 25);
    QCOMPARE(r.poolSize, 20);
    QCOMPARE(r.maxOverflow, 10);
    QCOMPARE(r.poolTimeout, 30);
    QCOMPARE(r.verdict, PoolVerdict::Fits);
    QCOMPARE(r.totalDemand, 30);
    QCOMPARE(r.available, 97);
}

void tst_PoolCalculator::formula_data()
{
    QTest::addColumn<double>("concurrent");
    QTest::addColumn<double>("queryMs");
    QTest::addColumn<double>("requestMs");
    QTest::addColumn<int>("needed");
    QTest::newRow("guide") << 100.0 << 50.0 << 200.0 << 25;
    QTest::newRow("rounds up") << 10.0 << 30.0 << 200.0 << 2; // 1.5
    QTest::newRow("exact after fp") << 30.0 << 10.0 << 100.0 << 3; // 30 x 0.1 = 3.0000000000000004
    QTest::newRow("query as long as request") << 40.0 << 500.0 << 200.0 << 40;
    QTest::newRow("zero traffic") << 0.0 << 50.0 << 200.0 << 0;
    QTest::newRow("zero request time") << 10.0 << 50.0 << 0.0 << 0;
}

void tst_PoolCalculator::formula()
{
    QFETCH(double, concurrent);
    QFETCH(double, queryMs);
    QFETCH(double, requestMs);
    QFETCH(int, needed);
    QCOMPARE(PoolCalculator::connectionsNeeded(concurrent, queryMs, requestMs), needed);
}

void tst_PoolCalculator::trafficTable_data()
{
    QTest::addColumn<double>("rps");
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("poolSize");
    QTest::addColumn<int>("maxOverflow");
    QTest::addColumn<int>("poolTimeout");
    QTest::newRow("low 5") << 5.0 << "low" << 5 << 5 << 30;
    QTest::newRow("low 9.9") << 9.9 << "low" << 5 << 5 << 30;
    QTest::newRow("medium 10") << 10.0 << "medium" << 10 << 10 << 30;
    QTest::newRow("medium 50") << 50.0 << "medium" << 10 << 10 << 30;
    QTest::newRow("high 51") << 51.0 << "high" << 20 << 10 << 30;
    QTest::newRow("high 200") << 200.0 << "high" << 20 << 10 << 30;
    QTest::newRow("very high 201") << 201.0 << "very-high" << 30 << 20 << 60;
}

void tst_PoolCalculator::trafficTable()
{
    QFETCH(double, rps);
    QFETCH(QString, label);
    QFETCH(int, poolSize);
    QFETCH(int, maxOverflow);
    QFETCH(int, poolTimeout);
    const PoolTrafficRow row = PoolCalculator::trafficRow(rps);
    QCOMPARE(row.label, label);
    QCOMPARE(row.poolSize, poolSize);
    QCOMPARE(row.maxOverflow, maxOverflow);
    QCOMPARE(row.poolTimeout, poolTimeout);
}

void tst_PoolCalculator::available_data()
{
    QTest::addColumn<int>("pgVersion");
    QTest::addColumn<int>("maxConnections");
    QTest::addColumn<int>("superuser");
    QTest::addColumn<int>("reserved");
    QTest::addColumn<int>("available");
    QTest::newRow("defaults") << 17 << 100 << 3 << 0 << 97;
    QTest::newRow("pg16 reserved_connections counts") << 16 << 100 << 3 << 5 << 92;
    QTest::newRow("pg15 has no reserved_connections") << 15 << 100 << 3 << 5 << 97;
    QTest::newRow("never negative") << 17 << 3 << 5 << 0 << 0;
}

void tst_PoolCalculator::available()
{
    QFETCH(int, pgVersion);
    QFETCH(int, maxConnections);
    QFETCH(int, superuser);
    QFETCH(int, reserved);
    QFETCH(int, available);
    PoolInputs in;
    in.pgVersion = pgVersion;
    in.maxConnections = maxConnections;
    in.superuserReservedConnections = superuser;
    in.reservedConnections = reserved;
    QCOMPARE(PoolCalculator::availableConnections(in), available);
}

void tst_PoolCalculator::budget_data()
{
    QTest::addColumn<double>("rps");
    QTest::addColumn<int>("instances");
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("other");
    QTest::addColumn<int>("maxConnections");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<int>("poolSize");
    QTest::addColumn<int>("maxOverflow");
    QTest::addColumn<int>("demand");
    QTest::addColumn<int>("suggestedMax");
    QTest::addColumn<int>("bouncerPool");
    QTest::addColumn<bool>("bouncerFits");

    // All with 50 ms queries and 200 ms requests.
    // 2 x 4 = 8 pools, 25 needed -> 4 each; pool 4, overflow 2; 8 x 6 + 10 = 58 <= 97.
    QTest::newRow("fits: example project, 2 instances x 4 workers")
        << 100.0 << 2 << 4 << 10 << 100 << "fits" << 4 << 2 << 58 << 0 << 0 << false;
    // 4 pools need 7 each; 7 + 4 -> 44 + 60 = 104 > 97; (97 - 60) / 4 = 9 -> pool 7, overflow 2: 96.
    QTest::newRow("overflow: shrunk to fit")
        << 100.0 << 4 << 1 << 60 << 100 << "fits-when-shrunk" << 7 << 2 << 96 << 0 << 0 << false;
    // 250 needed over 8 pools (32 each): 30 + 15 per pool -> 360 + 10 = 370; nothing fits 97.
    // max_connections: 370 x 1.1 = 407, + 3 reserved = 410; PgBouncer needs 250 + 10 > 97.
    QTest::newRow("does not fit: raise the server")
        << 1000.0 << 2 << 4 << 10 << 100 << "does-not-fit" << 30 << 15 << 370 << 410 << 250 << false;
    // 100 single-worker instances, 10 needed -> 1 each; 100 x 2 + 20 = 220; (97 - 20) / 100 = 0.
    // PgBouncer: 10 server connections + 20 others fit in 97.
    QTest::newRow("does not fit: pooler")
        << 40.0 << 100 << 1 << 20 << 100 << "does-not-fit" << 1 << 1 << 220 << 245 << 10 << true;
    QTest::newRow("fits: bigger server") << 1000.0 << 2 << 4 << 10 << 500 << "fits" << 30 << 15 << 370 << 0 << 0
                                         << false;
}

void tst_PoolCalculator::budget()
{
    QFETCH(double, rps);
    QFETCH(int, instances);
    QFETCH(int, workers);
    QFETCH(int, other);
    QFETCH(int, maxConnections);
    QFETCH(QString, verdict);
    QFETCH(int, poolSize);
    QFETCH(int, maxOverflow);
    QFETCH(int, demand);
    QFETCH(int, suggestedMax);
    QFETCH(int, bouncerPool);
    QFETCH(bool, bouncerFits);

    PoolInputs in;
    in.concurrentRequests = rps;
    in.avgQueryMs = 50;
    in.requestMs = 200;
    in.instances = instances;
    in.workersPerInstance = workers;
    in.otherClients = other;
    in.maxConnections = maxConnections;
    const PoolRecommendation r = PoolCalculator::recommend(in);
    QCOMPARE(poolVerdictName(r.verdict), verdict);
    QCOMPARE(r.poolSize, poolSize);
    QCOMPARE(r.maxOverflow, maxOverflow);
    QCOMPARE(r.totalDemand, demand);
    QCOMPARE(r.suggestedMaxConnections, suggestedMax);
    QCOMPARE(r.pgbouncerDefaultPoolSize, bouncerPool);
    QCOMPARE(r.pgbouncerFits, bouncerFits);
    QVERIFY(!r.explanation.isEmpty());
    if (r.verdict != PoolVerdict::DoesNotFit)
        QVERIFY(r.totalDemand <= r.available);
}

QTEST_GUILESS_MAIN(tst_PoolCalculator)
#include "tst_poolcalculator.moc"
