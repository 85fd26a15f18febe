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

QTEST_APPLESS_MAIN(tst_SecretMasker)
#include "tst_secretmasker.moc"
