#include "editors/settings/settingssnapshot.h"

#include "project/project.h"

namespace pgdial::ui::editors::settings {

SettingsSnapshot SettingsSnapshot::compute(core::project::Project &project, const QString &topFile, quint64 generation)
{
    SettingsSnapshot snapshot;
    snapshot.generation = generation;
    snapshot.major = project.settings.pgVersion;
    // The same reading the checks make (fixes included), through the project's cache: the
    // re-validation after this edit reuses it instead of reading the configuration again.
    snapshot.analysis = core::pgconf::ConfProjectAnalyzer::analyzeFile(project, topFile);
    // What the server really runs with: a compose `command: postgres -c name=value` wins over the
    // file's line, so the table must show the flag as the source.
    snapshot.commandLine = core::environments::ConfCommandLine::of(project, topFile);
    return snapshot;
}

} // namespace pgdial::ui::editors::settings
