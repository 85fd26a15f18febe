#include "appconfig/connectionurl.h"
#include "appconfig/connectionurlchecker.h"
#include "appconfig/variableresolver.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <libpq-fe.h>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::appconfig;

class tst_ConnectionUrl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guideExamples_data();
    void guideExamples();
    void guideProductionUrlsWithTheirVariables_data();
    void guideProductionUrlsWithTheirVariables();
    void sqlalchemyPrefixes_data();
    void sqlalchemyPrefixes();
    void sqlite();
    void checks_data();
    void checks();
    void encodePassword_data();
    void encodePassword();
    void sslKeyPermissions();
    void masking();
    void agreesWithLibpqAndPsql_data();
    void agreesWithLibpqAndPsql();
};

static QStringList codes(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(d.code);
    return out;
}

void tst_ConnectionUrl::guideExamples_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("dbname");
    QTest::addColumn<QString>("sslmode");

    QTest::newRow("config-default") << "postgresql+asyncpg://user:password@postgres:5432/app_db" << true << "postgres"
                                    << "5432"
                                    << "app_db"
                                    << "";
    QTest::newRow("development") << "postgresql://appuser:devpass@localhost:5433/appdb" << true << "localhost"
                                 << "5433"
                                 << "appdb"
                                 << "";
    QTest::newRow("pool-options") << "postgresql://appuser:devpass@localhost:5433/appdb?pool_size=10&max_overflow=5"
                                  << false << ""
                                  << ""
                                  << ""
                                  << "";
    QTest::newRow("production-require") << "postgresql://appuser:s3cret@postgres:5432/appdb?sslmode=require" << true
                                        << "postgres"
                                        << "5432"
                                        << "appdb"
                                        << "require";
    QTest::newRow("verify-ca")
        << "postgresql://appuser:s3cret@postgres:5432/appdb?sslmode=verify-ca&sslrootcert=/run/secrets/ca-bundle.crt"
        << true << "postgres"
        << "5432"
        << "appdb"
        << "verify-ca";
    QTest::newRow("verify-full")
        << "postgresql://appuser:s3cret@postgres:5432/appdb?sslmode=verify-full&sslrootcert=/run/secrets/"
           "ca-bundle.crt&sslcert=/run/secrets/client.crt&sslkey=/run/secrets/client.key"
        << true << "postgres"
        << "5432"
        << "appdb"
        << "verify-full";
    QTest::newRow("pydantic-default") << "postgresql://user:password@localhost:5432/appdb" << true << "localhost"
                                      << "5432"
                                      << "appdb"
                                      << "";
    QTest::newRow("security-require") << "postgresql://user:pass@host/db?sslmode=require" << true << "host"
                                      << ""
                                      << "db"
                                      << "require";
    QTest::newRow("security-verify-ca")
        << "postgresql://user:pass@host/db?sslmode=verify-ca&sslrootcert=/run/secrets/ca-bundle.crt" << true << "host"
        << ""
        << "db"
        << "verify-ca";
    QTest::newRow("security-verify-full")
        << "postgresql://user:pass@host/db?sslmode=verify-full&sslrootcert=/run/secrets/ca-bundle.crt" << true << "host"
        << ""
        << "db"
        << "verify-full";
}

void tst_ConnectionUrl::guideExamples()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    QFETCH(QString, host);
    QFETCH(QString, port);
    QFETCH(QString, dbname);
    QFETCH(QString, sslmode);
    const ConnectionUrl parsed = ConnectionUrlParser::parse(url);
    QCOMPARE(parsed.kind, UrlKind::PostgresUri);
    QCOMPARE(parsed.libpqAccepts, accepted);
    const Diagnostics diagnostics = ConnectionUrlChecker::check(parsed, {QStringLiteral(".env"), 3, 14, {}, {}, {}});
    if (!accepted) {
        QCOMPARE(codes(diagnostics), (QStringList {"url.pool-parameter", "url.pool-parameter"}));
        QVERIFY(diagnostics.first().suggestion.contains("config.yaml"));
        QVERIFY(diagnostics.first().message.contains("pool_size"));
        QCOMPARE(diagnostics.first().line, 3);
        return;
    }
    QCOMPARE(parsed.value("host").value_or(QString()), host);
    QCOMPARE(parsed.value("port").value_or(QString()), port);
    QCOMPARE(parsed.value("dbname").value_or(QString()), dbname);
    QCOMPARE(parsed.value("sslmode").value_or(QString()), sslmode);
    for (const Diagnostic &d : diagnostics)
        QVERIFY2(d.severity != Severity::Error, qPrintable(d.code));
}

void tst_ConnectionUrl::guideProductionUrlsWithTheirVariables_data()
{
    QTest::addColumn<QString>("url");
    const QString base = "postgresql://appuser:${POSTGRES_APP_USER_PW}@postgres:5432/appdb";
    QTest::newRow("require") << base + "?sslmode=require";
    QTest::newRow("verify-ca") << base + "?sslmode=verify-ca&sslrootcert=/run/secrets/ca-bundle.crt";
    QTest::newRow("verify-full") << base
            + "?sslmode=verify-full&sslrootcert=/run/secrets/ca-bundle.crt&sslcert=/run/secrets/"
              "client.crt&sslkey=/run/secrets/client.key";
}

// The guide's production .env sets POSTGRES_APP_USER_PW to the secret file's path, and its
// production URLs put ${POSTGRES_APP_USER_PW} in the password: pgdial says so.
void tst_ConnectionUrl::guideProductionUrlsWithTheirVariables()
{
    QFETCH(QString, url);
    VariableResolver resolver;
    resolver.addEnvFile(
        EnvFile::parse(TextDocument::fromBytes("APP_ENVIRONMENT=production\n"
                                               "POSTGRES_APP_USER_PW=/run/secrets/postgres_app_user_pw\n"),
                       ".env"));
    const Substitution resolved = resolver.substitute(url, ".env", 5);
    QVERIFY(resolved.diagnostics.isEmpty());
    QCOMPARE(resolved.provenance().describe(), QStringLiteral(".env line 2"));
    const ConnectionUrl parsed = ConnectionUrlParser::parse(resolved.value);
    const Diagnostics diagnostics = ConnectionUrlChecker::check(parsed, {".env", 5, 14, url, "production", {}});
    QVERIFY(codes(diagnostics).contains("url.password-is-path"));
    QVERIFY(!codes(diagnostics).contains("url.inline-password"));
    QVERIFY(!codes(diagnostics).contains("url.production-without-tls"));
    // With a real secret in the variable, only the container-only TLS files remain to mention.
    VariableResolver secret;
    secret.addEnvFile(EnvFile::parse(TextDocument::fromBytes("POSTGRES_APP_USER_PW=s3cret\n"), ".env"));
    const ConnectionUrl good = ConnectionUrlParser::parse(secret.substitute(url, ".env", 5).value);
    QVERIFY(good.libpqAccepts);
    QCOMPARE(good.value("password").value_or(QString()), QStringLiteral("s3cret"));
    for (const Diagnostic &d : ConnectionUrlChecker::check(good, {".env", 5, 14, url, "production", {}}))
        QCOMPARE(d.code, QStringLiteral("url.ssl-file-missing"));
}

void tst_ConnectionUrl::sqlalchemyPrefixes_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("libpqForm");
    QTest::newRow("asyncpg") << "postgresql+asyncpg://u@h/db"
                             << "asyncpg"
                             << "postgresql://u@h/db";
    QTest::newRow("psycopg") << "postgresql+psycopg://u@h/db"
                             << "psycopg"
                             << "postgresql://u@h/db";
    QTest::newRow("psycopg2") << "postgresql+psycopg2://u@h/db?sslmode=require"
                              << "psycopg2"
                              << "postgresql://u@h/db?sslmode=require";
    QTest::newRow("postgres") << "postgres://u@h/db"
                              << "libpq"
                              << "postgres://u@h/db";
    QTest::newRow("plain") << "postgresql://u@h/db"
                           << "libpq"
                           << "postgresql://u@h/db";
    QTest::newRow("asyncpg-ssl") << "postgresql+asyncpg://u@h/db?ssl=require&application_name=x"
                                 << "asyncpg"
                                 << "postgresql://u@h/db?application_name=x";
}

void tst_ConnectionUrl::sqlalchemyPrefixes()
{
    QFETCH(QString, url);
    QFETCH(QString, driver);
    QFETCH(QString, libpqForm);
    const ConnectionUrl parsed = ConnectionUrlParser::parse(url);
    QCOMPARE(parsed.driver, driver);
    QCOMPARE(parsed.libpqForm, libpqForm);
    QVERIFY(parsed.libpqAccepts);
    if (url.contains("ssl=require"))
        QCOMPARE(parsed.effectiveSslMode(), QStringLiteral("require"));
}

void tst_ConnectionUrl::sqlite()
{
    const ConnectionUrl file = ConnectionUrlParser::parse("sqlite:///./database.db");
    QCOMPARE(file.kind, UrlKind::Sqlite);
    QCOMPARE(file.sqlitePath, QStringLiteral("./database.db"));
    QVERIFY(!file.sqliteMemory);
    const ConnectionUrl memory = ConnectionUrlParser::parse("sqlite:///:memory:");
    QVERIFY(memory.sqliteMemory);
    ConnectionUrlChecker::Context context {".env", 1, 14, {}, {}, {}};
    QVERIFY(ConnectionUrlChecker::check(file, context).isEmpty());
    context.environmentMode = "production";
    QCOMPARE(codes(ConnectionUrlChecker::check(memory, context)), QStringList {"url.sqlite-in-production"});
}

void tst_ConnectionUrl::checks_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QStringList>("expected");

    const QString prod = "production";
    QTest::newRow("clean") << "postgresql://u@h/db"
                           << ""
                           << "" << QStringList {};
    QTest::newRow("unencoded-at") << "postgresql://u:p@ss@h/db"
                                  << ""
                                  << "" << QStringList {"url.unencoded-password"};
    QTest::newRow("unencoded-hash") << "postgresql://u:p#ss@h/db"
                                    << ""
                                    << "" << QStringList {"url.unencoded-password"};
    QTest::newRow("unencoded-slash") << "postgresql://u:p/ss@h/db"
                                     << ""
                                     << "" << QStringList {"url.unencoded-password"};
    QTest::newRow("unencoded-question") << "postgresql://u:p?ss@h/db"
                                        << ""
                                        << "" << QStringList {"url.unencoded-password"};
    QTest::newRow("unencoded-percent") << "postgresql://u:100%@h/db"
                                       << ""
                                       << "" << QStringList {"url.unencoded-password"};
    QTest::newRow("unencoded-space") << "postgresql://u:a b@h/db"
                                     << ""
                                     << "" << QStringList {"url.unencoded-password"};
    QTest::newRow("encoded-ok") << "postgresql://u:p%40ss@h/db"
                                << ""
                                << "" << QStringList {};
    QTest::newRow("colon-ok") << "postgresql://u:a:b@h/db"
                              << ""
                              << "" << QStringList {};
    QTest::newRow("variable-password") << "postgresql://u:a@b@h/db"
                                       << "postgresql://u:${PW}@h/db"
                                       << "" << QStringList {"url.unencoded-password"};
    QTest::newRow("variable-password-ok") << "postgresql://u:ab@h/db"
                                          << "postgresql://u:${PW}@h/db"
                                          << "" << QStringList {};
    QTest::newRow("unknown-param") << "postgresql://u@h/db?frobnicate=1"
                                   << ""
                                   << "" << QStringList {"url.unknown-parameter"};
    QTest::newRow("jdbc-param") << "postgresql://u@h/db?sslfactory=x"
                                << ""
                                << "" << QStringList {"url.jdbc-parameter"};
    QTest::newRow("jdbc-ssl-false") << "postgresql://u@h/db?ssl=false"
                                    << ""
                                    << "" << QStringList {"url.jdbc-parameter"};
    QTest::newRow("libpq-ssl-true") << "postgresql://u@h/db?ssl=true"
                                    << ""
                                    << "" << QStringList {};
    QTest::newRow("jdbc-url") << "jdbc:postgresql://h/db"
                              << ""
                              << "" << QStringList {"url.jdbc-url"};
    QTest::newRow("mysql") << "mysql://h/db"
                           << ""
                           << "" << QStringList {"url.unsupported-scheme"};
    QTest::newRow("bad-sslmode") << "postgresql://u@h/db?sslmode=required"
                                 << ""
                                 << "" << QStringList {"url.invalid-sslmode"};
    QTest::newRow("bad-sslmode-kv") << "host=h sslmode=on"
                                    << ""
                                    << "" << QStringList {"url.invalid-sslmode"};
    QTest::newRow("bad-port") << "postgresql://u@h:99999/db"
                              << ""
                              << "" << QStringList {"url.invalid-option"};
    QTest::newRow("parse-error") << "host='unterminated"
                                 << ""
                                 << "" << QStringList {"url.parse-error"};
    QTest::newRow("kv-unknown") << "host=h frob=1"
                                << ""
                                << "" << QStringList {"url.parse-error"};
    QTest::newRow("empty") << ""
                           << ""
                           << "" << QStringList {"url.empty"};
    QTest::newRow("rootcert-system") << "postgresql://u@h/db?sslmode=require&sslrootcert=system"
                                     << ""
                                     << "" << QStringList {"url.sslrootcert-system"};
    QTest::newRow("rootcert-system-ok") << "postgresql://u@h/db?sslmode=verify-full&sslrootcert=system"
                                        << ""
                                        << "" << QStringList {};
    QTest::newRow("missing-rootcert") << "postgresql://u@h/db?sslmode=verify-ca&sslrootcert=/nonexistent/ca.crt"
                                      << ""
                                      << "" << QStringList {"url.ssl-file-missing"};
    QTest::newRow("asyncpg-sslmode") << "postgresql+asyncpg://u@h/db?sslmode=require"
                                     << ""
                                     << "" << QStringList {"url.asyncpg-sslmode"};
    QTest::newRow("asyncpg-ssl") << "postgresql+asyncpg://u@h/db?ssl=require"
                                 << "" << prod << QStringList {};
    QTest::newRow("postgres-scheme") << "postgres://u@h/db"
                                     << ""
                                     << "" << QStringList {"url.postgres-scheme"};
    QTest::newRow("prod-no-tls") << "postgresql://u@h/db"
                                 << "" << prod << QStringList {"url.production-without-tls"};
    QTest::newRow("prod-prefer") << "postgresql://u@h/db?sslmode=prefer"
                                 << "" << prod << QStringList {"url.production-without-tls"};
    QTest::newRow("prod-inline-password") << "postgresql://u:pw@h/db?sslmode=require"
                                          << "" << prod << QStringList {"url.inline-password"};
    QTest::newRow("prod-variable-password")
        << "postgresql://u:pw@h/db?sslmode=require"
        << "postgresql://u:${POSTGRES_APP_USER_PW}@h/db?sslmode=require" << prod << QStringList {};
    QTest::newRow("password-is-path") << "postgresql://u:/run/secrets/pw@h/db"
                                      << "postgresql://u:${POSTGRES_APP_USER_PW}@h/db"
                                      << "" << QStringList {"url.password-is-path"};
    QTest::newRow("prod-kv-password") << "host=h password=pw sslmode=verify-full"
                                      << "" << prod
                                      << QStringList {"url.verify-without-rootcert", "url.inline-password"};
    QTest::newRow("verify-full-no-rootcert") << "postgresql://u@h/db?sslmode=verify-full"
                                             << ""
                                             << "" << QStringList {"url.verify-without-rootcert"};
    QTest::newRow("verify-ca-no-rootcert") << "postgresql://u@h/db?sslmode=verify-ca"
                                           << ""
                                           << "" << QStringList {"url.verify-without-rootcert"};
    QTest::newRow("asyncpg-verify-full-no-rootcert") << "postgresql+asyncpg://u@h/db?ssl=verify-full"
                                                     << ""
                                                     << "" << QStringList {"url.verify-without-rootcert"};
    QTest::newRow("require-no-rootcert-ok") << "postgresql://u@h/db?sslmode=require"
                                            << ""
                                            << "" << QStringList {};
}

void tst_ConnectionUrl::checks()
{
    QFETCH(QString, url);
    QFETCH(QString, raw);
    QFETCH(QString, mode);
    QFETCH(QStringList, expected);
    const ConnectionUrl parsed = ConnectionUrlParser::parse(url);
    const Diagnostics diagnostics = ConnectionUrlChecker::check(parsed, {".env", 2, 14, raw, mode, {}});
    QCOMPARE(codes(diagnostics), expected);
    for (const Diagnostic &d : diagnostics) {
        QCOMPARE(d.file, QStringLiteral(".env"));
        QCOMPARE(d.line, 2);
        QVERIFY(!d.message.isEmpty());
        QVERIFY(!d.suggestion.isEmpty());
        // Passwords are never shown.
        QVERIFY2(!d.message.contains(":pw@") && !d.suggestion.contains("p@ss") && !d.suggestion.contains("p%40ss"),
                 qPrintable(d.suggestion));
    }
}

void tst_ConnectionUrl::encodePassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<QString>("password");
    QTest::newRow("at") << "postgresql://u:p@ss@h:5432/db"
                        << "postgresql://u:p%40ss@h:5432/db"
                        << "p@ss";
    QTest::newRow("hash-slash") << "postgresql://u:a#b/c@h/db"
                                << "postgresql://u:a%23b%2Fc@h/db"
                                << "a#b/c";
    QTest::newRow("percent-kept") << "postgresql://u:a%40b%@h/db"
                                  << "postgresql://u:a%40b%25@h/db"
                                  << "a@b%";
    QTest::newRow("space-question") << "postgresql://u:a b?@h/db"
                                    << "postgresql://u:a%20b%3F@h/db"
                                    << "a b?";
    QTest::newRow("no-userinfo") << "postgresql://h/db"
                                 << "postgresql://h/db"
                                 << "";
}

void tst_ConnectionUrl::encodePassword()
{
    QFETCH(QString, url);
    QFETCH(QString, encoded);
    QFETCH(QString, password);
    QCOMPARE(ConnectionUrlChecker::encodePassword(url), encoded);
    if (url.contains('@')) {
        // libpq reads the encoded form back as the intended password.
        const ConnectionUrl parsed = ConnectionUrlParser::parse(encoded);
        QVERIFY(parsed.libpqAccepts);
        QCOMPARE(parsed.value("password").value_or(QString()), password);
        QCOMPARE(parsed.value("host").value_or(QString()), QStringLiteral("h"));
    }
}

void tst_ConnectionUrl::sslKeyPermissions()
{
    QTemporaryDir dir;
    QFile key(dir.filePath("client.key"));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write("key");
    key.close();
    const ConnectionUrl parsed = ConnectionUrlParser::parse("postgresql://u@h/db?sslmode=require&sslkey=client.key");
    const ConnectionUrlChecker::Context context {".env", 1, 1, {}, {}, dir.path()};
    QVERIFY(key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(codes(ConnectionUrlChecker::check(parsed, context)), QStringList {});
    QVERIFY(key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    QCOMPARE(codes(ConnectionUrlChecker::check(parsed, context)), QStringList {"url.ssl-key-permissions"});
}

void tst_ConnectionUrl::masking()
{
    const ConnectionUrl uri = ConnectionUrlParser::parse("postgresql://appuser:devpass@localhost:5433/appdb");
    QVERIFY(!uri.masked().contains("devpass"));
    QVERIFY(uri.masked().contains("appuser"));
    bool sawPassword = false;
    for (const ConnectionParameter &p : uri.maskedParameters()) {
        QVERIFY(!p.value.contains("devpass"));
        sawPassword |= p.keyword == "password";
    }
    QVERIFY(sawPassword);
    const ConnectionUrl kv = ConnectionUrlParser::parse("host=h password='se cret' user=u");
    QVERIFY(!kv.masked().contains("se cret"));
    QVERIFY(kv.masked().contains("user=u"));
}

// ---------------------------------------------------------------------------------------------
// Agreement with libpq: pgdial's verdict and values equal PQconninfoParse's and psql's.

void tst_ConnectionUrl::agreesWithLibpqAndPsql_data()
{
    QTest::addColumn<QString>("conninfo");
    // Hosts are loopback with ports nobody listens on (or names that do not resolve), so psql gets
    // to the network only when libpq accepted the string.
    const QStringList strings {
        // valid URIs
        "postgresql://127.0.0.1:1/db",
        "postgresql://u@127.0.0.1:1/db",
        "postgresql://u:p@127.0.0.1:1/db",
        "postgres://u:p@127.0.0.1:1/db",
        "postgresql://u:p%40ss@127.0.0.1:1/db",
        "postgresql://u:a:b@127.0.0.1:1/db",
        "postgresql://127.0.0.1:1",
        "postgresql://127.0.0.1:1/",
        "postgresql://[::1]:1/db",
        "postgresql://127.0.0.1:1,127.0.0.1:2/db",
        "postgresql://127.0.0.1:1/db?sslmode=disable",
        "postgresql://127.0.0.1:1/db?sslmode=require",
        "postgresql://127.0.0.1:1/db?sslmode=verify-ca&sslrootcert=/nonexistent/ca.crt",
        "postgresql://127.0.0.1:1/db?sslmode=verify-full&sslrootcert=/x/ca.crt&sslcert=/x/c.crt&sslkey=/x/c.key",
        "postgresql://127.0.0.1:1/db?ssl=true",
        "postgresql://127.0.0.1:1/db?application_name=my%20app",
        "postgresql://127.0.0.1:1/db?connect_timeout=5",
        "postgresql://127.0.0.1:1/db?options=-c%20statement_timeout%3D5s",
        "postgresql://127.0.0.1:1/db?target_session_attrs=read-write",
        "postgresql://127.0.0.1:1/db?gssencmode=disable",
        "postgresql://127.0.0.1:1/db?channel_binding=prefer",
        "postgresql://127.0.0.1:1/db?keepalives=1&keepalives_idle=30",
        "postgresql://127.0.0.1:1/db?host=127.0.0.1&port=2",
        "postgresql://%2Ftmp%2Fnonexistent-socket-dir/db",
        "postgresql:///db?host=/tmp/nonexistent-socket-dir",
        "postgresql://u@127.0.0.1:1/d%62",
        "postgresql+asyncpg://user:password@127.0.0.1:1/app_db",
        "postgresql+psycopg://u@127.0.0.1:1/db?sslmode=prefer",
        "postgresql+psycopg2://u@127.0.0.1:1/db",
        "postgresql://pgdial-no-such-host-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.invalid:1/db", // a label over
                                                                                                         // 63 bytes:
                                                                                                         // glibc
                                                                                                         // refuses it
                                                                                                         // without
                                                                                                         // sending a
                                                                                                         // DNS query
        // valid key=value
        "host=127.0.0.1 port=1 dbname=db",
        "host=127.0.0.1 port=1 user=u password=p",
        "host=127.0.0.1 port=1 password='a b\\'c'",
        "host = 127.0.0.1 port = 1",
        "host=127.0.0.1 port=1 sslmode=verify-full sslrootcert=system",
        "hostaddr=127.0.0.1 port=1",
        "host=127.0.0.1,127.0.0.1 port=1,2",
        "host=127.0.0.1 port=1 connect_timeout=2 application_name=x",
        "host=127.0.0.1 port=1 options='-c search_path=app'",
        "dbname=postgresql://127.0.0.1:1/db host=127.0.0.1 port=1",
        // broken
        "postgresql://u@127.0.0.1:1/db?pool_size=10&max_overflow=5",
        "postgresql://u@127.0.0.1:1/db?frobnicate=1",
        "postgresql://u@127.0.0.1:1/db?sslfactory=org.postgresql.ssl.NonValidatingFactory",
        "postgresql://u@127.0.0.1:1/db?ssl=false",
        "postgresql://u@127.0.0.1:1/db?sslmode=required",
        "postgresql://u@127.0.0.1:1/db?sslmode=",
        "postgresql://u@127.0.0.1:99999/db",
        "postgresql://u@127.0.0.1:abc/db",
        "postgresql://u@127.0.0.1:1/db?application_name=a%zz",
        "postgresql://[::1:1/db",
        "postgresql://u@127.0.0.1:1/db?gssencmode=sometimes",
        "postgresql://u@127.0.0.1:1/db?channel_binding=maybe",
        "postgresql://u@127.0.0.1:1/db?target_session_attrs=whatever",
        "postgresql://u@127.0.0.1:1/db?ssl_min_protocol_version=TLSv9",
        "postgresql+asyncpg://u@127.0.0.1:1/db?pool_size=10",
        "host=127.0.0.1 port=1 frob=1",
        "host=127.0.0.1 port=1 sslmode=on",
        "host='127.0.0.1 port=1",
        "host=127.0.0.1 port",
        "host=127.0.0.1 port=abc",
        "host=127.0.0.1,127.0.0.2 port=1,2,3",
        "hostaddr=not-an-address port=1",
        "host=127.0.0.1 port=1 target_session_attrs=x",
        "host=127.0.0.1 port=1 connect_timeout=soon",
        "host=127.0.0.1 port=1 keepalives=x",
        "=value",
    };
    for (const QString &s : strings)
        QTest::newRow(qPrintable(s)) << s;
}

void tst_ConnectionUrl::agreesWithLibpqAndPsql()
{
    QFETCH(QString, conninfo);
    const QString psql = QStandardPaths::findExecutable("psql");
    if (psql.isEmpty())
        QSKIP("psql is not installed");
    const ConnectionUrl parsed = ConnectionUrlParser::parse(conninfo);
    QVERIFY(parsed.isPostgres());

    // 1. The values equal PQconninfoParse's for the libpq form.
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(parsed.libpqForm.toUtf8().constData(), &error);
    QCOMPARE(parsed.parsed, options != nullptr);
    if (options) {
        QList<ConnectionParameter> expected;
        for (PQconninfoOption *o = options; o->keyword; ++o)
            if (o->val)
                expected.append({QString::fromUtf8(o->keyword), QString::fromUtf8(o->val)});
        PQconninfoFree(options);
        QCOMPARE(parsed.parameters.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(parsed.parameters.at(i).keyword, expected.at(i).keyword);
            QCOMPARE(parsed.parameters.at(i).value, expected.at(i).value);
        }
    } else {
        PQfreemem(error);
    }

    // 2. The verdict equals psql's: a string libpq accepts gets as far as connecting.
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("PGCONNECT_TIMEOUT", "2");
    environment.remove("PGSERVICE");
    environment.insert("PGSSLMODE", "disable"); // only used when the string sets no sslmode
    process.setProcessEnvironment(environment);
    process.start(psql, {"-w", "-X", "-d", parsed.libpqForm, "-c", ""});
    QVERIFY(process.waitForFinished(15000));
    const QString message = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitCode() != 0, qPrintable(message));
    const bool reachedNetwork
        = (message.contains("connection to server") || message.contains("could not translate host name"))
        && !message.contains("invalid integer value");
    QVERIFY2(parsed.libpqAccepts == reachedNetwork,
             qPrintable(QString("pgdial %1 (%2), psql: %3")
                            .arg(parsed.libpqAccepts ? "accepts" : "rejects", parsed.libpqError, message.trimmed())));

    // 3. Every rejection is explained by an error diagnostic; acceptance by libpq gives none from libpq.
    const Diagnostics diagnostics = ConnectionUrlChecker::check(parsed, {"x", 1, 1, {}, {}, {}});
    const bool errors = std::any_of(diagnostics.cbegin(), diagnostics.cend(), [&](const Diagnostic &d) {
        return d.severity == Severity::Error && (!parsed.libpqAccepts || d.code != "url.sslrootcert-system");
    });
    QCOMPARE(errors, !parsed.libpqAccepts);
}

QTEST_GUILESS_MAIN(tst_ConnectionUrl)
#include "tst_connectionurl.moc"
