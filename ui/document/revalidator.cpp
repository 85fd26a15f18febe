#include "document/revalidator.h"

#include "checks/projectchecker.h"
#include "project/project.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace pgdial::ui::document {

Revalidator::Revalidator(QObject *parent)
    : QObject(parent)
    , m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &Revalidator::runNow);
}

Revalidator::~Revalidator()
{
    // Running checks work on their own snapshots; their watchers die with us and drop the result.
    ++m_generation;
}

void Revalidator::setProject(std::shared_ptr<core::project::Project> project)
{
    m_project = std::move(project);
    m_debounce->stop();
    ++m_generation;
}

void Revalidator::schedule()
{
    if (m_project)
        m_debounce->start();
}

bool Revalidator::isBusy() const
{
    return m_debounce->isActive() || m_running > 0;
}

void Revalidator::runNow()
{
    m_debounce->stop();
    if (!m_project)
        return;
    const quint64 generation = ++m_generation;
    auto snapshot = std::make_shared<core::project::Project>(m_project->detachedCopy());
    auto *watcher = new QFutureWatcher<core::base::Diagnostics>(this);
    ++m_running;
    connect(watcher, &QFutureWatcher<core::base::Diagnostics>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        --m_running;
        if (generation == m_generation)
            Q_EMIT diagnosticsReady(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([snapshot] { return core::checks::ProjectChecker::check(*snapshot); }));
}

} // namespace pgdial::ui::document
