#include "support/clirunner.h"
#include "support/pgtestserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using pgdial::test::runCli;

// `pgdial-cli probe` without a server: usage errors, the JSON shape, exit codes, project lookup.
class tst_CliProbe final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help();
    void usageErrors_data();
    void usageErrors();
    void refusedAsJson();
    void refusedAsText();
    void projectUrlIsLocated();
    void projectWithoutUrl();
};

void tst_CliProbe::help()
{
    const auto run = runCli({QStringLiteral("probe"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("--timeout"));
    QVERIFY(runCli({QStringLiteral("--help")}).out.contains("probe"));
}

void tst_CliProbe::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("nothing to probe") << QStringList {QStringLiteral("probe")};
    QTest::newRow("two conninfos") << QStringList {QStringLiteral("probe"), QStringLiteral("host=a"),
                                                   QStringLiteral("host=b")};
    QTest::newRow("conninfo and project") << QStringList {QStringLiteral("probe"), QStringLiteral("host=a"),
                                                          QStringLiteral("--project"), QStringLiteral(".")};
    QTest::newRow("bad timeout") << QStringList {QStringLiteral("probe"), QStringLiteral("--timeout"),
                                                 QStringLiteral("soon"), QStringLiteral("host=a")};
    QTest::newRow("zero timeout") << QStringList {QStringLiteral("probe"), QStringLiteral("--timeout"),
                                                  QStringLiteral("0"), QStringLiteral("host=a")};
    QTest::newRow("unknown option") << QStringList {QStringLiteral("probe"), QStringLiteral("--bogus"),
                                                    QStringLiteral("host=a")};
    QTest::newRow("bad roles") << QStringList {QStringLiteral("probe"), QStringLiteral("--roles"),
                                               QStringLiteral("a,b"), QStringLiteral("host=a")};
    QTest::newRow("missing project") << QStringList {QStringLiteral("probe"), QStringLiteral("--project"),
                                                     QStringLiteral("/nonexistent/pgdial")};
}

void tst_CliProbe::usageErrors()
{
    QFETCH(QStringList, arguments);
    const auto run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.err.isEmpty());
}

void tst_CliProbe::refusedAsJson()
{
    const int port = pgdial::test::PgTestServer::freePort();
    const auto run = runCli({QStringLiteral("probe"), QStringLiteral("--json"),
                             QStringLiteral("host=127.0.0.1 port=%1 user=app password=hunter2").arg(port)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(!run.out.contains("hunter2"));
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("verdict")).toString(), QStringLiteral("refused"));
    QCOMPARE(json.value(QStringLiteral("failed_stage")).toString(), QStringLiteral("tcp"));
    QVERIFY(!json.value(QStringLiteral("cause")).toString().isEmpty());
    QVERIFY(!json.value(QStringLiteral("fix")).toString().isEmpty());
    const QJsonArray stages = json.value(QStringLiteral("stages")).toArray();
    QCOMPARE(stages.size(), 7);
    for (const QJsonValue &value : stages) {
        const QJsonObject stage = value.toObject();
        QVERIFY(stage.value(QStringLiteral("name")).isString());
        QVERIFY(stage.value(QStringLiteral("status")).isString());
        QVERIFY(stage.value(QStringLiteral("ms")).isDouble());
        QVERIFY(stage.value(QStringLiteral("detail")).isString());
    }
    QCOMPARE(stages.at(2).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
}

void tst_CliProbe::refusedAsText()
{
    const int port = pgdial::test::PgTestServer::freePort();
    const auto run
        = runCli({QStringLiteral("probe"), QStringLiteral("postgresql://app:hunter2@127.0.0.1:%1/db").arg(port)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.contains("verdict: refused"));
    QVERIFY(run.out.contains("fix: "));
    QVERIFY(!run.out.contains("hunter2"));
}

void tst_CliProbe::projectUrlIsLocated()
{
    QTemporaryDir folder;
    const int port = pgdial::test::PgTestServer::freePort();
    QFile env(folder.filePath(QStringLiteral(".env")));
    QVERIFY(env.open(QIODevice::WriteOnly));
    env.write("# app settings\nAPP_NAME=x\nDATABASE_URL=postgresql+asyncpg://app:hunter2@127.0.0.1:"
              + QByteArray::number(port) + "/appdb\n");
    env.close();
    const auto run
        = runCli({QStringLiteral("probe"), QStringLiteral("--json"), QStringLiteral("--project"), folder.path()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(!run.out.contains("hunter2"));
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("verdict")).toString(), QStringLiteral("refused"));
    const QJsonObject location = json.value(QStringLiteral("fix_location")).toObject();
    QCOMPARE(location.value(QStringLiteral("file")).toString(), QStringLiteral(".env"));
    QCOMPARE(location.value(QStringLiteral("line")).toInt(), 3);
}

void tst_CliProbe::projectWithoutUrl()
{
    QTemporaryDir folder;
    const auto run = runCli({QStringLiteral("probe"), QStringLiteral("--project"), folder.path()});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("DATABASE_URL"));
}

QTEST_GUILESS_MAIN(tst_CliProbe)
#include "tst_cli_probe.moc"
