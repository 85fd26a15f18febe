#include "editors/settings/settingseditor.h"

#include "document/documentmanager.h"
#include "document/liveserver.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "editors/settings/parameterdocumentation.h"
#include "editors/settings/settingsanalyzer.h"
#include "editors/settings/settingsdelegate.h"
#include "editors/settings/settingsfiltermodel.h"
#include "editors/settings/settingsmodel.h"
#include "mainwindow/documentpage.h"
#include "pgconf/confeditor.h"
#include "pgconf/confloader.h"
#include "project/project.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pgdial::core::pgconf;

namespace pgdial::ui::editors::settings {

SettingsEditor::SettingsEditor(document::ProjectDocument *document, document::ProjectContext *context, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_context(context)
    , m_analyzer(new SettingsAnalyzer(context->project(), topFileFor(document, context), this))
    , m_model(new SettingsModel(this))
    , m_filter(new SettingsFilterModel(this))
    , m_delegate(new SettingsDelegate(this))
    , m_filterBox(new QLineEdit(this))
    , m_showObsolete(new QCheckBox(this))
    , m_count(new QLabel(this))
    , m_message(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_documentation(new QTextBrowser(this))
    , m_resetAction(new QAction(this))
{
    setObjectName(u"settingsEditor"_s);

    m_filterBox->setObjectName(u"settingsFilter"_s);
    m_filterBox->setProperty("pgdialFilter", true);
    m_filterBox->setPlaceholderText(tr("Filter by name, description or value (Ctrl+F)"));
    m_filterBox->setClearButtonEnabled(true);
    m_filterBox->setToolTip(tr("Shows the parameters whose name, description or value contains this text"));
    m_onlySet = addToggle(u"settingsOnlySet"_s, tr("Set"), tr("Only the parameters the configuration sets"),
                          SettingsFilterModel::OnlySet);
    m_onlyProblems = addToggle(u"settingsOnlyProblems"_s, tr("Problems"), tr("Only the parameters with a problem"),
                               SettingsFilterModel::OnlyProblems);
    m_onlyRestart
        = addToggle(u"settingsOnlyRestart"_s, tr("Restart"),
                    tr("Only the parameters that need a server restart to change"), SettingsFilterModel::OnlyRestart);
    m_onlyChanged = addToggle(u"settingsOnlyChanged"_s, tr("Changed"),
                              tr("Only the parameters changed since the file was opened or last saved"),
                              SettingsFilterModel::OnlyChanged);
    m_onlyDrift = addToggle(u"settingsOnlyDrift"_s, tr("Drift"),
                            tr("Only the parameters where the live server and the file part (Project > Server "
                               "Connection…)"),
                            SettingsFilterModel::OnlyDrift);
    m_showObsolete->setObjectName(u"settingsShowObsolete"_s);
    m_showObsolete->setText(tr("Show obsolete"));
    m_showObsolete->setToolTip(tr("Also list the parameters pg_settings does not show: obsolete ones the server "
                                  "accepts only so that old files load (ssl_renegotiation_limit, default_with_oids) "
                                  "and session state meant for SET (role, seed). The table always lists those the "
                                  "configuration sets."));
    m_count->setObjectName(u"settingsCount"_s);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 6, 6, 2);
    bar->addWidget(m_filterBox, 1);
    bar->addWidget(new QLabel(tr("Show only:"), this));
    for (QToolButton *toggle : {m_onlySet, m_onlyProblems, m_onlyRestart, m_onlyChanged, m_onlyDrift})
        bar->addWidget(toggle);
    bar->addSpacing(8);
    bar->addWidget(m_showObsolete);
    bar->addSpacing(8);
    bar->addWidget(m_count);

    m_message->setObjectName(u"settingsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(u"QLabel { background: #fbe3c4; color: #4a2c00; border: 1px solid #e0a040;"
                             " border-radius: 3px; padding: 4px 8px; }"_s);
    m_message->hide();

    m_filter->setSourceModel(m_model);
    m_view->setObjectName(u"settingsView"_s);
    m_view->setModel(m_filter);
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->installEventFilter(this); // keyboard editing from whichever column is current
    m_view->setIndentation(14);
    m_view->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(SettingsModel::SourceColumn, QHeaderView::Stretch);
    const int em = fontMetrics().horizontalAdvance(u'M');
    header->resizeSection(SettingsModel::NameColumn, em * 21);
    header->resizeSection(SettingsModel::ValueColumn, em * 13);
    header->resizeSection(SettingsModel::UnitColumn, em * 3);
    header->resizeSection(SettingsModel::DefaultColumn, em * 8);
    header->resizeSection(SettingsModel::ContextColumn, em * 5);
    header->resizeSection(SettingsModel::ProblemsColumn, em * 5);
    header->resizeSection(SettingsModel::ServerColumn, em * 17);
    header->setMinimumSectionSize(em * 2);

    m_documentation->setObjectName(u"settingsDocumentation"_s);
    m_documentation->setOpenLinks(false);
    m_documentation->setMinimumWidth(em * 14);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"settingsSplitter"_s);
    splitter->addWidget(m_view);
    splitter->addWidget(m_documentation);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({900, 260});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    m_resetAction->setObjectName(u"settingsResetAction"_s);
    m_resetAction->setText(tr("Reset to Default"));
    m_resetAction->setToolTip(tr("Comment out the line that sets this parameter: the server's default applies again"));
    m_resetAction->setShortcut(QKeySequence::Delete);
    m_resetAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_resetAction);
    connect(m_resetAction, &QAction::triggered, this, [this] {
        if (const QString name = currentParameter(); !name.isEmpty())
            resetParameter(name);
    });

    connect(m_filterBox, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        m_view->expandAll();
        updateCount();
    });
    connect(m_showObsolete, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setShowHidden(on);
        m_view->expandAll();
        updateCount();
    });
    connect(m_model, &SettingsModel::editRequested, this,
            [this](const QString &name, const QString &value) { setParameter(name, value); });
    connect(m_delegate, &SettingsDelegate::refused, this, &SettingsEditor::showMessage);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SettingsEditor::updateDocumentation);
    connect(m_view, &QTreeView::customContextMenuRequested, this, &SettingsEditor::showContextMenu);
    // Category rows span the table; the proxy recreates them as filters change.
    auto spanCategories = [this] {
        for (int row = 0; row < m_filter->rowCount(); ++row)
            m_view->setFirstColumnSpanned(row, {}, true);
    };
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, spanCategories);
    connect(m_filter, &QAbstractItemModel::modelReset, this, spanCategories);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, spanCategories);

    connect(m_analyzer, &SettingsAnalyzer::updated, this, &SettingsEditor::onSnapshot);
    connect(m_context, &document::ProjectContext::diagnosticsChanged, this, &SettingsEditor::onDiagnostics);
    connect(m_context->liveServer(), &document::LiveServer::reportChanged, this, &SettingsEditor::onServerReport);
    connect(m_context, &document::ProjectContext::settingsChanged, this, [this, spanCategories] {
        const int major = m_context->project() ? m_context->project()->settings.pgVersion : m_model->major();
        if (m_context->project())
            m_delegate->setBuildFeatures(m_context->project()->settings.serverBuildFeatures);
        if (major == m_model->major()) {
            m_analyzer->invalidate(); // the server facts may have changed the verdicts
            return;
        }
        m_delegate->setMajor(major);
        m_model->setVersion(major);
        m_analyzer->invalidate();
        m_view->expandAll();
        spanCategories();
    });
    if (document::DocumentManager *documents = m_context->documents()) {
        for (document::ProjectDocument *other : documents->documents()) {
            const core::project::FileKind kind = other->kind();
            if (kind == core::project::FileKind::PostgresqlConf) {
                connect(other, &document::ProjectDocument::contentsChanged, this,
                        [this, other] { onTextChanged(other); });
                connect(other, &document::ProjectDocument::saved, this, [this, other] { onSaved(other); });
            } else if (kind == core::project::FileKind::Compose || kind == core::project::FileKind::Env) {
                connect(other, &document::ProjectDocument::contentsChanged, this,
                        [this, other] { onTextChanged(other); });
            }
        }
    }

    const int major = m_analyzer->snapshot().major;
    m_delegate->setMajor(major);
    if (m_context->project())
        m_delegate->setBuildFeatures(m_context->project()->settings.serverBuildFeatures);
    m_model->setVersion(major);
    onSnapshot();
    m_model->markBaseline();
    onDiagnostics();
    onServerReport();
    m_view->expandAll();
    spanCategories();
    updateDocumentation();
}

void SettingsEditor::onServerReport()
{
    const document::LiveServer *server = m_context->liveServer();
    const core::live::DriftReport *report = server->report();
    m_model->setDrift(report);
    m_view->setColumnHidden(SettingsModel::ServerColumn, !report);
    m_onlyDrift->setVisible(report != nullptr);
    if (!report && m_onlyDrift->isChecked())
        m_onlyDrift->setChecked(false);
    if (server->state() == document::LiveServer::State::Failed)
        showMessage(tr("The server could not be read: %1").arg(server->error()));
    updateCount();
}

SettingsEditor::~SettingsEditor() = default;

bool SettingsEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Only keys meant for the table itself: an open editor's Enter also reaches the view.
    if (watched == m_view && event->type() == QEvent::KeyPress && m_view->hasFocus()
        && editFromKeyboard(static_cast<QKeyEvent *>(event)))
        return true;
    return QWidget::eventFilter(watched, event);
}

// Rows are selected whole and the current cell is usually the name, which is not editable: as in
// any Qt table the keyboard must still edit the value. Enter and F2 open the value's editor (a
// boolean's check box toggles), typing starts an editor with what was typed. Returns true when
// the key was handled here.
bool SettingsEditor::editFromKeyboard(QKeyEvent *event)
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.data(SettingsModel::IsCategoryRole).toBool())
        return false;
    const QModelIndex value = current.siblingAtColumn(SettingsModel::ValueColumn);
    const Qt::ItemFlags flags = value.flags();
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    const int key = event->key();
    const bool open = modifiers == Qt::NoModifier
        && (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_F2
            || (key == Qt::Key_Space && flags.testFlag(Qt::ItemIsUserCheckable)));
    if (open) {
        if (flags.testFlag(Qt::ItemIsUserCheckable)) {
            const bool on = value.data(Qt::CheckStateRole).toInt() == Qt::Checked;
            m_filter->setData(value, on ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
            return true;
        }
        if (!flags.testFlag(Qt::ItemIsEditable))
            return false;
        m_view->setCurrentIndex(value);
        m_view->edit(value);
        return true;
    }
    // Typing: move to the value cell and let the view start its editor with this key.
    const QString text = event->text();
    if (current.column() != SettingsModel::ValueColumn && flags.testFlag(Qt::ItemIsEditable)
        && modifiers == Qt::NoModifier && !text.isEmpty() && text.at(0).isPrint() && !text.at(0).isSpace())
        m_view->setCurrentIndex(value);
    return false;
}

QToolButton *SettingsEditor::addToggle(const QString &objectName, const QString &text, const QString &tip, int toggle)
{
    auto *button = new QToolButton(this);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(tip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    connect(button, &QToolButton::toggled, this, [this, toggle](bool on) {
        m_filter->setToggle(static_cast<SettingsFilterModel::Toggle>(toggle), on);
        m_view->expandAll();
        updateCount();
    });
    return button;
}

QString SettingsEditor::topFileFor(document::ProjectDocument *document, document::ProjectContext *context)
{
    const QString own = document->relativePath();
    const auto project = context->project();
    if (!project)
        return own;
    const auto confs = project->filesOfKind(core::project::FileKind::PostgresqlConf);
    if (confs.size() < 2)
        return own;
    // A file another configuration includes is edited as part of that configuration (the scan
    // may have found it on its own too, so the includedBy flag alone does not tell).
    core::project::Project copy = project->detachedCopy();
    for (const auto &file : confs) {
        if (file->relativePath == own || file->includedBy || !file->isLoaded())
            continue;
        ConfLoader loader(&copy);
        if (loader.load(file->absolutePath).files.contains(own))
            return file->relativePath;
    }
    return own;
}

void SettingsEditor::onTextChanged(document::ProjectDocument *document)
{
    // Compose and .env files decide the server's -c flags over the configuration (its command and
    // the variables in it), so an edit there can change which source wins.
    const core::project::FileKind kind = document->kind();
    if (document == m_document || m_files.contains(document->relativePath()) || kind == core::project::FileKind::Compose
        || kind == core::project::FileKind::Env)
        m_analyzer->invalidate();
}

void SettingsEditor::onSaved(document::ProjectDocument *document)
{
    const QString file = document->relativePath();
    if (document != m_document && !m_files.contains(file))
        return;
    // "Changed" means since opened or last saved; the baseline must be the saved text, which a
    // big configuration's worker may not have read yet.
    m_pendingBaselines.insert(file);
    if (m_analyzer->isCurrent())
        applyPendingBaselines();
}

void SettingsEditor::applyPendingBaselines()
{
    for (const QString &file : std::as_const(m_pendingBaselines))
        m_model->markBaseline(file);
    m_pendingBaselines.clear();
    updateCount();
}

void SettingsEditor::onSnapshot()
{
    const SettingsSnapshot &snapshot = m_analyzer->snapshot();
    if (snapshot.major != m_model->major())
        return; // a reading for the previous target version; the next one follows
    const QSet<QString> files(snapshot.analysis.load.files.cbegin(), snapshot.analysis.load.files.cend());
    const bool filesChanged = files != m_files;
    m_files = files;
    m_model->applySnapshot(snapshot);
    if (!m_pendingBaselines.isEmpty() && m_analyzer->isCurrent())
        applyPendingBaselines();
    if (filesChanged)
        onDiagnostics();
    updateDocumentation();
    updateCount();
}

void SettingsEditor::onDiagnostics()
{
    m_model->setDiagnostics(m_context->diagnostics(), m_files);
    updateCount();
}

void SettingsEditor::updateCount()
{
    int shown = 0;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        shown += m_filter->rowCount(m_filter->index(row, 0));
    // The total is what the table offers: hidden parameters count once "show obsolete" is on.
    int total = 0;
    for (const ParameterInfo &info : ParameterCatalog::forVersion(m_model->major()).parameters())
        total += !info.hidden || m_filter->showsHidden();
    const int set = int(m_analyzer->snapshot().analysis.effective.settings().size());
    m_count->setText(
        tr("%1 of %2 shown · %3 set · PostgreSQL %4").arg(shown).arg(total).arg(set).arg(m_model->major()));
}

QString SettingsEditor::currentParameter() const
{
    return m_view->currentIndex().data(SettingsModel::NameRole).toString();
}

QString SettingsEditor::message() const
{
    return m_message->isVisible() || !m_message->isHidden() ? m_message->text() : QString();
}

void SettingsEditor::updateDocumentation()
{
    const QModelIndex source = m_filter->mapToSource(m_view->currentIndex());
    const ParameterInfo *info = m_model->parameter(source);
    if (!info) {
        if (!m_documentationKey.isNull() || m_documentation->document()->isEmpty()) {
            m_documentationKey = QString();
            m_documentation->setHtml(tr("<p><i>Select a parameter to read its documentation.</i></p>"));
        }
        return;
    }
    const QModelIndex sourceCell = source.siblingAtColumn(SettingsModel::SourceColumn);
    const QString value = m_model->valueOf(info->name);
    const QString where = value.isEmpty() && !source.data(SettingsModel::IsSetRole).toBool()
        ? QString()
        : sourceCell.data(Qt::DisplayRole).toString();
    // Re-render only when what the pane shows changed: most edits concern another row.
    const QString shownValue = source.data(SettingsModel::IsSetRole).toBool() ? value : QString();
    const QString key = info->name + u'\n' + shownValue + u'\n' + where + u'\n' + QString::number(m_model->major());
    if (key == m_documentationKey)
        return;
    m_documentationKey = key;
    m_documentation->setHtml(ParameterDocumentation::html(*info, m_model->major(), shownValue, where));
}

void SettingsEditor::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

bool SettingsEditor::setParameter(const QString &name, const QString &value)
{
    return applyEditResult(name, tr("Set %1").arg(name), false, value);
}

bool SettingsEditor::resetParameter(const QString &name)
{
    return applyEditResult(name, tr("Reset %1").arg(name), true, {});
}

bool SettingsEditor::applyEditResult(const QString &name, const QString &description, bool reset, const QString &value)
{
    const auto project = m_context->project();
    if (!project)
        return false;
    // Line numbers must describe the text as it is now.
    const SettingsSnapshot &snapshot = m_analyzer->current();
    auto documentOf = [project](const QString &file) -> const core::base::TextDocument * {
        const auto projectFile = project->findFile(file);
        return projectFile && projectFile->document ? &*projectFile->document : nullptr;
    };
    const ConfEditor editor(snapshot.analysis.load, ParameterCatalog::forVersion(snapshot.major), documentOf);
    const auto result = reset ? editor.reset(name) : editor.set(name, value);
    if (!result) {
        showMessage(result.error().message);
        return false;
    }
    // One undo step per file, in the order the editor gave (an included file edits its own document).
    QList<QString> order;
    QHash<QString, QList<core::base::LineEdit>> byFile;
    for (const ConfFileEdit &edit : result->edits) {
        if (!byFile.contains(edit.file))
            order.append(edit.file);
        byFile[edit.file].append(edit.edit);
    }
    for (const QString &file : order) {
        document::ProjectDocument *document = m_context->document(file);
        if (!document || !document->isEditable()) {
            showMessage(tr("%1 cannot be edited: it is not loaded in the project").arg(file));
            return false;
        }
    }
    showMessage({});
    for (const QString &file : order)
        m_context->document(file)->applyEdits(byFile.value(file), description);
    return true;
}

bool SettingsEditor::selectParameter(const QString &name)
{
    const QModelIndex source = m_model->indexOf(name);
    if (!source.isValid())
        return false;
    QModelIndex proxy = m_filter->mapFromSource(source);
    if (!proxy.isValid()) {
        // The filters hide it: the user asked for this row, so show everything again.
        m_filterBox->clear();
        for (QToolButton *toggle : {m_onlySet, m_onlyProblems, m_onlyRestart, m_onlyChanged})
            toggle->setChecked(false);
        if (source.data(SettingsModel::IsHiddenRole).toBool())
            m_showObsolete->setChecked(true);
        proxy = m_filter->mapFromSource(source);
    }
    if (!proxy.isValid())
        return false;
    m_view->expand(proxy.parent());
    m_view->setCurrentIndex(proxy);
    m_view->scrollTo(proxy, QAbstractItemView::PositionAtCenter);
    return true;
}

void SettingsEditor::revealLine(int line, int column)
{
    Q_UNUSED(column);
    const SettingsSnapshot &snapshot = m_analyzer->current();
    const QString file = m_document->relativePath();
    const ParameterCatalog &catalog = ParameterCatalog::forVersion(snapshot.major);
    QString name;
    for (const ConfItem &item : snapshot.analysis.load.items) {
        if (item.file == file && item.line == line) {
            name = QString::fromUtf8(item.name);
            break;
        }
    }
    if (name.isEmpty()) {
        for (const ConfSampleLine &sample : snapshot.analysis.load.samples) {
            if (sample.file == file && sample.line == line) {
                name = QString::fromUtf8(sample.name);
                break;
            }
        }
    }
    const ParameterInfo *info = name.isEmpty() ? nullptr : catalog.find(name);
    if (!info) {
        showMessage(name.isEmpty() ? QString()
                                   : tr("Line %1 sets \"%2\", which PostgreSQL %3 does not know; see the Source tab")
                                         .arg(line)
                                         .arg(name)
                                         .arg(snapshot.major));
        return;
    }
    selectParameter(info->name);
    m_view->setFocus(Qt::OtherFocusReason);
}

void SettingsEditor::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    const QString name = index.data(SettingsModel::NameRole).toString();
    if (name.isEmpty())
        return;
    m_view->setCurrentIndex(index);
    QMenu menu(this);
    menu.setObjectName(u"settingsContextMenu"_s);
    QAction *edit = menu.addAction(tr("Edit Value"));
    edit->setObjectName(u"settingsEditAction"_s);
    edit->setEnabled(index.siblingAtColumn(SettingsModel::ValueColumn).flags().testFlag(Qt::ItemIsEditable));
    m_resetAction->setEnabled(index.data(SettingsModel::IsSetRole).toBool());
    menu.addAction(m_resetAction);
    menu.addSeparator();
    QAction *source = menu.addAction(tr("Show in Source"));
    source->setObjectName(u"settingsShowSourceAction"_s);
    source->setEnabled(index.data(SettingsModel::IsSetRole).toBool());
    QAction *copy = menu.addAction(tr("Copy \"%1 = %2\"").arg(name, m_model->valueOf(name)));
    copy->setObjectName(u"settingsCopyAction"_s);
    copy->setEnabled(index.data(SettingsModel::IsSetRole).toBool());
    QAction *chosen = menu.exec(m_view->viewport()->mapToGlobal(position));
    m_resetAction->setEnabled(true);
    if (chosen == edit) {
        m_view->edit(index.siblingAtColumn(SettingsModel::ValueColumn));
    } else if (chosen == source) {
        const QString file = index.data(SettingsModel::FileRole).toString();
        const int line = index.data(SettingsModel::LineRole).toInt();
        auto *page
            = qobject_cast<mainwindow::DocumentPage *>(parentWidget() ? parentWidget()->parentWidget() : nullptr);
        if (file == m_document->relativePath() && page) {
            page->showSource();
            page->revealLine(line, 0);
        } else {
            m_context->requestShow(file, line);
        }
    } else if (chosen == copy) {
        QApplication::clipboard()->setText(name + u" = "_s + m_model->valueOf(name));
    }
}

} // namespace pgdial::ui::editors::settings
