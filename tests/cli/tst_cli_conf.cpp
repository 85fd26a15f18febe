// pgdial-cli conf FILE --json: the pg_file_settings-shaped report, run as a user would.
#include "support/clirunner.h"
#include "support/testfiles.h"
#include "support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using pgdial::test::runCli;

class tst_CliConf final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsInServerOrder();
    void errorRows();
    void exitCodes_data();
    void exitCodes();
    void usageErrors_data();
    void usageErrors();
    void serverFacts();
    void commandLineOfTheEnvironment();
    void jsonIsWhatQtWrites_data();
    void jsonIsWhatQtWrites();
};

static QJsonObject runJson(const QString &file, int expectedExit)
{
    const auto run = runCli({"conf", file, "--json"});
    if (run.exitCode != expectedExit)
        qWarning() << run.err;
    [&] { QCOMPARE(run.exitCode, expectedExit); }();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    [&] { QCOMPARE(error.error, QJsonParseError::NoError); }();
    return document.object();
}

void tst_CliConf::rowsInServerOrder()
{
    const QJsonObject report
        = runJson(pgdial::test::testDataDir() + "/pgconf/include-relative-to-including-file/postgresql.conf", 0);
    QVERIFY(report.value("ok").toBool());
    QVERIFY(report.value("diagnostics").isArray());
    const QJsonArray rows = report.value("file_settings").toArray();
    QCOMPARE(rows.size(), 2);
    const QJsonObject first = rows.at(0).toObject();
    QCOMPARE(first.value("sourcefile").toString(), QString("sub/b.conf"));
    QCOMPARE(first.value("sourceline").toInt(), 1);
    QCOMPARE(first.value("seqno").toInt(), 1);
    QCOMPARE(first.value("name").toString(), QString("work_mem"));
    QCOMPARE(first.value("setting").toString(), QString("1MB"));
    QVERIFY(first.contains("applied"));
    QVERIFY(first.value("error").isNull());
    QCOMPARE(rows.at(1).toObject().value("sourcefile").toString(), QString("sub/a.conf"));
    QCOMPARE(rows.at(1).toObject().value("sourceline").toInt(), 2);
}

void tst_CliConf::errorRows()
{
    const QJsonObject report
        = runJson(pgdial::test::testDataDir() + "/pgconf/syntax-error-in-include/postgresql.conf", 1);
    QVERIFY(!report.value("ok").toBool());
    const QJsonArray rows = report.value("file_settings").toArray();
    QStringList rendered;
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        rendered << QString("%1:%2 %3 %4")
                        .arg(row.value("sourcefile").toString())
                        .arg(row.value("sourceline").toInt())
                        .arg(row.value("name").isNull() ? "<null>" : row.value("name").toString(),
                             row.value("error").isNull() ? "<null>" : row.value("error").toString());
    }
    QCOMPARE(rendered,
             QStringList({"postgresql.conf:1 work_mem <null>", "bad.conf:1 work_mem <null>",
                          "bad.conf:2 <null> syntax error", "postgresql.conf:3 statement_timeout <null>"}));
    const QJsonArray diagnostics = report.value("diagnostics").toArray();
    QCOMPARE(diagnostics.size(), 1);
    const QJsonObject diagnostic = diagnostics.at(0).toObject();
    QCOMPARE(diagnostic.value("code").toString(), QString("conf.syntax-error"));
    QCOMPARE(diagnostic.value("severity").toString(), QString("error"));
    QCOMPARE(diagnostic.value("file").toString(), QString("bad.conf"));
    QCOMPARE(diagnostic.value("line").toInt(), 2);
    QCOMPARE(diagnostic.value("column").toInt(), 12);
    QVERIFY(diagnostic.value("parameter").isNull());
}

void tst_CliConf::exitCodes_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("clean") << "basic" << 0;
    QTest::newRow("missing include") << "include-missing" << 1;
    QTest::newRow("missing include_if_exists") << "include-if-exists-missing" << 0;
    QTest::newRow("self include") << "include-self" << 1;
}

void tst_CliConf::exitCodes()
{
    QFETCH(QString, caseName);
    QFETCH(int, exitCode);
    const auto json
        = runCli({"conf", pgdial::test::testDataDir() + "/pgconf/" + caseName + "/postgresql.conf", "--json"});
    QCOMPARE(json.exitCode, exitCode);
    const auto text = runCli({"conf", pgdial::test::testDataDir() + "/pgconf/" + caseName + "/postgresql.conf"});
    QCOMPARE(text.exitCode, exitCode);
}

// lz4 depends on the server's build: a warning while it is unknown, an error when
// --build-features says the build lacks it; --local-server judges locales here.
void tst_CliConf::serverFacts()
{
    const QString compression = pgdial::test::testDataDir() + "/pgconf/build-dependent-compression/postgresql.conf";
    const auto unknown = runCli({"conf", compression, "--json", "--pg-version", "16"});
    QCOMPARE(unknown.exitCode, 0);
    QVERIFY(unknown.out.contains("conf.build-dependent-value"));
    QCOMPARE(runCli({"conf", compression, "--pg-version", "16", "--build-features", "zstd"}).exitCode, 1);
    QCOMPARE(runCli({"conf", compression, "--pg-version", "16", "--build-features", "lz4,zstd"}).exitCode, 0);
    const QString locales = pgdial::test::testDataDir() + "/pgconf/locale-checks/postgresql.conf";
    const auto elsewhere = runCli({"conf", locales, "--json"});
    QCOMPARE(elsewhere.exitCode, 1); // lc_messages = '' is refused everywhere
    QVERIFY(elsewhere.out.contains("conf.machine-dependent-value"));
    const auto here = runCli({"conf", locales, "--json", "--local-server"});
    QCOMPARE(here.exitCode, 1);
    QVERIFY(!here.out.contains("conf.machine-dependent-value"));
}

// conf --json is streamed, not built as a QJsonDocument; its text is a contract, so it must be
// exactly what QJsonDocument writes for the same report (key order, indentation, escapes).
void tst_CliConf::jsonIsWhatQtWrites_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rows");
    QTest::newRow("example project") << pgdial::test::exampleProject() + "/infra/docker/prod/postgres/postgresql.conf"
                                     << -1;
    QTest::newRow("syntax error in include")
        << pgdial::test::testDataDir() + "/pgconf/syntax-error-in-include/postgresql.conf" << 4;
    // A mid-sized file of every kind of line: overridden settings (thousands of diagnostics with
    // related places), custom names, non-ASCII and escaped values, samples, prose, an include.
    static QTemporaryDir dir;
    QByteArray text;
    for (int i = 0; i < 4000; ++i) {
        switch (i % 10) {
        case 0:
            text += "work_mem = " + QByteArray::number(4 + i % 7) + "MB\n";
            break;
        case 1:
            text += "shared_buffers = 128MB\n";
            break;
        case 2:
            text += "application_name = 'caf\xc3\xa9 \\t \\' \\\\ \"x\" " + QByteArray::number(i) + "'\n";
            break;
        case 3:
            text += "myext.setting_" + QByteArray::number(i) + " = 'x'\n";
            break;
        case 4:
            text += "MyExt.Setting_" + QByteArray::number(i - 1) + " = 'y'\n";
            break;
        case 5:
            text += "#work_mem = 4MB  # sample\n";
            break;
        case 6:
            text += "# prose \xe2\x82\xac\n";
            break;
        case 7:
            text += "myext.bytes = 'bad \xff\xfe utf-8'\n";
            break;
        case 8:
            text += "random_page_cost = 1.1\n";
            break;
        default:
            text += "\n";
            break;
        }
    }
    text += "include 'more.conf'\n";
    const auto write = [](const QString &path, const QByteArray &bytes) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    write(dir.filePath("postgresql.conf"), text);
    write(dir.filePath("more.conf"), "work_mem = 64MB\nlisten_addresses = '*'\n");
    QTest::newRow("4,000 lines") << dir.filePath("postgresql.conf") << 2802;
}

void tst_CliConf::jsonIsWhatQtWrites()
{
    QFETCH(QString, file);
    QFETCH(int, rows);
    const auto run = runCli({"conf", file, "--json"});
    QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.err.constData());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    if (rows >= 0)
        QCOMPARE(document.object().value("file_settings").toArray().size(), rows);
    // Compared line by line first: a difference then names its line.
    const QByteArray expected = document.toJson(QJsonDocument::Indented);
    const QList<QByteArray> actualLines = run.out.split('\n');
    const QList<QByteArray> expectedLines = expected.split('\n');
    for (qsizetype i = 0; i < std::min(actualLines.size(), expectedLines.size()); ++i)
        QCOMPARE(actualLines.at(i), expectedLines.at(i));
    QCOMPARE(run.out, expected);
}

void tst_CliConf::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no file") << QStringList {"conf"};
    QTest::newRow("missing file") << QStringList {"conf", "/nonexistent/postgresql.conf"};
    QTest::newRow("bad version") << QStringList {"conf", pgdial::test::testDataDir() + "/pgconf/basic/postgresql.conf",
                                                 "--pg-version", "12"};
}

void tst_CliConf::usageErrors()
{
    QFETCH(QStringList, arguments);
    QCOMPARE(runCli(arguments).exitCode, 2);
}

// With --project, the server's -c flags over FILE (the compose command of the environment the
// project is judged as) are listed with the line each overrides; without it the JSON is as before.
void tst_CliConf::commandLineOfTheEnvironment()
{
    QTemporaryDir dir;
    QVERIFY(pgdial::test::copyFolder(pgdial::test::exampleProject(), dir.path()));
    const QString composePath = dir.filePath("docker-compose.prod.yml");
    QByteArray compose = pgdial::test::readBytes(composePath);
    compose.replace("\"config_file=/etc/postgresql/postgresql.conf\"",
                    "\"config_file=/etc/postgresql/postgresql.conf\", \"-c\", \"max_connections=200\"");
    QFile file(composePath);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(compose);
    file.close();
    const QString conf = dir.filePath("infra/docker/prod/postgres/postgresql.conf");

    const auto run = runCli({"conf", conf, "--json", "--project", dir.path()});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    // Streamed with the --project keys in their sorted places: still exactly what Qt writes.
    QCOMPARE(run.out, QJsonDocument::fromJson(run.out).toJson(QJsonDocument::Indented));
    QCOMPARE(report.value("environment").toString(), QString("prod"));
    const QJsonArray flags = report.value("command_line_settings").toArray();
    QCOMPARE(flags.size(), 2);
    const QJsonObject configFile = flags.at(0).toObject();
    QCOMPARE(configFile.value("name").toString(), QString("config_file"));
    QCOMPARE(configFile.value("source").toObject().value("file").toString(), QString("docker-compose.prod.yml"));
    QCOMPARE(configFile.value("source").toObject().value("line").toInt(), 6);
    QVERIFY(configFile.value("overrides").isNull());
    const QJsonObject maxConnections = flags.at(1).toObject();
    QCOMPARE(maxConnections.value("value").toString(), QString("200"));
    QCOMPARE(maxConnections.value("overrides").toObject().value("sourcefile").toString(), QString("postgresql.conf"));
    QCOMPARE(maxConnections.value("overrides").toObject().value("sourceline").toInt(), 74);
    QVERIFY(!report.value("file_settings").toArray().isEmpty());

    const auto text = runCli({"conf", conf, "--project", dir.path()});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.err.contains("prod: -c max_connections=200 (docker-compose.prod.yml:6) overrides postgresql.conf:74"),
             text.err.constData());

    // Development's server does not read this file: no flags of its apply.
    const auto dev = runCli({"conf", conf, "--json", "--project", dir.path(), "--env", "dev"});
    QCOMPARE(dev.exitCode, 0);
    const QJsonObject devReport = QJsonDocument::fromJson(dev.out).object();
    QCOMPARE(dev.out, QJsonDocument::fromJson(dev.out).toJson(QJsonDocument::Indented));
    QVERIFY(devReport.value("environment").isNull());
    QVERIFY(devReport.value("command_line_settings").toArray().isEmpty());

    const auto plain = runCli({"conf", conf, "--json"});
    QVERIFY(!QJsonDocument::fromJson(plain.out).object().contains("command_line_settings"));
    QCOMPARE(runCli({"conf", conf, "--env", "prod"}).exitCode, 2);
    QCOMPARE(runCli({"conf", conf, "--project", dir.path(), "--env", "nope"}).exitCode, 2);
    QCOMPARE(runCli({"conf", pgdial::test::exampleProject() + "/config.yaml", "--project", dir.path()}).exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_CliConf)
#include "tst_cli_conf.moc"
