#include "document/documentmanager.h"

#include "document/projectdocument.h"
#include "project/project.h"

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QUndoGroup>
#include <QUndoStack>

namespace pgdial::ui::document {

DocumentManager::DocumentManager(QObject *parent)
    : QObject(parent)
    , m_undoGroup(new QUndoGroup(this))
{ }

DocumentManager::~DocumentManager()
{
    clear();
}

void DocumentManager::clear()
{
    setActiveDocument(nullptr);
    delete m_watcher;
    m_watcher = nullptr;
    const QList<ProjectDocument *> documents = std::exchange(m_documents, {});
    m_byAbsolutePath.clear();
    qDeleteAll(documents);
}

void DocumentManager::setProject(std::shared_ptr<core::project::Project> project)
{
    clear();
    m_project = std::move(project);
    if (!m_project)
        return;
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &DocumentManager::onFileChanged);
    for (const auto &file : m_project->files()) {
        auto *document = new ProjectDocument(file, this);
        m_documents.append(document);
        m_byAbsolutePath.insert(file->absolutePath, document);
        m_undoGroup->addStack(document->undoStack());
        connect(document, &ProjectDocument::contentsChanged, this, [this, document] { Q_EMIT edited(document); });
        connect(document, &ProjectDocument::modifiedChanged, this,
                [this, document](bool modified) { Q_EMIT modifiedChanged(document, modified); });
        if (file->isLoaded())
            watch(file->absolutePath);
    }
}

ProjectDocument *DocumentManager::document(const QString &relativePath) const
{
    for (ProjectDocument *document : m_documents) {
        if (document->relativePath() == relativePath)
            return document;
    }
    return nullptr;
}

QList<ProjectDocument *> DocumentManager::modifiedDocuments() const
{
    QList<ProjectDocument *> modified;
    for (ProjectDocument *document : m_documents) {
        if (document->isModified())
            modified.append(document);
    }
    return modified;
}

void DocumentManager::setActiveDocument(ProjectDocument *document)
{
    if (document == m_active)
        return;
    m_active = document;
    m_undoGroup->setActiveStack(document ? document->undoStack() : nullptr);
    Q_EMIT activeDocumentChanged(document);
}

core::base::Result<QString> DocumentManager::save(ProjectDocument *document, bool overwriteReadOnly)
{
    core::base::SafeFileWriter writer = m_writer;
    writer.overwriteReadOnly = overwriteReadOnly;
    core::base::Result<QString> written = writer.write(document->absolutePath(), document->bytes());
    if (written) {
        document->markSaved();
        // QSaveFile replaces the file (a new inode): the watcher must follow the new one.
        watch(document->absolutePath());
    }
    return written;
}

void DocumentManager::watch(const QString &absolutePath)
{
    if (m_watcher && !m_watcher->files().contains(absolutePath) && QFileInfo::exists(absolutePath))
        m_watcher->addPath(absolutePath);
}

void DocumentManager::onFileChanged(const QString &absolutePath)
{
    ProjectDocument *document = m_byAbsolutePath.value(absolutePath);
    // Editors that save by rename make the old path vanish for a moment; watch it again.
    watch(absolutePath);
    if (!document || !document->isEditable())
        return;
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly))
        return; // deleted or unreadable: nothing to reload; a later save recreates it
    const QByteArray disk = file.readAll();
    if (disk == document->savedBytes())
        return; // our own save, or a touch
    if (!document->isModified() && disk != document->bytes()) {
        document->reload(disk);
        Q_EMIT changedOnDisk(document, disk, true);
        return;
    }
    if (disk == document->bytes())
        return;
    Q_EMIT changedOnDisk(document, disk, false);
}

} // namespace pgdial::ui::document
