#pragma once

#include "tuning/parameterlimits.h"
#include "tuning/tuninginputs.h"
#include "tuning/tuningresult.h"

#include <optional>

namespace pgdial::core::tuning {

// What the pgdial profile knows beyond the machine: the project's connection demand and the
// parameter catalog of the target version.
struct PgDialContext
{
    // processes x (pool_size + max_overflow) + other clients (PoolRecommendation::totalDemand),
    // when the project's pools are known. max_connections is sized from it.
    std::optional<int> poolDemand;
    // The least max_connections the project's clients need (environments::ServerClientList::needed):
    // the profile never recommends fewer, whatever it was given. 0: unknown.
    int minimumConnections = 0;
    // The same clients during a rolling update (ServerClientList::worstCase): a warning when short.
    int worstCaseConnections = 0;
    QString demandDetail; // who the demand is ("api-forge's pools 120 + Temporal 40"), for the reason
    int superuserReservedConnections = 3;
    int reservedConnections = 0; // PG16+
    ParameterLimits limits = catalogParameterLimits();
};

// The `pgdial` profile (the default). It starts from the same physics as PGTune and fixes what
// PGTune's users report (reference/pgtune.md section 6):
// - max_connections comes from the application's pool budget plus headroom, not a fixed number;
// - work_mem is derived from, and checked against, that real connection count (never below
//   PostgreSQL's minimum, never so high that every connection's sorts exceed the RAM);
// - parameters the target version lacks, and values its build does not offer (lz4, io_uring in
//   builds without them), are never suggested; every value lies inside the catalog's min/max;
// - Windows' 2GB limit before 18 is respected; huge pages come with a vm.nr_hugepages count;
// - max_worker_processes never drops below PostgreSQL's default of 8;
// - each setting carries a one-line reason and whether it needs a restart.
class PgDialProfile
{
public:
    static TuningResult compute(const TuningInputs &inputs, const PgDialContext &context = {});
    // max_connections for a pool demand: demand + 20% (at least 10) headroom + reserved slots,
    // rounded up to a multiple of 10.
    static int maxConnectionsFor(int poolDemand, int reservedSlots);
};

} // namespace pgdial::core::tuning
