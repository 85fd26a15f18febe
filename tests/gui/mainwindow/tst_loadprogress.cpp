// Opening a project with a very large postgresql.conf (issue 16 item 8): the status bar shows how
// far the load is, the window keeps answering, and Cancel stops it at once.
#include "gui/guitesthelpers.h"
#include "mainwindow/mainwindow.h"
#include "support/testenvironment.h"

#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace pgdial;

class tst_LoadProgress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void largeConfShowsProgressAndCancels();
    void smallProjectHidesTheProgress();
};

namespace {

// `lines` lines shaped like a hand-kept file: settings (many overridden), samples, prose.
bool writeConf(const QString &path, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray text;
    text.reserve(qsizetype(lines) * 20);
    for (int i = 0; i < lines; ++i) {
        switch (i % 4) {
        case 0:
            text += "work_mem = 4MB\n";
            break;
        case 1:
            text += "#shared_buffers = 128MB  # sample\n";
            break;
        case 2:
            text += "# prose about line " + QByteArray::number(i) + '\n';
            break;
        default:
            text += "random_page_cost = 1.1\n";
            break;
        }
    }
    return file.write(text) == text.size();
}

} // namespace

void tst_LoadProgress::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_LoadProgress::largeConfShowsProgressAndCancels()
{
    QTemporaryDir dir;
    QVERIFY(writeConf(dir.filePath(QStringLiteral("postgresql.conf")), 1000000));
    ui::mainwindow::MainWindow window;
    window.resize(1000, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *progress = window.findChild<QProgressBar *>(QStringLiteral("loadProgress"));
    auto *cancel = window.findChild<QToolButton *>(QStringLiteral("cancelLoadButton"));
    QVERIFY(progress && cancel);
    QVERIFY(!progress->isVisible());

    // The UI thread keeps turning while the worker reads: a timer ticks and the bar moves.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(20);
    QSignalSpy loaded(&window, &ui::mainwindow::MainWindow::projectLoaded);
    window.openProject(dir.path());
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(progress->maximum() == 1000 && progress->value() > 0, 60000);
    QVERIFY(ticks > 0);
    if (const QString shots = qEnvironmentVariable("PGDIAL_TEST_SCREENSHOTS"); !shots.isEmpty())
        window.grab().save(shots + QStringLiteral("/load-progress.png"));

    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(loaded.size(), 1); // at once, not when the worker notices
    QCOMPARE(loaded.first().first().toBool(), false);
    QVERIFY(!window.isLoading());
    QVERIFY(!progress->isVisible());
    QVERIFY(!cancel->isVisible());
    auto *status = window.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status && status->text().contains(QStringLiteral("cancelled")));
}

void tst_LoadProgress::smallProjectHidesTheProgress()
{
    QTemporaryDir dir;
    QVERIFY(writeConf(dir.filePath(QStringLiteral("postgresql.conf")), 40));
    ui::mainwindow::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(test::loadInto(window, dir.path()));
    auto *progress = window.findChild<QProgressBar *>(QStringLiteral("loadProgress"));
    QVERIFY(progress && !progress->isVisible());
    QVERIFY(!window.findChild<QToolButton *>(QStringLiteral("cancelLoadButton"))->isVisible());
}

QTEST_MAIN(tst_LoadProgress)
#include "tst_loadprogress.moc"
