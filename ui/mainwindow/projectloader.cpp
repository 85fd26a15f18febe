#include "mainwindow/projectloader.h"

#include "checks/projectchecker.h"
#include "project/project.h"

#include <QtConcurrent/QtConcurrentRun>

namespace pgdial::ui::mainwindow {

ProjectLoader::ProjectLoader(QObject *parent) : QObject(parent) {}

ProjectLoader::~ProjectLoader()
{
    if (m_watcher)
        m_watcher->waitForFinished();
}

LoadedProject ProjectLoader::loadNow(const QString &folder, const core::project::ProjectSettings &settings)
{
    LoadedProject loaded;
    core::base::Result<core::project::Project> opened = core::project::Project::open(folder);
    if (!opened) {
        loaded.error = opened.error().message;
        return loaded;
    }
    loaded.project = std::make_shared<core::project::Project>(std::move(opened).value());
    loaded.project->settings = settings;
    loaded.diagnostics = core::checks::ProjectChecker::check(*loaded.project);
    return loaded;
}

void ProjectLoader::load(const QString &folder, const core::project::ProjectSettings &settings)
{
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<LoadedProject>(this);
    connect(watcher, &QFutureWatcher<LoadedProject>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (m_watcher == watcher)
            m_watcher = nullptr;
        if (generation == m_generation)
            Q_EMIT loadFinished(watcher->result());
    });
    m_watcher = watcher;
    Q_EMIT loadStarted(folder);
    watcher->setFuture(QtConcurrent::run([folder, settings] { return loadNow(folder, settings); }));
}

bool ProjectLoader::isLoading() const
{
    return m_watcher != nullptr;
}

} // namespace pgdial::ui::mainwindow
