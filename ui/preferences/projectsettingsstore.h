#pragma once

#include "project/projectsettings.h"

#include <QString>

namespace pgdial::ui::preferences {

// Reads and writes a project's ProjectSettings in the user's settings (QSettings), keyed by the
// project folder's canonical path. Nothing is ever written into the project folder.
class ProjectSettingsStore
{
public:
    static core::project::ProjectSettings load(const QString &projectPath);
    static void save(const QString &projectPath, const core::project::ProjectSettings &settings);
    static QString groupFor(const QString &projectPath);
};

} // namespace pgdial::ui::preferences
