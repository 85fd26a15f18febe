#include "tuning/tuningdiff.h"

#include "tuning/pgtuneprofile.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::core::tuning::TuningDiff", text);
}

qint64 baseUnitKb(const QString &name)
{
    if (name == u"shared_buffers" || name == u"effective_cache_size" || name == u"wal_buffers")
        return 8;
    if (name == u"min_wal_size" || name == u"max_wal_size")
        return 1024;
    return 1;
}

} // namespace

std::optional<qint64> TuningDiff::memoryKb(const QString &name, const QString &value)
{
    static const QRegularExpression pattern(u"^\\s*(-?\\d+)\\s*(B|kB|MB|GB|TB)?\\s*$"_s);
    const QRegularExpressionMatch match = pattern.match(value);
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 number = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    if (unit.isEmpty())
        return number * baseUnitKb(name);
    if (unit == u"B")
        return number / 1024;
    if (unit == u"kB")
        return number;
    if (unit == u"MB")
        return number * 1024;
    if (unit == u"GB")
        return number * 1024 * 1024;
    return number * 1024 * 1024 * 1024;
}

bool TuningDiff::sameValue(const QString &name, const QString &a, const QString &b)
{
    const auto ka = memoryKb(name, a);
    const auto kb = memoryKb(name, b);
    // Compiled once: the wizard compares every row on every input change.
    static const QRegularExpression unitSuffix(u"[kMGT]?B$"_s);
    const bool memoryUnits = a.contains(unitSuffix) || b.contains(unitSuffix);
    if (memoryUnits && ka && kb)
        return *ka == *kb;
    bool okA = false;
    bool okB = false;
    const double da = a.toDouble(&okA);
    const double db = b.toDouble(&okB);
    if (okA && okB)
        return da == db;
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

QList<TuningDiffRow> TuningDiff::compare(const TuningResult &chosen, const TuningResult &other,
                                         const project::ServerSettingLookup &lookup, const ParameterLimits &limits,
                                         int major)
{
    QList<TuningDiffRow> rows;
    auto addRow = [&](const QString &name, const TunedSetting *setting) {
        TuningDiffRow row;
        row.name = name;
        row.current = lookup ? lookup(name) : std::nullopt;
        const auto limit = limits ? limits(name, major) : std::nullopt;
        // The catalog says what needs a restart whichever profile recommends (PGTune's carries no
        // restart marks of its own).
        row.needsRestart = limit ? limit->needsRestart() : setting && setting->needsRestart;
        if (setting) {
            row.recommended = setting->value;
            row.reason = setting->reason;
            if (row.current)
                row.changes = !sameValue(name, row.current->value, setting->value);
            else
                row.changes = !limit || !sameValue(name, limit->bootValue, setting->value);
        }
        rows.append(row);
    };
    for (const TunedSetting &setting : chosen.settings)
        addRow(setting.name, &setting);
    for (const TunedSetting &setting : other.settings)
        if (!chosen.find(setting.name))
            addRow(setting.name, nullptr);
    return rows;
}

QStringList TuningDiff::existingWarnings(const project::ServerSettingLookup &lookup, const TuningInputs &machine)
{
    auto valueOf = [&](const QString &name, const QString &fallback) {
        const auto setting = lookup ? lookup(name) : std::nullopt;
        return setting ? setting->value : fallback;
    };
    const qint64 ramKb = machine.totalKb();
    const qint64 shared = memoryKb(u"shared_buffers"_s, valueOf(u"shared_buffers"_s, u"128MB"_s)).value_or(131072);
    const qint64 workMem = memoryKb(u"work_mem"_s, valueOf(u"work_mem"_s, u"4MB"_s)).value_or(4096);
    const qint64 cache
        = memoryKb(u"effective_cache_size"_s, valueOf(u"effective_cache_size"_s, u"4GB"_s)).value_or(4194304);
    const qint64 maintenance
        = memoryKb(u"maintenance_work_mem"_s, valueOf(u"maintenance_work_mem"_s, u"64MB"_s)).value_or(65536);
    const qint64 connections = valueOf(u"max_connections"_s, u"100"_s).toLongLong();

    QStringList warnings;
    if (workMem * connections > ramKb)
        warnings << tr("work_mem %1 x max_connections %2 = %3 is more than the machine's RAM (%4)")
                        .arg(PgTuneProfile::formatKb(workMem))
                        .arg(connections)
                        .arg(PgTuneProfile::formatKb(workMem * connections))
                        .arg(PgTuneProfile::formatKb(ramKb));
    if (shared * 10 > ramKb * 4)
        warnings << tr("shared_buffers %1 is above 40% of RAM (%2)")
                        .arg(PgTuneProfile::formatKb(shared))
                        .arg(PgTuneProfile::formatKb(ramKb));
    if (cache < shared)
        warnings << tr("effective_cache_size %1 is below shared_buffers %2")
                        .arg(PgTuneProfile::formatKb(cache))
                        .arg(PgTuneProfile::formatKb(shared));
    if (machine.os == TargetOs::Windows && machine.pgVersion < 18 && maintenance >= 2 * 1024 * 1024)
        warnings << tr("maintenance_work_mem %1 is 2GB or more: PostgreSQL before 18 on Windows refuses to start")
                        .arg(PgTuneProfile::formatKb(maintenance));
    return warnings;
}

} // namespace pgdial::core::tuning
