// pgdial-cli envs: the environments of a project, side by side (issue 18's JSON contract).
#include "support/clirunner.h"
#include "support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using pgdial::test::runCli;

class tst_CliEnvs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleProjectJson();
    void exampleProjectTextHidesPasswords();
    void usageErrors();
};

void tst_CliEnvs::exampleProjectJson()
{
    const auto run = runCli({QStringLiteral("envs"), pgdial::test::exampleProject(), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    const QJsonArray environments = json.value(QStringLiteral("environments")).toArray();
    QCOMPARE(environments.size(), 2);
    const QJsonObject dev = environments.at(0).toObject();
    const QJsonObject prod = environments.at(1).toObject();
    QCOMPARE(dev.value(QStringLiteral("name")).toString(), QStringLiteral("dev"));
    QCOMPARE(prod.value(QStringLiteral("name")).toString(), QStringLiteral("prod"));
    QCOMPARE(dev.value(QStringLiteral("pg_version")).toInt(), 16);
    QCOMPARE(prod.value(QStringLiteral("pg_version")).toInt(), 16);
    QCOMPARE(dev.value(QStringLiteral("published_ports"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("published"))
                 .toInt(),
             5433);
    const QJsonObject prodPort = prod.value(QStringLiteral("published_ports")).toArray().at(0).toObject();
    QCOMPARE(prodPort.value(QStringLiteral("published")).toInt(), 5432);
    QCOMPARE(prodPort.value(QStringLiteral("host_ip")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(
        dev.value(QStringLiteral("database_urls")).toArray().at(0).toObject().value(QStringLiteral("port")).toInt(),
        5433);
    QCOMPARE(prod.value(QStringLiteral("server_files")).toObject().value(QStringLiteral("postgresql.conf")).toString(),
             QStringLiteral("infra/docker/prod/postgres/postgresql.conf"));
    QVERIFY(dev.value(QStringLiteral("server_files")).toObject().value(QStringLiteral("postgresql.conf")).isNull());
    QCOMPARE(prod.value(QStringLiteral("initdb_args")).toString(),
             QStringLiteral("--auth-host=scram-sha-256 --data-checksums"));
    bool secret = false;
    for (const QJsonValue &p : prod.value(QStringLiteral("password_sources")).toArray())
        secret |= p.toObject().value(QStringLiteral("kind")).toString() == u"secret_file";
    QVERIFY(secret);
    QVERIFY(json.value(QStringLiteral("diagnostics")).toArray().isEmpty());
    QVERIFY(!run.out.contains("devpass"));
}

void tst_CliEnvs::exampleProjectTextHidesPasswords()
{
    const auto run = runCli({QStringLiteral("envs"), pgdial::test::exampleProject()});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("prod\n"));
    QVERIFY(run.out.contains("PostgreSQL: 16"));
    QVERIFY(!run.out.contains("devpass"));
}

void tst_CliEnvs::usageErrors()
{
    QCOMPARE(runCli({QStringLiteral("envs"), QStringLiteral("/nonexistent/pgdial")}).exitCode, 2);
    QCOMPARE(runCli({QStringLiteral("envs"), QStringLiteral("a"), QStringLiteral("b")}).exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_CliEnvs)
#include "tst_cli_envs.moc"
