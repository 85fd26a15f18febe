#include "support/clirunner.h"
#include "support/testfiles.h"
#include "support/testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using pgdial::test::runCli;

class tst_CliCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersion();
    void noCommandIsUsageError();
    void unknownCommand();
    void checkExample_data();
    void checkExample();
    void checkEmptyFolder();
    void checkMissingFolder_data();
    void checkMissingFolder();
    void checkFindsErrors();
    void serverFacts();
    void startupChecks();
    void badOptions_data();
    void badOptions();
    void targetVersion_data();
    void targetVersion();
    void versionOnlyParameterOfNewerMajor();
    void environmentRules_data();
    void environmentRules();
    void monorepoFixture();
};

void tst_CliCheck::helpAndVersion()
{
    const auto help = runCli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("check"));
    const auto version = runCli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("pgdial-cli "));
    const auto checkHelp = runCli({QStringLiteral("check"), QStringLiteral("--help")});
    QCOMPARE(checkHelp.exitCode, 0);
    QVERIFY(checkHelp.out.contains("--format"));
}

void tst_CliCheck::noCommandIsUsageError()
{
    const auto run = runCli({});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("Usage"));
}

void tst_CliCheck::unknownCommand()
{
    const auto run = runCli({QStringLiteral("frobnicate")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("unknown command"));
}

void tst_CliCheck::checkExample_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("text") << QStringLiteral("text");
    QTest::newRow("json") << QStringLiteral("json");
    QTest::newRow("sarif") << QStringLiteral("sarif");
}

void tst_CliCheck::checkExample()
{
    QFETCH(QString, format);
    const auto run
        = runCli({QStringLiteral("check"), pgdial::test::exampleProject(), QStringLiteral("--format"), format});
    QVERIFY2(run.exitCode == 0, run.out + run.err);
    if (format == u"json") {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(doc.object().value(QStringLiteral("files")).toArray().size(), 8);
        // The production image (postgres:16-alpine) names the version.
        QCOMPARE(doc.object().value(QStringLiteral("pg_version")).toInt(), 16);
        QCOMPARE(doc.object().value(QStringLiteral("pg_version_from")).toString(), QStringLiteral("environment"));
        QCOMPARE(doc.object().value(QStringLiteral("environment")).toString(), QStringLiteral("prod"));
        QVERIFY(doc.object().value(QStringLiteral("diagnostics")).isArray());
    } else if (format == u"sarif") {
        const QJsonDocument doc = QJsonDocument::fromJson(run.out);
        QCOMPARE(doc.object().value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
    } else {
        QVERIFY(run.err.contains("8 file(s) checked"));
        QVERIFY2(run.err.contains("PostgreSQL 16 (prod from docker-compose.prod.yml:5)"), run.err.constData());
    }
}

void tst_CliCheck::checkEmptyFolder()
{
    QTemporaryDir dir;
    const auto text = runCli({QStringLiteral("check"), dir.path()});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.isEmpty());
    const auto json = runCli({QStringLiteral("check"), dir.path(), QStringLiteral("--format=json")});
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out).object().value(QStringLiteral("files")).toArray().size(), 0);
    // The default folder is the current directory.
    const auto here = runCli({QStringLiteral("check")}, dir.path());
    QCOMPARE(here.exitCode, 0);
}

void tst_CliCheck::checkMissingFolder_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("text") << QStringLiteral("text");
    QTest::newRow("json") << QStringLiteral("json");
}

void tst_CliCheck::checkMissingFolder()
{
    QFETCH(QString, format);
    const auto run
        = runCli({QStringLiteral("check"), QStringLiteral("/nonexistent/pgdial"), QStringLiteral("--format"), format});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("does not exist"));
    QVERIFY(run.out.isEmpty());
}

void tst_CliCheck::checkFindsErrors()
{
    QTemporaryDir dir;
    QFile binary(dir.filePath("postgresql.conf"));
    QVERIFY(binary.open(QIODevice::WriteOnly));
    binary.write(QByteArray("port = 1\n\0\0", 11));
    binary.close();
    const auto text = runCli({QStringLiteral("check"), dir.path()});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.startsWith("postgresql.conf:2:1: error: "), text.out);
    QVERIFY(text.out.contains("[project.binary-file]"));
    const auto json = runCli({QStringLiteral("check"), dir.path(), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(report.value(QStringLiteral("ok")).toBool(), false);
    const QJsonObject first = report.value(QStringLiteral("diagnostics")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("code")).toString(), QStringLiteral("project.binary-file"));
    QCOMPARE(first.value(QStringLiteral("line")).toInt(), 2);
}

// check takes conf's --build-features and --local-server and judges the project's
// postgresql.conf files with them.
void tst_CliCheck::serverFacts()
{
    const QString compression = pgdial::test::testDataDir() + "/pgconf/build-dependent-compression";
    const auto unknown = runCli({"check", compression, "--format", "json", "--pg-version", "16"});
    QCOMPARE(unknown.exitCode, 0);
    QVERIFY(unknown.out.contains("conf.build-dependent-value"));
    const auto without
        = runCli({"check", compression, "--format", "json", "--pg-version", "16", "--build-features", "zstd"});
    QCOMPARE(without.exitCode, 1);
    QVERIFY(!without.out.contains("conf.build-dependent-value"));
    QVERIFY(without.out.contains("conf.invalid-value"));
    QCOMPARE(runCli({"check", compression, "--pg-version", "16", "--build-features", "lz4, zstd"}).exitCode, 0);
    const QString locales = pgdial::test::testDataDir() + "/pgconf/locale-checks";
    const auto elsewhere = runCli({"check", locales, "--format", "json"});
    QVERIFY(elsewhere.out.contains("conf.machine-dependent-value"));
    const auto here = runCli({"check", locales, "--format", "json", "--local-server"});
    QCOMPARE(here.exitCode, 1);
    QVERIFY(!here.out.contains("conf.machine-dependent-value"));
    QVERIFY(runCli({"check", "--help"}).out.contains("--build-features"));

    // The same features judge the project's pg_hba.conf: a build without LDAP refuses ldap rules.
    QTemporaryDir project;
    QFile hba(project.filePath("pg_hba.conf"));
    QVERIFY(hba.open(QIODevice::WriteOnly));
    hba.write("local all all peer\nhost all all 10.0.0.0/8 ldap ldapserver=x ldapbasedn=\"dc=x\"\n");
    hba.close();
    const auto hbaUnknown = runCli({"check", project.path(), "--format", "json"});
    QCOMPARE(hbaUnknown.exitCode, 0);
    QVERIFY(hbaUnknown.out.contains("hba.build-dependent-method"));
    const auto hbaWithout = runCli({"check", project.path(), "--format", "json", "--build-features", "ssl"});
    QCOMPARE(hbaWithout.exitCode, 1);
    QVERIFY(hbaWithout.out.contains("hba.unsupported-method"));
    QCOMPARE(runCli({"check", project.path(), "--build-features", "ssl,ldap"}).exitCode, 0);
}

// What the server refuses only after reading the file is an error of check too.
void tst_CliCheck::startupChecks()
{
    const QString minimal = pgdial::test::testDataDir() + "/pgconf/startup-wal-level-minimal-alone";
    const auto result = runCli({"check", minimal, "--format", "json"});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.contains("conf.startup-conflict"));
    QCOMPARE(runCli({"check", pgdial::test::testDataDir() + "/pgconf/startup-wal-level-minimal-no-senders"}).exitCode,
             0);
}

void tst_CliCheck::badOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("bad-format") << QStringList {QStringLiteral("check"), QStringLiteral("--format"),
                                                QStringLiteral("xml")};
    QTest::newRow("bad-version") << QStringList {QStringLiteral("check"), QStringLiteral("--pg-version"),
                                                 QStringLiteral("9")};
    QTest::newRow("unknown-option") << QStringList {QStringLiteral("check"), QStringLiteral("--frob")};
    QTest::newRow("two-folders") << QStringList {QStringLiteral("check"), QStringLiteral("a"), QStringLiteral("b")};
}

void tst_CliCheck::badOptions()
{
    QFETCH(QStringList, arguments);
    const auto run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.err.isEmpty());
}

// The target version: --pg-version when given, else the image of the --env environment, else
// production's, else the first's; a folder without environments gets the default.
void tst_CliCheck::targetVersion_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("source"); // file:line, or empty for null
    QTest::addColumn<QString>("environment");
    const QString example = pgdial::test::exampleProject();
    QTest::newRow("production") << example << QStringList {} << 16 << "environment"
                                << "docker-compose.prod.yml:5"
                                << "prod";
    QTest::newRow("--env dev") << example << QStringList {"--env", "dev"} << 16 << "environment"
                               << "docker-compose.dev.yml:5"
                               << "dev";
    QTest::newRow("--pg-version wins") << example << QStringList {"--pg-version", "15", "--env", "dev"} << 15 << "user"
                                       << QString() << "dev";
    QTest::newRow("no environments") << pgdial::test::testDataDir() + "/pgconf/startup-wal-level-minimal-no-senders"
                                     << QStringList {} << 17 << "default" << QString() << QString();
}

void tst_CliCheck::targetVersion()
{
    QFETCH(QString, folder);
    QFETCH(QStringList, options);
    QFETCH(int, version);
    QFETCH(QString, from);
    QFETCH(QString, source);
    QFETCH(QString, environment);
    const auto run = runCli(QStringList {"check", folder, "--format", "json"} + options);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value("pg_version").toInt(), version);
    QCOMPARE(report.value("pg_version_from").toString(), from);
    const QJsonValue where = report.value("pg_version_source");
    QCOMPARE(where.isNull() ? QString()
                            : where.toObject().value("file").toString() + u':'
                     + QString::number(where.toObject().value("line").toInt()),
             source);
    QCOMPARE(report.value("environment").toString(), environment);
    QCOMPARE(report.value("environment").isNull(), environment.isEmpty());

    const auto unknown = runCli(QStringList {"check", folder, "--env", "nope"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("[env.unknown-environment]"));
}

// The example project's server is postgres:16-alpine: a parameter PostgreSQL 17 added is an
// error there (PG16 refuses the file), and fine when the user says 17.
void tst_CliCheck::versionOnlyParameterOfNewerMajor()
{
    QTemporaryDir dir;
    QVERIFY(pgdial::test::copyFolder(pgdial::test::exampleProject(), dir.path()));
    QFile conf(dir.filePath("infra/docker/prod/postgres/postgresql.conf"));
    QVERIFY(conf.open(QIODevice::Append));
    conf.write("transaction_timeout = 0\n");
    conf.close();
    const auto judged = runCli({"check", dir.path(), "--format", "json"});
    QCOMPARE(judged.exitCode, 1);
    QVERIFY(judged.out.contains("conf.parameter-not-in-version"));
    QVERIFY(judged.out.contains("transaction_timeout"));
    const auto asked = runCli({"check", dir.path(), "--format", "json", "--pg-version", "17"});
    QCOMPARE(asked.exitCode, 0);
    QVERIFY(!asked.out.contains("conf.parameter-not-in-version"));
}

// The guide's per-environment rules: every environment by default, one with --env; each finding
// at file:line:column with its code, and the reused password never printed.
void tst_CliCheck::environmentRules_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("every environment") << QStringList {}
                                       << QStringList {"docker-compose.prod.yml:7:10: warning:",
                                                       "[env.prod-port-public]",
                                                       "docker-compose.dev.yml:5:26: warning:", "[env.password-reused]"}
                                       << QStringList {};
    QTest::newRow("--env prod") << QStringList {"--env", "prod"} << QStringList {"[env.prod-port-public]"}
                                << QStringList {"[env.password-reused]"};
    QTest::newRow("--env dev") << QStringList {"--env", "dev"} << QStringList {"[env.password-reused]"}
                               << QStringList {"[env.prod-port-public]", "[env.prod-no-scram]"};
}

void tst_CliCheck::environmentRules()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    QTemporaryDir dir;
    const auto write = [&dir](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    write("docker-compose.dev.yml",
          "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2-dev\n"
          "    ports:\n      - \"5433:5432\"\n");
    write("docker-compose.prod.yml",
          "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2-dev\n"
          "    ports:\n      - \"5432:5432\"\n");
    const auto run = runCli(QStringList {"check", dir.path()} + options);
    QVERIFY2(run.exitCode == 0, run.out + run.err);
    for (const QString &text : present)
        QVERIFY2(run.out.contains(text.toUtf8()), qPrintable(text + u'\n' + QString::fromUtf8(run.out)));
    for (const QString &text : absent)
        QVERIFY2(!run.out.contains(text.toUtf8()), qPrintable(text + u'\n' + QString::fromUtf8(run.out)));
    QVERIFY(!run.out.contains("hunter2"));
    const auto json = runCli(QStringList {"check", dir.path(), "--format", "json"} + options);
    QVERIFY(!json.out.contains("hunter2"));
}

// Two apps in one folder: each app's environments by APP_ROOT:NAME, one app's .env.example never
// compared with the other's .env, and --env limits the rules to one app's environment.
void tst_CliCheck::monorepoFixture()
{
    const QString folder = pgdial::test::testDataDir() + "/environments/monorepo";
    const auto all = runCli({"check", folder, "--format", "json"});
    QCOMPARE(all.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(all.out).object();
    QCOMPARE(report.value("environment").toString(), QString("apps/api:prod"));
    QCOMPARE(report.value("pg_version").toInt(), 16);
    QStringList codes;
    for (const QJsonValue &d : report.value("diagnostics").toArray())
        codes.append(d.toObject().value("code").toString());
    QVERIFY2(!codes.contains("env.missing-key"), qPrintable(codes.join(u',')));
    QVERIFY2(codes.contains("env.prod-port-public"), qPrintable(codes.join(u',')));

    const auto worker = runCli({"check", folder, "--env", "apps/worker:prod"});
    QCOMPARE(worker.exitCode, 0);
    QVERIFY2(worker.err.contains("PostgreSQL 15 (apps/worker:prod from apps/worker/docker-compose.prod.yml:3)"),
             worker.err.constData());
    QVERIFY(worker.out.contains("apps/worker/docker-compose.prod.yml:7:10: warning:"));
    QVERIFY(!worker.out.contains("apps/api/"));
    QVERIFY(!worker.out.contains("sharedpass"));
}

QTEST_GUILESS_MAIN(tst_CliCheck)
#include "tst_cli_check.moc"
