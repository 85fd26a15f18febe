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
    void oneEnvironment();
    void envOptionEverywhere_data();
    void envOptionEverywhere();
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

// --env NAME (or an alias of it) keeps one environment; an unknown name is a usage error.
void tst_CliEnvs::oneEnvironment()
{
    const auto run = runCli({"envs", pgdial::test::exampleProject(), "--env", "production", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray environments = QJsonDocument::fromJson(run.out).object().value("environments").toArray();
    QCOMPARE(environments.size(), 1);
    QCOMPARE(environments.first().toObject().value("name").toString(), QStringLiteral("prod"));
    const auto unknown = runCli({"envs", pgdial::test::exampleProject(), "--env", "staging"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("no environment named \"staging\" (known: dev, prod)"), unknown.err.constData());
}

// Every command that opens a project takes --env NAME: a known one works, an unknown one is a
// usage error naming the known ones, and without a project it has nothing to choose from.
void tst_CliEnvs::envOptionEverywhere_data()
{
    QTest::addColumn<QStringList>("arguments"); // the project folder is appended
    QTest::addColumn<QStringList>("withoutProject"); // empty: the command always has a project
    const QStringList pool {"pool", "--rps", "10", "--avg-query-ms", "5", "--request-ms", "50", "--project"};
    const QStringList tune {"tune", "--ram", "8GB", "--cpus", "4", "--format", "json", "--project"};
    QTest::newRow("check") << QStringList {"check"} << QStringList {};
    QTest::newRow("env") << QStringList {"env"} << QStringList {};
    QTest::newRow("envs") << QStringList {"envs"} << QStringList {};
    QTest::newRow("pool") << pool << QStringList(pool.mid(0, pool.size() - 1));
    QTest::newRow("tune") << tune << QStringList(tune.mid(0, tune.size() - 1));
}

void tst_CliEnvs::envOptionEverywhere()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, withoutProject);
    const QStringList withProject = arguments + QStringList {pgdial::test::exampleProject()};
    const auto known = runCli(withProject + QStringList {"--env", "dev"});
    QVERIFY2(known.exitCode != 2, known.err.constData()); // pool says 1: the example's pools overflow
    const auto unknown = runCli(withProject + QStringList {"--env", "nope"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("[env.unknown-environment]"), unknown.err.constData());
    QVERIFY(unknown.out.isEmpty());
    if (!withoutProject.isEmpty()) {
        const auto alone = runCli(withoutProject + QStringList {"--env", "dev"});
        QCOMPARE(alone.exitCode, 2);
        QVERIFY2(alone.err.contains("--env needs --project"), alone.err.constData());
    }
}

QTEST_GUILESS_MAIN(tst_CliEnvs)
#include "tst_cli_envs.moc"
