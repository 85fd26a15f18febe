#pragma once

#include "hba/hbafile.h"
#include "probe/probereport.h"
#include "project/serversetting.h"
#include "tools/connectiontester/hbaruleinserter.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QListView;
class QPushButton;
class QTreeView;

namespace pgdial::core::probe {
class ConnectionProbe;
}

namespace pgdial::ui::document {
class ProjectContext;
} // namespace pgdial::ui::document

namespace pgdial::ui::tools::connectiontester {

class ConninfoField;
class ProbeHistoryModel;
class ProbeTimelineModel;
class VerdictPanel;

// The connection tester: pick the project's connection string (or type one), Test runs the probe
// on worker threads (core::probe::ConnectionProbe) while the timeline fills in stage by stage;
// Cancel returns at once. The verdict names the file and line to change; for hba_no_entry it
// offers the rule to add. Every run of the session stays in the history list.
class ConnectionTesterWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionTesterWidget(document::ProjectContext *context, QWidget *parent = nullptr);
    ~ConnectionTesterWidget() override;

    bool isRunning() const;
    ConninfoField *conninfoField() const { return m_conninfo; }
    ConninfoField *adminField() const { return m_admin; }
    ProbeTimelineModel *timelineModel() const { return m_timeline; }
    ProbeHistoryModel *historyModel() const { return m_history; }
    // The report shown (the newest run, or the one chosen in the history).
    const std::optional<core::probe::ProbeReport> &shownReport() const { return m_shown; }
    // Overall deadline of a probe (default 10 s).
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

public Q_SLOTS:
    void test();
    void cancel();
    void addSuggestedRule();

Q_SIGNALS:
    void probeFinished(const pgdial::core::probe::ProbeReport &report);

private:
    QPointer<document::ProjectContext> m_context;
    core::probe::ConnectionProbe *m_probe;
    ConninfoField *m_conninfo;
    ConninfoField *m_admin;
    QPushButton *m_test;
    QPushButton *m_cancel;
    QLabel *m_progress;
    QTreeView *m_stages;
    ProbeTimelineModel *m_timeline;
    VerdictPanel *m_verdict;
    QListView *m_historyView;
    ProbeHistoryModel *m_history;
    std::optional<core::probe::ProbeReport> m_shown;
    std::optional<HbaRuleInserter::Suggestion> m_suggestion;
    QString m_hbaFile;
    std::shared_ptr<const core::hba::HbaFile> m_hbaRules; // parsed with the candidates, for the probe
    core::project::ServerSettingLookup m_serverSettings;
    int m_stagesDone = 0;
    int m_timeoutMs = 10000;

    void refreshCandidates();
    // Asks before inserting a rule that lets the connection past a deliberate reject line.
    bool confirmBypass(const HbaRuleInserter::Suggestion &suggestion);
    void setRunning(bool running);
    void onStageFinished(const core::probe::ProbeStage &stage);
    void showProgress();
    void onFinished(core::probe::ProbeReport report);
    void showReport(const core::probe::ProbeReport &report);
    void spanLines(const QModelIndex &parent);
};

} // namespace pgdial::ui::tools::connectiontester
