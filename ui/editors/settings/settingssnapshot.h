#pragma once

#include "environments/confcommandline.h"
#include "pgconf/confprojectanalyzer.h"

#include <QString>

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::ui::editors::settings {

// One reading of a postgresql.conf and its includes, as the settings editor shows it: what the
// server would read, judge and apply, for the project's target version at that moment.
struct SettingsSnapshot
{
    core::pgconf::ConfAnalysis analysis;
    // The server's -c flags over this file, for the environment the project is judged as.
    core::environments::ConfCommandLine commandLine;
    int major = 0;
    quint64 generation = 0; // the editor's edit counter when the text was taken

    // Reads `topFile` (project-relative) from `project`, which may be a detached copy: the
    // loader adds included files to the project it reads from.
    static SettingsSnapshot compute(core::project::Project &project, const QString &topFile, quint64 generation);
};

} // namespace pgdial::ui::editors::settings
