#include "editors/settings/settingsanalyzer.h"

#include "project/project.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace pgdial::ui::editors::settings {

SettingsAnalyzer::SettingsAnalyzer(std::shared_ptr<core::project::Project> project, QString topFile, QObject *parent)
    : QObject(parent)
    , m_project(std::move(project))
    , m_topFile(std::move(topFile))
    , m_watcher(new QFutureWatcher<SettingsSnapshot>(this))
{
    connect(m_watcher, &QFutureWatcher<SettingsSnapshot>::finished, this, &SettingsAnalyzer::onWorkerFinished);
    computeNow();
}

SettingsAnalyzer::~SettingsAnalyzer()
{
    // The worker only holds its own copy of the project; waiting keeps the watcher's result valid.
    m_watcher->waitForFinished();
}

int SettingsAnalyzer::lineCount() const
{
    int lines = 0;
    for (const QString &file : m_snapshot.analysis.load.files) {
        const auto projectFile = m_project->findFile(file);
        if (projectFile && projectFile->document)
            lines += projectFile->document->lineCount();
    }
    return lines;
}

bool SettingsAnalyzer::isBusy() const
{
    return m_watcher->isRunning();
}

void SettingsAnalyzer::invalidate()
{
    ++m_generation;
    if (lineCount() <= synchronousLineLimit) {
        computeNow();
        return;
    }
    if (m_watcher->isRunning()) {
        m_rerun = true;
        return;
    }
    startWorker();
}

const SettingsSnapshot &SettingsAnalyzer::current()
{
    if (!isCurrent())
        computeNow();
    return m_snapshot;
}

void SettingsAnalyzer::computeNow()
{
    // Read from a copy: the loader adds newly included files to the project it reads, and the
    // real project's file list belongs to the DocumentManager.
    core::project::Project copy = m_project->detachedCopy();
    m_snapshot = SettingsSnapshot::compute(copy, m_topFile, m_generation);
    Q_EMIT updated();
}

void SettingsAnalyzer::startWorker()
{
    m_rerun = false;
    auto copy = std::make_shared<core::project::Project>(m_project->detachedCopy());
    m_watcher->setFuture(QtConcurrent::run([copy, top = m_topFile, generation = m_generation] {
        return SettingsSnapshot::compute(*copy, top, generation);
    }));
}

void SettingsAnalyzer::onWorkerFinished()
{
    SettingsSnapshot result = m_watcher->result();
    // A synchronous read may have overtaken the worker; never go back to an older text.
    if (result.generation >= m_snapshot.generation) {
        m_snapshot = std::move(result);
        Q_EMIT updated();
    }
    if (m_rerun || m_snapshot.generation != m_generation) {
        if (m_snapshot.generation != m_generation)
            startWorker();
        m_rerun = false;
    }
}

} // namespace pgdial::ui::editors::settings
