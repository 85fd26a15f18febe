#include "appconfig/databaseconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::appconfig;

class tst_DatabaseConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolveWithProvenance();
    void defaults();
    void bounds_data();
    void bounds();
    void environmentMode_data();
    void environmentMode();
    void productionRules();
    void emptyValues();
    void urlDiagnosticsPointAtEnv();
};

static QStringList codes(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(d.code);
    return out;
}

static DatabaseConfig configFrom(const QByteArray &yaml, const QByteArray &env = {})
{
    VariableResolver resolver;
    resolver.addEnvFile(EnvFile::parse(TextDocument::fromBytes(env), ".env"));
    return DatabaseConfig::resolve(AppConfigFile::parse(TextDocument::fromBytes(yaml), "config.yaml"), resolver);
}

void tst_DatabaseConfig::resolveWithProvenance()
{
    const DatabaseConfig config = configFrom(
        "database:\n  app_db: \"${APP_DB:-appdb}\"\n  user: \"${APP_DB_USER:-appuser}\"\n", "# x\nAPP_DB=mydb\n");
    QCOMPARE(config.value("app_db"), QStringLiteral("mydb"));
    QCOMPARE(config.field("app_db")->substitution.provenance().describe(), QStringLiteral(".env line 2"));
    QCOMPARE(config.value("user"), QStringLiteral("appuser"));
    QCOMPARE(config.field("user")->substitution.provenance().describe(),
             QStringLiteral("default in config.yaml line 3"));
}

void tst_DatabaseConfig::defaults()
{
    const DatabaseConfig config = configFrom("database:\n  user: x\n");
    QCOMPARE(config.intValue("pool_size"), 20);
    QCOMPARE(config.intValue("max_overflow"), 10);
    QCOMPARE(config.intValue("pool_timeout"), 30);
    QCOMPARE(config.intValue("pool_recycle"), 1800);
    QCOMPARE(config.environmentMode(), QStringLiteral("development"));
}

void tst_DatabaseConfig::bounds_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("guide-values") << QByteArray(
        "database:\n  pool_size: 20\n  max_overflow: 10\n  pool_timeout: 30\n  pool_recycle: 1800\n")
                                  << ""
                                  << "";
    QTest::newRow("pool_size-too-large") << QByteArray("database:\n  pool_size: 101\n") << "app.out-of-range"
                                         << "pool_size must be <= 100";
    QTest::newRow("pool_size-zero") << QByteArray("database:\n  pool_size: 0\n") << "app.out-of-range"
                                    << "pool_size must be >= 1";
    QTest::newRow("pool_size-min") << QByteArray("database:\n  pool_size: 1\n") << ""
                                   << "";
    QTest::newRow("pool_size-max") << QByteArray("database:\n  pool_size: 100\n") << ""
                                   << "";
    QTest::newRow("max_overflow-negative") << QByteArray("database:\n  max_overflow: -1\n") << "app.out-of-range"
                                           << "max_overflow must be >= 0";
    QTest::newRow("max_overflow-zero") << QByteArray("database:\n  max_overflow: 0\n") << ""
                                       << "";
    QTest::newRow("max_overflow-too-large") << QByteArray("database:\n  max_overflow: 101\n") << "app.out-of-range"
                                            << "max_overflow must be <= 100";
    QTest::newRow("pool_timeout-zero") << QByteArray("database:\n  pool_timeout: 0\n") << "app.out-of-range"
                                       << "pool_timeout must be >= 1";
    QTest::newRow("pool_timeout-too-large") << QByteArray("database:\n  pool_timeout: 301\n") << "app.out-of-range"
                                            << "pool_timeout must be <= 300";
    QTest::newRow("pool_recycle-too-small") << QByteArray("database:\n  pool_recycle: 299\n") << "app.out-of-range"
                                            << "pool_recycle must be >= 300";
    QTest::newRow("pool_recycle-too-large") << QByteArray("database:\n  pool_recycle: 7201\n") << "app.out-of-range"
                                            << "pool_recycle must be <= 7200";
    QTest::newRow("not-integer") << QByteArray("database:\n  pool_size: lots\n") << "app.invalid-value"
                                 << "pool_size must be an integer";
    QTest::newRow("from-variable") << QByteArray("database:\n  pool_size: \"${POOL:-500}\"\n") << "app.out-of-range"
                                   << "pool_size must be <= 100 (value \"500\" from default in config.yaml line 2)";
}

void tst_DatabaseConfig::bounds()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const Diagnostics diagnostics = DatabaseConfigValidator::validate(configFrom(yaml), QDir::tempPath());
    if (code.isEmpty()) {
        QCOMPARE(codes(diagnostics), QStringList {});
        return;
    }
    QCOMPARE(codes(diagnostics), QStringList {code});
    QCOMPARE(diagnostics.first().message, message);
    QCOMPARE(diagnostics.first().line, 2);
    QCOMPARE(diagnostics.first().severity, Severity::Error);
}

void tst_DatabaseConfig::environmentMode_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("valid");
    QTest::newRow("development") << "development" << true;
    QTest::newRow("production") << "production" << true;
    QTest::newRow("testing") << "testing" << true;
    QTest::newRow("staging") << "staging" << false;
    QTest::newRow("Production") << "Production" << false;
}

void tst_DatabaseConfig::environmentMode()
{
    QFETCH(QString, mode);
    QFETCH(bool, valid);
    const DatabaseConfig config = configFrom("database:\n  environment_mode: \"${APP_ENVIRONMENT:-development}\"\n",
                                             "APP_ENVIRONMENT=" + mode.toUtf8() + "\n");
    const QStringList found = codes(DatabaseConfigValidator::validate(config, QDir::tempPath()));
    QCOMPARE(found.contains("app.invalid-environment-mode"), !valid);
}

void tst_DatabaseConfig::productionRules()
{
    QTemporaryDir dir;
    QFile secret(dir.filePath("pw.txt"));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("x");
    secret.close();
    const QByteArray base = "database:\n  environment_mode: production\n  url: "
                            "\"postgresql://u:${PW}@h/db?sslmode=verify-full&sslrootcert=system\"\n";

    QVERIFY(secret.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(codes(DatabaseConfigValidator::validate(configFrom(base + "  user_pw_file_path: pw.txt\n", "PW=x\n"),
                                                     dir.path())),
             QStringList {});
    QVERIFY(secret.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    QCOMPARE(codes(DatabaseConfigValidator::validate(configFrom(base + "  user_pw_file_path: pw.txt\n", "PW=x\n"),
                                                     dir.path())),
             QStringList {"app.secret-file-permissions"});
    QCOMPARE(codes(DatabaseConfigValidator::validate(configFrom(base + "  user_pw_file_path: missing.txt\n", "PW=x\n"),
                                                     dir.path())),
             QStringList {"app.secret-file-missing"});
    QCOMPARE(codes(DatabaseConfigValidator::validate(configFrom(base, "PW=x\n"), dir.path())),
             QStringList {"app.production-password-file"});
    // TLS and inline passwords in production.
    QVERIFY(secret.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const QByteArray insecure
        = "database:\n  environment_mode: production\n  user_pw_file_path: pw.txt\n  url: postgresql://u:pw@h/db\n";
    QCOMPARE(codes(DatabaseConfigValidator::validate(configFrom(insecure), dir.path())),
             (QStringList {"url.production-without-tls", "url.inline-password"}));
    const QByteArray sqlite
        = "database:\n  environment_mode: production\n  user_pw_file_path: pw.txt\n  url: sqlite:///./database.db\n";
    QCOMPARE(codes(DatabaseConfigValidator::validate(configFrom(sqlite), dir.path())),
             QStringList {"url.sqlite-in-production"});
}

void tst_DatabaseConfig::emptyValues()
{
    const DatabaseConfig config = configFrom("database:\n  app_db: \"${APP_DB}\"\n  user: \"${APP_DB_USER:-appuser}\"\n"
                                             "  ro_user: \"${RO-}\"\n",
                                             "APP_DB=\n");
    const Diagnostics diagnostics = DatabaseConfigValidator::validate(config, QDir::tempPath());
    QCOMPARE(codes(diagnostics), (QStringList {"app.empty-value", "app.empty-value"}));
    QCOMPARE(diagnostics.at(0).line, 2);
    QVERIFY(diagnostics.at(0).message.contains(".env line 1"));
    QCOMPARE(diagnostics.at(1).line, 4);
    // An unset variable without default also says so where it is used.
    const DatabaseConfig unset = configFrom("database:\n  app_db: \"${NOPE}\"\n");
    QCOMPARE(codes(DatabaseConfigValidator::validate(unset, QDir::tempPath())),
             (QStringList {"app.unresolved-variable", "app.empty-value"}));
}

void tst_DatabaseConfig::urlDiagnosticsPointAtEnv()
{
    const DatabaseConfig config = configFrom(
        "database:\n  url: \"${DATABASE_URL:-postgresql://u@h/db}\"\n",
        "A=1\nDATABASE_URL=postgresql://appuser:devpass@localhost:5433/appdb?pool_size=10&max_overflow=5\n");
    const Diagnostics diagnostics = DatabaseConfigValidator::validate(config, QDir::tempPath());
    QCOMPARE(codes(diagnostics), (QStringList {"url.pool-parameter", "url.pool-parameter"}));
    QCOMPARE(diagnostics.first().file, QStringLiteral(".env"));
    QCOMPARE(diagnostics.first().line, 2);
    QCOMPARE(diagnostics.first().related, QStringList {"config.yaml:2"});
    QVERIFY(!diagnostics.first().message.contains("devpass"));
    QVERIFY(diagnostics.first().message.contains(".env line 2"));
    // With the default, the diagnostics point at config.yaml.
    const DatabaseConfig fallback = configFrom("database:\n  url: \"${DATABASE_URL:-postgresql://u@h/db?frob=1}\"\n");
    const Diagnostics d2 = DatabaseConfigValidator::validate(fallback, QDir::tempPath());
    QCOMPARE(codes(d2), QStringList {"url.unknown-parameter"});
    QCOMPARE(d2.first().file, QStringLiteral("config.yaml"));
    QCOMPARE(d2.first().line, 2);
}

QTEST_GUILESS_MAIN(tst_DatabaseConfig)
#include "tst_databaseconfig.moc"
