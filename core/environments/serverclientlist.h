#pragma once

#include "environments/serverclient.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace pgdial::core::environments {

// Every client of the server the project knows of, with the sums the pool calculator, the tuning
// profiles and the app.pool-budget check take from it: they all read this one list, so they
// cannot disagree about what the server must hold.
struct ServerClientList
{
    QString environment; // the environment it describes (empty: the project as a whole)
    QList<ServerClient> clients;
    int appInstances = 1; // the instances the app's pools were counted for
    SourceRef appInstancesSource; // the app service's replicas; invalid: the project setting or 1

    // Connections taking ordinary slots: the app's pools and everyone else's.
    int demand() const;
    int appDemand() const; // the AppPools entry (0 without one)
    int otherDemand() const { return demand() - appDemand(); }
    int reservedSlots() const; // superuser_reserved_connections (+ reserved_connections on 16+)
    // The least max_connections that serves every client at once: demand + reserved slots.
    int needed() const { return demand() + reservedSlots(); }
    int surge() const; // more during a rolling update
    int worstCase() const { return needed() + surge(); }

    const ServerClient *appPools() const;
    // The app's entry with other pool sizes (the pool calculator's recommendation): the same
    // processes, each with pool + overflow connections; `surge` follows.
    void setAppPools(int processes, int perProcess, int instances);
    // Clients added by hand: one with the name of a listed client sets that client's count (an
    // estimate corrected), others are appended.
    void addManual(const QString &name, int connections);

    // The clients as text lines ("  Temporal (temporaluser on temporal, temporal_visibility): 40 ...").
    QStringList toText() const;
    // {"environment", "clients": [{kind, name, role, databases, connections, surge, counted,
    //  estimated, detail, source}], "demand", "app_demand", "other_demand", "reserved_slots",
    //  "needed", "surge", "worst_case"}
    QJsonObject toJson() const;
};

} // namespace pgdial::core::environments
