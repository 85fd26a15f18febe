#include "document/lineeditcommand.h"

#include "document/projectdocument.h"

namespace pgdial::ui::document {

namespace {
// Keystrokes further apart than this start a new undo step.
constexpr qint64 typingBurstMs = 1200;
} // namespace

LineEditCommand::LineEditCommand(ProjectDocument *document, QList<core::base::LineEdit> edits,
                                 const QString &description, bool typing, QUndoCommand *parent)
    : QUndoCommand(description, parent)
    , m_document(document)
    , m_edits(std::move(edits))
    , m_typing(typing)
{
    m_lastTyped.start();
}

void LineEditCommand::redo()
{
    if (!m_document)
        return;
    m_inverses = m_document->applyDirect(m_edits);
}

void LineEditCommand::undo()
{
    if (!m_document)
        return;
    QList<core::base::LineEdit> reversed(m_inverses.crbegin(), m_inverses.crend());
    m_document->applyDirect(reversed);
}

int LineEditCommand::id() const
{
    return m_typing ? typingId : -1;
}

bool LineEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const LineEditCommand *>(other);
    if (!m_typing || !next->m_typing || next->m_document != m_document || m_lastTyped.elapsed() > typingBurstMs)
        return false;
    // `next` has already been applied by its redo(); adopt its edits and inverses.
    m_edits += next->m_edits;
    m_inverses += next->m_inverses;
    m_lastTyped.restart();
    return true;
}

} // namespace pgdial::ui::document
