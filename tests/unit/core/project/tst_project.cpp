#include "base/textfilereader.h"
#include "project/project.h"
#include "support/testpaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::project;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// A copy: the list passed in is usually a temporary.
std::optional<Diagnostic> findCode(const Diagnostics &diagnostics, const QString &code)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.code == code)
            return d;
    }
    return std::nullopt;
}

} // namespace

class tst_Project final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void examineExampleProject_data();
    void examineExampleProject();
    void exampleProjectIsClean();
    void discoversByContentWhenNested();
    void skipsDependencyAndHiddenFolders();
    void missingFolderIsAnError();
    void fileInsteadOfFolderIsAnError();
    void emptyFolderHasNoFiles();
    void binaryFileIsRefused();
    void invalidUtf8IsAWarning();
    void oversizedFileIsRefusedWithoutReadingIt();
    void unreadableFileIsReported();
    void openSingleFile();
    void addFileDeduplicates();
};

void tst_Project::examineExampleProject_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("kind");
    QTest::newRow("config.yaml") << QStringLiteral("config.yaml") << int(FileKind::AppConfig);
    QTest::newRow(".env") << QStringLiteral(".env") << int(FileKind::Env);
    QTest::newRow(".env.example") << QStringLiteral(".env.example") << int(FileKind::EnvExample);
    QTest::newRow("compose-dev") << QStringLiteral("docker-compose.dev.yml") << int(FileKind::Compose);
    QTest::newRow("compose-prod") << QStringLiteral("docker-compose.prod.yml") << int(FileKind::Compose);
    QTest::newRow("postgresql.conf") << QStringLiteral("infra/docker/prod/postgres/postgresql.conf")
                                     << int(FileKind::PostgresqlConf);
    QTest::newRow("pg_hba.conf") << QStringLiteral("infra/docker/prod/postgres/pg_hba.conf") << int(FileKind::PgHba);
    QTest::newRow("init-script") << QStringLiteral("infra/docker/prod/postgres/init-scripts/01-init-app.sh")
                                 << int(FileKind::InitScript);
}

void tst_Project::examineExampleProject()
{
    QFETCH(QString, path);
    QFETCH(int, kind);
    Result<Project> project = Project::open(pgdial::test::exampleProject());
    QVERIFY(project);
    QCOMPARE(project->files().size(), 8);
    const auto file = project->findFile(path);
    QVERIFY2(file, qPrintable(path));
    QCOMPARE(int(file->kind), kind);
    QVERIFY(file->isLoaded());
    QFile original(file->absolutePath);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(file->document->toBytes(), original.readAll());
}

void tst_Project::exampleProjectIsClean()
{
    Result<Project> project = Project::open(pgdial::test::exampleProject());
    QVERIFY(project);
    QVERIFY(!hasErrors(project->loadDiagnostics()));
    QCOMPARE(project->name(), QStringLiteral("api-forge"));
}

void tst_Project::discoversByContentWhenNested()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("deploy/db/access.conf"),
              "# rules\nlocal all all peer\nhost all all 10.0.0.0/8 scram-sha-256\n");
    writeFile(dir.filePath("deploy/db/main.conf"), "shared_buffers = 1GB\nmax_connections = 50\n");
    writeFile(dir.filePath("deploy/db/other.conf"), "[section]\nkey=value\n");
    writeFile(dir.filePath("settings/app.yaml"), "server:\n  port: 1\ndatabase:\n  url: postgresql://x@y/z\n");
    writeFile(dir.filePath("settings/logging.yaml"), "level: info\n");
    writeFile(dir.filePath("db/init/roles.sql"), "CREATE ROLE app LOGIN;\n");
    writeFile(dir.filePath("compose.yaml"), "services: {}\n");
    writeFile(dir.filePath("a/b/c/d/e/.env.production"), "DATABASE_URL=postgresql://a@b/c\n");

    Result<Project> project = Project::open(dir.path());
    QVERIFY(project);
    QCOMPARE(int(project->findFile(QStringLiteral("deploy/db/access.conf"))->kind), int(FileKind::PgHba));
    QCOMPARE(int(project->findFile(QStringLiteral("deploy/db/main.conf"))->kind), int(FileKind::PostgresqlConf));
    QVERIFY(!project->findFile(QStringLiteral("deploy/db/other.conf")));
    QCOMPARE(int(project->findFile(QStringLiteral("settings/app.yaml"))->kind), int(FileKind::AppConfig));
    QVERIFY(!project->findFile(QStringLiteral("settings/logging.yaml")));
    QCOMPARE(int(project->findFile(QStringLiteral("db/init/roles.sql"))->kind), int(FileKind::InitScript));
    QCOMPARE(int(project->findFile(QStringLiteral("compose.yaml"))->kind), int(FileKind::Compose));
    QCOMPARE(int(project->findFile(QStringLiteral("a/b/c/d/e/.env.production"))->kind), int(FileKind::Env));
}

void tst_Project::skipsDependencyAndHiddenFolders()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("node_modules/pg/postgresql.conf"), "port = 1\n");
    writeFile(dir.filePath(".git/pg_hba.conf"), "local all all trust\n");
    writeFile(dir.filePath("postgresql.conf"), "port = 1\n");
    Result<Project> project = Project::open(dir.path());
    QVERIFY(project);
    QCOMPARE(project->files().size(), 1);
}

void tst_Project::missingFolderIsAnError()
{
    Result<Project> project = Project::open(QStringLiteral("/nonexistent/pgdial/folder"));
    QVERIFY(!project);
    QCOMPARE(project.error().code, QStringLiteral("project.missing-folder"));
}

void tst_Project::fileInsteadOfFolderIsAnError()
{
    Result<Project> project = Project::open(pgdial::test::exampleProject() + QStringLiteral("/config.yaml"));
    QVERIFY(!project);
    QCOMPARE(project.error().code, QStringLiteral("project.not-a-folder"));
}

void tst_Project::emptyFolderHasNoFiles()
{
    QTemporaryDir dir;
    Result<Project> project = Project::open(dir.path());
    QVERIFY(project);
    QVERIFY(project->files().isEmpty());
    QVERIFY(project->loadDiagnostics().isEmpty());
}

void tst_Project::binaryFileIsRefused()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("postgresql.conf"), QByteArray("port = 5432\nssl = on\x00\x01\x02", 23));
    Result<Project> project = Project::open(dir.path());
    QVERIFY(project);
    const auto file = project->findFile(QStringLiteral("postgresql.conf"));
    QVERIFY(file);
    QVERIFY(!file->isLoaded());
    const std::optional<Diagnostic> d = findCode(project->loadDiagnostics(), QStringLiteral("project.binary-file"));
    QVERIFY(d);
    QCOMPARE(d->severity, Severity::Error);
    QCOMPARE(d->line, 2);
    QCOMPARE(d->column, 9);
}

void tst_Project::invalidUtf8IsAWarning()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("postgresql.conf"), "port = 5432\ncluster_name = 'caf\xE9'\n");
    Result<Project> project = Project::open(dir.path());
    QVERIFY(project);
    const auto file = project->findFile(QStringLiteral("postgresql.conf"));
    QVERIFY(file->isLoaded());
    const std::optional<Diagnostic> d = findCode(project->loadDiagnostics(), QStringLiteral("project.invalid-utf8"));
    QVERIFY(d);
    QCOMPARE(d->severity, Severity::Warning);
    QCOMPARE(d->line, 2);
    QCOMPARE(d->column, 20);
}

void tst_Project::oversizedFileIsRefusedWithoutReadingIt()
{
    QTemporaryDir dir;
    QFile big(dir.filePath("postgresql.conf"));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(qint64(64) * 1024 * 1024)); // sparse: 64 MiB without writing them
    big.close();
    Result<Project> project = Project::open(dir.path());
    QVERIFY(project);
    const std::optional<Diagnostic> d = findCode(project->loadDiagnostics(), QStringLiteral("project.file-too-large"));
    QVERIFY(d);
    QCOMPARE(d->severity, Severity::Error);
    QVERIFY(!project->findFile(QStringLiteral("postgresql.conf"))->isLoaded());
}

void tst_Project::unreadableFileIsReported()
{
    QString path;
    QString code = QStringLiteral("project.unreadable-file");
    QTemporaryDir dir;
    if (::geteuid() == 0) {
        // Permissions do not stop root. A file whose read fails would, but the bounded reader
        // refuses procfs before reading (it can block or lie about its size), which is the
        // answer root gets for such a path.
        path = QStringLiteral("/proc/self/mem");
        code = QStringLiteral("project.not-a-file");
    } else {
        path = dir.filePath("postgresql.conf");
        writeFile(path, "port = 1\n");
        QFile::setPermissions(path, QFileDevice::Permissions());
    }
    const TextFileLoad load = readTextFile(path, QStringLiteral("postgresql.conf"));
    QVERIFY(!load.document);
    QCOMPARE(load.diagnostics.size(), 1);
    QCOMPARE(load.diagnostics.first().code, code);
    QCOMPARE(load.diagnostics.first().file, QStringLiteral("postgresql.conf"));
}

void tst_Project::openSingleFile()
{
    Result<Project> project = Project::openFile(
        pgdial::test::exampleProject() + QStringLiteral("/infra/docker/prod/postgres/pg_hba.conf"), FileKind::PgHba);
    QVERIFY(project);
    QCOMPARE(project->files().size(), 1);
    QCOMPARE(project->files().first()->relativePath, QStringLiteral("pg_hba.conf"));
    Result<Project> missing = Project::openFile(QStringLiteral("/nonexistent/pg_hba.conf"), FileKind::PgHba);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, QStringLiteral("project.missing-file"));
}

void tst_Project::addFileDeduplicates()
{
    Result<Project> project = Project::open(pgdial::test::exampleProject());
    QVERIFY(project);
    const int before = int(project->files().size());
    const auto again = project->addFile(project->absolutePathOf(QStringLiteral("config.yaml")), FileKind::AppConfig);
    QCOMPARE(int(project->files().size()), before);
    QCOMPARE(again->relativePath, QStringLiteral("config.yaml"));
}

QTEST_GUILESS_MAIN(tst_Project)
#include "tst_project.moc"
