// The "who gets in?" simulator against real servers: for every attempt, the pg_hba.conf line the
// server reports (the log's "Connection matched ... line N" DETAIL after a deliberately wrong
// password, or the "rejects" / "no pg_hba.conf entry" message) equals HbaMatcher's answer.

#include "support/pginstallation.h"
#include "support/pgtestserver.h"

#include "hba/hbamatcher.h"
#include "hba/hbaparser.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QThread>
#include <QtTest>

#include <libpq-fe.h>

using namespace pgdial::core::hba;
using pgdial::test::PgInstallation;
using pgdial::test::PgTestServer;

namespace {

const QByteArray rolesFile = "local all postgres trust\n"
                             "# roles: alice (scram), bob (md5), carol (scram, member of staff)\n"
                             "local appdb alice scram-sha-256\n"
                             "local all +staff md5\n"
                             "local all all reject\n"
                             "hostssl appdb alice 127.0.0.1/32 scram-sha-256\n"
                             "hostnossl appdb bob 127.0.0.1/32 md5\n"
                             "hostnossl /^rep all 127.0.0.1/32 md5\n"
                             "host sales +staff 127.0.0.1/32 scram-sha-256\n"
                             "host samerole all 127.0.0.1/32 md5\n"
                             "hostssl all all 127.0.0.1/32 password\n"
                             "host appdb all 127.0.0.0/8 reject\n"
                             "host sales,reports alice,bob 127.0.0.1 255.255.255.255 md5\n";

// The second file: @file lists, samehost / samenet (the machine's real interfaces), physical
// replication connections, a user regex (PG16+; a literal name before) and quoted names.
const QByteArray listsFile = "local all postgres trust\n"
                             "host replication alice 127.0.0.1/32 md5\n"
                             "host replication all samehost reject\n"
                             "host @dbs.list @users.list samehost scram-sha-256\n"
                             "host \"appdb\" +staff samenet md5\n"
                             "host all /^b 127.0.0.1/32 md5\n"
                             "host all all 127.0.0.1/32 reject\n";
const QByteArray dbsList = "sales  # the shop\nreports\n";
const QByteArray usersList = "alice, \"carol\"\n";

struct ServerAnswer
{
    enum Kind { Matched, Rejected, NoEntry, Unknown } kind = Unknown;
    int line = 0;
    QString text;
};

} // namespace

class TestHbaSimulatorServer : public QObject
{
    Q_OBJECT

private slots:
    void serverAndSimulatorAgree_data();
    void serverAndSimulatorAgree();

private:
    static bool makeCertificate(PgTestServer &server, QString *error);
    static ServerAnswer probe(PgTestServer &server, HbaTransport transport, const QString &database,
                              const QString &user, bool replication = false);
};

void TestHbaSimulatorServer::serverAndSimulatorAgree_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("fileName");
    const QList<PgInstallation> installations = PgInstallation::available();
    if (installations.isEmpty())
        QSKIP("no PostgreSQL server installed");
    for (const PgInstallation &installation : installations) {
        for (const char *name : {"roles-ssl", "lists-replication"})
            QTest::addRow("pg%d/%s", installation.major, name) << installation.major << QString::fromLatin1(name);
    }
}

bool TestHbaSimulatorServer::makeCertificate(PgTestServer &server, QString *error)
{
    QProcess openssl;
    openssl.setWorkingDirectory(server.baseDir());
    openssl.start("openssl",
                  {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.crt",
                   "-subj", "/CN=localhost", "-days", "2"});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        *error = QString::fromUtf8(openssl.readAllStandardError());
        return false;
    }
    for (const char *name : {"server.key", "server.crt"}) {
        QFile file(server.baseDir() + '/' + name);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        const QByteArray bytes = file.readAll();
        file.close();
        server.writeFile(name, bytes); // owned by the server user
    }
    QFile::setPermissions(server.baseDir() + "/server.key", QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

ServerAnswer TestHbaSimulatorServer::probe(PgTestServer &server, HbaTransport transport, const QString &database,
                                           const QString &user, bool replication)
{
    const qsizetype logStart = server.log().size();
    QString info = QStringLiteral("port=%1 dbname='%2' user='%3' password=wrong-password connect_timeout=10 "
                                  "gssencmode=disable")
                       .arg(server.port())
                       .arg(database, user);
    if (transport == HbaTransport::Local)
        info += " host='" + server.socketDir() + "'";
    else
        info
            += QStringLiteral(" host=127.0.0.1 sslmode=") + (transport == HbaTransport::TcpSsl ? "require" : "disable");
    if (replication)
        info += " replication=true";
    PGconn *conn = PQconnectdb(info.toUtf8().constData());
    const bool connected = PQstatus(conn) == CONNECTION_OK;
    const QString message = QString::fromUtf8(PQerrorMessage(conn));
    PQfinish(conn);

    ServerAnswer answer;
    answer.text = message;
    if (connected)
        return answer; // nothing in the file lets a wrong password in; Unknown fails the test
    if (message.contains("pg_hba.conf rejects")) { // "rejects connection", "rejects replication connection"
        answer.kind = ServerAnswer::Rejected;
        return answer;
    }
    if (message.contains("no pg_hba.conf entry")) {
        answer.kind = ServerAnswer::NoEntry;
        return answer;
    }
    static const QRegularExpression matched(R"(Connection matched (?:pg_hba\.conf|file "[^"]*") line (\d+))");
    for (int attempt = 0; attempt < 50; ++attempt) {
        const QString log = QString::fromUtf8(server.log().mid(logStart));
        if (const QRegularExpressionMatch m = matched.match(log); m.hasMatch()) {
            answer.kind = ServerAnswer::Matched;
            answer.line = m.captured(1).toInt();
            answer.text = log;
            return answer;
        }
        QThread::msleep(20);
    }
    answer.text = message + QString::fromUtf8(server.log().mid(logStart));
    return answer;
}

void TestHbaSimulatorServer::serverAndSimulatorAgree()
{
    QFETCH(int, major);
    QFETCH(QString, fileName);
    const bool lists = fileName == "lists-replication";
    const QByteArray &hbaFile = lists ? listsFile : rolesFile;
    PgTestServer::Options serverOptions;
    serverOptions.major = major;
    PgTestServer server(serverOptions);
    QVERIFY2(server.init(), qPrintable(server.errorString()));
    QString certificateError;
    const bool ssl = !lists && makeCertificate(server, &certificateError);
    if (!ssl && !lists)
        qWarning("no SSL certificate (%s): testing without SSL", qPrintable(certificateError));
    QByteArray config = "log_connections = on\n";
    if (ssl)
        config += "ssl = on\nssl_cert_file = '" + server.baseDir().toUtf8() + "/server.crt'\nssl_key_file = '"
            + server.baseDir().toUtf8() + "/server.key'\n";
    QVERIFY(server.appendConfig(config));
    QVERIFY(!server.writeFile(server.dataDir() + "/pg_hba.conf", hbaFile).isEmpty());
    if (lists) {
        QVERIFY(!server.writeFile(server.dataDir() + "/dbs.list", dbsList).isEmpty());
        QVERIFY(!server.writeFile(server.dataDir() + "/users.list", usersList).isEmpty());
    }
    QVERIFY2(server.start(), qPrintable(server.errorString()));

    const QString setup = "CREATE ROLE alice LOGIN PASSWORD 'secret-a';"
                          "SET password_encryption = 'md5'; CREATE ROLE bob LOGIN PASSWORD 'secret-b';"
                          "RESET password_encryption; CREATE ROLE staff NOLOGIN;"
                          "CREATE ROLE carol LOGIN PASSWORD 'secret-c' IN ROLE staff;";
    QVERIFY2(server.execute(setup), qPrintable(server.query(setup).error));
    for (const char *database : {"appdb", "sales", "reports", "staff"})
        QVERIFY(server.execute(QStringLiteral("CREATE DATABASE %1").arg(database)));

    // Role memberships as the server has them (direct), closed transitively by pgdial.
    const pgdial::test::QueryResult members
        = server.query("SELECT m.rolname, g.rolname FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member "
                       "JOIN pg_roles g ON g.oid = a.roleid");
    QVERIFY(members.ok);
    QHash<QString, QStringList> graph;
    for (const QStringList &row : members.rows)
        graph[row.at(0)].append(row.at(1));
    const pgdial::test::QueryResult roles = server.query("SELECT rolname FROM pg_roles");
    QVERIFY(roles.ok);
    QSet<QString> existing;
    for (const QStringList &row : roles.rows)
        existing.insert(row.at(0));

    HbaParseOptions options;
    options.majorVersion = major;
    const HbaFile parsed = HbaParser::parse(hbaFile, server.dataDir() + "/pg_hba.conf", options);
    QVERIFY(parsed.ok);
    HbaMatcher matcher(parsed);
    matcher.setInterfaces(HbaMatcher::machineInterfaces()); // the server runs on this machine

    struct Attempt
    {
        HbaTransport transport;
        const char *database;
        const char *user;
        bool replication = false;
    };
    QList<Attempt> attempts;
    if (lists) {
        attempts = {
            {HbaTransport::Tcp, "postgres", "alice", true},
            {HbaTransport::Tcp, "postgres", "bob", true},
            {HbaTransport::Tcp, "sales", "alice"},
            {HbaTransport::Tcp, "reports", "carol"},
            {HbaTransport::Tcp, "sales", "bob"},
            {HbaTransport::Tcp, "appdb", "carol"},
            {HbaTransport::Tcp, "appdb", "bob"},
            {HbaTransport::Tcp, "appdb", "alice"},
            {HbaTransport::Local, "appdb", "alice"},
            {HbaTransport::Tcp, "postgres", "ghost"},
        };
    } else
        attempts = {
            {HbaTransport::Local, "appdb", "alice"}, {HbaTransport::Local, "appdb", "carol"},
            {HbaTransport::Local, "sales", "bob"},   {HbaTransport::Local, "sales", "ghost"},
            {HbaTransport::Tcp, "appdb", "alice"},   {HbaTransport::Tcp, "appdb", "bob"},
            {HbaTransport::Tcp, "reports", "alice"}, {HbaTransport::Tcp, "sales", "carol"},
            {HbaTransport::Tcp, "staff", "carol"},   {HbaTransport::Tcp, "staff", "bob"},
            {HbaTransport::Tcp, "sales", "ghost"},   {HbaTransport::Tcp, "appdb", "carol"},
            {HbaTransport::Tcp, "sales", "bob"},     {HbaTransport::Tcp, "reports", "ghost"},
        };
    if (ssl) {
        attempts += {{HbaTransport::TcpSsl, "appdb", "alice"}, {HbaTransport::TcpSsl, "staff", "carol"},
                     {HbaTransport::TcpSsl, "sales", "bob"},   {HbaTransport::TcpSsl, "postgres", "ghost"},
                     {HbaTransport::TcpSsl, "appdb", "bob"},   {HbaTransport::TcpSsl, "sales", "carol"}};
    }

    int compared = 0;
    QHash<int, int> kinds;
    for (const Attempt &attempt : attempts) {
        HbaConnectionAttempt simulated;
        simulated.transport = attempt.transport;
        simulated.database = attempt.replication ? QStringLiteral("replication") : QString(attempt.database);
        simulated.physicalReplication = attempt.replication;
        simulated.user = attempt.user;
        simulated.userExists = existing.contains(simulated.user);
        simulated.memberOf = HbaConnectionAttempt::memberships(simulated.user, graph);
        if (attempt.transport != HbaTransport::Local)
            simulated.clientAddress = *HbaIpAddress::parse("127.0.0.1");
        const HbaMatchResult result = matcher.match(simulated);
        const ServerAnswer answer
            = probe(server, attempt.transport, attempt.database, attempt.user, attempt.replication);
        const QString label
            = QStringLiteral("PG%1 %2 %3 db=%4 user=%5%6: server said: %7")
                  .arg(major)
                  .arg(fileName)
                  .arg(int(attempt.transport))
                  .arg(attempt.database, attempt.user,
                       attempt.replication ? QStringLiteral(" (replication)") : QString(), answer.text.left(600));
        switch (answer.kind) {
        case ServerAnswer::Matched:
            QVERIFY2(result.rule, qPrintable(label));
            QVERIFY2(result.rule->line == answer.line,
                     qPrintable(label + QStringLiteral(" / pgdial: line %1").arg(result.rule->line)));
            break;
        case ServerAnswer::Rejected:
            QVERIFY2(result.rule && result.rule->method == "reject", qPrintable(label));
            break;
        case ServerAnswer::NoEntry:
            QVERIFY2(!result.rule,
                     qPrintable(label + QStringLiteral(" / pgdial: line %1").arg(result.rule ? result.rule->line : 0)));
            break;
        case ServerAnswer::Unknown:
            QFAIL(qPrintable("no verdict from the server: " + label));
        }
        ++compared;
        ++kinds[answer.kind];
    }
    QCOMPARE(compared, attempts.size());
    // The files are built so that every kind of verdict occurs.
    QVERIFY(kinds.value(ServerAnswer::Matched) >= (lists ? 4 : 10));
    QVERIFY(kinds.value(ServerAnswer::Rejected) >= (lists ? 2 : 3));
    QVERIFY(kinds.value(ServerAnswer::NoEntry) >= 1);
    server.stop();
}

QTEST_GUILESS_MAIN(TestHbaSimulatorServer)
#include "tst_hbasimulator_server.moc"
