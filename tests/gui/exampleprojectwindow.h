#pragma once

// How most GUI tests start: a main window on a fresh copy of the bundled example project, and
// closed again without the "save changes?" prompt, whatever the test left unsaved.

#include "document/documentmanager.h"
#include "document/projectdocument.h"
#include "gui/guitesthelpers.h"
#include "mainwindow/mainwindow.h"
#include "support/testpaths.h"

#include <QSize>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

namespace pgdial::test {

class ExampleProjectWindow
{
protected:
    // For init(): a failed check here fails the test function before it runs. Without a size
    // the window keeps its own default.
    void openExampleProject(QSize size = {})
    {
        copyExampleProject();
        if (!QTest::currentTestFailed())
            openWindowOnCopy(size);
    }

    // The two halves of openExampleProject(), for a test that changes the copy before the
    // window reads it.
    void copyExampleProject()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(copyFolder(exampleProject(), m_dir->path()));
    }
    void openWindowOnCopy(QSize size = {})
    {
        m_window = std::make_unique<ui::mainwindow::MainWindow>();
        if (size.isValid())
            m_window->resize(size);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QVERIFY(loadInto(*m_window, m_dir->path()));
    }

    // For cleanup().
    void closeExampleProject()
    {
        if (m_window) {
            for (ui::document::ProjectDocument *document : m_window->documents()->documents())
                document->undoStack()->setClean();
        }
        m_window.reset();
        m_dir.reset();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ui::mainwindow::MainWindow> m_window;
};

} // namespace pgdial::test
