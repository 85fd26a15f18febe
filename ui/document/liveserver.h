#pragma once

#include "live/driftreport.h"
#include "probe/probecontrol.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

template<typename T> class QFutureWatcher;

namespace pgdial::ui::document {

class ProjectContext;

// The project's live server in the desktop: a connection string the user gives (kept in memory
// for this session only, never in QSettings or the project), read on a worker with a deadline
// and Cancel (core::live::LiveServerReader), and the drift of the project's files against it
// (core::live::DriftAnalyzer on a detached copy of the project). Editors follow reportChanged.
class LiveServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveServer)

public:
    enum class State { Disconnected, Reading, Ready, Failed };
    static constexpr int timeoutMs = 30000;

    explicit LiveServer(ProjectContext *context);
    ~LiveServer() override;

    // Reads the server now (again); a read under way is cancelled first.
    void connectTo(const QString &conninfo);
    void refresh();
    void cancel();
    void disconnectServer();

    State state() const { return m_state; }
    bool isConfigured() const { return !m_conninfo.isEmpty(); }
    QString error() const { return m_error; } // with State::Failed; passwords masked
    QString maskedConninfo() const; // for labels: the password never shows
    // The newest drift report; null unless State::Ready.
    const core::live::DriftReport *report() const { return m_report ? &*m_report : nullptr; }

Q_SIGNALS:
    void stateChanged();
    void reportChanged();

private:
    struct Outcome
    {
        std::optional<core::live::DriftReport> report;
        QString error;
        quint64 generation = 0;
    };

    ProjectContext *m_context;
    QString m_conninfo;
    State m_state = State::Disconnected;
    QString m_error;
    std::optional<core::live::DriftReport> m_report;
    std::optional<core::probe::ProbeControl> m_control;
    QFutureWatcher<Outcome> *m_watcher;
    quint64 m_generation = 0;

    void onFinished();
    void setState(State state);
};

} // namespace pgdial::ui::document
