#include "environments/targetversion.h"
#include "project/project.h"
#include "support/testfiles.h"
#include "support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::environments;
using pgdial::test::writeUnder;

namespace {

QByteArray composeWithImage(const QByteArray &image)
{
    return "services:\n  db:\n    image: " + image + "\n";
}

using ImageFiles = QList<QPair<QString, QByteArray>>; // compose file, server image

} // namespace

class tst_TargetVersion final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chooses_data();
    void chooses();
    void userChoiceWins();
    void unknownEnvironmentIsAnError();
    void noEnvironmentsKeepsTheDefault();
};

void tst_TargetVersion::chooses_data()
{
    QTest::addColumn<ImageFiles>("files");
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("source");

    const ImageFiles devAndProd {{"docker-compose.dev.yml", "postgres:15-alpine"},
                                 {"docker-compose.prod.yml", "postgres:16-alpine"}};
    QTest::newRow("production preferred") << devAndProd << QString() << "prod" << 16 << "docker-compose.prod.yml:3";
    QTest::newRow("named environment") << devAndProd << "dev"
                                       << "dev" << 15 << "docker-compose.dev.yml:3";
    QTest::newRow("alias of a name") << devAndProd << "development"
                                     << "dev" << 15 << "docker-compose.dev.yml:3";
    QTest::newRow("first when no production")
        << ImageFiles {{"compose.staging.yaml", "postgis/postgis:14-3.4"}, {"compose.test.yaml", "postgres:13"}}
        << QString() << "staging" << 14 << "compose.staging.yaml:3";
    QTest::newRow("latest is the default")
        << ImageFiles {{"docker-compose.prod.yml", "postgres:latest"}} << QString() << "prod" << 17 << QString();
    QTest::newRow("unsupported major is the default")
        << ImageFiles {{"docker-compose.prod.yml", "postgres:12"}} << QString() << "prod" << 17 << QString();
    QTest::newRow("example project") << ImageFiles {} << QString() << "prod" << 16 << "docker-compose.prod.yml:5";
}

void tst_TargetVersion::chooses()
{
    QFETCH(ImageFiles, files);
    QFETCH(QString, requested);
    QFETCH(QString, environment);
    QFETCH(int, version);
    QFETCH(QString, source);
    QTemporaryDir dir;
    for (const auto &[path, image] : files)
        writeUnder(dir.path(), path, composeWithImage(image));
    base::Result<project::Project> project
        = project::Project::open(files.isEmpty() ? pgdial::test::exampleProject() : dir.path());
    QVERIFY(project);
    project->settings.environment = requested;
    QVERIFY(TargetVersion::apply(*project));
    QCOMPARE(project->settings.pgVersionEnvironment, environment);
    QCOMPARE(project->settings.pgVersion, version);
    QVERIFY(!project->settings.pgVersionFromUser);
    const QString where = project->settings.pgVersionSourceFile.isEmpty()
        ? QString()
        : project->settings.pgVersionSourceFile + u':' + QString::number(project->settings.pgVersionSourceLine);
    QCOMPARE(where, source);
}

void tst_TargetVersion::userChoiceWins()
{
    base::Result<project::Project> project = project::Project::open(pgdial::test::exampleProject());
    QVERIFY(project);
    project->settings.pgVersion = 13;
    project->settings.pgVersionFromUser = true;
    QVERIFY(TargetVersion::apply(*project));
    QCOMPARE(project->settings.pgVersion, 13);
    QVERIFY(project->settings.pgVersionSourceFile.isEmpty());
    QCOMPARE(project->settings.pgVersionEnvironment, QStringLiteral("prod"));
}

void tst_TargetVersion::unknownEnvironmentIsAnError()
{
    base::Result<project::Project> project = project::Project::open(pgdial::test::exampleProject());
    QVERIFY(project);
    project->settings.environment = QStringLiteral("staging");
    const base::Result<void> applied = TargetVersion::apply(*project);
    QVERIFY(!applied);
    QCOMPARE(applied.error().code, QStringLiteral("env.unknown-environment"));
    QVERIFY2(applied.error().message.contains(QStringLiteral("dev, prod")), qPrintable(applied.error().message));
    QCOMPARE(project->settings.pgVersion, project::ProjectSettings::defaultPgVersion); // untouched
}

void tst_TargetVersion::noEnvironmentsKeepsTheDefault()
{
    QTemporaryDir dir;
    writeUnder(dir.path(), "postgresql.conf", "port = 5432\n");
    base::Result<project::Project> project = project::Project::open(dir.path());
    QVERIFY(project);
    project->settings.pgVersion = 14; // a leftover of an earlier derivation is replaced
    QVERIFY(TargetVersion::apply(*project));
    QCOMPARE(project->settings.pgVersion, project::ProjectSettings::defaultPgVersion);
    QVERIFY(project->settings.pgVersionEnvironment.isEmpty());
    QVERIFY(project->settings.pgVersionSourceFile.isEmpty());
}

QTEST_GUILESS_MAIN(tst_TargetVersion)
#include "tst_targetversion.moc"
