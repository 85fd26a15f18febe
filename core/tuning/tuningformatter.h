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
    // {"settings": {name: value, ...} in output order, "warnings": [...]}
    static QByteArray toJson(const TuningResult &result);
    // The settings as an object with reasons and restart marks (the pgdial profile's detail).
    static QJsonObject detailsJson(const TuningResult &result);

private:
    static QString layout(const TuningInputs &inputs, const TuningResult &result, bool alterSystem);
};

} // namespace pgdial::core::tuning
