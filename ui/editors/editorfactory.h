#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace pgdial::ui::document {
class ProjectContext;
class ProjectDocument;
} // namespace pgdial::ui::document

namespace pgdial::ui::editors {

struct EditorPage
{
    QString title; // the tab's text: tr("Settings"), tr("Rules"), ...
    QWidget *widget; // also a DocumentEditor
};

// The purpose-built editors of a file kind, created for one document. Every file also gets the
// raw "Source" page (added by DocumentPage); the pages returned here come before it, the first
// one being what the user sees when the file opens.
namespace EditorFactory {
QList<EditorPage> createEditors(document::ProjectDocument *document, document::ProjectContext *context,
                                QWidget *parent);
}

} // namespace pgdial::ui::editors
