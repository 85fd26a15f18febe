#pragma once

#include "probe/probeoptions.h"
#include "probe/probereport.h"
#include "probe/probestage.h"

#include <QObject>

#include <memory>

namespace pgdial::core::probe {

struct ProbeJob;

// The live connection tester. start() runs the stages on a worker thread and reports each one as
// it finishes (stageFinished), then the whole report (finished, exactly once per start()).
// cancel() returns at once: `finished` follows with a cancelled report, queued; the worker is
// abandoned and frees itself when its current wait ends (every wait is cut into short slices;
// a DNS lookup runs on a thread of its own). Signals are delivered on this object's thread.
class ConnectionProbe : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionProbe(QObject *parent = nullptr);
    ~ConnectionProbe() override;

    void start(const ProbeOptions &options);
    void cancel();
    bool isRunning() const { return m_job != nullptr; }

    // Blocking form for the CLI and tests: returns by the deadline (plus a few milliseconds),
    // with a timeout verdict when the worker has not finished by then.
    static ProbeReport run(const ProbeOptions &options);

Q_SIGNALS:
    void stageFinished(const pgdial::core::probe::ProbeStage &stage);
    void finished(const pgdial::core::probe::ProbeReport &report);

private:
    std::shared_ptr<ProbeJob> m_job;
    QList<ProbeStage> m_stages;
    QString m_conninfo;
};

} // namespace pgdial::core::probe

Q_DECLARE_METATYPE(pgdial::core::probe::ProbeStage)
Q_DECLARE_METATYPE(pgdial::core::probe::ProbeReport)
