#include "appconfig/composefile.h"
#include "appconfig/connectionurl.h"
#include "base/textdocument.h"
#include "checks/appclientlocator.h"
#include "checks/apphbachecks.h"
#include "hba/hbaparser.h"

#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::checks;
using namespace pgdial::core::base;
using namespace pgdial::core::project;

// The app's roles against pg_hba.conf through the simulator: each row is a pg_hba.conf, a URL, an
// optional docker-compose.yml and server settings, and the diagnostics expected ("field:code").
class tst_AppHbaChecks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void proposalFixAddsRuleBeforeReject();
    void messagesNameBothPlaces();
    void hostInSubnet_data();
    void hostInSubnet();
};

namespace {

const QByteArray composeWithHba = R"(services:
  postgres:
    image: postgres:16
    ports:
      - "5433:5432"
    volumes:
      - ./pg_hba.conf:/etc/postgresql/pg_hba.conf:ro
    networks: [backend]
  api:
    image: api
    networks: [backend]
networks:
  backend:
    ipam:
      config:
        - subnet: 172.30.50.0/24
)";

struct Run
{
    Diagnostics diagnostics;
    TextDocument hbaDocument;
};

// settings: "ssl=on password_encryption=md5 pg=13 roles=owner_user:owner,ro_user:ro"
Run run(const QByteArray &hbaText, const QString &urlText, const QByteArray &compose, const QString &settings)
{
    QMap<QString, QString> values;
    for (const QString &word : settings.split(u' ', Qt::SkipEmptyParts))
        values.insert(word.section(u'=', 0, 0), word.section(u'=', 1));
    const int pgVersion = values.value("pg", "17").toInt();

    hba::HbaParseOptions options;
    options.majorVersion = pgVersion;
    const hba::HbaFile hbaFile = hba::HbaParser::parse(hbaText, "/nonexistent/pg_hba.conf", options);

    AppHbaChecks::Inputs inputs;
    inputs.url = appconfig::ConnectionUrlParser::parse(urlText);
    inputs.urlFile = ".env";
    inputs.urlLine = 3;
    inputs.pgVersion = pgVersion;
    const QString user = inputs.url.value("user").value_or(QString());
    const QString database = inputs.url.value("dbname").value_or(user);
    if (!user.isEmpty())
        inputs.roles.append({user, database, "url", ".env", 3, 0});
    int line = 10;
    for (const QString &role : values.value("roles").split(u',', Qt::SkipEmptyParts))
        inputs.roles.append({role.section(u':', 1), database, role.section(u':', 0), "config.yaml", line++, 9});
    if (!compose.isEmpty())
        inputs.composeFiles.append(
            appconfig::ComposeFile::parse(TextDocument::fromBytes(compose), "docker-compose.yml"));

    values.remove("pg");
    values.remove("roles");
    const ServerSettingLookup lookup = [values](const QString &name) -> std::optional<ServerSetting> {
        if (!values.contains(name))
            return std::nullopt;
        return ServerSetting {name, values.value(name), "postgresql.conf", 7};
    };
    Run result {{}, TextDocument::fromBytes(hbaText)};
    result.diagnostics = AppHbaChecks::check(inputs, hbaFile, "pg_hba.conf", lookup,
                                             [&result](const QString &path) -> const TextDocument * {
                                                 return path == "pg_hba.conf" ? &result.hbaDocument : nullptr;
                                             });
    return result;
}

QStringList summary(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(QString::number(d.line) + ":" + d.code);
    return out;
}

} // namespace

void tst_AppHbaChecks::check_data()
{
    QTest::addColumn<QByteArray>("hba");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("compose");
    QTest::addColumn<QString>("settings");
    QTest::addColumn<QStringList>("expected"); // "line:code"; the URL's role is at line 3, others from 10

    const QString local = "postgresql://app@localhost/appdb";
    // Admission.
    QTest::newRow("loopback admitted") << QByteArray("host all all 127.0.0.1/32 scram-sha-256\n") << local
                                       << QByteArray() << "" << QStringList {};
    QTest::newRow("loopback no rule") << QByteArray("host all all 10.0.0.0/8 scram-sha-256\n") << local << QByteArray()
                                      << "" << QStringList {"3:app.hba-not-admitted"};
    QTest::newRow("loopback rejected first")
        << QByteArray("host all all 127.0.0.1/32 reject\nhost all all 127.0.0.1/32 scram-sha-256\n") << local
        << QByteArray() << "" << QStringList {"3:app.hba-not-admitted"};
    QTest::newRow("localhost admitted over ::1")
        << QByteArray("host all all ::1/128 scram-sha-256\n") << local << QByteArray() << "" << QStringList {};
    QTest::newRow("explicit 127.0.0.1 not ::1")
        << QByteArray("host all all ::1/128 scram-sha-256\n") << "postgresql://app@127.0.0.1/appdb" << QByteArray()
        << "" << QStringList {"3:app.hba-not-admitted"};
    QTest::newRow("three roles, owner missing")
        << QByteArray("host appdb app,ro 127.0.0.1/32 scram-sha-256\n") << local << QByteArray()
        << "roles=owner_user:owner,ro_user:ro" << QStringList {"10:app.hba-not-admitted"};
    QTest::newRow("three roles, all admitted")
        << QByteArray("host appdb app,owner,ro 127.0.0.1/32 scram-sha-256\n") << local << QByteArray()
        << "roles=owner_user:owner,ro_user:ro" << QStringList {};
    QTest::newRow("database of the url only") << QByteArray("host otherdb all 127.0.0.1/32 scram-sha-256\n") << local
                                              << QByteArray() << "" << QStringList {"3:app.hba-not-admitted"};
    QTest::newRow("group membership unknown: silent") << QByteArray("host all +appusers 127.0.0.1/32 scram-sha-256\n")
                                                      << local << QByteArray() << "" << QStringList {};
    QTest::newRow("samerole unknown: silent") << QByteArray("host samerole all 127.0.0.1/32 scram-sha-256\n") << local
                                              << QByteArray() << "" << QStringList {};
    QTest::newRow("host name rule: uncertain, silent")
        << QByteArray("host all all .example.com scram-sha-256\n") << local << QByteArray() << "" << QStringList {};
    QTest::newRow("unix socket, local rule")
        << QByteArray("local all all peer\n") << "postgresql:///appdb?host=/var/run/postgresql&user=app" << QByteArray()
        << "" << QStringList {};
    QTest::newRow("unix socket, only host rules") << QByteArray("host all all 127.0.0.1/32 scram-sha-256\n")
                                                  << "postgresql:///appdb?host=/var/run/postgresql&user=app"
                                                  << QByteArray() << "" << QStringList {"3:app.hba-not-admitted"};
    QTest::newRow("remote host: client unknown, silent")
        << QByteArray("host all all 127.0.0.1/32 reject\n") << "postgresql://app@db.example.com/appdb" << QByteArray()
        << "" << QStringList {};
    QTest::newRow("no user in the url: nothing to check")
        << QByteArray("host all all 127.0.0.1/32 reject\n") << "postgresql://localhost/appdb" << QByteArray() << ""
        << QStringList {};

    // sslmode against hostssl-only rules.
    const QByteArray sslOnly = "hostssl all all 127.0.0.1/32 scram-sha-256\nhost all all 0.0.0.0/0 reject\n";
    QTest::newRow("disable vs hostssl only")
        << sslOnly << local + "?sslmode=disable" << QByteArray() << "ssl=on" << QStringList {"3:app.hba-ssl-required"};
    QTest::newRow("asyncpg ssl=disable vs hostssl only")
        << sslOnly << "postgresql+asyncpg://app@localhost/appdb?ssl=disable" << QByteArray() << "ssl=on"
        << QStringList {"3:app.hba-ssl-required"};
    QTest::newRow("require vs hostssl only")
        << sslOnly << local + "?sslmode=require" << QByteArray() << "ssl=on" << QStringList {};
    QTest::newRow("prefer vs hostssl only, ssl on") << sslOnly << local << QByteArray() << "ssl=on" << QStringList {};
    QTest::newRow("prefer vs hostssl only, ssl off")
        << sslOnly << local << QByteArray() << "ssl=off" << QStringList {"3:app.hba-ssl-required"};
    QTest::newRow("prefer vs hostssl only, ssl default off")
        << sslOnly << local << QByteArray() << "" << QStringList {"3:app.hba-ssl-required"};
    QTest::newRow("allow retries with ssl")
        << QByteArray("hostnossl all all 127.0.0.1/32 reject\nhostssl all all 127.0.0.1/32 scram-sha-256\n")
        << local + "?sslmode=allow" << QByteArray() << "ssl=on" << QStringList {};
    QTest::newRow("disable vs host rule") << QByteArray("host all all 127.0.0.1/32 scram-sha-256\n")
                                          << local + "?sslmode=disable" << QByteArray() << "ssl=on" << QStringList {};
    QTest::newRow("require while ssl off: left to app.ssl-off")
        << sslOnly << local + "?sslmode=require" << QByteArray() << "ssl=off" << QStringList {};

    // The method of the rule that admits the app.
    QTest::newRow("scram rule, md5 passwords")
        << QByteArray("host all all 127.0.0.1/32 scram-sha-256\n") << local << QByteArray() << "password_encryption=md5"
        << QStringList {"3:app.hba-scram-with-md5"};
    QTest::newRow("scram rule, PG13 default md5")
        << QByteArray("host all all 127.0.0.1/32 scram-sha-256\n") << local << QByteArray() << "pg=13"
        << QStringList {"3:app.hba-scram-with-md5"};
    QTest::newRow("scram rule, PG13 password_encryption=on")
        << QByteArray("host all all 127.0.0.1/32 scram-sha-256\n") << local << QByteArray()
        << "pg=13 password_encryption=on" << QStringList {"3:app.hba-scram-with-md5"};
    QTest::newRow("scram rule, scram passwords")
        << QByteArray("host all all 127.0.0.1/32 scram-sha-256\n") << local << QByteArray()
        << "password_encryption=scram-sha-256" << QStringList {};
    QTest::newRow("md5 rule, scram passwords") << QByteArray("host all all 127.0.0.1/32 md5\n") << local << QByteArray()
                                               << "" << QStringList {"3:app.hba-md5-with-scram"};
    QTest::newRow("md5 rule, md5 passwords") << QByteArray("host all all 127.0.0.1/32 md5\n") << local << QByteArray()
                                             << "password_encryption=md5" << QStringList {};
    QTest::newRow("cert rule, no client certificate")
        << QByteArray("hostssl all all 127.0.0.1/32 cert\n") << local + "?sslmode=require" << QByteArray() << "ssl=on"
        << QStringList {"3:app.hba-client-cert"};
    QTest::newRow("clientcert option, no client certificate")
        << QByteArray("hostssl all all 127.0.0.1/32 scram-sha-256 clientcert=verify-full\n")
        << local + "?sslmode=require" << QByteArray() << "ssl=on" << QStringList {"3:app.hba-client-cert"};
    QTest::newRow("cert rule, client certificate given")
        << QByteArray("hostssl all all 127.0.0.1/32 cert\n")
        << local + "?sslmode=require&sslcert=/c/app.crt&sslkey=/c/app.key" << QByteArray() << "ssl=on"
        << QStringList {};

    // Docker compose decides the client address.
    QTest::newRow("compose service name, subnet admitted")
        << QByteArray("hostssl all all 172.30.50.0/24 scram-sha-256\n")
        << "postgresql://app@postgres:5432/appdb?sslmode=require" << composeWithHba << "ssl=on" << QStringList {};
    QTest::newRow("compose service name, subnet not admitted")
        << QByteArray("hostssl all all 10.10.0.0/16 scram-sha-256\n")
        << "postgresql://app@postgres:5432/appdb?sslmode=require" << composeWithHba << "ssl=on"
        << QStringList {"3:app.hba-not-admitted"};
    QTest::newRow("compose service name, loopback rules only")
        << QByteArray("host all all 127.0.0.1/32 scram-sha-256\n") << "postgresql://app@postgres/appdb"
        << composeWithHba << "" << QStringList {"3:app.hba-not-admitted"};
    QTest::newRow("compose published port: the gateway, not loopback")
        << QByteArray("host all all 127.0.0.1/32 scram-sha-256\n") << "postgresql://app@localhost:5433/appdb"
        << composeWithHba << "" << QStringList {"3:app.hba-not-admitted"};
    QTest::newRow("compose published port, gateway admitted")
        << QByteArray("host all all 172.30.50.1/32 scram-sha-256\n") << "postgresql://app@localhost:5433/appdb"
        << composeWithHba << "" << QStringList {};
    QTest::newRow("compose service without this pg_hba.conf: silent")
        << QByteArray("host all all 127.0.0.1/32 reject\n") << "postgresql://app@postgres/appdb"
        << QByteArray(composeWithHba).replace("./pg_hba.conf", "./other/pg_hba.conf") << "" << QStringList {};
    QTest::newRow("compose network without subnet: silent")
        << QByteArray("host all all 127.0.0.1/32 reject\n") << "postgresql://app@postgres/appdb"
        << QByteArray(composeWithHba).replace("        - subnet: 172.30.50.0/24\n", "") << "" << QStringList {};
}

void tst_AppHbaChecks::check()
{
    QFETCH(QByteArray, hba);
    QFETCH(QString, url);
    QFETCH(QByteArray, compose);
    QFETCH(QString, settings);
    QFETCH(QStringList, expected);
    const Run result = run(hba, url, compose, settings);
    QCOMPARE(summary(result.diagnostics), expected);
    for (const Diagnostic &d : result.diagnostics) {
        QVERIFY2(!d.message.isEmpty() && !d.suggestion.isEmpty(), qPrintable(d.code));
        QVERIFY2(!d.related.isEmpty(), qPrintable(d.code)); // always names the pg_hba.conf side
    }
}

void tst_AppHbaChecks::proposalFixAddsRuleBeforeReject()
{
    const QByteArray hba = "# policy\nhost all all 10.0.0.0/8 scram-sha-256\nhost all all 0.0.0.0/0 reject\n";
    Run result = run(hba, "postgresql://app@postgres/appdb?sslmode=require", composeWithHba, "ssl=on");
    QCOMPARE(summary(result.diagnostics), QStringList {"3:app.hba-not-admitted"});
    const Diagnostic &d = result.diagnostics.first();
    // The narrowest rule for the app's network, over SSL, with the server's password method.
    QVERIFY2(d.suggestion.contains("hostssl appdb app 172.30.50.0/24 scram-sha-256"), qPrintable(d.suggestion));
    QVERIFY(d.suggestion.contains("before line 3"));
    QVERIFY(d.fix);
    QCOMPARE(d.fix->file, QStringLiteral("pg_hba.conf"));
    TextDocument document = result.hbaDocument;
    for (const LineEdit &edit : d.fix->edits)
        document.apply(edit);
    const QList<QByteArray> lines = document.toBytes().split('\n');
    QCOMPARE(lines.size(), 5);
    QVERIFY2(lines.at(2).simplified() == "hostssl appdb app 172.30.50.0/24 scram-sha-256", lines.at(2).constData());
    QCOMPARE(lines.at(3), QByteArray("host all all 0.0.0.0/0 reject"));

    // The fixed file admits the app: the same check is now silent.
    QCOMPARE(
        summary(run(document.toBytes(), "postgresql://app@postgres/appdb?sslmode=require", composeWithHba, "ssl=on")
                    .diagnostics),
        QStringList {});
    // md5 servers get an md5 proposal.
    const Run md5
        = run("host all all 10.0.0.0/8 md5\n", "postgresql://app@localhost/appdb", {}, "password_encryption=md5");
    QVERIFY2(md5.diagnostics.first().suggestion.contains("host appdb app 127.0.0.1/32 md5"),
             qPrintable(md5.diagnostics.first().suggestion));
}

void tst_AppHbaChecks::messagesNameBothPlaces()
{
    const Run result = run("host all all 127.0.0.1/32 reject\n", "postgresql://app:secret@localhost/appdb", {}, "");
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &d = result.diagnostics.first();
    QCOMPARE(d.file, QStringLiteral(".env"));
    QVERIFY(d.related.contains("pg_hba.conf:1"));
    QVERIFY(d.message.contains("line 1 (reject)"));
    QVERIFY(!d.message.contains("secret") && !d.suggestion.contains("secret"));

    const Run ssl
        = run("hostssl all all 127.0.0.1/32 scram-sha-256\n", "postgresql://app@localhost/appdb", {}, "ssl=off");
    QCOMPARE(ssl.diagnostics.size(), 1);
    QVERIFY(ssl.diagnostics.first().related.contains("postgresql.conf:7")); // where ssl = off is set
    QVERIFY(ssl.diagnostics.first().message.contains("ssl = off"));
}

void tst_AppHbaChecks::hostInSubnet_data()
{
    QTest::addColumn<QString>("cidr");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ipv4 /24") << "172.30.50.0/24" << 2 << "172.30.50.2";
    QTest::newRow("host bits cleared") << "10.1.2.3/8" << 1 << "10.0.0.1";
    QTest::newRow("ipv6 /64") << "fd00:1:2:3::/64" << 2 << "fd00:1:2:3::2";
    QTest::newRow("no prefix") << "172.30.50.0" << 1 << "";
    QTest::newRow("prefix too long") << "10.0.0.0/33" << 1 << "";
    QTest::newRow("not an address") << "backend/24" << 1 << "";
}

void tst_AppHbaChecks::hostInSubnet()
{
    QFETCH(QString, cidr);
    QFETCH(int, offset);
    QFETCH(QString, expected);
    const auto address = AppClientLocator::hostInSubnet(cidr, offset);
    QCOMPARE(address ? address->toString() : QString(), expected);
}

QTEST_GUILESS_MAIN(tst_AppHbaChecks)
#include "tst_apphbachecks.moc"
