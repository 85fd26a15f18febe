// Tools > Environments: the example project's dev and prod side by side, differences marked,
// URLs masked, a double-click opens the file a fact is written in; follows edits; a screenshot.
#include "document/documentmanager.h"
#include "document/projectdocument.h"
#include "gui/exampleprojectwindow.h"
#include "gui/guitesthelpers.h"
#include "mainwindow/editorarea.h"
#include "mainwindow/mainwindow.h"
#include "support/testenvironment.h"
#include "tools/environments/environmentsmodel.h"
#include "tools/environments/environmentsview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace pgdial;
using ui::tools::environments::EnvironmentsModel;

class tst_EnvironmentsView final : public QObject, private test::ExampleProjectWindow
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void dockAndShortcut();
    void columnsAndFacts();
    void onlyDifferences();
    void doubleClickOpensTheSource();
    void followsEdits();
    void portConflictIsMarked();
    void screenshot();

private:
    QDockWidget *m_dock = nullptr;
    ui::tools::environments::EnvironmentsView *m_view = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    EnvironmentsModel *model() const { return m_view->model(); }
    QString cell(int row, int column) const { return model()->index(row, column).data().toString(); }
    int settingRow(const QString &name) const
    {
        for (int row = EnvironmentsModel::FactCount; row < model()->rowCount(); ++row)
            if (model()->headerData(row, Qt::Vertical).toString() == name + QStringLiteral(" ≠"))
                return row;
        return -1;
    }
    void showAndWait()
    {
        QSignalSpy refreshed(m_view, &ui::tools::environments::EnvironmentsView::refreshed);
        m_dock->show();
        m_dock->raise();
        QVERIFY(refreshed.wait(10000));
        QTRY_VERIFY(!m_view->isBusy());
    }
};

void tst_EnvironmentsView::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_EnvironmentsView::init()
{
    openExampleProject(QSize(1400, 900));
    m_dock = m_window->findChild<QDockWidget *>(QStringLiteral("environmentsDock"));
    QVERIFY(m_dock);
    m_view = m_dock->findChild<ui::tools::environments::EnvironmentsView *>();
    QVERIFY(m_view);
    m_tester
        = std::make_unique<QAbstractItemModelTester>(model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    showAndWait();
}

void tst_EnvironmentsView::cleanup()
{
    m_tester.reset();
    closeExampleProject();
}

void tst_EnvironmentsView::dockAndShortcut()
{
    m_dock->hide();
    QCOMPARE(m_dock->toggleViewAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QVERIFY(m_window->findChild<QMenu *>(QStringLiteral("menuTools"))->actions().contains(m_dock->toggleViewAction()));
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(m_dock->isVisible());
    QCOMPARE(m_dock->windowTitle(), QStringLiteral("Environments"));
    const QStringList clashes = test::clashingMnemonics(m_view, m_window->menuBar());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void tst_EnvironmentsView::columnsAndFacts()
{
    QCOMPARE(model()->columnCount(), 2);
    QCOMPARE(model()->rowCount(), int(EnvironmentsModel::FactCount) + model()->settingRows());
    QCOMPARE(model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("dev"));
    // The project is judged as production: its column says so.
    QCOMPARE(model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("prod (target)"));

    QCOMPARE(cell(EnvironmentsModel::Version, 0), QStringLiteral("16"));
    QCOMPARE(cell(EnvironmentsModel::Version, 1), QStringLiteral("16"));
    QVERIFY(!model()->index(EnvironmentsModel::Version, 0).data(EnvironmentsModel::DiffersRole).toBool());
    QCOMPARE(cell(EnvironmentsModel::PublishedPorts, 0), QStringLiteral("5433:5432"));
    QCOMPARE(cell(EnvironmentsModel::PublishedPorts, 1), QStringLiteral("127.0.0.1:5432:5432"));
    QVERIFY(model()->index(EnvironmentsModel::PublishedPorts, 0).data(EnvironmentsModel::DiffersRole).toBool());
    QVERIFY(model()->index(EnvironmentsModel::PublishedPorts, 1).data(Qt::BackgroundRole).isValid());
    QVERIFY(model()->headerData(EnvironmentsModel::PublishedPorts, Qt::Vertical).toString().endsWith(u"≠"));
    QCOMPARE(cell(EnvironmentsModel::HostPort, 0), QStringLiteral("localhost:5433"));
    QCOMPARE(cell(EnvironmentsModel::HostPort, 1), QStringLiteral("postgres:5432"));
    QVERIFY(!model()->index(EnvironmentsModel::HostPort, 0).data(EnvironmentsModel::ConflictRole).toBool());
    QVERIFY(!model()->index(EnvironmentsModel::HostPort, 1).data(EnvironmentsModel::ConflictRole).toBool());
    QCOMPARE(cell(EnvironmentsModel::ServerConf, 1), QStringLiteral("infra/docker/prod/postgres/postgresql.conf"));
    QCOMPARE(cell(EnvironmentsModel::CommandLine, 1), QStringLiteral("config_file=/etc/postgresql/postgresql.conf"));
    QCOMPARE(cell(EnvironmentsModel::InitdbArgs, 1), QStringLiteral("--auth-host=scram-sha-256 --data-checksums"));
    QVERIFY(cell(EnvironmentsModel::Passwords, 1).contains(QStringLiteral("postgres_password: secret_file")));
    QVERIFY(cell(EnvironmentsModel::Passwords, 0).contains(QStringLiteral("POSTGRES_PASSWORD: literal")));
    // URLs are masked everywhere, tooltips included.
    for (int column = 0; column < 2; ++column) {
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
            const QString text = model()->index(EnvironmentsModel::Urls, column).data(role).toString();
            QVERIFY2(text.contains(QStringLiteral("••••••")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("devpass")), qPrintable(text));
        }
    }
    // The settings diff: dev runs the image's built-in configuration, prod its own file and a -c flag.
    const int ssl = settingRow(QStringLiteral("ssl"));
    QVERIFY(ssl >= 0);
    QCOMPARE(cell(ssl, 0), QStringLiteral("(default)"));
    QCOMPARE(cell(ssl, 1), QStringLiteral("on"));
    QCOMPARE(model()->index(ssl, 1).data(EnvironmentsModel::SourceFileRole).toString(),
             QStringLiteral("infra/docker/prod/postgres/postgresql.conf"));
    const int configFile = settingRow(QStringLiteral("config_file"));
    QVERIFY(configFile >= 0);
    QCOMPARE(cell(configFile, 1), QStringLiteral("/etc/postgresql/postgresql.conf"));
    QCOMPARE(model()->index(configFile, 1).data(EnvironmentsModel::SourceFileRole).toString(),
             QStringLiteral("docker-compose.prod.yml"));
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("environmentsSummary"))
                ->text()
                .startsWith(QStringLiteral("2 environment(s): dev, prod.")));
}

void tst_EnvironmentsView::onlyDifferences()
{
    auto *table = m_view->findChild<QTableView *>(QStringLiteral("environmentsTable"));
    auto *only = m_view->findChild<QCheckBox *>(QStringLiteral("environmentsOnlyDifferences"));
    QVERIFY(table && only);
    only->setChecked(true);
    QVERIFY(table->isRowHidden(EnvironmentsModel::Version));
    QVERIFY(!table->isRowHidden(EnvironmentsModel::PublishedPorts));
    int shown = 0;
    for (int row = 0; row < model()->rowCount(); ++row)
        shown += !table->isRowHidden(row);
    QCOMPARE(shown, model()->differingRows());
    only->setChecked(false);
    QVERIFY(!table->isRowHidden(EnvironmentsModel::Version));
}

void tst_EnvironmentsView::doubleClickOpensTheSource()
{
    auto *table = m_view->findChild<QTableView *>(QStringLiteral("environmentsTable"));
    const QModelIndex ports = model()->index(EnvironmentsModel::PublishedPorts, 1);
    QCOMPARE(ports.data(EnvironmentsModel::SourceFileRole).toString(), QStringLiteral("docker-compose.prod.yml"));
    QVERIFY(ports.data(EnvironmentsModel::SourceLineRole).toInt() > 0);
    emit table->doubleClicked(ports);
    QTRY_COMPARE(m_window->findChild<ui::mainwindow::EditorArea *>()->currentDocument()->relativePath(),
                 QStringLiteral("docker-compose.prod.yml"));
}

void tst_EnvironmentsView::followsEdits()
{
    // The dev image moves to 15: the version row now differs.
    ui::document::ProjectDocument *compose = m_window->documents()->document(QStringLiteral("docker-compose.dev.yml"));
    QVERIFY(compose);
    const QByteArray line = compose->text()->line(4);
    QVERIFY2(line.contains("postgres:16-alpine"), line.constData());
    QByteArray changed = line;
    changed.replace("16-alpine", "15-alpine");
    QSignalSpy refreshed(m_view, &ui::tools::environments::EnvironmentsView::refreshed);
    QVERIFY(compose->applyEdits({core::base::LineEdit {4, 1, {changed}, {}}}, QStringLiteral("Image 15")));
    QVERIFY(refreshed.wait(10000));
    QTRY_COMPARE(cell(EnvironmentsModel::Version, 0), QStringLiteral("15"));
    QVERIFY(model()->index(EnvironmentsModel::Version, 0).data(EnvironmentsModel::DiffersRole).toBool());
}

void tst_EnvironmentsView::portConflictIsMarked()
{
    // dev's URL says localhost:5433; publishing 5434 instead leaves the app knocking on a closed port.
    ui::document::ProjectDocument *compose = m_window->documents()->document(QStringLiteral("docker-compose.dev.yml"));
    int portLine = -1;
    for (int i = 0; i < compose->text()->lineCount(); ++i)
        if (compose->text()->line(i).contains("5433:5432"))
            portLine = i;
    QVERIFY(portLine >= 0);
    QByteArray changed = compose->text()->line(portLine);
    changed.replace("5433:5432", "5434:5432");
    QSignalSpy refreshed(m_view, &ui::tools::environments::EnvironmentsView::refreshed);
    QVERIFY(compose->applyEdits({core::base::LineEdit {portLine, 1, {changed}, {}}}, QStringLiteral("Port")));
    QVERIFY(refreshed.wait(10000));
    QTRY_VERIFY(model()->index(EnvironmentsModel::HostPort, 0).data(EnvironmentsModel::ConflictRole).toBool());
    QVERIFY(model()
                ->index(EnvironmentsModel::HostPort, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("published on 5434, not on localhost:5433")));
}

void tst_EnvironmentsView::screenshot()
{
    m_dock->setFloating(true);
    m_dock->resize(900, 760);
    QTest::qWait(50);
    const QImage image = m_dock->grab().toImage();
    m_dock->setFloating(false);
    QVERIFY(!image.isNull());
    const QString dir = qEnvironmentVariableIsEmpty("PGDIAL_SCREENSHOT_DIR")
        ? m_dir->path()
        : qEnvironmentVariable("PGDIAL_SCREENSHOT_DIR");
    QVERIFY(image.save(dir + QStringLiteral("/environments.png")));
}

QTEST_MAIN(tst_EnvironmentsView)
#include "tst_environmentsview.moc"
