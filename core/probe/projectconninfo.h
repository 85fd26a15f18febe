#pragma once

#include "probeoptions.h"
#include "project.h"

#include <optional>

namespace pgdial::core::probe {

// The connection string a project's application uses, with where it is written, and a fallback
// reading of the project's postgresql.conf for fixes that name a server setting's line.
// (Until the appconfig and pgconf engines offer their own lookups: DATABASE_URL from the .env
// files only; no ${VAR} substitution; postgresql.conf without includes.)
class ProjectConninfo
{
public:
    struct Found
    {
        QString conninfo; // libpq form: SQLAlchemy's "+driver" is removed from the scheme
        ConninfoOrigin origin;
    };

    static std::optional<Found> find(const Project &project);
    static ServerSettingLookup serverSettings(const Project &project);
    // "postgresql+asyncpg://..." -> "postgresql://..."
    static QString toLibpqUrl(const QString &url);
};

} // namespace pgdial::core::probe
