#include "probe/connectionprobe.h"

#include "probe/conninfoinspector.h"
#include "probe/probecontrol.h"
#include "probe/proberunner.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace pgdial::core::probe {

// What the worker thread and its owner share. The receiver is cleared (under the mutex) when the
// owner cancels or dies, so a late worker posts nothing.
struct ProbeJob
{
    explicit ProbeJob(int timeoutMs)
        : control(timeoutMs)
    { }

    ProbeControl control;
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    ProbeReport report;
    QList<ProbeStage> stages;
    ConnectionProbe *receiver = nullptr;

    template<typename Function> void post(Function function)
    {
        const std::lock_guard lock(mutex);
        if (receiver)
            QMetaObject::invokeMethod(receiver, std::move(function), Qt::QueuedConnection);
    }
};

namespace {

void startWorker(const std::shared_ptr<ProbeJob> &job, const ProbeOptions &options,
                 const std::function<void(const ProbeStage &)> &onStage)
{
    std::thread([job, options, onStage] {
        ProbeRunner runner(options, job->control, [&](const ProbeStage &stage) {
            {
                const std::lock_guard lock(job->mutex);
                job->stages.append(stage);
            }
            if (onStage)
                onStage(stage);
        });
        ProbeReport report = runner.run();
        const std::lock_guard lock(job->mutex);
        job->report = std::move(report);
        job->finished = true;
        job->done.notify_all();
    }).detach();
}

// A report for a probe that had to be abandoned: the stages done so far, then the verdict.
ProbeReport abandonedReport(QList<ProbeStage> stages, const QString &conninfoText, bool cancelled, qint64 ms)
{
    ProbeReport report;
    report.stages = std::move(stages);
    report.conninfo = ConninfoInspector::maskConninfoText(conninfoText);
    report.cancelled = cancelled;
    report.ms = ms;
    const QStringList order {u"parse"_s, u"resolve"_s, u"tcp"_s, u"tls"_s, u"auth"_s, u"session"_s, u"checks"_s};
    bool marked = false;
    for (const QString &name : order) {
        if (report.stage(name))
            continue;
        ProbeStage stage;
        stage.name = name;
        if (!marked && !cancelled) {
            stage.status = StageStatus::Fail;
            stage.verdict = Verdict::Timeout;
            stage.detail = QCoreApplication::translate("probe", "did not finish before the deadline");
            marked = true;
        } else {
            stage.detail = cancelled ? QCoreApplication::translate("probe", "cancelled")
                                     : QCoreApplication::translate("probe", "an earlier stage failed");
        }
        report.stages.append(stage);
    }
    ProbeRunner::conclude(report, ProbeRunner::context(ConninfoInspector(conninfoText)));
    report.maskSecrets(ConninfoInspector(conninfoText).masker());
    return report;
}

} // namespace

ConnectionProbe::ConnectionProbe(QObject *parent)
    : QObject(parent)
{ }

ConnectionProbe::~ConnectionProbe()
{
    if (m_job) {
        const std::lock_guard lock(m_job->mutex);
        m_job->receiver = nullptr;
        m_job->control.cancel();
    }
}

void ConnectionProbe::start(const ProbeOptions &options)
{
    if (m_job)
        cancel();
    m_stages.clear();
    m_conninfo = options.conninfo; // kept for the cancelled report's context only; masked there
    auto job = std::make_shared<ProbeJob>(options.timeoutMs);
    job->receiver = this;
    m_job = job;
    ProbeJob *raw = job.get();
    startWorker(job, options, [raw](const ProbeStage &stage) {
        raw->post([raw, stage]() {
            auto *self = raw->receiver;
            if (!self || self->m_job.get() != raw)
                return;
            self->m_stages.append(stage);
            Q_EMIT self->stageFinished(stage);
        });
    });
    // The worker posts the final report through a waiter of its own so that `finished` comes
    // after every stage (queued events keep their order).
    std::thread([job] {
        std::unique_lock lock(job->mutex);
        job->done.wait(lock, [&] { return job->finished; });
        if (!job->receiver)
            return;
        ProbeJob *current = job.get();
        QMetaObject::invokeMethod(
            job->receiver,
            [current, job]() {
                ConnectionProbe *self = nullptr;
                ProbeReport report;
                {
                    const std::lock_guard guard(current->mutex);
                    self = current->receiver;
                    report = current->report;
                }
                if (!self || self->m_job.get() != current)
                    return;
                self->m_job.reset();
                Q_EMIT self->finished(report);
            },
            Qt::QueuedConnection);
    }).detach();
}

void ConnectionProbe::cancel()
{
    if (!m_job)
        return;
    std::shared_ptr<ProbeJob> job = std::move(m_job);
    {
        const std::lock_guard lock(job->mutex);
        job->receiver = nullptr;
    }
    job->control.cancel();
    const ProbeReport report = abandonedReport(m_stages, m_conninfo, true, job->control.elapsedMs());
    QMetaObject::invokeMethod(
        this, [this, report]() { Q_EMIT finished(report); }, Qt::QueuedConnection);
}

ProbeReport ConnectionProbe::run(const ProbeOptions &options)
{
    auto job = std::make_shared<ProbeJob>(options.timeoutMs);
    startWorker(job, options, {});
    std::unique_lock lock(job->mutex);
    // The worker honours the deadline on every wait it controls; libpq's own host lookup inside
    // PQconnectPoll is the one wait it does not, hence the waiting here.
    const auto until = ProbeControl::Clock::now() + std::chrono::milliseconds(options.timeoutMs + 100);
    if (job->done.wait_until(lock, until, [&] { return job->finished; }))
        return job->report;
    job->control.cancel();
    return abandonedReport(job->stages, options.conninfo, false, job->control.elapsedMs());
}

} // namespace pgdial::core::probe
