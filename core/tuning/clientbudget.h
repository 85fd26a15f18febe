#pragma once

#include "environments/serverclientlist.h"
#include "tuning/pgdialprofile.h"
#include "tuning/tuninginputs.h"

#include <QString>

namespace pgdial::core::tuning {

// How the tuning profiles take the server's clients into account (environments::ServerClientList):
// the pgdial profile sizes max_connections from their demand and never goes below what they need;
// PGTune, which takes max_connections as an input, is given at least that many. The tuning
// wizard and `pgdial-cli tune` both go through here, so they cannot size the server differently.
class ClientBudget
{
public:
    static void applyTo(const environments::ServerClientList &clients, PgDialContext &context);
    // `inputs.connections` (typed, else PGTune's usual value for the workload) raised to what the
    // clients need.
    static void applyTo(const environments::ServerClientList &clients, TuningInputs &inputs);
    // "api-forge's pools 120 + Temporal 40 + backupuser 1" (the clients taking ordinary slots).
    static QString breakdown(const environments::ServerClientList &clients);
};

} // namespace pgdial::core::tuning
