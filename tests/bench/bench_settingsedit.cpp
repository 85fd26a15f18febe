// One edit in the settings table until the Problems panel shows the new verdict, on the example
// project and on a generated 20,000-line postgresql.conf. What is timed, per edit:
//   table    SettingsEditor::setParameter (ConfEditor + applyEdits) until the settings model shows
//            the new value (synchronous for the example, the worker's result for 20,000 lines);
//   chain    table + ProjectChecker over a detached copy (what the Revalidator runs after its
//            150 ms debounce, here run directly) + the Problems model and the table's badges
//            updated from the result; the checks reuse the table's reading of the configuration
//            through the project's ConfAnalysisCache when the text has not changed since;
//   baseline the same line edit by a plain ProjectDocument::applyEdits with no table open, the
//            same checks and the same Problems model update.
// The debounce itself is left out on purpose: it is a fixed wait, not work.
#include "checks/projectchecker.h"
#include "document/documentmanager.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "editors/settings/settingsanalyzer.h"
#include "editors/settings/settingseditor.h"
#include "editors/settings/settingsmodel.h"
#include "editors/settings/settingssnapshot.h"
#include "gui/guitesthelpers.h"
#include "models/diagnosticsmodel.h"
#include "pgconf/confanalysiscache.h"
#include "project/project.h"
#include "support/testpaths.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

#include <ctime>

using namespace pgdial;

class bench_SettingsEdit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editToProblems_data();
    void editToProblems();
};

namespace {

constexpr const char *confRelative = "infra/docker/prod/postgres/postgresql.conf";

// CPU time of the whole process (UI thread and workers): the work itself, whatever the load of
// a shared machine does to wall time.
double cpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

void updateProblems(ui::models::DiagnosticsModel &problems, ui::document::ProjectContext &context,
                    core::project::Project &project)
{
    core::project::Project copy = project.detachedCopy();
    const core::base::Diagnostics diagnostics = core::checks::ProjectChecker::check(copy);
    problems.setDiagnostics(diagnostics);
    context.setDiagnostics(diagnostics);
}

} // namespace

void bench_SettingsEdit::editToProblems_data()
{
    QTest::addColumn<int>("lines");
    QTest::newRow("example") << 0;
    QTest::newRow("20000 lines") << 20000;
}

void bench_SettingsEdit::editToProblems()
{
    QFETCH(int, lines);
    QTemporaryDir dir;
    QVERIFY(test::copyFolder(test::exampleProject(), dir.path()));
    const QString confPath = dir.filePath(QString::fromLatin1(confRelative));
    if (lines > 0) {
        QFile file(confPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        int n = int(bytes.count('\n'));
        for (int i = 0; n < lines; ++i, ++n) {
            switch (i % 4) {
            case 0:
                bytes += "# notes on block " + QByteArray::number(i) + ": nothing for the parser here\n";
                break;
            case 1:
                bytes += "#tcp_keepalives_idle = " + QByteArray::number(i % 600) + "\t\t# a sample line\n";
                break;
            case 2:
                bytes += "ext" + QByteArray::number(i % 53) + ".setting_" + QByteArray::number(i) + " = 'v"
                    + QByteArray::number(i) + "'\n";
                break;
            default:
                bytes += "\n";
                break;
            }
        }
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
    }
    auto opened = core::project::Project::open(dir.path());
    QVERIFY(opened);
    auto project = std::make_shared<core::project::Project>(std::move(*opened));
    // As the loader does: one check first, so included files have joined the project.
    core::checks::ProjectChecker::check(*project);
    ui::document::DocumentManager documents;
    documents.setProject(project);
    ui::document::ProjectContext context(&documents);
    context.setProject(project);
    ui::document::ProjectDocument *document = documents.document(QString::fromLatin1(confRelative));
    QVERIFY(document);
    const int lineCount = document->text()->lineCount();
    ui::models::DiagnosticsModel problems;

    const int rounds = lines > 0 ? 15 : 40;
    const QByteArray workMemLine = "work_mem = 4MB\t\t# Per-operation memory";
    int workMemIndex = -1;
    for (int i = 0; i < lineCount && workMemIndex < 0; ++i) {
        if (document->text()->line(i) == workMemLine)
            workMemIndex = i;
    }
    QVERIFY(workMemIndex >= 0);

    // Baseline first, with no table open: the same edit by hand, checks, Problems model.
    QList<double> baseline;
    QList<double> baselineCpu;
    for (int round = 0; round < rounds; ++round) {
        const QByteArray value = round % 2 ? "4MB" : "8MB";
        const double cpuStart = cpuMs();
        QElapsedTimer timer;
        timer.start();
        document->applyEdits(
            {core::base::LineEdit {workMemIndex, 1, {"work_mem = " + value + "\t\t# Per-operation memory"}, {}}},
            QStringLiteral("Set work_mem"));
        updateProblems(problems, context, *project);
        baseline.append(timer.nsecsElapsed() / 1e6);
        baselineCpu.append(cpuMs() - cpuStart);
    }
    // The configuration's reading alone (parse, validate, effective settings), as the table does
    // it when nothing is cached yet.
    QList<double> reading;
    for (int round = 0; round < rounds; ++round) {
        core::pgconf::ConfAnalysisCache::of(*project)->clear();
        const double cpuStart = cpuMs();
        core::project::Project copy = project->detachedCopy();
        const ui::editors::settings::SettingsSnapshot snapshot
            = ui::editors::settings::SettingsSnapshot::compute(copy, QString::fromLatin1(confRelative), 0);
        QVERIFY(!snapshot.analysis.effective.settings().isEmpty());
        reading.append(cpuMs() - cpuStart);
    }
    document->undoStack()->clear();

    ui::editors::settings::SettingsEditor editor(document, &context);
    editor.resize(1200, 700);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    ui::editors::settings::SettingsModel *model = editor.model();
    const int hitsBefore = core::pgconf::ConfAnalysisCache::of(*project)->hits();
    const int missesBefore = core::pgconf::ConfAnalysisCache::of(*project)->misses();
    QList<double> table;
    QList<double> chain;
    QList<double> uiThread;
    QList<double> tableCpu;
    QList<double> chainCpu;
    for (int round = 0; round < rounds; ++round) {
        // Start from the value the baseline's last round did not leave, so that the first table
        // edit changes the text too (an edit to the same value is no edit at all).
        const bool lastWasEight = (rounds - 1) % 2 == 0;
        const QString value = (round % 2 == 0) == lastWasEight ? QStringLiteral("4MB") : QStringLiteral("8MB");
        QSignalSpy updated(editor.analyzer(), &ui::editors::settings::SettingsAnalyzer::updated);
        const double cpuStart = cpuMs();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(editor.setParameter(QStringLiteral("work_mem"), value));
        uiThread.append(timer.nsecsElapsed() / 1e6);
        while (model->valueOf(QStringLiteral("work_mem")) != value)
            QVERIFY(updated.wait(5000));
        table.append(timer.nsecsElapsed() / 1e6);
        tableCpu.append(cpuMs() - cpuStart);
        updateProblems(problems, context, *project);
        QCoreApplication::processEvents(); // the view repaints the changed rows
        chain.append(timer.nsecsElapsed() / 1e6);
        chainCpu.append(cpuMs() - cpuStart);
    }
    const double base = median(baseline);
    qInfo("%s (%d lines), median of %d edits: table %.2f ms (UI thread %.2f ms), edit->problems chain %.2f ms, "
          "baseline applyEdits+checks+problems %.2f ms; chain/baseline %.2fx, table share %.0f%%",
          QTest::currentDataTag(), lineCount, rounds, median(table), median(uiThread), median(chain), base,
          median(chain) / base, 100.0 * median(table) / median(chain));
    qInfo("%s CPU time (process, all threads): reading alone %.2f ms, table %.2f ms, chain %.2f ms, baseline %.2f ms; "
          "chain/baseline %.2fx, table/reading %.2fx",
          QTest::currentDataTag(), median(reading), median(tableCpu), median(chainCpu), median(baselineCpu),
          median(chainCpu) / median(baselineCpu), median(tableCpu) / median(reading));
    qInfo("%s configuration readings during the %d table edits: %d read, %d reused from the table's reading",
          QTest::currentDataTag(), rounds, core::pgconf::ConfAnalysisCache::of(*project)->misses() - missesBefore,
          core::pgconf::ConfAnalysisCache::of(*project)->hits() - hitsBefore);
}

QTEST_MAIN(bench_SettingsEdit)
#include "bench_settingsedit.moc"
