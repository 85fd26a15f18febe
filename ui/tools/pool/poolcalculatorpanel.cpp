#include "tools/pool/poolcalculatorpanel.h"

#include "document/documentmanager.h"
#include "document/projectclients.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "project/project.h"
#include "tools/pool/poolbudgetchart.h"
#include "tools/pool/pooltraffictablemodel.h"
#include "tuning/poolsettingswriter.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace pgdial::core::tuning;

namespace pgdial::ui::tools::pool {

namespace {

QSpinBox *spinBox(QWidget *parent, const QString &name, int min, int max, int value, const QString &toolTip)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(min, max);
    box->setValue(value);
    box->setToolTip(toolTip);
    box->setAccelerated(true);
    return box;
}

QDoubleSpinBox *doubleBox(QWidget *parent, const QString &name, double value, const QString &suffix,
                          const QString &toolTip)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0.1, 1e6);
    box->setDecimals(1);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setToolTip(toolTip);
    box->setAccelerated(true);
    return box;
}

QLabel *wrappingLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString where(const std::optional<SourcedNumber> &number)
{
    return number ? number->file + u':' + QString::number(number->line) : QString();
}

} // namespace

PoolCalculatorPanel::PoolCalculatorPanel(document::ProjectContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_trafficModel(new PoolTrafficTableModel(this))
{
    setObjectName(u"poolCalculator"_s);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(createInputs());
    layout->addWidget(createResult());
    m_chart = new PoolBudgetChart(content);
    layout->addWidget(m_chart, 1);
    layout->addWidget(createRecommendations());

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"poolCalculatorScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    // Opening the tool (Ctrl+Shift+P) starts at the first input of the guide's formula.
    setFocusProxy(m_requests);

    for (QDoubleSpinBox *box : {m_requests, m_queryMs, m_requestMs})
        connect(box, &QDoubleSpinBox::valueChanged, this, &PoolCalculatorPanel::recompute);
    for (QSpinBox *box : {m_instances, m_workers, m_maxConnections, m_superuserReserved, m_reserved})
        connect(box, &QSpinBox::valueChanged, this, &PoolCalculatorPanel::recompute);
    connect(m_otherClients, &QSpinBox::valueChanged, this, &PoolCalculatorPanel::otherClientsEdited);
    connect(m_applyConfig, &QPushButton::clicked, this, &PoolCalculatorPanel::applyToAppConfig);
    connect(m_applyServer, &QPushButton::clicked, this, &PoolCalculatorPanel::applyToServer);
    if (m_context) {
        connect(m_context, &document::ProjectContext::projectChanged, this, &PoolCalculatorPanel::projectChanged);
        // Edits of the files it reads (config.yaml, .env, compose, init scripts, postgresql.conf,
        // pg_hba.conf) and the project's settings change the one list of clients: follow it.
        connect(m_context->clients(), &document::ProjectClients::changed, this, &PoolCalculatorPanel::clientsChanged);
    }
    projectChanged();
}

QWidget *PoolCalculatorPanel::createInputs()
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *traffic = new QGroupBox(tr("Traffic (the guide's formula)"), row);
    auto *trafficForm = new QFormLayout(traffic);
    m_requests = doubleBox(traffic, u"poolRequests"_s, 100, tr(" req/s"),
                           tr("Peak requests in flight per second (the guide's \"max concurrent requests\"); it also "
                              "picks the row of the traffic table"));
    m_queryMs = doubleBox(traffic, u"poolQueryMs"_s, 50, tr(" ms"),
                          tr("Average time a request holds a database connection (its queries)"));
    m_requestMs = doubleBox(traffic, u"poolRequestMs"_s, 200, tr(" ms"), tr("Average duration of a whole request"));
    trafficForm->addRow(tr("&Requests:"), m_requests);
    trafficForm->addRow(tr("Average &query time:"), m_queryMs);
    trafficForm->addRow(tr("Request &duration:"), m_requestMs);

    auto *deployment = new QGroupBox(tr("Deployment"), row);
    auto *form = new QFormLayout(deployment);
    m_instances = spinBox(deployment, u"poolInstances"_s, 1, 100000, 1,
                          tr("Copies of the app that connect at once (Project > Project Settings > App instances)"));
    m_workers = spinBox(deployment, u"poolWorkers"_s, 1, 10000, 1,
                        tr("Worker processes per instance; each has its own pool (config.yaml app.workers)"));
    m_otherClients = spinBox(deployment, u"poolOtherClients"_s, 0, 262143, 0,
                             tr("Connections of clients the project's files do not show (migrations, cron jobs, "
                                "BI tools), added by hand; the clients pgdial finds are listed below"));
    m_maxConnections = spinBox(deployment, u"poolMaxConnections"_s, 1, 262143, 100,
                               tr("The server's max_connections (postgresql.conf)"));
    m_superuserReserved = spinBox(deployment, u"poolSuperuserReserved"_s, 0, 262143, 3,
                                  tr("superuser_reserved_connections (postgresql.conf): slots only superusers get"));
    m_reserved = spinBox(deployment, u"poolReserved"_s, 0, 262143, 0,
                         tr("reserved_connections (PostgreSQL 16+): slots for roles with pg_use_reserved_connections"));
    form->addRow(tr("App &instances:"), m_instances);
    form->addRow(tr("&Workers per instance:"), m_workers);
    form->addRow(tr("&Other clients:"), m_otherClients);
    form->addRow(u"max_connections:"_s, m_maxConnections);
    form->addRow(u"superuser_reserved:"_s, m_superuserReserved);
    form->addRow(u"reserved_connections:"_s, m_reserved);
    m_sources = wrappingLabel(deployment, u"poolSources"_s);
    m_sources->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(m_sources);
    m_clientsList = wrappingLabel(deployment, u"poolClientsList"_s);
    m_clientsList->setTextFormat(Qt::RichText);
    form->addRow(m_clientsList);

    layout->addWidget(traffic, 1, Qt::AlignTop);
    layout->addWidget(deployment, 1);
    return row;
}

QWidget *PoolCalculatorPanel::createResult()
{
    auto *box = new QGroupBox(tr("Result"));
    auto *layout = new QHBoxLayout(box);
    auto *left = new QVBoxLayout;
    m_needed = wrappingLabel(box, u"poolNeeded"_s);
    QFont big = m_needed->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_needed->setFont(big);
    m_verdict = wrappingLabel(box, u"poolVerdict"_s);
    m_explanation = wrappingLabel(box, u"poolExplanation"_s);
    left->addWidget(m_needed);
    left->addWidget(m_verdict);
    left->addWidget(m_explanation);
    left->addStretch(1);

    m_trafficView = new QTableView(box);
    m_trafficView->setObjectName(u"poolTrafficTable"_s);
    m_trafficView->setModel(m_trafficModel);
    m_trafficView->setSelectionMode(QAbstractItemView::NoSelection);
    m_trafficView->setFocusPolicy(Qt::NoFocus);
    m_trafficView->verticalHeader()->hide();
    m_trafficView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_trafficView->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_trafficView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_trafficView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_trafficView->setToolTip(tr("The configuration guide's Tuning Guidelines; the row for your traffic is marked"));
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("The guide's traffic table:"), box));
    right->addWidget(m_trafficView);
    right->addStretch(1);

    layout->addLayout(left, 1);
    layout->addLayout(right);
    return box;
}

QWidget *PoolCalculatorPanel::createRecommendations()
{
    auto *box = new QGroupBox(tr("Recommendations"));
    auto *grid = new QGridLayout(box);
    m_appRecommendation = wrappingLabel(box, u"poolAppRecommendation"_s);
    m_applyConfig = new QPushButton(tr("Apply to config.yaml"), box);
    m_applyConfig->setObjectName(u"poolApplyConfig"_s);
    m_applyConfig->setToolTip(tr("Write pool_size and max_overflow into config.yaml as one undoable edit"));
    m_serverRecommendation = wrappingLabel(box, u"poolServerRecommendation"_s);
    m_applyServer = new QPushButton(tr("Apply to postgresql.conf"), box);
    m_applyServer->setObjectName(u"poolApplyServer"_s);
    m_applyServer->setToolTip(tr("Write max_connections into postgresql.conf as one undoable edit (needs a restart)"));
    m_status = wrappingLabel(box, u"poolApplyStatus"_s);
    // Both buttons as wide as the wider one: the word-wrapped labels beside them must not squeeze them.
    const int buttonWidth = std::max(m_applyConfig->sizeHint().width(), m_applyServer->sizeHint().width());
    for (QPushButton *button : {m_applyConfig, m_applyServer})
        button->setMinimumWidth(buttonWidth);
    grid->addWidget(m_appRecommendation, 0, 0);
    grid->addWidget(m_applyConfig, 0, 1, Qt::AlignTop);
    grid->addWidget(m_serverRecommendation, 1, 0);
    grid->addWidget(m_applyServer, 1, 1, Qt::AlignTop);
    grid->addWidget(m_status, 2, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    return box;
}

void PoolCalculatorPanel::projectChanged()
{
    m_status->clear();
    if (!isVisible()) {
        m_stale = m_stalePrefillAll = true;
        return;
    }
    readProject(true);
}

void PoolCalculatorPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        readProject(m_stalePrefillAll);
}

void PoolCalculatorPanel::clientsChanged()
{
    if (isVisible())
        readProject(false);
    else
        m_stale = true;
}

void PoolCalculatorPanel::otherClientsEdited(int count)
{
    const std::shared_ptr<core::project::Project> project = m_context ? m_context->project() : nullptr;
    if (!project) {
        recompute();
        return;
    }
    // Kept as the project's client added by hand, so the tuning wizard and the checks count it too;
    // the list tells every tool (this one included) that it changed.
    const QString name = tr("Other clients");
    QList<core::project::ManualClient> manual = project->settings.manualClients;
    manual.removeIf([&](const core::project::ManualClient &client) { return client.name == name; });
    if (count > 0)
        manual.append({name, count});
    m_context->clients()->setManualClients(manual);
}

void PoolCalculatorPanel::readProject(bool prefillAll)
{
    m_stale = m_stalePrefillAll = false;
    const std::shared_ptr<core::project::Project> project = m_context ? m_context->project() : nullptr;
    m_fromProject = project ? ProjectPoolSettings::read(*project) : ProjectPoolSettings {};
    m_pgVersion = project ? project->settings.pgVersion : core::project::ProjectSettings::defaultPgVersion;
    m_clients = project ? m_context->clients()->list() : core::environments::ServerClientList {};
    {
        // One recomputation for the whole prefill, not one per box.
        const QSignalBlocker instances(m_instances);
        const QSignalBlocker workers(m_workers);
        const QSignalBlocker maxConnections(m_maxConnections);
        const QSignalBlocker superuser(m_superuserReserved);
        const QSignalBlocker reserved(m_reserved);
        auto fill = [prefillAll](QSpinBox *box, const std::optional<SourcedNumber> &number, int fallback) {
            if (number)
                box->setValue(number->value);
            else if (prefillAll)
                box->setValue(fallback);
        };
        const QSignalBlocker other(m_otherClients);
        if (project && (prefillAll || project->settings.appInstances || m_clients.appInstancesSource.isValid()))
            m_instances->setValue(m_clients.appInstances);
        if (project) {
            int byHand = 0;
            for (const core::project::ManualClient &client : std::as_const(project->settings.manualClients))
                byHand += client.name == tr("Other clients") ? client.connections : 0;
            m_otherClients->setValue(byHand);
        }
        fill(m_workers, m_fromProject.workers, 1);
        fill(m_maxConnections, m_fromProject.maxConnections, 100);
        fill(m_superuserReserved, m_fromProject.superuserReservedConnections, 3);
        fill(m_reserved, m_fromProject.reservedConnections, 0);
    }
    m_reserved->setEnabled(m_pgVersion >= 16);

    QStringList sources;
    if (m_fromProject.workers)
        sources << tr("workers from %1").arg(where(m_fromProject.workers));
    if (m_fromProject.maxConnections)
        sources << tr("max_connections from %1").arg(where(m_fromProject.maxConnections));
    if (m_fromProject.poolSize)
        sources << tr("current pools from %1").arg(where(m_fromProject.poolSize));
    if (m_clients.appInstancesSource.isValid())
        sources << tr("instances from %1").arg(m_clients.appInstancesSource.toText());
    else if (project && project->settings.appInstances)
        sources << tr("instances from the project settings");
    m_sources->setText(sources.isEmpty() ? tr("No project values found: defaults shown.")
                                         : tr("Prefilled: %1.").arg(sources.join(u"; "_s)));
    recompute();
}

PoolInputs PoolCalculatorPanel::inputs() const
{
    PoolInputs in;
    in.concurrentRequests = m_requests->value();
    in.avgQueryMs = m_queryMs->value();
    in.requestMs = m_requestMs->value();
    in.instances = m_instances->value();
    in.workersPerInstance = m_workers->value();
    in.otherClients = m_clients.otherDemand();
    in.maxConnections = m_maxConnections->value();
    in.superuserReservedConnections = m_superuserReserved->value();
    in.reservedConnections = m_reserved->value();
    in.pgVersion = m_pgVersion;
    return in;
}

void PoolCalculatorPanel::showClients()
{
    QString rows;
    for (const core::environments::ServerClient &client : std::as_const(m_clients.clients)) {
        if (client.kind == core::environments::ServerClient::Kind::AppPools)
            continue; // the app's pools are what this tool sizes: they are the bars' blue
        const QString count = client.takesOrdinarySlots() ? QString::number(client.connections)
            : client.isReservedSlots()                    ? tr("%1 reserved").arg(client.connections)
                                                          : tr("%1 own slots").arg(client.connections);
        rows += u"<tr><td>%1</td><td align=\"right\">&nbsp;%2%3&nbsp;</td><td>%4</td></tr>"_s.arg(
            client.name.toHtmlEscaped(), count, client.estimated ? u"*"_s : QString(), client.detail.toHtmlEscaped());
    }
    m_clientsList->setText(
        rows.isEmpty()
            ? QString()
            : tr("<b>Other clients of the server%1:</b> %2 connection(s)<table>%3</table>%4")
                  .arg(m_clients.environment.isEmpty() ? QString()
                                                       : tr(" (%1)").arg(m_clients.environment.toHtmlEscaped()))
                  .arg(m_clients.otherDemand())
                  .arg(rows)
                  .arg(std::any_of(m_clients.clients.cbegin(), m_clients.clients.cend(),
                                   [](const auto &c) { return c.estimated; })
                           ? tr("* a usual value: set its count with a client added by hand of the same name")
                           : QString()));
}

void PoolCalculatorPanel::recompute()
{
    // Without a project the box is the only other client.
    if (!(m_context && m_context->project())) {
        m_clients = {};
        if (m_otherClients->value() > 0)
            m_clients.addManual(QString(), m_otherClients->value());
    }
    showClients();
    const PoolInputs in = inputs();
    m_result = PoolCalculator::recommend(in);
    const PoolRecommendation &r = m_result;
    m_trafficModel->setRequestsPerSecond(in.concurrentRequests);

    m_needed->setText(tr("%n connection(s) needed at peak", nullptr, r.connectionsNeeded));
    const QString verdict = r.verdict == PoolVerdict::Fits
        ? tr("The recommended pools fit: %1 of %2 available connections.").arg(r.totalDemand).arg(r.available)
        : r.verdict == PoolVerdict::FitsWhenShrunk
        ? tr("The table's pools do not fit; smaller pools do: %1 of %2 available connections.")
              .arg(r.totalDemand)
              .arg(r.available)
        : tr("Does not fit: %1 connections wanted, %2 available.").arg(r.totalDemand).arg(r.available);
    m_verdict->setText(verdict);
    QPalette verdictPalette = palette();
    if (r.verdict == PoolVerdict::DoesNotFit)
        verdictPalette.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    m_verdict->setPalette(verdictPalette);
    m_explanation->setText(r.explanation.join(u'\n'));

    PoolBudgetChart::Budget budget;
    budget.maxConnections = in.maxConnections;
    budget.superuserReserved = in.superuserReservedConnections;
    budget.reserved = in.pgVersion >= 16 ? in.reservedConnections : 0;
    QList<QPair<QString, int>> others;
    for (const core::environments::ServerClient &client : std::as_const(m_clients.clients))
        if (client.takesOrdinarySlots() && client.kind != core::environments::ServerClient::Kind::AppPools)
            others.append({client.name, client.connections});
    if (m_fromProject.poolSize) {
        const int overflow = m_fromProject.maxOverflow ? m_fromProject.maxOverflow->value : 0;
        budget.bars.append(PoolBudgetChart::Bar {tr("Now (%1)").arg(m_fromProject.appConfigFile),
                                                 r.processes * m_fromProject.poolSize->value, r.processes * overflow,
                                                 others});
    }
    budget.bars.append(
        PoolBudgetChart::Bar {tr("Recommended"), r.processes * r.poolSize, r.processes * r.maxOverflow, others});
    m_chart->setBudget(budget);
    updateRecommendations();
}

void PoolCalculatorPanel::updateRecommendations()
{
    const PoolRecommendation &r = m_result;
    const bool hasConfig = !m_fromProject.appConfigFile.isEmpty();
    const bool sameAsFile = m_fromProject.poolSize && m_fromProject.poolSize->value == r.poolSize
        && m_fromProject.maxOverflow && m_fromProject.maxOverflow->value == r.maxOverflow;
    m_appRecommendation->setText(tr("Per pool (each of the %1 worker processes): pool_size: %2, max_overflow: %3, "
                                    "pool_timeout: %4 (the guide's value for this traffic).")
                                     .arg(r.processes)
                                     .arg(r.poolSize)
                                     .arg(r.maxOverflow)
                                     .arg(r.poolTimeout));
    m_applyConfig->setEnabled(hasConfig && !sameAsFile);
    m_applyConfig->setToolTip(
        !hasConfig ? tr("The project has no config.yaml")
            : sameAsFile
            ? tr("config.yaml already holds these values")
            : tr("Write pool_size and max_overflow into %1 as one undoable edit").arg(m_fromProject.appConfigFile));

    const bool serverChange
        = r.verdict == PoolVerdict::DoesNotFit && r.suggestedMaxConnections > m_maxConnections->value();
    const bool hasServer = !m_fromProject.serverConfigFile.isEmpty();
    if (serverChange)
        m_serverRecommendation->setText(
            tr("Either raise max_connections to %1 (demand + 10% headroom + reserved slots; needs a restart), or put "
               "PgBouncer in transaction mode in front: max_client_conn = %2, default_pool_size = %3 (%4).")
                .arg(r.suggestedMaxConnections)
                .arg(r.pgbouncerMaxClientConnections)
                .arg(r.pgbouncerDefaultPoolSize)
                .arg(r.pgbouncerFits ? tr("fits the current max_connections")
                                     : tr("still needs a larger max_connections")));
    else
        m_serverRecommendation->setText(tr("max_connections %1 holds the recommended pools: no server change needed.")
                                            .arg(m_maxConnections->value()));
    m_applyServer->setEnabled(serverChange && hasServer);
    m_applyServer->setToolTip(!hasServer
                                  ? tr("The project has no postgresql.conf")
                                  : tr("Write max_connections = %1 into %2 as one undoable edit (needs a restart)")
                                        .arg(r.suggestedMaxConnections)
                                        .arg(m_fromProject.serverConfigFile));
}

bool PoolCalculatorPanel::applyToAppConfig()
{
    const std::shared_ptr<core::project::Project> project = m_context ? m_context->project() : nullptr;
    if (!project)
        return false;
    const core::base::Result<PoolFileEdit> plan
        = PoolSettingsWriter::appConfigEdits(*project, {m_result.poolSize, m_result.maxOverflow, {}});
    if (!plan) {
        showOutcome({plan.error().message}, true);
        return false;
    }
    if (plan->edits.isEmpty()) {
        showOutcome({tr("%1 already holds these values.").arg(plan->file)}, false);
        return true;
    }
    document::ProjectDocument *document = m_context->document(plan->file);
    if (!document
        || !document->applyEdits(
            plan->edits, tr("Set pool_size %1 and max_overflow %2").arg(m_result.poolSize).arg(m_result.maxOverflow))) {
        showOutcome({tr("%1 cannot be edited.").arg(plan->file)}, true);
        return false;
    }
    showOutcome(plan->changes + plan->notes, false);
    return true;
}

bool PoolCalculatorPanel::applyToServer()
{
    const std::shared_ptr<core::project::Project> project = m_context ? m_context->project() : nullptr;
    if (!project || m_result.suggestedMaxConnections <= 0)
        return false;
    const int value = m_result.suggestedMaxConnections;
    const core::base::Result<QList<PoolFileEdit>> plan = PoolSettingsWriter::serverEdits(*project, value);
    if (!plan) {
        showOutcome({plan.error().message}, true);
        return false;
    }
    QStringList lines;
    for (const PoolFileEdit &file : *plan) {
        document::ProjectDocument *document = m_context->document(file.file);
        if (!document || !document->applyEdits(file.edits, tr("Set max_connections = %1").arg(value))) {
            showOutcome({tr("%1 cannot be edited.").arg(file.file)}, true);
            return false;
        }
        lines += file.changes;
    }
    lines << tr("Restart the server for max_connections to take effect.");
    showOutcome(lines, false);
    return true;
}

void PoolCalculatorPanel::showOutcome(const QStringList &lines, bool failed)
{
    m_status->setText(lines.join(u'\n'));
    QPalette pal = palette();
    if (failed)
        pal.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    m_status->setPalette(pal);
}

} // namespace pgdial::ui::tools::pool
