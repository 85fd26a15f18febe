#include "probe/messagecatalogue.h"
#include "probe/verdict.h"

#include <QTest>

using pgdial::core::probe::MessageCatalogue;
using pgdial::core::probe::Verdict;
using pgdial::core::probe::verdictId;

// libpq's and the server's connection messages (reference/connection-errors.md) map to verdicts.
class tst_MessageCatalogue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void mostSpecificAttemptWins();
    void attemptsKeepContinuationLines();
    void everyVerdictIsExplained();
    void idsRoundTrip();
};

void tst_MessageCatalogue::classify_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("verdict");
    const auto row = [](const char *name, const char *message, const char *verdict) {
        QTest::newRow(name) << QString::fromUtf8(message) << QString::fromLatin1(verdict);
    };
    row("unknown host", "could not translate host name \"db\" to address: Name or service not known\n", "unknown_host");
    row("refused",
        "connection to server at \"127.0.0.1\", port 5 failed: Connection refused\n"
        "\tIs the server running on that host and accepting TCP/IP connections?\n",
        "refused");
    row("socket missing",
        "connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: No such file or directory\n"
        "\tIs the server running locally and accepting connections on that socket?\n",
        "refused");
    row("timeout expired", "connection to server at \"10.0.0.1\", port 5432 failed: timeout expired\n", "timeout");
    row("os timeout", "connection to server at \"10.0.0.1\", port 5432 failed: Connection timed out\n", "timeout");
    row("invalid option", "invalid connection option \"ssl\"\n", "invalid_conninfo");
    row("missing equals", "missing \"=\" after \"host\" in connection info string\n", "invalid_conninfo");
    row("bad sslmode", "invalid sslmode value: \"verify_full\"\n", "invalid_conninfo");
    row("bad port", "invalid port number: \"54x\"\n", "invalid_conninfo");
    row("percent", "invalid percent-encoded token: \"p%zz\"\n", "invalid_conninfo");
    row("weak sslmode", "weak sslmode \"require\" may not be used with sslrootcert=system (use \"verify-full\")\n",
        "invalid_conninfo");
    row("ssl not supported",
        "connection to server at \"127.0.0.1\", port 5432 failed: server does not support SSL, but "
        "SSL was required\n",
        "ssl_not_supported");
    row("verify failed",
        "connection to server at \"127.0.0.1\", port 5432 failed: SSL error: certificate verify failed\n",
        "cert_verify_failed");
    row("root missing",
        "connection to server at \"localhost\" (127.0.0.1), port 5432 failed: root certificate file "
        "\"/root/.postgresql/root.crt\" does not exist\nEither provide the file, use the system's trusted "
        "roots with sslrootcert=system, or change sslmode to disable server certificate verification.\n",
        "root_cert_missing");
    row("host mismatch",
        "connection to server at \"127.0.0.1\", port 5432 failed: server certificate for \"localhost\" "
        "does not match host name \"127.0.0.1\"\n",
        "cert_hostname_mismatch");
    row("client cert",
        "connection to server at \"localhost\" (127.0.0.1), port 5432 failed: FATAL:  connection requires "
        "a valid client certificate\n",
        "client_cert_required");
    row("hba no entry",
        "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  no pg_hba.conf entry for host "
        "\"127.0.0.1\", user \"u\", database \"d\", no encryption\n",
        "hba_no_entry");
    row("hba reject",
        "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  pg_hba.conf rejects connection "
        "for host \"127.0.0.1\", user \"u\", database \"d\", SSL encryption\n",
        "hba_reject");
    row("password",
        "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  password authentication failed for "
        "user \"u\"\n",
        "password_failed");
    row("no password", "connection to server at \"127.0.0.1\", port 5432 failed: fe_sendauth: no password supplied\n",
        "no_password_supplied");
    row("peer",
        "connection to server on socket \"/s/.s.PGSQL.5432\" failed: FATAL:  Peer authentication failed for "
        "user \"u\"\n",
        "peer_or_ident_failed");
    row("ident", "FATAL:  Ident authentication failed for user \"u\"\n", "peer_or_ident_failed");
    row("database missing",
        "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"nope\" does not "
        "exist\n",
        "database_missing");
    row("role missing",
        "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  role \"ghost\" does not exist\n",
        "role_missing");
    row("nologin", "FATAL:  role \"g\" is not permitted to log in\n", "role_cannot_login");
    row("connect privilege",
        "FATAL:  permission denied for database \"private\"\nDETAIL:  User does not have CONNECT "
        "privilege.\n",
        "no_connect_privilege");
    row("too many clients", "FATAL:  sorry, too many clients already\n", "too_many_clients");
    row("role limit", "FATAL:  too many connections for role \"app\"\n", "too_many_clients");
    row("reserved pg16", "FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute\n",
        "reserved_slots");
    row("reserved pg15", "FATAL:  remaining connection slots are reserved for non-replication superuser connections\n",
        "reserved_slots");
    row("starting", "FATAL:  the database system is starting up\n", "server_starting");
    row("standby", "FATAL:  the database system is not accepting connections\nDETAIL:  Hot standby mode is disabled.\n",
        "server_starting");
    row("http",
        "connection to server at \"127.0.0.1\", port 8080 failed: received invalid response to SSL negotiation: H\n",
        "not_postgres");
    row("http without ssl",
        "connection to server at \"127.0.0.1\", port 8080 failed: expected authentication request "
        "from server, but received H\n",
        "not_postgres");
    row("closed",
        "connection to server at \"127.0.0.1\", port 5432 failed: server closed the connection unexpectedly\n"
        "\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n",
        "protocol_error");
    row("eof", "SSL SYSCALL error: EOF detected\n", "protocol_error");
    row("datallowconn", "FATAL:  database \"template0\" is not currently accepting connections\n", "other");
    row("unknown", "something odd happened\n", "other");
}

void tst_MessageCatalogue::classify()
{
    QFETCH(QString, message);
    QFETCH(QString, verdict);
    QCOMPARE(verdictId(MessageCatalogue::classify(message)), verdict);
}

void tst_MessageCatalogue::mostSpecificAttemptWins()
{
    // localhost: ::1 refused, then 127.0.0.1 answered with the real problem.
    const QString message = QStringLiteral(
        "connection to server at \"localhost\" (::1), port 5432 failed: Connection refused\n"
        "\tIs the server running on that host and accepting TCP/IP connections?\n"
        "connection to server at \"localhost\" (127.0.0.1), port 5432 failed: FATAL:  password authentication failed "
        "for user \"app\"\n");
    QCOMPARE(MessageCatalogue::classify(message), Verdict::PasswordFailed);
    QCOMPARE(MessageCatalogue::attempts(message).size(), 2);
}

void tst_MessageCatalogue::attemptsKeepContinuationLines()
{
    const QStringList attempts = MessageCatalogue::attempts(
        QStringLiteral("connection to server at \"h\" (1.2.3.4), port 5432 failed: Connection refused\n"
                       "\tIs the server running on that host and accepting TCP/IP connections?\n"));
    QCOMPARE(attempts.size(), 1);
    QVERIFY(attempts.first().endsWith(QLatin1String("accepting TCP/IP connections?")));
}

void tst_MessageCatalogue::everyVerdictIsExplained()
{
    for (const Verdict verdict : pgdial::core::probe::allVerdicts()) {
        const auto explanation
            = MessageCatalogue::explain(verdict,
                                        {QStringLiteral("db"), QStringLiteral("5432"), QStringLiteral("app"),
                                         QStringLiteral("appdb"), QStringLiteral("require")});
        QVERIFY2(!explanation.cause.isEmpty(), qPrintable(verdictId(verdict)));
        if (verdict != Verdict::Ok)
            QVERIFY2(!explanation.fix.isEmpty(), qPrintable(verdictId(verdict)));
        QVERIFY2(!explanation.cause.contains(QLatin1String("%1")), qPrintable(verdictId(verdict)));
        QVERIFY2(!explanation.fix.contains(QLatin1String("%1")), qPrintable(verdictId(verdict)));
    }
}

void tst_MessageCatalogue::idsRoundTrip()
{
    const auto verdicts = pgdial::core::probe::allVerdicts();
    QCOMPARE(verdicts.size(), 25);
    for (const Verdict verdict : verdicts)
        QCOMPARE(pgdial::core::probe::verdictFromId(verdictId(verdict)), verdict);
    QVERIFY(!pgdial::core::probe::verdictFromId(QStringLiteral("nope")));
}

QTEST_GUILESS_MAIN(tst_MessageCatalogue)
#include "tst_messagecatalogue.moc"
