#pragma once

#include "base/diagnostic.h"
#include "project/serversetting.h"

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::hba {

// Every pg_hba.conf of a project (the ones no other file includes): parsed for the project's
// target version, validated, linted and analysed for dead rules. File names in the diagnostics
// are project-relative. `settings` answers for the project's postgresql.conf (nothing found:
// server defaults).
base::Diagnostics checkProjectHbaFiles(const project::Project &project, const project::ServerSettingLookup &settings);

} // namespace pgdial::core::hba
