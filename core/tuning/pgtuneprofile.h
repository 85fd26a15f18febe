#pragma once

#include "tuning/tuninginputs.h"
#include "tuning/tuningresult.h"

namespace pgdial::core::tuning {

// The `pgtune` profile: PGTune's current algorithm (le0pard/pgtune HEAD, see
// reference/pgtune.md), bit-exact: the same parameters, conditions, omissions, order, value
// formatting and warning lines. All arithmetic is in kB with PGTune's floating-point order.
class PgTuneProfile
{
public:
    static TuningResult compute(const TuningInputs &inputs);

    // PGTune's memory formatting: GB when divisible, else MB when divisible, else kB
    // ("4GB", "1536MB", "20164kB").
    static QString formatKb(qint64 kb);

    // The individual formulas, for the pgdial profile, which starts from the same physics.
    static int maxConnections(const TuningInputs &inputs);
    static qint64 sharedBuffersKb(const TuningInputs &inputs);
    static qint64 effectiveCacheSizeKb(const TuningInputs &inputs);
    static qint64 maintenanceWorkMemKb(const TuningInputs &inputs);
    static qint64 walBuffersKb(qint64 sharedBuffersKb);
    static qint64 workMemKb(const TuningInputs &inputs, int maxConnections, int workerProcesses);
};

} // namespace pgdial::core::tuning
