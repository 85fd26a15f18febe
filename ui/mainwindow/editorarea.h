#pragma once

#include "document/projectdocument.h"

#include <QTabWidget>

namespace pgdial::ui::document {
class ProjectContext;
} // namespace pgdial::ui::document

namespace pgdial::ui::mainwindow {

// The centre of the window: one tab per open file, each a DocumentPage over the file's
// ProjectDocument (its purpose-built editors plus the raw Source page).
// Opening a file that is already open switches to its tab; the tab's tooltip is the file's full
// path and its title carries a "•" while the document has unsaved changes. Closing a tab only
// closes the view: the document and its undo history stay with the DocumentManager.
class DocumentPage;

class EditorArea final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorArea)

public:
    explicit EditorArea(document::ProjectContext *context, QWidget *parent = nullptr);

    void openDocument(document::ProjectDocument *document, int line = 0, int column = 0);
    void closeAll();
    QString currentPath() const;
    document::ProjectDocument *currentDocument() const;
    DocumentPage *editorFor(const QString &relativePath) const;

Q_SIGNALS:
    void currentPathChanged(const QString &relativePath);
    void currentDocumentChanged(pgdial::ui::document::ProjectDocument *document);

private:
    document::ProjectContext *m_context;

    int tabFor(const QString &relativePath) const;
    void updateTabTitle(document::ProjectDocument *document);
};

} // namespace pgdial::ui::mainwindow
