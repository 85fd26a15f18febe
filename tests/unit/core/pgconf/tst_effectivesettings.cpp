#include "checks/projectchecker.h"
#include "pgconf/confloader.h"
#include "pgconf/confprojectanalyzer.h"
#include "pgconf/confvalidator.h"
#include "pgconf/effectivesettings.h"
#include "project/project.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::checks;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::pgconf;

// The value that wins per parameter, where it comes from, what it overrides, restart vs reload;
// and the project-level hook (ProjectChecker, ServerSettingLookup).
class tst_EffectiveSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void winnersAcrossIncludes();
    void badValueDoesNotWin();
    void aliasesAndCase();
    void projectLookupAndCheck();

private:
    static EffectiveSettings compute(const QHash<QString, QByteArray> &files, int major = 17);
    static void write(const QString &path, const QByteArray &bytes);
};

EffectiveSettings tst_EffectiveSettings::compute(const QHash<QString, QByteArray> &files, int major)
{
    ConfLoader loader;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        loader.setOverride("/virtual/" + it.key(), it.value());
    const ConfLoadResult load = loader.load("/virtual/postgresql.conf");
    const ParameterCatalog &catalog = ParameterCatalog::forVersion(major);
    const ConfValidation validation = ConfValidator(catalog, major).validate(load);
    return EffectiveSettings::compute(load, validation, catalog);
}

void tst_EffectiveSettings::write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

void tst_EffectiveSettings::winnersAcrossIncludes()
{
    const EffectiveSettings effective = compute({
        {"postgresql.conf",
         "shared_buffers = 128MB\nwork_mem = 4MB  # small\ninclude 'tuning.conf'\nmyext.level = 3\n"},
        {"tuning.conf", "# tuned\nshared_buffers = 2GB\ncheckpoint_timeout = 15min\n"},
    });
    QCOMPARE(effective.settings().size(), 4);
    const EffectiveSetting *sharedBuffers = effective.find("SHARED_BUFFERS");
    QVERIFY(sharedBuffers);
    QCOMPARE(sharedBuffers->value, QStringLiteral("2GB"));
    QCOMPARE(sharedBuffers->setting, QStringLiteral("262144"));
    QCOMPARE(sharedBuffers->file, QStringLiteral("tuning.conf"));
    QCOMPARE(sharedBuffers->line, 2);
    QCOMPARE(sharedBuffers->overrides, QStringList {"postgresql.conf:1"});
    QVERIFY(sharedBuffers->needsRestart());
    const EffectiveSetting *workMem = effective.find("work_mem");
    QCOMPARE(workMem->value, QStringLiteral("4MB"));
    QVERIFY(workMem->overrides.isEmpty());
    QVERIFY(!workMem->needsRestart());
    QCOMPARE(effective.find("checkpoint_timeout")->setting, QStringLiteral("900"));
    const EffectiveSetting *custom = effective.find("MyExt.Level");
    QVERIFY(custom);
    QVERIFY(custom->custom);
    QCOMPARE(custom->value, QStringLiteral("3"));
    QVERIFY(!effective.find("maintenance_work_mem"));
}

void tst_EffectiveSettings::badValueDoesNotWin()
{
    // Same spelling: the server ignores line 1 and refuses line 2, so the default applies.
    QVERIFY(!compute({{"postgresql.conf", "work_mem = 8MB\nwork_mem = 8mb\n"}}).find("work_mem"));
    // Another spelling: line 1 is applied, line 2 refused, so line 1 stays in effect.
    const EffectiveSettings effective = compute({{"postgresql.conf", "work_mem = 8MB\nWORK_MEM = 8mb\n"}});
    const EffectiveSetting *workMem = effective.find("work_mem");
    QVERIFY(workMem);
    QCOMPARE(workMem->line, 1);
}

void tst_EffectiveSettings::aliasesAndCase()
{
    const EffectiveSettings effective = compute({{"postgresql.conf", "sort_mem = 1024\nWork_Mem = '2MB'\n"}});
    const EffectiveSetting *workMem = effective.find("work_mem");
    QVERIFY(workMem);
    QCOMPARE(workMem->name, QStringLiteral("work_mem"));
    QCOMPARE(workMem->setting, QStringLiteral("2048"));
    QCOMPARE(workMem->overrides, QStringList {"postgresql.conf:1"});
    QCOMPARE(effective.find("sort_mem"), workMem);
    const auto lookup = effective.lookup();
    const auto found = lookup("WORK_MEM");
    QVERIFY(found);
    QCOMPARE(found->name, QStringLiteral("work_mem"));
    QCOMPARE(found->value, QStringLiteral("2MB"));
    QCOMPARE(found->line, 2);
    QVERIFY(!lookup("port"));
}

void tst_EffectiveSettings::projectLookupAndCheck()
{
    QTemporaryDir dir;
    write(dir.filePath("db/postgresql.conf"), "port = 5433\nshared_bufers = 1GB\ninclude_dir 'conf.d'\n");
    write(dir.filePath("db/conf.d/10-memory.conf"), "work_mem = 64MB\nwork_mem = 64mb\n");
    auto project = Project::open(dir.path());
    QVERIFY(project);
    project->settings.pgVersion = 16;
    const QList<ConfAnalysis> analyses = ConfProjectAnalyzer::analyze(*project);
    QCOMPARE(analyses.size(), 1);
    QCOMPARE(analyses.first().file, QStringLiteral("db/postgresql.conf"));
    QVERIFY(project->findFile("db/conf.d/10-memory.conf"));

    const Diagnostics diagnostics = ProjectChecker::check(*project);
    QStringList found;
    for (const Diagnostic &d : diagnostics) {
        if (d.code.startsWith("conf."))
            found.append(d.code + '@' + d.file + ':' + QString::number(d.line));
    }
    QCOMPARE(found, QStringList({"conf.unknown-parameter@db/postgresql.conf:2"}));
    for (const Diagnostic &d : diagnostics) {
        if (d.code != "conf.unknown-parameter")
            continue;
        QVERIFY(d.fix);
        QCOMPARE(d.fix->file, QStringLiteral("db/postgresql.conf"));
        QCOMPARE(d.fix->edits.size(), 1);
        QCOMPARE(d.fix->edits.first().firstIndex, 1);
        QCOMPARE(d.fix->edits.first().lines, QList<QByteArray> {"shared_buffers = 1GB"});
    }

    // Without the unknown name, the value checks run (the file is judged as the server would).
    write(dir.filePath("db/postgresql.conf"), "port = 5433\ninclude_dir 'conf.d'\n");
    auto reopened = Project::open(dir.path());
    QVERIFY(reopened);
    const Diagnostics second = ProjectChecker::check(*reopened);
    QStringList codes;
    for (const Diagnostic &d : second) {
        if (d.code.startsWith("conf."))
            codes.append(d.code + '@' + d.file + ':' + QString::number(d.line));
    }
    QCOMPARE(codes,
             QStringList({"conf.duplicate-parameter@db/conf.d/10-memory.conf:1",
                          "conf.invalid-unit@db/conf.d/10-memory.conf:2"}));
    for (const Diagnostic &d : second) {
        if (d.code == "conf.duplicate-parameter") {
            QVERIFY(d.fix);
            QCOMPARE(d.fix->edits.first().lines, QList<QByteArray> {"#work_mem = 64MB"});
        }
    }
    const auto lookup = ConfProjectAnalyzer::lookup(*reopened);
    const auto port = lookup("port");
    QVERIFY(port);
    QCOMPARE(port->value, QStringLiteral("5433"));
    QCOMPARE(port->file, QStringLiteral("db/postgresql.conf"));
    QVERIFY(!lookup("work_mem")); // line 1 ignored as a duplicate, line 2 refused
}

QTEST_GUILESS_MAIN(tst_EffectiveSettings)
#include "tst_effectivesettings.moc"
