#pragma once

#include "project/serversetting.h"
#include "tuning/parameterlimits.h"
#include "tuning/tuninginputs.h"
#include "tuning/tuningresult.h"

#include <QList>

#include <optional>

namespace pgdial::core::tuning {

// One parameter either profile touches: what the file sets now (with file:line) and what the
// chosen profile recommends.
struct TuningDiffRow
{
    QString name;
    std::optional<project::ServerSetting> current; // nullopt: not set, the server default applies
    QString recommended; // empty when the chosen profile leaves it alone
    QString reason;
    bool needsRestart = false;
    bool changes = false; // recommended differs from the current value
};

class TuningDiff
{
public:
    // Rows in the chosen profile's order, then the other profile's extra parameters. With
    // `limits`, a parameter the file does not set is compared with the version's built-in default.
    static QList<TuningDiffRow> compare(const TuningResult &chosen, const TuningResult &other,
                                        const project::ServerSettingLookup &lookup, const ParameterLimits &limits = {},
                                        int major = 0);
    // Warnings about the existing configuration (PostgreSQL defaults for what is not set).
    static QStringList existingWarnings(const project::ServerSettingLookup &lookup, const TuningInputs &machine);
    // "4GB" == "4096MB", "1.1" == "1.10", case-insensitive words.
    static bool sameValue(const QString &name, const QString &a, const QString &b);
    // A memory setting's value in kB; unitless numbers use the parameter's base unit (8kB pages
    // for shared_buffers and effective_cache_size, kB for *_mem, MB for *_wal_size).
    static std::optional<qint64> memoryKb(const QString &name, const QString &value);
};

} // namespace pgdial::core::tuning
