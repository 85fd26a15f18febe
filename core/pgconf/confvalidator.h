#pragma once

#include "base/diagnostic.h"
#include "pgconf/confitem.h"
#include "pgconf/parametercatalog.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace pgdial::core::pgconf {

// What the server makes of one setting line (ConfLoadResult::items, same index): the
// pg_file_settings columns `applied` and `error`, for a server of the chosen major reading the
// file at start-up / as pg_file_settings does.
struct ConfItemVerdict
{
    bool applied = false;
    QString error; // empty, "unrecognized configuration parameter", "setting could not be applied", ...
};

struct ConfValidation
{
    QList<ConfItemVerdict> items; // one per ConfLoadResult::items entry
    base::Diagnostics diagnostics; // conf.* findings (see docs/diagnostics.md)
    // Whether a server of that major would start with this file (no error that makes it refuse
    // the file). A missing library or a busy port is not the file's fault.
    bool ok = true;
};

// What pgdial knows about the server that will read the file, beyond its major version. Values
// whose verdict depends on it are warnings while it is unknown.
struct ConfServerFacts
{
    // Build features of that server ("lz4", "zstd", "liburing", "ssl", "bonjour", "windows",
    // "fsync_writethrough"; ParameterInfo::buildDependentValues). nullopt: unknown.
    std::optional<QSet<QString>> buildFeatures;
    // The server runs on the machine pgdial runs on, so a locale missing here or a
    // max_stack_depth over this machine's stack limit makes it refuse the file (errors, not
    // warnings).
    bool runsOnThisMachine = false;
};

// Judges a parsed postgresql.conf (with its includes) the way the server does (part A4, A6, A7,
// A8 of the semantics reference): name check, value check per type/unit/range, duplicates,
// reserved extension prefixes (15+), plus warnings for risky values the server accepts.
class ConfValidator
{
public:
    ConfValidator(const ParameterCatalog &catalog, int major);

    // The machine's memory, for the shared_buffers warning (ProjectSettings::ramBytes).
    void setRamBytes(std::optional<qint64> ramBytes) { m_ramBytes = ramBytes; }

    void setServerFacts(ConfServerFacts facts) { m_facts = std::move(facts); }

    ConfValidation validate(const ConfLoadResult &load) const;

private:
    const ParameterCatalog &m_catalog;
    int m_major = 0;
    std::optional<qint64> m_ramBytes;
    ConfServerFacts m_facts;
};

} // namespace pgdial::core::pgconf
