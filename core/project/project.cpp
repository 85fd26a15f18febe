#include "project/project.h"

#include "base/textfilereader.h"
#include "project/projectscanner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace pgdial::core::project {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::core::Project", text);
}

base::Result<QString> usableFolder(const QString &folder)
{
    const QFileInfo info(folder);
    if (!info.exists())
        return base::makeError(u"project.missing-folder"_s, tr("The folder \"%1\" does not exist").arg(folder));
    if (!info.isDir())
        return base::makeError(u"project.not-a-folder"_s, tr("\"%1\" is not a folder").arg(folder));
    if (!info.isReadable() || !info.isExecutable())
        return base::makeError(u"project.unreadable-folder"_s, tr("The folder \"%1\" cannot be read").arg(folder));
    return info.canonicalFilePath();
}

} // namespace

base::Result<Project> Project::open(const QString &folder)
{
    base::Result<QString> root = usableFolder(folder);
    if (!root)
        return root.error();
    Project project;
    project.m_rootPath = *root;
    project.m_attachments = std::make_shared<ProjectAttachments>();
    const ProjectScan scan = ProjectScanner().scan(project.m_rootPath);
    project.m_scanDiagnostics = scan.diagnostics;
    for (const DiscoveredFile &found : scan.files)
        project.addFile(found.absolutePath, found.kind);
    return project;
}

base::Result<Project> Project::openFile(const QString &filePath, FileKind kind)
{
    const QFileInfo info(filePath);
    if (!info.exists())
        return base::makeError(u"project.missing-file"_s, tr("The file \"%1\" does not exist").arg(filePath));
    if (!info.isFile())
        return base::makeError(u"project.not-a-file"_s, tr("\"%1\" is not a regular file").arg(filePath));
    base::Result<QString> root = usableFolder(info.absolutePath());
    if (!root)
        return root.error();
    Project project;
    project.m_rootPath = *root;
    project.m_attachments = std::make_shared<ProjectAttachments>();
    project.addFile(info.absoluteFilePath(), kind);
    return project;
}

Project Project::detachedCopy() const
{
    Project copy = *this;
    for (auto &file : copy.m_files)
        file = std::make_shared<ProjectFile>(*file);
    return copy;
}

QString Project::name() const
{
    return QFileInfo(m_rootPath).fileName();
}

QList<std::shared_ptr<ProjectFile>> Project::filesOfKind(FileKind kind) const
{
    QList<std::shared_ptr<ProjectFile>> out;
    for (const auto &file : m_files) {
        if (file->kind == kind)
            out.append(file);
    }
    return out;
}

std::shared_ptr<ProjectFile> Project::findFile(const QString &relativePath) const
{
    for (const auto &file : m_files) {
        if (file->relativePath == relativePath)
            return file;
    }
    return nullptr;
}

std::shared_ptr<ProjectFile> Project::findFileByAbsolutePath(const QString &absolutePath) const
{
    const QString clean = QDir::cleanPath(absolutePath);
    for (const auto &file : m_files) {
        if (file->absolutePath == clean)
            return file;
    }
    return nullptr;
}

QString Project::relativePathOf(const QString &absolutePath) const
{
    return QDir(m_rootPath).relativeFilePath(absolutePath);
}

QString Project::absolutePathOf(const QString &relativePath) const
{
    return QDir::cleanPath(QDir(m_rootPath).absoluteFilePath(relativePath));
}

std::shared_ptr<ProjectFile> Project::addFile(const QString &absolutePath, FileKind kind, bool included)
{
    const QString clean = QDir::cleanPath(absolutePath);
    if (auto existing = findFileByAbsolutePath(clean))
        return existing;
    auto file = std::make_shared<ProjectFile>();
    file->kind = kind;
    file->absolutePath = clean;
    file->relativePath = relativePathOf(clean);
    file->includedBy = included;
    const QFileInfo info(clean);
    file->permissions = info.permissions();
    file->lastModified = info.lastModified();
    base::TextFileLoad load = base::readTextFile(clean, file->relativePath);
    file->document = std::move(load.document);
    file->loadDiagnostics = std::move(load.diagnostics);
    m_files.append(file);
    return file;
}

base::Diagnostics Project::loadDiagnostics() const
{
    base::Diagnostics all = m_scanDiagnostics;
    for (const auto &file : m_files)
        all += file->loadDiagnostics;
    return all;
}

} // namespace pgdial::core::project
