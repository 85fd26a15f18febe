#pragma once

#include "base/lineedit.h"

#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QUndoCommand>

namespace pgdial::ui::document {

class ProjectDocument;

// One undoable change to a document: a list of core::LineEdits applied in order; undo applies
// their inverses (which TextDocument::apply returned) in reverse order. Typing commands merge
// into one per burst, so Ctrl+Z takes back a word or a line, not a key.
class LineEditCommand final : public QUndoCommand
{
public:
    static constexpr int typingId = 0x7067; // 'pg'

    // `typing` marks a keystroke-sized edit from a text editor that may merge with the previous.
    LineEditCommand(ProjectDocument *document, QList<core::base::LineEdit> edits, const QString &description,
                    bool typing = false, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    QPointer<ProjectDocument> m_document;
    QList<core::base::LineEdit> m_edits;
    QList<core::base::LineEdit> m_inverses; // in application order; undo walks them backwards
    bool m_typing;
    QElapsedTimer m_lastTyped;
};

} // namespace pgdial::ui::document
