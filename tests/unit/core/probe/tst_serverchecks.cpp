#include "probe/serverchecks.h"

#include <QTest>

using pgdial::core::probe::ServerChecks;

// postgresql.conf values against pg_settings' setting in its own unit.
class tst_ServerChecks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSetting_data();
    void sameSetting();
};

void tst_ServerChecks::sameSetting_data()
{
    QTest::addColumn<QString>("fileValue");
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("vartype");
    QTest::addColumn<bool>("same");
    QTest::newRow("shared_buffers MB vs 8kB") << "128MB"
                                              << "16384"
                                              << "8kB"
                                              << "integer" << true;
    QTest::newRow("shared_buffers GB vs 8kB") << "1GB"
                                              << "131072"
                                              << "8kB"
                                              << "integer" << true;
    QTest::newRow("work_mem differs") << "64MB"
                                      << "4096"
                                      << "kB"
                                      << "integer" << false;
    QTest::newRow("no unit means the setting's unit") << "4096"
                                                      << "4096"
                                                      << "kB"
                                                      << "integer" << true;
    QTest::newRow("time in s vs ms") << "30s"
                                     << "30000"
                                     << "ms"
                                     << "integer" << true;
    QTest::newRow("time in min vs s") << "5min"
                                      << "300"
                                      << "s"
                                      << "integer" << true;
    QTest::newRow("memory unit for a time setting") << "5MB"
                                                    << "300"
                                                    << "s"
                                                    << "integer" << false;
    QTest::newRow("bool on/true") << "true"
                                  << "on"
                                  << ""
                                  << "bool" << true;
    QTest::newRow("bool off/on") << "off"
                                 << "on"
                                 << ""
                                 << "bool" << false;
    QTest::newRow("enum case") << "Replica"
                               << "replica"
                               << ""
                               << "enum" << true;
    QTest::newRow("real") << "0.9"
                          << "0.9"
                          << ""
                          << "real" << true;
    QTest::newRow("string differs") << "'*'"
                                    << "localhost"
                                    << ""
                                    << "string" << false;
}

void tst_ServerChecks::sameSetting()
{
    QFETCH(QString, fileValue);
    QFETCH(QString, setting);
    QFETCH(QString, unit);
    QFETCH(QString, vartype);
    QFETCH(bool, same);
    QCOMPARE(ServerChecks::sameSetting(fileValue, setting, unit, vartype), same);
}

QTEST_GUILESS_MAIN(tst_ServerChecks)
#include "tst_serverchecks.moc"
