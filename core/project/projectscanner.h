#pragma once

#include "base/diagnostic.h"
#include "project/filekind.h"

#include <QList>
#include <QString>

namespace pgdial::core::project {

struct DiscoveredFile
{
    QString absolutePath;
    QString relativePath;
    FileKind kind;
};

struct ProjectScan
{
    QList<DiscoveredFile> files; // sorted by relative path
    base::Diagnostics diagnostics; // e.g. the scan stopped at its limits
};

// Walks a project folder for the files pgdial understands. It skips version-control, dependency
// and build folders, never follows symbolic links out of the folder, and stops at fixed limits so
// that opening a home directory by mistake stays quick.
class ProjectScanner
{
public:
    int maxDepth = 12;
    int maxEntries = 50000;
    qint64 sniffBytes = 64 * 1024;

    ProjectScan scan(const QString &rootPath) const;

    static bool isSkippedDirectory(const QString &name);
};

} // namespace pgdial::core::project
