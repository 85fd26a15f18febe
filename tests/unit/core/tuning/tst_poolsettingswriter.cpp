// PoolSettingsWriter and ProjectPoolSettings: pool values read through the appconfig and pgconf
// engines, and written back as lossless edits (the bytes after applying them are compared whole).
#include "project/project.h"
#include "tuning/poolsettingswriter.h"
#include "tuning/projectpoolsettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::tuning;

namespace {

using Files = QList<QPair<QString, QByteArray>>;

std::optional<Project> openProject(const QTemporaryDir &dir, const Files &files)
{
    for (const auto &[name, bytes] : files) {
        const QString path = dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return std::nullopt;
        file.write(bytes);
    }
    Result<Project> project = Project::open(dir.path());
    if (!project)
        return std::nullopt;
    return std::move(*project);
}

// The file's bytes after applying `edits` in order.
QByteArray applied(const Project &project, const PoolFileEdit &change)
{
    TextDocument document = *project.findFile(change.file)->document;
    for (const LineEdit &edit : change.edits)
        document.apply(edit);
    return document.toBytes();
}

} // namespace

class tst_PoolSettingsWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appConfig_data();
    void appConfig();
    void refusals_data();
    void refusals();
    void alreadyHolds();
    void envOverrideIsNoted();
    void serverEdits_data();
    void serverEdits();
    void readsProvenanceAndUnsavedEdits();
    void writesPoolTimeout();
};

void tst_PoolSettingsWriter::appConfig_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("plain numbers keep their comments")
        << QByteArray("database:\n  pool_size: 20   # base\n  max_overflow: 10 # burst\n")
        << QByteArray("database:\n  pool_size: 4   # base\n  max_overflow: 2 # burst\n");
    QTest::newRow("double-quoted default")
        << QByteArray("database:\n  pool_size: \"${APP_POOL:-10}\"\n  max_overflow: 10\n")
        << QByteArray("database:\n  pool_size: \"${APP_POOL:-4}\"\n  max_overflow: 2\n");
    QTest::newRow("single-quoted and plain defaults")
        << QByteArray("database:\n  pool_size: '${APP_POOL:-10}'\n  max_overflow: ${APP_OVERFLOW-5} # x\n")
        << QByteArray("database:\n  pool_size: '${APP_POOL:-4}'\n  max_overflow: ${APP_OVERFLOW-2} # x\n");
    QTest::newRow("nested default")
        << QByteArray("database:\n  pool_size: \"${POOL:-${DEFAULT_POOL:-10}}\"\n  max_overflow: 2\n")
        << QByteArray("database:\n  pool_size: \"${POOL:-${DEFAULT_POOL:-4}}\"\n  max_overflow: 2\n");
    QTest::newRow("quoted number stays quoted") << QByteArray("database:\n  pool_size: \"20\"\n  max_overflow: '10'\n")
                                                << QByteArray("database:\n  pool_size: \"4\"\n  max_overflow: '2'\n");
    QTest::newRow("CRLF endings") << QByteArray("database:\r\n  pool_size: 20\r\n  max_overflow: 10\r\n")
                                  << QByteArray("database:\r\n  pool_size: 4\r\n  max_overflow: 2\r\n");
    QTest::newRow("missing key added under the last known one, same indent")
        << QByteArray(
               "database:\n    url: postgresql://h/db\n    pool_size: 20\n    echo: true\nlogging:\n  level: INFO\n")
        << QByteArray("database:\n    url: postgresql://h/db\n    pool_size: 4\n    max_overflow: 2\n    echo: true\n"
                      "logging:\n  level: INFO\n");
    QTest::newRow("both missing, no known key yet")
        << QByteArray("# app\ndatabase:   # the database\n  echo: true\n")
        << QByteArray("# app\ndatabase:   # the database\n  pool_size: 4\n  max_overflow: 2\n  echo: true\n");
    QTest::newRow("flow mapping with both keys") << QByteArray("database: {pool_size: 20, max_overflow: 10}\n")
                                                 << QByteArray("database: {pool_size: 4, max_overflow: 2}\n");
}

void tst_PoolSettingsWriter::appConfig()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QTemporaryDir dir;
    const auto project = openProject(dir, {{QStringLiteral("config.yaml"), before}});
    QVERIFY(project);
    const Result<PoolFileEdit> change = PoolSettingsWriter::appConfigEdits(*project, {4, 2, {}});
    QVERIFY2(change, change ? "" : qPrintable(change.error().message));
    QCOMPARE(change->file, QStringLiteral("config.yaml"));
    QCOMPARE(applied(*project, *change), after);
    QVERIFY(change->notes.isEmpty());
}

void tst_PoolSettingsWriter::refusals_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("code");
    QTest::newRow("expression without default")
        << QByteArray("database:\n  pool_size: ${APP_POOL}\n  max_overflow: 1\n") << "pool.not-editable";
    QTest::newRow("required variable") << QByteArray(
        "database:\n  pool_size: \"${APP_POOL:?set it}\"\n  max_overflow: 1\n")
                                       << "pool.not-editable";
    QTest::newRow("alias") << QByteArray("base: &p 20\ndatabase:\n  pool_size: *p\n  max_overflow: 1\n")
                           << "pool.not-editable";
    QTest::newRow("flow mapping missing a key") << QByteArray("database: {pool_size: 20}\n") << "pool.not-editable";
    QTest::newRow("no database section") << QByteArray("app:\n  workers: 2\n") << "pool.no-database-section";
}

void tst_PoolSettingsWriter::refusals()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, code);
    QTemporaryDir dir;
    const auto project = openProject(dir, {{QStringLiteral("config.yaml"), config}});
    QVERIFY(project);
    const Result<PoolFileEdit> change = PoolSettingsWriter::appConfigEdits(*project, {4, 2, {}});
    QVERIFY(!change);
    QCOMPARE(change.error().code, code);

    QTemporaryDir empty;
    const auto none = openProject(empty, {{QStringLiteral("postgresql.conf"), "max_connections = 10\n"}});
    QVERIFY(none);
    QCOMPARE(PoolSettingsWriter::appConfigEdits(*none, {4, 2, {}}).error().code, QStringLiteral("pool.no-app-config"));
}

// pool --apply passes the guide's pool_timeout too: a different value is rewritten in place, an
// equal one leaves the line alone.
void tst_PoolSettingsWriter::writesPoolTimeout()
{
    QTemporaryDir dir;
    const auto project
        = openProject(dir,
                      {{QStringLiteral("config.yaml"),
                        QByteArray("database:\n  pool_size: 20\n  max_overflow: 10\n  pool_timeout: 10 # s\n")}});
    QVERIFY(project);
    const Result<PoolFileEdit> change = PoolSettingsWriter::appConfigEdits(*project, {4, 2, 30});
    QVERIFY2(change, change ? "" : qPrintable(change.error().message));
    QCOMPARE(applied(*project, *change),
             QByteArray("database:\n  pool_size: 4\n  max_overflow: 2\n  pool_timeout: 30 # s\n"));
}

void tst_PoolSettingsWriter::alreadyHolds()
{
    QTemporaryDir dir;
    const auto project = openProject(
        dir, {{QStringLiteral("config.yaml"), "database:\n  pool_size: \"${P:-4}\"\n  max_overflow: 2\n"}});
    QVERIFY(project);
    const Result<PoolFileEdit> change = PoolSettingsWriter::appConfigEdits(*project, {4, 2, {}});
    QVERIFY(change);
    QVERIFY(change->edits.isEmpty());
    QVERIFY(change->changes.isEmpty());
}

void tst_PoolSettingsWriter::envOverrideIsNoted()
{
    QTemporaryDir dir;
    const auto project = openProject(dir,
                                     {{QStringLiteral("config.yaml"), "database:\n  pool_size: \"${APP_POOL:-10}\"\n"},
                                      {QStringLiteral(".env"), "APP_POOL=12\n"}});
    QVERIFY(project);
    const Result<PoolFileEdit> change = PoolSettingsWriter::appConfigEdits(*project, {4, {}, {}});
    QVERIFY(change);
    QCOMPARE(applied(*project, *change), QByteArray("database:\n  pool_size: \"${APP_POOL:-4}\"\n"));
    QCOMPARE(change->notes.size(), 1);
    QVERIFY2(change->notes.first().contains(QStringLiteral("is 12 from .env line 1")),
             qPrintable(change->notes.first()));
}

void tst_PoolSettingsWriter::serverEdits_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("active line") << QByteArray("max_connections = 100\t\t# (change requires restart)\n")
                                 << QByteArray("max_connections = 179\t\t# (change requires restart)\n");
    QTest::newRow("commented sample line")
        << QByteArray("listen_addresses = '*'\n#max_connections = 100\t\t# (change requires restart)\n")
        << QByteArray("listen_addresses = '*'\nmax_connections = 179\t\t# (change requires restart)\n");
}

void tst_PoolSettingsWriter::serverEdits()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QTemporaryDir dir;
    const auto project = openProject(dir, {{QStringLiteral("pg/postgresql.conf"), before}});
    QVERIFY(project);
    const Result<QList<PoolFileEdit>> change = PoolSettingsWriter::serverEdits(*project, 179);
    QVERIFY2(change, change ? "" : qPrintable(change.error().message));
    QCOMPARE(change->size(), 1);
    QCOMPARE(change->first().file, QStringLiteral("pg/postgresql.conf"));
    QCOMPARE(applied(*project, change->first()), after);
    QVERIFY(change->first().changes.first().contains(QStringLiteral("max_connections = 179")));

    QTemporaryDir empty;
    const auto none = openProject(empty, {{QStringLiteral("config.yaml"), "database:\n  pool_size: 1\n"}});
    QVERIFY(none);
    QCOMPARE(PoolSettingsWriter::serverEdits(*none, 50).error().code, QStringLiteral("pool.no-server-config"));
}

void tst_PoolSettingsWriter::readsProvenanceAndUnsavedEdits()
{
    QTemporaryDir dir;
    auto project
        = openProject(dir,
                      {{QStringLiteral("config.yaml"),
                        "app:\n  workers: ${WORKERS:-3}\ndatabase:\n  pool_size: \"${APP_POOL:-10}\"\n"
                        "  max_overflow: 5\n  pool_timeout: oops\n"},
                       {QStringLiteral(".env"), "APP_POOL=12\n"},
                       {QStringLiteral("db/postgresql.conf"), "max_connections = 150\nreserved_connections = 2\n"}});
    QVERIFY(project);
    ProjectPoolSettings read = ProjectPoolSettings::read(*project);
    QCOMPARE(read.appConfigFile, QStringLiteral("config.yaml"));
    QCOMPARE(read.serverConfigFile, QStringLiteral("db/postgresql.conf"));
    QVERIFY(read.poolSize);
    QCOMPARE(read.poolSize->value, 12);
    QCOMPARE(read.poolSize->line, 4);
    QCOMPARE(read.poolSize->written, QStringLiteral("${APP_POOL:-10}"));
    QCOMPARE(read.poolSize->provenance.source, appconfig::Provenance::Source::EnvFile);
    QCOMPARE(read.maxOverflow->provenance.source, appconfig::Provenance::Source::Literal);
    QVERIFY(!read.poolTimeout); // not a number
    QCOMPARE(read.workers->value, 3);
    QCOMPARE(read.workers->provenance.source, appconfig::Provenance::Source::Default);
    QCOMPARE(read.maxConnections->value, 150);
    QCOMPARE(read.maxConnections->file, QStringLiteral("db/postgresql.conf"));
    QCOMPARE(read.reservedConnections->value, 2);
    QVERIFY(!read.superuserReservedConnections);

    // An unsaved edit of the document counts.
    TextDocument &conf = *project->findFile(QStringLiteral("db/postgresql.conf"))->document;
    conf.apply(LineEdit {0, 1, {"max_connections = 40"}, {}});
    read = ProjectPoolSettings::read(*project);
    QCOMPARE(read.maxConnections->value, 40);
}

QTEST_GUILESS_MAIN(tst_PoolSettingsWriter)
#include "tst_poolsettingswriter.moc"
