#pragma once

#include "base/result.h"
#include "base/safefilewriter.h"
#include "document/projectdocument.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <memory>

class QFileSystemWatcher;
class QUndoGroup;

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::ui::document {

// The open project's documents: one ProjectDocument per loaded file, a QUndoGroup whose active
// stack follows the focused editor (Edit > Undo/Redo bind to it), saving through
// core::SafeFileWriter, and a QFileSystemWatcher that reports changes on disk pgdial did not make.
class DocumentManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentManager)

public:
    explicit DocumentManager(QObject *parent = nullptr);
    ~DocumentManager() override;

    // Drops every document (callers ask about unsaved changes first) and opens the new project's.
    void setProject(std::shared_ptr<core::project::Project> project);
    std::shared_ptr<core::project::Project> project() const { return m_project; }

    ProjectDocument *document(const QString &relativePath) const;
    QList<ProjectDocument *> documents() const { return m_documents; }
    QList<ProjectDocument *> modifiedDocuments() const;
    bool hasUnsavedChanges() const { return !modifiedDocuments().isEmpty(); }

    QUndoGroup *undoGroup() const { return m_undoGroup; }
    void setActiveDocument(ProjectDocument *document);
    ProjectDocument *activeDocument() const { return m_active; }

    core::base::BackupPolicy backupPolicy() const { return m_writer.backupPolicy; }
    void setBackupPolicy(core::base::BackupPolicy policy) { m_writer.backupPolicy = policy; }

    // Writes the document's bytes (atomic, permissions and owner kept, backup per policy) and
    // marks it saved. Returns the backup's path (empty when none) or the error.
    // `overwriteReadOnly` replaces a file that is read-only for its owner (after the user agreed).
    core::base::Result<QString> save(ProjectDocument *document, bool overwriteReadOnly = false);

Q_SIGNALS:
    void activeDocumentChanged(pgdial::ui::document::ProjectDocument *document);
    // Any document's text changed (edit, undo, redo, reload): time to re-check.
    void edited(pgdial::ui::document::ProjectDocument *document);
    void modifiedChanged(pgdial::ui::document::ProjectDocument *document, bool modified);
    // The file changed on disk and differs from what pgdial last read or wrote. Unmodified
    // documents are reloaded before this is emitted (`reloaded` true); modified ones are left
    // for the user to decide.
    void changedOnDisk(pgdial::ui::document::ProjectDocument *document, const QByteArray &diskBytes, bool reloaded);

private:
    std::shared_ptr<core::project::Project> m_project;
    QList<ProjectDocument *> m_documents;
    QHash<QString, ProjectDocument *> m_byAbsolutePath;
    QUndoGroup *m_undoGroup;
    ProjectDocument *m_active = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    core::base::SafeFileWriter m_writer;

    void clear();
    void watch(const QString &absolutePath);
    void onFileChanged(const QString &absolutePath);
};

} // namespace pgdial::ui::document
