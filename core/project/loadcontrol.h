#pragma once

#include <QString>

#include <atomic>
#include <functional>

namespace pgdial::core::project {

// Watches and stops a long project load from another thread (the desktop loads on a worker and
// shows progress with a Cancel button). The steps that can take long (reading a postgresql.conf
// of a million lines) report how far they are and stop early once cancelled; the caller then
// drops the half-made result. Plain functions, no widgets: the UI turns reports into signals.
class LoadControl
{
public:
    // `done` of `total` units (bytes) of `stage` (a translated sentence); called on the loading thread.
    using ProgressFunction = std::function<void(const QString &stage, qint64 done, qint64 total)>;

    explicit LoadControl(ProgressFunction progress = {})
        : m_progress(std::move(progress))
    { }

    void cancel() { m_canceled.store(true, std::memory_order_relaxed); }
    bool isCanceled() const { return m_canceled.load(std::memory_order_relaxed); }
    void report(const QString &stage, qint64 done, qint64 total) const
    {
        if (m_progress)
            m_progress(stage, done, total);
    }

private:
    ProgressFunction m_progress;
    std::atomic<bool> m_canceled = false;
};

} // namespace pgdial::core::project
