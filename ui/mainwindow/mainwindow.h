#pragma once

#include "projectloader.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QMenu;
class QStackedWidget;
class QTreeView;

namespace pgdial::core {
class Project;
}

namespace pgdial::ui {

class EditorArea;
class ProblemsPanel;
class ProjectTreeModel;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openProject(const QString &folder);
    std::shared_ptr<core::Project> project() const { return m_project; }
    bool isLoading() const;

    // Shows a file of the project (a relative path), optionally at a 1-based line.
    void showFile(const QString &relativePath, int line = 0, int column = 0);

    ProjectTreeModel *projectTreeModel() const { return m_treeModel; }
    ProblemsPanel *problemsPanel() const { return m_problems; }
    EditorArea *editorArea() const { return m_editors; }

Q_SIGNALS:
    void projectLoaded(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    ProjectLoader *m_loader;
    std::shared_ptr<core::Project> m_project;
    ProjectTreeModel *m_treeModel;
    QTreeView *m_tree;
    EditorArea *m_editors;
    ProblemsPanel *m_problems;
    QStackedWidget *m_centre;
    QLabel *m_status;
    QMenu *m_recentMenu = nullptr;

    void createActions();
    void createDocks();
    QWidget *createWelcomePage();
    void rebuildRecentMenu();
    void applyLoadedProject(const LoadedProject &loaded);
    void chooseFolder();
    void showAbout();
};

} // namespace pgdial::ui
