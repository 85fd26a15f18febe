#include "environments/environmentdetector.h"
#include "environments/environmentreport.h"
#include "project/project.h"
#include "support/testfiles.h"
#include "support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::environments;
using pgdial::test::writeUnder;

namespace {

EnvironmentSet detect(const QString &folder)
{
    const base::Result<project::Project> project = project::Project::open(folder);
    if (!project)
        return {};
    return EnvironmentDetector::detect(*project);
}

QStringList names(const EnvironmentSet &set)
{
    QStringList out;
    for (const Environment &env : set.environments)
        out.append(env.name);
    return out;
}

QStringList codes(const EnvironmentSet &set)
{
    QStringList out;
    for (const auto &d : set.diagnostics)
        out.append(d.code);
    return out;
}

} // namespace

class tst_EnvironmentDetector final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleProject();
    void exampleProjectJsonShape();
    void monorepoKeepsAppsApart();
    void overrideAndEnvFiles();
    void configSectionsAndSqlite();
    void mountedConfNotUsed();
    void unknownImageVersion();
    void envFileListJoinsEnvironment();
};

void tst_EnvironmentDetector::exampleProject()
{
    const EnvironmentSet set = detect(pgdial::test::exampleProject());
    QCOMPARE(names(set), (QStringList {"dev", "prod"}));
    const Environment dev = *set.find(QStringLiteral("development"));
    const Environment prod = *set.find(QStringLiteral("production"));
    QCOMPARE(dev.pgVersion, 16);
    QCOMPARE(prod.pgVersion, 16);
    QCOMPARE(dev.pgVersionSource, (SourceRef {"docker-compose.dev.yml", 5}));
    QCOMPARE(prod.pgVersionSource, (SourceRef {"docker-compose.prod.yml", 5}));
    QVERIFY(dev.files.contains(QStringLiteral(".env")));
    QVERIFY(!prod.files.contains(QStringLiteral(".env"))); // .env declares APP_ENVIRONMENT=development
    QVERIFY(!dev.files.contains(QStringLiteral(".env.example")));

    QCOMPARE(dev.publishedPorts.size(), 1);
    QCOMPARE(dev.publishedPorts.first().published, 5433);
    QCOMPARE(dev.publishedPorts.first().target, 5432);
    QCOMPARE(prod.publishedPorts.first().published, 5432);
    QCOMPARE(prod.publishedPorts.first().hostIp, QStringLiteral("127.0.0.1"));

    QCOMPARE(dev.databaseUrls.size(), 1);
    QCOMPARE(dev.databaseUrls.first().port, 5433);
    QCOMPARE(dev.databaseUrls.first().host, QStringLiteral("localhost"));
    QCOMPARE(dev.databaseUrls.first().source, (SourceRef {".env", 7}));
    QVERIFY(!dev.databaseUrls.first().masked.contains(QStringLiteral("devpass")));

    // Production: passwords from Docker secrets, the TLS files and SCRAM.
    int secretFiles = 0;
    for (const PasswordSource &p : prod.passwordSources)
        if (p.kind == PasswordSource::Kind::SecretFile && p.source.file == u"docker-compose.prod.yml")
            ++secretFiles;
    QVERIFY(secretFiles >= 5);
    bool devLiteral = false;
    for (const PasswordSource &p : dev.passwordSources)
        devLiteral |= p.name == u"POSTGRES_PASSWORD" && p.kind == PasswordSource::Kind::Literal;
    QVERIFY(devLiteral);
    QCOMPARE(prod.postgresqlConf, QStringLiteral("infra/docker/prod/postgres/postgresql.conf"));
    QCOMPARE(prod.pgHba, QStringLiteral("infra/docker/prod/postgres/pg_hba.conf"));
    QVERIFY(dev.postgresqlConf.isEmpty());
    QCOMPARE(prod.commandLineSettings.size(), 1);
    QCOMPARE(prod.commandLineSettings.first().name, QStringLiteral("config_file"));
    QCOMPARE(prod.commandLineSettings.first().source, (SourceRef {"docker-compose.prod.yml", 6}));
    QCOMPARE(prod.initdbArgs.value_or(QString()), QStringLiteral("--auth-host=scram-sha-256 --data-checksums"));
    QVERIFY(!dev.initdbArgs);
    QVERIFY(prod.files.contains(QStringLiteral("infra/docker/prod/postgres/init-scripts/01-init-app.sh")));
    QVERIFY(prod.compose.secret(QStringLiteral("postgres_tls_cert")));
    QCOMPARE(dev.healthcheck, QStringLiteral("pg_isready -U postgres -d postgres"));
    QVERIFY2(set.diagnostics.isEmpty(), qPrintable(codes(set).join(u',')));
}

void tst_EnvironmentDetector::exampleProjectJsonShape()
{
    const QJsonObject json = EnvironmentReport::toJson(detect(pgdial::test::exampleProject()));
    QCOMPARE(json.keys(), (QStringList {"diagnostics", "environments"}));
    const QJsonObject prod = json.value(QStringLiteral("environments")).toArray().at(1).toObject();
    QCOMPARE(prod.keys(),
             (QStringList {"command_line_settings", "database_urls", "files", "initdb_args", "name", "password_sources",
                           "pg_version", "pg_version_source", "published_ports", "server_files"}));
    QCOMPARE(prod.value(QStringLiteral("pg_version")).toInt(), 16);
    QCOMPARE(prod.value(QStringLiteral("pg_version_source")).toObject().value(QStringLiteral("line")).toInt(), 5);
    QCOMPARE(prod.value(QStringLiteral("server_files")).toObject().keys(),
             (QStringList {"pg_hba.conf", "postgresql.conf"}));
    const QJsonObject url = prod.value(QStringLiteral("database_urls")).toArray().at(0).toObject();
    QCOMPARE(url.keys(), (QStringList {"host", "masked", "name", "port", "source", "sslmode"}));
    const QJsonObject password = prod.value(QStringLiteral("password_sources")).toArray().at(0).toObject();
    QCOMPARE(password.keys(), (QStringList {"kind", "name", "source"}));
    const QJsonObject setting = prod.value(QStringLiteral("command_line_settings")).toArray().at(0).toObject();
    QCOMPARE(setting.keys(), (QStringList {"name", "source", "value"}));
}

void tst_EnvironmentDetector::monorepoKeepsAppsApart()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "apps/api/docker-compose.yml",
               "services:\n  db:\n    image: postgres:15\n    ports: ['5432:5432']\n");
    writeUnder(dir.path(), "apps/api/.env", "DATABASE_URL=postgresql://api:apipass@localhost:5432/api\n");
    writeUnder(dir.path(), "apps/api/.env.example",
               "DATABASE_URL=postgresql://api:changeme@localhost:5432/api\nAPI_ONLY=1\n");
    writeUnder(dir.path(), "apps/web/docker-compose.yml",
               "services:\n  postgres:\n    image: postgres:17-alpine\n    ports: ['5434:5432']\n");
    writeUnder(dir.path(), "apps/web/.env", "DATABASE_URL=postgresql://web:webpass@localhost:5434/web\n");
    const EnvironmentSet set = detect(dir.path());
    QCOMPARE(names(set), (QStringList {"apps/api:default", "apps/web:default"}));
    const Environment api = set.environments.at(0);
    const Environment web = set.environments.at(1);
    QCOMPARE(api.pgVersion, 15);
    QCOMPARE(web.pgVersion, 17);
    QCOMPARE(api.files, (QStringList {"apps/api/.env", "apps/api/docker-compose.yml"}));
    QCOMPARE(web.files, (QStringList {"apps/web/.env", "apps/web/docker-compose.yml"}));
    QCOMPARE(api.databaseUrls.size(), 1);
    QCOMPARE(api.databaseUrls.first().port, 5432);
    QCOMPARE(web.databaseUrls.first().port, 5434);
    QCOMPARE(set.find(QStringLiteral("apps/web:default"))->pgVersion, 17);
    QVERIFY(!set.find(QStringLiteral("default"))); // ambiguous without the app
}

void tst_EnvironmentDetector::overrideAndEnvFiles()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "docker-compose.yml", "services:\n  postgres:\n    image: postgres:${PG_MAJOR:-15}\n");
    writeUnder(dir.path(), "docker-compose.override.yml", "services:\n  postgres:\n    ports: ['5433:5432']\n");
    writeUnder(dir.path(), "compose.prod.yaml",
               "services:\n  postgres:\n    ports:\n      - target: 5432\n        published: 5432\n        host_ip: "
               "127.0.0.1\n");
    writeUnder(dir.path(), ".env.development", "PG_MAJOR=16\nDATABASE_URL=postgresql://app:x@localhost:5433/app\n");
    writeUnder(dir.path(), ".env.production",
               "DATABASE_URL=postgresql://app:${APP_PW}@postgres/app?sslmode=verify-full\n");
    const EnvironmentSet set = detect(dir.path());
    QCOMPARE(names(set), (QStringList {"prod", "development"}));
    const Environment dev = *set.find(QStringLiteral("dev"));
    const Environment prod = *set.find(QStringLiteral("prod"));
    QCOMPARE(dev.pgVersion, 16); // ${PG_MAJOR} from .env.development
    QCOMPARE(prod.pgVersion, 15);
    QCOMPARE(dev.files, (QStringList {".env.development", "docker-compose.yml", "docker-compose.override.yml"}));
    QCOMPARE(prod.files, (QStringList {".env.production", "docker-compose.yml", "compose.prod.yaml"}));
    QCOMPARE(dev.publishedPorts.first().published, 5433);
    QCOMPARE(prod.publishedPorts.first().hostIp, QStringLiteral("127.0.0.1"));
    QCOMPARE(prod.databaseUrls.first().sslmode, QStringLiteral("verify-full"));
    QCOMPARE(prod.passwordSources.first().kind, PasswordSource::Kind::Env);
    QCOMPARE(dev.passwordSources.first().kind, PasswordSource::Kind::Literal);
}

void tst_EnvironmentDetector::configSectionsAndSqlite()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "config.yaml",
               "database:\n  url: postgresql://app@localhost/app\n"
               "testing:\n  database:\n    url: \"sqlite:///:memory:\"\n"
               "production:\n  database:\n    url: postgresql://app@db.internal/app?sslmode=require\n");
    const EnvironmentSet set = detect(dir.path());
    QCOMPARE(names(set), (QStringList {"production", "testing"}));
    const Environment testing = *set.find(QStringLiteral("test"));
    QCOMPARE(testing.databaseUrls.size(), 1);
    QVERIFY(testing.databaseUrls.first().sqlite);
    QVERIFY(testing.databaseUrls.first().sqliteMemory);
    QVERIFY(testing.databaseUrls.first().sslmode.isEmpty());
    QCOMPARE(testing.databaseUrls.first().source, (SourceRef {"config.yaml", 5}));
    const Environment production = *set.find(QStringLiteral("production"));
    QCOMPARE(production.databaseUrls.first().name, QStringLiteral("production.database.url"));
    QCOMPARE(production.databaseUrls.first().sslmode, QStringLiteral("require"));
}

void tst_EnvironmentDetector::mountedConfNotUsed()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "docker-compose.yml",
               "services:\n  postgres:\n    image: postgres:16\n    command: postgres -c max_connections=300\n"
               "    volumes:\n      - ./pg/postgresql.conf:/etc/postgresql/postgresql.conf:ro\n      - "
               "./pg:/var/lib/postgresql/data/conf\n");
    writeUnder(dir.path(), "pg/postgresql.conf", "max_connections = 100\nshared_buffers = 128MB\n");
    const EnvironmentSet set = detect(dir.path());
    QCOMPARE(set.environments.size(), 1);
    const Environment env = set.environments.first();
    QVERIFY(env.postgresqlConf.isEmpty());
    QCOMPARE(env.commandLineSettings.first().name, QStringLiteral("max_connections"));
    QCOMPARE(env.commandLineSettings.first().value, QStringLiteral("300"));
    QCOMPARE(env.commandLineSettings.first().source.line, 4);
    QVERIFY2(codes(set).contains(QStringLiteral("env.conf-not-used")), qPrintable(codes(set).join(u',')));
}

void tst_EnvironmentDetector::unknownImageVersion()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "docker-compose.yml", "services:\n  postgres:\n    image: postgres:latest\n");
    const EnvironmentSet set = detect(dir.path());
    QVERIFY(!set.environments.first().pgVersion);
    QCOMPARE(set.environments.first().pgVersionSource.line, 3);
    QCOMPARE(codes(set), QStringList {"env.pg-version-unknown"});
}

void tst_EnvironmentDetector::envFileListJoinsEnvironment()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "docker-compose.yml",
               "services:\n  postgres:\n    image: postgres:16\n    env_file: [./env/db.env, ./env/missing.env]\n"
               "  api:\n    image: myapp\n    environment:\n      DATABASE_URL: "
               "postgresql://app:${DB_PW}@postgres:5432/app\n");
    writeUnder(dir.path(), "env/db.env", "POSTGRES_PASSWORD=secret\n");
    const EnvironmentSet set = detect(dir.path());
    const Environment env = set.environments.first();
    QVERIFY(env.files.contains(QStringLiteral("env/db.env")));
    QVERIFY(codes(set).contains(QStringLiteral("env.env-file-missing")));
    QCOMPARE(env.databaseUrls.first().name, QStringLiteral("api/DATABASE_URL"));
    QCOMPARE(env.databaseUrls.first().source.line, 8);
}

QTEST_GUILESS_MAIN(tst_EnvironmentDetector)
#include "tst_environmentdetector.moc"
