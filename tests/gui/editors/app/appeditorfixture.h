#pragma once

// The example project in a main window, with the Application editor's two pages (config.yaml's
// form and the .env table) one call away: shared by their tests.

#include "document/projectcontext.h"
#include "editors/app/appconfigeditor.h"
#include "editors/app/enveditor.h"
#include "gui/exampleprojectwindow.h"
#include "mainwindow/documentpage.h"
#include "mainwindow/editorarea.h"

#include <QSignalSpy>

namespace pgdial::test {

class AppEditorFixture : protected ExampleProjectWindow
{
protected:
    static inline const QString configPath = QStringLiteral("config.yaml");
    static inline const QString envPath = QStringLiteral(".env");

    ui::document::ProjectDocument *document(const QString &path) const { return m_window->documents()->document(path); }

    ui::mainwindow::DocumentPage *open(const QString &path)
    {
        m_window->context()->requestShow(path, 0);
        return m_window->editorArea()->editorFor(path);
    }

    ui::editors::app::AppConfigEditor *configEditor()
    {
        ui::mainwindow::DocumentPage *page = open(configPath);
        return page ? qobject_cast<ui::editors::app::AppConfigEditor *>(page->page(QStringLiteral("appConfigEditor")))
                    : nullptr;
    }

    ui::editors::app::EnvEditor *envEditor()
    {
        ui::mainwindow::DocumentPage *page = open(envPath);
        return page ? qobject_cast<ui::editors::app::EnvEditor *>(page->page(QStringLiteral("envEditor"))) : nullptr;
    }

    // Waits for the project check that follows an edit.
    bool waitForCheck()
    {
        QSignalSpy checked(m_window->context(), &ui::document::ProjectContext::diagnosticsChanged);
        return checked.wait(10000);
    }
};

} // namespace pgdial::test
