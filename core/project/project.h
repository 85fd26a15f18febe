#pragma once

#include "base/diagnostic.h"
#include "base/result.h"
#include "project/filekind.h"
#include "project/loadcontrol.h"
#include "project/projectattachments.h"
#include "project/projectfile.h"
#include "project/projectsettings.h"

#include <QList>
#include <QString>

#include <memory>

namespace pgdial::core::project {

// A folder holding one application's database configuration, loaded into memory.
// Files are shared so that editors and checks can keep a handle on one while the list grows
// (includes discovered while parsing join the project as files of their own).
class Project
{
public:
    // Scans the folder and loads every file it recognises. Fails only when the folder itself is
    // unusable (missing, not a folder, unreadable); problems with single files become diagnostics.
    static base::Result<Project> open(const QString &folder);
    // A project made of one file (the CLI's `conf FILE` / `hba FILE`), rooted at its folder.
    static base::Result<Project> openFile(const QString &filePath, FileKind kind);

    // A copy whose files are copies too, for checks on another thread while the original is edited.
    // TextDocument lines are implicitly shared, so this costs little until either side changes.
    Project detachedCopy() const;

    QString rootPath() const { return m_rootPath; }
    QString name() const;

    const QList<std::shared_ptr<ProjectFile>> &files() const { return m_files; }
    QList<std::shared_ptr<ProjectFile>> filesOfKind(FileKind kind) const;
    std::shared_ptr<ProjectFile> findFile(const QString &relativePath) const;
    std::shared_ptr<ProjectFile> findFileByAbsolutePath(const QString &absolutePath) const;

    // Adds (and loads) a file, or returns the one already there for the same path.
    std::shared_ptr<ProjectFile> addFile(const QString &absolutePath, FileKind kind, bool included = false);

    QString relativePathOf(const QString &absolutePath) const;
    QString absolutePathOf(const QString &relativePath) const;

    // Scan problems plus every file's load diagnostics.
    base::Diagnostics loadDiagnostics() const;

    // What other layers keep for this project (pgconf's analysis cache), shared with every
    // detachedCopy(). Null for a default-constructed project (then nothing is kept).
    ProjectAttachments *attachments() const { return m_attachments.get(); }

    ProjectSettings settings;
    // Set while the desktop loads the project on a worker: long steps report progress and stop
    // early when it is cancelled (then the project is thrown away). Null otherwise.
    std::shared_ptr<LoadControl> loadControl;

private:
    QString m_rootPath;
    QList<std::shared_ptr<ProjectFile>> m_files;
    base::Diagnostics m_scanDiagnostics;
    std::shared_ptr<ProjectAttachments> m_attachments;
};

} // namespace pgdial::core::project
