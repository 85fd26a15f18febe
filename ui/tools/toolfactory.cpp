#include "toolfactory.h"

#include <QDockWidget>
#include <QMainWindow>

namespace pgdial::ui::ToolFactory {

QList<QDockWidget *> createToolDocks(ProjectContext *context, QMainWindow *window)
{
    Q_UNUSED(context);
    Q_UNUSED(window);
    QList<QDockWidget *> docks;
    return docks;
}

} // namespace pgdial::ui::ToolFactory
