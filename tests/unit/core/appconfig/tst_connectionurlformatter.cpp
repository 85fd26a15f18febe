// ConnectionUrlFormatter: components -> text -> libpq (through ConnectionUrlParser) -> the same components.
#include "appconfig/connectionurlformatter.h"

#include <QTest>

using namespace pgdial::core::appconfig;

Q_DECLARE_METATYPE(UrlComponents)

class tst_ConnectionUrlFormatter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void decomposeKeepsWrittenText_data();
    void decomposeKeepsWrittenText();
    void setParameterKeepsOrder();
    void notAPostgresUrl();
};

static UrlComponents uri(QList<UrlHost> hosts, QString database, QString user, QString password,
                         QList<ConnectionParameter> query = {}, QString scheme = QStringLiteral("postgresql"))
{
    UrlComponents c;
    c.scheme = scheme;
    c.hosts = hosts;
    c.database = database;
    c.user = user;
    c.password = password;
    c.query = query;
    return c;
}

void tst_ConnectionUrlFormatter::roundTrip_data()
{
    QTest::addColumn<UrlComponents>("components");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << uri({{"db", "5432"}}, "app", "appuser", "secret")
                           << "postgresql://appuser:secret@db:5432/app";
    QTest::newRow("password-at-colon-slash")
        << uri({{"db", "5432"}}, "app", "u", "p@ss:w/rd") << "postgresql://u:p%40ss%3Aw%2Frd@db:5432/app";
    QTest::newRow("password-percent-hash-space")
        << uri({{"db", ""}}, "app", "u", "100% #1 pw") << "postgresql://u:100%25%20%231%20pw@db/app";
    QTest::newRow("password-question-plus-unicode")
        << uri({{"db", ""}}, "app", "u", "a?b+c\u00e9") << "postgresql://u:a%3Fb%2Bc%C3%A9@db/app";
    QTest::newRow("user-with-at") << uri({{"db", ""}}, "app", "me@corp", "x") << "postgresql://me%40corp:x@db/app";
    QTest::newRow("database-with-slash-space")
        << uri({{"db", ""}}, "my db/x", "u", "") << "postgresql://u@db/my%20db%2Fx";
    QTest::newRow("ipv6") << uri({{"::1", "5433"}}, "app", "u", "p") << "postgresql://u:p@[::1]:5433/app";
    QTest::newRow("ipv6-no-port") << uri({{"fe80::1", ""}}, "app", "u", "") << "postgresql://u@[fe80::1]/app";
    QTest::newRow("multi-host") << uri({{"primary", "5432"}, {"standby", "5433"}}, "app", "u", "p",
                                       {{"target_session_attrs", "read-write"}})
                                << "postgresql://u:p@primary:5432,standby:5433/app?target_session_attrs=read-write";
    QTest::newRow("multi-host-some-ports")
        << uri({{"a", ""}, {"b", "6000"}}, "app", "", "") << "postgresql://a,b:6000/app";
    QTest::newRow("socket-directory") << uri({{"/var/run/postgresql", ""}}, "app", "u", "")
                                      << "postgresql://u@%2Fvar%2Frun%2Fpostgresql/app";
    QTest::newRow("ssl-files")
        << uri({{"db", "5432"}}, "app", "u", "p",
               {{"sslmode", "verify-full"},
                {"sslrootcert", "/etc/ssl/my ca.crt"},
                {"sslcert", "certs/client.crt"},
                {"sslkey", "certs/client.key"}})
        << "postgresql://u:p@db:5432/app?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Fmy%20ca.crt"
           "&sslcert=certs%2Fclient.crt&sslkey=certs%2Fclient.key";
    QTest::newRow("asyncpg-driver-parameter")
        << uri({{"postgres", "5432"}}, "app_db", "user", "pa#ss", {{"ssl", "require"}}, "postgresql+asyncpg")
        << "postgresql+asyncpg://user:pa%23ss@postgres:5432/app_db?ssl=require";
    QTest::newRow("variable-kept") << uri({{"postgres", "5432"}}, "appdb", "appuser", "${POSTGRES_APP_USER_PW}")
                                   << "postgresql://appuser:${POSTGRES_APP_USER_PW}@postgres:5432/appdb";
    QTest::newRow("no-user-no-database") << uri({{"localhost", ""}}, "", "", "") << "postgresql://localhost";

    UrlComponents keyValue = uri({{"db", "5432"}, {"db2", ""}}, "app", "u", "it's a \\ pw", {{"sslmode", "require"}});
    keyValue.keyValueForm = true;
    keyValue.scheme.clear();
    QTest::newRow("key-value-quoting")
        << keyValue << "host=db,db2 port=5432, dbname=app user=u password='it\\'s a \\\\ pw' sslmode=require";
}

void tst_ConnectionUrlFormatter::roundTrip()
{
    QFETCH(UrlComponents, components);
    QFETCH(QString, expected);
    const QString text = ConnectionUrlFormatter::format(components);
    QCOMPARE(text, expected);
    const ConnectionUrl parsed = ConnectionUrlParser::parse(text);
    QVERIFY2(parsed.libpqAccepts, qPrintable(parsed.libpqError));
    const std::optional<UrlComponents> back = ConnectionUrlFormatter::decompose(text);
    QVERIFY(back);
    QCOMPARE(back->keyValueForm, components.keyValueForm);
    QCOMPARE(back->scheme, components.scheme);
    QCOMPARE(back->hosts, components.hosts);
    QCOMPARE(back->database, components.database);
    QCOMPARE(back->user, components.user);
    QCOMPARE(back->password, components.password);
    QCOMPARE(back->query.size(), components.query.size());
    for (qsizetype i = 0; i < components.query.size(); ++i) {
        QCOMPARE(back->query[i].keyword, components.query[i].keyword);
        QCOMPARE(back->query[i].value, components.query[i].value);
    }
    QCOMPARE(ConnectionUrlFormatter::format(*back), text);
}

void tst_ConnectionUrlFormatter::decomposeKeepsWrittenText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("example-default") << "postgresql+asyncpg://user:password@postgres:5432/app_db";
    QTest::newRow("example-dev") << "postgresql://appuser:devpass@localhost:5433/appdb";
    QTest::newRow("production") << "postgresql://appuser:s3cret@postgres:5432/appdb?sslmode=require";
    QTest::newRow("encoded-password") << "postgresql://u:p%40ss@h:5432/db";
}

void tst_ConnectionUrlFormatter::decomposeKeepsWrittenText()
{
    QFETCH(QString, text);
    const std::optional<UrlComponents> c = ConnectionUrlFormatter::decompose(text);
    QVERIFY(c);
    QCOMPARE(ConnectionUrlFormatter::format(*c), text);
}

void tst_ConnectionUrlFormatter::setParameterKeepsOrder()
{
    UrlComponents c = uri({{"h", ""}}, "d", "", "", {{"sslmode", "require"}, {"application_name", "x"}});
    c.setParameter("sslmode", "verify-full");
    c.setParameter("sslrootcert", "ca.crt");
    QCOMPARE(ConnectionUrlFormatter::format(c),
             QStringLiteral("postgresql://h/d?sslmode=verify-full&application_name=x&sslrootcert=ca.crt"));
    c.setParameter("sslmode", QString());
    QCOMPARE(c.parameter("sslmode"), QString());
    QCOMPARE(c.query.size(), 2);
}

void tst_ConnectionUrlFormatter::notAPostgresUrl()
{
    QVERIFY(!ConnectionUrlFormatter::decompose("sqlite:///./database.db"));
    QVERIFY(!ConnectionUrlFormatter::decompose("mysql://u@h/d"));
    QVERIFY(!ConnectionUrlFormatter::decompose(""));
}

QTEST_GUILESS_MAIN(tst_ConnectionUrlFormatter)
#include "tst_connectionurlformatter.moc"
