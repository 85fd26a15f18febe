#include "unit/core/hba/hbatesthelpers.h"

#include "hba/hbaanalyzer.h"
#include "hba/hbamatcher.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace pgdial::core::hba;
using pgdial::test::hba::attemptFrom;
using pgdial::test::hba::parseHba;

namespace {

QList<int> deadLines(const HbaAnalyzer &analyzer)
{
    QList<int> lines;
    for (const HbaDeadRule &dead : analyzer.deadRules())
        lines.append(dead.rule->line);
    return lines;
}

} // namespace

class TestHbaAnalyzer : public QObject
{
    Q_OBJECT

private slots:
    void deadRules_data();
    void deadRules();
    void kindsAndShadowers();
    void moveImpact();
    void diagnostics();
    void propertyShadowedRulesNeverMatchFirst();
};

void TestHbaAnalyzer::deadRules_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QList<int>>("expected");

    QTest::newRow("catch-all local first") << QByteArray("local all all peer\nlocal app alice md5\n") << QList<int> {2};
    QTest::newRow("wider network first") << QByteArray(
        "host all all 10.0.0.0/8 md5\nhost app alice 10.1.0.0/16 scram-sha-256\n")
                                         << QList<int> {2};
    QTest::newRow("narrower network first")
        << QByteArray("host app alice 10.1.0.0/16 md5\nhost all all 10.0.0.0/8 md5\n") << QList<int> {};
    QTest::newRow("ipv4 never covers ipv6")
        << QByteArray("host all all 0.0.0.0/0 md5\nhost all all ::1/128 md5\n") << QList<int> {};
    QTest::newRow("ipv6 containment") << QByteArray("host all all fd00::/8 md5\nhost all all fd12:3456::/32 md5\n")
                                      << QList<int> {2};
    QTest::newRow("all address covers names")
        << QByteArray("host all all all md5\nhost all all db.example.com md5\nhost all all samenet md5\n")
        << QList<int> {2, 3};
    QTest::newRow("network never covers a host name")
        << QByteArray("host all all 0.0.0.0/0 md5\nhost all all db.example.com md5\n") << QList<int> {};
    QTest::newRow("suffix covers name") << QByteArray(
        "host all all .example.com md5\nhost all all db.example.com md5\n")
                                        << QList<int> {2};
    QTest::newRow("samenet covers samehost")
        << QByteArray("host all all samenet md5\nhost all all samehost md5\n") << QList<int> {2};
    QTest::newRow("samehost does not cover samenet")
        << QByteArray("host all all samehost md5\nhost all all samenet md5\n") << QList<int> {};
    QTest::newRow("ssl plus nossl cover host") << QByteArray(
        "hostssl all all 10.0.0.0/8 md5\nhostnossl all all 10.0.0.0/8 md5\nhost app bob 10.0.0.1/32 md5\n")
                                               << QList<int> {3};
    QTest::newRow("hostssl does not cover host")
        << QByteArray("hostssl all all 10.0.0.0/8 md5\nhost app bob 10.0.0.1/32 md5\n") << QList<int> {};
    QTest::newRow("gss split") << QByteArray(
        "hostgssenc all all all md5\nhostnogssenc all all all md5\nhost a b 1.2.3.4/32 md5\n")
                               << QList<int> {3};
    QTest::newRow("all does not cover replication")
        << QByteArray("host all all all md5\nhost replication all all md5\n") << QList<int> {};
    QTest::newRow("replication covers replication")
        << QByteArray("host replication all all md5\nhost replication repl 10.0.0.0/8 md5\n") << QList<int> {2};
    QTest::newRow("database list covered piecewise")
        << QByteArray("host a all all md5\nhost b all all md5\nhost a,b bob 10.0.0.0/8 md5\n") << QList<int> {3};
    QTest::newRow("one piece uncovered") << QByteArray("host a all all md5\nhost a,c bob 10.0.0.0/8 md5\n")
                                         << QList<int> {};
    QTest::newRow("group is not its members")
        << QByteArray("host all +staff all md5\nhost all alice all md5\n") << QList<int> {};
    QTest::newRow("same group covers") << QByteArray("host all +staff all md5\nhost app +staff 10.0.0.0/8 md5\n")
                                       << QList<int> {2};
    QTest::newRow("quoted all is a name")
        << QByteArray("host \"all\" all all md5\nhost app all all md5\n") << QList<int> {};
    QTest::newRow("sameuser only by sameuser or all")
        << QByteArray("host sameuser all all md5\nhost bob bob all md5\nhost sameuser bob all md5\n") << QList<int> {3};
    QTest::newRow("samegroup is samerole")
        << QByteArray("host samerole all all md5\nhost samegroup all all md5\n") << QList<int> {2};
    QTest::newRow("regex not proven") << QByteArray(
        "host /^a all all md5\nhost app all all md5\nhost /^a all 10.0.0.0/8 md5\n")
                                      << QList<int> {3};
    QTest::newRow("non-contiguous mask") << QByteArray("host all all 10.0.0.0 255.0.255.0 md5\nhost all all "
                                                       "10.1.0.0/16 md5\nhost all all 10.0.0.0 255.0.255.0 trust\n")
                                         << QList<int> {3};
    QTest::newRow("local never covers host")
        << QByteArray("local all all trust\nhost all all all md5\n") << QList<int> {};
}

void TestHbaAnalyzer::deadRules()
{
    QFETCH(QByteArray, file);
    QFETCH(QList<int>, expected);
    const HbaFile parsed = parseHba(file);
    QVERIFY(parsed.ok);
    const HbaAnalyzer analyzer(parsed);
    QCOMPARE(deadLines(analyzer), expected);
}

void TestHbaAnalyzer::kindsAndShadowers()
{
    const HbaFile parsed = parseHba("host a all all md5\n" // 1
                                    "host b all all scram-sha-256\n" // 2
                                    "host a,b bob 10.0.0.0/8 md5\n" // 3 shadowed by 1 and 2
                                    "host a all all md5\n" // 4 redundant (same as 1)
                                    "host a all all scram-sha-256\n"); // 5 conflicting with 1
    const HbaAnalyzer analyzer(parsed);
    QCOMPARE(analyzer.deadRules().size(), 3);
    QCOMPARE(analyzer.deadRules().at(0).kind, HbaDeadRule::Kind::Shadowed);
    QCOMPARE(analyzer.deadRules().at(0).shadowedBy, QList<int>({0, 1}));
    QCOMPARE(analyzer.deadRules().at(1).kind, HbaDeadRule::Kind::Redundant);
    QCOMPARE(analyzer.deadRules().at(1).shadowedBy, QList<int>({0}));
    QCOMPARE(analyzer.deadRules().at(2).kind, HbaDeadRule::Kind::Conflicting);
}

void TestHbaAnalyzer::moveImpact()
{
    const HbaFile parsed = parseHba("host all all 10.0.0.0/8 md5\n" // 0
                                    "host app alice 10.1.0.0/16 scram-sha-256\n" // 1
                                    "host other bob 192.168.0.0/16 trust\n" // 2
                                    "host app alice 10.1.2.0/24 md5\n"); // 3
    const HbaAnalyzer analyzer(parsed);
    // Moving rule 1 to the top: its connections go from md5 (rule 0) to scram (rule 1).
    const QList<HbaOutcomeChange> up = analyzer.moveImpact(1, 0);
    QCOMPARE(up.size(), 1);
    QCOMPARE(up.first().beforeIndex, 0);
    QCOMPARE(up.first().afterIndex, 1);
    QVERIFY(up.first().certain);
    QCOMPARE(up.first().connections.address, QString("10.1.0.0/16"));
    // Moving rule 2 anywhere changes nothing: it overlaps no other rule.
    QVERIFY(analyzer.moveImpact(2, 0).isEmpty());
    // Moving rule 0 to the end: rule 1 takes its 10.1/16 connections for alice on app.
    const QList<HbaOutcomeChange> down = analyzer.moveImpact(0, 4);
    QCOMPARE(down.size(), 1); // rule 3 has the same outcome as rule 0 (md5)
    QCOMPARE(down.first().afterIndex, 1);
    QVERIFY(analyzer.moveImpact(1, 2).isEmpty()); // where it already is
}

void TestHbaAnalyzer::diagnostics()
{
    const HbaFile parsed = parseHba("local all all peer\nlocal app alice md5\nlocal all all peer\n");
    const pgdial::core::base::Diagnostics diagnostics = HbaAnalyzer(parsed).diagnostics();
    QCOMPARE(diagnostics.size(), 2);
    QCOMPARE(diagnostics.at(0).code, QString("hba.shadowed-rule"));
    QCOMPARE(diagnostics.at(0).line, 2);
    QCOMPARE(diagnostics.at(0).related, QStringList({"pg_hba.conf:1"}));
    QCOMPARE(diagnostics.at(1).code, QString("hba.redundant-rule"));
    QCOMPARE(diagnostics.at(1).severity, pgdial::core::base::Severity::Warning);
}

// Random rule sets and random attempts: a rule the analyzer calls dead is never the first match.
void TestHbaAnalyzer::propertyShadowedRulesNeverMatchFirst()
{
    QRandomGenerator random(20261125);
    const QStringList types {"local", "host", "hostssl", "hostnossl", "hostgssenc", "hostnogssenc"};
    const QStringList databases {"all",         "app",     "sales", "sameuser", "samerole",
                                 "replication", "\"all\"", "/^sa",  "app,sales"};
    const QStringList users {"all", "alice", "bob", "+staff", "/^a", "alice,bob", "staff"};
    const QStringList addresses {"all",
                                 "0.0.0.0/0",
                                 "10.0.0.0/8",
                                 "10.1.0.0/16",
                                 "10.1.2.3/32",
                                 "192.168.0.0/16",
                                 "::/0",
                                 "fd00::/8",
                                 "::1/128",
                                 "samehost",
                                 "samenet",
                                 ".example.com",
                                 "db.example.com",
                                 "10.0.0.0 255.0.255.0",
                                 "10.1.2.77/24"};
    const QStringList methods {"md5", "scram-sha-256", "reject", "trust"};
    const QStringList attemptDatabases {"app", "sales", "alice", "bob", "staff", "other", "all"};
    const QStringList attemptUsers {"alice", "bob", "carol", "staff", "all"};
    const QStringList attemptAddresses {"10.1.2.3", "10.0.0.5", "10.200.1.1",  "192.168.1.1", "8.8.8.8",
                                        "::1",      "fd00::5",  "2001:db8::1", "10.77.0.9"};
    const QStringList hostNames {"db.example.com", "x.example.com", "other.org"};

    // The first entry of each list is the broad one; favour it so that rules do shadow each other.
    auto pick = [&random](const QStringList &list) {
        return random.bounded(3) == 0 ? list.first() : list.at(int(random.bounded(list.size())));
    };
    int deadFound = 0;
    int matchesChecked = 0;
    for (int round = 0; round < 400; ++round) {
        QByteArray text;
        const int count = 3 + int(random.bounded(10));
        for (int i = 0; i < count; ++i) {
            const QString type = types.at(int(random.bounded(types.size())));
            QString line = type + ' ' + pick(databases) + ' ' + pick(users);
            if (type != "local")
                line += ' ' + pick(addresses);
            line += ' ' + methods.at(int(random.bounded(methods.size())));
            text += line.toUtf8() + '\n';
        }
        const HbaFile parsed = parseHba(text, 16 + int(random.bounded(3)));
        QVERIFY2(parsed.ok, text.constData());
        const HbaAnalyzer analyzer(parsed);
        deadFound += int(analyzer.deadRules().size());
        HbaMatcher matcher(parsed);
        matcher.setInterfaces({HbaInterface {*HbaIpAddress::parse("10.1.2.3"), QByteArray::fromHex("ffff0000")},
                               HbaInterface {*HbaIpAddress::parse("::1"), QByteArray(16, char(0xff))}});
        for (int a = 0; a < 200; ++a) {
            HbaConnectionAttempt attempt;
            const int transport = int(random.bounded(4));
            attempt.transport = HbaTransport(transport);
            attempt.database = attemptDatabases.at(int(random.bounded(attemptDatabases.size())));
            attempt.user = attemptUsers.at(int(random.bounded(attemptUsers.size())));
            attempt.physicalReplication = random.bounded(5) == 0;
            attempt.userExists = random.bounded(8) != 0;
            if (random.bounded(2) == 0)
                attempt.memberOf = {"staff"};
            if (random.bounded(3) == 0)
                attempt.memberOf.append("sales");
            if (attempt.transport != HbaTransport::Local) {
                attempt.clientAddress
                    = *HbaIpAddress::parse(attemptAddresses.at(int(random.bounded(attemptAddresses.size()))));
                if (random.bounded(2) == 0)
                    attempt.clientHostName = hostNames.at(int(random.bounded(hostNames.size())));
            }
            const HbaMatchResult result = matcher.match(attempt);
            if (!result.rule)
                continue;
            ++matchesChecked;
            QVERIFY2(!analyzer.isDead(result.index),
                     qPrintable(QString("rule %1 called dead but matched first\n%2")
                                    .arg(result.rule->line)
                                    .arg(QString::fromUtf8(text))));
        }
    }
    qInfo("%d dead rules, %d first matches checked", deadFound, matchesChecked);
    QVERIFY(deadFound > 100); // the generator does produce dead rules
    QVERIFY(matchesChecked > 10000);
}

QTEST_GUILESS_MAIN(TestHbaAnalyzer)
#include "tst_hbaanalyzer.moc"
