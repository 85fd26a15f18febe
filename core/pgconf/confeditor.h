#pragma once

#include "base/lineedit.h"
#include "base/result.h"
#include "base/textdocument.h"
#include "pgconf/confitem.h"
#include "pgconf/parametercatalog.h"

#include <QList>
#include <QString>

#include <functional>

namespace pgdial::core::pgconf {

// One changed line range of one file. Applying `edit` to the file's TextDocument makes the change;
// the inverse TextDocument::apply returns undoes it.
struct ConfFileEdit
{
    QString file; // as ConfItem::file names it (project-relative, or relative to the top file's folder)
    base::LineEdit edit;
};

struct ConfEditResult
{
    QList<ConfFileEdit> edits; // apply in this order (at most one of them inserts a line)
    QStringList changes; // for people, one per change: "postgresql.conf:64: work_mem = 64MB (was 4MB)"
};

// Lossless edits of a postgresql.conf and its includes: only the lines concerned change, and
// within a line only the bytes of the name or the value (a following comment keeps its column
// where the spaces allow it).
class ConfEditor
{
public:
    // The current text of a file read by `load`, by its ConfItem::file name (null when unavailable).
    using DocumentProvider = std::function<const base::TextDocument *(const QString &file)>;

    ConfEditor(const ConfLoadResult &load, const ParameterCatalog &catalog, DocumentProvider documents);

    // Sets NAME to VALUE (written as given, quoted only when the lexer needs it): rewrites the
    // value of the line that wins; else activates the commented sample line; else inserts a line
    // after the last setting of the same category in the top file, or at its end with a comment.
    // Refuses unknown names and values the server would refuse.
    base::Result<ConfEditResult> set(const QString &name, const QString &value) const;

    // Comments out every active line of NAME (the default applies again). An error when none is set.
    base::Result<ConfEditResult> reset(const QString &name) const;

    // Replaces the name of one setting line (ConfLoadResult::items index), e.g. a misspelled one.
    base::Result<ConfEditResult> rename(int itemIndex, const QString &newName) const;

private:
    const ConfLoadResult &m_load;
    const ParameterCatalog &m_catalog;
    DocumentProvider m_documents;

    QList<int> activeItems(const QString &canonicalKey) const;
    QString keyOf(const QByteArray &name) const;
    base::Result<QByteArray> lineOf(const QString &file, int line) const;
};

} // namespace pgdial::core::pgconf
