#include "tools/environments/environmentsview.h"

#include "document/documentmanager.h"
#include "document/projectcontext.h"
#include "environments/environmentdetector.h"
#include "environments/environmentsettings.h"
#include "project/project.h"
#include "tools/environments/environmentsmodel.h"

#include <QCheckBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace pgdial::ui::tools::environments {

EnvironmentsView::EnvironmentsView(document::ProjectContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new EnvironmentsModel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_onlyDifferences(new QCheckBox(tr("Only &differences"), this))
    , m_debounce(new QTimer(this))
{
    setObjectName(u"environmentsView"_s);
    m_summary->setObjectName(u"environmentsSummary"_s);
    m_summary->setWordWrap(true);
    m_onlyDifferences->setObjectName(u"environmentsOnlyDifferences"_s);
    m_onlyDifferences->setToolTip(tr("Hide the facts that are the same in every environment"));

    m_table->setObjectName(u"environmentsTable"_s);
    m_table->setModel(m_model);
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(160);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setToolTip(tr("Double-click a fact to open the file it is written in"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_onlyDifferences);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    setFocusProxy(m_table);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &EnvironmentsView::refresh);
    connect(m_onlyDifferences, &QCheckBox::toggled, this, &EnvironmentsView::updateRows);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EnvironmentsView::updateRows);
    connect(m_table, &QTableView::doubleClicked, this, &EnvironmentsView::showSource);
    if (m_context) {
        connect(m_context, &document::ProjectContext::projectChanged, this, &EnvironmentsView::scheduleRefresh);
        connect(m_context, &document::ProjectContext::settingsChanged, this, &EnvironmentsView::scheduleRefresh);
        connect(m_context->documents(), &document::DocumentManager::edited, this, &EnvironmentsView::scheduleRefresh);
    }
    m_summary->setText(tr("No project is open."));
    scheduleRefresh();
}

bool EnvironmentsView::isBusy() const
{
    return m_running > 0 || m_debounce->isActive();
}

void EnvironmentsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        scheduleRefresh();
}

void EnvironmentsView::scheduleRefresh()
{
    // A hidden view only remembers that it is behind; showing it catches up.
    m_stale = true;
    if (isVisible())
        m_debounce->start();
}

void EnvironmentsView::refresh()
{
    m_stale = false;
    const std::shared_ptr<core::project::Project> project = m_context ? m_context->project() : nullptr;
    const quint64 generation = ++m_generation;
    if (!project) {
        m_model->setEnvironments({});
        m_summary->setText(tr("No project is open."));
        Q_EMIT refreshed();
        return;
    }
    // Detection parses compose, .env and config.yaml files: on a worker, from a copy.
    auto snapshot = std::make_shared<core::project::Project>(project->detachedCopy());
    const QString target = project->settings.pgVersionEnvironment;
    struct Detected
    {
        core::environments::EnvironmentSet set;
        QList<QList<core::environments::EnvironmentSetting>> settings; // per environment
    };
    auto *watcher = new QFutureWatcher<Detected>(this);
    ++m_running;
    connect(watcher, &QFutureWatcher<Detected>::finished, this, [this, watcher, generation, target] {
        watcher->deleteLater();
        --m_running;
        if (generation != m_generation)
            return;
        const Detected detected = watcher->result();
        const core::environments::EnvironmentSet &set = detected.set;
        m_model->setEnvironments(set.environments, target, detected.settings);
        QStringList names;
        for (const core::environments::Environment &env : set.environments)
            names.append(env.name);
        if (set.environments.isEmpty())
            m_summary->setText(tr("No environments: the project has no compose, .env or config.yaml files."));
        else
            m_summary->setText(tr("%n environment(s): %1. %2 of %3 facts differ, and %4 server setting(s).", nullptr,
                                  int(set.environments.size()))
                                   .arg(names.join(u", "_s))
                                   .arg(m_model->differingRows() - m_model->settingRows())
                                   .arg(int(EnvironmentsModel::FactCount))
                                   .arg(m_model->settingRows()));
        Q_EMIT refreshed();
    });
    watcher->setFuture(QtConcurrent::run([snapshot] {
        Detected out {core::environments::EnvironmentDetector::detect(*snapshot), {}};
        for (const core::environments::Environment &env : out.set.environments)
            out.settings.append(core::environments::EnvironmentSettings::of(*snapshot, env));
        return out;
    }));
}

void EnvironmentsView::updateRows()
{
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_table->setRowHidden(row,
                              m_onlyDifferences->isChecked()
                                  && !m_model->index(row, 0).data(EnvironmentsModel::DiffersRole).toBool());
}

void EnvironmentsView::showSource(const QModelIndex &index)
{
    const QString file = index.data(EnvironmentsModel::SourceFileRole).toString();
    if (m_context && !file.isEmpty())
        m_context->requestShow(file, index.data(EnvironmentsModel::SourceLineRole).toInt());
}

} // namespace pgdial::ui::tools::environments
