#include "tuning/tuninginputs.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

namespace {

qint64 kbPerUnit(MemoryUnit unit)
{
    switch (unit) {
    case MemoryUnit::MB:
        return 1024;
    case MemoryUnit::GB:
        return 1024 * 1024;
    case MemoryUnit::TB:
        return 1024LL * 1024 * 1024;
    }
    return 1024 * 1024;
}

} // namespace

qint64 TuningInputs::totalKb() const
{
    return totalMemory * kbPerUnit(memoryUnit);
}

qint64 TuningInputs::totalBytes() const
{
    return totalKb() * 1024;
}

QString memoryUnitName(MemoryUnit unit)
{
    switch (unit) {
    case MemoryUnit::MB:
        return u"MB"_s;
    case MemoryUnit::GB:
        return u"GB"_s;
    case MemoryUnit::TB:
        return u"TB"_s;
    }
    return u"GB"_s;
}

QString storageName(Storage storage)
{
    switch (storage) {
    case Storage::Nvme:
        return u"nvme"_s;
    case Storage::Ssd:
        return u"ssd"_s;
    case Storage::San:
        return u"san"_s;
    case Storage::Hdd:
        return u"hdd"_s;
    }
    return u"ssd"_s;
}

QString workloadName(Workload workload)
{
    switch (workload) {
    case Workload::Web:
        return u"web"_s;
    case Workload::Oltp:
        return u"oltp"_s;
    case Workload::Dw:
        return u"dw"_s;
    case Workload::Desktop:
        return u"desktop"_s;
    case Workload::Mixed:
        return u"mixed"_s;
    }
    return u"web"_s;
}

QString dbSizeName(DbSize size)
{
    switch (size) {
    case DbSize::LessRam:
        return u"less_ram"_s;
    case DbSize::MidRam:
        return u"mid_ram"_s;
    case DbSize::GreaterRam:
        return u"greater_ram"_s;
    }
    return u"mid_ram"_s;
}

QString osName(TargetOs os)
{
    switch (os) {
    case TargetOs::Linux:
        return u"linux"_s;
    case TargetOs::Windows:
        return u"windows"_s;
    case TargetOs::Mac:
        return u"mac"_s;
    }
    return u"linux"_s;
}

std::optional<Storage> storageFromName(const QString &name)
{
    for (Storage s : {Storage::Nvme, Storage::Ssd, Storage::San, Storage::Hdd})
        if (storageName(s) == name)
            return s;
    return std::nullopt;
}

std::optional<Workload> workloadFromName(const QString &name)
{
    for (Workload w : {Workload::Web, Workload::Oltp, Workload::Dw, Workload::Desktop, Workload::Mixed})
        if (workloadName(w) == name)
            return w;
    return std::nullopt;
}

std::optional<DbSize> dbSizeFromName(const QString &name)
{
    for (DbSize d : {DbSize::LessRam, DbSize::MidRam, DbSize::GreaterRam})
        if (dbSizeName(d) == name)
            return d;
    return std::nullopt;
}

std::optional<TargetOs> osFromName(const QString &name)
{
    for (TargetOs o : {TargetOs::Linux, TargetOs::Windows, TargetOs::Mac})
        if (osName(o) == name)
            return o;
    return std::nullopt;
}

std::optional<MemoryAmount> parseMemoryAmount(const QString &text)
{
    static const QRegularExpression pattern(u"^\\s*(\\d{1,7})\\s*([mgt]b)?\\s*$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    MemoryAmount result;
    result.amount = match.captured(1).toLongLong();
    const QString unit = match.captured(2).toUpper();
    if (unit == u"MB")
        result.unit = MemoryUnit::MB;
    else if (unit == u"TB")
        result.unit = MemoryUnit::TB;
    else
        result.unit = MemoryUnit::GB;
    if (result.amount <= 0)
        return std::nullopt;
    return result;
}

} // namespace pgdial::core::tuning
