// The Problems panel: filters by severity and file, and double-click opening the right editor
// on the right row or field (the purpose-built pages' revealLine), or the Source page at the line.
#include "document/documentmanager.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "editors/app/appconfigeditor.h"
#include "editors/app/enveditor.h"
#include "editors/rawtexteditor.h"
#include "editors/sourceview.h"
#include "gui/exampleprojectwindow.h"
#include "gui/guitesthelpers.h"
#include "mainwindow/documentpage.h"
#include "mainwindow/editorarea.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/problemspanel.h"
#include "models/diagnosticsmodel.h"
#include "support/testenvironment.h"
#include "support/testpaths.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace pgdial;

class tst_ProblemsPanel final : public QObject, private test::ExampleProjectWindow
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void problemsPanelFilters();
    void problemsDoubleClickLandsOnTheRow();

private:
};

namespace {

const QString configPath = QStringLiteral("config.yaml");
const QString envPath = QStringLiteral(".env");

} // namespace

void tst_ProblemsPanel::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_ProblemsPanel::init()
{
    openExampleProject({1400, 900});
}

void tst_ProblemsPanel::cleanup()
{
    closeExampleProject();
}

void tst_ProblemsPanel::problemsPanelFilters()
{
    auto make = [](core::base::Severity severity, const QString &file, int line, const QString &code) {
        core::base::Diagnostic d;
        d.severity = severity;
        d.file = file;
        d.line = line;
        d.code = code;
        d.message = code;
        return d;
    };
    ui::mainwindow::ProblemsPanel *panel = m_window->problemsPanel();
    panel->setDiagnostics({make(core::base::Severity::Error, configPath, 23, QStringLiteral("t.error")),
                           make(core::base::Severity::Warning, envPath, 12, QStringLiteral("t.warning")),
                           make(core::base::Severity::Info, envPath, 7, QStringLiteral("t.info"))});
    QAbstractItemModel *rows = panel->view()->model();
    QCOMPARE(rows->rowCount(), 3);
    QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("problemsShowWarnings")), Qt::LeftButton);
    QCOMPARE(rows->rowCount(), 2);
    QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("problemsShowErrors")), Qt::LeftButton);
    QCOMPARE(rows->rowCount(), 1);
    QCOMPARE(rows->index(0, 0).data(ui::models::DiagnosticsModel::CodeRole).toString(), QStringLiteral("t.info"));
    QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("problemsShowWarnings")), Qt::LeftButton);
    QTest::mouseClick(panel->findChild<QToolButton *>(QStringLiteral("problemsShowErrors")), Qt::LeftButton);
    auto *files = panel->findChild<QComboBox *>(QStringLiteral("problemsFileFilter"));
    files->setCurrentIndex(files->findData(envPath));
    QCOMPARE(rows->rowCount(), 2);
    files->setCurrentIndex(files->findData(configPath));
    QCOMPARE(rows->rowCount(), 1);
    files->setCurrentIndex(0);
    QCOMPARE(rows->rowCount(), 3);
}

void tst_ProblemsPanel::problemsDoubleClickLandsOnTheRow()
{
    core::base::Diagnostic onEnv;
    onEnv.severity = core::base::Severity::Warning;
    onEnv.file = envPath;
    onEnv.line = 12;
    onEnv.code = QStringLiteral("t.env");
    onEnv.message = QStringLiteral("about APP_DB_USER");
    core::base::Diagnostic onConfig = onEnv;
    onConfig.file = configPath;
    onConfig.line = 23;
    onConfig.code = QStringLiteral("t.config");
    ui::mainwindow::ProblemsPanel *panel = m_window->problemsPanel();
    panel->setDiagnostics({onEnv, onConfig});
    QTableView *view = panel->view();
    auto doubleClick = [&](const QString &code) {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            if (index.data(ui::models::DiagnosticsModel::CodeRole).toString() != code)
                continue;
            const QPoint at = view->visualRect(index).center();
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
            QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
            return true;
        }
        return false;
    };
    QVERIFY(doubleClick(QStringLiteral("t.env")));
    QCOMPARE(m_window->editorArea()->currentPath(), envPath);
    auto *env
        = qobject_cast<ui::editors::app::EnvEditor *>(m_window->editorArea()->editorFor(envPath)->currentWidget());
    QVERIFY(env);
    QCOMPARE(env->currentKey(), QStringLiteral("APP_DB_USER"));

    QVERIFY(doubleClick(QStringLiteral("t.config")));
    QCOMPARE(m_window->editorArea()->currentPath(), configPath);
    auto *form = qobject_cast<ui::editors::app::AppConfigEditor *>(
        m_window->editorArea()->editorFor(configPath)->currentWidget());
    QVERIFY(form);
    QCOMPARE(form->currentKey(), QStringLiteral("pool_size"));
    QCOMPARE(QApplication::focusWidget(), form->input(QStringLiteral("pool_size")));

    // A line the form does not show (the temporal: section) opens the Source page at that line.
    m_window->context()->requestShow(configPath, 38);
    ui::mainwindow::DocumentPage *page = m_window->editorArea()->editorFor(configPath);
    QCOMPARE(page->currentWidget(), page->sourceEditor());
    QCOMPARE(page->sourceEditor()->sourceView()->textCursor().blockNumber(), 37);
}

QTEST_MAIN(tst_ProblemsPanel)
#include "tst_problemspanel.moc"
