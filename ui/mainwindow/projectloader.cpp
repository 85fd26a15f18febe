#include "mainwindow/projectloader.h"

#include "checks/projectchecker.h"
#include "environments/targetversion.h"
#include "project/loadcontrol.h"
#include "project/project.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <mutex>

namespace pgdial::ui::mainwindow {

ProjectLoader::ProjectLoader(QObject *parent)
    : QObject(parent)
{ }

ProjectLoader::~ProjectLoader()
{
    if (m_control)
        m_control->cancel(); // closing the window does not wait for the whole check
    // Cancelled loads too: their workers report to this object until they end.
    for (auto *watcher : findChildren<QFutureWatcher<LoadedProject> *>())
        watcher->waitForFinished();
}

LoadedProject ProjectLoader::loadNow(const QString &folder, const core::project::ProjectSettings &settings,
                                     const std::shared_ptr<core::project::LoadControl> &control)
{
    LoadedProject loaded;
    if (control)
        control->report(tr("Reading the folder"), 0, 0);
    core::base::Result<core::project::Project> opened = core::project::Project::open(folder);
    if (!opened) {
        loaded.error = opened.error().message;
        return loaded;
    }
    loaded.project = std::make_shared<core::project::Project>(std::move(opened).value());
    loaded.project->settings = settings;
    // The target version follows the environment's server image unless the user chose one; an
    // environment remembered from an earlier visit that is gone no longer counts.
    if (!core::environments::TargetVersion::apply(*loaded.project)) {
        loaded.project->settings.environment.clear();
        (void)core::environments::TargetVersion::apply(*loaded.project);
    }
    loaded.project->loadControl = control;
    loaded.diagnostics = core::checks::ProjectChecker::check(*loaded.project);
    loaded.project->loadControl.reset(); // later checks (after edits) are not this load's
    return loaded;
}

void ProjectLoader::load(const QString &folder, const core::project::ProjectSettings &settings)
{
    if (m_control)
        m_control->cancel(); // superseded: stop it early
    const quint64 generation = ++m_generation;
    // Reports come from the worker: throttled there, delivered here through the event loop.
    QPointer<ProjectLoader> self(this);
    struct Throttle
    {
        std::mutex mutex;
        QElapsedTimer sinceLast;
        QString stage;
    };
    auto throttle = std::make_shared<Throttle>();
    auto control = std::make_shared<core::project::LoadControl>(
        [self, generation, throttle](const QString &stage, qint64 done, qint64 total) {
            {
                // A new stage always shows; within one, ten reports a second are plenty.
                const std::lock_guard lock(throttle->mutex);
                if (stage == throttle->stage && throttle->sinceLast.isValid() && throttle->sinceLast.elapsed() < 100)
                    return;
                throttle->stage = stage;
                throttle->sinceLast.start();
            }
            QObject *target = self.data(); // alive: the destructor waits for every worker
            if (!target)
                return;
            QMetaObject::invokeMethod(
                target,
                [self, generation, stage, done, total] {
                    if (self && generation == self->m_generation)
                        Q_EMIT self->loadProgress(stage, done, total);
                },
                Qt::QueuedConnection);
        });
    m_control = control;
    auto *watcher = new QFutureWatcher<LoadedProject>(this);
    connect(watcher, &QFutureWatcher<LoadedProject>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (m_watcher == watcher)
            m_watcher = nullptr;
        if (generation == m_generation) {
            m_control.reset();
            Q_EMIT loadFinished(watcher->result());
        }
    });
    m_watcher = watcher;
    Q_EMIT loadStarted(folder);
    watcher->setFuture(QtConcurrent::run([folder, settings, control] { return loadNow(folder, settings, control); }));
}

void ProjectLoader::cancel()
{
    if (!m_control)
        return;
    m_control->cancel();
    m_control.reset();
    ++m_generation; // whatever the worker still returns is dropped
    m_watcher = nullptr; // it deletes itself when the worker ends
    Q_EMIT loadCanceled();
}

bool ProjectLoader::isLoading() const
{
    return m_watcher != nullptr;
}

} // namespace pgdial::ui::mainwindow
