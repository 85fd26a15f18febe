#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace pgdial::core::tuning {

// The memory and CPUs PostgreSQL can really use on a machine: the host's, narrowed by the
// container's cgroup limits (v2 memory.max / cpu.max, v1 memory.limit_in_bytes /
// cpu.cfs_quota_us), because inside a container /proc/meminfo shows the whole host.
struct MachineInfo
{
    qint64 ramBytes = 0; // what tuning should assume
    int cpus = 0; // what tuning should assume
    qint64 hostRamBytes = 0; // MemTotal
    int hostCpus = 0;
    std::optional<qint64> cgroupMemoryLimit; // bytes, when a limit is set
    std::optional<double> cgroupCpuLimit; // CPUs (quota / period), when a limit is set
    int cgroupVersion = 0; // 0 none found, 1 or 2
};

class MachineDetector
{
public:
    // `root` is "/" for the real machine; tests point it at a folder of fixture files laid out
    // like the real tree (proc/meminfo, proc/cpuinfo, proc/self/cgroup, sys/fs/cgroup/...).
    explicit MachineDetector(QString root = QStringLiteral("/"));

    MachineInfo detect() const;

    // File parsers, public for tests.
    static std::optional<qint64> parseMemTotal(const QByteArray &meminfo); // bytes
    static int countProcessors(const QByteArray &cpuinfo);
    static std::optional<qint64> parseV2MemoryMax(const QByteArray &text); // nullopt for "max"
    static std::optional<double> parseV2CpuMax(const QByteArray &text); // nullopt for "max ..."
    static std::optional<qint64> parseV1MemoryLimit(const QByteArray &text); // nullopt when unlimited
    static std::optional<double> parseV1CpuQuota(const QByteArray &quota, const QByteArray &period);

private:
    QString m_root;

    QByteArray read(const QString &relativePath) const;
    bool exists(const QString &relativePath) const;
    QString v2Group() const;
};

} // namespace pgdial::core::tuning
