#include "tuning/pgdialprofile.h"

#include "tuning/pgtuneprofile.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

namespace {

constexpr qint64 kbPerMb = 1024;
constexpr qint64 kbPerGb = 1024 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::core::tuning::PgDialProfile", text);
}

qint64 unitKb(const QString &unit)
{
    if (unit == u"8kB")
        return 8;
    if (unit == u"MB")
        return kbPerMb;
    if (unit == u"GB")
        return kbPerGb;
    return 1;
}

// Collects settings and keeps them inside what the target version accepts.
class Builder
{
public:
    Builder(const PgDialContext &context, int major)
        : m_context(context)
        , m_major(major)
    { }

    std::optional<ParameterLimit> limit(const QString &name) const
    {
        return m_context.limits ? m_context.limits(name, m_major) : std::nullopt;
    }
    bool has(const QString &name) const { return limit(name).has_value(); }
    bool offers(const QString &name, const QString &value) const
    {
        const auto l = limit(name);
        return l && (l->type != u"enum" || l->enumValues.contains(value));
    }

    // Memory in kB, clamped to the catalog's range (in the parameter's own unit), rounded down to
    // whole MB when at least 1MB so the value reads well.
    void memory(const QString &name, qint64 kb, const QString &reason)
    {
        const auto l = limit(name);
        if (!l)
            return;
        if (kb >= kbPerMb)
            kb -= kb % kbPerMb;
        const qint64 unit = unitKb(l->unit);
        qint64 units = kb / unit;
        units = std::clamp<qint64>(units, static_cast<qint64>(l->min), static_cast<qint64>(std::min(l->max, 9e15)));
        append(name, PgTuneProfile::formatKb(units * unit), reason, *l);
    }

    void integer(const QString &name, qint64 value, const QString &reason)
    {
        const auto l = limit(name);
        if (!l)
            return;
        value = std::clamp<qint64>(value, static_cast<qint64>(l->min), static_cast<qint64>(std::min(l->max, 9e15)));
        append(name, QString::number(value), reason, *l);
    }

    void text(const QString &name, const QString &value, const QString &reason)
    {
        const auto l = limit(name);
        if (!l || (l->type == u"enum" && !l->enumValues.contains(value)))
            return;
        append(name, value, reason, *l);
    }

    TuningResult result;

private:
    const PgDialContext &m_context;
    int m_major;

    void append(const QString &name, const QString &value, const QString &reason, const ParameterLimit &l)
    {
        result.settings.append(TunedSetting {name, value, reason, l.needsRestart()});
    }
};

} // namespace

int PgDialProfile::maxConnectionsFor(int poolDemand, int reservedSlots)
{
    const int headroom = std::max(10, (poolDemand + 4) / 5);
    const int total = poolDemand + headroom + reservedSlots;
    return (total + 9) / 10 * 10;
}

TuningResult PgDialProfile::compute(const TuningInputs &in, const PgDialContext &context)
{
    Builder b(context, in.pgVersion);
    b.result.profile = u"pgdial"_s;
    const qint64 total = in.totalKb();
    const bool windowsLimit = in.os == TargetOs::Windows && in.pgVersion <= 17;
    const qint64 windowsCap = 2 * kbPerGb - kbPerMb;
    const bool desktop = in.workload == Workload::Desktop;
    const bool dw = in.workload == Workload::Dw;
    const bool onLinux = in.os == TargetOs::Linux;
    const int cpus = in.hasCpus() ? *in.cpus : 0;
    const int reservedSlots
        = context.superuserReservedConnections + (in.pgVersion >= 16 ? context.reservedConnections : 0);

    // Connections: the pools' real demand, else what the user gave, else PGTune's default.
    int connections = 0;
    QString connectionsReason;
    if (context.poolDemand) {
        connections = maxConnectionsFor(*context.poolDemand, reservedSlots);
        connectionsReason = context.demandDetail.isEmpty()
            ? tr("the app's pools and other clients need %1; plus 20% headroom and %2 reserved slots")
                  .arg(*context.poolDemand)
                  .arg(reservedSlots)
            : tr("the server's clients need %1 (%2); plus 20% headroom and %3 reserved slots")
                  .arg(*context.poolDemand)
                  .arg(context.demandDetail)
                  .arg(reservedSlots);
    } else if (in.hasConnections()) {
        connections = *in.connections;
        connectionsReason = tr("as given");
    } else {
        connections = PgTuneProfile::maxConnections(in);
        connectionsReason
            = tr("no pool budget known: the usual value for a %1 workload").arg(workloadName(in.workload));
    }
    // Fewer slots than the project's clients need starves one of them (Temporal, backups) however
    // the number came about.
    if (context.minimumConnections > connections) {
        connectionsReason
            = tr("%1 was too few: the project's clients need %2 (%3)")
                  .arg(connections)
                  .arg(context.minimumConnections)
                  .arg(context.demandDetail.isEmpty() ? tr("see the pool calculator") : context.demandDetail);
        connections = context.minimumConnections;
    }
    if (context.worstCaseConnections > connections)
        b.result.warnings.append(tr("during a rolling update (old and new instances at once) the clients may need %1 "
                                    "connections; max_connections %2 leaves them short then")
                                     .arg(context.worstCaseConnections)
                                     .arg(connections));
    b.integer(u"max_connections"_s, connections, connectionsReason);

    const qint64 shared = desktop ? total / 16 : total / 4;
    b.memory(u"shared_buffers"_s, shared,
             desktop ? tr("1/16 of RAM: a desktop leaves memory to other programs")
                     : tr("25% of RAM: the OS page cache holds the rest"));
    const qint64 sharedSet = shared >= kbPerMb ? shared - shared % kbPerMb : shared;

    b.memory(u"effective_cache_size"_s, desktop ? total / 4 : total * 3 / 4,
             tr("what shared_buffers and the OS cache can hold together; a planner hint, allocates nothing"));

    qint64 maintenance = dw ? total / 8 : total / 16;
    maintenance = std::clamp<qint64>(maintenance, 64 * kbPerMb, 2 * kbPerGb);
    if (windowsLimit)
        maintenance = std::min(maintenance, windowsCap);
    b.memory(u"maintenance_work_mem"_s, maintenance,
             windowsLimit ? tr("1/16 of RAM (dw: 1/8), below Windows' 2GB limit before PostgreSQL 18")
                          : tr("1/16 of RAM (dw: 1/8), at most 2GB: each autovacuum worker may take this much"));

    b.text(u"checkpoint_completion_target"_s, u"0.9"_s, tr("spread checkpoint writes over 90% of the interval"));
    if (sharedSet >= 512 * kbPerMb)
        b.memory(u"wal_buffers"_s, 16 * kbPerMb,
                 tr("one WAL segment: what auto-tuning reaches at this shared_buffers"));
    if (dw)
        b.integer(u"default_statistics_target"_s, 500, tr("finer statistics for large analytical queries"));
    b.text(u"random_page_cost"_s, in.storage == Storage::Hdd ? u"4"_s : u"1.1"_s,
           in.storage == Storage::Hdd ? tr("spinning disks: random reads cost 4x sequential")
                                      : tr("flash and SAN storage: random reads cost about as much as sequential"));
    if (onLinux) {
        static const int concurrency[] = {1000, 200, 300, 2}; // nvme, ssd, san, hdd
        const int value = concurrency[static_cast<int>(in.storage)];
        b.integer(u"effective_io_concurrency"_s, value,
                  tr("prefetch depth for %1 storage").arg(storageName(in.storage)));
        b.integer(u"maintenance_io_concurrency"_s, value, tr("the same prefetch depth for VACUUM and CREATE INDEX"));
    }

    // Parallel workers: never below PostgreSQL's default of 8 background workers.
    const bool parallel = cpus >= 4;
    const int workerProcesses = parallel ? std::max(8, cpus) : 8;

    // work_mem: from the real connection count, with room for parallel workers and several
    // sort/hash nodes per query.
    double base = static_cast<double>(total - sharedSet) / (static_cast<double>(connections + workerProcesses) * 3);
    if (dw || in.workload == Workload::Mixed)
        base /= 2;
    else if (desktop)
        base /= 6;
    qint64 workMem = std::max<qint64>(4 * kbPerMb, static_cast<qint64>(std::floor(base)));
    if (windowsLimit)
        workMem = std::min(workMem, windowsCap);
    b.memory(u"work_mem"_s, workMem,
             tr("(RAM - shared_buffers) / ((%1 connections + %2 workers) x 3), at least 4MB")
                 .arg(connections)
                 .arg(workerProcesses));
    const qint64 workMemSet = workMem >= kbPerMb ? workMem - workMem % kbPerMb : workMem;
    if (workMemSet * connections > total - sharedSet)
        b.result.warnings.append(tr("work_mem %1 x max_connections %2 can exceed the RAM left beside shared_buffers; "
                                    "put a pooler in front or lower max_connections")
                                     .arg(PgTuneProfile::formatKb(workMemSet))
                                     .arg(connections));

    if (in.os == TargetOs::Mac) {
        b.text(u"huge_pages"_s, u"off"_s, tr("macOS has no huge pages for PostgreSQL"));
    } else {
        // Reserve shared_buffers plus ~5% for other shared memory, in 2MB pages.
        const qint64 pages = (sharedSet + sharedSet / 20 + 2047) / 2048;
        b.text(u"huge_pages"_s, u"try"_s,
               onLinux ? tr("use huge pages when reserved: set vm.nr_hugepages to about %1 (2MB pages)").arg(pages)
                       : tr("use large pages when the service account may lock pages in memory"));
    }
    if (!dw && !desktop)
        b.text(u"jit"_s, u"off"_s, tr("short queries pay JIT compile time without benefit"));

    if (in.pgVersion >= 15 && b.offers(u"wal_compression"_s, u"lz4"_s))
        b.text(u"wal_compression"_s, u"lz4"_s, tr("smaller WAL at little CPU cost; this build has lz4"));
    else
        b.text(u"wal_compression"_s, u"on"_s, tr("smaller WAL (pglz: the build offers no lz4)"));

    if (cpus >= 16)
        b.integer(u"autovacuum_max_workers"_s, cpus >= 32 ? 5 : 4,
                  tr("more tables vacuumed at once on a large machine"));

    if (in.pgVersion >= 18) {
        if (onLinux && b.offers(u"io_method"_s, u"io_uring"_s)) {
            b.text(u"io_method"_s, u"io_uring"_s, tr("asynchronous I/O through io_uring; this build has it"));
        } else if (cpus >= 16) {
            b.integer(u"io_workers"_s, std::min(32, cpus / 4), tr("asynchronous I/O workers: a quarter of the CPUs"));
        }
    }

    qint64 maxWal = 4 * kbPerGb;
    switch (in.workload) {
    case Workload::Web:
        maxWal = 4 * kbPerGb;
        break;
    case Workload::Mixed:
        maxWal = 8 * kbPerGb;
        break;
    case Workload::Oltp:
        maxWal = 16 * kbPerGb;
        break;
    case Workload::Dw:
        maxWal = 32 * kbPerGb;
        break;
    case Workload::Desktop:
        maxWal = 2 * kbPerGb;
        break;
    }
    b.memory(u"min_wal_size"_s, maxWal / 4, tr("keep a quarter of max_wal_size recycled instead of re-created"));
    b.memory(u"max_wal_size"_s, maxWal, tr("checkpoints by time, not by WAL volume, for this write rate"));

    if (parallel) {
        const int perGather = dw ? std::min((cpus + 1) / 2, 16) : std::min(std::max(2, cpus / 4), 4);
        b.integer(u"max_worker_processes"_s, workerProcesses, tr("one background worker per CPU, never below 8"));
        b.integer(u"max_parallel_workers_per_gather"_s, perGather,
                  dw ? tr("half the CPUs for one analytical query")
                     : tr("PostgreSQL's 2, up to a quarter of the CPUs per query, at most 4"));
        b.integer(u"max_parallel_workers"_s, cpus, tr("all CPUs for parallel queries together"));
        b.integer(u"max_parallel_maintenance_workers"_s, std::min((cpus + 1) / 2, 4),
                  tr("parallel CREATE INDEX and VACUUM, at most 4"));
    }
    if (desktop) {
        b.text(u"wal_level"_s, u"minimal"_s, tr("no replication on a desktop: least WAL"));
        b.integer(u"max_wal_senders"_s, 0, tr("wal_level minimal requires no WAL senders"));
    }
    return std::move(b.result);
}

} // namespace pgdial::core::tuning
