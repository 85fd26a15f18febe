#include "support/clirunner.h"
#include "support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using pgdial::test::CliRun;
using pgdial::test::runCli;

// Issue 16, "done when": one project folder holding every hostile case the issue names, built at
// run time (FIFOs, devices, planted backup symlinks, an include loop, a directory loop, binary and
// huge files, a duplicate YAML key, a YAML anchor bomb, secrets in many forms), run through every
// pgdial-cli command and the desktop's --screenshot with a time limit. Nothing may crash, hang,
// write through a planted symlink or print a secret. In the sanitizer build (CI runs the suite
// there) ASan and LeakSanitizer abort the process on a memory error or a leak, which fails the
// same `crashed` check.
class tst_HostileProject final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyCliCommand_data();
    void everyCliCommand();
    void desktopScreenshot();
    void cleanupTestCase();

private:
    void build();
    static void write(const QString &path, const QByteArray &bytes);
    static void fifo(const QString &path);
    static void symlink(const QString &target, const QString &path);
    QString project(const QString &name = {}) const;
    QByteArray victimState() const;

    QTemporaryDir m_dir;
    QByteArray m_victimBefore;
};

// A literal with its NUL bytes (QByteArray's const char* constructor stops at the first).
template<std::size_t N> static QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, N - 1);
}

// Every password the fixture holds; none may appear in any output.
static const QList<QByteArray> secrets = {
    "Hostile-S3cret-env",    "Hostile-S3cret-url",      "Hostile-S3cret-yaml",  "Hostile-S3cret-compose",
    "Hostile-S3cret-file",   "Hostile-S3cret-server",   "Hostile S3cret quote", "Hostile%zzS3cret",
    "Hostile-S3cret-pgpass", "Hostile-S3cret-conninfo",
};

// Generous: the sanitizer build is several times slower than the dev build. A hang is for ever.
static constexpr int commandTimeoutMs = 120000;

void tst_HostileProject::write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes);
}

void tst_HostileProject::fifo(const QString &path)
{
    QVERIFY2(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0, qPrintable(path));
}

void tst_HostileProject::symlink(const QString &target, const QString &path)
{
    QVERIFY2(::symlink(QFile::encodeName(target).constData(), QFile::encodeName(path).constData()) == 0,
             qPrintable(path));
}

QString tst_HostileProject::project(const QString &name) const
{
    return name.isEmpty() ? m_dir.filePath("project") : m_dir.filePath("project/" + name);
}

QByteArray tst_HostileProject::victimState() const
{
    QFile victim(m_dir.filePath("outside/victim"));
    if (!victim.open(QIODevice::ReadOnly))
        return "unreadable";
    struct stat info = {};
    ::stat(QFile::encodeName(victim.fileName()).constData(), &info);
    return victim.readAll() + " mode " + QByteArray::number(info.st_mode & 07777, 8);
}

void tst_HostileProject::build()
{
    QVERIFY(QDir(m_dir.path()).mkpath("outside"));
    QVERIFY(QDir(m_dir.path()).mkpath("project/conf.d"));
    QVERIFY(QDir(m_dir.path()).mkpath("project/secrets"));
    QVERIFY(QDir(m_dir.path()).mkpath("project/sub"));

    // A file root must never overwrite: every backup name in the project points at it.
    const QString victim = m_dir.filePath("outside/victim");
    write(victim, "victim: not to be overwritten\n");
    QVERIFY(::chmod(QFile::encodeName(victim).constData(), 0600) == 0);
    for (const char *name : {"postgresql.conf.bak", "pg_hba.conf.bak", "config.yaml.bak", ".env.bak"})
        symlink(victim, project(name));

    // postgresql.conf: devices, a FIFO, an include loop, a directory of hostile includes, a NUL
    // byte, invalid UTF-8 and a 1 MB value.
    fifo(project("pipe.conf"));
    write(project("loop-a.conf"), "include 'loop-b.conf'\n");
    write(project("loop-b.conf"), "include 'loop-a.conf'\n");
    symlink("/dev/zero", project("conf.d/10-zero.conf"));
    fifo(project("conf.d/20-pipe.conf"));
    write(project("conf.d/30-binary.conf"), bytes("shared_buffers = 1\0\xff\xfe GB\n"));
    QByteArray conf = "listen_addresses = 'localhost'\n"
                      "work_mem = 8MB\n"
                      "include '/dev/zero'\n"
                      "include 'pipe.conf'\n"
                      "include 'loop-a.conf'\n"
                      "include_dir 'conf.d'\n";
    if (QFile::exists("/proc/kmsg"))
        conf += "include_if_exists '/proc/kmsg'\n";
    conf += "ssl = on\n";
    conf += "application_name = '" + QByteArray(1 << 20, 'v') + "'\n";
    conf += QByteArray("cluster_name = 'a\xc3\x28 b'\n");
    write(project("postgresql.conf"), conf);

    // pg_hba.conf: @ lists from a device and a FIFO, an included FIFO, a long continuation.
    fifo(project("users.fifo"));
    fifo(project("more.fifo"));
    QByteArray hba = "local all @/dev/zero trust\n"
                     "local all @users.fifo trust\n"
                     "include more.fifo\n"
                     "host all all 127.0.0.1/32 \\\n";
    for (int i = 0; i < 2000; ++i)
        hba += "  \\\n";
    hba += "scram-sha-256\n"
           "hostnossl all all 0.0.0.0/0 reject\n";
    write(project("pg_hba.conf"), hba);

    // .env: passwords in many forms, a NUL byte and a 2 MB value; .env.example is a FIFO.
    write(project(".env"),
          bytes("DB_PASS=Hostile-S3cret-env\n"
                "DATABASE_URL=postgresql://app:Hostile-S3cret-url@127.0.0.1:1/appdb\n"
                "PGPASS='Hostile S3cret quote'\n"
                "DB_CONNINFO=\"host=127.0.0.1 port=1 password=Hostile-S3cret-conninfo\"\n"
                "BROKEN_URL=postgresql://app:Hostile%zzS3cret@127.0.0.1:1/appdb\n"
                "APP_DB_PASSWORD_FILE=secrets/db_password.txt\n"
                "NUL=a\0b\n"
                "BIG=")
              + QByteArray(2 << 20, 'x') + "\n");
    fifo(project(".env.example"));
    write(project("secrets/db_password.txt"), "Hostile-S3cret-file\n");

    // config.yaml: two database keys (its meaning is ambiguous: no edit may touch it).
    write(project("config.yaml"),
          "database:\n"
          "  url: ${DATABASE_URL:-postgresql://app:Hostile-S3cret-yaml@127.0.0.1:1/appdb}\n"
          "  pool_size: 10\n"
          "  max_overflow: 5\n"
          "database:\n"
          "  url: postgresql://app:Hostile-S3cret-yaml@127.0.0.1:1/appdb\n"
          "  pool_size: 20\n");

    // docker-compose.yml: an anchor bomb and a secret whose file is missing.
    QByteArray compose = "x-a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n";
    for (char c = 'b'; c <= 'k'; ++c)
        compose += QByteArray("x-") + c + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1)
            + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
    compose += "services:\n"
               "  db:\n"
               "    image: postgres:16-alpine\n"
               "    environment:\n"
               "      POSTGRES_PASSWORD: Hostile-S3cret-compose\n"
               "    secrets: [db_password]\n"
               "    ports: [\"5432:5432\"]\n"
               "secrets:\n"
               "  db_password:\n"
               "    file: ./secrets/missing.txt\n";
    write(project("docker-compose.yml"), compose);

    // A second, clean postgresql.conf so that the edits get as far as the backup: its planted
    // backup symlink must be refused, not followed.
    QVERIFY(QDir(m_dir.path()).mkpath("project/clean"));
    write(project("clean/postgresql.conf"), "work_mem = 4MB\n");
    symlink(victim, project("clean/postgresql.conf.bak"));

    // A directory loop the folder scan must not follow for ever.
    symlink("..", project("sub/loop"));
}

void tst_HostileProject::initTestCase()
{
    QVERIFY(m_dir.isValid());
    build();
    m_victimBefore = victimState();
}

void tst_HostileProject::everyCliCommand_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expected"); // what the command must say about the hostile part it meets
    const QString folder = project();
    const QString conf = project("postgresql.conf");
    const QString hba = project("pg_hba.conf");
    const QString server = "host=127.0.0.1 port=1 user=app password=Hostile-S3cret-server connect_timeout=2";
    QTest::newRow("check") << QStringList {"check", folder} << QByteArray("app.yaml-duplicate-key");
    QTest::newRow("check json") << QStringList {"check", folder, "--format", "json"}
                                << QByteArray("a named pipe (FIFO)");
    QTest::newRow("check sarif") << QStringList {"check", folder, "--format", "sarif"}
                                 << QByteArray("project.binary-file");
    QTest::newRow("conf") << QStringList {"conf", conf} << QByteArray("\"/dev/zero\" is a character device");
    QTest::newRow("conf json") << QStringList {"conf", conf, "--json"} << QByteArray("conf.include-depth");
    QTest::newRow("conf set") << QStringList {"conf", "set", conf, "work_mem=16MB"}
                              << QByteArray("conf.edit-unparsable");
    QTest::newRow("conf reset") << QStringList {"conf", "reset", conf, "work_mem"} << QByteArray();
    QTest::newRow("hba") << QStringList {"hba", hba, "--json"} << QByteArray("a named pipe (FIFO), not a regular file");
    QTest::newRow("hba lint") << QStringList {"hba", "lint", hba, "--format", "sarif"} << QByteArray();
    QTest::newRow("hba match") << QStringList {"hba",   "match",  hba,    "--user",    "app",       "--database",
                                               "appdb", "--type", "host", "--address", "127.0.0.1", "--json"}
                               << QByteArray();
    QTest::newRow("hba edit") << QStringList {"hba", "edit", hba, "--add", "host appdb app 10.0.0.0/8 scram-sha-256"}
                              << QByteArray("save.backup-unsafe");
    QTest::newRow("env") << QStringList {"env", folder} << QByteArray();
    QTest::newRow("env json") << QStringList {"env", folder, "--json"} << QByteArray("project.binary-file");
    QTest::newRow("envs") << QStringList {"envs", folder, "--json"} << QByteArray();
    QTest::newRow("url") << QStringList {"url", "postgresql://app:Hostile%zzS3cret@127.0.0.1:1/appdb", "--json"}
                         << QByteArray();
    QTest::newRow("url env-file") << QStringList {"url", "${DATABASE_URL}", "--env-file", project(".env"), "--json"}
                                  << QByteArray();
    QTest::newRow("pool") << QStringList {"pool",         "--rps", "100",       "--avg-query-ms", "5",
                                          "--request-ms", "100",   "--project", folder,           "--json"}
                          << QByteArray();
    QTest::newRow("pool apply") << QStringList {"pool",         "--rps", "100",       "--avg-query-ms", "5",
                                                "--request-ms", "100",   "--project", folder,           "--apply"}
                                << QByteArray("edits nothing in a file whose meaning is ambiguous");
    QTest::newRow("tune") << QStringList {"tune",      "--ram", "4GB",      "--cpus", "2",
                                          "--project", folder,  "--format", "json"}
                          << QByteArray();
    QTest::newRow("tune against") << QStringList {"tune",      "--ram", "4GB",      "--cpus", "2",
                                                  "--against", conf,    "--format", "diff"}
                                  << QByteArray();
    QTest::newRow("tune apply") << QStringList {"tune", "--ram", "4GB", "--cpus", "2", "--against", conf, "--apply"}
                                << QByteArray();
    QTest::newRow("probe project") << QStringList {"probe", "--project", folder, "--json", "--timeout", "2"}
                                   << QByteArray();
    QTest::newRow("probe admin") << QStringList {"probe", server, "--admin", server, "--json", "--timeout", "2"}
                                 << QByteArray();
    const QString clean = project("clean/postgresql.conf");
    QTest::newRow("conf set clean") << QStringList {"conf", "set", clean, "work_mem=16MB"}
                                    << QByteArray("save.backup-unsafe");
    QTest::newRow("tune apply clean") << QStringList {"tune", "--ram",     "4GB", "--cpus",
                                                      "2",    "--against", clean, "--apply"}
                                      << QByteArray("save.backup-unsafe");
    QTest::newRow("drift") << QStringList {"drift", folder, "--server", server, "--json", "--timeout", "2"}
                           << QByteArray();
}

void tst_HostileProject::everyCliCommand()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expected);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("XDG_STATE_HOME", m_dir.filePath("state"));
    environment.insert("XDG_CONFIG_HOME", m_dir.filePath("config"));
    const CliRun run = runCli(arguments, project(), environment, commandTimeoutMs);
    QVERIFY2(!run.crashed, run.err.right(4000).constData());
    QVERIFY2(run.exitCode >= 0 && run.exitCode <= 2, run.err.right(4000).constData());
    QVERIFY2(expected.isEmpty() || run.out.contains(expected) || run.err.contains(expected),
             (run.out.left(2000) + run.err.left(2000)).constData());
    for (const QByteArray &secret : secrets) {
        QVERIFY2(!run.out.contains(secret), secret.constData());
        QVERIFY2(!run.err.contains(secret), secret.constData());
    }
    QCOMPARE(victimState(), m_victimBefore);
}

void tst_HostileProject::desktopScreenshot()
{
    const QString png = m_dir.filePath("window.png");
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("QT_QPA_PLATFORM", "offscreen");
    environment.insert("XDG_CONFIG_HOME", m_dir.filePath("config"));
    environment.insert("XDG_STATE_HOME", m_dir.filePath("state"));
    app.setProcessEnvironment(environment);
    app.start(pgdial::test::appPath(), {"--screenshot", png, project()});
    const bool finished = app.waitForFinished(commandTimeoutMs);
    if (!finished)
        app.kill();
    QVERIFY2(finished, "pgdial --screenshot hung on the hostile project");
    const QByteArray err = app.readAllStandardError();
    QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0, err.right(4000).constData());
    QVERIFY(!QImage(png).isNull());
    for (const QByteArray &secret : secrets)
        QVERIFY2(!err.contains(secret), secret.constData());
    QCOMPARE(victimState(), m_victimBefore);
}

void tst_HostileProject::cleanupTestCase()
{
    // The project's own files are still what the test wrote where an edit was refused.
    QCOMPARE(victimState(), m_victimBefore);
}

QTEST_GUILESS_MAIN(tst_HostileProject)
#include "tst_hostileproject.moc"
