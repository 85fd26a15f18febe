#include "document/projectcontext.h"

#include "document/documentmanager.h"
#include "document/liveserver.h"
#include "document/projectclients.h"
#include "project/project.h"

namespace pgdial::ui::document {

ProjectContext::ProjectContext(DocumentManager *documents, QObject *parent)
    : QObject(parent)
    , m_documents(documents)
    , m_liveServer(new LiveServer(this))
    , m_clients(new ProjectClients(this))
{ }

ProjectDocument *ProjectContext::document(const QString &relativePath) const
{
    if (!m_project || !m_project->findFile(relativePath))
        return nullptr;
    return m_documents->document(relativePath);
}

core::base::Diagnostics ProjectContext::diagnosticsFor(const QString &relativePath) const
{
    core::base::Diagnostics result;
    for (const core::base::Diagnostic &d : m_diagnostics) {
        if (d.file == relativePath)
            result.append(d);
    }
    return result;
}

void ProjectContext::setProject(std::shared_ptr<core::project::Project> project)
{
    m_project = std::move(project);
    m_diagnostics.clear();
    Q_EMIT projectChanged();
}

void ProjectContext::setDiagnostics(const core::base::Diagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    Q_EMIT diagnosticsChanged();
}

void ProjectContext::requestShow(const QString &relativePath, int line, int column)
{
    Q_EMIT showRequested(relativePath, line, column);
}

void ProjectContext::notifySettingsChanged()
{
    Q_EMIT settingsChanged();
}

} // namespace pgdial::ui::document
