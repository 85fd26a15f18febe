#include "project/projectscanner.h"

#include "project/filekindclassifier.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::core::project {

bool ProjectScanner::isSkippedDirectory(const QString &name)
{
    static const QStringList skipped = {
        u"node_modules"_s, u"__pycache__"_s, u"venv"_s,   u"site-packages"_s,    u"build"_s,
        u"dist"_s,         u"target"_s,      u"vendor"_s, u"bower_components"_s,
    };
    // Hidden folders (.git, .venv, .idea, .cache, ...) hold no project configuration.
    return name.startsWith(u'.') || skipped.contains(name);
}

ProjectScan ProjectScanner::scan(const QString &rootPath) const
{
    ProjectScan result;
    const QDir root(rootPath);
    int visited = 0;
    bool truncated = false;

    struct Pending
    {
        QString path;
        int depth;
    };
    QList<Pending> queue {{root.absolutePath(), 0}};
    while (!queue.isEmpty() && !truncated) {
        const Pending current = queue.takeFirst();
        const QFileInfoList entries
            = QDir(current.path)
                  .entryInfoList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::NoSymLinks,
                                 QDir::Name);
        for (const QFileInfo &entry : entries) {
            if (++visited > maxEntries) {
                truncated = true;
                break;
            }
            const QString name = entry.fileName();
            if (entry.isDir()) {
                if (!isSkippedDirectory(name) && current.depth + 1 <= maxDepth)
                    queue.append({entry.absoluteFilePath(), current.depth + 1});
                continue;
            }
            std::optional<FileKind> kind = FileKindClassifier::fromName(name);
            if (!kind && FileKindClassifier::needsContent(name)) {
                QFile file(entry.absoluteFilePath());
                if (file.open(QIODevice::ReadOnly))
                    kind = FileKindClassifier::fromContent(name, file.read(sniffBytes));
            }
            if (kind)
                result.files.append({entry.absoluteFilePath(), root.relativeFilePath(entry.absoluteFilePath()), *kind});
        }
    }
    if (truncated) {
        base::Diagnostic d;
        d.severity = base::Severity::Warning;
        d.code = u"project.scan-truncated"_s;
        d.file = u"."_s;
        d.message = QCoreApplication::translate("pgdial::core::ProjectScanner",
                                                "The folder has more than %1 entries; the scan stopped early")
                        .arg(maxEntries);
        d.suggestion = QCoreApplication::translate("pgdial::core::ProjectScanner",
                                                   "Open the application's own folder rather than a parent folder.");
        result.diagnostics.append(d);
    }
    std::sort(result.files.begin(), result.files.end(),
              [](const DiscoveredFile &a, const DiscoveredFile &b) { return a.relativePath < b.relativePath; });
    return result;
}

} // namespace pgdial::core::project
