#include "pgconf/parametercatalog.h"

#include <QTest>

using namespace pgdial::core::pgconf;

// The compiled-in catalog: every supported major loads, lookups work like the server's.
class tst_ParameterCatalog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMajorLoads_data();
    void everyMajorLoads();
    void caseInsensitiveLookup();
    void legacyAliases_data();
    void legacyAliases();
    void versionsHaving_data();
    void versionsHaving();
    void hiddenEnumValues();
    void hiddenParameters_data();
    void hiddenParameters();
    void facts();
    void closestNames_data();
    void closestNames();
    void outOfRangeMajorFallsBack();
};

void tst_ParameterCatalog::everyMajorLoads_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("count");
    QTest::newRow("13") << 13 << 337;
    QTest::newRow("14") << 14 << 352;
    QTest::newRow("15") << 15 << 360;
    QTest::newRow("16") << 16 << 368;
    QTest::newRow("17") << 17 << 384;
    QTest::newRow("18") << 18 << 404;
}

void tst_ParameterCatalog::everyMajorLoads()
{
    QFETCH(int, major);
    QFETCH(int, count);
    const ParameterCatalog &catalog = ParameterCatalog::forVersion(major);
    QCOMPARE(catalog.major(), major);
    QCOMPARE(catalog.parameters().size(), count);
    const ParameterInfo *sharedBuffers = catalog.find("shared_buffers");
    QVERIFY(sharedBuffers);
    QVERIFY(!sharedBuffers->shortDescription.isEmpty());
    QVERIFY(!sharedBuffers->category.isEmpty());
}

void tst_ParameterCatalog::caseInsensitiveLookup()
{
    const ParameterCatalog &catalog = ParameterCatalog::forVersion(17);
    QVERIFY(catalog.find("SHARED_BUFFERS"));
    QCOMPARE(catalog.find("timezone")->name, QStringLiteral("TimeZone"));
    QCOMPARE(catalog.find("Log_Min_Duration_Statement")->name, QStringLiteral("log_min_duration_statement"));
    QVERIFY(!catalog.find("\xC3\xA9work_mem"));
    QVERIFY(!catalog.find("work-mem"));
}

void tst_ParameterCatalog::legacyAliases_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("target");
    QTest::newRow("sort_mem 13") << 13 << "sort_mem"
                                 << "work_mem";
    QTest::newRow("vacuum_mem 17") << 17 << "VACUUM_MEM"
                                   << "maintenance_work_mem";
    QTest::newRow("ssl_ecdh_curve 18") << 18 << "ssl_ecdh_curve"
                                       << "ssl_groups";
    QTest::newRow("ssl_ecdh_curve is real in 17") << 17 << "ssl_ecdh_curve"
                                                  << "ssl_ecdh_curve";
}

void tst_ParameterCatalog::legacyAliases()
{
    QFETCH(int, major);
    QFETCH(QString, alias);
    QFETCH(QString, target);
    const ParameterInfo *info = ParameterCatalog::forVersion(major).find(alias);
    QVERIFY(info);
    QCOMPARE(info->name, target);
}

void tst_ParameterCatalog::versionsHaving_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<int>>("versions");
    QTest::newRow("stats_temp_directory") << "stats_temp_directory" << QList<int> {13, 14};
    QTest::newRow("force_parallel_mode") << "force_parallel_mode" << QList<int> {13, 14, 15};
    QTest::newRow("debug_parallel_query") << "debug_parallel_query" << QList<int> {16, 17, 18};
    QTest::newRow("old_snapshot_threshold") << "old_snapshot_threshold" << QList<int> {13, 14, 15, 16};
    QTest::newRow("ssl_groups") << "ssl_groups" << QList<int> {18};
    QTest::newRow("ssl_ecdh_curve (alias in 18)") << "ssl_ecdh_curve" << QList<int> {13, 14, 15, 16, 17, 18};
    QTest::newRow("nonsense") << "shared_bufers" << QList<int> {};
}

void tst_ParameterCatalog::versionsHaving()
{
    QFETCH(QString, name);
    QFETCH(QList<int>, versions);
    QCOMPARE(ParameterCatalog::versionsHaving(name), versions);
}

void tst_ParameterCatalog::hiddenParameters_data()
{
    QTest::addColumn<int>("major");
    for (int major : ParameterCatalog::supportedVersions())
        QTest::addRow("%d", major) << major;
}

// Names pg_settings never lists are in the catalog all the same, marked hidden; the compatibility
// relics also obsolete, with the only settings the server lets through. "Did you mean" never
// proposes them.
void tst_ParameterCatalog::hiddenParameters()
{
    QFETCH(int, major);
    const ParameterCatalog &catalog = ParameterCatalog::forVersion(major);
    QStringList hidden;
    for (const ParameterInfo &info : catalog.parameters()) {
        if (info.hidden)
            hidden.append(info.name);
    }
    QCOMPARE(hidden,
             QStringList({"default_with_oids", "is_superuser", "role", "seed", "session_authorization",
                          "ssl_renegotiation_limit"}));
    const ParameterInfo *oids = catalog.find("DEFAULT_WITH_OIDS");
    QVERIFY(oids && oids->obsolete && oids->hidden);
    QCOMPARE(oids->type, ParameterType::Bool);
    QCOMPARE(oids->acceptedSettings, QStringList {"off"});
    QVERIFY(!oids->refusalMessage.isEmpty());
    QVERIFY(!oids->shortDescription.isEmpty());
    const ParameterInfo *renegotiation = catalog.find("ssl_renegotiation_limit");
    QVERIFY(renegotiation && renegotiation->obsolete);
    QCOMPARE(renegotiation->min, 0.0);
    QCOMPARE(renegotiation->max, 0.0);
    QVERIFY(!catalog.find("seed")->obsolete);
    QVERIFY(!catalog.closestNames("ssl_renegotiation_limits").contains("ssl_renegotiation_limit"));
    QVERIFY(!catalog.find("shared_buffers")->hidden);
}

void tst_ParameterCatalog::hiddenEnumValues()
{
    const ParameterInfo *walLevel = ParameterCatalog::forVersion(16).find("wal_level");
    QVERIFY(walLevel);
    QCOMPARE(walLevel->type, ParameterType::Enum);
    QVERIFY(walLevel->hiddenEnumValues.contains("hot_standby"));
    QCOMPARE(walLevel->hiddenEnumTargets.value("archive"), QStringLiteral("replica"));
    const ParameterInfo *walCompression14 = ParameterCatalog::forVersion(14).find("wal_compression");
    QCOMPARE(walCompression14->type, ParameterType::Bool);
    const ParameterInfo *walCompression15 = ParameterCatalog::forVersion(15).find("wal_compression");
    QCOMPARE(walCompression15->type, ParameterType::Enum);
    QCOMPARE(walCompression15->hiddenEnumTargets.value("1"), QStringLiteral("pglz"));
}

void tst_ParameterCatalog::facts()
{
    const ParameterCatalog &catalog = ParameterCatalog::forVersion(15);
    const ParameterInfo *sharedBuffers = catalog.find("shared_buffers");
    QCOMPARE(sharedBuffers->unit, QStringLiteral("8kB"));
    QCOMPARE(sharedBuffers->min, 16.0);
    QCOMPARE(sharedBuffers->max, 1073741823.0);
    QVERIFY(sharedBuffers->needsRestart());
    QVERIFY(sharedBuffers->inSample);
    QVERIFY(sharedBuffers->isMemoryUnit());
    QCOMPARE(catalog.find("work_mem")->context, ParameterContext::User);
    QCOMPARE(catalog.find("block_size")->context, ParameterContext::Internal);
    QVERIFY(catalog.find("checkpoint_timeout")->isTimeUnit());
    QCOMPARE(ParameterCatalog::forVersion(18).find("log_connections")->type, ParameterType::String);
    QCOMPARE(ParameterCatalog::forVersion(13).find("restore_command")->context, ParameterContext::Postmaster);
    QCOMPARE(ParameterCatalog::forVersion(14).find("restore_command")->context, ParameterContext::Sighup);
}

void tst_ParameterCatalog::closestNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("best");
    QTest::newRow("missing letter") << "shared_bufers"
                                    << "shared_buffers";
    QTest::newRow("dash") << "work-mem"
                          << "work_mem";
    QTest::newRow("upper case") << "MAX_CONNECTION"
                                << "max_connections";
    QTest::newRow("transposition") << "efective_cache_size"
                                   << "effective_cache_size";
}

void tst_ParameterCatalog::closestNames()
{
    QFETCH(QString, name);
    QFETCH(QString, best);
    const QStringList names = ParameterCatalog::forVersion(17).closestNames(name);
    QVERIFY(!names.isEmpty());
    QCOMPARE(names.first(), best);
    QVERIFY(ParameterCatalog::forVersion(17).closestNames("zzzzzzzzzzzzzzzzzzzz").isEmpty());
}

void tst_ParameterCatalog::outOfRangeMajorFallsBack()
{
    QCOMPARE(ParameterCatalog::forVersion(12).major(), 13);
    QCOMPARE(ParameterCatalog::forVersion(19).major(), 18);
}

QTEST_GUILESS_MAIN(tst_ParameterCatalog)
#include "tst_parametercatalog.moc"
