// HbaImpact: "does this change who gets in?" from sample connections and HbaMatcher.
#include "unit/core/hba/hbatesthelpers.h"

#include "hba/hbaimpact.h"

#include <QtTest>

using namespace pgdial::core::hba;
using pgdial::test::hba::parseHba;

class TestHbaImpact : public QObject
{
    Q_OBJECT

private slots:
    void samplesComeFromTheRules();
    void samplesStayUnderTheLimit();
    void compare_data();
    void compare();
    void describeAndSummary();
};

void TestHbaImpact::samplesComeFromTheRules()
{
    const HbaFile file = parseHba("local sales alice peer\n"
                                  "hostssl all +admins 10.1.0.0/16 scram-sha-256\n"
                                  "host replication repl 192.168.1.7/32 md5\n");
    const QList<HbaConnectionAttempt> samples = HbaImpact::sampleConnections(file.validRules());
    auto has = [&](auto predicate) { return std::any_of(samples.cbegin(), samples.cend(), predicate); };
    QVERIFY(
        has([](const HbaConnectionAttempt &a) { return a.database == "sales" && a.user == "alice" && !a.isTcp(); }));
    QVERIFY(has([](const HbaConnectionAttempt &a) { return a.memberOf == QStringList {"admins"}; }));
    QVERIFY(has([](const HbaConnectionAttempt &a) {
        return a.transport == HbaTransport::TcpSsl && a.clientAddress.toString() == "10.1.0.0";
    }));
    QVERIFY(has([](const HbaConnectionAttempt &a) { return a.physicalReplication && a.user == "repl"; }));
    // Names nobody wrote stand for "anyone else".
    QVERIFY(has(
        [](const HbaConnectionAttempt &a) { return a.database == "some_other_db" && a.user == "some_other_user"; }));
}

void TestHbaImpact::samplesStayUnderTheLimit()
{
    QByteArray text;
    for (int i = 0; i < 300; ++i)
        text += "host db" + QByteArray::number(i) + " u" + QByteArray::number(i) + " 10.0."
            + QByteArray::number(i % 250) + ".0/24 scram-sha-256\n";
    const HbaFile file = parseHba(text);
    QVERIFY(HbaImpact::sampleConnections(file.validRules(), 5000).size() <= 5000);
}

void TestHbaImpact::compare_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<bool>("changes");

    const QByteArray base = "local all postgres peer\n"
                            "hostssl all all 10.1.0.0/16 scram-sha-256\n"
                            "hostssl all all 10.2.0.0/16 scram-sha-256\n"
                            "host all all 0.0.0.0/0 reject\n";
    QTest::newRow("identical") << base << base << false;
    QTest::newRow("swap disjoint networks with the same method")
        << base
        << QByteArray("local all postgres peer\n"
                      "hostssl all all 10.2.0.0/16 scram-sha-256\n"
                      "hostssl all all 10.1.0.0/16 scram-sha-256\n"
                      "host all all 0.0.0.0/0 reject\n")
        << false;
    QTest::newRow("deny-all moved above a network") << base
                                                    << QByteArray("local all postgres peer\n"
                                                                  "host all all 0.0.0.0/0 reject\n"
                                                                  "hostssl all all 10.1.0.0/16 scram-sha-256\n"
                                                                  "hostssl all all 10.2.0.0/16 scram-sha-256\n")
                                                    << true;
    QTest::newRow("method changed") << base << QByteArray(base).replace("10.2.0.0/16 scram-sha-256", "10.2.0.0/16 md5")
                                    << true;
    QTest::newRow("option added") << base
                                  << QByteArray(base).replace("local all postgres peer",
                                                              "local all postgres peer map=x")
                                  << true;
    QTest::newRow("reject rule removed: no rule rejects the same")
        << base
        << QByteArray("local all postgres peer\n"
                      "hostssl all all 10.1.0.0/16 scram-sha-256\n"
                      "hostssl all all 10.2.0.0/16 scram-sha-256\n")
        << false;
}

void TestHbaImpact::compare()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(bool, changes);
    const QList<HbaImpactChange> found = HbaImpact::compare(parseHba(before), parseHba(after));
    QCOMPARE(!found.isEmpty(), changes);
    for (const HbaImpactChange &change : found)
        QVERIFY(change.beforeOutcome != change.afterOutcome);
}

void TestHbaImpact::describeAndSummary()
{
    const HbaFile file = parseHba("hostssl app,\"my db\" +ops 10.0.0.0 255.0.0.0 cert clientname=DN\n");
    QCOMPARE(HbaImpact::summary(file.rules.first()),
             QString("hostssl app,my db +ops 10.0.0.0 255.0.0.0 cert clientname=DN"));
    QCOMPARE(HbaImpact::outcome(&file.rules.first()), QString("cert clientname=DN"));
    QCOMPARE(HbaImpact::outcome(nullptr), QString("rejected"));
    HbaConnectionAttempt attempt;
    attempt.transport = HbaTransport::TcpSsl;
    attempt.database = "app";
    attempt.user = "bob";
    attempt.memberOf = {"ops"};
    attempt.clientAddress = *HbaIpAddress::parse("10.1.2.3");
    QCOMPARE(HbaImpact::describe(attempt), QString("TCP+SSL from 10.1.2.3: database app, user bob (member of ops)"));
}

QTEST_GUILESS_MAIN(TestHbaImpact)
#include "tst_hbaimpact.moc"
