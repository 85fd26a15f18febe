#pragma once

#include "environments/sourceref.h"

#include <QString>
#include <QStringList>

namespace pgdial::core::environments {

// One client of the PostgreSQL server and the connections it can hold at once.
struct ServerClient
{
    enum class Kind {
        AppPools, // the application's pools: instances x workers x (pool_size + max_overflow)
        AppProcess, // another compose service running the app's code with its pool (workers, schedulers)
        Service, // another service with its own pools (Temporal)
        LoginRole, // a role an init script creates WITH LOGIN that no other entry accounts for
        Backup, // the backup / read-only role
        Replication, // standbys, pg_basebackup: walsender slots (max_wal_senders), not max_connections
        SuperuserReserved, // superuser_reserved_connections: maintenance and emergency sessions
        Reserved, // reserved_connections (PostgreSQL 16+): roles with pg_use_reserved_connections
        Manual, // added by hand (the pool calculator, --client NAME=N)
    };

    Kind kind = Kind::Manual;
    QString name; // "api-forge pools", "Temporal", "backupuser"
    QString role; // the role it connects as, when known
    QStringList databases;
    int connections = 0; // at most at once
    int surge = 0; // more during a rolling update (old and new instances at once)
    bool estimated = false; // a usual value, not read from a file: the user may set it by hand
    QString detail; // how the count comes about ("1 instance x 4 workers x (pool_size 20 + max_overflow 10)")
    SourceRef source;

    static QString kindId(Kind kind); // "app_pools", "app_process", "service", "login_role", ...
    // Whether the connections take max_connections slots outside the reserved ones. Replication
    // has its own slots (PostgreSQL 12+), reserved slots are counted as such.
    bool takesOrdinarySlots() const;
    bool isReservedSlots() const { return kind == Kind::SuperuserReserved || kind == Kind::Reserved; }
};

} // namespace pgdial::core::environments
