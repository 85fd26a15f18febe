#pragma once

#include "base/textdocument.h"
#include "environments/sourceref.h"

#include <QList>
#include <QString>

#include <optional>

namespace pgdial::core::environments {

// A role an init script creates (CREATE ROLE / CREATE USER, later ALTER ROLE applied).
struct InitScriptRole
{
    QString name; // ${VAR:-default} in a shell script reads as its default
    bool login = false; // CREATE USER implies LOGIN; CREATE ROLE does not
    bool superuser = false;
    bool replication = false;
    std::optional<int> connectionLimit; // CONNECTION LIMIT n; nullopt for none (-1)
    SourceRef source; // the CREATE statement
};

// Reads the roles that database init scripts (docker-entrypoint-initdb.d: .sql, .sh with psql
// heredocs) create. Only the clauses that say who connects are read (LOGIN, SUPERUSER,
// REPLICATION, CONNECTION LIMIT); passwords are skipped, never kept.
class InitScriptRoles
{
public:
    static QList<InitScriptRole> read(const base::TextDocument &document, const QString &fileName);
};

} // namespace pgdial::core::environments
