#pragma once

#include "live/driftreport.h"
#include "live/liveserverstate.h"

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::live {

// Compares what a running server runs with what the project's postgresql.conf and pg_hba.conf
// say. Values are compared the way the server compares them (in the parameter's unit: 128MB is
// 131072kB is 16384 pages of 8kB; on is true), never as strings. The project is judged for the
// server's major and build (its settings are set from the live state first).
class DriftAnalyzer
{
public:
    static DriftReport analyze(project::Project &project, const LiveServerState &live);

    // The file's value against a pg_settings row (setting in its unit, vartype).
    static bool sameValue(const QString &fileValue, const LiveSetting &live);
};

} // namespace pgdial::core::live
