#pragma once

// Small helpers shared by the GUI tests (the file helpers are in testfiles.h): answering the
// modal dialogs the window opens (they run their own event loop, so the answer is given from a
// timer while the dialog is up).

#include "mainwindow/mainwindow.h"
#include "support/testfiles.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace pgdial::test {

// Opens `folder` in `window` and waits until the project is loaded (or failed to load).
inline bool loadInto(ui::mainwindow::MainWindow &window, const QString &folder)
{
    QSignalSpy loaded(&window, &ui::mainwindow::MainWindow::projectLoaded);
    window.openProject(folder);
    return loaded.wait(30000) && loaded.first().first().toBool();
}

// Clicks `button` (an objectName) in the next modal dialog named `dialog` that appears, once.
// `answered` counts the answers given.
class DialogAnswerer
{
public:
    DialogAnswerer(const QString &dialog, const QString &button)
        : m_timer(std::make_unique<QTimer>())
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

// The Alt+letter mnemonics that clash while `tool` is shown: its visible buttons and buddied
// labels, and the window's menu bar. One "Alt+X: text, text" line per clashing key; empty when
// every key reaches one widget (Qt ignores or cycles on an ambiguous one).
inline QStringList clashingMnemonics(QWidget *tool, QMenuBar *menuBar)
{
    QMap<QString, QStringList> users;
    auto add = [&](const QString &text) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            users[key.toString()].append(text);
    };
    for (QAction *action : menuBar->actions())
        add(action->text());
    for (QAbstractButton *button : tool->findChildren<QAbstractButton *>())
        if (button->isVisibleTo(tool))
            add(button->text());
    for (QLabel *label : tool->findChildren<QLabel *>())
        if (label->buddy() && label->isVisibleTo(tool))
            add(label->text());
    QStringList clashes;
    for (auto it = users.cbegin(); it != users.cend(); ++it)
        if (it.value().size() > 1)
            clashes.append(it.key() + QLatin1String(": ") + it.value().join(QLatin1String(", ")));
    return clashes;
}

} // namespace pgdial::test
