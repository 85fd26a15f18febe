#include "document/projectclients.h"

#include "document/documentmanager.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "environments/serverclientdetector.h"
#include "preferences/projectsettingsstore.h"
#include "project/project.h"

namespace pgdial::ui::document {

ProjectClients::ProjectClients(ProjectContext *context)
    : QObject(context)
    , m_context(context)
{
    connect(context, &ProjectContext::projectChanged, this, &ProjectClients::invalidate);
    connect(context, &ProjectContext::settingsChanged, this, &ProjectClients::invalidate);
    connect(context->documents(), &DocumentManager::edited, this, &ProjectClients::documentEdited);
}

const core::environments::ServerClientList &ProjectClients::list()
{
    if (m_stale) {
        m_stale = false;
        const auto project = m_context->project();
        m_list = project ? core::environments::ServerClientDetector::detect(*project)
                         : core::environments::ServerClientList {};
    }
    return m_list;
}

void ProjectClients::setManualClients(const QList<core::project::ManualClient> &clients)
{
    const auto project = m_context->project();
    if (!project || project->settings.manualClients == clients)
        return;
    project->settings.manualClients = clients;
    preferences::ProjectSettingsStore::save(project->rootPath(), project->settings);
    invalidate();
    Q_EMIT manualClientsChanged();
}

void ProjectClients::invalidate()
{
    m_stale = true;
    Q_EMIT changed();
}

void ProjectClients::documentEdited(ProjectDocument *document)
{
    // Only the files the list is read from.
    switch (document->kind()) {
    case core::project::FileKind::AppConfig:
    case core::project::FileKind::Env:
    case core::project::FileKind::Compose:
    case core::project::FileKind::InitScript:
    case core::project::FileKind::PostgresqlConf:
    case core::project::FileKind::PgHba:
        invalidate();
        break;
    default:
        break;
    }
}

} // namespace pgdial::ui::document
