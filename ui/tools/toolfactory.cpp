#include "toolfactory.h"

#include "connectiontester/connectiontesterwidget.h"
#include "pool/poolcalculatorpanel.h"
#include "tools/tuning/tuningwizard.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QKeySequence>
#include <QMainWindow>

using namespace Qt::StringLiterals;

namespace pgdial::ui::ToolFactory {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::ui::ToolFactory", text);
}

QDockWidget *dock(QMainWindow *window, const QString &objectName, const QString &title, QWidget *content,
                  const QKeySequence &shortcut)
{
    auto *result = new QDockWidget(title, window);
    result->setObjectName(objectName);
    content->setParent(result);
    result->setWidget(content);
    result->toggleViewAction()->setShortcut(shortcut);
    result->toggleViewAction()->setObjectName(QString(objectName + u"Toggle"_s));
    return result;
}

QDockWidget *connectionTesterDock(ProjectContext *context, QMainWindow *window)
{
    auto *result = new QDockWidget(tr("Connection Tester"), window);
    result->setObjectName(u"connectionTesterDock"_s);
    result->setWidget(new ConnectionTesterWidget(context, result));
    QAction *toggle = result->toggleViewAction();
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    toggle->setObjectName(u"actionConnectionTester"_s);
    toggle->setToolTip(tr("Test a connection string stage by stage and see what to change when it fails"));
    // Opening the tool puts the cursor in the connection string, ready for Ctrl+Return.
    QObject::connect(toggle, &QAction::triggered, result, [result](bool checked) {
        if (checked) {
            result->raise();
            result->widget()->setFocus();
        }
    });
    return result;
}

} // namespace

QList<QDockWidget *> createToolDocks(ProjectContext *context, QMainWindow *window)
{
    QList<QDockWidget *> docks;
    docks.append(connectionTesterDock(context, window));
    QDockWidget *pool = dock(window, u"poolCalculatorDock"_s, tr("Pool Calculator"), new PoolCalculatorPanel(context),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    pool->toggleViewAction()->setToolTip(tr("Size the application's pools and see the connection budget"));
    docks.append(pool);

    auto *tuning = new QDockWidget(tr("Tuning Wizard"), window);
    tuning->setObjectName(u"tuningWizardDock"_s);
    tuning->setWidget(new TuningWizard(context, tuning));
    tuning->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    tuning->toggleViewAction()->setObjectName(u"actionToolTuningWizard"_s);
    tuning->toggleViewAction()->setToolTip(tr("Suggest postgresql.conf settings for the server's machine and workload"));
    docks.append(tuning);

    return docks;
}

} // namespace pgdial::ui::ToolFactory
