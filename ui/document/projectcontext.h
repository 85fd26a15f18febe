#pragma once

#include "base/diagnostic.h"

#include <QObject>

#include <memory>

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::ui::document {

class DocumentManager;
class LiveServer;
class ProjectClients;
class ProjectDocument;

// What every editor and tool of the main window shares about the open project: the project,
// its documents (edits and undo go through them), the newest diagnostics of the checks, and a
// way to ask the window to show a file at a line. Owned by the MainWindow; editors and tools
// hold a pointer and follow its signals instead of reaching into the window.
class ProjectContext final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectContext)

public:
    ProjectContext(DocumentManager *documents, QObject *parent = nullptr);

    std::shared_ptr<core::project::Project> project() const { return m_project; }
    DocumentManager *documents() const { return m_documents; }
    // The live server the project is compared with (Project > Server Connection…).
    LiveServer *liveServer() const { return m_liveServer; }
    // Every client of the project's server, kept live for every tool.
    ProjectClients *clients() const { return m_clients; }
    // Null without a project or for a path the project does not hold.
    ProjectDocument *document(const QString &relativePath) const;
    const core::base::Diagnostics &diagnostics() const { return m_diagnostics; }
    // Only the diagnostics of one file (relative path).
    core::base::Diagnostics diagnosticsFor(const QString &relativePath) const;

    void setProject(std::shared_ptr<core::project::Project> project);
    void setDiagnostics(const core::base::Diagnostics &diagnostics);
    // Asks the window to open `relativePath` in its editor at a 1-based line (0: no line).
    void requestShow(const QString &relativePath, int line = 0, int column = 0);
    // The project's settings (target version, machine, instances) changed.
    void notifySettingsChanged();

Q_SIGNALS:
    void projectChanged();
    void diagnosticsChanged();
    void settingsChanged();
    void showRequested(const QString &relativePath, int line, int column);

private:
    DocumentManager *m_documents;
    LiveServer *m_liveServer;
    ProjectClients *m_clients;
    std::shared_ptr<core::project::Project> m_project;
    core::base::Diagnostics m_diagnostics;
};

} // namespace pgdial::ui::document
