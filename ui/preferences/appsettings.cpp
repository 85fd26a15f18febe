#include "preferences/appsettings.h"

namespace pgdial::ui::preferences::settings {

void addRecentProject(const QString &path)
{
    QStringList recent = recentProjects.value();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentProjects)
        recent.removeLast();
    recentProjects.setValue(recent);
}

core::base::BackupPolicy currentBackupPolicy()
{
    const int stored = backupPolicy.value();
    switch (stored) {
    case static_cast<int>(core::base::BackupPolicy::None):
    case static_cast<int>(core::base::BackupPolicy::Single):
    case static_cast<int>(core::base::BackupPolicy::Timestamped):
        return static_cast<core::base::BackupPolicy>(stored);
    default:
        return core::base::BackupPolicy::Single;
    }
}

} // namespace pgdial::ui::preferences::settings
