#include "support/clirunner.h"
#include "support/testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using pgdial::test::runCli;

// `pgdial-cli hba FILE --json`: rows with pg_hba_file_rules' columns and meaning, `ok`, exit codes,
// and the hand-over of `hba match` / `hba lint`.
class tst_CliHba final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAsTheViewShowsThem();
    void includedFilesAndErrors();
    void exitCodes_data();
    void exitCodes();
    void subcommandsAreHandedOver();
    void buildFeatures();
};

namespace {

QString corpus(const QString &name)
{
    return pgdial::test::testDataDir() + "/hba/" + name;
}

QJsonObject runJson(const QStringList &arguments, int expectedExit)
{
    const auto run = runCli(arguments);
    if (run.exitCode != expectedExit)
        qWarning() << run.err;
    [&] { QCOMPARE(run.exitCode, expectedExit); }();
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace

void tst_CliHba::rowsAsTheViewShowsThem()
{
    const QJsonObject report = runJson({"hba", corpus("address-shorthand.conf"), "--json", "--pg-version", "15"}, 0);
    QCOMPARE(report.value("ok").toBool(), true);
    const QJsonArray rules = report.value("rules").toArray();
    QCOMPARE(rules.size(), 6);
    const QJsonObject first = rules.at(0).toObject();
    QCOMPARE(first.value("line_number").toInt(), 1);
    QCOMPARE(first.value("file_name").toString(), QString("address-shorthand.conf"));
    QCOMPARE(first.value("type").toString(), QString("host"));
    QCOMPARE(first.value("database").toArray(), QJsonArray {"all"});
    QCOMPARE(first.value("user_name").toArray(), QJsonArray {"all"});
    QCOMPARE(first.value("address").toString(), QString("0.0.0.10"));
    QCOMPARE(first.value("netmask").toString(), QString("255.0.0.0"));
    QCOMPARE(first.value("auth_method").toString(), QString("md5"));
    QVERIFY(first.value("options").isNull());
    QVERIFY(first.value("error").isNull());
    QVERIFY(!first.contains("rule_number")); // a PG16 column
    QCOMPARE(rules.at(2).toObject().value("address").toString(), QString("8.1.2.3"));

    const QJsonObject local = runJson({"hba", corpus("ident-on-local.conf"), "--json"}, 0);
    const QJsonObject peer = local.value("rules").toArray().at(1).toObject();
    QCOMPARE(peer.value("auth_method").toString(), QString("peer"));
    QVERIFY(peer.value("address").isNull());
    QCOMPARE(peer.value("options").toArray(), QJsonArray {"map=sysmap"});
    QCOMPARE(peer.value("rule_number").toInt(), 2);
}

void tst_CliHba::includedFilesAndErrors()
{
    const QJsonObject report = runJson({"hba", corpus("include-dir/pg_hba.conf"), "--json", "--pg-version", "16"}, 1);
    QCOMPARE(report.value("ok").toBool(), false);
    const QJsonArray rules = report.value("rules").toArray();
    QCOMPARE(rules.size(), 5);
    QCOMPARE(rules.at(1).toObject().value("file_name").toString(), QString("conf.d/10-a.conf"));
    const QJsonObject bad = rules.at(2).toObject();
    QCOMPARE(bad.value("file_name").toString(), QString("conf.d/10-a.conf"));
    QCOMPARE(bad.value("line_number").toInt(), 2);
    QVERIFY(bad.value("type").isNull());
    QVERIFY(bad.value("rule_number").isNull());
    QCOMPARE(bad.value("error").toString(), QString("invalid authentication method \"Trust\""));
    const QJsonArray diagnostics = report.value("diagnostics").toArray();
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.at(0).toObject().value("code").toString(), QString("hba.invalid-method"));
    QCOMPARE(diagnostics.at(0).toObject().value("file").toString(), QString("conf.d/10-a.conf"));

    // Before 16 the include line itself is the error.
    const QJsonObject old = runJson({"hba", corpus("include-dir/pg_hba.conf"), "--json", "--pg-version", "15"}, 1);
    QCOMPARE(old.value("rules").toArray().at(1).toObject().value("error").toString(),
             QString("invalid connection type \"include_dir\""));
}

void tst_CliHba::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("loads") << QStringList {"hba", corpus("basic.conf")} << 0;
    QTest::newRow("refused") << QStringList {"hba", corpus("one-bad-line.conf")} << 1;
    QTest::newRow("no entries") << QStringList {"hba", corpus("comments-only.conf"), "--json"} << 1;
    QTest::newRow("missing file") << QStringList {"hba", corpus("no-such-file.conf")} << 2;
    QTest::newRow("bad version") << QStringList {"hba", corpus("basic.conf"), "--pg-version", "12"} << 2;
    QTest::newRow("no file") << QStringList {"hba"} << 2;
}

void tst_CliHba::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const auto run = runCli(arguments);
    QVERIFY(!run.crashed);
    QCOMPARE(run.exitCode, exitCode);
}

void tst_CliHba::subcommandsAreHandedOver()
{
    const auto lint = runCli({"hba", "lint", corpus("basic.conf")});
    QCOMPARE(lint.exitCode, 0);
    const auto match = runCli({"hba", "match", corpus("basic.conf"), "--type", "local", "--database", "appdb", "--user",
                               "postgres", "--json"});
    QCOMPARE(match.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(match.out).object().value("rule").toObject().value("line_number").toInt(), 2);
}

// --build-features drives hba, hba lint and hba match as it drives conf: methods the build lacks
// are refused, hostgssenc never matches; without the flag the build is unknown (warnings).
void tst_CliHba::buildFeatures()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("pg_hba.conf");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("local all all peer\n"
               "hostgssenc all all 10.0.0.0/8 scram-sha-256\n"
               "host all all 10.0.0.0/8 ldap ldapserver=ldap.example.com ldapbasedn=\"dc=example,dc=com\"\n");
    file.close();

    const QJsonObject unknown = runJson({"hba", path, "--json"}, 0);
    QCOMPARE(unknown.value("ok").toBool(), true);
    QCOMPARE(unknown.value("diagnostics").toArray().size(), 2);
    QCOMPARE(unknown.value("diagnostics").toArray().at(1).toObject().value("code").toString(),
             QString("hba.build-dependent-method"));

    const QJsonObject without = runJson({"hba", path, "--json", "--build-features", "ssl,lz4"}, 1);
    QCOMPARE(without.value("ok").toBool(), false);
    const QJsonArray rows = without.value("rules").toArray();
    QCOMPARE(rows.at(1).toObject().value("error").toString(),
             QString("hostgssenc record cannot match because GSSAPI is not supported by this build"));
    QCOMPARE(rows.at(2).toObject().value("error").toString(),
             QString("invalid authentication method \"ldap\": not supported by this build"));

    const QJsonObject with = runJson({"hba", path, "--json", "--build-features", "ssl, LDAP, gssapi"}, 0);
    QCOMPARE(with.value("diagnostics").toArray().size(), 0);

    const auto lint = runCli({"hba", "lint", path, "--build-features", "ssl"});
    QCOMPARE(lint.exitCode, 1);
    QVERIFY(lint.out.contains("hba.unsupported-method"));
    QCOMPARE(runCli({"hba", "lint", path, "--build-features", "ldap,gssapi"}).exitCode, 0);

    // A GSS-encrypted client cannot reach a server without GSSAPI: the hostgssenc line never matches.
    const auto matched = runJson({"hba", "match", path, "--type", "hostgssenc", "--address", "10.1.2.3", "--database",
                                  "appdb", "--user", "app", "--json", "--build-features", "ldap,gssapi"},
                                 0);
    QCOMPARE(matched.value("rule").toObject().value("line_number").toInt(), 2);
    const auto never = runJson({"hba", "match", path, "--type", "hostgssenc", "--address", "10.1.2.3", "--database",
                                "appdb", "--user", "app", "--json", "--build-features", "ldap"},
                               0);
    QCOMPARE(never.value("rule").toObject().value("line_number").toInt(), 3);
    QCOMPARE(never.value("trace").toArray().at(1).toObject().value("mismatch").toString(), QString("type"));
    QVERIFY(runCli({"hba", "match", "--help"}).out.contains("--build-features"));
}

QTEST_GUILESS_MAIN(tst_CliHba)
#include "tst_cli_hba.moc"
