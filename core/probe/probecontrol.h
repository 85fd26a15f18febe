#pragma once

#include <atomic>
#include <chrono>
#include <memory>

namespace pgdial::core::probe {

// What every blocking step of a probe checks: the overall deadline and the cancel flag. Waits are
// cut into short slices so that cancel() is noticed within sliceMs.
class ProbeControl
{
public:
    using Clock = std::chrono::steady_clock;
    static constexpr int sliceMs = 20;

    explicit ProbeControl(int timeoutMs)
        : m_cancelled(std::make_shared<std::atomic_bool>(false))
        , m_start(Clock::now())
        , m_deadline(m_start + std::chrono::milliseconds(timeoutMs))
    { }

    void cancel() { m_cancelled->store(true); }
    bool cancelled() const { return m_cancelled->load(); }
    bool expired() const { return Clock::now() >= m_deadline; }
    bool stopped() const { return cancelled() || expired(); }
    int remainingMs() const
    {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(m_deadline - Clock::now()).count();
        return left > 0 ? int(left) : 0;
    }
    // The smaller of the stage's own budget and what is left of the overall deadline.
    int budgetMs(int stageTimeoutMs) const { return std::min(stageTimeoutMs, remainingMs()); }
    qint64 elapsedMs() const
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - m_start).count();
    }
    std::shared_ptr<std::atomic_bool> cancelFlag() const { return m_cancelled; }

private:
    std::shared_ptr<std::atomic_bool> m_cancelled;
    Clock::time_point m_start;
    Clock::time_point m_deadline;
};

} // namespace pgdial::core::probe
