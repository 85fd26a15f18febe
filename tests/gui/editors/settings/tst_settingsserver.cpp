// The settings editor's Server column against a real server the test starts: the connection
// the user gives (Project > Server Connection…, the password kept in memory only), read off the
// UI thread, each drift state shown with the live value, the "Drift" filter, and a screenshot.
#include "document/documentmanager.h"
#include "document/liveserver.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "editors/settings/settingseditor.h"
#include "editors/settings/settingsfiltermodel.h"
#include "editors/settings/settingsmodel.h"
#include "gui/guitesthelpers.h"
#include "mainwindow/documentpage.h"
#include "mainwindow/editorarea.h"
#include "mainwindow/mainwindow.h"
#include "preferences/serverconnectiondialog.h"
#include "support/pgtestserver.h"
#include "support/testenvironment.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <thread>

using namespace pgdial;
using ui::editors::settings::SettingsModel;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

class tst_SettingsServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passwordJoinsInMemoryOnly();
    void serverColumnAndDriftFilter();
    void unreachableServerSaysSo();

private:
    std::unique_ptr<test::PgTestServer> m_server;
    QTemporaryDir m_folder;
    std::unique_ptr<ui::mainwindow::MainWindow> m_window;

    ui::editors::settings::SettingsEditor *editor() const
    {
        ui::mainwindow::DocumentPage *page = m_window->editorArea()->editorFor(QStringLiteral("postgresql.conf"));
        return page
            ? qobject_cast<ui::editors::settings::SettingsEditor *>(page->page(QStringLiteral("settingsEditor")))
            : nullptr;
    }
};

void tst_SettingsServer::initTestCase()
{
    test::isolateTestEnvironment();
    if (test::PgInstallation::available().isEmpty())
        QSKIP("no PostgreSQL server installed");
    m_server = std::make_unique<test::PgTestServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    // The project: the server's files, with two values of its own; the server: one of its own.
    QVERIFY(writeAll(m_folder.filePath("postgresql.conf"),
                     readAll(m_server->dataDir() + "/postgresql.conf") + "work_mem = 64MB\nmax_wal_size = 2GB\n"));
    QVERIFY(writeAll(m_folder.filePath("pg_hba.conf"), readAll(m_server->dataDir() + "/pg_hba.conf")));
    QVERIFY(m_server->appendConfig("log_min_duration_statement = 250\n"));
    QVERIFY(m_server->execute("alter system set maintenance_work_mem = '128MB'"));
    QVERIFY(m_server->reload());
    QElapsedTimer timer;
    timer.start();
    while (m_server->query("select current_setting('maintenance_work_mem')").rows.value(0).value(0) != "128MB"
           && timer.elapsed() < 15000)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

void tst_SettingsServer::passwordJoinsInMemoryOnly()
{
    using ui::preferences::ServerConnectionDialog;
    QCOMPARE(ServerConnectionDialog::withPassword("host=a user=b", "it's"),
             QStringLiteral("host=a user=b password='it\\'s'"));
    QCOMPARE(ServerConnectionDialog::withPassword("postgresql://b@a/db", "p@ss"),
             QStringLiteral("postgresql://b@a/db?password=p%40ss"));
    QCOMPARE(ServerConnectionDialog::withPassword("postgresql://a/db?sslmode=require", "x"),
             QStringLiteral("postgresql://a/db?sslmode=require&password=x"));
    QCOMPARE(ServerConnectionDialog::withPassword("host=a", ""), QStringLiteral("host=a"));
    // A masked connection string is not offered back as the text to reuse.
    ServerConnectionDialog masked(QStringLiteral("host=a password=\u2022\u2022\u2022\u2022\u2022\u2022"));
    QVERIFY(masked.findChild<QLineEdit *>("serverConninfo")->text().isEmpty());
    QCOMPARE(masked.findChild<QLineEdit *>("serverPassword")->echoMode(), QLineEdit::Password);
}

void tst_SettingsServer::serverColumnAndDriftFilter()
{
    m_window = std::make_unique<ui::mainwindow::MainWindow>();
    m_window->resize(1400, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(test::loadInto(*m_window, m_folder.path()));
    m_window->showFile(QStringLiteral("postgresql.conf"));
    QVERIFY(editor());
    QTreeView *view = editor()->view();
    QAbstractItemModelTester tester(editor()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QToolButton *drift = editor()->findChild<QToolButton *>("settingsOnlyDrift");
    QVERIFY(drift);
    // No server yet: no column, no toggle.
    QVERIFY(view->isColumnHidden(SettingsModel::ServerColumn));
    QVERIFY(!drift->isVisible());

    ui::document::LiveServer *server = m_window->context()->liveServer();
    QSignalSpy report(server, &ui::document::LiveServer::reportChanged);
    const QString secret = QStringLiteral("SeCrEt-gui-55");
    server->connectTo(ui::preferences::ServerConnectionDialog::withPassword(m_server->conninfo(), secret));
    // The read runs on a worker: the UI thread is free while it waits for the server.
    QCOMPARE(server->state(), ui::document::LiveServer::State::Reading);
    QVERIFY(report.wait(30000));
    QVERIFY2(server->state() == ui::document::LiveServer::State::Ready, qPrintable(server->error()));
    QVERIFY(!server->maskedConninfo().contains(secret));

    QVERIFY(!view->isColumnHidden(SettingsModel::ServerColumn));
    QVERIFY(drift->isVisible());
    const SettingsModel *model = editor()->model();
    const auto cell = [&](const char *name) {
        return model->indexOf(QString::fromLatin1(name)).siblingAtColumn(SettingsModel::ServerColumn);
    };
    const auto state = [&](const char *name) { return cell(name).data(SettingsModel::DriftStateRole).toInt(); };
    QCOMPARE(state("work_mem"), int(core::live::DriftState::FileOnly));
    QVERIFY(cell("work_mem").data().toString().startsWith("4MB"));
    QCOMPARE(state("max_wal_size"), int(core::live::DriftState::Differs));
    QCOMPARE(state("log_min_duration_statement"), int(core::live::DriftState::LiveOnly));
    QCOMPARE(state("maintenance_work_mem"), int(core::live::DriftState::AutoConfOverride));
    QVERIFY(cell("maintenance_work_mem").data(Qt::ToolTipRole).toString().contains("postgresql.auto.conf"));
    QCOMPARE(state("shared_buffers"), int(core::live::DriftState::Same));
    QCOMPARE(cell("shared_buffers").data().toString(), QStringLiteral("128MB"));
    QCOMPARE(state("geqo_threshold"), -1);

    // The drift filter leaves exactly the drifting parameters.
    drift->setChecked(true);
    QStringList shown;
    const QAbstractItemModel *filtered = view->model();
    for (int category = 0; category < filtered->rowCount(); ++category) {
        const QModelIndex parent = filtered->index(category, 0);
        for (int row = 0; row < filtered->rowCount(parent); ++row)
            shown << filtered->index(row, 0, parent).data(SettingsModel::NameRole).toString();
    }
    shown.sort();
    QVERIFY2(shown.contains("work_mem") && shown.contains("max_wal_size")
                 && shown.contains("log_min_duration_statement") && shown.contains("maintenance_work_mem")
                 && !shown.contains("shared_buffers"),
             qPrintable(shown.join(", ")));

    QTest::qWait(50);
    const QString folder = qEnvironmentVariableIsEmpty("PGDIAL_SCREENSHOT_DIR")
        ? QDir::tempPath()
        : qEnvironmentVariable("PGDIAL_SCREENSHOT_DIR");
    QVERIFY(m_window->grab().save(folder + "/settings-server-drift.png"));
    drift->setChecked(false);
    QVERIFY(editor()->selectParameter("work_mem"));
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(folder + "/settings-server-column.png"));

    // Nothing of the connection reaches the settings.
    QSettings settings;
    for (const QString &key : settings.allKeys())
        QVERIFY2(!settings.value(key).toString().contains(secret), qPrintable(key));

    // Disconnecting hides the column again.
    server->disconnectServer();
    QVERIFY(view->isColumnHidden(SettingsModel::ServerColumn));
    QCOMPARE(state("work_mem"), -1);
}

void tst_SettingsServer::unreachableServerSaysSo()
{
    QVERIFY(m_window);
    ui::document::LiveServer *server = m_window->context()->liveServer();
    QSignalSpy report(server, &ui::document::LiveServer::reportChanged);
    server->connectTo(QStringLiteral("host=127.0.0.1 port=%1 user=postgres password=hidden-77 connect_timeout=5")
                          .arg(test::PgTestServer::freePort()));
    QVERIFY(report.wait(30000));
    QCOMPARE(server->state(), ui::document::LiveServer::State::Failed);
    QVERIFY(!server->error().isEmpty() && !server->error().contains("hidden-77"));
    QVERIFY(editor()->message().contains(server->error()));
    for (ui::document::ProjectDocument *document : m_window->documents()->documents())
        document->undoStack()->setClean();
    m_window.reset();
}

QTEST_MAIN(tst_SettingsServer)
#include "tst_settingsserver.moc"
