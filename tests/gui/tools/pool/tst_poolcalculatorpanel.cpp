// The pool calculator tool in the main window: prefilled from the project, the budget chart's
// series following the inputs, the red over-the-limit segment, Apply as one undo step per file.
#include "document/documentmanager.h"
#include "document/projectdocument.h"
#include "gui/guitesthelpers.h"
#include "mainwindow/mainwindow.h"
#include "support/testenvironment.h"
#include "support/testpaths.h"
#include "tools/pool/poolbudgetchart.h"
#include "tools/pool/poolcalculatorpanel.h"
#include "tools/pool/pooltraffictablemodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QBarSet>
#include <QChart>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace pgdial;
using Segment = ui::tools::pool::PoolBudgetChart::Segment;

class tst_PoolCalculatorPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void dockAndShortcut();
    void prefilledFromProject();
    void inputsChangeTheSeries();
    void overBudgetShowsRedSegment();
    void applyConfigYamlUndoable();
    void applyMaxConnectionsUndoable();
    void trafficModelUnderTester();
    void screenshots();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ui::mainwindow::MainWindow> m_window;
    QDockWidget *m_dock = nullptr;
    ui::tools::pool::PoolCalculatorPanel *m_panel = nullptr;

    QList<qreal> values(Segment segment) const
    {
        QList<qreal> out;
        const QBarSet *set = m_panel->chart()->barSet(segment);
        for (int i = 0; i < set->count(); ++i)
            out.append(set->at(i));
        return out;
    }
    template<typename T> T *input(const char *name) const { return m_panel->findChild<T *>(QString::fromLatin1(name)); }
    QString data(const char *relative) const
    {
        return test::testDataDir() + QStringLiteral("/tuning/pool/") + QString::fromLatin1(relative);
    }
};

void tst_PoolCalculatorPanel::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_PoolCalculatorPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(test::copyFolder(data("project"), m_dir->path()));
    m_window = std::make_unique<ui::mainwindow::MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QSignalSpy loaded(m_window.get(), &ui::mainwindow::MainWindow::projectLoaded);
    m_window->openProject(m_dir->path());
    QVERIFY(loaded.wait(30000) && loaded.first().first().toBool());
    m_dock = m_window->findChild<QDockWidget *>(QStringLiteral("poolCalculatorDock"));
    QVERIFY(m_dock);
    m_panel = m_dock->findChild<ui::tools::pool::PoolCalculatorPanel *>();
    QVERIFY(m_panel);
    m_dock->show();
}

void tst_PoolCalculatorPanel::cleanup()
{
    if (m_window)
        for (ui::document::ProjectDocument *document : m_window->documents()->documents())
            document->undoStack()->setClean();
    m_window.reset();
    m_dir.reset();
}

void tst_PoolCalculatorPanel::dockAndShortcut()
{
    m_dock->hide();
    QAction *toggle = m_dock->toggleViewAction();
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    // Opened while another tool of its tab group is in front: brought forward, cursor in the
    // formula's first input.
    QTest::keyClick(m_window.get(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("tuningWizardDock"))->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(m_dock->isVisible());
    QTRY_VERIFY(!m_dock->visibleRegion().isEmpty());
    QTRY_COMPARE(QApplication::focusWidget(), input<QDoubleSpinBox>("poolRequests"));
    QCOMPARE(m_dock->windowTitle(), QStringLiteral("Pool Calculator"));
    const QStringList clashes = test::clashingMnemonics(m_panel, m_window->menuBar());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void tst_PoolCalculatorPanel::prefilledFromProject()
{
    QCOMPARE(input<QSpinBox>("poolWorkers")->value(), 4); // ${APP_WORKERS:-4}
    QCOMPARE(input<QSpinBox>("poolMaxConnections")->value(), 100); // postgresql.conf:3
    QCOMPARE(input<QSpinBox>("poolSuperuserReserved")->value(), 3);
    QCOMPARE(input<QSpinBox>("poolInstances")->value(), 1);
    QVERIFY(input<QLabel>("poolSources")->text().contains(QStringLiteral("postgresql.conf:3")));
    QCOMPARE(m_panel->projectValues().poolSize->value, 10);
    QCOMPARE(m_panel->projectValues().poolSize->written, QStringLiteral("${APP_POOL:-10}"));
}

void tst_PoolCalculatorPanel::inputsChangeTheSeries()
{
    // 100 req/s x 50 ms / 200 ms = 25; 4 pools -> 7 each: pool_size 7, max_overflow 4.
    // Bars: now (4 x 10 + 4 x 10) and recommended (4 x 7 + 4 x 4).
    QCOMPARE(m_panel->recommendation().connectionsNeeded, 25);
    QCOMPARE(values(Segment::SuperuserReserved), (QList<qreal> {3, 3}));
    QCOMPARE(values(Segment::Pools), (QList<qreal> {40, 28}));
    QCOMPARE(values(Segment::Overflow), (QList<qreal> {40, 16}));
    QVERIFY(m_panel->chart()->clientSets().isEmpty()); // the fixture's server has no other client
    QCOMPARE(values(Segment::OverLimit), (QList<qreal> {0, 0}));
    QCOMPARE(m_panel->chart()->limitLine()->at(0).y(), 100.0);

    // Two instances: 8 pools of 4 + 2; the project's 8 x (10 + 10) now passes the limit.
    input<QSpinBox>("poolInstances")->setValue(2);
    QCOMPARE(values(Segment::Pools), (QList<qreal> {80, 32}));
    QCOMPARE(values(Segment::Overflow), (QList<qreal> {17, 16}));
    QCOMPARE(values(Segment::OverLimit), (QList<qreal> {63, 0}));

    // Less traffic: the low row of the table, and smaller recommended pools.
    input<QDoubleSpinBox>("poolRequests")->setValue(8);
    QCOMPARE(m_panel->trafficModel()->currentRow(), 0);
    QCOMPARE(m_panel->recommendation().poolSize, 1);
    QCOMPARE(values(Segment::Pools).at(1), 8.0);

    // A bigger server moves the line and takes the red away.
    input<QSpinBox>("poolMaxConnections")->setValue(300);
    QCOMPARE(m_panel->chart()->limitLine()->at(1).y(), 300.0);
    QCOMPARE(values(Segment::OverLimit), (QList<qreal> {0, 0}));
    QCOMPARE(values(Segment::Overflow).at(0), 80.0);
}

void tst_PoolCalculatorPanel::overBudgetShowsRedSegment()
{
    // 95 other clients leave 2 of 97 slots: nothing fits; the recommendation (4 x (7 + 4) + 95 =
    // 139) rises 42 over max_connections = 100 (3 reserved below it).
    input<QSpinBox>("poolOtherClients")->setValue(95);
    QCOMPARE(m_panel->recommendation().verdict, core::tuning::PoolVerdict::DoesNotFit);
    QCOMPARE(values(Segment::OverLimit).at(1), 42.0);
    QCOMPARE(m_panel->chart()->clientSets().size(), 1);
    QCOMPARE(m_panel->chart()->clientSets().first()->label(), QStringLiteral("Other clients"));
    QCOMPARE(m_panel->chart()->clientsTotal(1), 53.0);
    QVERIFY(values(Segment::OverLimit).at(0) > 0);
    QVERIFY(m_panel->chart()->barSet(Segment::OverLimit)->color().red() > 200);
    QVERIFY(input<QPushButton>("poolApplyServer")->isEnabled());
    QVERIFY(input<QLabel>("poolServerRecommendation")->text().contains(QStringLiteral("156")));
    QVERIFY(input<QLabel>("poolServerRecommendation")->text().contains(QStringLiteral("PgBouncer")));
}

void tst_PoolCalculatorPanel::applyConfigYamlUndoable()
{
    ui::document::ProjectDocument *config = m_window->documents()->document(QStringLiteral("config.yaml"));
    QVERIFY(config);
    const QByteArray original = config->bytes();
    auto *apply = input<QPushButton>("poolApplyConfig");
    QVERIFY(apply->isEnabled());
    QVERIFY(!input<QPushButton>("poolApplyServer")->isEnabled()); // it fits: no server change
    apply->click();
    QVERIFY(config->isModified());
    QCOMPARE(config->undoStack()->count(), 1);
    QVERIFY(input<QLabel>("poolApplyStatus")->text().contains(QStringLiteral("${APP_POOL:-7}")));
    // The panel follows the edit: the "now" bar shows the applied pools, Apply has nothing left.
    QCOMPARE(values(Segment::Pools), (QList<qreal> {28, 28}));
    QVERIFY(!apply->isEnabled());

    const QString path = m_dir->filePath(QStringLiteral("config.yaml"));
    QVERIFY(m_window->documents()->save(config));
    QCOMPARE(test::readBytes(path), test::readBytes(data("expected-fits/config.yaml")));

    config->undoStack()->undo();
    QCOMPARE(config->bytes(), original);
    QVERIFY(m_window->documents()->save(config));
    QCOMPARE(test::readBytes(path), original);
    QCOMPARE(values(Segment::Pools), (QList<qreal> {40, 28}));
}

void tst_PoolCalculatorPanel::applyMaxConnectionsUndoable()
{
    ui::document::ProjectDocument *conf = m_window->documents()->document(QStringLiteral("postgresql.conf"));
    QVERIFY(conf);
    const QByteArray original = conf->bytes();
    input<QSpinBox>("poolOtherClients")->setValue(95);
    input<QPushButton>("poolApplyServer")->click();
    QCOMPARE(conf->undoStack()->count(), 1);
    QByteArray expected = original;
    expected.replace("max_connections = 100\t", "max_connections = 156\t");
    QCOMPARE(conf->bytes(), expected);
    QCOMPARE(input<QSpinBox>("poolMaxConnections")->value(), 156); // follows the file
    QVERIFY(m_window->documents()->save(conf));
    QCOMPARE(test::readBytes(m_dir->filePath(QStringLiteral("postgresql.conf"))), expected);
    conf->undoStack()->undo();
    QCOMPARE(conf->bytes(), original);
    QCOMPARE(input<QSpinBox>("poolMaxConnections")->value(), 100);
}

void tst_PoolCalculatorPanel::trafficModelUnderTester()
{
    ui::tools::pool::PoolTrafficTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.currentRow(), -1);
    const QList<QPair<double, int>> cases {{5, 0}, {10, 1}, {50, 1}, {51, 2}, {200, 2}, {201, 3}};
    for (const auto &[rps, row] : cases) {
        model.setRequestsPerSecond(rps);
        QCOMPARE(model.currentRow(), row);
        for (int other = 0; other < model.rowCount(); ++other) {
            QCOMPARE(model.index(other, 0).data(Qt::DecorationRole).isValid(), other == row);
            QCOMPARE(model.index(other, 0).data(Qt::FontRole).value<QFont>().bold(), other == row);
            QVERIFY(!model.index(other, 0).data(Qt::CheckStateRole).isValid());
        }
    }
    QCOMPARE(model.index(3, ui::tools::pool::PoolTrafficTableModel::PoolSize).data().toInt(), 30);
    QCOMPARE(model.index(3, ui::tools::pool::PoolTrafficTableModel::PoolTimeout).data().toInt(), 60);
    QCOMPARE(model.index(0, ui::tools::pool::PoolTrafficTableModel::MaxOverflow).data().toInt(), 5);
}

void tst_PoolCalculatorPanel::screenshots()
{
    const QString folder = qEnvironmentVariableIsEmpty("PGDIAL_SCREENSHOT_DIR")
        ? QDir::tempPath()
        : qEnvironmentVariable("PGDIAL_SCREENSHOT_DIR");
    m_dock->setFloating(true);
    m_dock->resize(860, 1080);
    QTest::qWait(50);
    auto shoot = [&](const QString &name) {
        QTest::qWait(50);
        const QImage image = m_dock->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(folder + QLatin1Char('/') + name));
    };
    shoot(QStringLiteral("pool-calculator-in-budget.png"));
    input<QSpinBox>("poolInstances")->setValue(3);
    input<QSpinBox>("poolOtherClients")->setValue(90);
    QVERIFY(values(Segment::OverLimit).at(1) > 0);
    shoot(QStringLiteral("pool-calculator-over-budget.png"));

    // The chart follows a dark palette.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    dark.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    dark.setColor(QPalette::Midlight, QColor(0x44, 0x44, 0x44));
    dark.setColor(QPalette::Mid, QColor(0x70, 0x70, 0x70));
    dark.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    m_dock->setPalette(dark);
    QTRY_COMPARE(m_panel->chart()->chart()->theme(), QChart::ChartThemeDark);
    shoot(QStringLiteral("pool-calculator-dark.png"));
}

QTEST_MAIN(tst_PoolCalculatorPanel)
#include "tst_poolcalculatorpanel.moc"
