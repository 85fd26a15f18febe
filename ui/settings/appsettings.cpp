#include "appsettings.h"

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

} // namespace pgdial::ui::settings
