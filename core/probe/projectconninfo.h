#pragma once

#include "probe/probeoptions.h"
#include "project/project.h"

#include <QList>

#include <memory>
#include <optional>

namespace pgdial::core::probe {

// The connection strings a project's application uses, with where each is written, and the
// project's postgresql.conf settings (the pgconf engine's lookup) for fixes that name a line.
class ProjectConninfo
{
public:
    struct Found
    {
        QString conninfo; // libpq form: SQLAlchemy's "+driver" is removed from the scheme
        ConninfoOrigin origin;
        QString label; // for people: "config.yaml database.url (from .env line 7)"
    };

    // Every candidate, the application's own first: config.yaml's database.url after ${VAR}
    // substitution (origin: the .env line or default that provides the value), then each
    // DATABASE_URL / PGDIAL_PROBE_URL assignment of the .env files. Duplicates are dropped;
    // SQLite and other non-PostgreSQL URLs are skipped.
    static QList<Found> candidates(const project::Project &project);
    // The first candidate.
    static std::optional<Found> find(const project::Project &project);
    static project::ServerSettingLookup serverSettings(project::Project &project);
    // The project's main pg_hba.conf (project-relative; empty when there is none).
    static QString hbaFile(const project::Project &project);
    // That file as its documents hold it now, parsed for the project's server (version, build
    // features); null when there is none. A snapshot a probe's worker thread may read.
    static std::shared_ptr<const hba::HbaFile> hbaRules(const project::Project &project);
    // "postgresql+asyncpg://..." -> "postgresql://..."
    static QString toLibpqUrl(const QString &url);
};

} // namespace pgdial::core::probe
