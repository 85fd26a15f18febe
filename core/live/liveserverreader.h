#pragma once

#include "base/result.h"
#include "live/liveserverstate.h"
#include "probe/probecontrol.h"

#include <QString>

namespace pgdial::core::live {

// Reads what a running server says about its configuration: version, paths, pg_settings,
// pg_file_settings, pg_hba_file_rules and the build's features. Blocking, but never past the
// control's deadline or its cancel flag (libpq driven without blocking by probe::PgSession), so
// callers run it on a worker thread and cancel from the UI.
class LiveServerReader
{
public:
    // An error (code live.connect, live.cancelled, live.timeout or live.query) when the
    // connection or pg_settings cannot be had; views a role may not read become diagnostics.
    static base::Result<LiveServerState> read(const QString &conninfo, const probe::ProbeControl &control);
};

} // namespace pgdial::core::live
