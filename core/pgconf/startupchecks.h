#pragma once

#include "base/diagnostic.h"
#include "pgconf/confitem.h"
#include "pgconf/parametercatalog.h"

#include <QList>
#include <QString>

namespace pgdial::core::pgconf {

// One line the server applies at start-up, in reading order (lines it skips as duplicates and
// lines whose value it refuses are left out).
struct StartupAssignment
{
    QString name; // canonical, lower-case ("max_connections")
    QString setting; // as pg_settings.setting shows it (base unit, canonical enum spelling)
    const ConfItem *item = nullptr;
};

// The checks a server makes after it has read the whole file, on combinations of values: the
// postmaster's "invalid combinations of GUC settings" (reserved connections, WAL archiving,
// streaming and summarizing with wal_level = minimal), the process count limit (MAX_BACKENDS:
// check hooks while reading on 13-17, InitializeMaxBackends after it on 17-18) and the WAL size
// limits the control file imposes (min/max_wal_size at least two WAL segments). `postgres -C`
// exits before any of them, so only a real start shows them. Each refusal is an error.
//
// Values not set in the file are the version's boot values from the catalog; the WAL segment
// size is initdb's default (16 MB), which the file cannot change.
class StartupChecks
{
public:
    StartupChecks(const ParameterCatalog &catalog, int major);

    base::Diagnostics check(const QList<StartupAssignment> &assignments) const;

    // The largest number of server processes the server allows (MAX_BACKENDS).
    static constexpr qint64 maxBackends = 262143;
    // initdb's default WAL segment size, in MB.
    static constexpr qint64 defaultWalSegmentMb = 16;

private:
    const ParameterCatalog &m_catalog;
    int m_major = 0;
};

} // namespace pgdial::core::pgconf
