// pg_hba.conf engine speed, as ratios against a baseline from the same run:
//  - parse + validate + full dead-rule analysis of a generated 10,000-rule file, against the time
//    a real server takes to read the same file for `SELECT ... FROM pg_hba_file_rules`;
//  - simulator matches per second on a 1,000-rule file.
// Quick by default (small sizes, no server) so it can run with ctest; the real figures need
// PGDIAL_BENCH=1 (sizes 10,000 / 1,000 and the server baseline).

#include "support/pgtestserver.h"

#include "hba/hbaanalyzer.h"
#include "hba/hbamatcher.h"
#include "hba/hbaparser.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>

#include <libpq-fe.h>

#include <algorithm>

using namespace pgdial::core::hba;

namespace {

bool fullRun()
{
    return qEnvironmentVariableIntValue("PGDIAL_BENCH") == 1;
}

// A plausible large pg_hba.conf: per-application rules on many networks, a few group, keyword
// and host-name rules, some duplicates and shadowed rules, catch-all rejects at the end.
QByteArray generateRules(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray text = "# generated\nlocal all postgres trust\n";
    const char *types[] = {"host", "hostssl", "hostnossl", "hostssl", "hostssl"};
    const char *methods[] = {"scram-sha-256", "scram-sha-256", "md5", "reject", "cert"};
    QList<QByteArray> lines;
    for (int i = 0; i < count - 4; ++i) {
        const int kind = int(random.bounded(100));
        if (kind >= 10 && kind < 13 && !lines.isEmpty()) { // a copy of an earlier rule: redundant
            lines.append(lines.at(int(random.bounded(lines.size()))));
            continue;
        }
        const char *type = types[random.bounded(5)];
        QByteArray database = "app_" + QByteArray::number(random.bounded(500));
        QByteArray user = "user_" + QByteArray::number(random.bounded(800));
        if (kind < 5)
            database = "all";
        else if (kind < 8)
            user = "+group_" + QByteArray::number(random.bounded(20));
        else if (kind < 10)
            database += ",app_" + QByteArray::number(random.bounded(500));
        QByteArray address;
        const int prefix = int(random.bounded(4));
        const quint32 a = random.bounded(256u), b = random.bounded(256u), c = random.bounded(256u);
        if (kind >= 95)
            address = "db" + QByteArray::number(i) + ".example.com";
        else if (kind >= 90)
            address = "fd00:" + QByteArray::number(a, 16) + "::/" + QByteArray::number(32 + 16 * prefix);
        else if (prefix == 0)
            address = "10." + QByteArray::number(a) + '.' + QByteArray::number(b) + '.' + QByteArray::number(c) + "/32";
        else if (prefix == 1)
            address = "10." + QByteArray::number(a) + '.' + QByteArray::number(b) + ".0/24";
        else if (prefix == 2)
            address = "10." + QByteArray::number(a) + ".0.0/16";
        else
            address = "172.16.0.0/12";
        const char *method = methods[random.bounded(5)];
        if (qstrcmp(method, "cert") == 0 && qstrcmp(type, "hostssl") != 0)
            method = "scram-sha-256";
        lines.append(QByteArray(type) + ' ' + database + ' ' + user + ' ' + address + ' ' + method + '\n');
    }
    text += lines.join();
    text += "host all all 0.0.0.0/0 reject\nhost all all ::/0 reject\nlocal all all reject\n";
    return text;
}

qint64 medianNs(QList<qint64> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

HbaFile parseFile(const QByteArray &text)
{
    return HbaParser::parse(text, QStringLiteral("/nonexistent/pg_hba.conf"));
}

} // namespace

class BenchHba : public QObject
{
    Q_OBJECT

private slots:
    void parseValidateAnalyze();
    void analyzeOnly();
    void matchesPerSecond();
    void ratioAgainstServer();
};

void BenchHba::parseValidateAnalyze()
{
    const QByteArray text = generateRules(fullRun() ? 10000 : 1000, 1);
    QBENCHMARK
    {
        const HbaFile file = parseFile(text);
        const HbaAnalyzer analyzer(file);
        QVERIFY(file.ok);
        QVERIFY(!analyzer.deadRules().isEmpty());
    }
}

void BenchHba::analyzeOnly()
{
    const HbaFile file = parseFile(generateRules(fullRun() ? 10000 : 1000, 1));
    QBENCHMARK
    {
        const HbaAnalyzer analyzer(file);
        QVERIFY(!analyzer.deadRules().isEmpty());
    }
}

void BenchHba::matchesPerSecond()
{
    const HbaFile file = parseFile(generateRules(fullRun() ? 1000 : 200, 2));
    QVERIFY(file.ok);
    HbaMatcher matcher(file);
    QRandomGenerator random(3);
    QList<HbaConnectionAttempt> attempts;
    for (int i = 0; i < 1000; ++i) {
        HbaConnectionAttempt attempt;
        attempt.transport = random.bounded(2) ? HbaTransport::TcpSsl : HbaTransport::Tcp;
        attempt.database = QStringLiteral("app_%1").arg(random.bounded(500));
        attempt.user = QStringLiteral("user_%1").arg(random.bounded(800));
        attempt.clientAddress = *HbaIpAddress::parse(
            QStringLiteral("10.%1.%2.%3").arg(random.bounded(256)).arg(random.bounded(256)).arg(random.bounded(256)));
        attempts.append(attempt);
    }
    for (const bool withReasons : {true, false}) {
        QElapsedTimer timer;
        timer.start();
        int matched = 0;
        for (const HbaConnectionAttempt &attempt : attempts)
            matched += matcher.match(attempt, withReasons).rule ? 1 : 0;
        const qint64 ns = timer.nsecsElapsed();
        qInfo("simulator (%s): %d attempts on %lld rules in %.1f ms = %.0f matches/s (%d matched a rule)",
              withReasons ? "with reasons" : "kinds only", int(attempts.size()), qlonglong(matcher.rules().size()),
              ns / 1e6, attempts.size() / (ns / 1e9), matched);
    }
    QBENCHMARK
    {
        for (const HbaConnectionAttempt &attempt : attempts)
            matcher.match(attempt);
    }
}

void BenchHba::ratioAgainstServer()
{
    if (!fullRun())
        QSKIP("set PGDIAL_BENCH=1 for the server baseline");
    const QByteArray text = generateRules(10000, 1);
    pgdial::test::PgTestServer server;
    QVERIFY2(server.init(), qPrintable(server.errorString()));
    QVERIFY(!server.writeFile(server.dataDir() + "/pg_hba.conf", text).isEmpty());
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    PGconn *conn = PQconnectdb(server.conninfo({}, "postgres", false).toUtf8().constData());
    QVERIFY(PQstatus(conn) == CONNECTION_OK);

    const int rounds = 9;
    QList<qint64> serverNs;
    QList<qint64> pgdialNs;
    QList<qint64> analysisNs;
    int serverRows = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        PGresult *result = PQexec(conn,
                                  "SELECT count(*), count(*) FILTER (WHERE error IS NOT NULL AND error NOT LIKE "
                                  "'hostssl record cannot match%') FROM pg_hba_file_rules");
        serverNs.append(timer.nsecsElapsed());
        QCOMPARE(PQresultStatus(result), PGRES_TUPLES_OK);
        serverRows = QByteArray(PQgetvalue(result, 0, 0)).toInt();
        QCOMPARE(QByteArray(PQgetvalue(result, 0, 1)), QByteArray("0"));
        PQclear(result);

        timer.restart();
        const HbaFile file = parseFile(text);
        const qint64 parsed = timer.nsecsElapsed();
        const HbaAnalyzer analyzer(file);
        pgdialNs.append(timer.nsecsElapsed());
        analysisNs.append(pgdialNs.last() - parsed);
        QVERIFY(file.ok);
        QCOMPARE(int(file.rules.size()), serverRows);
    }
    PQfinish(conn);
    server.stop();
    const double ratio = double(medianNs(pgdialNs)) / double(medianNs(serverNs));
    qInfo("10,000-rule file (PG %d): server pg_hba_file_rules %.1f ms, pgdial parse+validate+analysis %.1f ms "
          "(of which dead-rule analysis %.1f ms; medians of %d): ratio pgdial/server = %.2f, analysis/server = %.2f",
          server.major(), medianNs(serverNs) / 1e6, medianNs(pgdialNs) / 1e6, medianNs(analysisNs) / 1e6, rounds, ratio,
          double(medianNs(analysisNs)) / double(medianNs(serverNs)));
}

QTEST_GUILESS_MAIN(BenchHba)
#include "bench_hba.moc"
