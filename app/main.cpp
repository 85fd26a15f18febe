// The desktop app: parses the command line, then hands over to pgdial::ui::mainwindow::MainWindow.
#include "mainwindow/mainwindow.h"
#include "pgdialversion.h"
#include "screenshotter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

bool wantsScreenshot(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--screenshot") == 0 || QByteArray(argv[i]).startsWith("--screenshot="))
            return true;
    }
    return false;
}

bool wantsOnlyText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

// The bundled example project: installed beside the binary, or in the source tree of a build.
QString bundledExample()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        appDir + u"/../share/pgdial/examples/api-forge"_s,
        QStringLiteral(PGDIAL_SOURCE_DIR "/resources/examples/api-forge"),
    };
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(candidate);
    }
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    // Without a display Qt would abort; a screenshot needs none, anything else says how to get one.
    if (!hasDisplay()) {
        if (wantsScreenshot(argc, argv) || wantsOnlyText(argc, argv)) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        } else {
            std::fputs("pgdial: no display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                       "  Run it inside a desktop session, or under a virtual display:\n"
                       "    xvfb-run -a pgdial [FOLDER]\n"
                       "  For a picture without any display: pgdial --screenshot out.png [FOLDER]\n"
                       "  For checks without a display, use pgdial-cli check [FOLDER].\n",
                       stderr);
            return 2;
        }
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"pgdial"_s);
    QApplication::setApplicationName(u"pgdial"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(pgdial::pgdialVersion));
    QApplication::setWindowIcon(QIcon(u":/icons/pgdial.svg"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "pgdial: a desktop studio for PostgreSQL-backed applications' configuration."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        QApplication::translate("main", "Render the main window with the project loaded to <png>, then exit."),
        u"png"_s);
    parser.addOption(screenshot);
    parser.addPositionalArgument(
        u"folder"_s, QApplication::translate("main", "The project folder to open (default: the bundled example)."),
        u"[folder]"_s);
    parser.process(app);

    QString folder = parser.positionalArguments().value(0);
    if (folder.isEmpty())
        folder = bundledExample();

    pgdial::ui::mainwindow::MainWindow window;
    if (parser.isSet(screenshot))
        return pgdial::app::Screenshotter::run(window, folder, parser.value(screenshot));

    window.show();
    if (!folder.isEmpty())
        window.openProject(folder);
    return QApplication::exec();
}
