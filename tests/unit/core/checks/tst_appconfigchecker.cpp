#include "checks/appconfigchecker.h"
#include "project/project.h"
#include "support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::checks;
using namespace pgdial::core::base;
using namespace pgdial::core::project;

class tst_AppConfigChecker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleProject();
    void serverLookupReachesChecks();
    void processEnvironmentSwitch();
    void envWithoutConfigYaml();
};

static QStringList codes(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(d.file + ":" + QString::number(d.line) + ":" + d.code);
    return out;
}

static ServerSettingLookup lookupOf(const QMap<QString, QString> &settings)
{
    return [settings](const QString &name) -> std::optional<ServerSetting> {
        if (!settings.contains(name))
            return std::nullopt;
        return ServerSetting {name, settings.value(name), "infra/postgresql.conf", 10};
    };
}

static void write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(dir.filePath(name)).absolutePath());
    QFile f(dir.filePath(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

void tst_AppConfigChecker::exampleProject()
{
    Result<Project> project = Project::open(pgdial::test::exampleProject());
    QVERIFY(project);
    const Diagnostics diagnostics = AppConfigChecker::check(*project, lookupOf({}));
    // 4 workers × (20 + 10) = 120 > 100 − 3: the example's pool does not fit its server.
    // Missing keys are located on the .env.example line that documents them.
    QCOMPARE(codes(diagnostics),
             (QStringList {".env.example:29:env.missing-key", ".env.example:30:env.missing-key",
                           ".env.example:31:env.missing-key", ".env.example:32:env.missing-key",
                           "config.yaml:23:app.pool-budget"}));
    for (const Diagnostic &d : diagnostics)
        QVERIFY(d.severity != Severity::Error);
    // The missing-key fix appends "KEY=" to .env and nothing else.
    const Diagnostic &missing = diagnostics.first();
    QVERIFY(missing.fix);
    QCOMPARE(missing.fix->file, QStringLiteral(".env"));
    TextDocument env = *project->findFile(".env")->document;
    const QByteArray before = env.toBytes();
    env.apply(missing.fix->edits.first());
    QCOMPARE(env.toBytes(), before + "DATABASE_PASSWORD_FILE_PATH=\n");
}

void tst_AppConfigChecker::serverLookupReachesChecks()
{
    QTemporaryDir dir;
    write(dir, "config.yaml",
          "app:\n  workers: 2\ndatabase:\n  url: \"${DATABASE_URL}\"\n  pool_size: 10\n  max_overflow: 5\n");
    write(dir, ".env", "DATABASE_URL=postgresql://app:${PW}@postgres:5432/appdb?sslmode=require\nPW=x\n");
    write(dir, "infra/postgresql.conf", "ssl = off\n");
    write(dir, "docker-compose.yml", "services:\n  api:\n    image: api\n    deploy:\n      replicas: 3\n");
    Result<Project> project = Project::open(dir.path());
    QVERIFY(project);
    const Diagnostics diagnostics = AppConfigChecker::check(
        *project, lookupOf({{"ssl", "off"}, {"listen_addresses", "*"}, {"max_connections", "50"}}));
    // 3 replicas × 2 workers × 15 = 90 > 47; ssl off against sslmode=require, at the .env line.
    QCOMPARE(codes(diagnostics), (QStringList {"config.yaml:5:app.pool-budget", ".env:1:app.ssl-off"}));
    QVERIFY(diagnostics.at(0).related.contains("docker-compose.yml:5"));
    QVERIFY(diagnostics.at(0).related.contains("config.yaml:2"));
    QCOMPARE(diagnostics.at(1).related, QStringList {"infra/postgresql.conf:10"});
}

void tst_AppConfigChecker::processEnvironmentSwitch()
{
    QTemporaryDir dir;
    write(dir, "config.yaml", "database:\n  pool_size: \"${PGDIAL_TEST_POOL:-20}\"\n");
    Result<Project> project = Project::open(dir.path());
    QVERIFY(project);
    qputenv("PGDIAL_TEST_POOL", "500");
    project->settings.useProcessEnvironment = false;
    QCOMPARE(codes(AppConfigChecker::check(*project, {})), QStringList {});
    project->settings.useProcessEnvironment = true;
    QCOMPARE(codes(AppConfigChecker::check(*project, {})), QStringList {"config.yaml:2:app.out-of-range"});
    qunsetenv("PGDIAL_TEST_POOL");
}

void tst_AppConfigChecker::envWithoutConfigYaml()
{
    QTemporaryDir dir;
    write(dir, ".env", "APP_ENVIRONMENT=production\nDATABASE_URL=postgresql://u:secret@h/db\n");
    Result<Project> project = Project::open(dir.path());
    QVERIFY(project);
    QCOMPARE(codes(AppConfigChecker::check(*project, {})),
             (QStringList {".env:2:url.production-without-tls", ".env:2:url.inline-password"}));
}

QTEST_GUILESS_MAIN(tst_AppConfigChecker)
#include "tst_appconfigchecker.moc"
