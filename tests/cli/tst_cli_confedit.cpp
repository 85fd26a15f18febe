#include "support/clirunner.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using pgdial::test::runCli;

// pgdial-cli conf set / conf reset: in-place edits, what they print, exit codes, atomicity.
class tst_CliConfEdit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setRewritesActivatesAndInserts();
    void resetCommentsOut();
    void refusedEditWritesNothing();
    void dryRun();
    void usageErrors_data();
    void usageErrors();
    void readModeStillWorks();
    void readOnlyFileNeedsForce();

private:
    static QString write(const QTemporaryDir &dir, const QByteArray &bytes);
    static QByteArray read(const QString &path);
};

QString tst_CliConfEdit::write(const QTemporaryDir &dir, const QByteArray &bytes)
{
    const QString path = dir.filePath("postgresql.conf");
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

QByteArray tst_CliConfEdit::read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_CliConfEdit::setRewritesActivatesAndInserts()
{
    QTemporaryDir dir;
    const QString path = write(dir, "port = 5432   # the port\n#work_mem = 4MB\t\t# min 64kB\n");
    const auto run = runCli({"conf", "set", path, "port=5433", "work_mem=64MB", "effective_cache_size=4GB"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out,
             QByteArray("postgresql.conf:1: port = 5433 (was 5432)\n"
                        "postgresql.conf:2: activated the commented-out line: work_mem = 64MB (the sample said 4MB)\n"
                        "postgresql.conf:5: added effective_cache_size = 4GB at the end of the file\n"));
    QCOMPARE(read(path),
             QByteArray("port = 5433   # the port\nwork_mem = 64MB\t\t# min 64kB\n\n# Added by pgdial\n"
                        "effective_cache_size = 4GB\n"));
    QVERIFY(QFileInfo::exists(path + ".bak"));
    QCOMPARE(read(path + ".bak"), QByteArray("port = 5432   # the port\n#work_mem = 4MB\t\t# min 64kB\n"));
}

void tst_CliConfEdit::resetCommentsOut()
{
    QTemporaryDir dir;
    const QString path = write(dir, "work_mem = 4MB\nport = 5432\nWORK_MEM = 8MB\n");
    const auto run = runCli({"conf", "reset", "--no-backup", path, "work_mem"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(read(path), QByteArray("#work_mem = 4MB\nport = 5432\n#WORK_MEM = 8MB\n"));
    QVERIFY(!QFileInfo::exists(path + ".bak"));
    QCOMPARE(runCli({"conf", "reset", path, "work_mem"}).exitCode, 1); // nothing left to reset
}

void tst_CliConfEdit::refusedEditWritesNothing()
{
    QTemporaryDir dir;
    const QByteArray original("port = 5432\n");
    const QString path = write(dir, original);
    const auto typo = runCli({"conf", "set", path, "work_mem=8MB", "shared_bufers=1GB"});
    QCOMPARE(typo.exitCode, 1);
    QVERIFY2(typo.err.contains("did you mean \"shared_buffers\""), typo.err.constData());
    QCOMPARE(read(path), original);
    const auto badUnit = runCli({"conf", "set", path, "work_mem=8mb"});
    QCOMPARE(badUnit.exitCode, 1);
    QVERIFY(badUnit.err.contains("Valid units"));
    QCOMPARE(read(path), original);
}

void tst_CliConfEdit::dryRun()
{
    QTemporaryDir dir;
    const QByteArray original("port = 5432\n");
    const QString path = write(dir, original);
    const auto run = runCli({"conf", "set", "--dry-run", path, "port=1"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("postgresql.conf:1: port = 1 (was 5432)\n"));
    QCOMPARE(read(path), original);
}

void tst_CliConfEdit::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no assignment") << QStringList {"conf", "set", "FILE"};
    QTest::newRow("not NAME=VALUE") << QStringList {"conf", "set", "FILE", "work_mem"};
    QTest::newRow("missing file") << QStringList {"conf", "reset", "/nonexistent/postgresql.conf", "port"};
    QTest::newRow("bad version") << QStringList {"conf", "set", "--pg-version", "9", "FILE", "port=1"};
}

void tst_CliConfEdit::usageErrors()
{
    QFETCH(QStringList, arguments);
    QTemporaryDir dir;
    const QString path = write(dir, "port = 5432\n");
    arguments.replaceInStrings("FILE", path);
    QCOMPARE(runCli(arguments).exitCode, 2);
}

void tst_CliConfEdit::readModeStillWorks()
{
    QTemporaryDir dir;
    const QString path = write(dir, "port = 5432\n");
    const auto run = runCli({"conf", path, "--json"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("\"file_settings\""));
}

// Issue 16 item 3: a file read-only for its owner (0444) was marked as not to be edited; even
// root (who may write anything) replaces it only with --force, and says where the backup went.
void tst_CliConfEdit::readOnlyFileNeedsForce()
{
    QTemporaryDir dir;
    const QByteArray original("port = 5432\n");
    const QString path = write(dir, original);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));

    const auto refused = runCli({"conf", "set", path, "port=5433"});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("[save.read-only]"), refused.err.constData());
    QVERIFY2(refused.err.contains("--force"), refused.err.constData());
    QCOMPARE(read(path), original);
    QVERIFY(!QFileInfo::exists(path + ".bak"));

    const auto forced = runCli({"conf", "set", "--force", path, "port=5433"});
    QCOMPARE(forced.exitCode, 0);
    QCOMPARE(read(path), QByteArray("port = 5433\n"));
    QCOMPARE(read(path + ".bak"), original);
    QVERIFY2(forced.err.contains(QFile::encodeName(path + ".bak")), forced.err.constData());
    // The replaced file and its backup keep the original's mode.
    QCOMPARE(QFileInfo(path).permissions(), QFileInfo(path + ".bak").permissions());
    QVERIFY(!(QFileInfo(path).permissions() & QFileDevice::WriteOwner));
}

QTEST_GUILESS_MAIN(tst_CliConfEdit)
#include "tst_cli_confedit.moc"
