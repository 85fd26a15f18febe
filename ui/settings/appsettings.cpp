#include "settings/appsettings.h"

namespace pgdial::ui::settings {

void addRecentProject(const QString &path)
{
    QStringList recent = recentProjects.value();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentProjects)
        recent.removeLast();
    recentProjects.setValue(recent);
}

core::BackupPolicy currentBackupPolicy()
{
    const int stored = backupPolicy.value();
    switch (stored) {
    case static_cast<int>(core::BackupPolicy::None):
    case static_cast<int>(core::BackupPolicy::Single):
    case static_cast<int>(core::BackupPolicy::Timestamped):
        return static_cast<core::BackupPolicy>(stored);
    default:
        return core::BackupPolicy::Single;
    }
}

} // namespace pgdial::ui::settings
