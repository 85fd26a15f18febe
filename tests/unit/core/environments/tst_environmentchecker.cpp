#include "base/textdocument.h"
#include "environments/environmentchecker.h"
#include "environments/environmentdetector.h"
#include "project/project.h"
#include "support/testfiles.h"
#include "support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::environments;
using pgdial::test::writeUnder;

namespace {

base::Diagnostics checkFolder(const QString &folder, const QString &only = {})
{
    const base::Result<project::Project> project = project::Project::open(folder);
    if (!project)
        return {};
    return EnvironmentChecker::check(*project, EnvironmentDetector::detect(*project), only);
}

QList<base::Diagnostic> withCode(const base::Diagnostics &diagnostics, const QString &code)
{
    QList<base::Diagnostic> out;
    for (const base::Diagnostic &d : diagnostics)
        if (d.code == code)
            out.append(d);
    return out;
}

// The text of `file` after a diagnostic's fix.
QByteArray fixed(const QString &root, const base::Diagnostic &d)
{
    if (!d.fix)
        return {};
    QFile file(root + u'/' + (d.fix->file.isEmpty() ? d.file : d.fix->file));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    base::TextDocument document = base::TextDocument::fromBytes(file.readAll());
    for (const base::LineEdit &edit : d.fix->edits)
        (void)document.apply(edit);
    return document.toBytes();
}

// A production stack that breaks every rule, and a development one beside it.
const QByteArray badProd = "services:\n"
                           "  db:\n"
                           "    image: postgres:16\n"
                           "    command: postgres -c config_file=/etc/postgresql/postgresql.conf\n"
                           "    environment:\n"
                           "      POSTGRES_PASSWORD: s3cret-dev\n"
                           "      POSTGRES_INITDB_ARGS: \"--data-checksums\"\n"
                           "    ports:\n"
                           "      - \"5432:5432\"\n"
                           "    volumes:\n"
                           "      - ./pg/postgresql.conf:/etc/postgresql/postgresql.conf:ro\n"
                           "    secrets:\n"
                           "      - db_password\n"
                           "      - not_declared\n"
                           "  api:\n"
                           "    image: example/api:1\n"
                           "    environment:\n"
                           "      DATABASE_URL: postgresql://app:x@db:5432/app\n"
                           "    depends_on:\n"
                           "      - db\n"
                           "    networks:\n"
                           "      - front\n"
                           "secrets:\n"
                           "  db_password:\n"
                           "    file: ./secrets/db_password.txt\n"
                           "networks:\n"
                           "  front:\n";
const QByteArray devCompose = "services:\n"
                              "  db:\n"
                              "    image: postgres:16\n"
                              "    environment:\n"
                              "      POSTGRES_PASSWORD: s3cret-dev\n"
                              "    ports:\n"
                              "      - \"5433:5432\"\n";

} // namespace

class tst_EnvironmentChecker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void productionRules();
    void fixesSettleThem();
    void exampleProject();
    void testingSqliteIsQuiet();
    void onlyOneEnvironment();
    void passwordReuseNeedsAPassword();
    void healthcheckNames_data();
    void healthcheckNames();
    void networkOfAUrlsHost();
    void healthyDependencyWithoutHealthcheck();
    void monorepoFixture();
    void hostAuthMethod_data();
    void hostAuthMethod();
};

void tst_EnvironmentChecker::productionRules()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "docker-compose.prod.yml", badProd);
    writeUnder(dir.path(), "docker-compose.dev.yml", devCompose);
    writeUnder(dir.path(), "pg/postgresql.conf", "port = 5432\nssl = off\n");
    const base::Diagnostics diagnostics = checkFolder(dir.path());

    const auto ssl = withCode(diagnostics, "env.prod-ssl-off");
    QCOMPARE(ssl.size(), 1);
    QCOMPARE(ssl.first().file, QStringLiteral("pg/postgresql.conf"));
    QCOMPARE(ssl.first().line, 2);
    const auto literal = withCode(diagnostics, "env.prod-literal-password");
    QVERIFY(!literal.isEmpty());
    QCOMPARE(literal.first().file, QStringLiteral("docker-compose.prod.yml"));
    QVERIFY(!literal.first().message.contains(QStringLiteral("s3cret"))); // named, never shown
    const auto port = withCode(diagnostics, "env.prod-port-public");
    QCOMPARE(port.size(), 1);
    QCOMPARE(port.first().line, 9);
    QCOMPARE(port.first().column, 10); // the published port inside "5432:5432"
    const auto scram = withCode(diagnostics, "env.prod-no-scram");
    QCOMPARE(scram.size(), 1);
    QCOMPARE(scram.first().line, 7);
    QCOMPARE(withCode(diagnostics, "env.prod-logging").size(), 1);
    const auto reused = withCode(diagnostics, "env.password-reused");
    QCOMPARE(reused.size(), 1);
    QCOMPARE(reused.first().file, QStringLiteral("docker-compose.dev.yml"));
    QCOMPARE(reused.first().related, QStringList {QStringLiteral("docker-compose.prod.yml:6")});
    QVERIFY(!reused.first().message.contains(QStringLiteral("s3cret")));

    const auto undeclared = withCode(diagnostics, "env.secret-undeclared");
    QCOMPARE(undeclared.size(), 1);
    QCOMPARE(undeclared.first().severity, base::Severity::Error);
    QCOMPARE(undeclared.first().line, 14);
    QCOMPARE(undeclared.first().column, 9);
    const auto missing = withCode(diagnostics, "env.secret-file-missing");
    QCOMPARE(missing.size(), 1);
    QVERIFY(missing.first().message.contains(QStringLiteral("db_password (secrets/db_password.txt)")));
    const auto healthy = withCode(diagnostics, "env.depends-on-not-healthy");
    QCOMPARE(healthy.size(), 1);
    QCOMPARE(healthy.first().line, 20);
    QCOMPARE(healthy.first().column, 9);
    // Every finding points at a line and column, and none shows the password.
    for (const base::Diagnostic &d : diagnostics) {
        QVERIFY2(d.line == 0 || d.column > 0, qPrintable(d.toText()));
        QVERIFY2(!d.message.contains(QStringLiteral("s3cret")) && !d.suggestion.contains(QStringLiteral("s3cret")),
                 qPrintable(d.code));
        if (d.fix)
            for (const base::LineEdit &edit : d.fix->edits)
                for (const QByteArray &line : edit.lines)
                    QVERIFY2(!line.contains("s3cret"), qPrintable(d.code));
    }
    QCOMPARE(withCode(diagnostics, "env.network-mismatch").size(), 1);

    // The secret file created: no longer reported.
    writeUnder(dir.path(), "secrets/db_password.txt", "x\n");
    QVERIFY(withCode(checkFolder(dir.path()), "env.secret-file-missing").isEmpty());
}

void tst_EnvironmentChecker::fixesSettleThem()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "docker-compose.prod.yml", badProd);
    writeUnder(dir.path(), "pg/postgresql.conf", "port = 5432\nssl = off\n");
    writeUnder(dir.path(), ".env.prod", "DATABASE_URL=postgresql+asyncpg://app:${DB_PW}@db:5432/app?ssl=prefer\n");
    const base::Diagnostics diagnostics = checkFolder(dir.path());
    const auto ssl = withCode(diagnostics, "env.prod-ssl-off");
    QCOMPARE(ssl.size(), 1);
    QCOMPARE(fixed(dir.path(), ssl.first()), QByteArray("port = 5432\nssl = on\n"));
    const auto port = withCode(diagnostics, "env.prod-port-public");
    QCOMPARE(port.size(), 1);
    QVERIFY(fixed(dir.path(), port.first()).contains("      - \"127.0.0.1:5432:5432\"\n"));
    const auto scram = withCode(diagnostics, "env.prod-no-scram");
    QVERIFY(fixed(dir.path(), scram.first())
                .contains("      POSTGRES_INITDB_ARGS: \"--data-checksums --auth-host=scram-sha-256\"\n"));
    // The URL's TLS parameter, as its driver names it (asyncpg: ssl=).
    const auto sslmode = withCode(diagnostics, "env.prod-sslmode");
    QVERIFY(!sslmode.isEmpty());
    bool urlFixed = false;
    for (const base::Diagnostic &d : sslmode)
        if (d.file == u".env.prod") {
            QCOMPARE(fixed(dir.path(), d),
                     QByteArray("DATABASE_URL=postgresql+asyncpg://app:${DB_PW}@db:5432/app?ssl=require\n"));
            urlFixed = true;
        }
    QVERIFY(urlFixed);

    // Without an ssl line the fix appends one.
    writeUnder(dir.path(), "pg/postgresql.conf", "port = 5432\n");
    const auto unset = withCode(checkFolder(dir.path()), "env.prod-ssl-off");
    QCOMPARE(unset.size(), 1);
    QCOMPARE(unset.first().line, 0);
    QCOMPARE(fixed(dir.path(), unset.first()), QByteArray("port = 5432\nssl = on\n"));
}

// The bundled project follows the guide in production except for config.yaml's default URL,
// which production inherits: a literal password and no TLS.
void tst_EnvironmentChecker::exampleProject()
{
    const base::Diagnostics diagnostics = checkFolder(pgdial::test::exampleProject());
    QVERIFY(withCode(diagnostics, "env.prod-ssl-off").isEmpty());
    QVERIFY(withCode(diagnostics, "env.prod-port-public").isEmpty());
    QVERIFY(withCode(diagnostics, "env.prod-no-scram").isEmpty());
    QVERIFY(withCode(diagnostics, "env.prod-logging").isEmpty());
    QVERIFY(withCode(diagnostics, "env.secret-undeclared").isEmpty());
    QVERIFY(withCode(diagnostics, "env.password-reused").isEmpty());
    QVERIFY(withCode(diagnostics, "env.healthcheck-role-missing").isEmpty());
    QVERIFY(withCode(diagnostics, "env.healthcheck-database-missing").isEmpty());
    const auto sslmode = withCode(diagnostics, "env.prod-sslmode");
    QCOMPARE(sslmode.size(), 1);
    QCOMPARE(sslmode.first().file, QStringLiteral("config.yaml"));
    QCOMPARE(sslmode.first().line, 14);
    QCOMPARE(sslmode.first().column, 25); // the URL inside the ${DATABASE_URL:-...} default
    // The URL's line holds a literal password: a fix would print it, so there is none until the
    // password moves to a secret.
    QVERIFY(!sslmode.first().fix);
    const auto literal = withCode(diagnostics, "env.prod-literal-password");
    QCOMPARE(literal.size(), 1);
    QCOMPARE(literal.first().line, 14);
    QVERIFY(literal.first().column > 0);
    const auto missing = withCode(diagnostics, "env.secret-file-missing");
    QCOMPARE(missing.size(), 1);
    QCOMPARE(missing.first().file, QStringLiteral("docker-compose.prod.yml"));
    QVERIFY(missing.first().column > 0);
    for (const base::Diagnostic &d : diagnostics)
        QVERIFY2(d.severity != base::Severity::Error, qPrintable(d.toText()));
}

void tst_EnvironmentChecker::testingSqliteIsQuiet()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "config.yaml",
               "database:\n  url: postgresql://app@localhost/app\n"
               "testing:\n  database:\n    url: \"sqlite:///:memory:\"\n");
    const base::Diagnostics diagnostics = checkFolder(dir.path(), QStringLiteral("testing"));
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.isEmpty() ? QString() : diagnostics.first().toText()));
}

void tst_EnvironmentChecker::onlyOneEnvironment()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "docker-compose.prod.yml", badProd);
    writeUnder(dir.path(), "docker-compose.dev.yml", devCompose);
    writeUnder(dir.path(), "pg/postgresql.conf", "ssl = off\n");
    const base::Diagnostics dev = checkFolder(dir.path(), QStringLiteral("dev"));
    QVERIFY(withCode(dev, "env.prod-ssl-off").isEmpty());
    QCOMPARE(withCode(dev, "env.password-reused").size(), 1);
    const base::Diagnostics prod = checkFolder(dir.path(), QStringLiteral("production"));
    QCOMPARE(withCode(prod, "env.prod-ssl-off").size(), 1);
    QVERIFY(withCode(prod, "env.password-reused").isEmpty());
}

// A development password that is also a common word ("postgres") is reused only where production
// writes it as a password, not where its image or service is named.
void tst_EnvironmentChecker::passwordReuseNeedsAPassword()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "docker-compose.dev.yml",
               "services:\n  postgres:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n");
    writeUnder(dir.path(), "docker-compose.prod.yml",
               "services:\n  postgres:\n    image: postgres:16\n    environment:\n"
               "      POSTGRES_PASSWORD_FILE: /run/secrets/pw\n      POSTGRES_USER: postgres\n");
    QVERIFY(withCode(checkFolder(dir.path()), "env.password-reused").isEmpty());
    writeUnder(dir.path(), ".env.prod", "DB_PASSWORD=postgres\n");
    const auto reused = withCode(checkFolder(dir.path()), "env.password-reused");
    QCOMPARE(reused.size(), 1);
    QCOMPARE(reused.first().related, QStringList {QStringLiteral(".env.prod:1")});
    QCOMPARE(reused.first().column, 26);
}

// A pg_isready healthcheck naming a role or database that neither the image's variables nor the
// init scripts create; unknown names (a variable without value, a named volume of scripts) are
// never judged.
void tst_EnvironmentChecker::healthcheckNames_data()
{
    QTest::addColumn<QByteArray>("service"); // the lines under `db:` after the image
    QTest::addColumn<QByteArray>("script"); // initdb/01.sh, mounted when the service mounts ./initdb
    QTest::addColumn<QStringList>("expected"); // codes, in order

    const QByteArray script = "psql <<-EOSQL\n"
                              "  CREATE ROLE ${APP_DB_USER:-appuser} LOGIN PASSWORD '${PW}';\n"
                              "  CREATE DATABASE \"AppDB\" OWNER ${APP_DB_USER:-appuser};\n"
                              "EOSQL\n";
    const QByteArray mount = "    volumes:\n      - ./initdb:/docker-entrypoint-initdb.d:ro\n";
    QTest::newRow("the guide's development check")
        << QByteArray("    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U postgres -d postgres\"]\n")
        << QByteArray() << QStringList {};
    QTest::newRow("a role nobody creates, its database too")
        << QByteArray("    healthcheck:\n      test: [\"CMD\", \"pg_isready\", \"-U\", \"appuser\"]\n") << QByteArray()
        << QStringList {"env.healthcheck-role-missing", "env.healthcheck-database-missing"};
    QTest::newRow("created by the init script")
        << QByteArray(mount + "    healthcheck:\n      test: pg_isready -U appuser -d AppDB -h localhost\n") << script
        << QStringList {};
    QTest::newRow("unquoted names fold to lower case")
        << QByteArray(mount + "    healthcheck:\n      test: pg_isready -U appuser -d appdb\n") << script
        << QStringList {"env.healthcheck-database-missing"};
    QTest::newRow("the script's variable from the service")
        << QByteArray("    environment:\n      APP_DB_USER: api\n" + mount
                      + "    healthcheck:\n      test: pg_isready --username=api --dbname=AppDB\n")
        << script << QStringList {};
    QTest::newRow("POSTGRES_USER renames the superuser")
        << QByteArray("    environment:\n      POSTGRES_USER: admin\n"
                      "    healthcheck:\n      test: pg_isready -U postgres -d postgres\n")
        << QByteArray() << QStringList {"env.healthcheck-role-missing"};
    QTest::newRow("POSTGRES_DB names the database")
        << QByteArray("    environment:\n      POSTGRES_DB: shop\n"
                      "    healthcheck:\n      test: pg_isready -U postgres -d shop && echo ok\n")
        << QByteArray() << QStringList {};
    QTest::newRow("scripts in a named volume are unknown")
        << QByteArray("    volumes:\n      - scripts:/docker-entrypoint-initdb.d\n"
                      "    healthcheck:\n      test: pg_isready -U appuser -d appdb\n")
        << QByteArray() << QStringList {};
    QTest::newRow("a variable without value is unknown")
        << QByteArray("    healthcheck:\n      test: pg_isready -U $$DB_USER -d $$DB_NAME\n") << QByteArray()
        << QStringList {};
    QTest::newRow("a connection string is libpq's")
        << QByteArray("    healthcheck:\n      test: pg_isready -d \"dbname=x user=y\"\n") << QByteArray()
        << QStringList {};
    QTest::newRow("no -U: the container's user is not read")
        << QByteArray("    healthcheck:\n      test: pg_isready\n") << QByteArray() << QStringList {};
}

void tst_EnvironmentChecker::healthcheckNames()
{
    QFETCH(QByteArray, service);
    QFETCH(QByteArray, script);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    writeUnder(dir.path(), "docker-compose.dev.yml", "services:\n  db:\n    image: postgres:16\n" + service);
    if (!script.isEmpty())
        writeUnder(dir.path(), "initdb/01.sh", script);
    const base::Diagnostics diagnostics = checkFolder(dir.path());
    QStringList codes;
    for (const base::Diagnostic &d : diagnostics) {
        if (!d.code.startsWith(u"env.healthcheck-"))
            continue;
        codes.append(d.code);
        QCOMPARE(d.file, QStringLiteral("docker-compose.dev.yml"));
        QVERIFY(d.line > 3);
        QVERIFY(d.column > 0);
        QVERIFY(!d.suggestion.isEmpty());
    }
    QCOMPARE(codes, expected);
}

// A service that names the database in its URL reaches it without depends_on: it must share a
// network with it all the same.
void tst_EnvironmentChecker::networkOfAUrlsHost()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "docker-compose.dev.yml",
               "services:\n"
               "  db:\n"
               "    image: postgres:16\n"
               "    networks: [backend]\n"
               "  worker:\n"
               "    image: example/worker:1\n"
               "    environment:\n"
               "      DATABASE_URL: postgresql://app@db:5432/app\n"
               "networks:\n"
               "  backend:\n");
    const auto mismatch = withCode(checkFolder(dir.path()), "env.network-mismatch");
    QCOMPARE(mismatch.size(), 1);
    QCOMPARE(mismatch.first().line, 8);
    QCOMPARE(mismatch.first().column, 38); // the host in the URL
}

void tst_EnvironmentChecker::healthyDependencyWithoutHealthcheck()
{
    QTemporaryDir dir;
    const QByteArray compose = "services:\n"
                               "  db:\n"
                               "    image: postgres:16\n"
                               "  api:\n"
                               "    image: example/api:1\n"
                               "    depends_on:\n"
                               "      db:\n"
                               "        condition: service_healthy\n";
    writeUnder(dir.path(), "docker-compose.dev.yml", compose);
    const auto missing = withCode(checkFolder(dir.path()), "env.depends-on-no-healthcheck");
    QCOMPARE(missing.size(), 1);
    QCOMPARE(missing.first().line, 7);
    QCOMPARE(missing.first().column, 7);
    QVERIFY(withCode(checkFolder(dir.path()), "env.depends-on-not-healthy").isEmpty());
    writeUnder(dir.path(), "docker-compose.dev.yml",
               compose + "    healthcheck_is_not_here: true\n"); // an unknown key changes nothing
    QCOMPARE(withCode(checkFolder(dir.path()), "env.depends-on-no-healthcheck").size(), 1);
    writeUnder(dir.path(), "docker-compose.dev.yml",
               "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: pg_isready\n"
                   + compose.mid(compose.indexOf("  api:")));
    QVERIFY(withCode(checkFolder(dir.path()), "env.depends-on-no-healthcheck").isEmpty());
}

// tests/data/environments/monorepo: two apps, each with development and production. The api
// follows the guide in production; the worker breaks it, with the api's development password in
// its production file, which is the worker's business, not a reuse of the api's password.
void tst_EnvironmentChecker::monorepoFixture()
{
    const QString folder = pgdial::test::testDataDir() + QStringLiteral("/environments/monorepo");
    const base::Result<project::Project> project = project::Project::open(folder);
    QVERIFY(project);
    const EnvironmentSet set = EnvironmentDetector::detect(*project);
    QStringList names;
    for (const Environment &env : set.environments)
        names.append(env.name + u'=' + QString::number(env.pgVersion.value_or(0)));
    QCOMPARE(names, (QStringList {"apps/api:dev=16", "apps/api:prod=16", "apps/worker:dev=15", "apps/worker:prod=15"}));

    const base::Diagnostics all = EnvironmentChecker::check(*project, set);
    QStringList found;
    for (const base::Diagnostic &d : all)
        found.append(d.file + u' ' + d.code);
    found.sort();
    QCOMPARE(found,
             (QStringList {"apps/api/docker-compose.prod.yml env.secret-file-missing",
                           "apps/worker/docker-compose.prod.yml env.prod-literal-password",
                           "apps/worker/docker-compose.prod.yml env.prod-no-scram",
                           "apps/worker/docker-compose.prod.yml env.prod-port-public",
                           "apps/worker/docker-compose.prod.yml env.prod-ssl-off"}));
    // One environment of one app: only its findings.
    const base::Diagnostics api = EnvironmentChecker::check(*project, set, QStringLiteral("apps/api:prod"));
    QCOMPARE(api.size(), 1);
    QCOMPARE(api.first().code, QStringLiteral("env.secret-file-missing"));
    QVERIFY(EnvironmentChecker::check(*project, set, QStringLiteral("apps/worker:dev")).isEmpty());
}

void tst_EnvironmentChecker::hostAuthMethod_data()
{
    QTest::addColumn<QByteArray>("environment");
    QTest::addColumn<int>("expectedLine"); // 0: no env.prod-no-scram
    QTest::newRow("initdb args name scram")
        << QByteArray("      POSTGRES_INITDB_ARGS: --auth-host=scram-sha-256\n") << 0;
    QTest::newRow("host auth method scram") << QByteArray("      POSTGRES_HOST_AUTH_METHOD: scram-sha-256\n") << 0;
    QTest::newRow("host auth method trust") << QByteArray("      POSTGRES_HOST_AUTH_METHOD: trust\n") << 5;
    QTest::newRow("trust beats initdb args")
        << QByteArray("      POSTGRES_INITDB_ARGS: --auth-host=scram-sha-256\n      POSTGRES_HOST_AUTH_METHOD: md5\n")
        << 6;
    QTest::newRow("nothing said") << QByteArray("      TZ: UTC\n") << 3;
}

void tst_EnvironmentChecker::hostAuthMethod()
{
    QFETCH(QByteArray, environment);
    QFETCH(int, expectedLine);
    QTemporaryDir dir;
    writeUnder(dir.path(), "compose.prod.yaml",
               "services:\n  db:\n    image: postgres:17\n    environment:\n" + environment);
    const auto scram = withCode(checkFolder(dir.path()), "env.prod-no-scram");
    if (expectedLine == 0) {
        QVERIFY(scram.isEmpty());
        return;
    }
    QCOMPARE(scram.size(), 1);
    QCOMPARE(scram.first().line, expectedLine);
    QVERIFY(scram.first().column > 0);
}

QTEST_GUILESS_MAIN(tst_EnvironmentChecker)
#include "tst_environmentchecker.moc"
