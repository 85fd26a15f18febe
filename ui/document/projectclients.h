#pragma once

#include "environments/serverclientlist.h"
#include "project/projectsettings.h"

#include <QObject>

namespace pgdial::ui::document {

class ProjectContext;
class ProjectDocument;

// Every client of the open project's server (core::environments::ServerClientList), kept live:
// an edit of any file the list reads (config.yaml, .env, compose files, init scripts,
// postgresql.conf, pg_hba.conf), undo included, or a change of the project's settings makes it
// stale and says so; it is read again when next asked for. The pool calculator and the tuning
// wizard both read this one object, so a pool size one of them writes is the other's demand at
// once, and a client added by hand in one counts in the other.
class ProjectClients final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectClients)

public:
    explicit ProjectClients(ProjectContext *context);

    // The list for the project as it is now, unsaved edits included.
    const core::environments::ServerClientList &list();
    // Replaces the clients added by hand (the project's settings, kept in the user's settings).
    void setManualClients(const QList<core::project::ManualClient> &clients);

Q_SIGNALS:
    // The list may differ from the last one read: read it again when shown.
    void changed();
    // The clients added by hand changed: the checks (app.pool-budget) count them too.
    void manualClientsChanged();

private:
    ProjectContext *m_context;
    core::environments::ServerClientList m_list;
    bool m_stale = true;

    void invalidate();
    void documentEdited(ProjectDocument *document);
};

} // namespace pgdial::ui::document
