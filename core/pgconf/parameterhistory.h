#pragma once

#include <QString>
#include <QStringList>

namespace pgdial::core::pgconf {

// How one parameter differs across the supported majors (13-18), from their catalogs: when it
// appeared or went away, and where its type, unit, default, context or enum values changed. A
// DBA targeting one version needs to know what the next upgrade changes under them.
class ParameterHistory
{
public:
    // Notes for people, oldest change first: "Added in 16", "Removed in 17 (last in 16)",
    // "Default changed in 16: 64kB -> 128kB", "Enum values differ in 13: ...".
    static QStringList notes(const QString &name);
};

} // namespace pgdial::core::pgconf
