#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdial::core::tuning {

// One suggested parameter value, formatted as postgresql.conf takes it.
struct TunedSetting
{
    QString name;
    QString value; // "1536MB", "0.9", "lz4"
    QString reason; // one line: why this value (the pgdial profile; empty for pgtune)
    bool needsRestart = false; // postmaster context: a reload is not enough

    bool operator==(const TunedSetting &) const = default;
};

// What a profile suggests: settings in output order, plus warning lines. For the pgtune profile
// `warnings` is PGTune's list verbatim ("WARNING", groups separated by ""), or empty.
struct TuningResult
{
    QString profile; // "pgtune" or "pgdial"
    QList<TunedSetting> settings;
    QStringList warnings;

    const TunedSetting *find(const QString &name) const
    {
        for (const TunedSetting &setting : settings)
            if (setting.name == name)
                return &setting;
        return nullptr;
    }
};

} // namespace pgdial::core::tuning
