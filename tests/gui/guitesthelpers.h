#pragma once

// Small helpers shared by the GUI tests (the file helpers are in testfiles.h): answering the
// modal dialogs the window opens (they run their own event loop, so the answer is given from a
// timer while the dialog is up).

#include "mainwindow/mainwindow.h"
#include "testfiles.h"

#include <QAbstractButton>
#include <QApplication>
#include <QSignalSpy>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace pgdial::test {

// Opens `folder` in `window` and waits until the project is loaded (or failed to load).
inline bool loadInto(ui::MainWindow &window, const QString &folder)
{
    QSignalSpy loaded(&window, &ui::MainWindow::projectLoaded);
    window.openProject(folder);
    return loaded.wait(30000) && loaded.first().first().toBool();
}

// Clicks `button` (an objectName) in the next modal dialog named `dialog` that appears, once.
// `answered` counts the answers given.
class DialogAnswerer
{
public:
    DialogAnswerer(const QString &dialog, const QString &button) : m_timer(std::make_unique<QTimer>())
    {
        m_timer->setInterval(10);
        QObject::connect(m_timer.get(), &QTimer::timeout, [this, dialog, button] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || modal->objectName() != dialog)
                return;
            auto *target = modal->findChild<QAbstractButton *>(button);
            if (!target)
                return;
            ++answered;
            if (m_once)
                m_timer->stop();
            target->click();
        });
        m_timer->start();
    }
    DialogAnswerer &repeating()
    {
        m_once = false;
        return *this;
    }
    int answered = 0;

private:
    std::unique_ptr<QTimer> m_timer;
    bool m_once = true;
};

} // namespace pgdial::test
