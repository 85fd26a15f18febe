#include "checks/appserverchecks.h"

#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::checks;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::appconfig;

class tst_AppServerChecks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checks_data();
    void checks();
    void poolBudgetNamesBothPlaces();
    void composePorts();
    void durations();
};

using Settings = QMap<QString, QString>;

static ServerSettingLookup lookupOf(const Settings &settings)
{
    return [settings](const QString &name) -> std::optional<ServerSetting> {
        int line = 1;
        for (auto it = settings.cbegin(); it != settings.cend(); ++it, ++line)
            if (it.key() == name)
                return ServerSetting {name, it.value(), "postgresql.conf", line};
        return std::nullopt;
    };
}

static AppServerChecks::Inputs inputsFor(const QByteArray &yaml, const QString &url, int instances = 1, int workers = 1)
{
    VariableResolver resolver;
    AppServerChecks::Inputs in;
    in.config = DatabaseConfig::resolve(AppConfigFile::parse(TextDocument::fromBytes(yaml), "config.yaml"), resolver);
    in.url = ConnectionUrlParser::parse(url);
    in.urlFile = ".env";
    in.urlLine = 7;
    in.instances = instances;
    in.workers = workers;
    return in;
}

static QStringList codes(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(d.code);
    return out;
}

static const QByteArray kGuide
    = "database:\n  pool_size: 20\n  max_overflow: 10\n  pool_timeout: 30\n  pool_recycle: 1800\n";

void tst_AppServerChecks::checks_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("instances");
    QTest::addColumn<Settings>("settings");
    QTest::addColumn<QStringList>("expected");

    const Settings guideServer {{"listen_addresses", "*"},
                                {"port", "5432"},
                                {"max_connections", "100"},
                                {"superuser_reserved_connections", "3"},
                                {"ssl", "on"}};
    QTest::newRow("guide-fits") << kGuide << "postgresql://u@postgres:5432/appdb?sslmode=require" << 1 << guideServer
                                << QStringList {};
    QTest::newRow("budget-4-replicas") << kGuide << "postgresql://u@postgres/appdb" << 4 << guideServer
                                       << QStringList {"app.pool-budget"};
    QTest::newRow("budget-3-replicas-fit")
        << kGuide << "postgresql://u@postgres/appdb" << 3 << guideServer << QStringList {};
    QTest::newRow("budget-exact-fit") << QByteArray("database:\n  pool_size: 90\n  max_overflow: 7\n")
                                      << "postgresql://u@postgres/appdb" << 1 << guideServer << QStringList {};
    QTest::newRow("budget-one-over") << QByteArray("database:\n  pool_size: 90\n  max_overflow: 8\n")
                                     << "postgresql://u@postgres/appdb" << 1 << guideServer
                                     << QStringList {"app.pool-budget"};
    QTest::newRow("budget-reserved-pg17")
        << QByteArray("database:\n  pool_size: 90\n  max_overflow: 7\n") << "postgresql://u@postgres/appdb" << 1
        << Settings {{"listen_addresses", "*"}, {"reserved_connections", "5"}} << QStringList {"app.pool-budget"};
    QTest::newRow("ssl-off-explicit") << kGuide << "postgresql://u@postgres/appdb?sslmode=require" << 1
                                      << Settings {{"listen_addresses", "*"}, {"ssl", "off"}}
                                      << QStringList {"app.ssl-off"};
    QTest::newRow("ssl-off-default") << kGuide << "postgresql://u@postgres/appdb?sslmode=verify-full" << 1
                                     << Settings {{"listen_addresses", "*"}} << QStringList {"app.ssl-off"};
    QTest::newRow("ssl-prefer-ok") << kGuide << "postgresql://u@postgres/appdb" << 1
                                   << Settings {{"listen_addresses", "*"}} << QStringList {};
    QTest::newRow("asyncpg-ssl-require") << kGuide << "postgresql+asyncpg://u@postgres/appdb?ssl=require" << 1
                                         << Settings {{"listen_addresses", "*"}, {"ssl", "false"}}
                                         << QStringList {"app.ssl-off"};
    QTest::newRow("port-mismatch") << kGuide << "postgresql://u@postgres:5433/appdb" << 1 << guideServer
                                   << QStringList {"app.port-mismatch"};
    QTest::newRow("port-custom-server") << kGuide << "postgresql://u@postgres/appdb" << 1
                                        << Settings {{"listen_addresses", "*"}, {"port", "6432"}}
                                        << QStringList {"app.port-mismatch"};
    QTest::newRow("listen-default-remote")
        << kGuide << "postgresql://u@postgres/appdb" << 1 << Settings {} << QStringList {"app.listen-addresses"};
    QTest::newRow("listen-default-local")
        << kGuide << "postgresql://u@localhost/appdb" << 1 << Settings {} << QStringList {};
    QTest::newRow("listen-socket") << kGuide << "postgresql:///appdb?host=/var/run/postgresql" << 1 << Settings {}
                                   << QStringList {};
    QTest::newRow("listen-specific-ip") << kGuide << "postgresql://u@10.0.0.5/appdb" << 1
                                        << Settings {{"listen_addresses", "127.0.0.1"}}
                                        << QStringList {"app.listen-addresses"};
    QTest::newRow("idle-timeout-shorter")
        << kGuide << "postgresql://u@localhost/appdb" << 1 << Settings {{"idle_session_timeout", "10min"}}
        << QStringList {"app.pool-recycle-idle-timeout"};
    QTest::newRow("idle-timeout-longer") << kGuide << "postgresql://u@localhost/appdb" << 1
                                         << Settings {{"idle_session_timeout", "1h"}} << QStringList {};
    QTest::newRow("idle-timeout-ms") << kGuide << "postgresql://u@localhost/appdb" << 1
                                     << Settings {{"idle_session_timeout", "600000"}}
                                     << QStringList {"app.pool-recycle-idle-timeout"};
    QTest::newRow("idle-timeout-off") << kGuide << "postgresql://u@localhost/appdb" << 1
                                      << Settings {{"idle_session_timeout", "0"}} << QStringList {};
    QTest::newRow("statement-timeout-long")
        << kGuide << "postgresql://u@localhost/appdb" << 1 << Settings {{"statement_timeout", "2min"}}
        << QStringList {"app.pool-timeout-statement-timeout"};
    QTest::newRow("statement-timeout-short")
        << kGuide << "postgresql://u@localhost/appdb" << 1 << Settings {{"statement_timeout", "5s"}} << QStringList {};
    QTest::newRow("sqlite-skips-server") << kGuide << "sqlite:///:memory:" << 1 << Settings {} << QStringList {};
}

void tst_AppServerChecks::checks()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, url);
    QFETCH(int, instances);
    QFETCH(Settings, settings);
    QFETCH(QStringList, expected);
    const Diagnostics diagnostics = AppServerChecks::check(inputsFor(yaml, url, instances), lookupOf(settings));
    QCOMPARE(codes(diagnostics), expected);
    for (const Diagnostic &d : diagnostics) {
        QVERIFY(!d.file.isEmpty());
        QVERIFY(d.line > 0);
        QVERIFY(!d.suggestion.isEmpty());
    }
}

void tst_AppServerChecks::poolBudgetNamesBothPlaces()
{
    AppServerChecks::Inputs in = inputsFor(kGuide, "postgresql://u@localhost/appdb", 2, 4);
    in.instancesSource = "docker-compose.prod.yml:9";
    in.workersSource = "config.yaml:11";
    const Diagnostics diagnostics
        = AppServerChecks::check(in, lookupOf({{"max_connections", "200"}, {"superuser_reserved_connections", "3"}}));
    QCOMPARE(codes(diagnostics), QStringList {"app.pool-budget"});
    const Diagnostic &d = diagnostics.first();
    QCOMPARE(d.file, QStringLiteral("config.yaml"));
    QCOMPARE(d.line, 2);
    QVERIFY(d.message.contains("240"));
    QVERIFY(d.message.contains("197"));
    QCOMPARE(d.related, (QStringList {"postgresql.conf:1", "docker-compose.prod.yml:9", "config.yaml:11"}));
}

void tst_AppServerChecks::composePorts()
{
    const QByteArray compose
        = "services:\n  postgres:\n    image: postgres:16-alpine\n    ports:\n      - \"5433:5432\"\n"
          "  api:\n    image: api\n    deploy:\n      replicas: 3\n";
    const ComposeFile file = ComposeFile::parse(TextDocument::fromBytes(compose), "docker-compose.yml");
    QCOMPARE(file.services().size(), 2);
    QVERIFY(file.services().at(0).isPostgres());
    QCOMPARE(file.services().at(0).ports.first().hostPort, 5433);
    QCOMPARE(file.services().at(0).ports.first().containerPort, 5432);
    QCOMPARE(file.services().at(1).replicas, 3);
    AppServerChecks::Inputs in = inputsFor(kGuide, "postgresql://u@localhost:5433/appdb");
    in.composeFiles = {file};
    QCOMPARE(codes(AppServerChecks::check(in, lookupOf({}))), QStringList {});
    in.url = ConnectionUrlParser::parse("postgresql://u@localhost:5434/appdb");
    const Diagnostics wrong = AppServerChecks::check(in, lookupOf({}));
    QCOMPARE(codes(wrong), QStringList {"app.port-mismatch"});
    QCOMPARE(wrong.first().related, QStringList {"docker-compose.yml:5"});
    const ComposeFile prod = ComposeFile::parse(
        TextDocument::fromBytes("services:\n  db:\n    image: postgres\n    ports:\n      - \"127.0.0.1:5432:5432\"\n  "
                                "    - target: 5432\n        published: 6543\n"),
        "c.yml");
    QCOMPARE(prod.services().first().ports.size(), 2);
    QCOMPARE(prod.services().first().ports.at(0).hostIp, QStringLiteral("127.0.0.1"));
    QCOMPARE(prod.services().first().ports.at(1).hostPort, 6543);
}

void tst_AppServerChecks::durations()
{
    QCOMPARE(AppServerChecks::parseDurationMs("30s", 1), 30000);
    QCOMPARE(AppServerChecks::parseDurationMs("1min", 1), 60000);
    QCOMPARE(AppServerChecks::parseDurationMs("5000", 1), 5000);
    QCOMPARE(AppServerChecks::parseDurationMs("2h", 1), 7200000);
    QVERIFY(!AppServerChecks::parseDurationMs("soon", 1));
    QCOMPARE(AppServerChecks::parseBool("on"), true);
    QCOMPARE(AppServerChecks::parseBool("0"), false);
}

QTEST_GUILESS_MAIN(tst_AppServerChecks)
#include "tst_appserverchecks.moc"
