#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::tuning {

// One row of the guide's traffic table ("Tuning Guidelines": pool_size, max_overflow, pool_timeout).
struct PoolTrafficRow
{
    QString label; // "low", "medium", "high", "very-high"
    int poolSize = 0;
    int maxOverflow = 0;
    int poolTimeout = 0; // seconds
};

struct PoolInputs
{
    // The guide's formula: connections = concurrent requests x avg query time / request duration.
    double concurrentRequests = 0; // peak requests in flight (`--rps`); also picks the traffic-table row
    double avgQueryMs = 0;
    double requestMs = 0;
    int instances = 1; // app instances (replicas) sharing the server
    int workersPerInstance = 1; // worker processes per instance, each with its own pool
    int otherClients = 0; // migrations, job workers, backups, admin sessions, replication, Temporal
    int maxConnections = 100; // the server's max_connections
    int superuserReservedConnections = 3;
    int reservedConnections = 0; // PG16+ only; ignored before 16
    int pgVersion = 17;
};

enum class PoolVerdict {
    Fits, // the recommended pools fit the server's budget as they are
    FitsWhenShrunk, // they fit once each pool gets the smaller size given
    DoesNotFit, // not even the peak need fits: raise max_connections or put PgBouncer in front
};

struct PoolRecommendation
{
    int connectionsNeeded = 0; // the formula, rounded up, for the whole application
    int processes = 0; // instances x workers
    int perProcessNeed = 0; // connectionsNeeded spread over the processes, rounded up
    PoolTrafficRow trafficRow; // the guide's table row for this traffic
    int poolSize = 0; // per process
    int maxOverflow = 0; // per process
    int poolTimeout = 0; // seconds
    int appConnections = 0; // processes x (pool_size + max_overflow)
    int totalDemand = 0; // appConnections + other clients
    int available = 0; // max_connections - superuser_reserved - reserved (PG16+)
    PoolVerdict verdict = PoolVerdict::Fits;
    // DoesNotFit: the two ways out, with numbers.
    int suggestedMaxConnections = 0; // server change: fits the demand with 10% headroom
    int pgbouncerDefaultPoolSize = 0; // PgBouncer (transaction mode) server connections for the app
    int pgbouncerMaxClientConnections = 0; // what the app pools open against PgBouncer
    bool pgbouncerFits = false; // the pooler's server connections fit the current budget
    QStringList explanation; // one line per step, for people
};

// Sizes application connection pools the way the configuration guide does, and checks the
// result against the server's connection budget (feature-anchors request 18: pools are per
// worker process, so the real demand is instances x workers x (pool_size + max_overflow)).
class PoolCalculator
{
public:
    static int connectionsNeeded(double concurrentRequests, double avgQueryMs, double requestMs);
    static PoolTrafficRow trafficRow(double requestsPerSecond);
    static int availableConnections(const PoolInputs &inputs);
    static PoolRecommendation recommend(const PoolInputs &inputs);
};

QString poolVerdictName(PoolVerdict verdict); // "fits", "fits-when-shrunk", "does-not-fit"

} // namespace pgdial::core::tuning
