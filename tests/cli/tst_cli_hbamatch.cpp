// `pgdial-cli hba match` and `pgdial-cli hba lint`, run as a user would.

#include "support/clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using pgdial::test::runCli;

class TestCliHbaMatch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matchText();
    void matchJson();
    void matchUsageErrors();
    void lintTextAndJson();
    void fromError();

private:
    QTemporaryDir m_dir;
    QString m_file;
};

void TestCliHbaMatch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_file = m_dir.filePath("pg_hba.conf");
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("local all postgres peer\n"
               "hostssl app +staff 10.0.0.0/8 scram-sha-256\n"
               "hostnossl all all 10.0.0.0/8 reject\n"
               "host all all 10.0.0.0/8 md5\n"
               "host app alice 10.1.0.0/16 md5\n");
}

void TestCliHbaMatch::matchText()
{
    const auto run = runCli({"hba", "match", m_file, "--type", "hostssl", "--database", "app", "--user", "alice",
                             "--roles", "staff", "--address", "10.1.2.3"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("pg_hba.conf:2: match: authentication with method \"scram-sha-256\""),
             run.out.constData());
    QVERIFY(run.out.contains("pg_hba.conf:1: skip:"));

    const auto rejected
        = runCli({"hba", "match", m_file, "--database", "app", "--user", "alice", "--address", "10.1.2.3"});
    QCOMPARE(rejected.exitCode, 1);
    QVERIFY2(rejected.out.contains("pg_hba.conf:3: match: the rule rejects the connection"), rejected.out.constData());

    const auto none = runCli({"hba", "match", m_file, "--type", "local", "--database", "app", "--user", "alice"});
    QCOMPARE(none.exitCode, 1);
    QVERIFY(none.out.contains("no rule matches"));
}

void TestCliHbaMatch::matchJson()
{
    const auto run = runCli(
        {"hba", "match", m_file, "--ssl", "--database", "app", "--user", "bob", "--address", "10.9.9.9", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QVERIFY(report.value("ok").toBool());
    QVERIFY(report.value("admitted").toBool());
    QCOMPARE(report.value("rule").toObject().value("line_number").toInt(), 4);
    QCOMPARE(report.value("rule").toObject().value("auth_method").toString(), QString("md5"));
    const QJsonArray trace = report.value("trace").toArray();
    QCOMPARE(trace.size(), 3);
    QCOMPARE(trace.at(0).toObject().value("mismatch").toString(), QString("type"));
    QCOMPARE(trace.at(1).toObject().value("mismatch").toString(), QString("user"));
    QCOMPARE(trace.at(2).toObject().value("mismatch").toString(), QString("type"));
}

void TestCliHbaMatch::matchUsageErrors()
{
    QCOMPARE(runCli({"hba", "match", m_file, "--database", "app"}).exitCode, 2);
    QCOMPARE(runCli({"hba", "match", m_file, "--database", "a", "--user", "b", "--address", "not-an-ip"}).exitCode, 2);
    QCOMPARE(runCli({"hba", "match", m_file, "--database", "a", "--user", "b", "--type", "Host"}).exitCode, 2);
    QCOMPARE(runCli({"hba", "match", m_dir.filePath("missing.conf"), "--database", "a", "--user", "b"}).exitCode, 2);
}

void TestCliHbaMatch::lintTextAndJson()
{
    const auto text = runCli({"hba", "lint", m_file});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("pg_hba.conf:5:1: warning: rule can never match"), text.out.constData());
    QVERIFY(text.out.contains("[hba.md5-with-scram]"));

    const auto json = runCli({"hba", "lint", m_file, "--json"});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(json.out).object();
    QVERIFY(report.value("ok").toBool());
    const QJsonArray dead = report.value("dead_rules").toArray();
    QCOMPARE(dead.size(), 1);
    QCOMPARE(dead.at(0).toObject().value("line_number").toInt(), 5);
    // Plain TCP and GSS go to the reject on line 3, SSL to the md5 rule on line 4.
    QCOMPARE(dead.at(0).toObject().value("kind").toString(), QString("shadowed"));
    const QJsonArray by = dead.at(0).toObject().value("shadowed_by").toArray();
    QCOMPARE(by.size(), 2);
    QCOMPARE(by.at(0).toObject().value("line_number").toInt(), 3);
    QCOMPARE(by.at(1).toObject().value("line_number").toInt(), 4);

    QTemporaryDir dir;
    QFile broken(dir.filePath("pg_hba.conf"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("hots all all 10.0.0.0/8 md5\n");
    broken.close();
    QCOMPARE(runCli({"hba", "lint", broken.fileName()}).exitCode, 1);
}

void TestCliHbaMatch::fromError()
{
    const auto run = runCli({"hba", "match", m_file, "--json", "--from-error",
                             "connection to server at \"db\" (10.0.0.1), port 5432 failed: FATAL:  pg_hba.conf rejects "
                             "connection for host \"10.1.2.3\", user \"alice\", database \"app\", no encryption"});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value("rule").toObject().value("line_number").toInt(), 3);
    const QJsonObject proposal = report.value("proposal").toObject();
    // Line 3 turns away non-TLS connections from 10/8 on purpose: the proposal keeps that policy
    // (hostssl, sslmode=require), and line 4 already admits the connection over TLS.
    QCOMPARE(proposal.value("rule").toString(), QString("hostssl app alice 10.1.2.3/32 scram-sha-256"));
    QCOMPARE(proposal.value("client_sslmode").toString(), QString("require"));
    QCOMPARE(proposal.value("bypasses_reject").toBool(), false);
    QCOMPARE(proposal.value("insert_before_line").toInt(), 4);
    const QString notes = proposal.value("notes").toVariant().toStringList().join('\n');
    QVERIFY2(notes.contains("pg_hba.conf:3 turns away connections without TLS"), qPrintable(notes));
    QVERIFY2(notes.contains("pg_hba.conf:4 already admits this connection over TLS"), qPrintable(notes));
    QCOMPARE(runCli({"hba", "match", m_file, "--from-error", "password authentication failed"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliHbaMatch)
#include "tst_cli_hbamatch.moc"
