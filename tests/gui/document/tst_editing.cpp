// The editing framework through the main window: type in the raw editor, undo, redo, save
// through the diff preview, external changes, unsaved changes on close, project settings.
#include "document/documentmanager.h"
#include "document/projectclients.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "editors/sourceview.h"
#include "environments/environmentdetector.h"
#include "gui/exampleprojectwindow.h"
#include "gui/guitesthelpers.h"
#include "mainwindow/documentpage.h"
#include "mainwindow/editorarea.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/problemspanel.h"
#include "models/diagnosticsmodel.h"
#include "models/projecttreemodel.h"
#include "preferences/preferencesdialog.h"
#include "preferences/projectsettingsdialog.h"
#include "preferences/projectsettingsstore.h"
#include "project/project.h"
#include "support/testenvironment.h"
#include "support/testpaths.h"
#include "widgets/diffpreviewdialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>
#include <QUndoStack>

#include <sys/stat.h>

using namespace pgdial;

class tst_Editing final : public QObject, private test::ExampleProjectWindow
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void typeUndoRedoSave();
    void readOnlyFileAsksBeforeSaving();
    void checksRunAgainAfterAnEdit();
    void externalChangeAsksAndReloads();
    void externalChangeKeepMine();
    void unsavedChangesAskOnClose();
    void savePreviewHidesSecrets();
    void projectSettingsAreStoredOutsideTheProject();
    void keyboard();
    void applyFixFromProblemsPanel();
    void treeModelUnderTester();
    void screenshotWithPendingEdit();
    void dialogScreenshots();

private:
    static constexpr const char *confRelative = "infra/docker/prod/postgres/postgresql.conf";
    QString confPath() const { return m_dir->filePath(QString::fromLatin1(confRelative)); }
    ui::editors::SourceView *currentView() const
    {
        QWidget *page = m_window->editorArea()->currentWidget();
        return page ? page->findChild<ui::editors::SourceView *>() : nullptr;
    }
    ui::document::ProjectDocument *conf() const
    {
        return m_window->documents()->document(QString::fromLatin1(confRelative));
    }
    void typeTheEdit();
};

namespace {

QByteArray expectedConf()
{
    return test::readBytes(test::testDataDir() + QStringLiteral("/editing/postgresql.conf.expected"));
}

} // namespace

void tst_Editing::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_Editing::init()
{
    openExampleProject();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_window->editorArea()->currentPath(), QString::fromLatin1(confRelative));
    // These tests are about the raw editor; the Settings table is the page a conf file opens on.
    ui::mainwindow::DocumentPage *page = m_window->editorArea()->editorFor(QString::fromLatin1(confRelative));
    QVERIFY(page);
    page->showSource();
}

void tst_Editing::cleanup()
{
    closeExampleProject();
}

// max_connections = 100 -> 200, and a new line "work_mem = 8MB" after it, typed key by key.
void tst_Editing::typeTheEdit()
{
    ui::editors::SourceView *view = currentView();
    QVERIFY(view);
    QVERIFY(!view->isReadOnly());
    view->setFocus();
    QTextCursor cursor(view->document()->findBlockByNumber(73));
    QVERIFY(cursor.block().text().startsWith(QStringLiteral("max_connections = 100")));
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, 18);
    view->setTextCursor(cursor);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClicks(view, "200");
    QTest::keyClick(view, Qt::Key_End);
    QTest::keyClick(view, Qt::Key_Return);
    QTest::keyClicks(view, "work_mem = 8MB");
}

void tst_Editing::typeUndoRedoSave()
{
    QVERIFY(::chmod(QFile::encodeName(confPath()).constData(), 0640) == 0);
    const QByteArray original = test::readBytes(confPath());
    typeTheEdit();
    ui::document::ProjectDocument *document = conf();
    QCOMPARE(document->bytes(), expectedConf());
    QVERIFY(document->isModified());
    QVERIFY(m_window->editorArea()->tabText(m_window->editorArea()->currentIndex()).endsWith(QStringLiteral("\u2022")));
    QVERIFY(m_window->projectTreeModel()
                ->indexForPath(QString::fromLatin1(confRelative))
                .data(ui::models::ProjectTreeModel::ModifiedRole)
                .toBool());
    QVERIFY(m_window->isWindowModified());

    // Ctrl+Z takes the whole typing burst back; Ctrl+Shift+Z brings it again.
    ui::editors::SourceView *view = currentView();
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(document->bytes(), original);
    QVERIFY(!document->isModified());
    QCOMPARE(view->document()->findBlockByNumber(73).text().left(21), QStringLiteral("max_connections = 100"));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(document->bytes(), expectedConf());
    QCOMPARE(view->document()->findBlockByNumber(74).text(), QStringLiteral("work_mem = 8MB"));

    // Ctrl+S shows the diff preview; accepting it writes the file (and a .bak of the old one).
    test::DialogAnswerer accept(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffSaveButton"));
    QTest::keyClick(view, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(accept.answered, 1);
    QCOMPARE(test::readBytes(confPath()), expectedConf());
    QCOMPARE(test::readBytes(confPath() + QStringLiteral(".bak")), original);
    struct stat saved
    {
    };
    QVERIFY(::stat(QFile::encodeName(confPath()).constData(), &saved) == 0);
    QCOMPARE(saved.st_mode & 07777, 0640u);
    QVERIFY(!document->isModified());
    QVERIFY(
        !m_window->editorArea()->tabText(m_window->editorArea()->currentIndex()).endsWith(QStringLiteral("\u2022")));

    // Cancelling the preview writes nothing. (The offscreen platform does not give the window
    // back its activation after a dialog; a window manager does.)
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClicks(view, "#");
    QVERIFY(document->isModified());
    test::DialogAnswerer cancel(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffCancelButton"));
    QTest::keyClick(view, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(cancel.answered, 1);
    QCOMPARE(test::readBytes(confPath()), expectedConf());
    QVERIFY(document->isModified());
}

// Issue 16 item 3: a file read-only for its owner (0444) is replaced only when the user agrees.
void tst_Editing::readOnlyFileAsksBeforeSaving()
{
    QVERIFY(::chmod(QFile::encodeName(confPath()).constData(), 0444) == 0);
    const QByteArray original = test::readBytes(confPath());
    typeTheEdit();
    ui::document::ProjectDocument *document = conf();
    QAction *save = m_window->findChild<QAction *>(QStringLiteral("actionSave"));
    QVERIFY(save);
    {
        test::DialogAnswerer preview(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffSaveButton"));
        test::DialogAnswerer refuse(QStringLiteral("readOnlySavePrompt"), QStringLiteral("readOnlyCancelButton"));
        save->trigger();
        QCOMPARE(preview.answered, 1);
        QCOMPARE(refuse.answered, 1);
    }
    QCOMPARE(test::readBytes(confPath()), original);
    QVERIFY(document->isModified());
    {
        test::DialogAnswerer preview(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffSaveButton"));
        test::DialogAnswerer replace(QStringLiteral("readOnlySavePrompt"), QStringLiteral("readOnlyReplaceButton"));
        save->trigger();
        QCOMPARE(preview.answered, 1);
        QCOMPARE(replace.answered, 1);
    }
    QCOMPARE(test::readBytes(confPath()), expectedConf());
    QVERIFY(!document->isModified());
    struct stat saved
    {
    };
    QVERIFY(::stat(QFile::encodeName(confPath()).constData(), &saved) == 0);
    QCOMPARE(saved.st_mode & 07777, 0444u);
}

void tst_Editing::checksRunAgainAfterAnEdit()
{
    QSignalSpy updated(m_window.get(), &ui::mainwindow::MainWindow::diagnosticsUpdated);
    typeTheEdit();
    QVERIFY(updated.wait(5000));
    // Debounced: a whole burst of typing gives one re-check.
    QVERIFY(!updated.wait(400));
    QCOMPARE(updated.count(), 1);
}

void tst_Editing::externalChangeAsksAndReloads()
{
    typeTheEdit();
    test::DialogAnswerer reload(QStringLiteral("externalChangePrompt"), QStringLiteral("externalReloadButton"));
    QFile file(confPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("port = 6543\n");
    file.close();
    QTRY_COMPARE_WITH_TIMEOUT(reload.answered, 1, 10000);
    QCOMPARE(conf()->bytes(), QByteArray("port = 6543\n"));
    QVERIFY(!conf()->isModified());
    QCOMPARE(currentView()->toPlainText(), QStringLiteral("port = 6543"));
}

void tst_Editing::externalChangeKeepMine()
{
    typeTheEdit();
    test::DialogAnswerer keep(QStringLiteral("externalChangePrompt"), QStringLiteral("externalKeepButton"));
    QFile file(confPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("port = 6543\n");
    file.close();
    QTRY_COMPARE_WITH_TIMEOUT(keep.answered, 1, 10000);
    QCOMPARE(conf()->bytes(), expectedConf());
    QVERIFY(conf()->isModified());
    // The save preview now compares with what is on disk.
    QCOMPARE(conf()->savedBytes(), QByteArray("port = 6543\n"));
}

void tst_Editing::unsavedChangesAskOnClose()
{
    typeTheEdit();
    {
        test::DialogAnswerer cancel(QStringLiteral("unsavedChangesPrompt"), QStringLiteral("unsavedCancelButton"));
        QVERIFY(!m_window->close());
        QCOMPARE(cancel.answered, 1);
        QVERIFY(m_window->isVisible());
    }
    {
        test::DialogAnswerer discard(QStringLiteral("unsavedChangesPrompt"), QStringLiteral("unsavedDiscardButton"));
        QVERIFY(m_window->close());
        QCOMPARE(discard.answered, 1);
    }
    const QByteArray onDisk = test::readBytes(confPath());
    QVERIFY(onDisk != expectedConf());
}

void tst_Editing::savePreviewHidesSecrets()
{
    const QByteArray before = "DATABASE_URL=postgresql://app:oldpass@db/app\nAPP_DB_PASSWORD=hunter2\n";
    const QByteArray after = "DATABASE_URL=postgresql://app:newpass@db/app\nAPP_DB_PASSWORD=hunter3\n";
    const QString masked = ui::widgets::DiffPreviewDialog::renderDiff({{QStringLiteral(".env"), before, after, false}});
    QVERIFY(masked.contains(QStringLiteral("-DATABASE_URL=postgresql://app:")));
    QVERIFY(masked.contains(QStringLiteral("(secret changed)")));
    for (const char *secret : {"oldpass", "newpass", "hunter2", "hunter3"})
        QVERIFY2(!masked.contains(QLatin1String(secret)), secret);
    const QString revealed
        = ui::widgets::DiffPreviewDialog::renderDiff({{QStringLiteral(".env"), before, after, true}});
    QVERIFY(revealed.contains(QStringLiteral("+APP_DB_PASSWORD=hunter3")));
}

void tst_Editing::projectSettingsAreStoredOutsideTheProject()
{
    auto *label = m_window->findChild<QLabel *>(QStringLiteral("targetVersionLabel"));
    QVERIFY(label);
    // Unless the user chooses, the production environment's image names the version.
    QCOMPARE(label->text(), QStringLiteral("PostgreSQL 16 (docker-compose.prod.yml:5)"));
    QVERIFY(label->toolTip().contains(QStringLiteral("prod environment")));
    QVERIFY(!m_window->project()->settings.pgVersionFromUser);

    core::project::ProjectSettings settings = m_window->project()->settings;
    ui::preferences::ProjectSettingsDialog dialog(settings);
    auto *version = dialog.findChild<QComboBox *>(QStringLiteral("projectPgVersion"));
    QVERIFY(version);
    QCOMPARE(version->currentIndex(), 0);
    QCOMPARE(version->currentText(), QStringLiteral("From the environment: PostgreSQL 16 (docker-compose.prod.yml:5)"));
    QVERIFY(!dialog.settings().pgVersionFromUser);
    version->setCurrentIndex(version->findData(15));
    QCOMPARE(dialog.settings().pgVersion, 15);
    QVERIFY(dialog.settings().pgVersionFromUser);
    QVERIFY(!dialog.settings().ramBytes);

    QSignalSpy updated(m_window.get(), &ui::mainwindow::MainWindow::diagnosticsUpdated);
    m_window->setProjectSettings(dialog.settings());
    QCOMPARE(label->text(), QStringLiteral("PostgreSQL 15 (project settings)"));
    QVERIFY(updated.wait(5000));
    QCOMPARE(ui::preferences::ProjectSettingsStore::load(m_dir->path()).pgVersion, 15);
    QVERIFY(ui::preferences::ProjectSettingsStore::load(m_dir->path()).pgVersionFromUser);
    QVERIFY(!ui::preferences::ProjectSettingsStore::load(m_dir->path()).serverBuildFeatures);
    QVERIFY(!ui::preferences::ProjectSettingsStore::load(m_dir->path()).serverOnThisMachine);

    // The server facts: the feature boxes follow "I know the build"; an empty build survives.
    auto *known = dialog.findChild<QCheckBox *>(QStringLiteral("projectBuildKnown"));
    auto *lz4 = dialog.findChild<QCheckBox *>(QStringLiteral("projectBuildFeature_lz4"));
    auto *local = dialog.findChild<QCheckBox *>(QStringLiteral("projectLocalServer"));
    QVERIFY(known && lz4 && local);
    QVERIFY(!known->isChecked());
    QVERIFY(!lz4->isEnabled());
    QVERIFY(!known->toolTip().isEmpty() && !local->toolTip().isEmpty());
    known->setChecked(true);
    QVERIFY(lz4->isEnabled());
    QCOMPARE(dialog.settings().serverBuildFeatures, QSet<QString> {});
    lz4->setChecked(true);
    local->setChecked(true);
    QCOMPARE(dialog.settings().serverBuildFeatures, QSet<QString> {QStringLiteral("lz4")});
    m_window->setProjectSettings(dialog.settings());
    {
        const core::project::ProjectSettings stored = ui::preferences::ProjectSettingsStore::load(m_dir->path());
        QCOMPARE(stored.serverBuildFeatures, QSet<QString> {QStringLiteral("lz4")});
        QVERIFY(stored.serverOnThisMachine);
    }
    // Clients added by hand: NAME = COUNT lines, kept across a reopen, counted in the one client
    // list every tool reads (a detected client's name corrects its count).
    auto *manual = dialog.findChild<QPlainTextEdit *>(QStringLiteral("projectManualClients"));
    QVERIFY(manual);
    manual->setPlainText(QStringLiteral("cron jobs = 4\nnot a client\nTemporal: 60\n"));
    QCOMPARE(dialog.settings().manualClients,
             (QList<core::project::ManualClient> {{QStringLiteral("cron jobs"), 4}, {QStringLiteral("Temporal"), 60}}));
    m_window->setProjectSettings(dialog.settings());
    QCOMPARE(ui::preferences::ProjectSettingsStore::load(m_dir->path()).manualClients, dialog.settings().manualClients);
    QCOMPARE(m_window->context()->clients()->list().otherDemand(), 60 + 1 + 4);
    const core::project::ProjectSettings stored = ui::preferences::ProjectSettingsStore::load(m_dir->path());
    ui::preferences::ProjectSettingsDialog reopened(stored);
    QCOMPARE(reopened.findChild<QPlainTextEdit *>(QStringLiteral("projectManualClients"))->toPlainText(),
             QStringLiteral("cron jobs = 4\nTemporal = 60"));
    QVERIFY(reopened.findChild<QCheckBox *>(QStringLiteral("projectBuildKnown"))->isChecked());
    QVERIFY(reopened.findChild<QCheckBox *>(QStringLiteral("projectBuildFeature_lz4"))->isChecked());
    QVERIFY(!reopened.findChild<QCheckBox *>(QStringLiteral("projectBuildFeature_zstd"))->isChecked());
    if (const QString shots = qEnvironmentVariable("PGDIAL_SCREENSHOT_DIR"); !shots.isEmpty()) {
        reopened.adjustSize();
        reopened.grab().save(shots + QStringLiteral("/projectsettingsdialog.png"));
    }

    // A fresh window on the same folder starts with them; the folder holds nothing new.
    ui::mainwindow::MainWindow again;
    QVERIFY(test::loadInto(again, m_dir->path()));
    QCOMPARE(again.project()->settings.pgVersion, 15);
    QCOMPARE(again.findChild<QLabel *>(QStringLiteral("targetVersionLabel"))->text(),
             QStringLiteral("PostgreSQL 15 (project settings)"));

    // Back to the environment, now development's: the version follows its image again.
    ui::preferences::ProjectSettingsDialog automatic(again.project()->settings);
    automatic.setEnvironments(core::environments::EnvironmentDetector::detect(*again.project()).environments);
    auto *environment = automatic.findChild<QComboBox *>(QStringLiteral("projectEnvironment"));
    QVERIFY(environment);
    QCOMPARE(environment->count(), 3); // production-else-first, dev, prod
    QCOMPARE(environment->itemText(1), QStringLiteral("dev: PostgreSQL 16 (docker-compose.dev.yml:5)"));
    environment->setCurrentIndex(environment->findData(QStringLiteral("dev")));
    auto *automaticVersion = automatic.findChild<QComboBox *>(QStringLiteral("projectPgVersion"));
    automaticVersion->setCurrentIndex(0);
    QCOMPARE(automaticVersion->currentText(),
             QStringLiteral("From the environment: PostgreSQL 16 (docker-compose.dev.yml:5)"));
    again.setProjectSettings(automatic.settings());
    QCOMPARE(again.findChild<QLabel *>(QStringLiteral("targetVersionLabel"))->text(),
             QStringLiteral("PostgreSQL 16 (docker-compose.dev.yml:5)"));
    const core::project::ProjectSettings remembered = ui::preferences::ProjectSettingsStore::load(m_dir->path());
    QVERIFY(!remembered.pgVersionFromUser);
    QCOMPARE(remembered.environment, QStringLiteral("dev"));
    QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        it.next();
        ++files;
    }
    QCOMPARE(files, 8);
}

void tst_Editing::keyboard()
{
    // Ctrl+F goes to the filter box (the Problems panel's while the editor has none).
    currentView()->setFocus();
    QTest::keyClick(currentView(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("problemsSearch"));
    // Ctrl+W closes the current tab but keeps the document and its history.
    typeTheEdit();
    const int tabs = m_window->editorArea()->count();
    QTest::keyClick(currentView(), Qt::Key_W, Qt::ControlModifier);
    QTRY_COMPARE(m_window->editorArea()->count(), tabs - 1);
    QCOMPARE(conf()->bytes(), expectedConf());
    m_window->showFile(QString::fromLatin1(confRelative));
    QCOMPARE(currentView()->document()->findBlockByNumber(74).text(), QStringLiteral("work_mem = 8MB"));
}

void tst_Editing::applyFixFromProblemsPanel()
{
    core::base::Diagnostic withFix;
    withFix.severity = core::base::Severity::Warning;
    withFix.code = QStringLiteral("test.fixable");
    withFix.file = QString::fromLatin1(confRelative);
    withFix.line = 74;
    withFix.message = QStringLiteral("too many connections");
    core::base::LineEdit edit;
    edit.firstIndex = 73;
    edit.removeCount = 1;
    edit.lines = {"max_connections = 50"};
    withFix.fix = core::base::Fix {QStringLiteral("Lower max_connections"), withFix.file, {edit}};
    core::base::Diagnostic without = withFix;
    without.code = QStringLiteral("test.not-fixable");
    without.line = 73;
    without.fix.reset();
    m_window->problemsPanel()->setDiagnostics({without, withFix});

    auto *button = m_window->findChild<QToolButton *>(QStringLiteral("problemsApplyFix"));
    QTableView *view = m_window->problemsPanel()->view();
    QVERIFY(button);
    QVERIFY(!button->isEnabled());
    int fixable = -1;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data(ui::models::DiagnosticsModel::CodeRole).toString() == withFix.code)
            fixable = row;
    }
    view->setCurrentIndex(view->model()->index(1 - fixable, 0));
    QVERIFY(!button->isEnabled());
    view->setCurrentIndex(view->model()->index(fixable, 0));
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(conf()->bytes().contains("\nmax_connections = 50\n"));
    QCOMPARE(conf()->undoStack()->undoText(), QStringLiteral("Lower max_connections"));
    QCOMPARE(currentView()->document()->findBlockByNumber(73).text(), QStringLiteral("max_connections = 50"));
    conf()->undoStack()->undo();
    QCOMPARE(conf()->bytes(), test::readBytes(confPath()));
}

void tst_Editing::treeModelUnderTester()
{
    ui::models::ProjectTreeModel tree;
    QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tree.setProject(m_window->project());
    tree.setModified(QString::fromLatin1(confRelative), true);
    const QModelIndex index = tree.indexForPath(QString::fromLatin1(confRelative));
    QCOMPARE(index.data().toString(), QStringLiteral("postgresql.conf \u2022"));
    QCOMPARE(index.data(ui::models::ProjectTreeModel::FolderRole).toString(),
             QStringLiteral("infra/docker/prod/postgres"));
    QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QString::fromLatin1(confRelative)));
    tree.setModified(QString::fromLatin1(confRelative), false);
    QCOMPARE(index.data().toString(), QStringLiteral("postgresql.conf"));
    tree.setProject(nullptr);
}

void tst_Editing::screenshotWithPendingEdit()
{
    typeTheEdit();
    currentView()->goToLine(75);
    QTest::qWait(0);
    const QImage image = m_window->grab().toImage();
    QVERIFY(!image.isNull());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY(colours.size() > 20);
    const QString folder = qEnvironmentVariableIsEmpty("PGDIAL_SCREENSHOT_DIR")
        ? QDir::tempPath()
        : qEnvironmentVariable("PGDIAL_SCREENSHOT_DIR");
    QVERIFY(image.save(folder + QStringLiteral("/editing-pending.png")));
}

// The dialogs this framework adds, rendered for people to look at (and not blank).
void tst_Editing::dialogScreenshots()
{
    typeTheEdit();
    const QString folder = qEnvironmentVariableIsEmpty("PGDIAL_SCREENSHOT_DIR")
        ? QDir::tempPath()
        : qEnvironmentVariable("PGDIAL_SCREENSHOT_DIR");
    const QByteArray env = test::readBytes(m_dir->filePath(QStringLiteral(".env")));
    QByteArray envEdited = env;
    envEdited.replace("devpass", "newpass");
    ui::widgets::DiffPreviewDialog preview({{conf()->relativePath(), conf()->savedBytes(), conf()->bytes(), false},
                                            {QStringLiteral(".env"), env, envEdited, false}},
                                           ui::widgets::DiffPreviewDialog::Mode::Save, m_window.get());
    QVERIFY(!preview.diffText().contains(QStringLiteral("devpass")));
    QVERIFY(!preview.diffText().contains(QStringLiteral("newpass")));
    ui::preferences::ProjectSettingsDialog settings(m_window->project()->settings, m_window.get());
    ui::preferences::PreferencesDialog preferences(m_window.get());
    const QList<std::pair<QDialog *, QString>> dialogs = {{&preview, QStringLiteral("save-preview.png")},
                                                          {&settings, QStringLiteral("project-settings.png")},
                                                          {&preferences, QStringLiteral("preferences.png")}};
    for (const auto &[dialog, name] : dialogs) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QImage image = dialog->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(folder + QLatin1Char('/') + name));
        dialog->hide();
    }
}

QTEST_MAIN(tst_Editing)
#include "tst_editing.moc"
