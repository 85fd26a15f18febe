#include "mainwindow/problemspanel.h"

#include "models/diagnosticsfiltermodel.h"
#include "models/diagnosticsmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLineEdit>
#include <QSet>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pgdial::ui::mainwindow {

namespace {

QToolButton *makeToggle(const QString &name, const QString &icon, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setCheckable(true);
    button->setChecked(true);
    button->setIcon(QIcon(icon));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

} // namespace

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new models::DiagnosticsModel(this))
    , m_filter(new models::DiagnosticsFilterModel(this))
    , m_view(new QTableView(this))
    , m_errors(makeToggle(u"problemsShowErrors"_s, u":/icons/error.svg"_s, this))
    , m_warnings(makeToggle(u"problemsShowWarnings"_s, u":/icons/warning.svg"_s, this))
    , m_infos(makeToggle(u"problemsShowInfos"_s, u":/icons/info.svg"_s, this))
    , m_files(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_applyFix(new QToolButton(this))
{
    setObjectName(u"problemsPanel"_s);
    m_filter->setSourceModel(m_model);

    m_errors->setToolTip(tr("Show errors: what makes the server or the app refuse a file"));
    m_warnings->setToolTip(tr("Show warnings: risky or probably unintended settings"));
    m_infos->setToolTip(tr("Show information: notes that need no action"));
    m_files->setObjectName(u"problemsFileFilter"_s);
    m_files->setToolTip(tr("Show the problems of one file only"));
    m_files->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_search->setObjectName(u"problemsSearch"_s);
    m_search->setPlaceholderText(tr("Filter problems"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Show only problems whose code, file or message contains this text (Ctrl+F)"));
    m_applyFix->setObjectName(u"problemsApplyFix"_s);
    m_applyFix->setText(tr("Apply Fix"));
    m_applyFix->setToolTip(tr("Make the change pgdial suggests for the selected problem (undo with Ctrl+Z)"));
    m_applyFix->setAutoRaise(true);
    m_applyFix->setEnabled(false);

    m_view->setObjectName(u"problemsView"_s);
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(models::DiagnosticsModel::SeverityColumn, 90);
    m_view->setColumnWidth(models::DiagnosticsModel::FileColumn, 280);
    m_view->setColumnWidth(models::DiagnosticsModel::LineColumn, 50);
    m_view->setColumnWidth(models::DiagnosticsModel::CodeColumn, 210);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_errors);
    bar->addWidget(m_warnings);
    bar->addWidget(m_infos);
    bar->addWidget(m_files);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_applyFix);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view);

    connect(m_errors, &QToolButton::toggled, m_filter, &models::DiagnosticsFilterModel::setShowErrors);
    connect(m_warnings, &QToolButton::toggled, m_filter, &models::DiagnosticsFilterModel::setShowWarnings);
    connect(m_infos, &QToolButton::toggled, m_filter, &models::DiagnosticsFilterModel::setShowInfos);
    connect(m_search, &QLineEdit::textChanged, m_filter, &models::DiagnosticsFilterModel::setTextFilter);
    connect(m_files, &QComboBox::currentIndexChanged, this,
            [this](int) { m_filter->setFileFilter(m_files->currentData().toString()); });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) { activateRow(index.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ProblemsPanel::updateApplyFix);
    // The model updates row-wise (no reset): the selected row may have gained or lost its fix.
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ProblemsPanel::updateApplyFix);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &ProblemsPanel::updateApplyFix);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ProblemsPanel::updateApplyFix);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &ProblemsPanel::updateApplyFix);
    connect(m_applyFix, &QToolButton::clicked, this, &ProblemsPanel::applyFix);
    updateCounts();
}

void ProblemsPanel::setDiagnostics(const core::base::Diagnostics &diagnostics)
{
    m_model->setDiagnostics(diagnostics);

    const QString currentFile = m_files->currentData().toString();
    QStringList files;
    QSet<QString> seen;
    for (const core::base::Diagnostic &d : diagnostics) {
        if (!seen.contains(d.file)) {
            seen.insert(d.file);
            files.append(d.file);
        }
    }
    files.sort();
    QStringList listed;
    for (int i = 1; i < m_files->count(); ++i)
        listed.append(m_files->itemData(i).toString());
    if (listed == files) {
        updateCounts();
        return; // the same files as before: keep the combo (and the filter) as they are
    }
    const QSignalBlocker blocker(m_files);
    m_files->clear();
    m_files->addItem(tr("All files"), QString());
    for (const QString &file : std::as_const(files))
        m_files->addItem(file, file);
    const int keep = m_files->findData(currentFile);
    m_files->setCurrentIndex(keep >= 0 ? keep : 0);
    m_filter->setFileFilter(m_files->currentData().toString());
    updateCounts();
}

void ProblemsPanel::updateCounts()
{
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    for (const core::base::Diagnostic &d : m_model->diagnostics()) {
        errors += d.severity == core::base::Severity::Error;
        warnings += d.severity == core::base::Severity::Warning;
        infos += d.severity == core::base::Severity::Info;
    }
    m_errors->setText(tr("%n error(s)", nullptr, errors));
    m_warnings->setText(tr("%n warning(s)", nullptr, warnings));
    m_infos->setText(tr("%n info(s)", nullptr, infos));
    Q_EMIT countsChanged(errors, warnings, infos);
}

void ProblemsPanel::updateApplyFix()
{
    m_applyFix->setEnabled(m_view->currentIndex().data(models::DiagnosticsModel::HasFixRole).toBool());
}

void ProblemsPanel::applyFix()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.data(models::DiagnosticsModel::HasFixRole).toBool())
        return;
    // Copy: applying the fix re-checks the project, which replaces the model's list.
    const core::base::Diagnostic diagnostic
        = m_model->diagnosticAt(current.data(models::DiagnosticsModel::SourceRowRole).toInt());
    Q_EMIT applyFixRequested(diagnostic);
}

void ProblemsPanel::activateRow(int proxyRow)
{
    const QModelIndex index = m_filter->index(proxyRow, 0);
    if (!index.isValid())
        return;
    Q_EMIT locationActivated(index.data(models::DiagnosticsModel::FileRole).toString(),
                             index.data(models::DiagnosticsModel::LineNumberRole).toInt(),
                             index.data(models::DiagnosticsModel::ColumnNumberRole).toInt());
}

void ProblemsPanel::step(int direction)
{
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_view->currentIndex();
    int row = current.isValid() ? current.row() + direction : (direction > 0 ? 0 : rows - 1);
    row = (row + rows) % rows;
    m_view->setCurrentIndex(m_filter->index(row, 0));
    activateRow(row);
}

void ProblemsPanel::selectNext()
{
    step(+1);
}

void ProblemsPanel::selectPrevious()
{
    step(-1);
}

} // namespace pgdial::ui::mainwindow
