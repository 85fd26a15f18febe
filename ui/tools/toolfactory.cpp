#include "tools/toolfactory.h"

#include "tools/connectiontester/connectiontesterwidget.h"
#include "tools/environments/environmentsview.h"
#include "tools/pool/poolcalculatorpanel.h"
#include "tools/tuning/tuningwizard.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QKeySequence>
#include <QMainWindow>

using namespace Qt::StringLiterals;

namespace pgdial::ui::tools::ToolFactory {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::ui::ToolFactory", text);
}

struct ToolSpec
{
    QString dockName;
    QString actionName;
    QString title;
    QKeySequence shortcut;
    QString toolTip;
};

// Every tool the same way: the dock, its toggle in the Tools menu with a shortcut, and opening
// it brings it to the front of the tab group with the keyboard focus in its first input (the
// docks are tabbed together, so a shown dock may still sit behind another tab).
QDockWidget *toolDock(QMainWindow *window, const ToolSpec &spec, QWidget *content)
{
    auto *result = new QDockWidget(spec.title, window);
    result->setObjectName(spec.dockName);
    content->setParent(result);
    result->setWidget(content);
    QAction *toggle = result->toggleViewAction();
    toggle->setShortcut(spec.shortcut);
    toggle->setObjectName(spec.actionName);
    toggle->setToolTip(u"%1 (%2)"_s.arg(spec.toolTip, spec.shortcut.toString(QKeySequence::NativeText)));
    QObject::connect(toggle, &QAction::triggered, result, [result](bool checked) {
        if (checked) {
            result->raise();
            result->widget()->setFocus(Qt::ShortcutFocusReason);
        }
    });
    return result;
}

} // namespace

QList<QDockWidget *> createToolDocks(document::ProjectContext *context, QMainWindow *window)
{
    return {
        toolDock(window,
                 {u"connectionTesterDock"_s, u"actionConnectionTester"_s, tr("Connection Tester"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                  tr("Test a connection string stage by stage and see what to change when it fails")},
                 new tools::connectiontester::ConnectionTesterWidget(context)),
        toolDock(window,
                 {u"poolCalculatorDock"_s, u"poolCalculatorDockToggle"_s, tr("Pool Calculator"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                  tr("Size the application's pools and see the connection budget")},
                 new tools::pool::PoolCalculatorPanel(context)),
        toolDock(window,
                 {u"tuningWizardDock"_s, u"actionToolTuningWizard"_s, tr("Tuning Wizard"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                  tr("Suggest postgresql.conf settings for the server's machine and workload")},
                 new tools::tuning::TuningWizard(context)),
        toolDock(window,
                 {u"environmentsDock"_s, u"actionToolEnvironments"_s, tr("Environments"),
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                  tr("Compare the project's development, production and testing environments side by side")},
                 new tools::environments::EnvironmentsView(context)),
    };
}

} // namespace pgdial::ui::tools::ToolFactory
