#include "toolfactory.h"

#include "connectiontester/connectiontesterwidget.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>

using namespace Qt::StringLiterals;

namespace pgdial::ui::ToolFactory {

namespace {

QDockWidget *connectionTesterDock(ProjectContext *context, QMainWindow *window)
{
    auto *dock = new QDockWidget(QDockWidget::tr("Connection Tester"), window);
    dock->setObjectName(u"connectionTesterDock"_s);
    dock->setWidget(new ConnectionTesterWidget(context, dock));
    QAction *toggle = dock->toggleViewAction();
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    toggle->setObjectName(u"actionConnectionTester"_s);
    // Opening the tool puts the cursor in the connection string, ready for Ctrl+Return.
    QObject::connect(toggle, &QAction::triggered, dock, [dock](bool checked) {
        if (checked) {
            dock->raise();
            dock->widget()->setFocus();
        }
    });
    return dock;
}

} // namespace

QList<QDockWidget *> createToolDocks(ProjectContext *context, QMainWindow *window)
{
    QList<QDockWidget *> docks;
    docks.append(connectionTesterDock(context, window));
    return docks;
}

} // namespace pgdial::ui::ToolFactory
