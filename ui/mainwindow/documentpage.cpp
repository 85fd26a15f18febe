#include "mainwindow/documentpage.h"

#include "document/projectdocument.h"
#include "editors/editorfactory.h"
#include "editors/rawtexteditor.h"
#include "editors/sourceview.h"

using namespace Qt::StringLiterals;

namespace pgdial::ui::mainwindow {

DocumentPage::DocumentPage(document::ProjectDocument *document, document::ProjectContext *context, QWidget *parent)
    : QTabWidget(parent)
    , m_document(document)
    , m_source(nullptr)
{
    setObjectName(u"documentPage"_s);
    setTabPosition(QTabWidget::South);
    setDocumentMode(true);
    setTabBarAutoHide(true);
    for (const editors::EditorPage &editor : editors::EditorFactory::createEditors(document, context, this))
        addTab(editor.widget, editor.title);
    m_source = new editors::RawTextEditor(document, this);
    addTab(m_source, tr("Source"));
    setTabToolTip(indexOf(m_source), tr("The file's text exactly as it is on disk, with your unsaved edits"));
}

void DocumentPage::revealLine(int line, int column)
{
    if (line <= 0)
        return;
    if (auto *editor = dynamic_cast<editors::DocumentEditor *>(currentWidget());
        editor && currentWidget() != m_source) {
        if (editor->showsLine(line)) {
            editor->revealLine(line, column);
            return;
        }
        setCurrentWidget(m_source);
    }
    m_source->sourceView()->goToLine(line, column);
}

QWidget *DocumentPage::page(const QString &objectName) const
{
    for (int i = 0; i < count(); ++i) {
        if (widget(i)->objectName() == objectName)
            return widget(i);
    }
    return nullptr;
}

void DocumentPage::showSource()
{
    setCurrentWidget(m_source);
}

} // namespace pgdial::ui::mainwindow
