#include "support/clirunner.h"
#include "support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using pgdial::test::runCli;

class tst_CliAppConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlText();
    void urlJson();
    void urlErrors_data();
    void urlErrors();
    void urlResolvesVariables();
    void urlUsage();
    void envExample();
    void envJson();
    void envProcessEnvironmentWins();
    void checkCoversAppConfig();
    void envReportsLoadErrors_data();
    void envReportsLoadErrors();
};

static QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *key : {"DATABASE_URL", "APP_ENVIRONMENT", "APP_DB", "PW"})
        environment.remove(key);
    return environment;
}

void tst_CliAppConfig::urlText()
{
    const auto run = runCli({"url", "postgresql://appuser:devpass@localhost:5433/appdb"}, {}, cleanEnvironment());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("libpq:    accepts"));
    QVERIFY(run.out.contains("5433"));
    QVERIFY(!run.out.contains("devpass"));
    QVERIFY(!run.err.contains("devpass"));
}

void tst_CliAppConfig::urlJson()
{
    const auto run = runCli({"url", "postgresql+asyncpg://appuser:devpass@localhost:5433/appdb?ssl=require", "--json"},
                            {}, cleanEnvironment());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains("devpass"));
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value("driver").toString(), QStringLiteral("asyncpg"));
    QCOMPARE(report.value("kind").toString(), QStringLiteral("uri"));
    QCOMPARE(report.value("libpq_accepts").toBool(), true);
    QCOMPARE(report.value("ok").toBool(), true);
    QStringList keywords;
    for (const QJsonValue &p : report.value("parameters").toArray())
        keywords.append(p.toObject().value("keyword").toString());
    QCOMPARE(keywords, (QStringList {"user", "password", "dbname", "host", "port"}));
    QCOMPARE(report.value("driver_parameters").toArray().first().toObject().value("keyword").toString(),
             QStringLiteral("ssl"));
}

void tst_CliAppConfig::urlErrors_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("code");
    QTest::newRow("pool-options") << "postgresql://appuser:devpass@localhost:5433/appdb?pool_size=10&max_overflow=5"
                                  << "url.pool-parameter";
    QTest::newRow("sslmode") << "host=h sslmode=yes"
                             << "url.invalid-sslmode";
    QTest::newRow("unencoded") << "postgresql://u:p@ss@h/db"
                               << "url.unencoded-password";
}

void tst_CliAppConfig::urlErrors()
{
    QFETCH(QString, url);
    QFETCH(QString, code);
    const auto run = runCli({"url", url, "--json"}, {}, cleanEnvironment());
    QCOMPARE(run.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value("ok").toBool(), false);
    QCOMPARE(report.value("diagnostics").toArray().first().toObject().value("code").toString(), code);
    QVERIFY(!run.out.contains("devpass"));
    QVERIFY(!run.out.contains("p@ss"));
}

void tst_CliAppConfig::urlResolvesVariables()
{
    QTemporaryDir dir;
    QFile env(dir.filePath(".env"));
    QVERIFY(env.open(QIODevice::WriteOnly));
    env.write("PW=s3cret\nAPP_ENVIRONMENT=production\n");
    env.close();
    const auto run
        = runCli({"url", "postgresql://u:${PW}@h/db", "--env-file", env.fileName(), "--json"}, {}, cleanEnvironment());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!run.out.contains("s3cret"));
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value("variables").toArray().first().toObject().value("from").toString(),
             QStringLiteral(".env line 1"));
    QStringList codes;
    for (const QJsonValue &d : report.value("diagnostics").toArray())
        codes.append(d.toObject().value("code").toString());
    QCOMPARE(codes, QStringList {"url.production-without-tls"}); // the password comes from a variable: fine
}

void tst_CliAppConfig::urlUsage()
{
    QCOMPARE(runCli({"url"}).exitCode, 2);
    QCOMPARE(runCli({"url", "a", "b"}).exitCode, 2);
    QCOMPARE(runCli({"url", "x", "--env-file", "/nonexistent/.env"}).exitCode, 2);
    QVERIFY(runCli({"--help"}).out.contains("url"));
}

void tst_CliAppConfig::envExample()
{
    const auto run = runCli({"env", pgdial::test::exampleProject(), "--ignore-environment"}, {}, cleanEnvironment());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("APP_DB=appdb    # .env line 10"));
    QVERIFY(
        run.out.contains("user_pw_file_path = /run/secrets/postgres_app_user_pw    # default in config.yaml line 32"));
    QVERIFY(run.out.contains("user_pw_env_var = POSTGRES_APP_USER_PW"));
    QVERIFY(!run.out.contains("devpass"));
}

void tst_CliAppConfig::envJson()
{
    const auto run
        = runCli({"env", pgdial::test::exampleProject(), "--json", "--ignore-environment"}, {}, cleanEnvironment());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value("process_environment").toBool(), false);
    const QJsonObject first = report.value("variables").toArray().first().toObject();
    QCOMPARE(first.value("name").toString(), QStringLiteral("APP_ENVIRONMENT"));
    QCOMPARE(first.value("source").toString(), QStringLiteral("env-file"));
    QCOMPARE(first.value("file").toString(), QStringLiteral(".env"));
    QCOMPARE(first.value("line").toInt(), 4);
    bool sawUrl = false;
    for (const QJsonValue &v : report.value("settings").toArray()) {
        const QJsonObject s = v.toObject();
        if (s.value("key").toString() == "database.url") {
            sawUrl = true;
            QCOMPARE(s.value("from").toString(), QStringLiteral(".env line 7"));
            QCOMPARE(s.value("line").toInt(), 14);
        }
    }
    QVERIFY(sawUrl);
}

void tst_CliAppConfig::envProcessEnvironmentWins()
{
    QProcessEnvironment environment = cleanEnvironment();
    environment.insert("APP_DB", "fromprocess");
    const auto run = runCli({"env", pgdial::test::exampleProject()}, {}, environment);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("APP_DB=fromprocess    # process environment"));
    QVERIFY(run.out.contains("app_db = fromprocess    # process environment"));
}

void tst_CliAppConfig::checkCoversAppConfig()
{
    QTemporaryDir dir;
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write("config.yaml", "database:\n  url: \"${DATABASE_URL:-postgresql://u@h/db}\"\n  pool_size: 500\n");
    write(".env", "DATABASE_URL=postgresql://appuser:devpass@localhost:5433/appdb?pool_size=10&max_overflow=5\n");
    write(".env.example", "DATABASE_URL=\nAPP_DB=appdb\n");
    const auto run = runCli({"check", dir.path(), "--format", "json"}, {}, cleanEnvironment());
    QCOMPARE(run.exitCode, 1);
    QVERIFY(!run.out.contains("devpass"));
    QStringList found;
    for (const QJsonValue &d : QJsonDocument::fromJson(run.out).object().value("diagnostics").toArray())
        found.append(d.toObject().value("file").toString() + ":" + d.toObject().value("code").toString());
    QVERIFY2(found.contains(".env:url.pool-parameter"), qPrintable(found.join(' ')));
    QVERIFY2(found.contains("config.yaml:app.out-of-range"), qPrintable(found.join(' ')));
    QVERIFY2(found.contains(".env.example:env.missing-key"), qPrintable(found.join(' ')));
}

// Issue 16 item 11: env said ok on a binary or over-large .env or config.yaml while check reported
// the error; every command reports load errors the same way.
void tst_CliAppConfig::envReportsLoadErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("huge");
    QTest::addColumn<QString>("code");
    QTest::newRow("binary .env") << QStringLiteral(".env") << false << QStringLiteral("project.binary-file");
    QTest::newRow("huge .env") << QStringLiteral(".env") << true << QStringLiteral("project.file-too-large");
    QTest::newRow("binary config.yaml") << QStringLiteral("config.yaml") << false
                                        << QStringLiteral("project.binary-file");
    QTest::newRow("huge config.yaml") << QStringLiteral("config.yaml") << true
                                      << QStringLiteral("project.file-too-large");
}

void tst_CliAppConfig::envReportsLoadErrors()
{
    QFETCH(QString, file);
    QFETCH(bool, huge);
    QFETCH(QString, code);
    QTemporaryDir dir;
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(".env", "APP_DB=appdb\n");
    write("config.yaml", "database:\n  app_db: appdb\n");
    QFile broken(dir.filePath(file));
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    if (huge)
        QVERIFY(broken.resize(33 * 1024 * 1024)); // sparse: costs no disk
    else
        broken.write(QByteArray("APP_DB=x\n\0\1\2", 12));
    broken.close();

    const auto json = runCli({"env", dir.path(), "--json", "--ignore-environment"}, {}, cleanEnvironment());
    QCOMPARE(json.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(report.value("ok").toBool(true), false);
    QStringList codes;
    for (const QJsonValue &d : report.value("diagnostics").toArray())
        codes.append(d.toObject().value("file").toString() + ":" + d.toObject().value("code").toString());
    QVERIFY2(codes.contains(file + ":" + code), qPrintable(codes.join(' ')));

    const auto text = runCli({"env", dir.path(), "--ignore-environment"}, {}, cleanEnvironment());
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains(code.toUtf8()), text.out.constData());
    // check says the same.
    const auto check = runCli({"check", dir.path(), "--format", "json"}, {}, cleanEnvironment());
    QCOMPARE(check.exitCode, 1);
    QVERIFY2(check.out.contains(code.toUtf8()), check.out.constData());
}

QTEST_GUILESS_MAIN(tst_CliAppConfig)
#include "tst_cli_appconfig.moc"
