#include "base/safefilewriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace pgdial::core;
using namespace pgdial::core::base;

class tst_SafeFileWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesAndKeepsSingleBackup();
    void keepsPermissions();
    void timestampedBackups();
    void noBackupWhenAskedNot();
    void newFileHasNoBackup();
    void failureLeavesOriginalIntact();
    // issue 16 items 1-3: every path is hostile
    void plantedBackupIsNeitherFollowedNorReplaced_data();
    void plantedBackupIsNeitherFollowedNorReplaced();
    void plantedTimestampedBackupIsRefused();
    void previousBackupIsReplaced();
    void backupKeepsOwnerGroupAndMode();
    void foreignBackupIsRefused();
    void symlinkedTargetOfAnotherUserIsRefused();
    void ownSymlinkedTargetIsWrittenThrough();
    void specialFileIsNotReplaced();
    void readOnlyFileNeedsForce();
    void dataDirectoryBackupsGoOutside();
    void chosenBackupDirectory();
};

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

struct stat statOf(const QString &path)
{
    struct stat st
    {
    };
    ::lstat(QFile::encodeName(path).constData(), &st);
    return st;
}

// An unprivileged account to hand files to when the test runs as root.
std::optional<std::pair<uid_t, gid_t>> unprivilegedUser()
{
    if (::geteuid() != 0)
        return std::nullopt;
    const struct passwd *nobody = ::getpwnam("nobody");
    if (!nobody)
        return std::nullopt;
    return std::pair {nobody->pw_uid, nobody->pw_gid};
}

void plantVictim(const QString &victim)
{
    write(victim, "root:x:0:0 the file an attacker wants overwritten\n");
    QVERIFY(::chmod(QFile::encodeName(victim).constData(), 0600) == 0);
}

void verifyVictimUntouched(const QString &victim)
{
    QCOMPARE(readAll(victim), QByteArray("root:x:0:0 the file an attacker wants overwritten\n"));
    QCOMPARE(int(statOf(victim).st_mode & 07777), 0600);
}

} // namespace

void tst_SafeFileWriter::plantedBackupIsNeitherFollowedNorReplaced_data()
{
    QTest::addColumn<QString>("plant");
    QTest::newRow("symlink to a root-owned file") << QStringLiteral("symlink");
    QTest::newRow("dangling symlink") << QStringLiteral("dangling");
    QTest::newRow("hard link to a root-owned file") << QStringLiteral("hardlink");
    QTest::newRow("a fifo") << QStringLiteral("fifo");
    QTest::newRow("a folder") << QStringLiteral("folder");
}

void tst_SafeFileWriter::plantedBackupIsNeitherFollowedNorReplaced()
{
    QFETCH(QString, plant);
    QTemporaryDir dir;
    QTemporaryDir elsewhere;
    const QString victim = elsewhere.filePath("sudoers");
    plantVictim(victim);
    const QString path = dir.filePath("postgresql.conf");
    write(path, "port = 5432\n");
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0666) == 0);
    const QByteArray backup = QFile::encodeName(path + QStringLiteral(".bak"));
    if (plant == QStringLiteral("symlink"))
        QVERIFY(::symlink(QFile::encodeName(victim).constData(), backup.constData()) == 0);
    else if (plant == QStringLiteral("dangling"))
        QVERIFY(::symlink(QFile::encodeName(elsewhere.filePath("new-file")).constData(), backup.constData()) == 0);
    else if (plant == QStringLiteral("hardlink"))
        QVERIFY(::link(QFile::encodeName(victim).constData(), backup.constData()) == 0);
    else if (plant == QStringLiteral("fifo"))
        QVERIFY(::mkfifo(backup.constData(), 0666) == 0);
    else
        QVERIFY(::mkdir(backup.constData(), 0755) == 0);

    const Result<QString> result = SafeFileWriter().write(path, "port = 5433\n");
    QVERIFY(!result);
    QCOMPARE(result.error().code, QStringLiteral("save.backup-unsafe"));
    QVERIFY2(result.error().message.contains(QStringLiteral("not a backup pgdial made")),
             qPrintable(result.error().message));
    verifyVictimUntouched(victim);
    QVERIFY(!QFileInfo::exists(elsewhere.filePath("new-file")));
    QCOMPARE(readAll(path), QByteArray("port = 5432\n")); // nothing written when the backup cannot be made
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System).size(),
             2);
}

void tst_SafeFileWriter::plantedTimestampedBackupIsRefused()
{
    QTemporaryDir dir;
    QTemporaryDir elsewhere;
    const QString victim = elsewhere.filePath("shadow");
    plantVictim(victim);
    const QString path = dir.filePath("postgresql.conf");
    write(path, "port = 5432\n");
    // Timestamped names are predictable: plant the next few seconds' names.
    const QDateTime now = QDateTime::currentDateTime();
    for (int second = 0; second < 5; ++second) {
        const QString name = SafeFileWriter::backupPathFor(path, BackupPolicy::Timestamped, now.addSecs(second));
        QVERIFY(::symlink(QFile::encodeName(victim).constData(), QFile::encodeName(name).constData()) == 0);
    }
    SafeFileWriter writer;
    writer.backupPolicy = BackupPolicy::Timestamped;
    const Result<QString> result = writer.write(path, "port = 5433\n");
    QVERIFY(!result);
    QCOMPARE(result.error().code, QStringLiteral("save.backup-unsafe"));
    verifyVictimUntouched(victim);
}

void tst_SafeFileWriter::previousBackupIsReplaced()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("postgresql.conf");
    write(path, "one\n");
    write(path + QStringLiteral(".bak"), "zero\n");
    QVERIFY(SafeFileWriter().write(path, "two\n"));
    QCOMPARE(readAll(path + QStringLiteral(".bak")), QByteArray("one\n"));
    QCOMPARE(readAll(path), QByteArray("two\n"));
}

void tst_SafeFileWriter::backupKeepsOwnerGroupAndMode()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("postgresql.conf");
    write(path, "port = 5432\n");
    const QByteArray native = QFile::encodeName(path);
    const auto user = unprivilegedUser();
    if (user)
        QVERIFY(::chown(native.constData(), user->first, user->second) == 0);
    QVERIFY(::chmod(native.constData(), 0640) == 0);
    const Result<QString> backup = SafeFileWriter().write(path, "port = 5433\n");
    QVERIFY2(backup, backup ? "" : qPrintable(backup.error().message));
    for (const QString &written : {path, *backup}) {
        const struct stat st = statOf(written);
        QCOMPARE(int(st.st_mode & 07777), 0640);
        if (user) {
            QCOMPARE(st.st_uid, user->first);
            QCOMPARE(st.st_gid, user->second);
        }
    }
    if (!user)
        QSKIP("ownership checked only as root (with a \"nobody\" account); modes were checked");
}

void tst_SafeFileWriter::foreignBackupIsRefused()
{
    const auto user = unprivilegedUser();
    if (!user)
        QSKIP("needs root and a \"nobody\" account");
    QTemporaryDir dir;
    const QString path = dir.filePath("postgresql.conf");
    write(path, "port = 5432\n");
    const QString backup = path + QStringLiteral(".bak");
    write(backup, "someone else's file\n");
    QVERIFY(::chown(QFile::encodeName(backup).constData(), user->first, user->second) == 0);
    const Result<QString> result = SafeFileWriter().write(path, "port = 5433\n");
    QVERIFY(!result);
    QCOMPARE(result.error().code, QStringLiteral("save.backup-unsafe"));
    QCOMPARE(readAll(backup), QByteArray("someone else's file\n"));
}

void tst_SafeFileWriter::symlinkedTargetOfAnotherUserIsRefused()
{
    const auto user = unprivilegedUser();
    if (!user)
        QSKIP("needs root and a \"nobody\" account");
    QTemporaryDir dir;
    QTemporaryDir elsewhere;
    const QString victim = elsewhere.filePath("sudoers");
    plantVictim(victim);
    const QString path = dir.filePath("postgresql.conf");
    QVERIFY(::symlink(QFile::encodeName(victim).constData(), QFile::encodeName(path).constData()) == 0);
    QVERIFY(::lchown(QFile::encodeName(path).constData(), user->first, user->second) == 0);
    const Result<QString> result = SafeFileWriter().write(path, "port = 5433\n");
    QVERIFY(!result);
    QCOMPARE(result.error().code, QStringLiteral("save.untrusted-symlink"));
    verifyVictimUntouched(victim);
    QVERIFY(S_ISLNK(statOf(path).st_mode));
}

void tst_SafeFileWriter::ownSymlinkedTargetIsWrittenThrough()
{
    QTemporaryDir dir;
    const QString real = dir.filePath("real.conf");
    write(real, "a\n");
    QVERIFY(::chmod(QFile::encodeName(real).constData(), 0640) == 0);
    const QString path = dir.filePath("postgresql.conf");
    QVERIFY(::symlink("real.conf", QFile::encodeName(path).constData()) == 0);
    const Result<QString> backup = SafeFileWriter().write(path, "b\n");
    QVERIFY(backup);
    QCOMPARE(*backup, real + QStringLiteral(".bak"));
    QVERIFY(S_ISLNK(statOf(path).st_mode));
    QCOMPARE(readAll(real), QByteArray("b\n"));
    QCOMPARE(int(statOf(real).st_mode & 07777), 0640);
}

void tst_SafeFileWriter::specialFileIsNotReplaced()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("postgresql.conf");
    QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0644) == 0);
    const Result<QString> result = SafeFileWriter().write(path, "x\n"); // must not block on the FIFO
    QVERIFY(!result);
    QCOMPARE(result.error().code, QStringLiteral("save.not-regular-file"));
    QVERIFY(S_ISFIFO(statOf(path).st_mode));
}

void tst_SafeFileWriter::readOnlyFileNeedsForce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("postgresql.conf");
    write(path, "a\n");
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0444) == 0);
    SafeFileWriter writer;
    const Result<QString> refused = writer.write(path, "b\n");
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("save.read-only"));
    QVERIFY(refused.error().message.contains(QStringLiteral("0444")));
    QCOMPARE(readAll(path), QByteArray("a\n"));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".bak")));
    writer.overwriteReadOnly = true;
    QVERIFY(writer.write(path, "b\n"));
    QCOMPARE(readAll(path), QByteArray("b\n"));
    QCOMPARE(int(statOf(path).st_mode & 07777), 0444);
}

void tst_SafeFileWriter::dataDirectoryBackupsGoOutside()
{
    QTemporaryDir dir;
    QTemporaryDir state;
    qputenv("XDG_STATE_HOME", QFile::encodeName(state.path()));
    const QString dataDir = dir.filePath("16/main");
    QVERIFY(QDir().mkpath(dataDir + QStringLiteral("/pg_wal")));
    write(dataDir + QStringLiteral("/PG_VERSION"), "16\n");
    const QString path = dataDir + QStringLiteral("/postgresql.conf");
    write(path, "a\n");
    QCOMPARE(SafeFileWriter::dataDirectoryOf(path), QDir(dataDir).absolutePath());
    const Result<QString> backup = SafeFileWriter().write(path, "b\n");
    QVERIFY(backup);
    const QString expected = QDir::cleanPath(state.path() + QStringLiteral("/pgdial/backups/")
                                             + QDir(dataDir).absolutePath() + QStringLiteral("/postgresql.conf.bak"));
    QCOMPARE(*backup, expected);
    QCOMPARE(readAll(expected), QByteArray("a\n"));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".bak")));
    // Also for a file in a subfolder of the data directory (conf.d).
    QVERIFY(QDir().mkpath(dataDir + QStringLiteral("/conf.d")));
    QCOMPARE(SafeFileWriter::dataDirectoryOf(dataDir + QStringLiteral("/conf.d/x.conf")), QDir(dataDir).absolutePath());
    QVERIFY(SafeFileWriter::dataDirectoryOf(dir.filePath("postgresql.conf")).isEmpty());
    qunsetenv("XDG_STATE_HOME");
}

void tst_SafeFileWriter::chosenBackupDirectory()
{
    QTemporaryDir dir;
    QTemporaryDir backups;
    const QString path = dir.filePath("pg_hba.conf");
    write(path, "a\n");
    SafeFileWriter writer;
    writer.backupDirectory = backups.filePath("sub");
    const Result<QString> backup = writer.write(path, "b\n");
    QVERIFY(backup);
    QCOMPARE(*backup, backups.filePath("sub/pg_hba.conf.bak"));
    QCOMPARE(readAll(*backup), QByteArray("a\n"));
}

void tst_SafeFileWriter::writesAndKeepsSingleBackup()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("postgresql.conf");
    write(path, "port = 5432\n");
    SafeFileWriter writer;
    Result<QString> backup = writer.write(path, "port = 5433\n");
    QVERIFY(backup);
    QCOMPARE(*backup, path + QStringLiteral(".bak"));
    QCOMPARE(readAll(path), QByteArray("port = 5433\n"));
    QCOMPARE(readAll(*backup), QByteArray("port = 5432\n"));
    QVERIFY(writer.write(path, "port = 5434\n"));
    QCOMPARE(readAll(*backup), QByteArray("port = 5433\n"));
}

void tst_SafeFileWriter::keepsPermissions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("pg_hba.conf");
    write(path, "local all all peer\n");
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    QVERIFY(SafeFileWriter().write(path, "local all all scram-sha-256\n"));
    struct stat st
    {
    };
    QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
    QCOMPARE(int(st.st_mode & 07777), 0640);
    QVERIFY(::stat(QFile::encodeName(path + QStringLiteral(".bak")).constData(), &st) == 0);
    QCOMPARE(int(st.st_mode & 07777), 0640);
}

void tst_SafeFileWriter::timestampedBackups()
{
    const QDateTime when(QDate(2026, 11, 25), QTime(12, 30, 5));
    QCOMPARE(SafeFileWriter::backupPathFor(QStringLiteral("/x/a.conf"), BackupPolicy::Timestamped, when),
             QStringLiteral("/x/a.conf.20261125-123005.bak"));
    QTemporaryDir dir;
    const QString path = dir.filePath("a.conf");
    write(path, "a\n");
    SafeFileWriter writer;
    writer.backupPolicy = BackupPolicy::Timestamped;
    Result<QString> backup = writer.write(path, "b\n");
    QVERIFY(backup);
    QVERIFY(backup->endsWith(QStringLiteral(".bak")));
    QCOMPARE(readAll(*backup), QByteArray("a\n"));
}

void tst_SafeFileWriter::noBackupWhenAskedNot()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("a.conf");
    write(path, "a\n");
    SafeFileWriter writer;
    writer.backupPolicy = BackupPolicy::None;
    Result<QString> backup = writer.write(path, "b\n");
    QVERIFY(backup);
    QVERIFY(backup->isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
}

void tst_SafeFileWriter::newFileHasNoBackup()
{
    QTemporaryDir dir;
    Result<QString> backup = SafeFileWriter().write(dir.filePath("new.conf"), "x\n");
    QVERIFY(backup);
    QVERIFY(backup->isEmpty());
}

void tst_SafeFileWriter::failureLeavesOriginalIntact()
{
    Result<QString> result = SafeFileWriter().write(QStringLiteral("/nonexistent/dir/file.conf"), "x\n");
    QVERIFY(!result);
    QVERIFY(result.error().message.contains(QStringLiteral("/nonexistent/dir/file.conf")));
}

QTEST_APPLESS_MAIN(tst_SafeFileWriter)
#include "tst_safefilewriter.moc"
