#include "base/textdocument.h"
#include "environments/confcommandline.h"
#include "project/project.h"
#include "support/testfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::environments;
using pgdial::test::writeUnder;

namespace {

// Production reads the project's postgresql.conf with two flags over it (one given twice);
// development reads its image's own file.
void writeProject(const QString &root)
{
    writeUnder(root, "docker-compose.prod.yml",
               "services:\n"
               "  db:\n"
               "    image: postgres:16\n"
               "    command:\n"
               "      - postgres\n"
               "      - -c\n"
               "      - config_file=/etc/postgresql/postgresql.conf\n"
               "      - -c\n"
               "      - max_connections=150\n"
               "      - -cWork_Mem=8MB\n"
               "      - --max_connections=200\n"
               "    volumes:\n"
               "      - ./pg/postgresql.conf:/etc/postgresql/postgresql.conf:ro\n");
    writeUnder(root, "docker-compose.dev.yml",
               "services:\n  db:\n    image: postgres:16\n    command: postgres -c max_connections=20\n");
    writeUnder(root, "pg/postgresql.conf", "max_connections = 100\n");
    writeUnder(root, "other/postgresql.conf", "max_connections = 10\n");
}

} // namespace

class tst_ConfCommandLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flagsOfTheJudgedEnvironment_data();
    void flagsOfTheJudgedEnvironment();
    void followsEditsOfTheComposeFile();
};

void tst_ConfCommandLine::flagsOfTheJudgedEnvironment_data()
{
    QTest::addColumn<QString>("environment"); // ProjectSettings::environment
    QTest::addColumn<QString>("confFile");
    QTest::addColumn<QString>("expected"); // "name=value@line ..." or empty

    QTest::newRow("production by default")
        << QString() << "pg/postgresql.conf"
        << "config_file=/etc/postgresql/postgresql.conf@7 max_connections=200@11 work_mem=8MB@10";
    QTest::newRow("production by alias") << "production"
                                         << "pg/postgresql.conf"
                                         << "config_file=/etc/postgresql/postgresql.conf@7 max_connections=200@11 "
                                            "work_mem=8MB@10";
    // Development's server does not read the project's file: its flags override another one.
    QTest::newRow("development") << "dev"
                                 << "pg/postgresql.conf" << QString();
    QTest::newRow("a file no server reads") << QString() << "other/postgresql.conf" << QString();
    QTest::newRow("unknown environment") << "nope"
                                         << "pg/postgresql.conf" << QString();
}

void tst_ConfCommandLine::flagsOfTheJudgedEnvironment()
{
    QFETCH(QString, environment);
    QFETCH(QString, confFile);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    writeProject(dir.path());
    base::Result<project::Project> project = project::Project::open(dir.path());
    QVERIFY(project);
    project->settings.environment = environment;
    const ConfCommandLine flags = ConfCommandLine::of(*project, confFile);
    QStringList got;
    for (const EnvironmentSetting &setting : flags.settings) {
        QCOMPARE(setting.source.file, QStringLiteral("docker-compose.prod.yml"));
        got.append(setting.name + u'=' + setting.value + u'@' + QString::number(setting.source.line));
    }
    QCOMPARE(got.join(u' '), expected);
    QCOMPARE(flags.environment.isEmpty(), expected.isEmpty());
    if (!expected.isEmpty()) {
        QVERIFY(flags.find(QStringLiteral("WORK_MEM")));
        QVERIFY(!flags.find(QStringLiteral("shared_buffers")));
    }
}

// The answer is kept per project (the settings table asks at every edit of postgresql.conf) and
// read again when a compose file changes, also through a detached copy.
void tst_ConfCommandLine::followsEditsOfTheComposeFile()
{
    QTemporaryDir dir;
    writeProject(dir.path());
    base::Result<project::Project> project = project::Project::open(dir.path());
    QVERIFY(project);
    const QString conf = QStringLiteral("pg/postgresql.conf");
    QCOMPARE(ConfCommandLine::of(*project, conf).find(QStringLiteral("max_connections"))->value, QStringLiteral("200"));
    // An edit of the configuration itself changes nothing.
    (void)project->findFile(conf)->document->apply(base::LineEdit {0, 1, {"max_connections = 90"}, {}});
    QCOMPARE(ConfCommandLine::of(*project, conf).settings.size(), 3);
    // The compose command's last flag changed in a detached copy: that copy reads it.
    project::Project copy = project->detachedCopy();
    (void)copy.findFile(QStringLiteral("docker-compose.prod.yml"))
        ->document->apply(base::LineEdit {10, 1, {"      - --max_connections=300"}, {}});
    QCOMPARE(ConfCommandLine::of(copy, conf).find(QStringLiteral("max_connections"))->value, QStringLiteral("300"));
    QCOMPARE(ConfCommandLine::of(*project, conf).find(QStringLiteral("max_connections"))->value, QStringLiteral("200"));
    // Another environment asked for: no flags over this file.
    project->settings.environment = QStringLiteral("dev");
    QVERIFY(ConfCommandLine::of(*project, conf).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ConfCommandLine)
#include "tst_confcommandline.moc"
