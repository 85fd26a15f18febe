// The tuning wizard recomputes on every input change, on the UI thread. This measures what one
// recomputation costs (both profiles, the diff against the project's postgresql.conf, the table
// update) against reading that postgresql.conf once (ProjectConfTuning::read: parse, includes,
// validation), measured in the same run. Run: build/dev/tests/bench_tuning (label bench).
#include "document/documentmanager.h"
#include "mainwindow/mainwindow.h"
#include "project/project.h"
#include "support/testenvironment.h"
#include "support/testfiles.h"
#include "support/testpaths.h"
#include "tools/tuning/tuningwizard.h"
#include "tuning/parameterlimits.h"
#include "tuning/pgdialprofile.h"
#include "tuning/pgtuneprofile.h"
#include "tuning/projectconftuning.h"
#include "tuning/tuningdiff.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

#include <algorithm>

#include <time.h>

using namespace pgdial;
using namespace pgdial::core::tuning;

class bench_Tuning final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void baselineReadConf();
    void engineRecompute();
    void wizardRecompute();
    void ratios();

private:
    std::unique_ptr<ui::mainwindow::MainWindow> m_window;
    std::shared_ptr<core::project::Project> project() const { return m_window->documents()->project(); }
    QSpinBox *ram() const { return m_window->findChild<QSpinBox *>(QStringLiteral("tuningRamSpin")); }
    void readConf() const { ProjectConfTuning::read(*project(), 17); }
    void engine(const core::project::ServerSettingLookup &lookup, int ramGb) const
    {
        TuningInputs in;
        in.totalMemory = ramGb;
        in.cpus = 8;
        PgDialContext context;
        context.poolDemand = 120;
        const TuningResult pgdial = PgDialProfile::compute(in, context);
        const TuningResult pgtune = PgTuneProfile::compute(in);
        const QList<TuningDiffRow> rows = TuningDiff::compare(pgdial, pgtune, lookup, context.limits, 17);
        QVERIFY(!rows.isEmpty());
    }
    // One input change through the widget: recompute, table update.
    void wizardStep(int i) const { ram()->setValue(16 + i % 2); }
    // CPU time of this thread: the machine is shared, so wall time says more about the other
    // processes than about this code.
    static double threadCpuNs()
    {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) * 1e9 + double(now.tv_nsec);
    }
    static double nsPer(const std::function<void(int)> &work, int iterations)
    {
        QList<double> runs;
        for (int run = 0; run < 5; ++run) {
            const double start = threadCpuNs();
            for (int i = 0; i < iterations; ++i)
                work(i);
            runs.append((threadCpuNs() - start) / iterations);
        }
        std::sort(runs.begin(), runs.end());
        return runs.at(2); // median of five
    }
};

void bench_Tuning::initTestCase()
{
    test::isolateTestEnvironment();
    static QTemporaryDir dir;
    QVERIFY(test::copyFolder(test::exampleProject(), dir.path()));
    m_window = std::make_unique<ui::mainwindow::MainWindow>();
    m_window->show();
    QSignalSpy loaded(m_window.get(), &ui::mainwindow::MainWindow::projectLoaded);
    m_window->openProject(dir.path());
    QVERIFY(loaded.wait(30000));
    QVERIFY(ram());
    // Whole GB, so that 16 and 17 are both valid values and every step recomputes.
    auto *unit = m_window->findChild<QComboBox *>(QStringLiteral("tuningRamUnitCombo"));
    unit->setCurrentIndex(unit->findData(int(MemoryUnit::GB)));
}

void bench_Tuning::cleanupTestCase()
{
    m_window.reset();
}

void bench_Tuning::baselineReadConf()
{
    QBENCHMARK
    {
        readConf();
    }
}

void bench_Tuning::engineRecompute()
{
    const core::project::ServerSettingLookup lookup = ProjectConfTuning::read(*project(), 17).lookup;
    int i = 0;
    QBENCHMARK
    {
        engine(lookup, 16 + i++ % 2);
    }
}

void bench_Tuning::wizardRecompute()
{
    int i = 0;
    QBENCHMARK
    {
        wizardStep(i++);
    }
}

void bench_Tuning::ratios()
{
    const core::project::ServerSettingLookup lookup = ProjectConfTuning::read(*project(), 17).lookup;
    const double read = nsPer([this](int) { readConf(); }, 20);
    const double engineNs = nsPer([&](int i) { engine(lookup, 16 + i % 2); }, 100);
    const double wizardNs = nsPer([this](int i) { wizardStep(i); }, 100);
    qInfo("thread CPU time per operation, median of 5 runs:");
    qInfo("read postgresql.conf (baseline): %.1f us", read / 1000);
    qInfo("engine recompute (both profiles + diff): %.1f us = %.3f x baseline", engineNs / 1000, engineNs / read);
    qInfo("wizard recompute (input change -> table): %.1f us = %.3f x baseline", wizardNs / 1000, wizardNs / read);
}

QTEST_MAIN(bench_Tuning)
#include "bench_tuning.moc"
