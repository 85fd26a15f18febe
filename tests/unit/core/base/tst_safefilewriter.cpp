#include "base/safefilewriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

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

} // namespace

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
