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
    QTest::newRow("alpine with its version") << "postgres:16-alpine3.20" << 16 << "";
    QTest::newRow("docker.io library path") << "docker.io/library/postgres:15.6" << 15 << "";
    QTest::newRow("cloudnative-pg") << "ghcr.io/cloudnative-pg/postgresql:16.2" << 16 << "";
    QTest::newRow("postgis latest") << "postgis/postgis:latest" << 0 << "latest";
    QTest::newRow("postgis digest only") << "postgis/postgis@sha256:0123abcd" << 0 << "digest";
    QTest::newRow("beta") << "postgres:18beta1" << 18 << "";
    QTest::newRow("release candidate") << "postgres:17rc1-alpine" << 17 << "";
    QTest::newRow("a date is no beta") << "postgres:2024beta" << 0 << "tag names no version";
    // Before 10 a major had two numbers; pgdial names it by the first (and supports none of them).
    QTest::newRow("pre-10 major") << "postgres:9.6" << 9 << "";
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
