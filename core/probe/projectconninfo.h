#pragma once

#include "probeoptions.h"
#include "project.h"

#include <optional>

namespace pgdial::core::probe {

// The connection string a project's application uses, with where it is written, and the
// project's postgresql.conf settings (the pgconf engine's lookup) for fixes that name a line.
// (Until the appconfig engine offers its own lookup: DATABASE_URL from the .env files only,
// without ${VAR} substitution.)
class ProjectConninfo
{
public:
    struct Found
    {
        QString conninfo; // libpq form: SQLAlchemy's "+driver" is removed from the scheme
        ConninfoOrigin origin;
    };

    static std::optional<Found> find(const Project &project);
    static ServerSettingLookup serverSettings(Project &project);
    // "postgresql+asyncpg://..." -> "postgresql://..."
    static QString toLibpqUrl(const QString &url);
};

} // namespace pgdial::core::probe
