#include "unit/core/hba/hbatesthelpers.h"

#include "hba/hbamatcher.h"

#include <QtTest>

#include <sys/socket.h>

using namespace pgdial::core::hba;
using pgdial::test::hba::attemptFrom;
using pgdial::test::hba::parseHba;

class TestHbaMatcher : public QObject
{
    Q_OBJECT

private slots:
    void firstMatch_data();
    void firstMatch();
    void traceExplainsEveryEarlierRule();
    void sameHostAndSameNetUseInjectedInterfaces();
    void unknownHostNameMakesTheAnswerUncertain();
    void membershipsAreTransitive();
    void ipAddressParsing();
    void atFilesAndIncludes();
};

void TestHbaMatcher::atFilesAndIncludes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&dir](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    write("admins.txt", "alice, bob\n# comment\ncarol\n");
    write("extra.conf", "host all dave 10.0.0.0/8 md5\n");
    write("pg_hba.conf",
          "host all @admins.txt 10.0.0.0/8 scram-sha-256\ninclude extra.conf\nhost all all 10.0.0.0/8 reject\n");
    HbaParseOptions options;
    options.majorVersion = 16;
    const HbaFile parsed = HbaParser::parseFile(dir.filePath("pg_hba.conf"), options);
    QVERIFY(parsed.ok);
    const HbaMatcher matcher(parsed);
    QCOMPARE(matcher.match(attemptFrom("tcp db=x user=carol addr=10.0.0.1")).rule->line, 1);
    const HbaMatchResult dave = matcher.match(attemptFrom("tcp db=x user=dave addr=10.0.0.1"));
    QCOMPARE(dave.rule->file, QString("extra.conf"));
    QCOMPARE(dave.rule->line, 1);
    QCOMPARE(matcher.match(attemptFrom("tcp db=x user=erin addr=10.0.0.1")).rule->line, 3);
}

void TestHbaMatcher::firstMatch_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("attempt");
    QTest::addColumn<int>("expectedLine"); // 0: no rule matches

    const QByteArray basic = "local all postgres peer\n"
                             "local all all scram-sha-256\n"
                             "hostssl app alice 10.0.0.0/8 scram-sha-256\n"
                             "hostnossl all all 10.0.0.0/8 reject\n"
                             "host all all 127.0.0.1/32 md5\n"
                             "host all all ::1/128 md5\n";
    QTest::newRow("local superuser") << basic << 17 << "local db=x user=postgres" << 1;
    QTest::newRow("local other user") << basic << 17 << "local db=x user=bob" << 2;
    QTest::newRow("tcp never takes local lines") << basic << 17 << "tcp db=x user=postgres addr=127.0.0.1" << 5;
    QTest::newRow("ssl in network") << basic << 17 << "ssl db=app user=alice addr=10.1.2.3" << 3;
    QTest::newRow("plain in network hits reject") << basic << 17 << "tcp db=app user=alice addr=10.1.2.3" << 4;
    QTest::newRow("ssl other db falls through") << basic << 17 << "ssl db=other user=alice addr=10.1.2.3" << 0;
    QTest::newRow("gss counts as not ssl") << basic << 17 << "gss db=app user=alice addr=10.1.2.3" << 4;
    QTest::newRow("ipv6 loopback") << basic << 17 << "tcp db=x user=y addr=::1" << 6;
    QTest::newRow("ipv4-mapped is not ipv4") << basic << 17 << "tcp db=x user=y addr=::ffff:127.0.0.1" << 0;
    QTest::newRow("outside every network") << basic << 17 << "ssl db=x user=y addr=192.168.0.1" << 0;

    const QByteArray keywords = "host replication repl 10.0.0.0/8 scram-sha-256\n"
                                "host all all 10.0.0.0/8 md5\n"
                                "host sameuser all 192.168.0.0/16 md5\n"
                                "host samerole all 192.168.0.0/16 scram-sha-256\n"
                                "host \"all\" all 172.16.0.0/12 trust\n"
                                "host all +admins 172.16.0.0/12 password\n"
                                "host all \"+admins\" 172.16.0.0/12 ident\n";
    QTest::newRow("physical replication only matches replication")
        << keywords << 17 << "tcp db=x user=repl addr=10.1.1.1 repl" << 1;
    QTest::newRow("replication keyword not for normal")
        << keywords << 17 << "tcp db=replication user=repl addr=10.1.1.1" << 2;
    QTest::newRow("all never takes physical replication") << keywords << 17 << "tcp user=x addr=172.16.0.1 repl" << 0;
    QTest::newRow("sameuser") << keywords << 17 << "tcp db=bob user=bob addr=192.168.1.1" << 3;
    QTest::newRow("sameuser other db") << keywords << 17 << "tcp db=sales user=bob addr=192.168.1.1" << 0;
    QTest::newRow("samerole through membership")
        << keywords << 17 << "tcp db=sales user=bob addr=192.168.1.1 roles=sales" << 4;
    QTest::newRow("quoted all is a name") << keywords << 17 << "tcp db=all user=x addr=172.16.0.1" << 5;
    QTest::newRow("quoted all not a keyword") << keywords << 17 << "tcp db=app user=x addr=172.16.0.1" << 0;
    QTest::newRow("group member") << keywords << 17 << "tcp db=app user=x addr=172.16.0.1 roles=admins" << 6;
    QTest::newRow("group role itself") << keywords << 17 << "tcp db=app user=admins addr=172.16.0.1" << 6;
    QTest::newRow("quoted +admins is a literal name")
        << keywords << 17 << "tcp db=app user=+admins addr=172.16.0.1" << 7;
    QTest::newRow("nonexistent role is no member of itself")
        << keywords << 17 << "tcp db=app user=admins addr=172.16.0.1 nouser" << 0;

    const QByteArray regex = "host /^sal all 10.0.0.0/8 md5\n"
                             "host all /^app_ 10.0.0.0/8 scram-sha-256\n"
                             "host all all 10.0.0.0/8 reject\n";
    QTest::newRow("db regex 16+") << regex << 16 << "tcp db=sales user=x addr=10.0.0.1" << 1;
    QTest::newRow("user regex 16+") << regex << 17 << "tcp db=hr user=app_ro addr=10.0.0.1" << 2;
    QTest::newRow("regex is a plain name before 16") << regex << 15 << "tcp db=sales user=app_ro addr=10.0.0.1" << 3;
    QTest::newRow("regex text as name before 16") << regex << 15 << "tcp db=/^sal user=x addr=10.0.0.1" << 1;

    const QByteArray addresses = "host all all 192.168.1.77/24 md5\n"
                                 "host all all 10.0.0.0 255.0.255.0 md5\n"
                                 "host all all .example.com md5\n"
                                 "host all all db.internal md5\n"
                                 "hostnogssenc all all all trust\n";
    QTest::newRow("host bits ignored by the mask") << addresses << 17 << "tcp db=x user=y addr=192.168.1.5" << 1;
    QTest::newRow("non-contiguous mask") << addresses << 17 << "tcp db=x user=y addr=10.99.0.42" << 2;
    QTest::newRow("non-contiguous mask miss") << addresses << 17 << "tcp db=x user=y addr=10.0.1.0" << 5;
    QTest::newRow("host suffix") << addresses << 17 << "tcp db=x user=y addr=8.8.8.8 host=DB.Example.COM" << 3;
    QTest::newRow("suffix needs a label") << addresses << 17 << "tcp db=x user=y addr=8.8.8.8 host=example.com" << 5;
    QTest::newRow("exact host name") << addresses << 17 << "ssl db=x user=y addr=8.8.8.8 host=db.internal" << 4;
    QTest::newRow("hostnogssenc takes ssl") << addresses << 17 << "ssl db=x user=y addr=8.8.8.8" << 5;
    QTest::newRow("hostnogssenc not gss") << addresses << 17 << "gss db=x user=y addr=8.8.8.8" << 0;
}

void TestHbaMatcher::firstMatch()
{
    QFETCH(QByteArray, file);
    QFETCH(int, major);
    QFETCH(QString, attempt);
    QFETCH(int, expectedLine);

    const HbaFile parsed = parseHba(file, major);
    QVERIFY2(parsed.ok, qPrintable(parsed.diagnostics.isEmpty() ? QString() : parsed.diagnostics.first().toText()));
    const HbaMatcher matcher(parsed);
    const HbaMatchResult result = matcher.match(attemptFrom(attempt));
    QCOMPARE(result.rule ? result.rule->line : 0, expectedLine);
    QCOMPARE(result.trace.size(), result.rule ? result.index : matcher.rules().size());
}

void TestHbaMatcher::traceExplainsEveryEarlierRule()
{
    const HbaFile parsed = parseHba("local all all peer\n"
                                    "hostssl all all 0.0.0.0/0 md5\n"
                                    "host all all 10.0.0.0/8 md5\n"
                                    "host other all 127.0.0.0/8 md5\n"
                                    "host all bob 127.0.0.0/8 md5\n"
                                    "host all all 127.0.0.0/8 scram-sha-256\n");
    const HbaMatchResult result = HbaMatcher(parsed).match(attemptFrom("tcp db=app user=alice addr=127.0.0.1"));
    QVERIFY(result.rule);
    QCOMPARE(result.rule->line, 6);
    QCOMPARE(result.trace.size(), 5);
    QCOMPARE(result.trace.at(0).mismatch, HbaMismatch::ConnectionType);
    QCOMPARE(result.trace.at(1).mismatch, HbaMismatch::ConnectionType);
    QCOMPARE(result.trace.at(2).mismatch, HbaMismatch::Address);
    QCOMPARE(result.trace.at(3).mismatch, HbaMismatch::Database);
    QCOMPARE(result.trace.at(4).mismatch, HbaMismatch::User);
    for (const HbaRuleTrace &step : result.trace)
        QVERIFY(!step.reason.isEmpty());
    QVERIFY(!result.uncertain);
    QVERIFY(!result.rejected());
}

void TestHbaMatcher::sameHostAndSameNetUseInjectedInterfaces()
{
    const HbaFile parsed = parseHba("host all all samehost trust\n"
                                    "host all all samenet md5\n");
    HbaMatcher matcher(parsed);
    matcher.setInterfaces(
        {HbaInterface {*HbaIpAddress::parse("192.168.5.10"), QByteArray::fromHex("ffffff00")},
         HbaInterface {*HbaIpAddress::parse("fd00::1"), QByteArray::fromHex("ffffffffffffffff0000000000000000")}});
    QCOMPARE(matcher.match(attemptFrom("tcp db=a user=b addr=192.168.5.10")).rule->line, 1);
    QCOMPARE(matcher.match(attemptFrom("tcp db=a user=b addr=192.168.5.99")).rule->line, 2);
    QCOMPARE(matcher.match(attemptFrom("tcp db=a user=b addr=fd00::abcd")).rule->line, 2);
    QVERIFY(!matcher.match(attemptFrom("tcp db=a user=b addr=192.168.6.1")).rule);
    QVERIFY(!HbaMatcher::machineInterfaces().isEmpty()); // at least loopback
}

void TestHbaMatcher::unknownHostNameMakesTheAnswerUncertain()
{
    const HbaFile parsed = parseHba("host all all db.example.com reject\n"
                                    "host all all 0.0.0.0/0 md5\n");
    const HbaMatchResult result = HbaMatcher(parsed).match(attemptFrom("tcp db=a user=b addr=10.0.0.1"));
    QCOMPARE(result.rule->line, 2);
    QVERIFY(result.uncertain);
    QCOMPARE(result.trace.first().mismatch, HbaMismatch::HostNameUnknown);
    const HbaMatchResult rejected
        = HbaMatcher(parsed).match(attemptFrom("tcp db=a user=b addr=10.0.0.1 host=db.example.com"));
    QCOMPARE(rejected.rule->line, 1);
    QVERIFY(rejected.rejected());
}

void TestHbaMatcher::membershipsAreTransitive()
{
    const QHash<QString, QStringList> graph {{"alice", {"dev"}}, {"dev", {"staff", "alice"}}, {"staff", {"everyone"}}};
    QStringList roles = HbaConnectionAttempt::memberships("alice", graph);
    roles.sort();
    QCOMPARE(roles, QStringList({"dev", "everyone", "staff"}));
}

void TestHbaMatcher::ipAddressParsing()
{
    QCOMPARE(HbaIpAddress::parse("10.1.2.3")->family, AF_INET);
    QCOMPARE(HbaIpAddress::parse("fe80::1%lo")->family, AF_INET6);
    QCOMPARE(HbaIpAddress::parse("::1")->toString(), QString("::1"));
    QVERIFY(!HbaIpAddress::parse("db.example.com"));
    QVERIFY(!HbaIpAddress::parse("1.2.3.999"));
}

QTEST_GUILESS_MAIN(TestHbaMatcher)
#include "tst_hbamatcher.moc"
