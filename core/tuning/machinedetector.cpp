#include "tuning/machinedetector.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <cmath>

#ifdef Q_OS_LINUX
#include <sched.h>
#endif

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

namespace {

// v1 reports "no limit" as a huge number near 2^63 rounded down to the page size.
constexpr qint64 v1Unlimited = Q_INT64_C(1) << 60;

std::optional<qint64> toInt64(const QByteArray &text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

} // namespace

MachineDetector::MachineDetector(QString root)
    : m_root(std::move(root))
{ }

QByteArray MachineDetector::read(const QString &relativePath) const
{
    QFile file(QDir(m_root).filePath(relativePath));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(1 << 20);
}

bool MachineDetector::exists(const QString &relativePath) const
{
    return QFileInfo::exists(QDir(m_root).filePath(relativePath));
}

std::optional<qint64> MachineDetector::parseMemTotal(const QByteArray &meminfo)
{
    for (const QByteArray &line : meminfo.split('\n')) {
        if (!line.startsWith("MemTotal:"))
            continue;
        const QList<QByteArray> parts = line.mid(9).simplified().split(' ');
        const auto kb = toInt64(parts.value(0));
        if (!kb || *kb <= 0)
            return std::nullopt;
        return *kb * 1024;
    }
    return std::nullopt;
}

int MachineDetector::countProcessors(const QByteArray &cpuinfo)
{
    int count = 0;
    for (const QByteArray &line : cpuinfo.split('\n'))
        if (line.startsWith("processor") && line.contains(':'))
            ++count;
    return count;
}

std::optional<qint64> MachineDetector::parseV2MemoryMax(const QByteArray &text)
{
    const auto value = toInt64(text);
    return value && *value > 0 ? value : std::nullopt;
}

std::optional<double> MachineDetector::parseV2CpuMax(const QByteArray &text)
{
    const QList<QByteArray> parts = text.simplified().split(' ');
    const auto quota = toInt64(parts.value(0)); // "max" fails to parse: no limit
    const auto period = parts.size() > 1 ? toInt64(parts.value(1)) : std::optional<qint64>(100000);
    if (!quota || !period || *quota <= 0 || *period <= 0)
        return std::nullopt;
    return static_cast<double>(*quota) / static_cast<double>(*period);
}

std::optional<qint64> MachineDetector::parseV1MemoryLimit(const QByteArray &text)
{
    const auto value = toInt64(text);
    return value && *value > 0 && *value < v1Unlimited ? value : std::nullopt;
}

std::optional<double> MachineDetector::parseV1CpuQuota(const QByteArray &quota, const QByteArray &period)
{
    const auto q = toInt64(quota);
    const auto p = toInt64(period);
    if (!q || !p || *q <= 0 || *p <= 0) // -1: no quota
        return std::nullopt;
    return static_cast<double>(*q) / static_cast<double>(*p);
}

// The process's own group under the v2 hierarchy ("0::/docker/abc" in /proc/self/cgroup).
QString MachineDetector::v2Group() const
{
    for (const QByteArray &line : read(u"proc/self/cgroup"_s).split('\n'))
        if (line.startsWith("0::"))
            return QString::fromUtf8(line.mid(3).trimmed());
    return {};
}

MachineInfo MachineDetector::detect() const
{
    MachineInfo info;
    info.hostRamBytes = parseMemTotal(read(u"proc/meminfo"_s)).value_or(0);
    info.hostCpus = countProcessors(read(u"proc/cpuinfo"_s));
#ifdef Q_OS_LINUX
    if (m_root == u"/") {
        cpu_set_t set;
        CPU_ZERO(&set);
        if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0)
            info.hostCpus = CPU_COUNT(&set); // taskset / cpuset narrow what we may use
    }
#endif
    if (info.hostCpus <= 0 && m_root == u"/")
        info.hostCpus = QThread::idealThreadCount();

    if (exists(u"sys/fs/cgroup/cgroup.controllers"_s)) {
        info.cgroupVersion = 2;
        const QString group = v2Group();
        auto groupFile = [&](const QString &name) {
            const QString nested = u"sys/fs/cgroup"_s + group + u'/' + name;
            return group.isEmpty() || group == u"/" || !exists(nested) ? u"sys/fs/cgroup/"_s + name : nested;
        };
        info.cgroupMemoryLimit = parseV2MemoryMax(read(groupFile(u"memory.max"_s)));
        info.cgroupCpuLimit = parseV2CpuMax(read(groupFile(u"cpu.max"_s)));
    } else if (exists(u"sys/fs/cgroup/memory"_s) || exists(u"sys/fs/cgroup/cpu"_s)
               || exists(u"sys/fs/cgroup/cpu,cpuacct"_s)) {
        info.cgroupVersion = 1;
        info.cgroupMemoryLimit = parseV1MemoryLimit(read(u"sys/fs/cgroup/memory/memory.limit_in_bytes"_s));
        const QString cpuDir = exists(u"sys/fs/cgroup/cpu/cpu.cfs_quota_us"_s) ? u"sys/fs/cgroup/cpu/"_s
                                                                               : u"sys/fs/cgroup/cpu,cpuacct/"_s;
        info.cgroupCpuLimit
            = parseV1CpuQuota(read(cpuDir + u"cpu.cfs_quota_us"_s), read(cpuDir + u"cpu.cfs_period_us"_s));
    }

    info.ramBytes = info.hostRamBytes;
    if (info.cgroupMemoryLimit && (info.ramBytes == 0 || *info.cgroupMemoryLimit < info.ramBytes))
        info.ramBytes = *info.cgroupMemoryLimit;
    info.cpus = info.hostCpus;
    if (info.cgroupCpuLimit) {
        // A quota of 1.5 CPUs still runs 2 processes at once; round up, at least 1.
        const int limited = std::max(1, static_cast<int>(std::ceil(*info.cgroupCpuLimit - 1e-9)));
        if (info.cpus == 0 || limited < info.cpus)
            info.cpus = limited;
    }
    return info;
}

} // namespace pgdial::core::tuning
