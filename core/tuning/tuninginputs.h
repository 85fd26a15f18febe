#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace pgdial::core::tuning {

enum class MemoryUnit { MB, GB, TB };
enum class Storage { Nvme, Ssd, San, Hdd };
enum class Workload { Web, Oltp, Dw, Desktop, Mixed };
enum class DbSize { LessRam, MidRam, GreaterRam }; // data size relative to RAM: < 1x, 1-3x, > 3x
enum class TargetOs { Linux, Windows, Mac };

// What both tuning profiles start from: the database machine and what runs on it. Names and
// ranges follow PGTune's form (reference/pgtune.md section 1) so its profile can be bit-exact.
struct TuningInputs
{
    qint64 totalMemory = 16; // as entered, in `memoryUnit` (PGTune echoes it verbatim)
    MemoryUnit memoryUnit = MemoryUnit::GB;
    std::optional<int> cpus; // absent: not given (0 counts as absent)
    std::optional<int> connections; // absent: the workload's default max_connections
    Storage storage = Storage::Ssd;
    Workload workload = Workload::Web;
    DbSize dbSize = DbSize::MidRam;
    int pgVersion = 17; // major version, 10-18
    TargetOs os = TargetOs::Linux;

    qint64 totalKb() const;
    qint64 totalBytes() const;
    bool hasCpus() const { return cpus && *cpus > 0; }
    bool hasConnections() const { return connections && *connections > 0; }
};

// Stable identifiers (CLI options, JSON, PGTune's header lines).
QString memoryUnitName(MemoryUnit unit); // "MB", "GB", "TB"
QString storageName(Storage storage); // "nvme", "ssd", "san", "hdd"
QString workloadName(Workload workload); // "web", "oltp", "dw", "desktop", "mixed"
QString dbSizeName(DbSize size); // "less_ram", "mid_ram", "greater_ram"
QString osName(TargetOs os); // "linux", "windows", "mac"

std::optional<Storage> storageFromName(const QString &name);
std::optional<Workload> workloadFromName(const QString &name);
std::optional<DbSize> dbSizeFromName(const QString &name);
std::optional<TargetOs> osFromName(const QString &name);

// "16GB", "16 GB", "512MB", "1TB" (case-insensitive unit; a bare number means GB).
struct MemoryAmount
{
    qint64 amount = 0;
    MemoryUnit unit = MemoryUnit::GB;
};
std::optional<MemoryAmount> parseMemoryAmount(const QString &text);

} // namespace pgdial::core::tuning
