#pragma once

#include "mainwindow/projectloader.h"
#include "project/projectsettings.h"

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QProgressBar;
class QToolButton;
class QMenu;
class QStackedWidget;
class QTreeView;

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::ui::document {
class DocumentManager;
class ProjectContext;
class ProjectDocument;
class Revalidator;
} // namespace pgdial::ui::document

namespace pgdial::ui::models {
class ProjectTreeModel;
} // namespace pgdial::ui::models

namespace pgdial::ui::mainwindow {

class DocumentController;
class EditorArea;
class ProblemsPanel;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openProject(const QString &folder);
    std::shared_ptr<core::project::Project> project() const { return m_project; }
    bool isLoading() const;

    // Shows a file of the project (a relative path), optionally at a 1-based line.
    void showFile(const QString &relativePath, int line = 0, int column = 0);

    models::ProjectTreeModel *projectTreeModel() const { return m_treeModel; }
    document::DocumentManager *documents() const { return m_documents; }
    DocumentController *documentController() const { return m_controller; }
    document::Revalidator *revalidator() const { return m_revalidator; }

    // Applies new project settings: stored for this folder, then the project is re-checked.
    void setProjectSettings(const core::project::ProjectSettings &settings);
    ProblemsPanel *problemsPanel() const { return m_problems; }
    EditorArea *editorArea() const { return m_editors; }
    document::ProjectContext *context() const { return m_context; }

Q_SIGNALS:
    void projectLoaded(bool ok);
    // The Problems panel and tree badges now show a re-check after edits or new settings.
    void diagnosticsUpdated();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    ProjectLoader *m_loader;
    std::shared_ptr<core::project::Project> m_project;
    document::DocumentManager *m_documents;
    document::ProjectContext *m_context;
    models::ProjectTreeModel *m_treeModel;
    QTreeView *m_tree;
    EditorArea *m_editors;
    ProblemsPanel *m_problems;
    QStackedWidget *m_centre;
    QLabel *m_status;
    QProgressBar *m_loadProgress = nullptr; // shown while a project loads, with m_cancelLoad
    QToolButton *m_cancelLoad = nullptr;
    QLabel *m_targetVersion;
    QMenu *m_recentMenu = nullptr;
    QList<QDockWidget *> m_tools;
    DocumentController *m_controller;
    document::Revalidator *m_revalidator;

    void createActions();
    void createDocks();
    QWidget *createWelcomePage();
    void rebuildRecentMenu();
    void applyLoadedProject(const LoadedProject &loaded);
    void chooseFolder();
    void showAbout();
    void applyDiagnostics(const core::base::Diagnostics &diagnostics);
    void applyFix(const core::base::Diagnostic &diagnostic);
    void updateTargetVersion();
    void editProjectSettings();
    void editServerConnection();
    void editPreferences();
    void focusFilter();
};

} // namespace pgdial::ui::mainwindow
