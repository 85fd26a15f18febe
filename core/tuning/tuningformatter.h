#pragma once

#include "tuning/tuninginputs.h"
#include "tuning/tuningresult.h"

#include <QByteArray>
#include <QJsonObject>

namespace pgdial::core::tuning {

// PGTune's two text layouts (reference/pgtune.md section 3), byte for byte: lines joined by
// "\n" with no trailing newline; [warnings, blank] + header + blank + settings. Comments are
// "# " (postgresql.conf) or "-- " (ALTER SYSTEM); an empty warning line keeps its trailing space.
class TuningFormatter
{
public:
    static QString toConf(const TuningInputs &inputs, const TuningResult &result);
    static QString toAlterSystem(const TuningInputs &inputs, const TuningResult &result);
    // What a DBA runs: toAlterSystem, then a comment naming the settings only a restart applies
    // and "SELECT pg_reload_conf();" (ALTER SYSTEM alone only writes postgresql.auto.conf).
    static QString toAlterSystemScript(const TuningInputs &inputs, const TuningResult &result);
    // That ending for these setting names (`major` decides which need a restart), starting with
    // a blank line.
    static QString alterSystemEnding(const QStringList &names, int major);
    // {"settings": {name: value, ...} in output order, "warnings": [...]}
    static QByteArray toJson(const TuningResult &result);
    // The settings as an object with reasons and restart marks (the pgdial profile's detail).
    static QJsonObject detailsJson(const TuningResult &result);

private:
    static QString layout(const TuningInputs &inputs, const TuningResult &result, bool alterSystem);
};

} // namespace pgdial::core::tuning
