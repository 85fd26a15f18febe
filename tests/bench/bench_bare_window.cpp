// The baseline for the startup benchmark: a bare Qt Widgets program that does what
// `pgdial --screenshot` does with none of pgdial: a QMainWindow with a menu, a status bar and a
// text view of the example's postgresql.conf, shown at 1280x800, grabbed to a PNG, then exit.
#include <QApplication>
#include <QFile>
#include <QFontDatabase>
#include <QMainWindow>
#include <QMenuBar>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    if (args.size() < 3) {
        qWarning("usage: bench_bare_window OUT.png FILE");
        return 2;
    }
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"))->addAction(QStringLiteral("&Quit"), &app, &QApplication::quit);
    auto *text = new QPlainTextEdit(&window);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QFile file(args.at(2));
    if (file.open(QIODevice::ReadOnly))
        text->setPlainText(QString::fromUtf8(file.readAll()));
    window.setCentralWidget(text);
    window.statusBar()->showMessage(args.at(2));
    window.resize(1280, 800);
    window.show();
    QTimer::singleShot(0, &window, [&] {
        QApplication::processEvents();
        const bool ok = window.grab().save(args.at(1), "PNG");
        QApplication::exit(ok ? 0 : 2);
    });
    return QApplication::exec();
}
