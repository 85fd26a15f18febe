#include "base/secretmasker.h"

#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;

class tst_SecretMasker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void maskLine_data();
    void maskLine();
    void secretForms_data();
    void secretForms();
    void notSecrets_data();
    void notSecrets();
    void knownValues_data();
    void knownValues();
};

void tst_SecretMasker::maskLine_data()
{
    const QString m(6, SecretMasker::maskCharacter);
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("url") << QStringLiteral("DATABASE_URL=postgresql://appuser:devpass@localhost:5433/appdb")
                         << QStringLiteral("DATABASE_URL=postgresql://appuser:") + m + "@localhost:5433/appdb";
    QTest::newRow("url-with-var")
        << QStringLiteral("url: postgresql://appuser:${POSTGRES_APP_USER_PW}@postgres:5432/appdb")
        << QStringLiteral("url: postgresql://appuser:${POSTGRES_APP_USER_PW}@postgres:5432/appdb");
    QTest::newRow("url-no-password") << QStringLiteral("postgresql://appuser@host/db")
                                     << QStringLiteral("postgresql://appuser@host/db");
    QTest::newRow("env-password") << QStringLiteral("POSTGRES_PASSWORD=devpass")
                                  << QStringLiteral("POSTGRES_PASSWORD=") + m;
    QTest::newRow("env-pw-suffix") << QStringLiteral("APP_DB_USER_PW=devpass") << QStringLiteral("APP_DB_USER_PW=") + m;
    QTest::newRow("env-path-kept") << QStringLiteral("POSTGRES_APP_USER_PW=/run/secrets/postgres_app_user_pw")
                                   << QStringLiteral("POSTGRES_APP_USER_PW=/run/secrets/postgres_app_user_pw");
    QTest::newRow("yaml") << QStringLiteral("      POSTGRES_PASSWORD: devpass")
                          << QStringLiteral("      POSTGRES_PASSWORD: ") + m;
    QTest::newRow("quoted-with-comment") << QStringLiteral("DB_PASSWORD=\"s3cr3t\"  # prod")
                                         << QStringLiteral("DB_PASSWORD=\"") + m + "\"  # prod";
    QTest::newRow("non-secret") << QStringLiteral("APP_DB_USER=appuser") << QStringLiteral("APP_DB_USER=appuser");
    QTest::newRow("password-file-key")
        << QStringLiteral("user_pw_file_path: \"${DATABASE_PASSWORD_FILE_PATH:-/run/secrets/x}\"")
        << QStringLiteral("user_pw_file_path: \"${DATABASE_PASSWORD_FILE_PATH:-/run/secrets/x}\"");
}

void tst_SecretMasker::maskLine()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(SecretMasker::maskLine(input), expected);
}

// Issue 16 item 5: one rule set, one table of secret forms. Each row's secret must be gone from
// the masked line, and the row's `kept` text (names, hosts, paths, references) must stay.
void tst_SecretMasker::secretForms_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("kept");
    auto row = [](const char *name, const char *line, const char *secret, const char *kept) {
        QTest::newRow(name) << QString::fromUtf8(line) << QString::fromUtf8(secret) << QString::fromUtf8(kept);
    };
    row("env PASSWORD", "POSTGRES_PASSWORD=s3cr3t", "s3cr3t", "POSTGRES_PASSWORD=");
    row("env DB_PASS", "DB_PASS=s3cr3t", "s3cr3t", "DB_PASS=");
    row("env PGPASS", "PGPASS=s3cr3t", "s3cr3t", "PGPASS=");
    row("env MY_DB_PASS", "MY_DB_PASS=s3cr3t", "s3cr3t", "MY_DB_PASS=");
    row("env DB_PASS_WORD", "DB_PASS_WORD=s3cr3t", "s3cr3t", "DB_PASS_WORD=");
    row("env DB_CREDENTIALS", "DB_CREDENTIALS=s3cr3t", "s3cr3t", "DB_CREDENTIALS=");
    row("env PASSWD", "PASSWD=s3cr3t", "s3cr3t", "PASSWD=");
    row("env PASSPHRASE", "SSL_PASSPHRASE=s3cr3t", "s3cr3t", "SSL_PASSPHRASE=");
    row("env SECRET", "APP_SECRET=s3cr3t", "s3cr3t", "APP_SECRET=");
    row("env TOKEN", "GITHUB_TOKEN=s3cr3t", "s3cr3t", "GITHUB_TOKEN=");
    row("env API_KEY", "STRIPE_API_KEY=s3cr3t", "s3cr3t", "STRIPE_API_KEY=");
    row("env APIKEY", "APIKEY=s3cr3t", "s3cr3t", "APIKEY=");
    row("env PRIVATE_KEY", "PRIVATE_KEY=s3cr3t", "s3cr3t", "PRIVATE_KEY=");
    row("env _PW", "DB_PW=s3cr3t", "s3cr3t", "DB_PW=");
    row("env _PWD", "DB_PWD=s3cr3t", "s3cr3t", "DB_PWD=");
    row("env lower case", "db_password=s3cr3t", "s3cr3t", "db_password=");
    row("env export", "export PGPASSWORD=s3cr3t", "s3cr3t", "export PGPASSWORD=");
    row("env space unquoted", "DB_PASSWORD=two words", "two words", "DB_PASSWORD=");
    row("env double-quoted space", "DB_PASSWORD=\"two words\"", "two words", "DB_PASSWORD=\"");
    row("env single quote inside", "DB_PASSWORD=\"it's\"", "it's", "DB_PASSWORD=\"");
    row("env double quote inside", "DB_PASSWORD='say \"hi\"'", "say \"hi", "DB_PASSWORD='");
    row("env comment kept", "DB_PASSWORD=s3cr3t  # prod", "s3cr3t", "# prod");
    row("env default of reference", "DB_PASSWORD=${PGPASSWORD:-s3cr3t}", "s3cr3t", "${PGPASSWORD:-");
    row("env conninfo value", "DB_CONNINFO=\"host=db password=s3cr3t\"", "s3cr3t", "host=db password=");
    row("env conninfo quoted", "DB_CONNINFO=\"host=db password='two words'\"", "two words", "host=db");
    row("env conninfo sslpassword", "REPLICA_DSN=host=db sslpassword=s3cr3t", "s3cr3t", "host=db");
    row("yaml", "  password: s3cr3t", "s3cr3t", "password: ");
    row("yaml quoted", "  user_pw: \"two words\"", "two words", "user_pw: \"");
    row("compose list", "      - POSTGRES_PASSWORD=s3cr3t", "s3cr3t", "POSTGRES_PASSWORD=");
    row("compose list quoted", "      - \"POSTGRES_PASSWORD=s3cr3t\"", "s3cr3t", "\"POSTGRES_PASSWORD=");
    row("json", "  \"password\": \"s3cr3t\",", "s3cr3t", "\"password\": \"");
    row("ini", "password = s3cr3t", "s3cr3t", "password = ");
    row("url", "DATABASE_URL=postgresql://app:s3cr3t@db:5432/app", "s3cr3t", "@db:5432/app");
    row("url asyncpg", "postgresql+asyncpg://app:s3cr3t@db/app", "s3cr3t", "@db/app");
    row("url with @ in password", "postgresql://app:s3c@r3t@db/app", "s3c@r3t", "@db/app");
    row("url with space", "postgresql://app:two words@db/app", "two words", "@db/app");
    row("url with quotes", "postgresql://app:it's\"x@db/app", "it's\"x", "@db/app");
    row("url percent-encoded", "postgresql://app:s3c%40r3t@db/app", "s3c%40r3t", "@db/app");
    row("url query password", "postgresql://db/app?password=s3cr3t", "s3cr3t", "postgresql://db/app?password=");
    row("url query after others", "postgresql://db/app?sslmode=require&password=s3cr3t", "s3cr3t", "sslmode=require");
    row("url sslpassword", "postgresql://db/app?sslpassword=s3cr3t&x=1", "s3cr3t", "&x=1");
    row("jdbc query", "jdbc:postgresql://db/app?user=u&password=s3cr3t", "s3cr3t", "user=u");
    row("redis", "REDIS_URL=redis://:s3cr3t@cache:6379/0", "s3cr3t", "@cache:6379/0");
    row("conninfo", "host=db port=5432 password=s3cr3t dbname=app", "s3cr3t", "dbname=app");
    row("conninfo quoted", "host=db password='two words' dbname=app", "two words", "dbname=app");
    row("conninfo escaped quote", "host=db password='it\\'s' dbname=app", "it\\'s", "dbname=app");
    row("conninfo spaces around =", "host=db password = s3cr3t", "s3cr3t", "host=db");
}

void tst_SecretMasker::secretForms()
{
    QFETCH(QString, line);
    QFETCH(QString, secret);
    QFETCH(QString, kept);
    const QString masked = SecretMasker::maskLine(line);
    QVERIFY2(!masked.contains(secret), qPrintable(masked));
    QVERIFY2(masked.contains(kept), qPrintable(masked));
    QVERIFY2(masked.contains(SecretMasker::placeholder()), qPrintable(masked));
    // The value masker masks the same lines the same way (it adds known values on top).
    QCOMPARE(SecretMasker().mask(line), masked);
}

void tst_SecretMasker::notSecrets_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("path") << QStringLiteral("POSTGRES_PASSWORD_FILE=/run/secrets/pw");
    QTest::newRow("reference") << QStringLiteral("url: postgresql://app:${PW}@db/app");
    QTest::newRow("bypass") << QStringLiteral("BYPASS_CACHE=true");
    QTest::newRow("compass") << QStringLiteral("COMPASS_URL=http://x");
    QTest::newRow("pgpassfile") << QStringLiteral("PGPASSFILE=pgpass");
    QTest::newRow("no password") << QStringLiteral("postgresql://app@db:5432/app");
    QTest::newRow("port") << QStringLiteral("postgresql://db:5432/app");
    QTest::newRow("user") << QStringLiteral("APP_DB_USER=appuser");
}

void tst_SecretMasker::notSecrets()
{
    QFETCH(QString, line);
    QCOMPARE(SecretMasker::maskLine(line), line);
}

// Issue 16 item 4: libpq's parse errors quote the token they could not read; the masker that
// knows the connection string's password masks it wherever it appears.
void tst_SecretMasker::knownValues_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("secret");
    QTest::newRow("bad percent") << QStringLiteral("postgresql://u:Leak1%zzS3cret@h/db")
                                 << QStringLiteral("invalid percent-encoded token: \"Leak1%zzS3cret\"")
                                 << QStringLiteral("S3cret");
    QTest::newRow("%00") << QStringLiteral("postgresql://u:Leak%00S3cret@h/db")
                         << QStringLiteral("forbidden value %00 in percent-encoded value: \"Leak%00S3cret\"")
                         << QStringLiteral("S3cret");
    QTest::newRow("missing =") << QStringLiteral("host=h password=Leak S3cret dbname=x")
                               << QStringLiteral("missing \"=\" after \"S3cret\" in connection info string")
                               << QStringLiteral("S3cret");
    QTest::newRow("decoded") << QStringLiteral("postgresql://u:S3cret%21@h/db")
                             << QStringLiteral("password authentication failed: S3cret!") << QStringLiteral("S3cret!");
    QTest::newRow("query") << QStringLiteral("postgresql://h/db?password=S3cret%zz")
                           << QStringLiteral("invalid percent-encoded token: \"S3cret%zz\"")
                           << QStringLiteral("S3cret");
    QTest::newRow("slash splits") << QStringLiteral("postgresql://u:ab/S3cret@h/db")
                                  << QStringLiteral("invalid port number: \"ab\" and \"S3cret@h\"")
                                  << QStringLiteral("S3cret");
    QTest::newRow("short quoted") << QStringLiteral("host=h password=ab cd")
                                  << QStringLiteral("missing \"=\" after \"cd\" in connection info string")
                                  << QStringLiteral("\"cd\"");
    QTest::newRow("quoted unescaped") << QStringLiteral("host=h password='it\\'s S3cret'")
                                      << QStringLiteral("rejected \"it's S3cret\"") << QStringLiteral("S3cret");
}

void tst_SecretMasker::knownValues()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, message);
    QFETCH(QString, secret);
    SecretMasker masker;
    masker.addSecretsFrom(conninfo);
    const QString masked = masker.mask(message);
    QVERIFY2(!masked.contains(secret), qPrintable(masked));
    QVERIFY2(masked.contains(SecretMasker::placeholder()), qPrintable(masked));
    QVERIFY2(!masker.mask(conninfo).contains(secret), qPrintable(masker.mask(conninfo)));
}

QTEST_APPLESS_MAIN(tst_SecretMasker)
#include "tst_secretmasker.moc"
