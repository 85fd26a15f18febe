#include "document/liveserver.h"

#include "document/projectcontext.h"
#include "live/driftanalyzer.h"
#include "live/liveserverreader.h"
#include "probe/conninfoinspector.h"
#include "project/project.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace pgdial::ui::document {

LiveServer::LiveServer(ProjectContext *context)
    : QObject(context)
    , m_context(context)
    , m_watcher(new QFutureWatcher<Outcome>(this))
{
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &LiveServer::onFinished);
    // Another project: its files are not what the old report compared.
    connect(context, &ProjectContext::projectChanged, this, [this] {
        if (m_context->project() && isConfigured())
            refresh();
        else
            disconnectServer();
    });
}

LiveServer::~LiveServer()
{
    // The worker notices the cancel flag within ProbeControl::sliceMs.
    cancel();
    m_watcher->waitForFinished();
}

QString LiveServer::maskedConninfo() const
{
    return core::probe::ConninfoInspector::maskConninfoText(m_conninfo);
}

void LiveServer::connectTo(const QString &conninfo)
{
    m_conninfo = conninfo;
    refresh();
}

void LiveServer::refresh()
{
    if (m_conninfo.isEmpty() || !m_context->project())
        return;
    cancel();
    const quint64 generation = ++m_generation;
    m_control.emplace(timeoutMs);
    auto copy = std::make_shared<core::project::Project>(m_context->project()->detachedCopy());
    m_watcher->setFuture(
        QtConcurrent::run([copy, conninfo = m_conninfo, control = *m_control, generation]() -> Outcome {
            const auto live = core::live::LiveServerReader::read(conninfo, control);
            if (!live)
                return {std::nullopt, live.error().message, generation};
            return {core::live::DriftAnalyzer::analyze(*copy, *live), QString(), generation};
        }));
    setState(State::Reading);
}

void LiveServer::cancel()
{
    if (m_control)
        m_control->cancel();
}

void LiveServer::disconnectServer()
{
    cancel();
    ++m_generation; // a read still running is ignored when it ends
    m_conninfo.clear();
    m_error.clear();
    const bool hadReport = m_report.has_value();
    m_report.reset();
    setState(State::Disconnected);
    if (hadReport)
        Q_EMIT reportChanged();
}

void LiveServer::onFinished()
{
    const Outcome outcome = m_watcher->result();
    if (outcome.generation != m_generation)
        return;
    if (outcome.report) {
        m_report = outcome.report;
        m_error.clear();
        setState(State::Ready);
    } else {
        m_report.reset();
        m_error = outcome.error;
        setState(State::Failed);
    }
    Q_EMIT reportChanged();
}

void LiveServer::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged();
}

} // namespace pgdial::ui::document
