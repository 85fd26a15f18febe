#include "screenshotter.h"

#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace pgdial::app {

int Screenshotter::run(ui::mainwindow::MainWindow &window, const QString &folder, const QString &outputPath)
{
    int exitCode = 2;
    window.resize(1280, 800);
    window.show();

    auto capture = [&window, &outputPath, &exitCode] {
        QApplication::processEvents();
        const QImage image = window.grab().toImage();
        if (image.isNull() || !image.save(outputPath, "PNG")) {
            std::fprintf(stderr, "pgdial: could not write the screenshot to %s\n", qPrintable(outputPath));
            exitCode = 2;
        } else {
            exitCode = 0;
        }
        QApplication::quit();
    };

    if (folder.isEmpty()) {
        QTimer::singleShot(0, &window, capture);
    } else {
        QObject::connect(&window, &ui::mainwindow::MainWindow::projectLoaded, &window, [&window, capture](bool ok) {
            if (!ok)
                std::fputs("pgdial: the project could not be opened; the screenshot shows the error\n", stderr);
            QTimer::singleShot(50, &window, capture);
        });
        window.openProject(folder);
    }
    QTimer::singleShot(60000, &window, [] {
        std::fputs("pgdial: gave up waiting for the project to load\n", stderr);
        QApplication::exit(2);
    });
    const int loopCode = QApplication::exec();
    return loopCode != 0 ? loopCode : exitCode;
}

} // namespace pgdial::app
