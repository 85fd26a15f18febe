#include "support/clirunner.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using pgdial::test::runCli;

// pgdial-cli hba edit: one rule operation per run, byte-exact (every other byte of the file
// kept), a FILE.bak copy, refusals that write nothing, --dry-run and --json.
class tst_CliHbaEdit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void operations_data();
    void operations();
    void backupAndDryRun();
    void json();
    void refusedEditsWriteNothing_data();
    void refusedEditsWriteNothing();
    void usageErrors_data();
    void usageErrors();

private:
    static QString write(const QTemporaryDir &dir, const QByteArray &bytes);
    static QByteArray read(const QString &path);
};

namespace {

// Aligned columns, a comment, a commented-out rule, CRLF-free, no final newline on purpose.
const QByteArray original
    = "# TYPE  DATABASE        USER            ADDRESS                 METHOD\n"
      "local   all             postgres                                peer\n"
      "host    all             all             127.0.0.1/32            scram-sha-256  # loopback\n"
      "#host   appdb           app             10.0.0.0/8              scram-sha-256\n"
      "host    all             all             0.0.0.0/0               reject";

} // namespace

QString tst_CliHbaEdit::write(const QTemporaryDir &dir, const QByteArray &bytes)
{
    const QString path = dir.filePath("pg_hba.conf");
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

QByteArray tst_CliHbaEdit::read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_CliHbaEdit::operations_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QByteArray>("printed");

    QList<QByteArray> lines = original.split('\n');
    const auto joined = [](const QList<QByteArray> &list) { return list.join('\n'); };

    QList<QByteArray> added = lines;
    added.insert(4, "hostssl appdb           app             10.1.0.0/16             scram-sha-256");
    QTest::newRow("add before") << QStringList {"--add", "hostssl appdb app 10.1.0.0/16 scram-sha-256", "--before", "5"}
                                << joined(added)
                                << QByteArray("pg_hba.conf:5: Insert \"hostssl appdb           app             "
                                              "10.1.0.0/16             scram-sha-256\" before line 5\n"
                                              "+ hostssl appdb           app             10.1.0.0/16             "
                                              "scram-sha-256\n");
    QList<QByteArray> appended = lines;
    appended.append("local   appdb           app                                     scram-sha-256");
    // The last line had no newline: it gets one, the new last line stays without.
    QTest::newRow("add at the end") << QStringList {"--add", "local appdb app scram-sha-256"} << joined(appended)
                                    << QByteArray();
    QList<QByteArray> deleted = lines;
    deleted.removeAt(2);
    QTest::newRow("delete") << QStringList {"--delete", "3"} << joined(deleted)
                            << QByteArray("pg_hba.conf:3: Delete the rule on line 3\n"
                                          "- host    all             all             127.0.0.1/32            "
                                          "scram-sha-256  # loopback\n");
    QList<QByteArray> moved = lines;
    moved.move(2, 1);
    QTest::newRow("move up") << QStringList {"--move", "3", "--before", "2"} << joined(moved) << QByteArray();
    QList<QByteArray> enabled = lines;
    enabled[3] = "host   appdb           app             10.0.0.0/8              scram-sha-256";
    QTest::newRow("enable") << QStringList {"--enable", "4"} << joined(enabled) << QByteArray();
    QList<QByteArray> disabled = lines;
    disabled[1] = "#" + disabled[1];
    QTest::newRow("disable") << QStringList {"--disable", "2"} << joined(disabled) << QByteArray();
    QList<QByteArray> method = lines;
    method[2] = "host    all             all             127.0.0.1/32            md5  # loopback";
    QTest::newRow("set method keeps the comment")
        << QStringList {"--set", "3", "method=md5"} << joined(method) << QByteArray();
    QList<QByteArray> address = lines;
    address[2] = "host    all             all             ::1/128                 scram-sha-256  # loopback";
    QTest::newRow("set address") << QStringList {"--set", "3", "address=::1/128"} << joined(address) << QByteArray();
    QList<QByteArray> comment = lines;
    comment[2] = "host    all             all             127.0.0.1/32            scram-sha-256  # the app";
    QTest::newRow("set comment") << QStringList {"--set", "3", "comment=the app"} << joined(comment) << QByteArray();
    QList<QByteArray> options = lines;
    options[1] = "local   all             postgres                                peer map=admins";
    QTest::newRow("set options") << QStringList {"--set", "2", "options=map=admins"} << joined(options) << QByteArray();
}

void tst_CliHbaEdit::operations()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, printed);
    QTemporaryDir dir;
    const QString path = write(dir, original);
    const auto run = runCli(QStringList {"hba", "edit", path} + arguments);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(read(path), expected);
    if (!printed.isEmpty())
        QCOMPARE(run.out, printed);
    // The server's reading of the result: it would load the file.
    QCOMPARE(runCli({"hba", path}).exitCode, 0);
}

void tst_CliHbaEdit::backupAndDryRun()
{
    QTemporaryDir dir;
    const QString path = write(dir, original);
    QCOMPARE(runCli({"hba", "edit", path, "--delete", "5", "--dry-run"}).exitCode, 0);
    QCOMPARE(read(path), original);
    QVERIFY(!QFileInfo::exists(path + ".bak"));
    QCOMPARE(runCli({"hba", "edit", path, "--delete", "5"}).exitCode, 0);
    QCOMPARE(read(path + ".bak"), original);
    QCOMPARE(runCli({"hba", "edit", path, "--disable", "2", "--no-backup"}).exitCode, 0);
    QCOMPARE(read(path + ".bak"), original); // untouched by the second edit
    QVERIFY(read(path).startsWith(original.split('\n').first() + "\n#local"));
}

void tst_CliHbaEdit::json()
{
    QTemporaryDir dir;
    const QString path = write(dir, original);
    const auto run = runCli({"hba", "edit", path, "--json", "--set", "3", "method=md5"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value("ok").toBool(), true);
    QCOMPARE(report.value("file_name").toString(), QString("pg_hba.conf"));
    QCOMPARE(report.value("line").toInt(), 3);
    QCOMPARE(report.value("written").toBool(), true);
    QCOMPARE(report.value("removed").toArray().size(), 1);
    QCOMPARE(report.value("inserted").toArray().at(0).toString(),
             QString("host    all             all             127.0.0.1/32            md5  # loopback"));

    const auto refused = runCli({"hba", "edit", path, "--json", "--delete", "1"});
    QCOMPARE(refused.exitCode, 1);
    const QJsonObject error = QJsonDocument::fromJson(refused.out).object();
    QCOMPARE(error.value("ok").toBool(), false);
    QCOMPARE(error.value("error").toObject().value("code").toString(), QString("hba.edit-no-rule"));
}

void tst_CliHbaEdit::refusedEditsWriteNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("code");
    QTest::newRow("delete a comment") << QStringList {"--delete", "1"} << "hba.edit-no-rule";
    QTest::newRow("line past the end") << QStringList {"--disable", "9"} << "hba.edit-no-such-line";
    QTest::newRow("enable a rule line") << QStringList {"--enable", "2"} << "hba.edit-no-disabled-rule";
    QTest::newRow("enable the template line") << QStringList {"--enable", "1"} << "hba.edit-no-disabled-rule";
    QTest::newRow("move onto itself") << QStringList {"--move", "3", "--before", "4"} << "hba.edit-bad-target";
    QTest::newRow("invalid method") << QStringList {"--set", "3", "method=scram"} << "hba.invalid-method";
    QTest::newRow("peer over TCP") << QStringList {"--set", "3", "method=peer"} << "hba.method-not-allowed";
    QTest::newRow("bad address") << QStringList {"--set", "3", "address=10.0.0.300/8"} << "hba.hostname-with-cidr";
    QTest::newRow("unknown field") << QStringList {"--set", "3", "mask=1"} << "hba.edit-unknown-field";
    QTest::newRow("no netmask on a CIDR rule")
        << QStringList {"--set", "3", "netmask=255.0.0.0"} << "hba.edit-field-not-settable";
    QTest::newRow("add a broken rule") << QStringList {"--add", "host all all 10.0.0.0 md5"} << "hba.missing-netmask";
    QTest::newRow("add a ldap rule to a build without LDAP")
        << QStringList {"--add", "host all all 10.0.0.0/8 ldap ldapserver=x ldapbasedn=\"dc=x\"", "--build-features",
                        "ssl"}
        << "hba.unsupported-method";
}

void tst_CliHbaEdit::refusedEditsWriteNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, code);
    QTemporaryDir dir;
    const QString path = write(dir, original);
    const auto run = runCli(QStringList {"hba", "edit", path} + arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("[" + code.toUtf8() + "]"), run.err.constData());
    QCOMPARE(read(path), original);
    QVERIFY(!QFileInfo::exists(path + ".bak"));
}

void tst_CliHbaEdit::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no operation") << QStringList {};
    QTest::newRow("two operations") << QStringList {"--delete", "2", "--disable", "3"};
    QTest::newRow("move without before") << QStringList {"--move", "3"};
    QTest::newRow("before without add or move") << QStringList {"--delete", "3", "--before", "1"};
    QTest::newRow("not a line number") << QStringList {"--delete", "three"};
    QTest::newRow("set without assignment") << QStringList {"--set", "3"};
    QTest::newRow("set without =") << QStringList {"--set", "3", "method"};
}

void tst_CliHbaEdit::usageErrors()
{
    QFETCH(QStringList, arguments);
    QTemporaryDir dir;
    const QString path = write(dir, original);
    QCOMPARE(runCli(QStringList {"hba", "edit", path} + arguments).exitCode, 2);
    QCOMPARE(read(path), original);
    QCOMPARE(runCli({"hba", "edit", dir.filePath("missing.conf"), "--delete", "1"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_CliHbaEdit)
#include "tst_cli_hbaedit.moc"
