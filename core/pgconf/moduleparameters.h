#pragma once

#include "pgconf/parametercatalog.h"

#include <QString>
#include <QStringList>

namespace pgdial::core::pgconf {

// The parameters of the contrib modules whose prefixes become reserved when they are preloaded
// (PostgreSQL 15+), typed as their pg_settings rows show them (read from real 15-18 servers with
// the modules preloaded). Only modules listed here are judged, so an unknown extension never
// gets a false warning.
class ModuleParameters
{
public:
    static bool isKnownModule(const QString &module); // lower-case: "pg_stat_statements"
    // `name` is the whole lower-case name ("pg_stat_statements.max"); nullptr when the module
    // has no such parameter in `major`.
    static const ParameterInfo *find(const QString &name, int major);
    static QStringList names(const QString &module, int major); // suffixes, for the suggestion
};

} // namespace pgdial::core::pgconf
