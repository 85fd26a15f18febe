#pragma once

#include "pgconf/parametercatalog.h"

#include <QCoreApplication>
#include <QString>

namespace pgdial::ui::editors::settings {

// The words the settings editor uses for a parameter: its context as a badge and as a sentence,
// its allowed values, and the documentation pane's HTML.
class ParameterDocumentation
{
    Q_DECLARE_TR_FUNCTIONS(pgdial::ui::editors::settings::ParameterDocumentation)

public:
    static QString contextBadge(core::pgconf::ParameterContext context); // "restart", "reload", "fixed"
    static QString contextDescription(core::pgconf::ParameterContext context); // a sentence
    // "16 – 1073741823 (8kB each)", "minimal, replica, logical", "on / off", or empty.
    static QString allowedValues(const core::pgconf::ParameterInfo &info);
    // A range bound as a DBA writes it: "128kB", "8TB", "1d" for memory and time, else the number.
    enum class Rounding { Nearest, Down, Up };
    static QString boundText(const core::pgconf::ParameterInfo &info, double value,
                             Rounding rounding = Rounding::Nearest);
    // "work_mem = 3TB is out of range: use 64kB to 2TB" (the server says "... (64 .. 2147483647)" in
    // the base unit, which nobody types), or empty without both bounds.
    static QString outOfRange(const core::pgconf::ParameterInfo &info, const QString &value);
    // The boot value as a DBA writes it ("128MB" rather than 16384).
    static QString defaultValue(const core::pgconf::ParameterInfo &info);
    // What an obsolete or hidden parameter is (what it was, why the server still accepts it), or empty.
    static QString hiddenNote(const core::pgconf::ParameterInfo &info);
    // Short description, extra description and context: for tooltips.
    static QString tooltip(const core::pgconf::ParameterInfo &info);
    // The documentation pane: everything above plus version notes across 13-18.
    static QString html(const core::pgconf::ParameterInfo &info, int major, const QString &currentValue,
                        const QString &source);
};

} // namespace pgdial::ui::editors::settings
