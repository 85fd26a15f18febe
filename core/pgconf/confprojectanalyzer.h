#pragma once

#include "base/diagnostic.h"
#include "pgconf/confitem.h"
#include "pgconf/confvalidator.h"
#include "pgconf/effectivesettings.h"
#include "project/serversetting.h"

#include <QList>
#include <QString>

#include <optional>

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::pgconf {

// One top-level postgresql.conf of a project, read with its includes and judged for the
// project's target version (Project::settings.pgVersion, ramBytes).
struct ConfAnalysis
{
    QString file; // project-relative path of the top-level file
    ConfLoadResult load;
    ConfValidation validation;
    EffectiveSettings effective;
};

// Runs the postgresql.conf engine over a project: every PostgresqlConf file that no other one
// includes is a configuration of its own. Included files join the project (ConfLoader).
class ConfProjectAnalyzer
{
public:
    static QList<ConfAnalysis> analyze(project::Project &project);
    // One configuration: `topFile` (project-relative) with its includes. Reused from the
    // project's ConfAnalysisCache while its texts and settings are unchanged.
    static ConfAnalysis analyzeFile(project::Project &project, const QString &topFile);

    // What check() and lookup() give, from analyses already made (ProjectChecker reads once).
    static base::Diagnostics diagnosticsOf(const QList<ConfAnalysis> &analyses);
    static project::ServerSettingLookup lookupOf(const QList<ConfAnalysis> &analyses);

    // Parse-phase and validation diagnostics of every top-level postgresql.conf (ProjectChecker).
    static base::Diagnostics check(project::Project &project);

    // What the project's main postgresql.conf sets (the one named postgresql.conf nearest the
    // project folder, else the first top-level one); a lookup that finds nothing when there is none.
    static project::ServerSettingLookup lookup(project::Project &project);
    // The analysis lookup() reads: the main postgresql.conf with its includes (nullopt when none).
    static std::optional<ConfAnalysis> mainAnalysis(project::Project &project);
};

} // namespace pgdial::core::pgconf
