#include "toolfactory.h"

#include "tools/tuning/tuningwizard.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QMainWindow>

using namespace Qt::StringLiterals;

namespace pgdial::ui::ToolFactory {

QList<QDockWidget *> createToolDocks(ProjectContext *context, QMainWindow *window)
{
    QList<QDockWidget *> docks;

    auto *tuning = new QDockWidget(QCoreApplication::translate("pgdial::ui::ToolFactory", "Tuning Wizard"), window);
    tuning->setObjectName(u"tuningWizardDock"_s);
    tuning->setWidget(new TuningWizard(context, tuning));
    tuning->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    tuning->toggleViewAction()->setObjectName(u"actionToolTuningWizard"_s);
    docks.append(tuning);

    return docks;
}

} // namespace pgdial::ui::ToolFactory
