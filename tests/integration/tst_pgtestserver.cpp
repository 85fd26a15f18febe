#include "support/pgtestserver.h"

#include <QTest>

using pgdial::test::PgInstallation;
using pgdial::test::PgTestServer;

// The throwaway server the integration suites rely on: it starts, answers, and cleans up.
class tst_PgTestServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startQueryStop();
    void everyAvailableMajorStarts_data();
    void everyAvailableMajorStarts();
};

void tst_PgTestServer::startQueryStop()
{
    QString dataDir;
    {
        PgTestServer server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        dataDir = server.dataDir();
        const auto version = server.query(QStringLiteral("select current_setting('server_version_num')::int / 10000"));
        QVERIFY2(version.ok, qPrintable(version.error));
        QCOMPARE(version.rows.first().first().toInt(), server.major());
        const auto listen = server.query(QStringLiteral("select current_setting('listen_addresses')"));
        QCOMPARE(listen.rows.first().first(), QStringLiteral("127.0.0.1"));
        if (PgTestServer::runsAsOtherUser()) {
            const auto owner = server.query(QStringLiteral("select current_user"));
            QCOMPARE(owner.rows.first().first(), QStringLiteral("postgres"));
        }
    }
    QVERIFY(!QFileInfo::exists(dataDir));
}

void tst_PgTestServer::everyAvailableMajorStarts_data()
{
    QTest::addColumn<int>("major");
    for (const PgInstallation &installation : PgInstallation::available())
        QTest::newRow(qPrintable(QStringLiteral("pg%1").arg(installation.major))) << installation.major;
}

void tst_PgTestServer::everyAvailableMajorStarts()
{
    QFETCH(int, major);
    PgTestServer server(PgTestServer::Options {major, {}, QStringLiteral("postgres"), true});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    const auto version = server.query(QStringLiteral("select current_setting('server_version_num')::int / 10000"));
    QVERIFY2(version.ok, qPrintable(version.error));
    QCOMPARE(version.rows.first().first().toInt(), major);
}

QTEST_GUILESS_MAIN(tst_PgTestServer)
#include "tst_pgtestserver.moc"
