#include "support/clirunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using pgdial::test::runCli;

// Issue 16 items 6-7: every file pgdial reads goes through one bounded, non-blocking,
// regular-file-checked reader. Devices, FIFOs and kernel files named by pg_hba.conf `@file`
// lists, `include`s and postgresql.conf includes are reported as what they are; nothing hangs
// and nothing grows without bound.
class tst_CliHostileFiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hbaAtFileAndIncludes();
    void confIncludes();

private:
    static void write(const QString &path, const QByteArray &bytes);
};

void tst_CliHostileFiles::write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

void tst_CliHostileFiles::hbaAtFileAndIncludes()
{
    QTemporaryDir dir;
    QVERIFY(::mkfifo(QFile::encodeName(dir.filePath("users.fifo")).constData(), 0600) == 0);
    QVERIFY(::mkfifo(QFile::encodeName(dir.filePath("more.conf")).constData(), 0600) == 0);
    const QString hba = dir.filePath("pg_hba.conf");
    write(hba,
          "local all @/dev/zero trust\n"
          "local all @users.fifo trust\n"
          "include more.conf\n"
          "local all all peer\n");
    const auto run
        = runCli({"hba", hba, "--json", "--pg-version", "16"}, {}, QProcessEnvironment::systemEnvironment(), 20000);
    QVERIFY2(!run.crashed && run.exitCode >= 0, run.err.constData());
    QVERIFY2(run.out.contains("a character device, not a regular file"), run.out.constData());
    QVERIFY2(run.out.contains("a named pipe (FIFO), not a regular file"), run.out.constData());
}

void tst_CliHostileFiles::confIncludes()
{
    QTemporaryDir dir;
    QVERIFY(::mkfifo(QFile::encodeName(dir.filePath("pipe.conf")).constData(), 0600) == 0);
    const QString conf = dir.filePath("postgresql.conf");
    QByteArray text = "include '/dev/zero'\n"
                      "include 'pipe.conf'\n"
                      "include_if_exists '/proc/self/status'\n";
    // As root, /proc/kmsg blocks a reader for ever (procfs says "regular, size 0").
    if (QFileInfo::exists(QStringLiteral("/proc/kmsg")))
        text += "include '/proc/kmsg'\n";
    text += "work_mem = 8MB\n";
    write(conf, text);
    const auto run = runCli({"conf", conf, "--json"}, {}, QProcessEnvironment::systemEnvironment(), 20000);
    QVERIFY2(!run.crashed && run.exitCode >= 0, run.err.constData());
    QVERIFY2(run.out.contains("conf.include-unreadable"), run.out.constData());
    QVERIFY2(run.out.contains("is a character device"), run.out.constData());
    QVERIFY2(run.out.contains("is a named pipe (FIFO)"), run.out.constData());
    QVERIFY2(run.out.contains("is a file on procfs"), run.out.constData());
    // /dev/zero exists: it is not "missing".
    QVERIFY2(!run.out.contains("conf.include-missing"), run.out.constData());

    // The same through check on the folder (the project loader reads through the same reader).
    const auto check = runCli({"check", dir.path()}, {}, QProcessEnvironment::systemEnvironment(), 20000);
    QVERIFY2(!check.crashed && check.exitCode >= 0, check.err.constData());
    QVERIFY2(check.out.contains("conf.include-unreadable"), check.out.constData());
}

QTEST_GUILESS_MAIN(tst_CliHostileFiles)
#include "tst_cli_hostilefiles.moc"
