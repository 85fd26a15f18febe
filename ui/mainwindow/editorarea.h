#pragma once

#include "document/projectdocument.h"

#include <QTabWidget>

namespace pgdial::ui {

// The centre of the window: one tab per open file, each an editor over the file's
// ProjectDocument (today the raw text editor; the purpose-built editors join as tabs' pages).
// Opening a file that is already open switches to its tab; the tab's tooltip is the file's full
// path and its title carries a "•" while the document has unsaved changes. Closing a tab only
// closes the view: the document and its undo history stay with the DocumentManager.
class EditorArea final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorArea)

public:
    explicit EditorArea(QWidget *parent = nullptr);

    void openDocument(ProjectDocument *document, int line = 0, int column = 0);
    void closeAll();
    QString currentPath() const;
    ProjectDocument *currentDocument() const;
    QWidget *editorFor(const QString &relativePath) const;

Q_SIGNALS:
    void currentPathChanged(const QString &relativePath);
    void currentDocumentChanged(pgdial::ui::ProjectDocument *document);

private:
    int tabFor(const QString &relativePath) const;
    void updateTabTitle(ProjectDocument *document);
};

} // namespace pgdial::ui
