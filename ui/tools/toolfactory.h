#pragma once

#include <QList>

class QDockWidget;
class QMainWindow;

namespace pgdial::ui::document {
class ProjectContext;
} // namespace pgdial::ui::document

namespace pgdial::ui::tools {

// The main window's tools (connection tester, tuning wizard, pool calculator, environments), each a dock
// widget with an objectName ("connectionTesterDock", ...) and a shortcut on its toggle action.
// The window adds them to the right dock area, tabbed together, and lists them in the Tools menu.
namespace ToolFactory {
QList<QDockWidget *> createToolDocks(document::ProjectContext *context, QMainWindow *window);
}

} // namespace pgdial::ui::tools
