#include "document/projectdocument.h"

#include "document/lineeditcommand.h"
#include "project/projectfile.h"

#include <QUndoStack>

namespace pgdial::ui::document {

ProjectDocument::ProjectDocument(std::shared_ptr<core::project::ProjectFile> file, QObject *parent)
    : QObject(parent)
    , m_file(std::move(file))
    , m_undo(new QUndoStack(this))
{
    m_undo->setObjectName(m_file->relativePath);
    m_savedBytes = bytes();
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

ProjectDocument::~ProjectDocument()
{
    // Commands hold a QPointer to us; clear them first so none outlives its document's text.
    m_undo->clear();
}

QString ProjectDocument::relativePath() const
{
    return m_file->relativePath;
}

QString ProjectDocument::absolutePath() const
{
    return m_file->absolutePath;
}

core::project::FileKind ProjectDocument::kind() const
{
    return m_file->kind;
}

const core::base::TextDocument *ProjectDocument::text() const
{
    return m_file->document ? &*m_file->document : nullptr;
}

QByteArray ProjectDocument::bytes() const
{
    return m_file->document ? m_file->document->toBytes() : QByteArray();
}

bool ProjectDocument::isModified() const
{
    return !m_undo->isClean();
}

bool ProjectDocument::applyEdits(const QList<core::base::LineEdit> &edits, const QString &description, bool typing)
{
    if (!m_file->document || edits.isEmpty())
        return false;
    m_undo->push(new LineEditCommand(this, edits, description, typing));
    return true;
}

QList<core::base::LineEdit> ProjectDocument::applyDirect(const QList<core::base::LineEdit> &edits)
{
    QList<core::base::LineEdit> inverses;
    if (!m_file->document)
        return inverses;
    inverses.reserve(edits.size());
    for (const core::base::LineEdit &edit : edits) {
        inverses.append(m_file->document->apply(edit));
        Q_EMIT linesChanged(edit.firstIndex, edit.removeCount, static_cast<int>(edit.lines.size()));
    }
    Q_EMIT contentsChanged();
    return inverses;
}

void ProjectDocument::markSaved()
{
    m_savedBytes = bytes();
    m_undo->setClean();
    Q_EMIT saved();
}

void ProjectDocument::reload(const QByteArray &diskBytes)
{
    m_undo->clear();
    m_file->document = core::base::TextDocument::fromBytes(diskBytes);
    m_savedBytes = diskBytes;
    Q_EMIT reset();
    Q_EMIT contentsChanged();
    Q_EMIT modifiedChanged(false);
}

void ProjectDocument::keepOver(const QByteArray &diskBytes)
{
    m_savedBytes = diskBytes;
    if (m_undo->isClean())
        m_undo->resetClean();
}

void ProjectDocument::setSecretsRevealed(bool revealed)
{
    if (revealed == m_secretsRevealed)
        return;
    m_secretsRevealed = revealed;
    Q_EMIT secretsRevealedChanged(revealed);
}

} // namespace pgdial::ui::document
