#pragma once

#include <QString>

namespace pgdial::ui::mainwindow {
class MainWindow;
} // namespace pgdial::ui::mainwindow

namespace pgdial::app {

// `pgdial --screenshot OUT.png [FOLDER]`: loads the project into the window, waits until it has
// been painted, writes the PNG and returns the process exit code (0, or 2 on failure).
class Screenshotter
{
public:
    static int run(ui::mainwindow::MainWindow &window, const QString &folder, const QString &outputPath);
};

} // namespace pgdial::app
