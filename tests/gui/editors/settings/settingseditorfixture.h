#pragma once

// The example project's postgresql.conf open in the settings table of a main window.

#include "editors/settings/settingseditor.h"
#include "editors/settings/settingsmodel.h"
#include "gui/exampleprojectwindow.h"
#include "mainwindow/documentpage.h"
#include "mainwindow/editorarea.h"

#include <QApplication>
#include <QTreeView>

namespace pgdial::test {

class SettingsEditorFixture : protected ExampleProjectWindow
{
protected:
    static constexpr const char *confRelative = "infra/docker/prod/postgres/postgresql.conf";

    // For init(), or after changing the copy (copyExampleProject() first): the window on the
    // copy, the settings table current, as a DBA sees it first.
    void openSettingsEditor()
    {
        openWindowOnCopy({1280, 800});
        if (QTest::currentTestFailed())
            return;
        m_window->showFile(QString::fromLatin1(confRelative));
        QCOMPARE(m_window->editorArea()->currentPath(), QString::fromLatin1(confRelative));
        QVERIFY(editor());
        QCOMPARE(page()->currentWidget(), editor());
    }

    QString confPath() const { return m_dir->filePath(QString::fromLatin1(confRelative)); }
    ui::document::ProjectDocument *conf() const
    {
        return m_window->documents()->document(QString::fromLatin1(confRelative));
    }
    ui::mainwindow::DocumentPage *page() const
    {
        return m_window->editorArea()->editorFor(QString::fromLatin1(confRelative));
    }
    ui::editors::settings::SettingsEditor *editor() const
    {
        return page()
            ? qobject_cast<ui::editors::settings::SettingsEditor *>(page()->page(QStringLiteral("settingsEditor")))
            : nullptr;
    }
    QTreeView *view() const { return editor()->findChild<QTreeView *>(QStringLiteral("settingsView")); }

    // Makes the value cell of NAME current and opens its editor with F2.
    QWidget *openEditorOn(const QString &name)
    {
        if (!editor()->selectParameter(name))
            return nullptr;
        QTreeView *tree = view();
        tree->setFocus();
        tree->setCurrentIndex(tree->currentIndex().siblingAtColumn(ui::editors::settings::SettingsModel::ValueColumn));
        QTest::keyClick(tree, Qt::Key_F2);
        return tree->indexWidget(tree->currentIndex()) ? tree->indexWidget(tree->currentIndex())
                                                       : QApplication::focusWidget();
    }

    // The parameter names the table shows, category by category.
    QStringList visibleNames() const
    {
        QStringList names;
        const QAbstractItemModel *model = view()->model();
        for (int category = 0; category < model->rowCount(); ++category) {
            const QModelIndex parent = model->index(category, 0);
            for (int row = 0; row < model->rowCount(parent); ++row)
                names.append(
                    model->index(row, 0, parent).data(ui::editors::settings::SettingsModel::NameRole).toString());
        }
        return names;
    }
};

} // namespace pgdial::test
