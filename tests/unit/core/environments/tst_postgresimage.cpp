#include "environments/postgresimage.h"

#include <QTest>

using namespace pgdial::core::environments;

class tst_PostgresImage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void major_data();
    void major();
    void looksLikePostgres();
};

void tst_PostgresImage::major_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<int>("major"); // 0: unknown
    QTest::addColumn<QString>("reason");
    QTest::newRow("alpine") << "postgres:16-alpine" << 16 << "";
    QTest::newRow("plain major") << "postgres:17" << 17 << "";
    QTest::newRow("minor") << "postgres:16.4-bookworm" << 16 << "";
    QTest::newRow("postgis major first") << "postgis/postgis:15-3.4" << 15 << "";
    QTest::newRow("registry with port") << "registry.example.com:5000/db/postgres:14" << 14 << "";
    QTest::newRow("bitnami") << "bitnami/postgresql:16.1.0" << 16 << "";
    QTest::newRow("timescale pg suffix") << "timescale/timescaledb:latest-pg16" << 16 << "";
    QTest::newRow("tag and digest") << "postgres:13@sha256:0123abcd" << 13 << "";
    QTest::newRow("digest only") << "postgres@sha256:0123abcd" << 0 << "digest";
    QTest::newRow("latest") << "postgres:latest" << 0 << "latest";
    QTest::newRow("no tag") << "postgres" << 0 << "no tag";
    QTest::newRow("alpine only") << "postgres:alpine" << 0 << "tag names no version";
}

void tst_PostgresImage::major()
{
    QFETCH(QString, image);
    QFETCH(int, major);
    QFETCH(QString, reason);
    const PostgresImage parsed = PostgresImage::parse(image);
    QCOMPARE(parsed.major.value_or(0), major);
    QCOMPARE(parsed.unknownReason, reason);
}

void tst_PostgresImage::looksLikePostgres()
{
    QVERIFY(PostgresImage::looksLikePostgres(QStringLiteral("postgres:16-alpine")));
    QVERIFY(PostgresImage::looksLikePostgres(QStringLiteral("postgis/postgis:15-3.4")));
    QVERIFY(PostgresImage::looksLikePostgres(QStringLiteral("bitnami/postgresql:16")));
    QVERIFY(!PostgresImage::looksLikePostgres(QStringLiteral("temporalio/auto-setup:1.24")));
    QVERIFY(!PostgresImage::looksLikePostgres(QStringLiteral("python:3.12")));
}

QTEST_GUILESS_MAIN(tst_PostgresImage)
#include "tst_postgresimage.moc"
