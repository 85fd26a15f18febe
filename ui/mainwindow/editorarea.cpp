#include "editorarea.h"

#include "editors/sourceview.h"
#include "projectfile.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace pgdial::ui {

namespace {
constexpr char pathProperty[] = "pgdialRelativePath";
}

EditorArea::EditorArea(QWidget *parent) : QTabWidget(parent)
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
    connect(this, &QTabWidget::currentChanged, this, [this](int) { Q_EMIT currentPathChanged(currentPath()); });
}

int EditorArea::tabFor(const QString &relativePath) const
{
    for (int i = 0; i < count(); ++i) {
        if (widget(i)->property(pathProperty).toString() == relativePath)
            return i;
    }
    return -1;
}

QWidget *EditorArea::editorFor(const QString &relativePath) const
{
    const int tab = tabFor(relativePath);
    return tab >= 0 ? widget(tab) : nullptr;
}

void EditorArea::openFile(const std::shared_ptr<const core::ProjectFile> &file, int line, int column)
{
    if (!file)
        return;
    int tab = tabFor(file->relativePath);
    if (tab < 0) {
        auto *view = new SourceView(this);
        view->setProperty(pathProperty, file->relativePath);
        if (file->document)
            view->setSource(QString::fromUtf8(file->document->toBytes()), file->kind);
        else
            view->setPlainText(tr("This file could not be loaded; the Problems panel says why."));
        tab = addTab(view, QFileInfo(file->relativePath).fileName());
        setTabToolTip(tab, file->absolutePath);
    }
    setCurrentIndex(tab);
    if (line > 0) {
        if (auto *view = qobject_cast<SourceView *>(widget(tab)))
            view->goToLine(line, column);
    }
}

void EditorArea::closeAll()
{
    while (count() > 0) {
        QWidget *page = widget(0);
        removeTab(0);
        page->deleteLater();
    }
}

QString EditorArea::currentPath() const
{
    return currentWidget() ? currentWidget()->property(pathProperty).toString() : QString();
}

} // namespace pgdial::ui
