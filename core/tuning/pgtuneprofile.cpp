#include "tuning/pgtuneprofile.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

namespace {

constexpr qint64 kbPerMb = 1024;
constexpr qint64 kbPerGb = 1024 * 1024;

// "Win≤17": Windows builds before PostgreSQL 18 reject memory settings of 2GB and more.
bool windowsMemoryLimit(const TuningInputs &inputs)
{
    return inputs.os == TargetOs::Windows && inputs.pgVersion <= 17;
}

bool parallelBlock(const TuningInputs &inputs)
{
    return inputs.hasCpus() && *inputs.cpus >= 4;
}

QString number(qint64 value)
{
    return QString::number(value);
}

} // namespace

QString PgTuneProfile::formatKb(qint64 kb)
{
    if (kb % kbPerGb == 0)
        return number(kb / kbPerGb) + u"GB"_s;
    if (kb % kbPerMb == 0)
        return number(kb / kbPerMb) + u"MB"_s;
    return number(kb) + u"kB"_s;
}

int PgTuneProfile::maxConnections(const TuningInputs &inputs)
{
    if (inputs.hasConnections())
        return *inputs.connections;
    switch (inputs.workload) {
    case Workload::Web:
        return 200;
    case Workload::Oltp:
        return 300;
    case Workload::Dw:
        return 40;
    case Workload::Desktop:
        return 20;
    case Workload::Mixed:
        return 100;
    }
    return 100;
}

qint64 PgTuneProfile::sharedBuffersKb(const TuningInputs &inputs)
{
    // PGTune also caps at 512MB on Windows before PG10; no offered version reaches that branch.
    const qint64 total = inputs.totalKb();
    return inputs.workload == Workload::Desktop ? total / 16 : total / 4;
}

qint64 PgTuneProfile::effectiveCacheSizeKb(const TuningInputs &inputs)
{
    const qint64 total = inputs.totalKb();
    return inputs.workload == Workload::Desktop ? total / 4 : total * 3 / 4;
}

qint64 PgTuneProfile::maintenanceWorkMemKb(const TuningInputs &inputs)
{
    const qint64 total = inputs.totalKb();
    qint64 value = inputs.workload == Workload::Dw ? total / 8 : total / 16;
    const qint64 limit = windowsMemoryLimit(inputs) ? 2 * kbPerGb : 8 * kbPerGb;
    if (value >= limit)
        value = windowsMemoryLimit(inputs) ? limit - kbPerMb : limit; // exactly 2GB fails on Windows too
    return value;
}

qint64 PgTuneProfile::walBuffersKb(qint64 sharedBuffersKb)
{
    const qint64 max = 16 * kbPerMb;
    qint64 value = 3 * sharedBuffersKb / 100;
    if (value > max)
        value = max;
    if (value > 14 * kbPerMb && value < max)
        value = max;
    if (value < 32)
        value = 32;
    return value;
}

qint64 PgTuneProfile::workMemKb(const TuningInputs &inputs, int maxConnections, int workerProcesses)
{
    // Same IEEE double operations in the same order as PGTune's JavaScript.
    const double total = static_cast<double>(inputs.totalKb());
    const double shared = static_cast<double>(sharedBuffersKb(inputs));
    const double base = (total - shared) / (static_cast<double>(maxConnections + workerProcesses) * 3);
    double value = 0;
    switch (inputs.workload) {
    case Workload::Web:
    case Workload::Oltp:
        value = std::floor(base);
        break;
    case Workload::Dw:
    case Workload::Mixed:
        value = std::floor(base / 2);
        break;
    case Workload::Desktop:
        value = std::floor(base / 6);
        break;
    }
    if (inputs.dbSize == DbSize::LessRam)
        value = std::floor(value * 1.3);
    else if (inputs.dbSize == DbSize::GreaterRam)
        value = std::floor(value * 0.9);
    auto result = static_cast<qint64>(value);
    if (result < 4 * kbPerMb)
        result = 4 * kbPerMb;
    if (windowsMemoryLimit(inputs) && result > 2 * kbPerGb - kbPerMb)
        result = 2 * kbPerGb - kbPerMb;
    return result;
}

TuningResult PgTuneProfile::compute(const TuningInputs &in)
{
    TuningResult result;
    result.profile = u"pgtune"_s;
    auto add = [&result](const QString &name, const QString &value) {
        if (!value.isEmpty())
            result.settings.append(TunedSetting {name, value, {}, false});
    };

    const bool parallel = parallelBlock(in);
    const int cpus = in.hasCpus() ? *in.cpus : 0;
    const int connections = maxConnections(in);
    const qint64 shared = sharedBuffersKb(in);
    const qint64 maintenance = maintenanceWorkMemKb(in);
    const bool onLinux = in.os == TargetOs::Linux;
    const bool dw = in.workload == Workload::Dw;
    const bool desktop = in.workload == Workload::Desktop;

    add(u"max_connections"_s, number(connections));
    add(u"shared_buffers"_s, formatKb(shared));
    add(u"effective_cache_size"_s, formatKb(effectiveCacheSizeKb(in)));
    add(u"maintenance_work_mem"_s, formatKb(maintenance));
    add(u"checkpoint_completion_target"_s, u"0.9"_s);
    add(u"wal_buffers"_s, formatKb(walBuffersKb(shared)));
    add(u"default_statistics_target"_s, dw ? u"500"_s : u"100"_s);

    QString randomPageCost = u"1.1"_s;
    if (in.dbSize != DbSize::LessRam && (in.storage == Storage::Hdd || dw))
        randomPageCost = u"4"_s;
    add(u"random_page_cost"_s, randomPageCost);

    if (onLinux) {
        static const QString concurrency[] = {u"1000"_s, u"200"_s, u"300"_s, u"2"_s}; // nvme, ssd, san, hdd
        add(u"effective_io_concurrency"_s, concurrency[static_cast<int>(in.storage)]);
    }

    // PGTune counts max_worker_processes: the CPU count with the parallel block, else PG's default 8.
    add(u"work_mem"_s, formatKb(workMemKb(in, connections, parallel ? cpus : 8)));
    add(u"huge_pages"_s, in.os != TargetOs::Mac && shared >= 2 * kbPerGb ? u"try"_s : u"off"_s);
    if (in.pgVersion >= 12 && !dw && !desktop)
        add(u"jit"_s, u"off"_s);
    const QString walCompression = in.pgVersion >= 15 ? u"lz4"_s : u"on"_s;
    add(u"wal_compression"_s, walCompression);
    if (cpus >= 32)
        add(u"autovacuum_max_workers"_s, u"5"_s);
    else if (cpus >= 16)
        add(u"autovacuum_max_workers"_s, u"4"_s);
    if (maintenance >= 2 * kbPerGb)
        add(u"autovacuum_work_mem"_s, formatKb(windowsMemoryLimit(in) ? 2 * kbPerGb - kbPerMb : 2 * kbPerGb));

    QString ioMethod;
    if (in.pgVersion >= 18) {
        ioMethod = onLinux ? u"io_uring"_s : u"worker"_s;
        add(u"io_method"_s, ioMethod);
        if (cpus > 0 && ioMethod != u"io_uring") {
            const int workers = std::min(32, std::max(3, cpus / 4));
            if (workers > 3)
                add(u"io_workers"_s, number(workers));
        }
    }

    struct WalSizes
    {
        qint64 min, max;
    };
    static const WalSizes walSizes[] = {
        {1024 * kbPerMb, 4096 * kbPerMb}, // web
        {2048 * kbPerMb, 8192 * kbPerMb}, // oltp
        {4096 * kbPerMb, 16384 * kbPerMb}, // dw
        {100 * kbPerMb, 2048 * kbPerMb}, // desktop
        {1024 * kbPerMb, 4096 * kbPerMb}, // mixed
    };
    const WalSizes &wal = walSizes[static_cast<int>(in.workload)];
    add(u"min_wal_size"_s, formatKb(wal.min));
    add(u"max_wal_size"_s, formatKb(wal.max));

    if (parallel) {
        int perGather = (cpus + 1) / 2;
        if (!dw && perGather > 4)
            perGather = 4;
        add(u"max_worker_processes"_s, number(cpus));
        add(u"max_parallel_workers_per_gather"_s, number(perGather));
        add(u"max_parallel_workers"_s, number(cpus));
        if (in.pgVersion >= 11)
            add(u"max_parallel_maintenance_workers"_s, number(std::min((cpus + 1) / 2, 4)));
    }
    if (desktop) {
        add(u"wal_level"_s, u"minimal"_s);
        add(u"max_wal_senders"_s, u"0"_s);
    }

    // Warnings: groups joined by "", the whole list headed by "WARNING".
    QStringList warnings;
    auto group = [&warnings](const QStringList &lines) {
        if (!warnings.isEmpty())
            warnings.append(QString());
        warnings.append(lines);
    };
    const qint64 bytes = in.totalBytes();
    if (bytes < 256LL * 1024 * 1024)
        group({u"this tool not being optimal"_s, u"for low memory systems"_s});
    else if (bytes > 100LL * 1024 * 1024 * 1024)
        group({u"this tool not being optimal"_s, u"for very high memory systems"_s});
    if (walCompression == u"lz4")
        group({u"wal_compression = lz4 requires PostgreSQL"_s, u"to be compiled with --with-lz4"_s});
    if (ioMethod == u"io_uring")
        group({u"io_method = io_uring requires PostgreSQL"_s, u"to be compiled with --with-liburing"_s});
    if (dw && in.storage != Storage::Hdd && in.dbSize != DbSize::LessRam) {
        const QString drive = in.storage == Storage::Ssd ? u"SSDs"_s
            : in.storage == Storage::Nvme                ? u"NVMe drives"_s
                                                         : u"SAN storage"_s;
        group({u"Cost parameters for Data Warehouses on %1 are left at defaults"_s.arg(drive),
               u"to avoid catastrophic index scan selections"_s,
               u"Monitor query planner behavior and adjust random_page_cost if necessary"_s});
    }
    if (!warnings.isEmpty())
        warnings.prepend(u"WARNING"_s);
    result.warnings = warnings;
    return result;
}

} // namespace pgdial::core::tuning
