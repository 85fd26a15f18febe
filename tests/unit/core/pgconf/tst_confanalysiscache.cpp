// The shared reading of a postgresql.conf (ConfAnalysisCache): a detached copy reuses what the
// project (or another copy) read while the texts and settings are the same, and reads again
// after any change of the top file, an included file, the target version or the RAM. What the
// checks report is the same whether the reading came from the cache or not.
#include "checks/projectchecker.h"
#include "pgconf/confanalysiscache.h"
#include "pgconf/confprojectanalyzer.h"
#include "project/project.h"

#include <QtTest>

using namespace pgdial::core;
using namespace pgdial::core::checks;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::pgconf;

class tst_ConfAnalysisCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void copiesReuseTheReading();
    void editOfTopFileReadsAgain();
    void editOfIncludedFileReadsAgain();
    void settingsChangeReadsAgain();
    void checksAgreeWithAColdReading();
    void projectCheckerReadsOnce();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Project> m_project;
    ConfAnalysisCache *cache() const { return ConfAnalysisCache::of(*m_project); }
    std::shared_ptr<ProjectFile> file(const QString &path) const { return m_project->findFile(path); }
    void edit(const QString &path, int line, const QByteArray &text)
    {
        file(path)->document->apply(LineEdit {line, 1, {text}, {}});
    }
};

namespace {

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

void tst_ConfAnalysisCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    write(m_dir->filePath("postgresql.conf"),
          "max_connections = 100\nwork_mem = 4MB\ninclude = 'conf.d/extra.conf'\n"
          "fsync = off\nshared_bufers = 1GB\n");
    write(m_dir->filePath("conf.d/extra.conf"), "# extra\nmaintenance_work_mem = 64MB\n");
    auto opened = Project::open(m_dir->path());
    QVERIFY(opened);
    m_project = std::make_unique<Project>(std::move(*opened));
    QVERIFY(cache());
    ProjectChecker::check(*m_project); // as the loader does: included files join the project
    QVERIFY(file("conf.d/extra.conf"));
}

void tst_ConfAnalysisCache::copiesReuseTheReading()
{
    const int misses = cache()->misses();
    const int hits = cache()->hits();
    Project copy = m_project->detachedCopy();
    QCOMPARE(ConfAnalysisCache::of(copy), cache());
    const ConfAnalysis first = ConfProjectAnalyzer::analyzeFile(copy, "postgresql.conf");
    Project another = m_project->detachedCopy();
    const ConfAnalysis second = ConfProjectAnalyzer::analyzeFile(another, "postgresql.conf");
    QCOMPARE(cache()->misses(), misses);
    QCOMPARE(cache()->hits(), hits + 2);
    QCOMPARE(second.effective.find("work_mem")->value, QString("4MB"));
    QCOMPARE(first.load.files, second.load.files);
}

void tst_ConfAnalysisCache::editOfTopFileReadsAgain()
{
    edit("postgresql.conf", 1, "work_mem = 8MB");
    Project copy = m_project->detachedCopy();
    const int misses = cache()->misses();
    QCOMPARE(ConfProjectAnalyzer::analyzeFile(copy, "postgresql.conf").effective.find("work_mem")->value,
             QString("8MB"));
    QCOMPARE(cache()->misses(), misses + 1);
    // The copy's reading is stored: the next copy of the same text reuses it.
    Project next = m_project->detachedCopy();
    const int hits = cache()->hits();
    QCOMPARE(ConfProjectAnalyzer::analyzeFile(next, "postgresql.conf").effective.find("work_mem")->value,
             QString("8MB"));
    QCOMPARE(cache()->hits(), hits + 1);
    // Editing the copy only does not change what the project reads.
    next.findFile("postgresql.conf")->document->apply(LineEdit {1, 1, {"work_mem = 16MB"}, {}});
    QCOMPARE(ConfProjectAnalyzer::analyzeFile(next, "postgresql.conf").effective.find("work_mem")->value,
             QString("16MB"));
    Project third = m_project->detachedCopy();
    QCOMPARE(ConfProjectAnalyzer::analyzeFile(third, "postgresql.conf").effective.find("work_mem")->value,
             QString("8MB"));
}

void tst_ConfAnalysisCache::editOfIncludedFileReadsAgain()
{
    Project before = m_project->detachedCopy();
    QCOMPARE(ConfProjectAnalyzer::analyzeFile(before, "postgresql.conf").effective.find("maintenance_work_mem")->value,
             QString("64MB"));
    edit("conf.d/extra.conf", 1, "maintenance_work_mem = 256MB");
    Project after = m_project->detachedCopy();
    const int misses = cache()->misses();
    QCOMPARE(ConfProjectAnalyzer::analyzeFile(after, "postgresql.conf").effective.find("maintenance_work_mem")->value,
             QString("256MB"));
    QCOMPARE(cache()->misses(), misses + 1);
}

void tst_ConfAnalysisCache::settingsChangeReadsAgain()
{
    Project copy = m_project->detachedCopy();
    ConfProjectAnalyzer::analyzeFile(copy, "postgresql.conf");
    int misses = cache()->misses();
    copy.settings.pgVersion = 13;
    ConfProjectAnalyzer::analyzeFile(copy, "postgresql.conf");
    QCOMPARE(cache()->misses(), ++misses);
    copy.settings.ramBytes = qint64(8) << 30;
    ConfProjectAnalyzer::analyzeFile(copy, "postgresql.conf");
    QCOMPARE(cache()->misses(), ++misses);
}

void tst_ConfAnalysisCache::checksAgreeWithAColdReading()
{
    edit("postgresql.conf", 0, "max_connections = lots");
    Project warm = m_project->detachedCopy();
    ConfProjectAnalyzer::analyzeFile(warm, "postgresql.conf"); // the table's reading
    const Diagnostics fromCache = ProjectChecker::check(warm);
    cache()->clear();
    Project cold = m_project->detachedCopy();
    const Diagnostics fresh = ProjectChecker::check(cold);
    QCOMPARE(fromCache.size(), fresh.size());
    QVERIFY(fromCache == fresh);
    bool unknownWithFix = false;
    for (const Diagnostic &diagnostic : fromCache)
        unknownWithFix = unknownWithFix || (diagnostic.code == "conf.unknown-parameter" && diagnostic.fix);
    QVERIFY(unknownWithFix); // the fixes come along with a reused reading
}

void tst_ConfAnalysisCache::projectCheckerReadsOnce()
{
    edit("postgresql.conf", 1, "work_mem = 32MB");
    Project copy = m_project->detachedCopy();
    const int misses = cache()->misses();
    ProjectChecker::check(copy);
    // One reading for the configuration's own diagnostics and the cross-file checks together.
    QCOMPARE(cache()->misses(), misses + 1);
}

QTEST_APPLESS_MAIN(tst_ConfAnalysisCache)
#include "tst_confanalysiscache.moc"
