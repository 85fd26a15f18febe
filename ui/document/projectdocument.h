#pragma once

#include "base/lineedit.h"
#include "project/filekind.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

class QUndoStack;

namespace pgdial::core::project {
struct ProjectFile;
} // namespace pgdial::core::project

namespace pgdial::core::base {
class TextDocument;
} // namespace pgdial::core::base

namespace pgdial::ui::document {

// The open, editable state of one project file: its core::TextDocument (shared with the
// core::Project, so checks see the edits) plus the QUndoStack every editor pushes to.
//
// Editors change the file only through applyEdits(); they learn about changes made elsewhere
// (another editor, undo, reload) from linesChanged() and re-read or re-parse those lines.
// "Modified" follows the undo stack's clean state. Create documents through DocumentManager.
class ProjectDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectDocument)

public:
    ProjectDocument(std::shared_ptr<core::project::ProjectFile> file, QObject *parent = nullptr);
    ~ProjectDocument() override;

    QString relativePath() const;
    QString absolutePath() const;
    core::project::FileKind kind() const;
    std::shared_ptr<core::project::ProjectFile> file() const { return m_file; }
    // Null when the file could not be loaded (binary, unreadable): such documents are read-only.
    const core::base::TextDocument *text() const;
    bool isEditable() const { return text() != nullptr; }

    QByteArray bytes() const;
    // What pgdial last read from or wrote to disk: the "old" side of the save preview.
    QByteArray savedBytes() const { return m_savedBytes; }

    QUndoStack *undoStack() const { return m_undo; }
    bool isModified() const;

    // Pushes one undo step made of `edits` (applied in order). `typing` lets consecutive small
    // edits from a text editor merge into one step. Returns false for an unloaded file.
    bool applyEdits(const QList<core::base::LineEdit> &edits, const QString &description, bool typing = false);

    // Used by the undo commands only: applies without touching the stack; returns the inverses.
    QList<core::base::LineEdit> applyDirect(const QList<core::base::LineEdit> &edits);

    // After a successful write of bytes() to disk.
    void markSaved();
    // Replaces the text with what is on disk now (reload after an external change). The undo
    // history is cleared: it described a text that no longer exists.
    void reload(const QByteArray &diskBytes);

    // The user kept their edits over a changed file: the save preview now compares with `diskBytes`
    // and the document counts as modified until saved.
    void keepOver(const QByteArray &diskBytes);

    // Whether the user has chosen to see and edit secrets in this file (raw editor toggle).
    bool secretsRevealed() const { return m_secretsRevealed; }
    void setSecretsRevealed(bool revealed);

Q_SIGNALS:
    // Lines [firstLine, firstLine + removedCount) were replaced by insertedCount new lines
    // (0-based). Emitted once per LineEdit, after it is applied.
    void linesChanged(int firstLine, int removedCount, int insertedCount);
    // The whole text was replaced (reload).
    void reset();
    // Once per applyEdits / undo / redo, after every linesChanged of that step.
    void contentsChanged();
    void modifiedChanged(bool modified);
    // The text was written to disk (after markSaved): "changed since saved" starts again.
    void saved();
    void secretsRevealedChanged(bool revealed);

private:
    std::shared_ptr<core::project::ProjectFile> m_file;
    QUndoStack *m_undo;
    QByteArray m_savedBytes;
    bool m_secretsRevealed = false;
};

} // namespace pgdial::ui::document
