#include "support/clirunner.h"
#include "support/pgtestserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using pgdial::test::runCli;
using namespace Qt::StringLiterals;

// Issue 16 items 4-5: no secret is ever printed, in any output of any command. Every secret
// below is a distinct token (Qz..k) so a leak names the form that leaked.
class tst_CliSecrets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionStrings_data();
    void connectionStrings();
    void projectFiles();

private:
    static void verifyHidden(const QByteArray &output, const QStringList &secrets, const QString &what);
};

namespace {

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key : environment.keys())
        if (key.startsWith(u"PG"_s) || key.contains(u"PASS"_s) || key.startsWith(u"DATABASE"_s)
            || key.startsWith(u"APP_"_s))
            environment.remove(key);
    return environment;
}

} // namespace

void tst_CliSecrets::verifyHidden(const QByteArray &output, const QStringList &secrets, const QString &what)
{
    for (const QString &secret : secrets)
        QVERIFY2(!output.contains(secret.toUtf8()),
                 qPrintable(QStringLiteral("%1 shows \"%2\":\n%3").arg(what, secret, QString::fromUtf8(output))));
}

// Connection strings libpq refuses (its errors quote the token it could not read) or accepts,
// through url, probe and probe --admin (the superuser's password, in the checks stage).
void tst_CliSecrets::connectionStrings_data()
{
    const QString port = QString::number(pgdial::test::PgTestServer::freePort());
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QStringList>("secrets");
    auto row = [&](const char *name, QString conninfo, const QStringList &secrets) {
        QTest::newRow(name) << conninfo.replace(u"PORT"_s, port) << secrets;
    };
    row("uri bad percent", "postgresql://u:Leak1%zzQz01k@127.0.0.1:PORT/db", {"Qz01k", "Leak1"});
    row("uri %00", "postgresql://u:Leak2%00Qz02k@127.0.0.1:PORT/db", {"Qz02k", "Leak2"});
    row("uri space", "postgresql://u:Leak3 Qz03k@127.0.0.1:PORT/db", {"Qz03k", "Leak3"});
    row("uri quotes", "postgresql://u:Le'ak4\"Qz04k@127.0.0.1:PORT/db", {"Qz04k", "Le'ak4"});
    row("uri query password", "postgresql://u@127.0.0.1:PORT/db?password=Leak5Qz05k&sslmode=bogus", {"Qz05k"});
    row("uri query bad percent", "postgresql://u@127.0.0.1:PORT/db?password=Leak6%zzQz06k", {"Qz06k", "Leak6"});
    row("uri sslpassword", "postgresql://u@127.0.0.1:PORT/db?sslpassword=Leak7Qz07k", {"Qz07k"});
    row("uri asyncpg", "postgresql+asyncpg://u:Leak8Qz08k@127.0.0.1:PORT/db", {"Qz08k"});
    row("uri bad port", "postgresql://u:Leak9%zzQz09k@127.0.0.1:notaport/db", {"Qz09k", "Leak9"});
    row("uri slash in password", "postgresql://u:Leak10/Qz10k@127.0.0.1:PORT/db", {"Qz10k", "Leak10"});
    row("kv missing =", "host=127.0.0.1 port=PORT password=Leak11 Qz11k dbname=x", {"Qz11k", "Leak11"});
    row("kv quoted space", "host=127.0.0.1 port=PORT password='Leak12 Qz12k' sslmode=bogus", {"Qz12k", "Leak12"});
    row("kv quoted quote", "host=127.0.0.1 port=PORT password='Leak13\\'Qz13k' sslmode=bogus", {"Qz13k"});
    row("kv unterminated", "host=127.0.0.1 port=PORT password='Leak14 Qz14k", {"Qz14k", "Leak14"});
    row("kv sslpassword", "host=127.0.0.1 port=PORT sslpassword=Leak15Qz15k", {"Qz15k"});
    row("kv bad option", "host=127.0.0.1 port=PORT password=Leak16Qz16k bogus=1", {"Qz16k"});
    row("kv refused", "host=127.0.0.1 port=PORT user=u password=Leak17Qz17k", {"Qz17k"});
}

void tst_CliSecrets::connectionStrings()
{
    QFETCH(QString, conninfo);
    QFETCH(QStringList, secrets);
    const QString port = QString::number(pgdial::test::PgTestServer::freePort());
    const QString reachable = QStringLiteral("host=127.0.0.1 port=%1 user=app connect_timeout=2").arg(port);
    const QList<QStringList> commands {
        {"url", conninfo},
        {"url", "--json", conninfo},
        {"probe", conninfo},
        {"probe", "--json", conninfo},
        {"probe", reachable, "--admin", conninfo},
        {"probe", "--json", reachable, "--admin", conninfo},
    };
    for (const QStringList &arguments : commands) {
        const auto run = runCli(arguments, {}, cleanEnvironment());
        QVERIFY2(!run.crashed, qPrintable(arguments.join(u' ')));
        verifyHidden(run.out + run.err, secrets, arguments.first() + u' ' + arguments.value(1));
    }
}

// Secrets in a project's .env and config.yaml, through env (text, JSON) and check (text, JSON, SARIF).
void tst_CliSecrets::projectFiles()
{
    QTemporaryDir dir;
    const QByteArray env = "POSTGRES_PASSWORD=Qz20k\n"
                           "DB_PASS=Qz21k\n"
                           "PGPASS=Qz22k\n"
                           "MY_DB_PASS=Qz23k\n"
                           "DB_PASS_WORD=Qz24k\n"
                           "DB_CREDENTIALS=Qz25k\n"
                           "DB_PASSWORD2=\"Qz26k with space\"\n"
                           "DB_PASSWORD3='Qz27k\"quote'\n"
                           "APP_SECRET=Qz28k\n"
                           "API_KEY=Qz29k\n"
                           "AUTH_TOKEN=Qz30k\n"
                           "DB_PW=Qz31k\n"
                           "DB_PWD=Qz32k\n"
                           "DATABASE_URL=postgresql://u:Qz33k@db:5432/app\n"
                           "DATABASE_URL2=\"postgresql://u:Qz34k x@db:5432/app\"\n"
                           "DATABASE_URL3=postgresql://db/app?password=Qz35k\n"
                           "DATABASE_URL4=postgresql://db/app?sslmode=require&password=Qz36k\n"
                           "DB_CONNINFO=\"host=db password=Qz37k\"\n"
                           "DB_CONNINFO2=\"host=db password='Qz38k y'\"\n"
                           "REPLICA_DSN=host=db sslpassword=Qz39k\n"
                           "export EXPORTED_PASSWORD=Qz40k\n"
                           "PASSWD=Qz41k\n"
                           "PASSPHRASE=Qz42k\n"
                           "PRIVATE_KEY=Qz43k\n"
                           "ASYNC_URL=postgresql+asyncpg://u:Qz44k%40x@db/app\n"
                           "PGPASSWORD=Qz45k\n"
                           "db_password=Qz46k\n"
                           "DB_PASSWORD_DEFAULT=${SOMETHING:-Qz47k}\n"
                           "GITHUB_TOKEN=Qz48k\n"
                           "SECRET_KEY_BASE=Qz49k\n"
                           "REDIS_URL=redis://:Qz50k@cache:6379/0\n"
                           "AMQP_URL=amqp://u:Qz51k@mq/vhost\n"
                           "DB_PASSWORD4=Qz52k  # a comment\n"
                           "JDBC_URL=jdbc:postgresql://db/app?user=u&password=Qz53k\n"
                           "PG_CREDENTIALS=Qz54k\n"
                           "URL_QUOTED='postgresql://u:Qz55k@db/app'\n"
                           "DB_PASSWORD5=Qz56k==\n"
                           "DB_PASSWORD=Qz57k\n"
                           "DB_PASSWORD=Qz58k\n"; // a duplicate: its diagnostic must not quote either
    const QByteArray config = "database:\n"
                              "  url: \"postgresql://u:Qz60k@db:5432/app\"\n"
                              "  password: Qz61k\n"
                              "  user_pw: \"Qz62k with space\"\n"
                              "  pool_size: 5\n";
    for (const auto &[name, bytes] : {std::pair {".env", env}, std::pair {"config.yaml", config}}) {
        QFile file(dir.filePath(QString::fromLatin1(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    QStringList secrets;
    for (int i = 20; i <= 62; ++i)
        if (i <= 58 || i >= 60)
            secrets.append(QStringLiteral("Qz%1k").arg(i));
    QVERIFY(secrets.size() >= 40);
    const QList<QStringList> commands {
        {"env", dir.path(), "--ignore-environment"},
        {"env", dir.path(), "--ignore-environment", "--json"},
        {"check", dir.path()},
        {"check", dir.path(), "--format", "json"},
        {"check", dir.path(), "--format", "sarif"},
    };
    for (const QStringList &arguments : commands) {
        const auto run = runCli(arguments, {}, cleanEnvironment());
        QVERIFY2(!run.crashed, qPrintable(arguments.join(u' ')));
        verifyHidden(run.out + run.err, secrets, arguments.join(u' '));
    }
    // The names stay visible: only values are hidden.
    const auto shown = runCli({"env", dir.path(), "--ignore-environment"}, {}, cleanEnvironment());
    for (const char *name : {"DB_PASS=", "PGPASS=", "MY_DB_PASS=", "DB_PASS_WORD=", "DB_CREDENTIALS="})
        QVERIFY2(shown.out.contains(name), shown.out.constData());
}

QTEST_GUILESS_MAIN(tst_CliSecrets)
#include "tst_cli_secrets.moc"
