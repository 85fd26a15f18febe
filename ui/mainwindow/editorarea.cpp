#include "mainwindow/editorarea.h"

#include "document/projectdocument.h"
#include "mainwindow/documentpage.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace pgdial::ui::mainwindow {

namespace {
constexpr char pathProperty[] = "pgdialRelativePath";
}

EditorArea::EditorArea(document::ProjectContext *context, QWidget *parent)
    : QTabWidget(parent)
    , m_context(context)
{
    setObjectName(u"editorTabs"_s);
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    connect(this, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *page = widget(index);
        removeTab(index);
        page->deleteLater();
    });
    connect(this, &QTabWidget::currentChanged, this, [this](int) {
        Q_EMIT currentPathChanged(currentPath());
        Q_EMIT currentDocumentChanged(currentDocument());
    });
}

int EditorArea::tabFor(const QString &relativePath) const
{
    for (int i = 0; i < count(); ++i) {
        if (widget(i)->property(pathProperty).toString() == relativePath)
            return i;
    }
    return -1;
}

DocumentPage *EditorArea::editorFor(const QString &relativePath) const
{
    const int tab = tabFor(relativePath);
    return tab >= 0 ? qobject_cast<DocumentPage *>(widget(tab)) : nullptr;
}

void EditorArea::openDocument(document::ProjectDocument *document, int line, int column)
{
    if (!document)
        return;
    int tab = tabFor(document->relativePath());
    if (tab < 0) {
        auto *editor = new DocumentPage(document, m_context, this);
        editor->setProperty(pathProperty, document->relativePath());
        tab = addTab(editor, QString());
        setTabToolTip(tab, document->absolutePath());
        updateTabTitle(document);
        connect(document, &document::ProjectDocument::modifiedChanged, editor,
                [this, document] { updateTabTitle(document); });
    }
    setCurrentIndex(tab);
    if (line > 0) {
        if (auto *page = qobject_cast<DocumentPage *>(widget(tab)))
            page->revealLine(line, column);
    }
}

void EditorArea::updateTabTitle(document::ProjectDocument *document)
{
    const int tab = tabFor(document->relativePath());
    if (tab < 0)
        return;
    const QString name = QFileInfo(document->relativePath()).fileName();
    setTabText(tab, document->isModified() ? name + u" \u2022"_s : name);
}

void EditorArea::closeAll()
{
    while (count() > 0) {
        QWidget *page = widget(0);
        removeTab(0);
        delete page;
    }
}

QString EditorArea::currentPath() const
{
    return currentWidget() ? currentWidget()->property(pathProperty).toString() : QString();
}

document::ProjectDocument *EditorArea::currentDocument() const
{
    if (auto *page = qobject_cast<DocumentPage *>(currentWidget()))
        return page->projectDocument();
    return nullptr;
}

} // namespace pgdial::ui::mainwindow
