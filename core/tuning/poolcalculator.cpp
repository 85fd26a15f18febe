#include "tuning/poolcalculator.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

namespace {

int ceilDiv(int numerator, int denominator)
{
    return denominator <= 0 ? numerator : (numerator + denominator - 1) / denominator;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::core::tuning::PoolCalculator", text);
}

} // namespace

QString poolVerdictName(PoolVerdict verdict)
{
    switch (verdict) {
    case PoolVerdict::Fits:
        return u"fits"_s;
    case PoolVerdict::FitsWhenShrunk:
        return u"fits-when-shrunk"_s;
    case PoolVerdict::DoesNotFit:
        return u"does-not-fit"_s;
    }
    return u"fits"_s;
}

int PoolCalculator::connectionsNeeded(double concurrentRequests, double avgQueryMs, double requestMs)
{
    if (concurrentRequests <= 0 || avgQueryMs <= 0 || requestMs <= 0)
        return 0;
    // A query cannot outlast its request: at most one connection per request in flight.
    const double share = std::min(avgQueryMs / requestMs, 1.0);
    // Round away the floating-point dust before rounding up (100 x 0.25 is exactly 25).
    return static_cast<int>(std::ceil(concurrentRequests * share - 1e-9));
}

PoolTrafficRow PoolCalculator::trafficRow(double requestsPerSecond)
{
    // The guide's table: < 10 RPS, 10-50, 50-200, > 200.
    if (requestsPerSecond < 10)
        return {u"low"_s, 5, 5, 30};
    if (requestsPerSecond <= 50)
        return {u"medium"_s, 10, 10, 30};
    if (requestsPerSecond <= 200)
        return {u"high"_s, 20, 10, 30};
    return {u"very-high"_s, 30, 20, 60};
}

int PoolCalculator::availableConnections(const PoolInputs &inputs)
{
    const int reserved = inputs.pgVersion >= 16 ? inputs.reservedConnections : 0;
    return std::max(0, inputs.maxConnections - inputs.superuserReservedConnections - reserved);
}

PoolRecommendation PoolCalculator::recommend(const PoolInputs &in)
{
    PoolRecommendation r;
    r.connectionsNeeded = std::max(1, connectionsNeeded(in.concurrentRequests, in.avgQueryMs, in.requestMs));
    r.processes = std::max(1, in.instances) * std::max(1, in.workersPerInstance);
    r.perProcessNeed = ceilDiv(r.connectionsNeeded, r.processes);
    r.trafficRow = trafficRow(in.concurrentRequests);
    r.poolTimeout = r.trafficRow.poolTimeout;
    r.available = availableConnections(in);

    // Steady pool: the table's size, but never more than one process's share of the peak.
    r.poolSize = std::max(1, std::min(r.trafficRow.poolSize, r.perProcessNeed));
    // Overflow absorbs bursts: the table's value, at most half the pool, and always enough to
    // reach the peak share.
    r.maxOverflow = std::max(r.perProcessNeed - r.poolSize, std::min(r.trafficRow.maxOverflow, ceilDiv(r.poolSize, 2)));

    r.explanation << tr("%1 requests in flight x %2 ms per query / %3 ms per request = %4 connections")
                         .arg(in.concurrentRequests)
                         .arg(in.avgQueryMs)
                         .arg(in.requestMs)
                         .arg(r.connectionsNeeded);
    r.explanation << tr("%1 instance(s) x %2 worker(s) = %3 pools, each needing %4 at peak")
                         .arg(std::max(1, in.instances))
                         .arg(std::max(1, in.workersPerInstance))
                         .arg(r.processes)
                         .arg(r.perProcessNeed);

    auto demandFor = [&](int pool, int overflow) { return r.processes * (pool + overflow) + in.otherClients; };
    r.appConnections = r.processes * (r.poolSize + r.maxOverflow);
    r.totalDemand = demandFor(r.poolSize, r.maxOverflow);
    const QString reservedText = in.pgVersion >= 16 ? tr("%1 - %2 superuser reserved - %3 reserved = %4 available")
                                                          .arg(in.maxConnections)
                                                          .arg(in.superuserReservedConnections)
                                                          .arg(in.reservedConnections)
                                                          .arg(r.available)
                                                    : tr("%1 - %2 superuser reserved = %3 available")
                                                          .arg(in.maxConnections)
                                                          .arg(in.superuserReservedConnections)
                                                          .arg(r.available);
    r.explanation << tr("max_connections %1").arg(reservedText);

    if (r.totalDemand <= r.available) {
        r.verdict = PoolVerdict::Fits;
        r.explanation << tr("%1 pools x (%2 + %3) + %4 other clients = %5 <= %6: fits")
                             .arg(r.processes)
                             .arg(r.poolSize)
                             .arg(r.maxOverflow)
                             .arg(in.otherClients)
                             .arg(r.totalDemand)
                             .arg(r.available);
        return r;
    }

    // Shrink each pool to what the budget allows, as long as one process's peak share still fits.
    const int perProcessBudget = (r.available - in.otherClients) / r.processes;
    if (r.available > in.otherClients && perProcessBudget >= r.perProcessNeed && perProcessBudget >= 1) {
        r.verdict = PoolVerdict::FitsWhenShrunk;
        r.poolSize = std::min(r.poolSize, perProcessBudget);
        r.maxOverflow = perProcessBudget - r.poolSize;
        r.appConnections = r.processes * (r.poolSize + r.maxOverflow);
        r.totalDemand = demandFor(r.poolSize, r.maxOverflow);
        r.explanation << tr("the table's pools do not fit; %1 pools x (%2 + %3) + %4 other clients = %5 <= %6")
                             .arg(r.processes)
                             .arg(r.poolSize)
                             .arg(r.maxOverflow)
                             .arg(in.otherClients)
                             .arg(r.totalDemand)
                             .arg(r.available);
        return r;
    }

    // Nothing fits: raise the server, or multiplex the pools through PgBouncer (transaction mode).
    r.verdict = PoolVerdict::DoesNotFit;
    const int reserved = in.superuserReservedConnections + (in.pgVersion >= 16 ? in.reservedConnections : 0);
    r.suggestedMaxConnections = (r.totalDemand * 11 + 9) / 10 + reserved; // +10%, rounded up, in integers
    r.pgbouncerDefaultPoolSize = r.connectionsNeeded;
    r.pgbouncerMaxClientConnections = r.appConnections;
    r.pgbouncerFits = r.pgbouncerDefaultPoolSize + in.otherClients <= r.available;
    r.explanation << tr("%1 pools x (%2 + %3) + %4 other clients = %5 > %6: does not fit")
                         .arg(r.processes)
                         .arg(r.poolSize)
                         .arg(r.maxOverflow)
                         .arg(in.otherClients)
                         .arg(r.totalDemand)
                         .arg(r.available);
    r.explanation << tr("either raise max_connections to %1 (demand + 10% headroom + reserved slots; needs a restart)")
                         .arg(r.suggestedMaxConnections);
    r.explanation << tr("or put PgBouncer in transaction mode in front: max_client_conn = %1, default_pool_size = %2 "
                        "server connections (%3)")
                         .arg(r.pgbouncerMaxClientConnections)
                         .arg(r.pgbouncerDefaultPoolSize)
                         .arg(r.pgbouncerFits ? tr("fits the current max_connections")
                                              : tr("still needs a larger max_connections"));
    return r;
}

} // namespace pgdial::core::tuning
