// pgdial-cli pool --apply: the recommendation written into the project's files, byte for byte.
#include "support/clirunner.h"
#include "support/testfiles.h"
#include "support/testpaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using pgdial::test::runCli;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QString poolData(const QString &relative)
{
    return pgdial::test::testDataDir() + QStringLiteral("/tuning/pool/") + relative;
}

// A writable copy of tests/data/tuning/pool/project.
QStringList poolArgs(const QString &project, const QStringList &extra)
{
    return QStringList {QStringLiteral("pool"),
                        QStringLiteral("--rps"),
                        QStringLiteral("100"),
                        QStringLiteral("--avg-query-ms"),
                        QStringLiteral("50"),
                        QStringLiteral("--request-ms"),
                        QStringLiteral("200"),
                        QStringLiteral("--project"),
                        project}
    + extra;
}

} // namespace

class tst_CliPool final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsProjectThroughAppConfigEngine();
    void applyFitsWritesConfigOnly();
    void applyDoesNotFitWritesBothFiles();
    void applyJsonListsChanges();
    void applyExampleProject();
    void applyRefusesExpressionWithoutDefault();
    void applyNotesEnvOverride();
    void applyNeedsProject();
    void applyRefusesDuplicateDatabaseKey();
};

void tst_CliPool::readsProjectThroughAppConfigEngine()
{
    QTemporaryDir dir;
    QVERIFY(pgdial::test::copyFolder(poolData(QStringLiteral("project")), dir.path()));
    const auto run = runCli(poolArgs(dir.path(), {QStringLiteral("--json")}));
    QVERIFY2(run.exitCode == 1 || run.exitCode == 0, run.err.constData());
    const QJsonObject project = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("project")).toObject();
    const QJsonObject pool = project.value(QStringLiteral("pool_size")).toObject();
    QCOMPARE(pool.value(QStringLiteral("value")).toInt(), 10);
    QCOMPARE(pool.value(QStringLiteral("line")).toInt(), 10);
    QCOMPARE(pool.value(QStringLiteral("written")).toString(), QStringLiteral("${APP_POOL:-10}"));
    QCOMPARE(pool.value(QStringLiteral("source")).toString(), QStringLiteral("default"));
    const QJsonObject workers = project.value(QStringLiteral("workers")).toObject();
    QCOMPARE(workers.value(QStringLiteral("value")).toInt(), 4);
    QCOMPARE(workers.value(QStringLiteral("source")).toString(), QStringLiteral("default"));
    QCOMPARE(project.value(QStringLiteral("max_overflow")).toObject().value(QStringLiteral("source")).toString(),
             QStringLiteral("literal"));
    QCOMPARE(project.value(QStringLiteral("max_connections")).toObject().value(QStringLiteral("line")).toInt(), 3);
    // 4 workers x (10 + 10) = 80 <= 97.
    QCOMPARE(project.value(QStringLiteral("current_demand")).toInt(), 80);
}

void tst_CliPool::applyFitsWritesConfigOnly()
{
    // 4 processes need 25 at peak: 7 each; pool_size 7, max_overflow 4 -> 44 of 97: fits, the
    // server is left alone.
    QTemporaryDir dir;
    QVERIFY(pgdial::test::copyFolder(poolData(QStringLiteral("project")), dir.path()));
    const QByteArray conf = readAll(dir.filePath(QStringLiteral("postgresql.conf")));
    const auto run = runCli(poolArgs(dir.path(), {QStringLiteral("--apply")}));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("config.yaml:10: database.pool_size = ${APP_POOL:-7} (was ${APP_POOL:-10})"),
             run.out.constData());
    QVERIFY(run.out.contains("config.yaml:11: database.max_overflow = 4 (was 10)"));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("config.yaml"))),
             readAll(poolData(QStringLiteral("expected-fits/config.yaml"))));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("config.yaml.bak"))),
             readAll(poolData(QStringLiteral("project/config.yaml"))));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("postgresql.conf"))), conf);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("postgresql.conf.bak"))));

    // Again: nothing left to change, nothing written.
    QFile::remove(dir.filePath(QStringLiteral("config.yaml.bak")));
    const auto again = runCli(poolArgs(dir.path(), {QStringLiteral("--apply")}));
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.contains("nothing to apply"));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("config.yaml.bak"))));
}

void tst_CliPool::applyDoesNotFitWritesBothFiles()
{
    // 10 instances x 4 workers = 40 pools of 1 + 1, plus 80 other clients = 160 > 97; shrinking
    // cannot help, so the server change is applied too: 160 + 10% + 3 reserved = 179.
    QTemporaryDir dir;
    QVERIFY(pgdial::test::copyFolder(poolData(QStringLiteral("project")), dir.path()));
    const auto run
        = runCli(poolArgs(dir.path(),
                          {QStringLiteral("--instances"), QStringLiteral("10"), QStringLiteral("--other-clients"),
                           QStringLiteral("80"), QStringLiteral("--apply")}));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("max_connections = 179 (was 100) (needs a restart)"), run.out.constData());
    QCOMPARE(readAll(dir.filePath(QStringLiteral("config.yaml"))),
             readAll(poolData(QStringLiteral("expected-overflow/config.yaml"))));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("postgresql.conf"))),
             readAll(poolData(QStringLiteral("expected-overflow/postgresql.conf"))));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("postgresql.conf.bak"))),
             readAll(poolData(QStringLiteral("project/postgresql.conf"))));
}

void tst_CliPool::applyJsonListsChanges()
{
    QTemporaryDir dir;
    QVERIFY(pgdial::test::copyFolder(poolData(QStringLiteral("project")), dir.path()));
    const auto run = runCli(poolArgs(dir.path(), {QStringLiteral("--apply"), QStringLiteral("--json")}));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonParseError error;
    const QJsonObject doc = QJsonDocument::fromJson(run.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray applied = doc.value(QStringLiteral("applied")).toArray();
    QCOMPARE(applied.size(), 2);
    QVERIFY(applied.at(0).toString().startsWith(QStringLiteral("config.yaml:10: database.pool_size")));
    QCOMPARE(doc.value(QStringLiteral("notes")).toArray().size(), 0);
    QCOMPARE(readAll(dir.filePath(QStringLiteral("config.yaml"))),
             readAll(poolData(QStringLiteral("expected-fits/config.yaml"))));
}

void tst_CliPool::applyExampleProject()
{
    // The example project: plain numbers, 4 workers x 2 instances. Its config.yaml names Temporal's
    // databases (40 connections) beside the 10 other clients given: 97 - 50 leaves 5 per pool,
    // pool_size 4 + max_overflow 1.
    QTemporaryDir dir;
    const QString source = pgdial::test::exampleProject();
    for (const char *file : {"config.yaml", "infra/docker/prod/postgres/postgresql.conf"}) {
        const QString target = dir.filePath(QString::fromLatin1(file));
        QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
        QVERIFY(QFile::copy(source + '/' + QString::fromLatin1(file), target));
        QFile::setPermissions(target, QFile::permissions(target) | QFile::WriteOwner);
    }
    const QByteArray original = readAll(dir.filePath(QStringLiteral("config.yaml")));
    const QByteArray conf = readAll(dir.filePath(QStringLiteral("infra/docker/prod/postgres/postgresql.conf")));
    const auto run
        = runCli(poolArgs(dir.path(),
                          {QStringLiteral("--instances"), QStringLiteral("2"), QStringLiteral("--other-clients"),
                           QStringLiteral("10"), QStringLiteral("--apply")}));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QByteArray expected = original;
    expected.replace("  pool_size: 20              # Base", "  pool_size: 4              # Base");
    expected.replace("  max_overflow: 10           # Additional", "  max_overflow: 1           # Additional");
    QCOMPARE(readAll(dir.filePath(QStringLiteral("config.yaml"))), expected);
    QCOMPARE(readAll(dir.filePath(QStringLiteral("infra/docker/prod/postgres/postgresql.conf"))), conf);
}

void tst_CliPool::applyRefusesExpressionWithoutDefault()
{
    QTemporaryDir dir;
    QVERIFY(pgdial::test::copyFolder(poolData(QStringLiteral("project")), dir.path()));
    const QString config = dir.filePath(QStringLiteral("config.yaml"));
    QByteArray bytes = readAll(config);
    bytes.replace("\"${APP_POOL:-10}\"", "${APP_POOL}");
    writeAll(config, bytes);
    writeAll(dir.filePath(QStringLiteral(".env")), "APP_POOL=12\n");
    const QByteArray conf = readAll(dir.filePath(QStringLiteral("postgresql.conf")));
    const auto run
        = runCli(poolArgs(dir.path(),
                          {QStringLiteral("--instances"), QStringLiteral("10"), QStringLiteral("--other-clients"),
                           QStringLiteral("80"), QStringLiteral("--apply")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("${APP_POOL}"), run.err.constData());
    // Nothing is written when any part is refused.
    QCOMPARE(readAll(config), bytes);
    QCOMPARE(readAll(dir.filePath(QStringLiteral("postgresql.conf"))), conf);
}

void tst_CliPool::applyNotesEnvOverride()
{
    QTemporaryDir dir;
    QVERIFY(pgdial::test::copyFolder(poolData(QStringLiteral("project")), dir.path()));
    writeAll(dir.filePath(QStringLiteral(".env")), "# local\nAPP_POOL=12\n");
    const auto run = runCli(poolArgs(dir.path(), {QStringLiteral("--apply")}));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // The default changes all the same; the user learns that .env still wins.
    QCOMPARE(readAll(dir.filePath(QStringLiteral("config.yaml"))),
             readAll(poolData(QStringLiteral("expected-fits/config.yaml"))));
    QVERIFY2(run.err.contains("database.pool_size is 12 from .env line 2"), run.err.constData());
    QCOMPARE(readAll(dir.filePath(QStringLiteral(".env"))), QByteArray("# local\nAPP_POOL=12\n"));
}

void tst_CliPool::applyNeedsProject()
{
    const auto run = runCli({QStringLiteral("pool"), QStringLiteral("--rps"), QStringLiteral("1"),
                             QStringLiteral("--avg-query-ms"), QStringLiteral("1"), QStringLiteral("--request-ms"),
                             QStringLiteral("1"), QStringLiteral("--apply")});
    QCOMPARE(run.exitCode, 2);
    QTemporaryDir dir;
    writeAll(dir.filePath(QStringLiteral("postgresql.conf")), "max_connections = 100\n");
    const auto none = runCli(poolArgs(dir.path(), {QStringLiteral("--apply")}));
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains("no config.yaml"), none.err.constData());
    QCOMPARE(readAll(dir.filePath(QStringLiteral("postgresql.conf"))), QByteArray("max_connections = 100\n"));
}

// Issue 16 item 12: two database: keys. PyYAML and ruamel keep the last, pgdial read and edited
// the first: now it is an error naming both lines, and no edit is made.
void tst_CliPool::applyRefusesDuplicateDatabaseKey()
{
    QTemporaryDir dir;
    QVERIFY(pgdial::test::copyFolder(poolData(QStringLiteral("project")), dir.path()));
    const QString config = dir.filePath(QStringLiteral("config.yaml"));
    QByteArray bytes = readAll(config);
    bytes += "\ndatabase:\n  pool_size: 3\n";
    writeAll(config, bytes);
    const int second = static_cast<int>(bytes.count('\n')) - 1;
    const QByteArray conf = readAll(dir.filePath(QStringLiteral("postgresql.conf")));
    const auto run
        = runCli(poolArgs(dir.path(),
                          {QStringLiteral("--instances"), QStringLiteral("10"), QStringLiteral("--other-clients"),
                           QStringLiteral("80"), QStringLiteral("--apply")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("written twice"), run.err.constData());
    QVERIFY2(run.err.contains(QStringLiteral("line %1").arg(second).toUtf8()), run.err.constData());
    QCOMPARE(readAll(config), bytes);
    QCOMPARE(readAll(dir.filePath(QStringLiteral("postgresql.conf"))), conf);

    const auto check
        = runCli({QStringLiteral("check"), dir.path(), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(check.exitCode, 1);
    QVERIFY2(check.out.contains("app.yaml-duplicate-key"), check.out.constData());
}

QTEST_GUILESS_MAIN(tst_CliPool)
#include "tst_cli_pool.moc"
