#include "support/testpaths.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_Screenshot final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void screenshotOfExampleProject();
    void noDisplayExplainsItself();
};

void tst_Screenshot::screenshotOfExampleProject()
{
    QTemporaryDir dir;
    const QString png = dir.filePath("window.png");
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath("config"));
    app.setProcessEnvironment(env);
    app.start(pgdial::test::appPath(), {QStringLiteral("--screenshot"), png, pgdial::test::exampleProject()});
    QVERIFY(app.waitForFinished(60000));
    QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1280, 800));
    // Not blank: a real window has many distinct colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    if (!qEnvironmentVariableIsEmpty("PGDIAL_SCREENSHOT_DIR"))
        image.save(qEnvironmentVariable("PGDIAL_SCREENSHOT_DIR") + QStringLiteral("/mainwindow.png"));
}

void tst_Screenshot::noDisplayExplainsItself()
{
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    app.setProcessEnvironment(env);
    app.start(pgdial::test::appPath(), {pgdial::test::exampleProject()});
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 2);
    QVERIFY(app.readAllStandardError().contains("xvfb-run"));
}

QTEST_GUILESS_MAIN(tst_Screenshot)
#include "tst_screenshot.moc"
