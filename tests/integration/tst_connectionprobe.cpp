#include "base/textdocument.h"
#include "hba/hbaparser.h"
#include "hba/hbarejection.h"
#include "probe/connectionprobe.h"
#include "support/clirunner.h"
#include "support/fakepglistener.h"
#include "support/pgtestserver.h"
#include "support/testcertificates.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <libpq-fe.h>

#include <memory>

using pgdial::core::probe::ConnectionProbe;
using pgdial::core::probe::ProbeOptions;
using pgdial::core::probe::ProbeReport;
using pgdial::core::probe::ProbeStage;
using pgdial::core::probe::StageStatus;
using pgdial::core::probe::Verdict;
using pgdial::core::probe::verdictId;
using pgdial::test::FakePgListener;
using pgdial::test::PgTestServer;
using pgdial::test::TestCertificates;

// The connection tester against real servers it starts: one TLS server with the roles, rules and
// databases of every scenario, one server without TLS and with few connection slots, and
// listeners that are not PostgreSQL.
class tst_ConnectionProbe final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void verdicts_data();
    void verdicts();
    void healthyTlsServer();
    void requireWithStaleRootCrt();
    void connectionSlotsExhausted();
    void roleAndDatabaseConnectionLimits();
    void reservedConnectionsForPrivilegedRoles();
    void tlsInspectsEveryAddress_data();
    void tlsInspectsEveryAddress();
    void standbyWithoutHotStandby();
    void misbehavingServers_data();
    void misbehavingServers();
    void passwordFailureReasons_data();
    void passwordFailureReasons();
    void checksThreeRolesAndSettings();
    void checksReadTheAppDatabase();
    void sslFixWhenTheFileAlreadySaysOn();
    void rejectRuleIsLocated();
    void unixSocketRefusalProposesLocalRule();
    void proposalKeepsTheFilesTlsPolicy();
    void cancelReturnsQuickly();
    void signalsInOrder();
    void cliDeadline();
    void cliConnects();
    void passwordNeverInReport();

private:
    QTemporaryDir m_home;
    TestCertificates m_certificates;
    std::unique_ptr<PgTestServer> m_tls;
    std::unique_ptr<PgTestServer> m_plain;
    std::unique_ptr<FakePgListener> m_silent;
    std::unique_ptr<FakePgListener> m_http;

    QString expand(QString conninfo) const;
    ProbeReport probe(const QString &conninfo, int timeoutMs = 8000) const;
};

void tst_ConnectionProbe::initTestCase()
{
    // No user files may leak in: an empty HOME (no ~/.pgpass, no ~/.postgresql/root.crt).
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("PGPASSFILE", (m_home.path() + QStringLiteral("/no-pgpass")).toUtf8());
    for (const char *name : {"PGPASSWORD", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGSSLMODE", "PGSERVICE",
                             "PGSSLROOTCERT", "PGCONNECT_TIMEOUT"})
        qunsetenv(name);
    QVERIFY2(m_certificates.generate(m_home.path() + QStringLiteral("/certs")),
             qPrintable(m_certificates.errorString()));

    // PGDIAL_PROBE_TEST_MAJOR=13..18 runs the scenarios against another major (default: the preferred one).
    PgTestServer::Options serverOptions;
    serverOptions.major = qEnvironmentVariableIntValue("PGDIAL_PROBE_TEST_MAJOR");
    m_tls = std::make_unique<PgTestServer>(serverOptions);
    QVERIFY2(m_tls->init(), qPrintable(m_tls->errorString()));
    QVERIFY(m_certificates.installOn(*m_tls));
    QVERIFY(!m_tls
                 ->writeFile(m_tls->dataDir() + QStringLiteral("/pg_hba.conf"),
                             "local all postgres trust\n"
                             "local all all peer\n"
                             "host all rejected 127.0.0.1/32 reject\n"
                             "hostssl all sslonly 127.0.0.1/32 scram-sha-256\n"
                             "hostssl all certuser 127.0.0.1/32 cert\n"
                             "host all scramuser 127.0.0.1/32 scram-sha-256\n"
                             "host all md5user 127.0.0.1/32 md5\n"
                             "host all ghostpw,expired,nopw,md5scram 127.0.0.1/32 scram-sha-256\n"
                             "host all appuser,backupuser 127.0.0.1/32 trust\n"
                             "host all trustuser,nologin,ghost,postgres,limited 127.0.0.1/32 trust\n")
                 .isEmpty());
    QVERIFY2(m_tls->start(), qPrintable(m_tls->errorString()));
    for (const char *sql :
         {"set password_encryption = 'scram-sha-256'; create role scramuser login password 'scram-pw'",
          "set password_encryption = 'md5'; create role md5user login password 'md5-pw'", "create role trustuser login",
          "create role nologin nologin",
          "set password_encryption = 'scram-sha-256'; create role sslonly login password 'ssl-pw'",
          "create role certuser login", "create role rejected login", "create database private",
          "revoke connect on database private from public",
          "set password_encryption = 'scram-sha-256'; create role expired login password 'exp-pw' valid until "
          "'2000-01-01'",
          "create role nopw login",
          "set password_encryption = 'md5'; create role md5scram login password 'md5scram-pw'",
          "create role appowner nologin", "create role limited login connection limit 1",
          "create database smalldb connection limit 1", "create role appuser login", "create role backupuser login",
          "create database appdb owner appowner"}) {
        const auto result = m_tls->query(QString::fromLatin1(sql));
        QVERIFY2(result.ok, qPrintable(result.error));
    }

    for (const char *sql :
         {"create schema app authorization appowner", "create table app.orders (id int)",
          "alter table app.orders owner to appowner", "grant usage on schema app to appuser, backupuser",
          "grant select, insert, update, delete on all tables in schema app to appuser",
          "grant select, insert on all tables in schema app to backupuser"}) {
        const auto result = m_tls->query(QString::fromLatin1(sql), QStringLiteral("appdb"));
        QVERIFY2(result.ok, qPrintable(result.error));
    }

    m_plain = std::make_unique<PgTestServer>(serverOptions);
    QVERIFY2(m_plain->init(), qPrintable(m_plain->errorString()));
    QVERIFY(m_plain->appendConfig("ssl = off\nmax_connections = 4\nsuperuser_reserved_connections = 1\n"));
    QVERIFY2(m_plain->start(), qPrintable(m_plain->errorString()));
    QVERIFY(m_plain->execute(QStringLiteral("create role app login")));

    m_silent = std::make_unique<FakePgListener>(FakePgListener::Behaviour::Silent);
    m_http = std::make_unique<FakePgListener>(FakePgListener::Behaviour::Http);
    QVERIFY(m_silent->port() > 0 && m_http->port() > 0);
}

void tst_ConnectionProbe::cleanupTestCase()
{
    m_tls.reset();
    m_plain.reset();
}

QString tst_ConnectionProbe::expand(QString conninfo) const
{
    conninfo.replace(QStringLiteral("%PORT%"), QString::number(m_tls->port()));
    conninfo.replace(QStringLiteral("%PLAIN%"), QString::number(m_plain->port()));
    conninfo.replace(QStringLiteral("%FREE%"), QString::number(PgTestServer::freePort()));
    conninfo.replace(QStringLiteral("%SILENT%"), QString::number(m_silent->port()));
    conninfo.replace(QStringLiteral("%HTTP%"), QString::number(m_http->port()));
    conninfo.replace(QStringLiteral("%CA%"), m_certificates.caCert());
    conninfo.replace(QStringLiteral("%OTHERCA%"), m_certificates.otherCaCert());
    conninfo.replace(QStringLiteral("%SOCKET%"), m_tls->socketDir());
    return conninfo;
}

ProbeReport tst_ConnectionProbe::probe(const QString &conninfo, int timeoutMs) const
{
    ProbeOptions options;
    options.conninfo = expand(conninfo);
    options.timeoutMs = timeoutMs;
    return ConnectionProbe::run(options);
}

void tst_ConnectionProbe::verdicts_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<int>("timeoutMs");

    const auto row
        = [](const char *name, const char *conninfo, const char *verdict, const char *stage, int timeoutMs = 8000) {
              QTest::newRow(name) << QString::fromUtf8(conninfo) << QString::fromLatin1(verdict)
                                  << QString::fromLatin1(stage) << timeoutMs;
          };
    row("scram over TLS", "host=127.0.0.1 port=%PORT% user=scramuser password=scram-pw dbname=postgres sslmode=require",
        "ok", "");
    row("md5 without TLS", "host=127.0.0.1 port=%PORT% user=md5user password=md5-pw dbname=postgres sslmode=disable",
        "ok", "");
    row("misspelt keyword", "hots=127.0.0.1 port=%PORT%", "invalid_conninfo", "parse");
    row("bad sslmode", "host=127.0.0.1 port=%PORT% sslmode=verify_full", "invalid_conninfo", "parse");
    // A 64-character label is not a valid DNS name: glibc refuses it without sending a query, so
    // the test never reaches the machine's (non-loopback) resolver.
    row("unresolvable name",
        "host=pgdial-no-such-host-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.invalid port=%PORT% user=trustuser",
        "unknown_host", "resolve");
    row("nobody listens", "host=127.0.0.1 port=%FREE% user=trustuser", "refused", "tcp");
    row("silent listener", "host=127.0.0.1 port=%SILENT% user=trustuser connect_timeout=2", "timeout", "tls", 1500);
    row("silent listener without TLS", "host=127.0.0.1 port=%SILENT% user=trustuser sslmode=disable", "timeout", "auth",
        1500);
    row("HTTP on the port", "host=127.0.0.1 port=%HTTP% user=trustuser", "not_postgres", "tls");
    row("HTTP on the port without TLS", "host=127.0.0.1 port=%HTTP% user=trustuser sslmode=disable", "not_postgres",
        "auth");
    row("ssl off, sslmode=require", "host=127.0.0.1 port=%PLAIN% user=app dbname=postgres sslmode=require",
        "ssl_not_supported", "tls");
    row("wrong CA", "host=localhost port=%PORT% user=trustuser dbname=postgres sslmode=verify-ca sslrootcert=%OTHERCA%",
        "cert_verify_failed", "tls");
    row("verify-full by IP",
        "host=127.0.0.1 port=%PORT% user=trustuser dbname=postgres sslmode=verify-full sslrootcert=%CA%",
        "cert_hostname_mismatch", "tls");
    row("missing root certificate",
        "host=localhost port=%PORT% user=trustuser dbname=postgres sslmode=verify-ca sslrootcert=/nonexistent/root.crt",
        "root_cert_missing", "tls");
    row("hostssl only, sslmode=disable",
        "host=127.0.0.1 port=%PORT% user=sslonly password=ssl-pw dbname=postgres sslmode=disable", "hba_no_entry",
        "auth");
    row("no rule for the user", "host=127.0.0.1 port=%PORT% user=stranger dbname=postgres sslmode=disable",
        "hba_no_entry", "auth");
    row("reject rule", "host=127.0.0.1 port=%PORT% user=rejected dbname=postgres sslmode=disable", "hba_reject",
        "auth");
    row("wrong password", "host=127.0.0.1 port=%PORT% user=scramuser password=wrong dbname=postgres", "password_failed",
        "auth");
    row("no password", "host=127.0.0.1 port=%PORT% user=scramuser dbname=postgres", "no_password_supplied", "auth");
    row("missing database", "host=127.0.0.1 port=%PORT% user=trustuser dbname=nosuchdb", "database_missing", "auth");
    row("missing role under trust", "host=127.0.0.1 port=%PORT% user=ghost dbname=postgres", "role_missing", "auth");
    row("NOLOGIN role", "host=127.0.0.1 port=%PORT% user=nologin dbname=postgres", "role_cannot_login", "auth");
    row("CONNECT revoked", "host=127.0.0.1 port=%PORT% user=trustuser dbname=private", "no_connect_privilege", "auth");
    row("cert method without a client certificate",
        "host=localhost port=%PORT% user=certuser dbname=postgres sslmode=verify-full sslrootcert=%CA%",
        "client_cert_required", "auth");
    row("verify-full by name",
        "host=localhost port=%PORT% user=trustuser dbname=postgres sslmode=verify-full sslrootcert=%CA%", "ok", "");
    if (PgTestServer::runsAsOtherUser())
        row("peer for another OS user", "host=%SOCKET% port=%PORT% user=trustuser dbname=postgres",
            "peer_or_ident_failed", "auth");
}

void tst_ConnectionProbe::verdicts()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, verdict);
    QFETCH(QString, stage);
    QFETCH(int, timeoutMs);
    QElapsedTimer timer;
    timer.start();
    const ProbeReport report = probe(conninfo, timeoutMs);
    const QByteArray text = report.toText().toUtf8();
    QVERIFY2(verdictId(report.verdict) == verdict, text.constData());
    QCOMPARE(report.failedStage, stage);
    QVERIFY(!report.cause.isEmpty());
    if (verdict != QLatin1String("ok"))
        QVERIFY(!report.fix.isEmpty());
    QVERIFY2(timer.elapsed() < timeoutMs + 500, text.constData());
    if (verdict == QLatin1String("timeout") && stage != QLatin1String("tcp")) {
        // The handshake completed: nothing dropped the packets.
        QVERIFY2(report.cause.contains(QLatin1String("accepts the TCP connection")), text.constData());
        QVERIFY2(!report.cause.contains(QLatin1String("packets are dropped")), text.constData());
    }
    // Every stage is reported, in order.
    QStringList names;
    for (const ProbeStage &s : report.stages)
        names.append(s.name);
    QCOMPARE(
        names,
        (QStringList {QStringLiteral("parse"), QStringLiteral("resolve"), QStringLiteral("tcp"), QStringLiteral("tls"),
                      QStringLiteral("auth"), QStringLiteral("session"), QStringLiteral("checks")}));
}

void tst_ConnectionProbe::healthyTlsServer()
{
    const ProbeReport report = probe(QStringLiteral("host=localhost port=%PORT% user=scramuser password=scram-pw "
                                                    "dbname=postgres sslmode=verify-full sslrootcert=%CA%"));
    QVERIFY2(report.ok(), qPrintable(report.toText()));
    const ProbeStage *tls = report.stage(QStringLiteral("tls"));
    QVERIFY(tls);
    QCOMPARE(tls->status, StageStatus::Ok);
    QVERIFY(tls->facts.value(QStringLiteral("protocol")).toString().startsWith(QLatin1String("TLSv1.")));
    QCOMPARE(tls->facts.value(QStringLiteral("verified")).toBool(), true);
    QCOMPARE(tls->facts.value(QStringLiteral("host_name_matches")).toBool(), true);
    const QJsonArray chain = tls->facts.value(QStringLiteral("chain")).toArray();
    QVERIFY(!chain.isEmpty());
    const QJsonObject leaf = chain.first().toObject();
    QCOMPARE(leaf.value(QStringLiteral("subject")).toString(), QStringLiteral("CN=localhost"));
    QCOMPARE(leaf.value(QStringLiteral("issuer")).toString(), QStringLiteral("CN=pgdial test CA"));
    QCOMPARE(leaf.value(QStringLiteral("san")).toArray().first().toString(), QStringLiteral("DNS:localhost"));
    QCOMPARE(leaf.value(QStringLiteral("key")).toString(), QStringLiteral("EC 256"));

    const ProbeStage *session = report.stage(QStringLiteral("session"));
    QVERIFY(session);
    QCOMPARE(session->facts.value(QStringLiteral("server_version")).toInt() / 10000, m_tls->major());
    QCOMPARE(session->facts.value(QStringLiteral("ssl_in_use")).toBool(), true);
    QCOMPARE(session->facts.value(QStringLiteral("current_user")).toString(), QStringLiteral("scramuser"));
    QCOMPARE(session->facts.value(QStringLiteral("current_database")).toString(), QStringLiteral("postgres"));
    QCOMPARE(session->facts.value(QStringLiteral("in_recovery")).toBool(), false);
    QCOMPARE(session->facts.value(QStringLiteral("max_connections")).toInt(), 100);
    QVERIFY(session->facts.value(QStringLiteral("connections_in_use")).toInt() >= 1);
    const ProbeStage *auth = report.stage(QStringLiteral("auth"));
    QCOMPARE(auth->facts.value(QStringLiteral("used_password")).toBool(), true);
}

void tst_ConnectionProbe::requireWithStaleRootCrt()
{
    // sslmode=require with a ~/.postgresql/root.crt present: libpq verifies as verify-ca.
    QDir().mkpath(m_home.path() + QStringLiteral("/.postgresql"));
    const QString rootCrt = m_home.path() + QStringLiteral("/.postgresql/root.crt");
    QVERIFY(QFile::copy(m_certificates.otherCaCert(), rootCrt));
    const ProbeReport report
        = probe(QStringLiteral("host=127.0.0.1 port=%PORT% user=trustuser dbname=postgres sslmode=require"));
    QFile::remove(rootCrt);
    QCOMPARE(verdictId(report.verdict), QStringLiteral("cert_verify_failed"));
    QCOMPARE(report.failedStage, QStringLiteral("tls"));
    QVERIFY2(report.stage(QStringLiteral("tls"))->detail.contains(QLatin1String("root.crt")),
             qPrintable(report.stage(QStringLiteral("tls"))->detail));
}

void tst_ConnectionProbe::connectionSlotsExhausted()
{
    // max_connections 4, one reserved for superusers: three app sessions leave only the reserved one.
    const QString app = m_plain->conninfo(QStringLiteral("app"));
    std::vector<PGconn *> held;
    const auto hold = [&](const QString &conninfo) {
        PGconn *conn = PQconnectdb(conninfo.toUtf8().constData());
        held.push_back(conn);
        return PQstatus(conn) == CONNECTION_OK;
    };
    for (int i = 0; i < 3; ++i)
        QVERIFY(hold(app));
    const ProbeReport reserved = probe(app);
    QCOMPARE(verdictId(reserved.verdict), QStringLiteral("reserved_slots"));
    QCOMPARE(reserved.failedStage, QStringLiteral("auth"));
    QVERIFY(hold(m_plain->conninfo()));
    const ProbeReport full = probe(app);
    for (PGconn *conn : held)
        PQfinish(conn);
    QCOMPARE(verdictId(full.verdict), QStringLiteral("too_many_clients"));
    QCOMPARE(full.failedStage, QStringLiteral("auth"));
}

void tst_ConnectionProbe::roleAndDatabaseConnectionLimits()
{
    // A role's and a database's own CONNECTION LIMIT: the server has free slots, the role or
    // database does not. The cause names which limit, the fix the SQL that changes it.
    PGconn *roleSession = PQconnectdb(expand(QStringLiteral("host=127.0.0.1 port=%PORT% user=limited dbname=postgres "
                                                            "sslmode=disable"))
                                          .toUtf8()
                                          .constData());
    QCOMPARE(PQstatus(roleSession), CONNECTION_OK);
    const ProbeReport role
        = probe(QStringLiteral("host=127.0.0.1 port=%PORT% user=limited dbname=postgres sslmode=disable"));
    PQfinish(roleSession);
    QCOMPARE(verdictId(role.verdict), QStringLiteral("too_many_clients"));
    QCOMPARE(role.failedStage, QStringLiteral("auth"));
    QVERIFY2(role.cause.contains(QLatin1String("role limited")) && role.cause.contains(QLatin1String("rolconnlimit")),
             qPrintable(role.toText()));
    QVERIFY2(role.fix.contains(QLatin1String("ALTER ROLE limited CONNECTION LIMIT")), qPrintable(role.toText()));

    PGconn *databaseSession
        = PQconnectdb(expand(QStringLiteral("host=127.0.0.1 port=%PORT% user=trustuser dbname=smalldb "
                                            "sslmode=disable"))
                          .toUtf8()
                          .constData());
    QCOMPARE(PQstatus(databaseSession), CONNECTION_OK);
    ProbeOptions options;
    options.conninfo
        = expand(QStringLiteral("host=127.0.0.1 port=%PORT% user=trustuser dbname=smalldb sslmode=disable"));
    // A project's max_connections line is not where a database's own limit is changed.
    options.serverSettings = [](const QString &name) -> std::optional<pgdial::core::project::ServerSetting> {
        if (name == QLatin1String("max_connections"))
            return pgdial::core::project::ServerSetting {name, QStringLiteral("100"), QStringLiteral("postgresql.conf"),
                                                         4};
        return std::nullopt;
    };
    const ProbeReport database = ConnectionProbe::run(options);
    PQfinish(databaseSession);
    QCOMPARE(verdictId(database.verdict), QStringLiteral("too_many_clients"));
    QVERIFY2(database.cause.contains(QLatin1String("database smalldb"))
                 && database.cause.contains(QLatin1String("datconnlimit")),
             qPrintable(database.toText()));
    QVERIFY2(database.fix.contains(QLatin1String("ALTER DATABASE smalldb CONNECTION LIMIT")),
             qPrintable(database.toText()));
    QVERIFY(!database.fixLocation);
}

void tst_ConnectionProbe::reservedConnectionsForPrivilegedRoles()
{
    // PostgreSQL 16+: reserved_connections keeps slots for pg_use_reserved_connections members.
    PgTestServer::Options serverOptions;
    serverOptions.major = qEnvironmentVariableIntValue("PGDIAL_PROBE_TEST_MAJOR");
    PgTestServer server(serverOptions);
    QVERIFY2(server.init(), qPrintable(server.errorString()));
    if (server.major() < 16)
        QSKIP("reserved_connections exists from PostgreSQL 16 on");
    QVERIFY(server.appendConfig("ssl = off\nmax_connections = 5\nsuperuser_reserved_connections = 1\n"
                                "reserved_connections = 1\n"));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(server.execute(QStringLiteral("create role app login; create role monitor login; "
                                          "grant pg_use_reserved_connections to monitor")));
    std::vector<PGconn *> held;
    for (int i = 0; i < 3; ++i) {
        held.push_back(PQconnectdb(server.conninfo(QStringLiteral("app")).toUtf8().constData()));
        QCOMPARE(PQstatus(held.back()), CONNECTION_OK);
    }
    const ProbeReport app = probe(server.conninfo(QStringLiteral("app")));
    const ProbeReport monitor = probe(server.conninfo(QStringLiteral("monitor")));
    held.push_back(PQconnectdb(server.conninfo(QStringLiteral("monitor")).toUtf8().constData()));
    const ProbeReport superuserOnly = probe(server.conninfo(QStringLiteral("monitor")));
    for (PGconn *conn : held)
        PQfinish(conn);
    QCOMPARE(verdictId(app.verdict), QStringLiteral("reserved_slots"));
    QVERIFY2(app.cause.contains(QLatin1String("pg_use_reserved_connections")), qPrintable(app.toText()));
    QVERIFY2(app.fix.contains(QLatin1String("GRANT pg_use_reserved_connections TO app")), qPrintable(app.toText()));
    QVERIFY2(monitor.ok(), qPrintable(monitor.toText())); // a member gets the reserved slot
    QCOMPARE(verdictId(superuserOnly.verdict), QStringLiteral("reserved_slots"));
    QVERIFY2(superuserOnly.cause.contains(QLatin1String("superuser_reserved_connections")),
             qPrintable(superuserOnly.toText()));
}

void tst_ConnectionProbe::tlsInspectsEveryAddress_data()
{
    QTest::addColumn<QString>("hosts");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<int>("status");
    // verify-full: "localhost" matches the certificate, "127.0.0.1" does not. libpq uses the
    // first address and does not move on after a TLS failure: the first address decides, the
    // other one is still inspected and reported.
    QTest::newRow("good address first") << QStringLiteral("localhost,127.0.0.1") << QStringLiteral("ok")
                                        << int(StageStatus::Warn);
    QTest::newRow("bad address first") << QStringLiteral("127.0.0.1,localhost")
                                       << QStringLiteral("cert_hostname_mismatch") << int(StageStatus::Fail);
}

void tst_ConnectionProbe::tlsInspectsEveryAddress()
{
    QFETCH(QString, hosts);
    QFETCH(QString, verdict);
    QFETCH(int, status);
    const ProbeReport report = probe(
        QStringLiteral("host=%1 port=%PORT%,%PORT% user=trustuser dbname=postgres sslmode=verify-full sslrootcert=%CA%")
            .arg(hosts));
    QCOMPARE(verdictId(report.verdict), verdict);
    const ProbeStage *tls = report.stage(QStringLiteral("tls"));
    QVERIFY(tls);
    QCOMPARE(int(tls->status), status);
    QCOMPARE(tls->verdict, Verdict::CertHostnameMismatch);
    if (verdict != QLatin1String("ok"))
        QCOMPARE(report.failedStage, QStringLiteral("tls"));
    const QJsonArray addresses = tls->facts.value(QStringLiteral("addresses")).toArray();
    QVERIFY2(addresses.size() >= 2, qPrintable(tls->lines.join(QLatin1Char('\n'))));
    int failed = 0;
    int passed = 0;
    for (const QJsonValue &value : addresses) {
        const QJsonObject address = value.toObject();
        if (address.value(QStringLiteral("status")).toString() == QLatin1String("fail")) {
            ++failed;
            QCOMPARE(address.value(QStringLiteral("address")).toString(), expand(QStringLiteral("127.0.0.1:%PORT%")));
            QCOMPARE(address.value(QStringLiteral("verdict")).toString(), QStringLiteral("cert_hostname_mismatch"));
        } else {
            ++passed;
            QVERIFY(!address.value(QStringLiteral("chain")).toArray().isEmpty());
        }
    }
    QCOMPARE(failed, 1);
    QVERIFY(passed >= 1);
}

void tst_ConnectionProbe::standbyWithoutHotStandby()
{
    // A standby with hot_standby = off refuses every connection with 57P03 (cannot_connect_now).
    PgTestServer::Options serverOptions;
    serverOptions.major = qEnvironmentVariableIntValue("PGDIAL_PROBE_TEST_MAJOR");
    PgTestServer standby(serverOptions);
    QVERIFY2(standby.init(), qPrintable(standby.errorString()));
    QVERIFY(standby.appendConfig("hot_standby = off\n"));
    QVERIFY(!standby.writeFile(standby.dataDir() + QStringLiteral("/standby.signal"), {}).isEmpty());
    QVERIFY2(standby.start(), qPrintable(standby.errorString()));
    const ProbeReport report = probe(standby.conninfo());
    QVERIFY2(report.verdict == Verdict::ServerStarting, qPrintable(report.toText()));
    QCOMPARE(report.failedStage, QStringLiteral("auth"));
}

void tst_ConnectionProbe::misbehavingServers_data()
{
    QTest::addColumn<int>("behaviour");
    QTest::addColumn<QString>("sslmode");
    for (const char *mode : {"require", "prefer", "disable"}) {
        QTest::addRow("garbage after SSLRequest, %s", mode)
            << int(FakePgListener::Behaviour::GarbageAfterSsl) << QString::fromLatin1(mode);
        QTest::addRow("close mid-handshake, %s", mode)
            << int(FakePgListener::Behaviour::CloseMidHandshake) << QString::fromLatin1(mode);
    }
}

void tst_ConnectionProbe::misbehavingServers()
{
    QFETCH(int, behaviour);
    QFETCH(QString, sslmode);
    FakePgListener listener(static_cast<FakePgListener::Behaviour>(behaviour));
    QElapsedTimer timer;
    timer.start();
    const ProbeReport report
        = probe(QStringLiteral("host=127.0.0.1 port=%1 user=x sslmode=%2").arg(listener.port()).arg(sslmode), 3000);
    QVERIFY2(timer.elapsed() < 3500, qPrintable(report.toText()));
    QVERIFY2(!report.ok(), qPrintable(report.toText()));
    QVERIFY2(report.verdict == Verdict::ProtocolError || report.verdict == Verdict::NotPostgres
                 || report.verdict == Verdict::Timeout,
             qPrintable(report.toText()));
}

void tst_ConnectionProbe::passwordFailureReasons_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("reason");
    QTest::newRow("wrong password") << QStringLiteral("scramuser") << QStringLiteral("does not match");
    QTest::newRow("missing role") << QStringLiteral("ghostpw") << QStringLiteral("does not exist");
    QTest::newRow("expired password") << QStringLiteral("expired") << QStringLiteral("expired");
    QTest::newRow("no password") << QStringLiteral("nopw") << QStringLiteral("has no password");
    QTest::newRow("md5 hash under a scram rule") << QStringLiteral("md5scram") << QStringLiteral("md5 hash");
}

void tst_ConnectionProbe::passwordFailureReasons()
{
    QFETCH(QString, user);
    QFETCH(QString, reason);
    ProbeOptions options;
    options.conninfo = expand(
        QStringLiteral("host=127.0.0.1 port=%PORT% dbname=postgres sslmode=disable password=wrong-pw user=") + user);
    options.adminConninfo = m_tls->conninfo();
    const ProbeReport report = ConnectionProbe::run(options);
    QCOMPARE(verdictId(report.verdict), QStringLiteral("password_failed"));
    QCOMPARE(report.failedStage, QStringLiteral("auth"));
    const ProbeStage *checks = report.stage(QStringLiteral("checks"));
    QVERIFY(checks && checks->status != StageStatus::Skipped);
    QVERIFY2(report.cause.contains(reason), qPrintable(report.toText()));
    QVERIFY(!report.fix.isEmpty());
}

void tst_ConnectionProbe::checksThreeRolesAndSettings()
{
    ProbeOptions options;
    options.conninfo = expand(QStringLiteral("host=127.0.0.1 port=%PORT% dbname=appdb user=appuser sslmode=disable"));
    options.adminConninfo = m_tls->conninfo({}, QStringLiteral("appdb"));
    options.serverSettings = [](const QString &name) -> std::optional<pgdial::core::project::ServerSetting> {
        if (name == QLatin1String("shared_buffers"))
            return pgdial::core::project::ServerSetting {name, QStringLiteral("128MB"),
                                                         QStringLiteral("postgresql.conf"), 3};
        if (name == QLatin1String("work_mem"))
            return pgdial::core::project::ServerSetting {name, QStringLiteral("64MB"),
                                                         QStringLiteral("postgresql.conf"), 7};
        return std::nullopt;
    };
    const ProbeReport report = ConnectionProbe::run(options);
    QVERIFY2(report.ok(), qPrintable(report.toText()));
    const ProbeStage *checks = report.stage(QStringLiteral("checks"));
    QVERIFY(checks);
    QCOMPARE(checks->status, StageStatus::Warn);
    const QString lines = checks->lines.join(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QLatin1String("the read-only role backupuser can write to app.orders")), qPrintable(lines));
    QVERIFY2(lines.contains(QLatin1String("work_mem: postgresql.conf:7 sets 64MB, the server runs 4MB")),
             qPrintable(lines));
    QVERIFY2(!lines.contains(QLatin1String("shared_buffers")), qPrintable(lines));
    QVERIFY2(!lines.contains(QLatin1String("appuser lacks")), qPrintable(lines));
}

void tst_ConnectionProbe::checksReadTheAppDatabase()
{
    // The admin connection names postgres; owners, schemas and privileges are the app database's.
    ProbeOptions options;
    options.conninfo = expand(QStringLiteral("host=127.0.0.1 port=%PORT% dbname=appdb user=appuser sslmode=disable"));
    options.adminConninfo = m_tls->conninfo();
    const ProbeReport report = ConnectionProbe::run(options);
    QVERIFY2(report.ok(), qPrintable(report.toText()));
    const ProbeStage *checks = report.stage(QStringLiteral("checks"));
    QVERIFY(checks);
    const QString lines = checks->lines.join(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QLatin1String("the read-only role backupuser can write to app.orders")), qPrintable(lines));
    QVERIFY2(!lines.contains(QLatin1String("in database postgres")), qPrintable(lines));
    QVERIFY2(!lines.contains(QLatin1String("database postgres is owned by")), qPrintable(lines));
}

void tst_ConnectionProbe::sslFixWhenTheFileAlreadySaysOn()
{
    ProbeOptions options;
    options.conninfo = expand(QStringLiteral("host=127.0.0.1 port=%PLAIN% user=app dbname=postgres sslmode=require"));
    options.adminConninfo = m_plain->conninfo();
    options.serverSettings = [](const QString &name) -> std::optional<pgdial::core::project::ServerSetting> {
        if (name == QLatin1String("ssl"))
            return pgdial::core::project::ServerSetting {name, QStringLiteral("on"), QStringLiteral("postgresql.conf"),
                                                         117};
        return std::nullopt;
    };
    const ProbeReport report = ConnectionProbe::run(options);
    QCOMPARE(verdictId(report.verdict), QStringLiteral("ssl_not_supported"));
    QVERIFY2(report.fix.contains(QLatin1String("postgresql.conf:117 already sets ssl = on")), qPrintable(report.fix));
    QVERIFY2(report.fix.contains(QLatin1String("the server runs ssl = off")), qPrintable(report.fix));
    QVERIFY2(!report.fix.contains(QLatin1String("Set `ssl = on`")), qPrintable(report.fix));
    QVERIFY(report.fixLocation);
    QCOMPARE(report.fixLocation->line, 117);
    QVERIFY(report.fixLocation->text.isEmpty()); // nothing to write: the line is right already
}

void tst_ConnectionProbe::rejectRuleIsLocated()
{
    ProbeOptions options;
    options.conninfo
        = expand(QStringLiteral("host=127.0.0.1 port=%PORT% user=rejected dbname=postgres sslmode=disable"));
    options.adminConninfo = m_tls->conninfo();
    options.hbaFile = QStringLiteral("infra/pg_hba.conf");
    const ProbeReport report = ConnectionProbe::run(options);
    QCOMPARE(verdictId(report.verdict), QStringLiteral("hba_reject"));
    QVERIFY(report.fixLocation);
    QCOMPARE(report.fixLocation->file, QStringLiteral("infra/pg_hba.conf"));
    QCOMPARE(report.fixLocation->line, 3); // the hba written in initTestCase
}

// A real refusal over the Unix socket ("[local]"): the probe, `pgdial-cli probe --project` and the
// desktop app (the same core::hba::HbaRuleProposer) propose a `local` rule with the project file's
// real line, never "[local]/32" or "where: :0"; the server then admits the connection with it.
void tst_ConnectionProbe::unixSocketRefusalProposesLocalRule()
{
    PgTestServer::Options serverOptions;
    serverOptions.major = qEnvironmentVariableIntValue("PGDIAL_PROBE_TEST_MAJOR");
    PgTestServer server(serverOptions);
    QVERIFY2(server.init(), qPrintable(server.errorString()));
    const QByteArray hba = "# the superuser over the socket, the application over TCP only\n"
                           "local all postgres trust\n"
                           "host all postgres 127.0.0.1/32 trust\n"
                           "host appdb appuser 127.0.0.1/32 scram-sha-256\n";
    QVERIFY(!server.writeFile(server.dataDir() + QStringLiteral("/pg_hba.conf"), hba).isEmpty());
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(server.execute(
        QStringLiteral("set password_encryption = 'scram-sha-256'; create role appuser login password 'app-pw'")));
    QVERIFY(server.execute(QStringLiteral("create database appdb")));

    QTemporaryDir project;
    QVERIFY(project.isValid());
    QVERIFY(QDir(project.path()).mkpath(QStringLiteral("pg")));
    QFile hbaFile(project.filePath(QStringLiteral("pg/pg_hba.conf")));
    QVERIFY(hbaFile.open(QIODevice::WriteOnly));
    hbaFile.write(hba);
    hbaFile.close();
    // key=value form: the socket folder is a path (a URL would need it percent-encoded).
    const QString url = QStringLiteral("host=%1 port=%2 user=appuser password=app-pw dbname=appdb")
                            .arg(server.socketDir())
                            .arg(server.port());
    QFile env(project.filePath(QStringLiteral(".env")));
    QVERIFY(env.open(QIODevice::WriteOnly));
    env.write("DATABASE_URL=\"" + url.toUtf8() + "\"\n");
    env.close();

    const QString rule = QStringLiteral("local appdb appuser scram-sha-256");
    const auto json = pgdial::test::runCli(
        {QStringLiteral("probe"), QStringLiteral("--json"), QStringLiteral("--project"), project.path()});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(report.value(QStringLiteral("verdict")).toString(), QStringLiteral("hba_no_entry"));
    const QJsonObject where = report.value(QStringLiteral("fix_location")).toObject();
    QCOMPARE(where.value(QStringLiteral("file")).toString(), QStringLiteral("pg/pg_hba.conf"));
    QCOMPARE(where.value(QStringLiteral("line")).toInt(), 5); // after the file's four lines
    QCOMPARE(where.value(QStringLiteral("text")).toString(), rule);
    const auto text = pgdial::test::runCli({QStringLiteral("probe"), QStringLiteral("--project"), project.path()});
    QVERIFY2(text.out.contains("where: pg/pg_hba.conf:5\n    " + rule.toUtf8()), text.out.constData());
    QVERIFY2(!text.out.contains("[local]/") && !text.out.contains(":0\n"), text.out.constData());

    // Without a project: the same rule, and no place.
    ProbeOptions bare;
    bare.conninfo = url;
    const ProbeReport refused = ConnectionProbe::run(bare);
    QCOMPARE(verdictId(refused.verdict), QStringLiteral("hba_no_entry"));
    QVERIFY2(refused.fix.contains(rule), qPrintable(refused.fix));
    QVERIFY(!refused.fixLocation);

    // The server is the judge: with the proposal inserted where the report says, it admits the
    // connection over the socket.
    const auto parsed = pgdial::core::hba::HbaParser::parse(hba, project.filePath(QStringLiteral("pg/pg_hba.conf")), {},
                                                            project.path());
    const auto rejection
        = pgdial::core::hba::HbaRejection::parse(refused.stage(QStringLiteral("auth"))->lines.join(QLatin1Char('\n')));
    QVERIFY(rejection);
    const auto proposal = pgdial::core::hba::HbaRuleProposer::propose(parsed, *rejection);
    QCOMPARE(proposal.ruleText, rule);
    QCOMPARE(proposal.line, 5);
    pgdial::core::base::TextDocument document = pgdial::core::base::TextDocument::fromBytes(hba);
    document.apply(pgdial::core::hba::HbaRuleProposer::toEdit(document, proposal).edit);
    QCOMPARE(document.lineText(4), rule);
    QVERIFY(!server.writeFile(server.dataDir() + QStringLiteral("/pg_hba.conf"), document.toBytes()).isEmpty());
    QVERIFY(server.reload());
    QTRY_VERIFY_WITH_TIMEOUT(ConnectionProbe::run(bare).ok(), 10000);
}

// A file that deliberately turns away non-TLS connections (hostnossl ... reject): the proposal for
// a plain refusal is hostssl with sslmode=require advice, and the server agrees: with it, the
// plain attempt is still rejected and the TLS one gets in.
void tst_ConnectionProbe::proposalKeepsTheFilesTlsPolicy()
{
    PgTestServer::Options serverOptions;
    serverOptions.major = qEnvironmentVariableIntValue("PGDIAL_PROBE_TEST_MAJOR");
    PgTestServer server(serverOptions);
    QVERIFY2(server.init(), qPrintable(server.errorString()));
    QVERIFY(m_certificates.installOn(server));
    const QByteArray hba = "local all postgres trust\n"
                           "host all postgres 127.0.0.1/32 trust\n"
                           "hostnossl all all 0.0.0.0/0 reject\n";
    QVERIFY(!server.writeFile(server.dataDir() + QStringLiteral("/pg_hba.conf"), hba).isEmpty());
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(server.execute(
        QStringLiteral("set password_encryption = 'scram-sha-256'; create role appuser login password 'app-pw'")));
    QVERIFY(server.execute(QStringLiteral("create database appdb")));
    const QString plain = QStringLiteral("host=127.0.0.1 port=%1 user=appuser password=app-pw dbname=appdb "
                                         "sslmode=disable")
                              .arg(server.port());
    ProbeOptions options;
    options.conninfo = plain;
    const ProbeReport refused = ConnectionProbe::run(options);
    QCOMPARE(verdictId(refused.verdict), QStringLiteral("hba_reject"));
    const QString message = refused.stage(QStringLiteral("auth"))->lines.join(QLatin1Char('\n'));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pg_hba.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(hba);
    file.close();
    const auto cli = pgdial::test::runCli({QStringLiteral("hba"), QStringLiteral("match"), path,
                                           QStringLiteral("--json"), QStringLiteral("--from-error"), message});
    QCOMPARE(cli.exitCode, 1);
    const QJsonObject proposal = QJsonDocument::fromJson(cli.out).object().value(QStringLiteral("proposal")).toObject();
    const QString rule = QStringLiteral("hostssl appdb appuser 127.0.0.1/32 scram-sha-256");
    QCOMPARE(proposal.value(QStringLiteral("rule")).toString(), rule);
    QCOMPARE(proposal.value(QStringLiteral("client_sslmode")).toString(), QStringLiteral("require"));
    QCOMPARE(proposal.value(QStringLiteral("bypasses_reject")).toBool(), false);
    QVERIFY(proposal.value(QStringLiteral("insert_before_line")).isNull()); // appended

    QVERIFY(!server.writeFile(server.dataDir() + QStringLiteral("/pg_hba.conf"), hba + rule.toUtf8() + "\n").isEmpty());
    QVERIFY(server.reload());
    options.conninfo = QString(plain).replace(QStringLiteral("sslmode=disable"), QStringLiteral("sslmode=require"));
    QTRY_VERIFY_WITH_TIMEOUT(ConnectionProbe::run(options).ok(), 10000);
    options.conninfo = plain;
    QCOMPARE(verdictId(ConnectionProbe::run(options).verdict), QStringLiteral("hba_reject"));
}

void tst_ConnectionProbe::cancelReturnsQuickly()
{
    ConnectionProbe probe;
    int stages = 0;
    std::optional<ProbeReport> finished;
    connect(&probe, &ConnectionProbe::stageFinished, this, [&](const ProbeStage &) { ++stages; });
    connect(&probe, &ConnectionProbe::finished, this, [&](const ProbeReport &report) { finished = report; });
    ProbeOptions options;
    options.conninfo = expand(QStringLiteral("host=127.0.0.1 port=%SILENT% user=x sslmode=disable"));
    options.timeoutMs = 30000;
    QElapsedTimer timer;
    timer.start();
    probe.start(options);
    QTest::qWait(100);
    QVERIFY(probe.isRunning());
    const qint64 cancelledAt = timer.elapsed();
    probe.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 200);
    QVERIFY2(timer.elapsed() - cancelledAt < 200, qPrintable(QString::number(timer.elapsed() - cancelledAt)));
    QVERIFY(finished->cancelled);
    QVERIFY(stages >= 3); // parse, resolve and tcp finished before the cancel
    QCOMPARE(finished->stages.size(), 7);
    QVERIFY(!probe.isRunning());
}

void tst_ConnectionProbe::signalsInOrder()
{
    ConnectionProbe probe;
    QStringList events;
    connect(&probe, &ConnectionProbe::stageFinished, this, [&](const ProbeStage &stage) { events.append(stage.name); });
    connect(&probe, &ConnectionProbe::finished, this,
            [&](const ProbeReport &report) { events.append(QStringLiteral("finished:") + verdictId(report.verdict)); });
    ProbeOptions options;
    options.conninfo
        = expand(QStringLiteral("host=127.0.0.1 port=%PORT% user=trustuser dbname=postgres sslmode=require"));
    probe.start(options);
    QTRY_VERIFY_WITH_TIMEOUT(events.size() == 8, 10000);
    QCOMPARE(events,
             (QStringList {QStringLiteral("parse"), QStringLiteral("resolve"), QStringLiteral("tcp"),
                           QStringLiteral("tls"), QStringLiteral("auth"), QStringLiteral("session"),
                           QStringLiteral("checks"), QStringLiteral("finished:ok")}));
    QVERIFY(!probe.isRunning());
    QTest::qWait(50);
    QCOMPARE(events.size(), 8); // finished exactly once
}

void tst_ConnectionProbe::cliDeadline()
{
    QElapsedTimer timer;
    timer.start();
    const auto run = pgdial::test::runCli(
        {QStringLiteral("probe"), QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("2"),
         expand(QStringLiteral("host=127.0.0.1 port=%SILENT% user=x sslmode=disable"))});
    QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(run.exitCode, 1);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("verdict")).toString(), QStringLiteral("timeout"));
}

void tst_ConnectionProbe::cliConnects()
{
    const auto run = pgdial::test::runCli(
        {QStringLiteral("probe"), QStringLiteral("--json"),
         expand(QStringLiteral(
             "postgresql://scramuser:scram-pw@localhost:%PORT%/postgres?sslmode=verify-full&sslrootcert=%CA%"))});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("verdict")).toString(), QStringLiteral("ok"));
    for (const QJsonValue &stage : json.value(QStringLiteral("stages")).toArray()) {
        const QJsonObject object = stage.toObject();
        for (const char *key : {"name", "status", "ms", "detail"})
            QVERIFY2(object.contains(QLatin1String(key)), key);
    }
    QVERIFY(!run.out.contains("scram-pw"));
}

void tst_ConnectionProbe::passwordNeverInReport()
{
    for (const char *conninfo : {"host=127.0.0.1 port=%PORT% user=scramuser password=Sup3rSecret dbname=postgres",
                                 "postgresql://scramuser:Sup3rSecret@127.0.0.1:%PORT%/postgres",
                                 "host=127.0.0.1 port=%FREE% user=scramuser password=Sup3rSecret",
                                 "host=127.0.0.1 port=%PORT% user=scramuser password='Sup3rSecret' sslmode=bogus"}) {
        const ProbeReport report = probe(QString::fromLatin1(conninfo));
        const QByteArray json = QJsonDocument(report.toJson()).toJson();
        QVERIFY2(!json.contains("Sup3rSecret"), json.constData());
        QVERIFY(!report.toText().contains(QLatin1String("Sup3rSecret")));
    }
}

QTEST_GUILESS_MAIN(tst_ConnectionProbe)
#include "tst_connectionprobe.moc"
