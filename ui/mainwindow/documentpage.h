#pragma once

#include "editors/documenteditor.h"

#include <QTabWidget>

namespace pgdial::ui::document {
class ProjectContext;
class ProjectDocument;
} // namespace pgdial::ui::document

namespace pgdial::ui::editors {
class RawTextEditor;
} // namespace pgdial::ui::editors

namespace pgdial::ui::mainwindow {

// One open file in the editor area: its purpose-built editors (EditorFactory) and the raw
// "Source" page, as tabs along the bottom (the tab bar hides when Source is the only page).
// Every page edits the same ProjectDocument, so they stay in sync through its signals.
class DocumentPage final : public QTabWidget, public editors::DocumentEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentPage)

public:
    DocumentPage(document::ProjectDocument *document, document::ProjectContext *context, QWidget *parent = nullptr);

    document::ProjectDocument *projectDocument() const override { return m_document; }
    // Shows the line in the current page (the settings table selects the parameter's row, the
    // source view moves the cursor).
    void revealLine(int line, int column) override;

    editors::RawTextEditor *sourceEditor() const { return m_source; }
    // The page of the given objectName, e.g. "settingsEditor"; null if this file has none.
    QWidget *page(const QString &objectName) const;
    void showSource();

private:
    document::ProjectDocument *m_document;
    editors::RawTextEditor *m_source;
};

} // namespace pgdial::ui::mainwindow
