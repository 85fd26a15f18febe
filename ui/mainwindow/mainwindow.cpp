#include "mainwindow/mainwindow.h"

#include "document/documentmanager.h"
#include "document/liveserver.h"
#include "document/projectclients.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "document/revalidator.h"
#include "environments/environmentdetector.h"
#include "environments/targetversion.h"
#include "mainwindow/documentcontroller.h"
#include "mainwindow/editorarea.h"
#include "mainwindow/problemspanel.h"
#include "models/projecttreemodel.h"
#include "pgdialversion.h"
#include "preferences/appsettings.h"
#include "preferences/preferencesdialog.h"
#include "preferences/projectsettingsdialog.h"
#include "preferences/projectsettingsstore.h"
#include "preferences/serverconnectiondialog.h"
#include "project/project.h"
#include "tools/toolfactory.h"
#include "widgets/projecttreedelegate.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::ui::mainwindow {

namespace {

// The desktop theme's icon when there is one (it matches the rest of the desktop), else pgdial's
// own SVG, which stays crisp at any device pixel ratio.
QIcon themedIcon(const QString &themeName, const QString &bundled)
{
    return QIcon::fromTheme(themeName, QIcon(u":/icons/"_s + bundled + u".svg"_s));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_loader(new ProjectLoader(this))
    , m_documents(new document::DocumentManager(this))
    , m_context(new document::ProjectContext(m_documents, this))
    , m_treeModel(new models::ProjectTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_editors(new EditorArea(m_context, this))
    , m_problems(new ProblemsPanel(this))
    , m_centre(new QStackedWidget(this))
    , m_status(new QLabel(this))
    , m_targetVersion(new QLabel(this))
    , m_controller(new DocumentController(m_documents, this))
    , m_revalidator(new document::Revalidator(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("pgdial"));
    setWindowIcon(QIcon(u":/icons/pgdial.svg"_s));
    m_centre->addWidget(createWelcomePage());
    m_centre->addWidget(m_editors);
    setCentralWidget(m_centre);
    m_status->setObjectName(u"statusLabel"_s);
    statusBar()->addWidget(m_status, 1);
    // Loading a large project takes a while: progress and a way out, in the status bar.
    m_loadProgress = new QProgressBar(this);
    m_loadProgress->setObjectName(u"loadProgress"_s);
    m_loadProgress->setMaximumWidth(220);
    m_loadProgress->setTextVisible(false);
    m_loadProgress->hide();
    statusBar()->addPermanentWidget(m_loadProgress);
    m_cancelLoad = new QToolButton(this);
    m_cancelLoad->setObjectName(u"cancelLoadButton"_s);
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setToolTip(tr("Stop opening the project"));
    m_cancelLoad->hide();
    statusBar()->addPermanentWidget(m_cancelLoad);
    m_targetVersion->setObjectName(u"targetVersionLabel"_s);
    statusBar()->addPermanentWidget(m_targetVersion);
    updateTargetVersion();

    createDocks();
    createActions();

    connect(m_loader, &ProjectLoader::loadStarted, this, [this](const QString &folder) {
        m_status->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(folder)));
        m_loadProgress->setRange(0, 0); // busy until the first report
        m_loadProgress->show();
        m_cancelLoad->show();
    });
    connect(m_loader, &ProjectLoader::loadProgress, this, [this](const QString &stage, qint64 done, qint64 total) {
        m_status->setText(stage + u'…');
        if (total > 0) {
            m_loadProgress->setRange(0, 1000);
            m_loadProgress->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
        } else {
            m_loadProgress->setRange(0, 0);
        }
    });
    auto loadEnded = [this] {
        m_loadProgress->hide();
        m_cancelLoad->hide();
    };
    connect(m_loader, &ProjectLoader::loadFinished, this, loadEnded);
    connect(m_loader, &ProjectLoader::loadFinished, this, &MainWindow::applyLoadedProject);
    connect(m_cancelLoad, &QToolButton::clicked, m_loader, &ProjectLoader::cancel);
    connect(m_loader, &ProjectLoader::loadCanceled, this, [this, loadEnded] {
        loadEnded();
        m_status->setText(tr("Opening the project was cancelled"));
        Q_EMIT projectLoaded(false);
    });
    connect(m_problems, &ProblemsPanel::locationActivated, this, &MainWindow::showFile);
    connect(m_context, &document::ProjectContext::showRequested, this, &MainWindow::showFile);
    connect(m_problems, &ProblemsPanel::applyFixRequested, this, &MainWindow::applyFix);
    connect(m_editors, &EditorArea::currentDocumentChanged, m_documents, &document::DocumentManager::setActiveDocument);
    connect(m_documents, &document::DocumentManager::edited, m_revalidator, &document::Revalidator::schedule);
    connect(m_context->clients(), &document::ProjectClients::manualClientsChanged, m_revalidator,
            &document::Revalidator::schedule);
    connect(m_documents, &document::DocumentManager::modifiedChanged, this,
            [this](document::ProjectDocument *document, bool modified) {
                m_treeModel->setModified(document->relativePath(), modified);
                setWindowModified(m_documents->hasUnsavedChanges());
            });
    connect(m_revalidator, &document::Revalidator::diagnosticsReady, this,
            [this](const core::base::Diagnostics &diagnostics) {
                applyDiagnostics(diagnostics);
                Q_EMIT diagnosticsUpdated();
            });
    connect(m_controller, &DocumentController::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    m_documents->setBackupPolicy(preferences::settings::currentBackupPolicy());
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!index.data(models::ProjectTreeModel::IsGroupRole).toBool())
            showFile(index.data(models::ProjectTreeModel::RelativePathRole).toString());
    });

    resize(1280, 800);
    restoreGeometry(preferences::settings::windowGeometry.value());
    restoreState(preferences::settings::windowState.value());
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_tree->setObjectName(u"projectTree"_s);
    m_tree->setModel(m_treeModel);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setExpandsOnDoubleClick(true);
    m_tree->setItemDelegate(new widgets::ProjectTreeDelegate(m_tree));
    m_tree->setToolTip(tr("The project's files, grouped by kind. Double-click or press Enter to open one."));
    auto *projectDock = new QDockWidget(tr("Project"), this);
    projectDock->setObjectName(u"projectDock"_s);
    projectDock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, projectDock);

    auto *problemsDock = new QDockWidget(tr("Problems"), this);
    problemsDock->setObjectName(u"problemsDock"_s);
    problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, problemsDock);
    auto *history = new QUndoView(m_documents->undoGroup(), this);
    history->setObjectName(u"undoHistoryView"_s);
    history->setEmptyLabel(tr("<opened>"));
    history->setToolTip(tr("Every change to the current file; click a step to go back to it"));
    auto *historyDock = new QDockWidget(tr("Undo History"), this);
    historyDock->setObjectName(u"undoHistoryDock"_s);
    historyDock->setWidget(history);
    addDockWidget(Qt::BottomDockWidgetArea, historyDock);
    tabifyDockWidget(problemsDock, historyDock);
    problemsDock->raise();

    QDockWidget *firstTool = nullptr;
    for (QDockWidget *tool : tools::ToolFactory::createToolDocks(m_context, this)) {
        addDockWidget(Qt::RightDockWidgetArea, tool);
        if (firstTool)
            tabifyDockWidget(firstTool, tool);
        else
            firstTool = tool;
        tool->hide();
        m_tools.append(tool);
    }

    resizeDocks({projectDock}, {300}, Qt::Horizontal);
    resizeDocks({problemsDock}, {220}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(u"menuFile"_s);
    QAction *open = file->addAction(themedIcon(u"document-open"_s, u"open-folder"_s), tr("&Open Folder…"), this,
                                    &MainWindow::chooseFolder);
    open->setObjectName(u"actionOpenFolder"_s);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open an application's folder as a project (Ctrl+O)"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(u"menuRecentProjects"_s);
    rebuildRecentMenu();
    QAction *reload = file->addAction(themedIcon(u"view-refresh"_s, u"reload"_s), tr("Re&load Project"), this, [this] {
        if (m_project)
            openProject(m_project->rootPath());
    });
    reload->setObjectName(u"actionReload"_s);
    reload->setShortcut(QKeySequence::Refresh);
    reload->setToolTip(tr("Read the project's files from disk again"));
    file->addSeparator();
    QAction *save = file->addAction(themedIcon(u"document-save"_s, u"save"_s), tr("&Save"), this,
                                    [this] { m_controller->save(m_editors->currentDocument()); });
    save->setObjectName(u"actionSave"_s);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    save->setToolTip(tr("Review and save the current file"));
    QAction *saveAll = file->addAction(themedIcon(u"document-save-all"_s, u"save-all"_s), tr("Save A&ll"), this,
                                       [this] { m_controller->saveAll(); });
    saveAll->setObjectName(u"actionSaveAll"_s);
    saveAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    saveAll->setToolTip(tr("Review and save every changed file"));
    file->addSeparator();
    QAction *closeTab = file->addAction(tr("&Close File"), this, [this] {
        if (m_editors->currentIndex() >= 0)
            Q_EMIT m_editors->tabCloseRequested(m_editors->currentIndex());
    });
    closeTab->setObjectName(u"actionCloseFile"_s);
    closeTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    closeTab->setIcon(themedIcon(u"window-close"_s, u"close"_s));
    closeTab->setToolTip(tr("Close the current file's tab (its unsaved edits and history stay)"));
    file->addSeparator();
    QAction *preferences = file->addAction(themedIcon(u"preferences-system"_s, u"preferences"_s), tr("&Preferences…"),
                                           this, &MainWindow::editPreferences);
    preferences->setObjectName(u"actionPreferences"_s);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setToolTip(tr("Backups and other pgdial preferences"));
    QAction *quit = file->addAction(themedIcon(u"application-exit"_s, u"quit"_s), tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(u"actionQuit"_s);
    quit->setShortcut(QKeySequence::Quit);
    quit->setToolTip(tr("Quit pgdial (asks about unsaved changes)"));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(u"menuEdit"_s);
    QAction *undo = m_documents->undoGroup()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(u"actionUndo"_s);
    undo->setIcon(themedIcon(u"edit-undo"_s, u"undo"_s));
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    undo->setToolTip(tr("Undo the last change to the current file (Ctrl+Z)"));
    edit->addAction(undo);
    QAction *redo = m_documents->undoGroup()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(u"actionRedo"_s);
    redo->setIcon(themedIcon(u"edit-redo"_s, u"redo"_s));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setToolTip(tr("Redo the change last undone in the current file (Ctrl+Shift+Z)"));
    edit->addAction(redo);
    edit->addSeparator();
    QAction *find
        = edit->addAction(themedIcon(u"edit-find"_s, u"filter"_s), tr("&Filter…"), this, &MainWindow::focusFilter);
    find->setObjectName(u"actionFocusFilter"_s);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    find->setToolTip(tr("Move to the filter box of the current editor, or of the Problems panel"));

    QMenu *projectMenu = menuBar()->addMenu(tr("&Project"));
    projectMenu->setObjectName(u"menuProject"_s);
    QAction *projectSettings = projectMenu->addAction(tr("Project &Settings…"), this, &MainWindow::editProjectSettings);
    projectSettings->setObjectName(u"actionProjectSettings"_s);
    projectSettings->setIcon(themedIcon(u"document-properties"_s, u"project-settings"_s));
    projectSettings->setToolTip(tr("Target PostgreSQL version, machine size and app instances for this project"));
    QAction *serverConnection
        = projectMenu->addAction(tr("Server &Connection…"), this, &MainWindow::editServerConnection);
    serverConnection->setObjectName(u"actionServerConnection"_s);
    serverConnection->setToolTip(tr("Compare the project's files with a running server (the Server column of the "
                                    "settings editor)"));
    QAction *serverRefresh
        = projectMenu->addAction(tr("&Refresh from Server"), m_context->liveServer(), &document::LiveServer::refresh);
    serverRefresh->setObjectName(u"actionServerRefresh"_s);
    serverRefresh->setToolTip(tr("Read the connected server again"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(u"menuView"_s);
    QAction *next = view->addAction(tr("&Next Problem"), m_problems, &ProblemsPanel::selectNext);
    next->setObjectName(u"actionNextProblem"_s);
    next->setShortcut(Qt::Key_F8);
    next->setIcon(themedIcon(u"go-down"_s, u"next-problem"_s));
    next->setToolTip(tr("Show the next problem in its editor (F8)"));
    QAction *previous = view->addAction(tr("&Previous Problem"), m_problems, &ProblemsPanel::selectPrevious);
    previous->setObjectName(u"actionPreviousProblem"_s);
    previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    previous->setIcon(themedIcon(u"go-up"_s, u"previous-problem"_s));
    previous->setToolTip(tr("Show the previous problem in its editor (Shift+F8)"));
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        if (!m_tools.contains(dock))
            view->addAction(dock->toggleViewAction());
    }

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(u"menuTools"_s);
    for (QDockWidget *tool : std::as_const(m_tools))
        tools->addAction(tool->toggleViewAction());
    tools->setEnabled(!m_tools.isEmpty());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(u"menuHelp"_s);
    QAction *about = help->addAction(tr("&About pgdial"), this, &MainWindow::showAbout);
    about->setObjectName(u"actionAbout"_s);
    about->setIcon(themedIcon(u"help-about"_s, u"about"_s));
    about->setToolTip(tr("pgdial's version and licence"));
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(u"actionAboutQt"_s);
    aboutQt->setToolTip(tr("The Qt version pgdial runs on"));
}

QWidget *MainWindow::createWelcomePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"welcomePage"_s);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    auto *title = new QLabel(tr("<h2>pgdial</h2><p>Open the folder of an application that uses PostgreSQL: pgdial "
                                "finds its config.yaml, .env files, postgresql.conf and pg_hba.conf, and checks "
                                "them against each other.</p>"),
                             page);
    title->setWordWrap(true);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);
    auto *open = new QPushButton(tr("Open Folder…"), page);
    open->setObjectName(u"welcomeOpenButton"_s);
    open->setToolTip(tr("Choose the folder of an application to open it as a project (Ctrl+O)"));
    connect(open, &QPushButton::clicked, this, &MainWindow::chooseFolder);
    layout->addWidget(open, 0, Qt::AlignCenter);
    layout->addStretch();
    return page;
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = preferences::settings::recentProjects.value();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openProject(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::chooseFolder()
{
    const QString start = m_project ? m_project->rootPath() : QDir::homePath();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Project Folder"), start);
    if (!folder.isEmpty())
        openProject(folder);
}

void MainWindow::openProject(const QString &folder)
{
    if (!m_controller->confirmDiscard())
        return;
    m_loader->load(folder, preferences::ProjectSettingsStore::load(folder));
}

bool MainWindow::isLoading() const
{
    return m_loader->isLoading();
}

void MainWindow::applyLoadedProject(const LoadedProject &loaded)
{
    if (!loaded.project) {
        m_status->setText(loaded.error);
        QMessageBox::warning(this, tr("Cannot open the project"), loaded.error);
        Q_EMIT projectLoaded(false);
        return;
    }
    m_editors->closeAll();
    m_project = loaded.project;
    m_documents->setProject(m_project);
    m_revalidator->setProject(m_project);
    m_context->setProject(m_project);
    m_treeModel->setProject(m_project);
    m_tree->expandAll();
    applyDiagnostics(loaded.diagnostics);
    updateTargetVersion();
    setWindowModified(false);

    setWindowTitle(tr("%1[*] — pgdial").arg(m_project->name()));
    m_status->setText(tr("%1: %n file(s)", nullptr, static_cast<int>(m_project->files().size()))
                          .arg(QDir::toNativeSeparators(m_project->rootPath())));
    m_centre->setCurrentWidget(m_editors);
    preferences::settings::addRecentProject(m_project->rootPath());
    rebuildRecentMenu();

    // Start where a DBA usually starts: the server settings, else the first file.
    const auto confs = m_project->filesOfKind(core::project::FileKind::PostgresqlConf);
    if (!confs.isEmpty())
        showFile(confs.first()->relativePath);
    else if (!m_project->files().isEmpty())
        showFile(m_project->files().first()->relativePath);
    Q_EMIT projectLoaded(true);
}

void MainWindow::showFile(const QString &relativePath, int line, int column)
{
    if (!m_project)
        return;
    const auto file = m_project->findFile(relativePath);
    if (!file)
        return;
    m_editors->openDocument(m_documents->document(relativePath), line, column);
    const QModelIndex index = m_treeModel->indexForPath(relativePath);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About pgdial"),
                       tr("<h3>pgdial %1</h3><p>A desktop studio for the configuration of PostgreSQL-backed "
                          "applications: postgresql.conf, pg_hba.conf, the app's config.yaml and .env, checked "
                          "against PostgreSQL's own rules and against each other.</p><p>Built with Qt %2.</p>")
                           .arg(QString::fromLatin1(pgdialVersion), QString::fromLatin1(qVersion())));
}

void MainWindow::applyDiagnostics(const core::base::Diagnostics &diagnostics)
{
    m_problems->setDiagnostics(diagnostics);
    m_context->setDiagnostics(diagnostics);
    QHash<QString, std::pair<int, int>> counts;
    for (const core::base::Diagnostic &d : diagnostics) {
        auto &count = counts[d.file];
        count.first += d.severity == core::base::Severity::Error;
        count.second += d.severity == core::base::Severity::Warning;
    }
    m_treeModel->setProblemCounts(counts);
}

void MainWindow::applyFix(const core::base::Diagnostic &diagnostic)
{
    if (!diagnostic.fix)
        return;
    // A fix's line numbers describe the text the check saw; after newer edits they may not fit.
    if (m_revalidator->isBusy()) {
        statusBar()->showMessage(tr("The checks are still running; apply the fix when they are done"), 5000);
        return;
    }
    const core::base::Fix &fix = *diagnostic.fix;
    const QString file = fix.file.isEmpty() ? diagnostic.file : fix.file;
    document::ProjectDocument *document = m_documents->document(file);
    if (!document || !document->applyEdits(fix.edits, fix.description.isEmpty() ? tr("Apply fix") : fix.description)) {
        statusBar()->showMessage(tr("The fix cannot be applied to %1").arg(file), 5000);
        return;
    }
    showFile(file, diagnostic.line);
}

void MainWindow::updateTargetVersion()
{
    if (!m_project) {
        m_targetVersion->setText(tr("PostgreSQL %1").arg(core::project::ProjectSettings::defaultPgVersion));
        m_targetVersion->setToolTip(
            tr("The PostgreSQL version the checks judge the files against (Project > Project Settings)"));
        return;
    }
    const core::project::ProjectSettings &settings = m_project->settings;
    const QString change = tr("Change it in Project > Project Settings.");
    if (settings.pgVersionFromUser) {
        m_targetVersion->setText(tr("PostgreSQL %1 (project settings)").arg(settings.pgVersion));
        m_targetVersion->setToolTip(
            tr("The PostgreSQL version the checks judge the files against, as you chose it. %1").arg(change));
    } else if (!settings.pgVersionSourceFile.isEmpty()) {
        const QString source = settings.pgVersionSourceFile + u':' + QString::number(settings.pgVersionSourceLine);
        m_targetVersion->setText(tr("PostgreSQL %1 (%2)").arg(settings.pgVersion).arg(source));
        m_targetVersion->setToolTip(tr("The PostgreSQL version the checks judge the files against: the server image "
                                       "of the %1 environment (%2). %3")
                                        .arg(settings.pgVersionEnvironment, source, change));
    } else {
        m_targetVersion->setText(tr("PostgreSQL %1 (default)").arg(settings.pgVersion));
        m_targetVersion->setToolTip(
            settings.pgVersionEnvironment.isEmpty()
                ? tr("The PostgreSQL version the checks judge the files against: no environment of the project "
                     "names a server image, so the newest stable major is assumed. %1")
                      .arg(change)
                : tr("The PostgreSQL version the checks judge the files against: the server image of the %1 "
                     "environment names no major (latest, a digest), so the newest stable major is assumed. %2")
                      .arg(settings.pgVersionEnvironment, change));
    }
}

void MainWindow::setProjectSettings(const core::project::ProjectSettings &settings)
{
    if (!m_project)
        return;
    m_project->settings = settings;
    // A version left to the project follows its environment again (the files are in memory).
    if (!core::environments::TargetVersion::apply(*m_project)) {
        m_project->settings.environment.clear();
        (void)core::environments::TargetVersion::apply(*m_project);
    }
    preferences::ProjectSettingsStore::save(m_project->rootPath(), m_project->settings);
    updateTargetVersion();
    m_context->notifySettingsChanged();
    m_revalidator->runNow();
}

void MainWindow::editProjectSettings()
{
    if (!m_project) {
        statusBar()->showMessage(tr("Open a project first"), 5000);
        return;
    }
    preferences::ProjectSettingsDialog dialog(m_project->settings, this);
    dialog.setEnvironments(core::environments::EnvironmentDetector::detect(*m_project).environments);
    if (dialog.exec() == QDialog::Accepted)
        setProjectSettings(dialog.settings());
}

void MainWindow::editServerConnection()
{
    if (!m_project) {
        statusBar()->showMessage(tr("Open a project first"), 5000);
        return;
    }
    document::LiveServer *server = m_context->liveServer();
    preferences::ServerConnectionDialog dialog(server->maskedConninfo(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.conninfo().isEmpty()) {
        server->disconnectServer();
        return;
    }
    server->connectTo(dialog.conninfo());
    statusBar()->showMessage(tr("Reading the server…"), 5000);
}

void MainWindow::editPreferences()
{
    preferences::PreferencesDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        m_documents->setBackupPolicy(dialog.backupPolicy());
}

void MainWindow::focusFilter()
{
    // Editors mark their filter box with the "pgdialFilter" property; else the Problems panel's.
    if (QWidget *editor = m_editors->currentWidget()) {
        for (auto *box : editor->findChildren<QLineEdit *>()) {
            if (box->property("pgdialFilter").toBool() && box->isVisible()) {
                box->setFocus(Qt::ShortcutFocusReason);
                box->selectAll();
                return;
            }
        }
    }
    if (auto *dock = findChild<QDockWidget *>(u"problemsDock"_s)) {
        dock->show();
        dock->raise();
    }
    if (auto *search = m_problems->findChild<QLineEdit *>(u"problemsSearch"_s)) {
        search->setFocus(Qt::ShortcutFocusReason);
        search->selectAll();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_controller->confirmDiscard()) {
        event->ignore();
        return;
    }
    preferences::settings::windowGeometry.setValue(saveGeometry());
    preferences::settings::windowState.setValue(saveState());
    event->accept();
}

} // namespace pgdial::ui::mainwindow
