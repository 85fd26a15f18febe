#include "editors/sourceview.h"
#include "gui/guitesthelpers.h"
#include "mainwindow/editorarea.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/problemspanel.h"
#include "models/diagnosticsfiltermodel.h"
#include "models/diagnosticsmodel.h"
#include "models/projecttreemodel.h"
#include "project/project.h"
#include "support/testenvironment.h"
#include "support/testpaths.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace pgdial;

class tst_MainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensExampleProject();
    void treeListsEveryFile();
    void modelsPassTheTester();
    void problemsActivationOpensFile();
    void secretsAreMaskedInTheSourceView();
    void missingFolderReportsFailure();
};

void tst_MainWindow::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_MainWindow::opensExampleProject()
{
    ui::mainwindow::MainWindow window;
    window.show();
    QVERIFY(test::loadInto(window, test::exampleProject()));
    QVERIFY(window.project());
    QCOMPARE(window.project()->name(), QStringLiteral("api-forge"));
    QVERIFY(window.windowTitle().contains(QStringLiteral("api-forge")));
    // It starts on the server settings.
    QCOMPARE(window.editorArea()->currentPath(), QStringLiteral("infra/docker/prod/postgres/postgresql.conf"));
}

void tst_MainWindow::treeListsEveryFile()
{
    ui::mainwindow::MainWindow window;
    QVERIFY(test::loadInto(window, test::exampleProject()));
    auto *tree = window.findChild<QTreeView *>(QStringLiteral("projectTree"));
    QVERIFY(tree);
    QStringList listed;
    const QAbstractItemModel *model = tree->model();
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        for (int f = 0; f < model->rowCount(group); ++f)
            listed.append(model->index(f, 0, group).data(ui::models::ProjectTreeModel::RelativePathRole).toString());
    }
    listed.sort();
    const QStringList expected = {
        QStringLiteral(".env"),
        QStringLiteral(".env.example"),
        QStringLiteral("config.yaml"),
        QStringLiteral("docker-compose.dev.yml"),
        QStringLiteral("docker-compose.prod.yml"),
        QStringLiteral("infra/docker/prod/postgres/init-scripts/01-init-app.sh"),
        QStringLiteral("infra/docker/prod/postgres/pg_hba.conf"),
        QStringLiteral("infra/docker/prod/postgres/postgresql.conf"),
    };
    QCOMPARE(listed, expected);
}

void tst_MainWindow::modelsPassTheTester()
{
    ui::models::ProjectTreeModel tree;
    QAbstractItemModelTester treeTester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    core::base::Result<core::project::Project> project = core::project::Project::open(test::exampleProject());
    QVERIFY(project);
    tree.setProject(std::make_shared<core::project::Project>(std::move(project).value()));
    tree.setProblemCounts({{QStringLiteral("config.yaml"), {1, 2}}});
    tree.setProject(nullptr);

    ui::models::DiagnosticsModel diagnostics;
    QAbstractItemModelTester diagnosticsTester(&diagnostics, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ui::models::DiagnosticsFilterModel filter;
    filter.setSourceModel(&diagnostics);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    core::base::Diagnostics list;
    for (int i = 0; i < 5; ++i) {
        core::base::Diagnostic d;
        d.severity = static_cast<core::base::Severity>(i % 3);
        d.code = QStringLiteral("test.code-%1").arg(i);
        d.file = QStringLiteral("file%1.conf").arg(i % 2);
        d.line = i + 1;
        d.message = QStringLiteral("message %1").arg(i);
        list.append(d);
    }
    diagnostics.setDiagnostics(list);
    filter.setShowWarnings(false);
    QCOMPARE(filter.rowCount(), 3);
    filter.setFileFilter(QStringLiteral("file0.conf"));
    QCOMPARE(filter.rowCount(), 2);
    filter.setTextFilter(QStringLiteral("message 2"));
    QCOMPARE(filter.rowCount(), 1);
    filter.sort(ui::models::DiagnosticsModel::LineColumn);
    diagnostics.setDiagnostics({});
    QCOMPARE(filter.rowCount(), 0);
}

void tst_MainWindow::problemsActivationOpensFile()
{
    QTemporaryDir dir;
    QFile binary(dir.filePath("pg_hba.conf"));
    QVERIFY(binary.open(QIODevice::WriteOnly));
    binary.write(QByteArray("local all all peer\n\0", 20));
    binary.close();
    QFile conf(dir.filePath("postgresql.conf"));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("port = 5432\nssl = on\n");
    conf.close();

    ui::mainwindow::MainWindow window;
    window.show();
    QVERIFY(test::loadInto(window, dir.path()));
    auto *view = window.findChild<QTableView *>(QStringLiteral("problemsView"));
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, ui::models::DiagnosticsModel::CodeColumn).data().toString(),
             QStringLiteral("project.binary-file"));
    view->setCurrentIndex(view->model()->index(0, 0));
    Q_EMIT view->activated(view->model()->index(0, 0));
    QCOMPARE(window.editorArea()->currentPath(), QStringLiteral("pg_hba.conf"));

    // F8 walks the problems.
    window.showFile(QStringLiteral("postgresql.conf"));
    QCOMPARE(window.editorArea()->currentPath(), QStringLiteral("postgresql.conf"));
    QTest::keyClick(&window, Qt::Key_F8);
    QCOMPARE(window.editorArea()->currentPath(), QStringLiteral("pg_hba.conf"));
}

void tst_MainWindow::secretsAreMaskedInTheSourceView()
{
    ui::mainwindow::MainWindow window;
    QVERIFY(test::loadInto(window, test::exampleProject()));
    window.showFile(QStringLiteral(".env"));
    auto *view = window.editorArea()->currentWidget()->findChild<ui::editors::SourceView *>();
    QVERIFY(view);
    QVERIFY(!view->toPlainText().contains(QStringLiteral("devpass")));
    QVERIFY(view->toPlainText().contains(QStringLiteral("postgresql://appuser:")));
}

void tst_MainWindow::missingFolderReportsFailure()
{
    ui::mainwindow::MainWindow window;
    QSignalSpy loaded(&window, &ui::mainwindow::MainWindow::projectLoaded);
    // The failure is shown in a message box; close it as soon as it appears.
    auto closer = std::make_unique<QTimer>();
    closer->setInterval(20);
    QObject::connect(closer.get(), &QTimer::timeout, [] {
        if (QWidget *modal = QApplication::activeModalWidget())
            modal->close();
    });
    closer->start();
    window.openProject(QStringLiteral("/nonexistent/pgdial"));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().first().toBool(), false);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
