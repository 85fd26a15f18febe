#include "environments/confcommandline.h"

#include "environments/environmentdetector.h"
#include "environments/targetversion.h"
#include "project/project.h"
#include "project/projectattachments.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <utility>

namespace pgdial::core::environments {

namespace {

// The flags change only with the files that say how the server is started (compose files, .env,
// config.yaml), never with an edit of postgresql.conf itself, which the settings table reads again
// at every keystroke: one detection per change of those files, shared by the project's detached
// copies (the table reads from copies, on the UI thread for small configurations).
struct ConfCommandLineCache
{
    using Revisions = QList<std::pair<QString, quint64>>;
    struct Entry
    {
        QString environment;
        bool useProcessEnvironment = false;
        Revisions revisions;
        ConfCommandLine value;
    };
    QMutex mutex;
    QHash<QString, Entry> entries; // by conf file
};

ConfCommandLineCache::Revisions startFileRevisions(const project::Project &project)
{
    ConfCommandLineCache::Revisions out;
    for (const auto &file : project.files()) {
        if (file->kind == project::FileKind::PostgresqlConf || file->kind == project::FileKind::PgHba
            || file->kind == project::FileKind::PgIdent || file->kind == project::FileKind::InitScript)
            continue;
        out.append({file->relativePath, file->isLoaded() ? file->document->revision() : 0});
    }
    return out;
}

} // namespace

const EnvironmentSetting *ConfCommandLine::find(const QString &name) const
{
    for (const EnvironmentSetting &setting : settings)
        if (setting.name.compare(name, Qt::CaseInsensitive) == 0)
            return &setting;
    return nullptr;
}

ConfCommandLine ConfCommandLine::of(const project::Project &project, const QString &confFile)
{
    project::ProjectAttachments *attachments = project.attachments();
    if (!attachments)
        return of(project, EnvironmentDetector::detect(project), confFile);
    ConfCommandLineCache &cache = attachments->get<ConfCommandLineCache>();
    const ConfCommandLineCache::Revisions revisions = startFileRevisions(project);
    {
        QMutexLocker lock(&cache.mutex);
        const auto found = cache.entries.constFind(confFile);
        if (found != cache.entries.cend() && found->environment == project.settings.environment
            && found->useProcessEnvironment == project.settings.useProcessEnvironment && found->revisions == revisions)
            return found->value;
    }
    ConfCommandLine value = of(project, EnvironmentDetector::detect(project), confFile);
    QMutexLocker lock(&cache.mutex);
    cache.entries.insert(confFile,
                         {project.settings.environment, project.settings.useProcessEnvironment, revisions, value});
    return value;
}

ConfCommandLine ConfCommandLine::of(const project::Project &project, const EnvironmentSet &set, const QString &confFile)
{
    ConfCommandLine out;
    // An unknown environment name is the loader's and the CLI's error to report; here it only
    // means no flags are known.
    const base::Result<TargetVersionChoice> choice = TargetVersion::choose(set, project.settings.environment);
    if (!choice || !choice->environment || choice->environment->postgresqlConf != confFile)
        return out;
    out.environment = choice->environment->name;
    for (const EnvironmentSetting &flag : choice->environment->commandLineSettings) {
        // A later flag of the same name replaces the earlier one, as the server applies them in order.
        bool replaced = false;
        for (EnvironmentSetting &earlier : out.settings) {
            if (earlier.name.compare(flag.name, Qt::CaseInsensitive) == 0) {
                earlier = flag;
                replaced = true;
            }
        }
        if (!replaced)
            out.settings.append(flag);
    }
    return out;
}

} // namespace pgdial::core::environments
