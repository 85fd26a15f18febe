#include "tools/tuning/tuningwizard.h"

#include "document/documentmanager.h"
#include "document/projectclients.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "project/project.h"
#include "tools/tuning/tuningdiffmodel.h"
#include "tools/tuning/tuninginputsform.h"
#include "tuning/clientbudget.h"
#include "tuning/parameterlimits.h"
#include "tuning/pgdialprofile.h"
#include "tuning/pgtuneprofile.h"
#include "tuning/tuningdiff.h"
#include "tuning/tuningformatter.h"

#include <QClipboard>
#include <QEvent>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace pgdial::core::tuning;

namespace pgdial::ui::tools::tuning {

namespace {

// The catalog's versions; PGTune's older ones are compared with 13's defaults.
int catalogMajor(int major)
{
    return std::clamp(major, core::project::ProjectSettings::minPgVersion,
                      core::project::ProjectSettings::maxPgVersion);
}

// A parameter's built-in default as people write it ("128MB", "4", "on").
QString defaultText(const ParameterLimit &limit)
{
    if (limit.unit == u"kB" || limit.unit == u"8kB" || limit.unit == u"MB") {
        bool ok = false;
        const qint64 units = limit.bootValue.toLongLong(&ok);
        if (ok && units > 0) {
            const qint64 perUnit = limit.unit == u"8kB" ? 8 : limit.unit == u"MB" ? 1024 : 1;
            return PgTuneProfile::formatKb(units * perUnit);
        }
    }
    return limit.bootValue;
}

QToolButton *toolButton(const QString &objectName, const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

TuningWizard::TuningWizard(document::ProjectContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_machine(MachineDetector().detect())
    , m_form(new TuningInputsForm(this))
    , m_model(new TuningDiffModel(this))
    , m_table(new QTableView(this))
    , m_fileLabel(new QLabel(this))
    , m_clientsLabel(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_status(new QLabel(this))
    , m_apply(new QPushButton(tr("&Apply Checked"), this))
    , m_copyConf(new QPushButton(tr("Copy as post&gresql.conf"), this))
    , m_copyAlter(new QPushButton(tr("Copy as ALTER S&YSTEM"), this))
    , m_reloadTimer(new QTimer(this))
{
    setObjectName(u"tuningWizard"_s);
    m_fileLabel->setObjectName(u"tuningFileLabel"_s);
    m_fileLabel->setWordWrap(true);
    m_clientsLabel->setObjectName(u"tuningClientsLabel"_s);
    m_clientsLabel->setWordWrap(true);
    m_clientsLabel->setTextFormat(Qt::PlainText);
    m_warnings->setObjectName(u"tuningWarnings"_s);
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setStyleSheet(u"QLabel { color: #9a5b00; }"_s);
    m_status->setObjectName(u"tuningStatus"_s);
    m_status->setWordWrap(true);
    m_status->hide();

    m_table->setObjectName(u"tuningTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    // The reasons are the point of the pgdial profile: wrap them rather than cut them off.
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Sized by fitReasonColumn(): a stretched last column got what the others left, 50 px in a
    // dock, and each reason became a tower of one word per line.
    header->setSectionResizeMode(TuningDiffModel::ReasonColumn, QHeaderView::Fixed);
    header->setMinimumSectionSize(40);
    m_table->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this](int section) {
        if (section != TuningDiffModel::ReasonColumn)
            fitReasonColumn();
    });
    m_table->setToolTip(tr("Check the rows to apply or copy; double-click a row to open the line that sets it"));

    m_apply->setObjectName(u"tuningApplyButton"_s);
    m_apply->setToolTip(tr("Write the checked values into the project's postgresql.conf (one undo step per file)"));
    m_copyConf->setObjectName(u"tuningCopyConfButton"_s);
    m_copyConf->setToolTip(tr("Copy the checked rows as a postgresql.conf block"));
    m_copyAlter->setObjectName(u"tuningCopyAlterSystemButton"_s);
    m_copyAlter->setToolTip(tr("Copy the checked rows as ALTER SYSTEM statements"));
    QToolButton *checkAll
        = toolButton(u"tuningCheckAllButton"_s, tr("All"), tr("Check every row that would change"), this);
    QToolButton *checkNone = toolButton(u"tuningCheckNoneButton"_s, tr("None"), tr("Uncheck every row"), this);
    QToolButton *detect = toolButton(u"tuningDetectButton"_s, tr("Use This Machine"),
                                     tr("Fill RAM and CPUs with this machine's (container limits included)"), this);

    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_fileLabel, 1);
    checkRow->addWidget(detect);
    checkRow->addWidget(checkAll);
    checkRow->addWidget(checkNone);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_apply);
    buttons->addStretch(1);
    buttons->addWidget(m_copyConf);
    buttons->addWidget(m_copyAlter);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_clientsLabel);
    layout->addLayout(checkRow);
    layout->addWidget(m_warnings);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(150);
    connect(m_reloadTimer, &QTimer::timeout, this, &TuningWizard::reloadConfiguration);

    connect(m_form, &TuningInputsForm::changed, this, &TuningWizard::recompute);
    connect(m_model, &TuningDiffModel::checkedChanged, this, &TuningWizard::updateButtons);
    connect(m_table, &QTableView::doubleClicked, this, &TuningWizard::showSource);
    connect(checkAll, &QToolButton::clicked, m_model, [this] { m_model->setAllChecked(true); });
    connect(checkNone, &QToolButton::clicked, m_model, [this] { m_model->setAllChecked(false); });
    connect(detect, &QToolButton::clicked, this, [this] {
        m_machine = MachineDetector().detect();
        core::project::ProjectSettings settings;
        settings.pgVersion = m_form->inputs().pgVersion;
        m_form->prefill(m_machine, settings);
    });
    connect(m_apply, &QPushButton::clicked, this, &TuningWizard::applyChecked);
    connect(m_copyConf, &QPushButton::clicked, this, &TuningWizard::copyAsConf);
    connect(m_copyAlter, &QPushButton::clicked, this, &TuningWizard::copyAsAlterSystem);

    connect(m_context, &document::ProjectContext::projectChanged, this, &TuningWizard::onProjectChanged);
    connect(m_context, &document::ProjectContext::settingsChanged, this, &TuningWizard::onProjectChanged);
    connect(m_context->documents(), &document::DocumentManager::edited, this, &TuningWizard::onDocumentEdited);
    // The pools the pool calculator applies, a client added there, an edit of compose or init
    // scripts: the one list says so, and the demand follows without reloading the project.
    connect(m_context->clients(), &document::ProjectClients::changed, this, &TuningWizard::onClientsChanged);
    setFocusProxy(m_form);
    onProjectChanged();
}

TuningInputs TuningWizard::inputs() const
{
    return m_form->inputs();
}

void TuningWizard::onProjectChanged()
{
    const auto project = m_context->project();
    m_model->clearChoices();
    m_form->prefill(m_machine, project ? project->settings : core::project::ProjectSettings {});
    readClients();
    reloadConfiguration();
}

void TuningWizard::onClientsChanged()
{
    if (!isVisible()) {
        m_clientsStale = true;
        return;
    }
    readClients();
    recompute();
}

void TuningWizard::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_clientsStale) {
        readClients();
        recompute();
    }
}

void TuningWizard::readClients()
{
    m_clientsStale = false;
    m_clients = m_context->project() ? m_context->clients()->list() : core::environments::ServerClientList {};
    // The pgdial profile sizes max_connections from what every client can open at once.
    std::optional<int> demand;
    if (m_clients.demand() > 0)
        demand = m_clients.demand();
    const QString lines = m_clients.toText().join(u'\n');
    m_form->setPoolDemand(
        demand,
        demand
            ? tr("Every client of the server%1:\n%2")
                  .arg(m_clients.environment.isEmpty() ? QString() : tr(" (environment %1)").arg(m_clients.environment))
                  .arg(lines)
            : QString());
    if (!m_context->project() || m_clients.clients.isEmpty()) {
        m_clientsLabel->clear();
        m_clientsLabel->hide();
        return;
    }
    m_clientsLabel->setText(
        tr("Clients of the server: %1 = %2, + %3 reserved slot(s): max_connections of at "
           "least %4 (%5 during a rolling update).")
            .arg(ClientBudget::breakdown(m_clients).isEmpty() ? tr("none") : ClientBudget::breakdown(m_clients))
            .arg(m_clients.demand())
            .arg(m_clients.reservedSlots())
            .arg(m_clients.needed())
            .arg(m_clients.worstCase()));
    m_clientsLabel->setToolTip(lines);
    m_clientsLabel->show();
}

void TuningWizard::onDocumentEdited(document::ProjectDocument *document)
{
    if (document && document->kind() == core::project::FileKind::PostgresqlConf)
        m_reloadTimer->start();
}

void TuningWizard::reloadConfiguration()
{
    m_reloadTimer->stop();
    const auto project = m_context->project();
    m_confMajor = catalogMajor(m_form->inputs().pgVersion);
    const quint64 generation = ++m_confRequested;
    if (!project) {
        m_confDelivered = generation;
        setConfiguration(ProjectConfState {});
        return;
    }
    // Parsed on a worker thread, on a copy (its lines are shared, so copying costs little): a
    // large postgresql.conf must not stall the window. Only the newest read is kept.
    auto copy = std::make_shared<const core::project::Project>(project->detachedCopy());
    const int major = m_confMajor;
    auto *watcher = new QFutureWatcher<ProjectConfState>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation < m_confRequested)
            return;
        m_confDelivered = generation;
        setConfiguration(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([copy, major] { return ProjectConfTuning::read(*copy, major); }));
    updateButtons();
}

void TuningWizard::setConfiguration(ProjectConfState state)
{
    if (!state.lookup)
        state.lookup = [](const QString &) { return std::optional<core::project::ServerSetting>(); };
    m_conf = std::move(state);
    if (!m_context->project())
        m_fileLabel->setText(tr("No project open: the table shows the recommendation alone."));
    else if (m_conf.topFile.isEmpty())
        m_fileLabel->setText(tr("The project has no postgresql.conf: copy the settings instead."));
    else
        m_fileLabel->setText(tr("Compared with <b>%1</b>").arg(m_conf.topFile.toHtmlEscaped()));
    recompute();
}

void TuningWizard::recompute()
{
    const TuningInputs in = m_form->inputs();
    const int major = catalogMajor(in.pgVersion);
    if (major != m_confMajor)
        reloadConfiguration(); // which values the server accepts depends on the version; this table meanwhile
    PgDialContext context;
    // A max_connections the user typed wins over the pool demand, but neither profile goes below
    // what the project's clients need.
    if (!in.hasConnections())
        context.poolDemand = m_form->poolDemand();
    TuningInputs pgtuneInputs = in;
    if (m_context->project()) {
        context.minimumConnections = m_clients.needed();
        context.worstCaseConnections = m_clients.worstCase();
        context.demandDetail = ClientBudget::breakdown(m_clients);
        ClientBudget::applyTo(m_clients, pgtuneInputs);
    }
    auto number = [&](const QString &name, int fallback) {
        const auto setting = m_conf.lookup ? m_conf.lookup(name) : std::nullopt;
        bool ok = false;
        const int value = setting ? setting->value.toInt(&ok) : 0;
        return ok ? value : fallback;
    };
    context.superuserReservedConnections = number(u"superuser_reserved_connections"_s, 3);
    context.reservedConnections = number(u"reserved_connections"_s, 0);

    const TuningResult pgtune = PgTuneProfile::compute(pgtuneInputs);
    const TuningResult pgdial = in.pgVersion >= core::project::ProjectSettings::minPgVersion
        ? PgDialProfile::compute(in, context)
        : TuningResult {};
    const bool usePgtune = m_form->pgtuneProfile();
    m_chosen = usePgtune ? pgtune : pgdial;
    const TuningResult &other = usePgtune ? pgdial : pgtune;

    const ParameterLimits limits = catalogParameterLimits();
    const QList<TuningDiffRow> rows = TuningDiff::compare(m_chosen, other, m_conf.lookup, limits, major);
    QHash<QString, QString> defaults;
    QHash<QString, QString> notOffered;
    for (const TuningDiffRow &row : rows) {
        const auto limit = limits(row.name, major);
        if (!row.current && limit)
            defaults.insert(row.name, defaultText(*limit));
        // PGTune suggests lz4 and io_uring whatever the build; the catalog knows what it offers.
        if (limit && limit->type == u"enum" && !row.recommended.isEmpty()
            && !limit->enumValues.contains(row.recommended, Qt::CaseInsensitive))
            notOffered.insert(row.name, limit->enumValues.join(u", "_s));
    }
    m_model->setRows(rows, defaults, notOffered);

    // PGTune's block starts with a bare "WARNING" line and breaks each warning over lines, groups
    // separated by an empty line: one sentence per group here. The pgdial profile's are sentences.
    QStringList warnings;
    QStringList group;
    auto flush = [&] {
        if (!group.isEmpty())
            warnings.append(group.join(u' '));
        group.clear();
    };
    for (const QString &warning : std::as_const(m_chosen.warnings)) {
        const QString line = warning.trimmed();
        if (line.isEmpty())
            flush();
        else if (line != u"WARNING")
            group.append(line);
    }
    flush();
    if (!m_conf.topFile.isEmpty()) {
        for (const QString &warning : TuningDiff::existingWarnings(m_conf.lookup, in))
            warnings.append(tr("Now: %1").arg(warning));
    }
    m_warnings->setText(warnings.isEmpty() ? QString() : u"\u26a0 "_s + warnings.join(u"\n\u26a0 "_s));
    m_warnings->setVisible(!warnings.isEmpty());
    updateButtons();
}

void TuningWizard::updateButtons()
{
    const qsizetype checked = m_model->checkedRows().size();
    // Not while postgresql.conf is being read again: the rows may describe the text before an Apply.
    m_apply->setEnabled(checked > 0 && !m_conf.topFile.isEmpty() && !configurationPending());
    m_copyConf->setEnabled(checked > 0);
    m_copyAlter->setEnabled(checked > 0);
    qsizetype changing = 0;
    for (const TuningDiffRow &row : m_model->rows())
        changing += row.changes ? 1 : 0;
    m_apply->setText(tr("&Apply %n Checked", nullptr, int(checked)));
    m_table->setToolTip(
        tr("%1 of %2 parameters would change; %3 checked").arg(changing).arg(m_model->rowCount()).arg(checked));
}

TuningResult TuningWizard::checkedResult() const
{
    TuningResult result = m_chosen;
    QSet<QString> checked;
    for (const TuningDiffRow &row : m_model->checkedRows())
        checked.insert(row.name);
    result.settings.removeIf([&](const TunedSetting &setting) { return !checked.contains(setting.name); });
    return result;
}

void TuningWizard::applyChecked()
{
    const auto project = m_context->project();
    if (!project || m_conf.topFile.isEmpty())
        return;
    QList<QPair<QString, QString>> values;
    for (const TuningDiffRow &row : m_model->checkedRows())
        values.append({row.name, row.recommended});
    if (values.isEmpty())
        return;
    const core::base::Result<ProjectConfTuning::Plan> plan
        = ProjectConfTuning::plan(*project, m_conf.topFile, m_form->inputs().pgVersion, values);
    if (!plan) {
        showStatus(tr("Not applied: %1").arg(plan.error().message));
        return;
    }
    QSet<QString> refused;
    for (const auto &entry : plan->refused)
        refused.insert(entry.first);
    int restarts = 0;
    for (const TuningDiffRow &row : m_model->checkedRows())
        restarts += row.needsRestart && !refused.contains(row.name) ? 1 : 0;
    // Check every file first so that a file that cannot be edited leaves the others untouched.
    QList<document::ProjectDocument *> documents;
    for (const auto &[file, edits] : plan->files) {
        document::ProjectDocument *document = m_context->document(file);
        if (!document || !document->isEditable()) {
            showStatus(tr("Not applied: %1 cannot be edited").arg(file));
            return;
        }
        documents.append(document);
    }
    // One undo step per file: each document has its own undo stack.
    QStringList files;
    for (qsizetype i = 0; i < documents.size(); ++i) {
        documents.at(i)->applyEdits(plan->files.at(i).second, tr("Apply tuning"));
        files.append(plan->files.at(i).first);
    }
    reloadConfiguration();
    const qsizetype applied = values.size() - plan->refused.size();
    QStringList message;
    if (applied > 0)
        message << tr("%n setting(s) written to %1 (not saved yet);", nullptr, int(applied)).arg(files.join(u", "_s))
                + u' '
                + (restarts > 0 ? tr("%n of them need(s) a server restart.", nullptr, restarts)
                                : tr("a configuration reload applies them."));
    for (const auto &[name, why] : plan->refused)
        message << tr("Not applied: %1: %2").arg(name, why);
    showStatus(message.join(u'\n'));
}

void TuningWizard::copy(bool alterSystem)
{
    const TuningResult checked = checkedResult();
    const TuningInputs in = m_form->inputs();
    QGuiApplication::clipboard()->setText(alterSystem ? TuningFormatter::toAlterSystemScript(in, checked)
                                                      : TuningFormatter::toConf(in, checked));
    showStatus(alterSystem
                   ? tr("Copied %n setting(s) as ALTER SYSTEM statements.", nullptr, int(checked.settings.size()))
                   : tr("Copied %n setting(s) as a postgresql.conf block.", nullptr, int(checked.settings.size())));
}

void TuningWizard::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void TuningWizard::copyAsConf()
{
    copy(false);
}

void TuningWizard::copyAsAlterSystem()
{
    copy(true);
}

bool TuningWizard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitReasonColumn();
    return QWidget::eventFilter(watched, event);
}

void TuningWizard::fitReasonColumn()
{
    // The reason gets at least about 36 characters a line; in a narrow dock the "Set in" column
    // goes first (the Current cell's tooltip and a double-click still give the line), then the
    // table scrolls sideways rather than squeeze the reasons.
    QHeaderView *header = m_table->horizontalHeader();
    const int minimum = fontMetrics().averageCharWidth() * 36;
    const int available = m_table->viewport()->width();
    auto others = [header] {
        int width = 0;
        for (int column = 0; column < TuningDiffModel::ReasonColumn; ++column)
            width += header->isSectionHidden(column) ? 0 : header->sectionSize(column);
        return width;
    };
    // Its width when shown (a hidden section has none): what a typical cell needs.
    const int source = std::max(header->sectionSizeHint(TuningDiffModel::SourceColumn),
                                fontMetrics().horizontalAdvance(u"postgresql.conf:999"_s) + 12);
    const int withSource = others() + (header->isSectionHidden(TuningDiffModel::SourceColumn) ? source : 0);
    header->setSectionHidden(TuningDiffModel::SourceColumn, available - withSource < minimum);
    const int width = std::max(minimum, available - others());
    if (header->sectionSize(TuningDiffModel::ReasonColumn) != width)
        header->resizeSection(TuningDiffModel::ReasonColumn, width);
}

void TuningWizard::showSource(const QModelIndex &index)
{
    const QString file = index.data(TuningDiffModel::SourceFileRole).toString();
    if (!file.isEmpty())
        m_context->requestShow(file, index.data(TuningDiffModel::SourceLineRole).toInt());
}

} // namespace pgdial::ui::tools::tuning
