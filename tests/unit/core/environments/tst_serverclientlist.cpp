// Every client of the server: the one list the pool calculator, the tuning profiles and the
// app.pool-budget check read, on the bundled example project and on a stack with many clients.
#include "base/textdocument.h"
#include "checks/projectchecker.h"
#include "environments/initscriptroles.h"
#include "environments/serverclientdetector.h"
#include "environments/targetversion.h"
#include "project/project.h"
#include "support/testpaths.h"
#include "tuning/clientbudget.h"
#include "tuning/pgdialprofile.h"
#include "tuning/pgtuneprofile.h"

#include <QJsonArray>
#include <QTest>

using namespace pgdial;
using namespace pgdial::core;
using namespace pgdial::core::environments;

namespace {

project::Project open(const QString &folder)
{
    base::Result<project::Project> opened = project::Project::open(folder);
    if (!opened)
        qFatal("cannot open %s", qPrintable(folder));
    (void)TargetVersion::apply(*opened);
    return std::move(*opened);
}

const ServerClient *find(const ServerClientList &list, const QString &name)
{
    for (const ServerClient &client : list.clients)
        if (client.name == name)
            return &client;
    return nullptr;
}

QString stack()
{
    return test::testDataDir() + QStringLiteral("/environments/clients/stack");
}

} // namespace

class tst_ServerClientList final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleProject();
    void stackWithManyClients();
    void manualClientsAddAndCorrect();
    void sumsAndJson();
    void initScriptRoles_data();
    void initScriptRoles();
    void tuningNeverBelowTheClients();
    void poolBudgetCheckCountsEveryClient();
};

void tst_ServerClientList::exampleProject()
{
    const project::Project project = open(test::exampleProject());
    const ServerClientList list = ServerClientDetector::detect(project);
    QCOMPARE(list.environment, QStringLiteral("prod"));

    // 1 instance x 4 workers x (pool_size 20 + max_overflow 10); a rolling update adds one instance.
    const ServerClient *app = list.appPools();
    QVERIFY(app);
    QCOMPARE(app->name, QStringLiteral("api-forge's pools"));
    QCOMPARE(app->connections, 120);
    QCOMPARE(app->surge, 120);
    QCOMPARE(app->role, QStringLiteral("appuser"));
    QCOMPARE(app->databases, QStringList {QStringLiteral("appdb")});
    QCOMPARE(app->source.toText(), QStringLiteral("config.yaml:23"));

    // Temporal runs elsewhere, but config.yaml names its databases and role; the init script
    // creates temporaluser WITH LOGIN, which is Temporal's (not an entry of its own).
    const ServerClient *temporal = find(list, QStringLiteral("Temporal"));
    QVERIFY(temporal);
    QCOMPARE(temporal->kind, ServerClient::Kind::Service);
    QCOMPARE(temporal->connections, 40);
    QVERIFY(temporal->estimated);
    QCOMPARE(temporal->role, QStringLiteral("temporaluser"));
    QCOMPARE(temporal->databases, (QStringList {QStringLiteral("temporal"), QStringLiteral("temporal_visibility")}));
    QCOMPARE(temporal->source.file, QStringLiteral("config.yaml"));

    // backupuser: the read-only role, created WITH LOGIN without a limit.
    const ServerClient *backup = find(list, QStringLiteral("backupuser"));
    QVERIFY(backup);
    QCOMPARE(backup->kind, ServerClient::Kind::Backup);
    QCOMPARE(backup->connections, 1);
    QCOMPARE(backup->source.file, QStringLiteral("infra/docker/prod/postgres/init-scripts/01-init-app.sh"));
    // The app's role, NOLOGIN owners and Temporal's role have no entries of their own.
    for (const char *name : {"appuser", "appowner", "temporaluser", "temporaluser_owner"})
        QVERIFY2(!find(list, QString::fromLatin1(name)), name);

    // pg_hba.conf admits replication: walsender slots, outside max_connections.
    const ServerClient *replication = find(list, QStringLiteral("Replication"));
    QVERIFY(replication);
    QVERIFY(!replication->takesOrdinarySlots());
    QCOMPARE(replication->connections, 10);

    const ServerClient *superuser = find(list, QStringLiteral("Superuser sessions"));
    QVERIFY(superuser);
    QCOMPARE(superuser->connections, 3);
    QCOMPARE(superuser->source.line, 76);

    QCOMPARE(list.demand(), 161);
    QCOMPARE(list.otherDemand(), 41);
    QCOMPARE(list.reservedSlots(), 3);
    QCOMPARE(list.needed(), 164);
    QCOMPARE(list.worstCase(), 284);
}

void tst_ServerClientList::stackWithManyClients()
{
    const project::Project project = open(stack());
    QCOMPARE(project.settings.pgVersion, 16);
    const ServerClientList list = ServerClientDetector::detect(project);

    // api is the app: 3 replicas x 2 workers x (5 + 5).
    const ServerClient *app = list.appPools();
    QVERIFY(app);
    QCOMPARE(app->connections, 60);
    QCOMPARE(app->surge, 20);
    QCOMPARE(list.appInstances, 3);
    QCOMPARE(list.appInstancesSource.file, QStringLiteral("docker-compose.yml"));
    QVERIFY(app->detail.contains(QStringLiteral("3 instance(s) x 2 worker(s)")));

    // worker and scheduler run the app's code on its URL, one pool per replica.
    QCOMPARE(find(list, QStringLiteral("worker"))->kind, ServerClient::Kind::AppProcess);
    QCOMPARE(find(list, QStringLiteral("worker"))->connections, 20);
    QCOMPARE(find(list, QStringLiteral("scheduler"))->connections, 10);
    QVERIFY(!find(list, QStringLiteral("temporal-ui")));

    // Temporal: SQL_MAX_CONNS 10 x 2 databases, capped by its role's CONNECTION LIMIT 15.
    const ServerClient *temporal = find(list, QStringLiteral("temporal"));
    QVERIFY(temporal);
    QCOMPARE(temporal->role, QStringLiteral("temporal"));
    QCOMPARE(temporal->connections, 15);
    QVERIFY(!temporal->estimated);
    QVERIFY(temporal->detail.contains(QStringLiteral("CONNECTION LIMIT 15")));

    // Roles: the ro_user's limit, a CREATE USER with a later ALTER ROLE; the superuser and the
    // replication role have none (their slots are reserved / walsender ones), whatever the
    // quoted password spells.
    QCOMPARE(find(list, QStringLiteral("reporting"))->kind, ServerClient::Kind::Backup);
    QCOMPARE(find(list, QStringLiteral("reporting"))->connections, 5);
    QCOMPARE(find(list, QStringLiteral("metabase"))->kind, ServerClient::Kind::LoginRole);
    QCOMPARE(find(list, QStringLiteral("metabase"))->connections, 3);
    QVERIFY(!find(list, QStringLiteral("metabase"))->estimated);
    QVERIFY(!find(list, QStringLiteral("admin")));
    QVERIFY(!find(list, QStringLiteral("replicator")));

    const ServerClient *replication = find(list, QStringLiteral("Replication"));
    QVERIFY(replication);
    QCOMPARE(replication->connections, 5); // max_wal_senders
    QCOMPARE(replication->role, QStringLiteral("replicator"));
    QVERIFY(replication->detail.contains(QStringLiteral("1 standby service(s)")));

    // PostgreSQL 16: reserved_connections counts beside superuser_reserved_connections.
    QCOMPARE(find(list, QStringLiteral("Reserved sessions"))->connections, 2);
    QCOMPARE(list.reservedSlots(), 7);
    QCOMPARE(list.demand(), 60 + 20 + 10 + 15 + 5 + 3);
    QCOMPARE(list.needed(), 120);
    QCOMPARE(list.surge(), 40);
    QCOMPARE(list.worstCase(), 160);
}

void tst_ServerClientList::manualClientsAddAndCorrect()
{
    project::Project project = open(test::exampleProject());
    project.settings.manualClients = {{QStringLiteral("cron jobs"), 4}, {QStringLiteral("temporal"), 60}};
    const ServerClientList list = ServerClientDetector::detect(project);
    // Named like a detected client: its count corrected, no longer an estimate.
    const ServerClient *temporal = find(list, QStringLiteral("Temporal"));
    QCOMPARE(temporal->connections, 60);
    QVERIFY(!temporal->estimated);
    QVERIFY(temporal->detail.startsWith(QStringLiteral("set by hand (was 40")));
    const ServerClient *cron = find(list, QStringLiteral("cron jobs"));
    QVERIFY(cron);
    QCOMPARE(cron->kind, ServerClient::Kind::Manual);
    QCOMPARE(list.demand(), 120 + 60 + 1 + 4);
}

void tst_ServerClientList::sumsAndJson()
{
    ServerClientList list;
    list.setAppPools(8, 6, 2);
    list.addManual(QString(), 10);
    ServerClient replication;
    replication.kind = ServerClient::Kind::Replication;
    replication.name = QStringLiteral("Replication");
    replication.connections = 10;
    list.clients.append(replication);
    ServerClient superuser;
    superuser.kind = ServerClient::Kind::SuperuserReserved;
    superuser.connections = 3;
    list.clients.append(superuser);
    QCOMPARE(list.appDemand(), 48);
    QCOMPARE(list.surge(), 24); // one instance of four pools
    QCOMPARE(list.demand(), 58);
    QCOMPARE(list.needed(), 61);
    QCOMPARE(list.worstCase(), 85);
    const QJsonObject json = list.toJson();
    QCOMPARE(json.value(QStringLiteral("needed")).toInt(), 61);
    QCOMPARE(json.value(QStringLiteral("other_demand")).toInt(), 10);
    const QJsonArray clients = json.value(QStringLiteral("clients")).toArray();
    QCOMPARE(clients.size(), 4);
    QCOMPARE(clients.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("app_pools"));
    QCOMPARE(clients.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Other clients"));
    QCOMPARE(clients.at(2).toObject().value(QStringLiteral("counted")).toBool(), false);
    QVERIFY(list.toText().last().contains(QStringLiteral("at least 61")));
}

void tst_ServerClientList::initScriptRoles_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QStringList>("expected"); // name:login:limit:superuser:replication:line

    QTest::newRow("sql") << QByteArray("CREATE ROLE app LOGIN;\nCREATE ROLE owner NOLOGIN;\n")
                         << QStringList {"app:1:-:0:0:1", "owner:0:-:0:0:2"};
    QTest::newRow("create user implies login")
        << QByteArray("create user bob with password 'p';\n") << QStringList {"bob:1:-:0:0:1"};
    QTest::newRow("shell default and heredoc without semicolons")
        << QByteArray("psql <<-EOSQL\n\tCREATE ROLE ${APP_DB_USER:-appuser} LOGIN PASSWORD '${PW}'\n"
                      "\tCREATE ROLE \"Mixed\" LOGIN CONNECTION LIMIT 7\nEOSQL\n")
        << QStringList {"appuser:1:-:0:0:2", "Mixed:1:7:0:0:3"};
    QTest::newRow("multi-line statement")
        << QByteArray("CREATE ROLE ops\n  WITH LOGIN\n  SUPERUSER;\n") << QStringList {"ops:1:-:1:0:1"};
    QTest::newRow("alter role applies later")
        << QByteArray("CREATE ROLE r NOLOGIN;\nALTER ROLE r WITH LOGIN CONNECTION LIMIT 2;\nALTER ROLE r CONNECTION "
                      "LIMIT -1;\n")
        << QStringList {"r:1:-:0:0:1"};
    QTest::newRow("password spelling keywords")
        << QByteArray("CREATE ROLE x NOLOGIN PASSWORD 'LOGIN SUPERUSER';\n") << QStringList {"x:0:-:0:0:1"};
    QTest::newRow("replication role") << QByteArray("CREATE ROLE rep WITH REPLICATION LOGIN;\n")
                                      << QStringList {"rep:1:-:0:1:1"};
}

void tst_ServerClientList::initScriptRoles()
{
    QFETCH(QByteArray, script);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const InitScriptRole &role :
         InitScriptRoles::read(base::TextDocument::fromBytes(script), QStringLiteral("init.sql")))
        actual.append(QStringLiteral("%1:%2:%3:%4:%5:%6")
                          .arg(role.name)
                          .arg(int(role.login))
                          .arg(role.connectionLimit ? QString::number(*role.connectionLimit) : QStringLiteral("-"))
                          .arg(int(role.superuser))
                          .arg(int(role.replication))
                          .arg(role.source.line));
    QCOMPARE(actual, expected);
}

void tst_ServerClientList::tuningNeverBelowTheClients()
{
    // Issue 15 item 7: the example project's clients need 164; lowering max_connections to 60
    // would starve Temporal and the backup role, so no profile recommends fewer.
    const project::Project project = open(test::exampleProject());
    const ServerClientList list = ServerClientDetector::detect(project);
    tuning::TuningInputs in;
    in.connections = 60;
    in.pgVersion = 16;
    tuning::PgDialContext context;
    tuning::ClientBudget::applyTo(list, context);
    // A typed max_connections replaces the demand (as in the wizard), never the floor.
    tuning::PgDialContext typed = context;
    typed.poolDemand.reset();
    const tuning::TuningResult pgdial = tuning::PgDialProfile::compute(in, typed);
    QCOMPARE(pgdial.find(QStringLiteral("max_connections"))->value, QStringLiteral("164"));
    QVERIFY(pgdial.find(QStringLiteral("max_connections"))->reason.contains(QStringLiteral("Temporal 40")));

    // Without a typed value: the demand plus headroom (161 + 33 + 3 -> 200).
    in.connections.reset();
    QCOMPARE(tuning::PgDialProfile::compute(in, context).find(QStringLiteral("max_connections"))->value,
             QStringLiteral("200"));
    // PGTune takes max_connections as an input: a data warehouse's usual 40 is raised to 164.
    in.workload = tuning::Workload::Dw;
    tuning::ClientBudget::applyTo(list, in);
    QCOMPARE(tuning::PgTuneProfile::compute(in).find(QStringLiteral("max_connections"))->value, QStringLiteral("164"));
    // The rolling update's worst case is a warning when max_connections cannot hold it.
    in.workload = tuning::Workload::Web;
    in.connections.reset();
    const tuning::TuningResult withWarning = tuning::PgDialProfile::compute(in, context);
    QVERIFY(withWarning.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("rolling update")));
}

void tst_ServerClientList::poolBudgetCheckCountsEveryClient()
{
    project::Project project = open(test::exampleProject());
    const base::Diagnostics diagnostics = checks::ProjectChecker::check(project);
    const auto budget = std::find_if(diagnostics.cbegin(), diagnostics.cend(),
                                     [](const base::Diagnostic &d) { return d.code == u"app.pool-budget"; });
    QVERIFY(budget != diagnostics.cend());
    QVERIFY2(budget->message.contains(QStringLiteral("At peak the app opens 161 connections")),
             qPrintable(budget->message));
    QVERIFY2(budget->message.contains(QStringLiteral("41 other clients: Temporal 40 + backupuser 1")),
             qPrintable(budget->message));
}

QTEST_GUILESS_MAIN(tst_ServerClientList)
#include "tst_serverclientlist.moc"
