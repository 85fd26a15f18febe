#include "tools/connectiontester/connectiontesterwidget.h"

#include "document/projectcontext.h"
#include "probe/connectionprobe.h"
#include "probe/projectconninfo.h"
#include "project/project.h"
#include "tools/connectiontester/conninfofield.h"
#include "tools/connectiontester/probehistorymodel.h"
#include "tools/connectiontester/probetimelinemodel.h"
#include "tools/connectiontester/verdictpanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pgdial::ui::tools::connectiontester {

using core::probe::ConnectionProbe;
using core::probe::ProbeReport;
using core::probe::ProbeStage;

ConnectionTesterWidget::ConnectionTesterWidget(document::ProjectContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_probe(new ConnectionProbe(this))
    , m_conninfo(new ConninfoField(this))
    , m_admin(new ConninfoField(this))
    , m_test(new QPushButton(tr("Te&st"), this)) // Alt+T is the Tools menu
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QLabel(this))
    , m_stages(new QTreeView(this))
    , m_timeline(new ProbeTimelineModel(this))
    , m_verdict(new VerdictPanel(this))
    , m_historyView(new QListView(this))
    , m_history(new ProbeHistoryModel(this))
{
    setObjectName(u"connectionTester"_s);
    m_conninfo->setObjectName(u"conninfoField"_s);
    m_conninfo->setToolTip(tr("The project's connection strings, or type or paste one (the password is masked)"));
    m_admin->setObjectName(u"adminConninfoField"_s);
    m_admin->lineEdit()->setObjectName(u"adminConninfoLineEdit"_s);
    m_admin->lineEdit()->setPlaceholderText(tr("optional: a superuser connection, for the checks stage and the "
                                               "reason of a password failure"));
    m_admin->setToolTip(tr("With an admin connection pgdial compares the live server with the project and tells "
                           "why a password was refused"));
    m_test->setObjectName(u"testButton"_s);
    m_test->setToolTip(tr("Run the probe (Ctrl+Return)"));
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setToolTip(tr("Stop the probe (Esc)"));
    // A label, not a QProgressBar: its setValue() repaints synchronously, which costs the UI
    // thread tens of milliseconds per stage on a busy machine.
    m_progress->setObjectName(u"probeProgress"_s);

    m_stages->setObjectName(u"stageTimeline"_s);
    m_stages->setModel(m_timeline);
    m_stages->setUniformRowHeights(true);
    m_stages->setAlternatingRowColors(true);
    m_stages->setWordWrap(false);
    m_stages->header()->setStretchLastSection(true);
    m_stages->header()->setSectionResizeMode(ProbeTimelineModel::NameColumn, QHeaderView::Interactive);
    m_stages->header()->setSectionResizeMode(ProbeTimelineModel::StatusColumn, QHeaderView::ResizeToContents);
    m_stages->header()->setSectionResizeMode(ProbeTimelineModel::TimeColumn, QHeaderView::ResizeToContents);
    // Wide enough for the deepest labels of the certificate chain (three levels down).
    m_stages->setColumnWidth(
        ProbeTimelineModel::NameColumn,
        std::max(fontMetrics().horizontalAdvance(tr("Authentication")) + 64,
                 fontMetrics().horizontalAdvance(tr("Alternative names")) + 3 * m_stages->indentation() + 56));
    connect(m_timeline, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &under, int first, int last) {
        for (int row = first; row <= last; ++row) {
            const QModelIndex index = m_timeline->index(row, 0, under);
            m_stages->setFirstColumnSpanned(row, under, index.data(ProbeTimelineModel::SpannedRole).toBool());
            spanLines(index);
        }
    });
    connect(m_timeline, &QAbstractItemModel::modelReset, this, [this] { spanLines({}); });

    m_historyView->setObjectName(u"probeHistory"_s);
    m_historyView->setModel(m_history);
    m_historyView->setUniformItemSizes(true);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid() || isRunning())
                    return;
                const ProbeReport &report = m_history->report(current.row());
                m_timeline->setReport(report);
                showReport(report);
            });

    auto *verdictScroll = new QScrollArea(this);
    verdictScroll->setObjectName(u"verdictScroll"_s);
    verdictScroll->setWidget(m_verdict);
    verdictScroll->setWidgetResizable(true);
    verdictScroll->setFrameShape(QFrame::NoFrame);

    auto *historyBox = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("Runs in this session:"), historyBox));
    historyLayout->addWidget(m_historyView);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"connectionTesterSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_stages);
    splitter->addWidget(verdictScroll);
    splitter->addWidget(historyBox);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);

    auto *inputRow = new QHBoxLayout;
    auto *inputLabel = new QLabel(tr("&Connection:"), this);
    inputLabel->setBuddy(m_conninfo);
    inputRow->addWidget(inputLabel);
    inputRow->addWidget(m_conninfo, 1);
    inputRow->addWidget(m_test);
    inputRow->addWidget(m_cancel);

    auto *adminRow = new QHBoxLayout;
    auto *adminLabel = new QLabel(tr("&Admin:"), this);
    adminLabel->setBuddy(m_admin);
    adminLabel->setMinimumWidth(inputLabel->sizeHint().width());
    adminRow->addWidget(adminLabel);
    adminRow->addWidget(m_admin, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(inputRow);
    layout->addLayout(adminRow);
    layout->addWidget(m_progress);
    layout->addWidget(splitter, 1);

    auto *run = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this, this, &ConnectionTesterWidget::test,
                              Qt::WidgetWithChildrenShortcut);
    run->setObjectName(u"testShortcut"_s);
    auto *runEnter = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this, this, &ConnectionTesterWidget::test,
                                   Qt::WidgetWithChildrenShortcut);
    runEnter->setObjectName(u"testShortcutKeypad"_s);
    auto *stop = new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &ConnectionTesterWidget::cancel,
                               Qt::WidgetWithChildrenShortcut);
    stop->setObjectName(u"cancelShortcut"_s);

    connect(m_test, &QPushButton::clicked, this, &ConnectionTesterWidget::test);
    connect(m_cancel, &QPushButton::clicked, this, &ConnectionTesterWidget::cancel);
    connect(m_probe, &ConnectionProbe::stageFinished, this, &ConnectionTesterWidget::onStageFinished);
    connect(m_probe, &ConnectionProbe::finished, this, &ConnectionTesterWidget::onFinished);
    connect(m_verdict, &VerdictPanel::addRuleRequested, this, &ConnectionTesterWidget::addSuggestedRule);
    connect(m_verdict, &VerdictPanel::showRequested, this, [this](const QString &path, int line) {
        if (m_context)
            m_context->requestShow(path, line);
    });
    if (m_context) {
        connect(m_context, &document::ProjectContext::projectChanged, this, &ConnectionTesterWidget::refreshCandidates);
        connect(m_context, &document::ProjectContext::diagnosticsChanged, this,
                &ConnectionTesterWidget::refreshCandidates);
    }
    setFocusProxy(m_conninfo);
    refreshCandidates();
    setRunning(false);
}

ConnectionTesterWidget::~ConnectionTesterWidget() = default;

bool ConnectionTesterWidget::isRunning() const
{
    return m_probe->isRunning();
}

void ConnectionTesterWidget::spanLines(const QModelIndex &parent)
{
    for (int row = 0; row < m_timeline->rowCount(parent); ++row) {
        const QModelIndex index = m_timeline->index(row, 0, parent);
        m_stages->setFirstColumnSpanned(row, parent, index.data(ProbeTimelineModel::SpannedRole).toBool());
        spanLines(index);
    }
}

void ConnectionTesterWidget::refreshCandidates()
{
    QList<ConninfoField::Candidate> candidates;
    m_hbaFile.clear();
    m_hbaRules.reset();
    m_serverSettings = {};
    if (m_context && m_context->project()) {
        const core::project::Project &project = *m_context->project();
        for (const auto &found : core::probe::ProjectConninfo::candidates(project))
            candidates.append({found.conninfo, found.label, found.origin});
        m_hbaFile = core::probe::ProjectConninfo::hbaFile(project);
        m_hbaRules = core::probe::ProjectConninfo::hbaRules(project);
        // A snapshot (the lookup copies the settings): the worker never reads the live project,
        // and the analysis is done here, after an edit, not while a probe starts.
        if (!project.filesOfKind(core::project::FileKind::PostgresqlConf).isEmpty())
            m_serverSettings = core::probe::ProjectConninfo::serverSettings(*m_context->project());
    }
    m_conninfo->setCandidates(candidates);
}

void ConnectionTesterWidget::setRunning(bool running)
{
    m_test->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_conninfo->setEnabled(!running);
    m_admin->setEnabled(!running);
    m_historyView->setEnabled(!running);
    // Always shown (a label appearing and disappearing would relayout the whole tool).
    if (!running)
        m_progress->setText(tr("Ctrl+Return tests the connection, Esc cancels a running test."));
    // The input is disabled while a probe runs: keep the focus in the tool so Esc reaches Cancel.
    if (running)
        m_cancel->setFocus();
    else if (m_cancel->hasFocus() || !focusWidget())
        m_conninfo->setFocus();
}

void ConnectionTesterWidget::test()
{
    if (isRunning())
        return;
    const QString conninfo = m_conninfo->conninfo();
    if (conninfo.trimmed().isEmpty()) {
        m_conninfo->setFocus();
        return;
    }
    core::probe::ProbeOptions options;
    options.conninfo = conninfo;
    options.timeoutMs = m_timeoutMs;
    options.origin = m_conninfo->origin();
    options.adminConninfo = m_admin->conninfo().trimmed();
    if (m_context && m_context->project()) {
        options.serverSettings = m_serverSettings;
        options.hbaFile = m_hbaFile;
        options.hbaRules = m_hbaRules;
    }
    m_suggestion.reset();
    m_timeline->start();
    m_stagesDone = 0;
    showProgress();
    m_verdict->showRunning();
    setRunning(true);
    m_probe->start(options);
}

void ConnectionTesterWidget::cancel()
{
    if (isRunning())
        m_probe->cancel();
}

void ConnectionTesterWidget::onStageFinished(const ProbeStage &stage)
{
    m_timeline->setStage(stage);
    ++m_stagesDone;
    showProgress();
}

void ConnectionTesterWidget::showProgress()
{
    const QStringList names = ProbeTimelineModel::stageNames();
    const QString next
        = m_stagesDone < names.size() ? ProbeTimelineModel::stageTitle(names.at(m_stagesDone)) : QString();
    m_progress->setText(tr("Testing: %1 of %2 stages done%3 (Esc cancels)")
                            .arg(m_stagesDone)
                            .arg(names.size())
                            .arg(next.isEmpty() ? QString() : tr(", now: %1").arg(next)));
}

void ConnectionTesterWidget::onFinished(ProbeReport report)
{
    setRunning(false);
    for (const ProbeStage &stage : std::as_const(report.stages))
        m_timeline->setStage(stage);
    m_history->add(report);
    {
        const QSignalBlocker blocker(m_historyView->selectionModel());
        m_historyView->setCurrentIndex(m_history->index(0));
    }
    showReport(report);
    Q_EMIT probeFinished(report);
}

void ConnectionTesterWidget::showReport(const ProbeReport &report)
{
    m_shown = report;
    m_suggestion.reset();
    ProbeReport shown = report;
    if (m_context)
        m_suggestion = HbaRuleInserter::suggest(*m_context, m_hbaFile, report);
    if (m_suggestion)
        shown.fixLocation = core::probe::FixLocation {m_suggestion->file, m_suggestion->line, m_suggestion->ruleText};
    m_verdict->showReport(shown);
    if (m_suggestion)
        m_verdict->setRuleProposal(m_suggestion->ruleText, u"%1:%2"_s.arg(m_suggestion->file).arg(m_suggestion->line),
                                   m_suggestion->notes);
    // Open what matters: the failed stage, or the certificate chain of a good run.
    const QString focus = report.failedStage.isEmpty() ? u"tls"_s : report.failedStage;
    const QModelIndex index = m_timeline->stageIndex(focus);
    if (index.isValid()) {
        m_stages->expandRecursively(index, focus == u"tls" ? 2 : 1);
        m_stages->scrollTo(index);
    }
}

void ConnectionTesterWidget::addSuggestedRule()
{
    if (!m_context || !m_shown)
        return;
    // Computed again against the file as it is now: it may have been edited since the probe.
    const auto suggestion = HbaRuleInserter::suggest(*m_context, m_hbaFile, *m_shown);
    if (!suggestion || (suggestion->bypassesReject && !confirmBypass(*suggestion))
        || !HbaRuleInserter::insert(*m_context, *suggestion))
        return;
    m_verdict->setRuleProposal({}, {});
    m_context->requestShow(suggestion->file, suggestion->line);
}

bool ConnectionTesterWidget::confirmBypass(const HbaRuleInserter::Suggestion &suggestion)
{
    QMessageBox box(QMessageBox::Warning, tr("Insert before a reject rule?"),
                    tr("%1:%2 rejects these connections on purpose. The proposed rule goes before it and lets "
                       "this connection past it:\n\n%3\n\nInsert it anyway?")
                        .arg(suggestion.file)
                        .arg(suggestion.line)
                        .arg(suggestion.ruleText),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"hbaBypassRejectDialog"_s);
    QPushButton *insert = box.addButton(tr("Insert anyway"), QMessageBox::AcceptRole);
    insert->setObjectName(u"hbaBypassRejectInsertButton"_s);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"hbaBypassRejectCancelButton"_s);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == insert;
}

} // namespace pgdial::ui::tools::connectiontester
