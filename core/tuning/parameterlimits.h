#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace pgdial::core::tuning {

// What tuning needs to know about one parameter of one major version, in pg_settings' terms.
struct ParameterLimit
{
    QString type; // "integer", "real", "bool", "enum", "string"
    QString context; // "postmaster" means a change needs a restart
    QString unit; // "", "kB", "8kB", "MB", "s", "ms"
    double min = 0;
    double max = 0;
    QStringList enumValues;
    QString bootValue; // the built-in default, in the base unit (pg_settings.boot_val)

    bool needsRestart() const { return context == QLatin1String("postmaster"); }
};

// "Does major version N have parameter NAME, and within which limits?" nullopt when that version
// lacks the parameter. A small interface of tuning's own so that the profile does not depend on
// how the catalog is stored (and tests can narrow it).
using ParameterLimits = std::function<std::optional<ParameterLimit>(const QString &name, int major)>;

// The pgconf engine's ParameterCatalog (real 13-18 servers' pg_settings) as ParameterLimits.
ParameterLimits catalogParameterLimits();

} // namespace pgdial::core::tuning
