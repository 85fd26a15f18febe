// The Server settings editor of a postgresql.conf, through the main window: typed editors, undo,
// redo, save, reset to default, filters, sync with the Source tab, revealLine, included files.
#include "document/documentmanager.h"
#include "document/projectdocument.h"
#include "editors/rawtexteditor.h"
#include "editors/settings/settingsanalyzer.h"
#include "editors/settings/settingsdelegate.h"
#include "editors/settings/settingseditor.h"
#include "editors/settings/settingsfiltermodel.h"
#include "editors/settings/settingsmodel.h"
#include "editors/settings/unitvalueeditor.h"
#include "editors/sourceview.h"
#include "gui/editors/settings/settingseditorfixture.h"
#include "gui/guitesthelpers.h"
#include "mainwindow/documentpage.h"
#include "mainwindow/editorarea.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/problemspanel.h"
#include "models/diagnosticsmodel.h"
#include "pgconf/parameterhistory.h"
#include "project/project.h"
#include "support/testenvironment.h"
#include "support/testpaths.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace pgdial;

class tst_SettingsEditor final : public QObject, private test::SettingsEditorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void modelsUnderTester();
    void everyParameterGroupedByCategory();
    void editThroughDelegateUndoRedoSave();
    void invalidValueIsRefused();
    void keyboardStartsEditing();
    void rangeErrorsInTheUsersUnit();
    void booleanCheckBoxAndProblemBadge();
    void resetToDefaultCommentsTheLineOut();
    void resetUndoRedoSave();
    void changedToggleRestartsAfterSave();
    void enumEditorIsACombo();
    void buildDependentEnumValues();
    void stringEditorQuotesTheValue();
    void filtersAndToggles();
    void obsoleteParametersOnlyWhenAsked();
    void sourceTabEditShowsInTable();
    void revealLineSelectsTheRow();
    void documentationPane();
    void versionNotes();
    void includedFileEditsItsOwnDocument();
    void screenshot();
    void commandLineFlagWins();
};

void tst_SettingsEditor::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_SettingsEditor::init()
{
    copyExampleProject();
    const QByteArray function = QTest::currentTestFunction();
    if (!QTest::currentTestFailed() && function != "includedFileEditsItsOwnDocument"
        && function != "commandLineFlagWins")
        openSettingsEditor();
}

void tst_SettingsEditor::cleanup()
{
    closeExampleProject();
}

void tst_SettingsEditor::modelsUnderTester()
{
    QAbstractItemModelTester modelTester(editor()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(editor()->filterModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Exercise data changes, filters and a version change under the testers.
    QVERIFY(editor()->setParameter(QStringLiteral("work_mem"), QStringLiteral("16MB")));
    editor()->findChild<QLineEdit *>(QStringLiteral("settingsFilter"))->setText(QStringLiteral("mem"));
    editor()->findChild<QToolButton *>(QStringLiteral("settingsOnlySet"))->setChecked(true);
    editor()->findChild<QToolButton *>(QStringLiteral("settingsOnlySet"))->setChecked(false);
    editor()->model()->setVersion(13);
    editor()->model()->setVersion(17);
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
}

void tst_SettingsEditor::everyParameterGroupedByCategory()
{
    const ui::editors::settings::SettingsModel *model = editor()->model();
    int parameters = 0;
    for (int category = 0; category < model->rowCount(); ++category) {
        const QModelIndex parent = model->index(category, 0);
        QVERIFY(parent.data(ui::editors::settings::SettingsModel::IsCategoryRole).toBool());
        parameters += model->rowCount(parent);
    }
    // The example is judged as its production image's major (postgres:16-alpine): 16's parameters only.
    QCOMPARE(parameters, int(core::pgconf::ParameterCatalog::forVersion(16).parameters().size()));
    // The first section is postgresql.conf.sample's first.
    QVERIFY(model->index(0, 0).data().toString().startsWith(QStringLiteral("File Locations")));

    const QModelIndex sharedBuffers = model->indexOf(QStringLiteral("shared_buffers"));
    QCOMPARE(sharedBuffers.siblingAtColumn(ui::editors::settings::SettingsModel::ValueColumn).data().toString(),
             QStringLiteral("256MB"));
    QCOMPARE(sharedBuffers.siblingAtColumn(ui::editors::settings::SettingsModel::UnitColumn).data().toString(),
             QStringLiteral("8kB"));
    QCOMPARE(sharedBuffers.siblingAtColumn(ui::editors::settings::SettingsModel::DefaultColumn).data().toString(),
             QStringLiteral("128MB"));
    QCOMPARE(sharedBuffers.siblingAtColumn(ui::editors::settings::SettingsModel::SourceColumn).data().toString(),
             QStringLiteral("postgresql.conf:139"));
    QCOMPARE(sharedBuffers.siblingAtColumn(ui::editors::settings::SettingsModel::ContextColumn).data().toString(),
             QStringLiteral("restart"));
    QVERIFY(sharedBuffers.data(Qt::ToolTipRole).toString().contains(QStringLiteral("shared memory buffers")));

    const QModelIndex notSet = model->indexOf(QStringLiteral("bgwriter_delay"));
    QVERIFY(!notSet.data(ui::editors::settings::SettingsModel::IsSetRole).toBool());
    QCOMPARE(notSet.siblingAtColumn(ui::editors::settings::SettingsModel::SourceColumn).data().toString(),
             QStringLiteral("default"));
    QCOMPARE(notSet.siblingAtColumn(ui::editors::settings::SettingsModel::ValueColumn).data().toString(),
             QStringLiteral("200ms"));
    QCOMPARE(notSet.siblingAtColumn(ui::editors::settings::SettingsModel::ContextColumn).data().toString(),
             QStringLiteral("reload"));
}

void tst_SettingsEditor::editThroughDelegateUndoRedoSave()
{
    const QByteArray original = test::readBytes(confPath());
    const QByteArray expected
        = test::readBytes(test::testDataDir() + QStringLiteral("/settingseditor/postgresql.conf.expected"));
    QVERIFY(!expected.isEmpty());

    QWidget *opened = openEditorOn(QStringLiteral("shared_buffers"));
    QVERIFY(opened);
    auto *unitEditor
        = view()->findChild<ui::editors::settings::UnitValueEditor *>(QStringLiteral("settingsUnitEditor"));
    QVERIFY(unitEditor);
    QLineEdit *number = unitEditor->numberEdit();
    QComboBox *unit = unitEditor->unitCombo();
    QCOMPARE(number->text(), QStringLiteral("256"));
    QCOMPARE(unit->currentText(), QStringLiteral("MB"));
    QVERIFY(!number->placeholderText().isEmpty()); // the range hint
    QCOMPARE(unit->itemText(0), QStringLiteral("kB")); // no bytes for an 8kB parameter
    number->setFocus();
    number->selectAll();
    QTest::keyClicks(number, "512");
    QTest::keyClick(number, Qt::Key_Return);

    QCOMPARE(conf()->bytes(), expected);
    QCOMPARE(conf()->undoStack()->count(), 1);
    QCOMPARE(conf()->undoStack()->undoText(), QStringLiteral("Set shared_buffers"));
    QCOMPARE(editor()->model()->valueOf(QStringLiteral("shared_buffers")), QStringLiteral("512MB"));
    QVERIFY(editor()
                ->model()
                ->indexOf(QStringLiteral("shared_buffers"))
                .data(ui::editors::settings::SettingsModel::ChangedRole)
                .toBool());

    // The checks run again on the edit and the table keeps their verdict.
    QSignalSpy checked(m_window.get(), &ui::mainwindow::MainWindow::diagnosticsUpdated);
    QVERIFY(checked.wait(5000));

    // Undo and redo from the keyboard, focus in the table.
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(conf()->bytes(), original);
    QCOMPARE(editor()->model()->valueOf(QStringLiteral("shared_buffers")), QStringLiteral("256MB"));
    QVERIFY(!editor()
                 ->model()
                 ->indexOf(QStringLiteral("shared_buffers"))
                 .data(ui::editors::settings::SettingsModel::ChangedRole)
                 .toBool());
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(conf()->bytes(), expected);
    QCOMPARE(editor()->model()->valueOf(QStringLiteral("shared_buffers")), QStringLiteral("512MB"));

    // Save through the diff preview: only that line changes on disk.
    test::DialogAnswerer accept(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffSaveButton"));
    QTest::keyClick(view(), Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(accept.answered, 1);
    QCOMPARE(test::readBytes(confPath()), expected);
    QVERIFY(!conf()->isModified());
}

void tst_SettingsEditor::invalidValueIsRefused()
{
    const QByteArray original = conf()->bytes();
    QWidget *opened = openEditorOn(QStringLiteral("max_connections"));
    auto *edit = view()->findChild<QLineEdit *>(QStringLiteral("settingsTextEditor"));
    QVERIFY(opened && edit);
    QVERIFY(edit->placeholderText().contains(QStringLiteral("262143")));
    edit->selectAll();
    QTest::keyClicks(edit, "lots");
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(conf()->bytes(), original);
    QVERIFY(edit->isVisible()); // still editing: the user can correct it
    QVERIFY2(editor()->message().contains(QStringLiteral("invalid value")), qPrintable(editor()->message()));

    // Out of range through the unit editor.
    QTest::keyClick(edit, Qt::Key_Escape);
    openEditorOn(QStringLiteral("work_mem"));
    auto *unitEditor
        = view()->findChild<ui::editors::settings::UnitValueEditor *>(QStringLiteral("settingsUnitEditor"));
    QVERIFY(unitEditor);
    unitEditor->numberEdit()->selectAll();
    QTest::keyClicks(unitEditor->numberEdit(), "3");
    unitEditor->unitCombo()->setCurrentIndex(unitEditor->unitCombo()->findText(QStringLiteral("TB")));
    QTest::keyClick(unitEditor->numberEdit(), Qt::Key_Return);
    QCOMPARE(conf()->bytes(), original);
    QVERIFY2(editor()->message().contains(QStringLiteral("work_mem")), qPrintable(editor()->message()));

    // A good value goes through, with a unit chosen in the combo.
    unitEditor->numberEdit()->selectAll();
    QTest::keyClicks(unitEditor->numberEdit(), "1");
    unitEditor->unitCombo()->setCurrentIndex(unitEditor->unitCombo()->findText(QStringLiteral("GB")));
    QTest::keyClick(unitEditor->numberEdit(), Qt::Key_Return);
    QCOMPARE(editor()->model()->valueOf(QStringLiteral("work_mem")), QStringLiteral("1GB"));
    QVERIFY(editor()->message().isEmpty());
}

void tst_SettingsEditor::keyboardStartsEditing()
{
    using ui::editors::settings::SettingsModel;
    // The current cell after selecting a row is its name, which is not editable: the keys must
    // still edit the value, as in every Qt table.
    for (const Qt::Key key : {Qt::Key_Return, Qt::Key_Enter, Qt::Key_F2}) {
        QVERIFY(editor()->selectParameter(QStringLiteral("max_connections")));
        QCOMPARE(view()->currentIndex().column(), int(SettingsModel::NameColumn));
        view()->setFocus();
        QTest::keyClick(view(), key);
        auto *edit = view()->findChild<QLineEdit *>(QStringLiteral("settingsTextEditor"));
        QVERIFY2(edit && edit->isVisible(), qPrintable(QString::number(key, 16)));
        QTRY_COMPARE(QApplication::focusWidget(), edit);
        QCOMPARE(edit->text(), QStringLiteral("100"));
        QTest::keyClick(edit, Qt::Key_Escape);
        QTRY_VERIFY(!view()->findChild<QLineEdit *>(QStringLiteral("settingsTextEditor")));
    }
    QCOMPARE(conf()->undoStack()->count(), 0);

    // Typing starts the editor with what was typed; Enter commits it.
    QVERIFY(editor()->selectParameter(QStringLiteral("max_connections")));
    view()->setFocus();
    QTest::keyClick(view(), '1');
    QTRY_VERIFY(view()->findChild<QLineEdit *>(QStringLiteral("settingsTextEditor")));
    // The editor has the focus now: the rest of the typing goes to it, as it does for a user.
    QTest::keyClicks(QApplication::focusWidget(), "50");
    auto *edit = view()->findChild<QLineEdit *>(QStringLiteral("settingsTextEditor"));
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("150"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE(editor()->model()->valueOf(QStringLiteral("max_connections")), QStringLiteral("150"));
    QCOMPARE(conf()->undoStack()->count(), 1);
    // The Enter that closed the editor does not open it again.
    QTest::qWait(20);
    QVERIFY(!view()->findChild<QLineEdit *>(QStringLiteral("settingsTextEditor")));

    // Typing into a memory parameter keeps its unit.
    QVERIFY(editor()->selectParameter(QStringLiteral("work_mem")));
    view()->setFocus();
    QTest::keyClicks(view(), "8");
    auto *unitEditor
        = view()->findChild<ui::editors::settings::UnitValueEditor *>(QStringLiteral("settingsUnitEditor"));
    QVERIFY(unitEditor);
    QCOMPARE(unitEditor->numberEdit()->text(), QStringLiteral("8"));
    QCOMPARE(unitEditor->unitCombo()->currentText(), QStringLiteral("MB"));
    QTest::keyClick(unitEditor->numberEdit(), Qt::Key_Return);
    QTRY_COMPARE(editor()->model()->valueOf(QStringLiteral("work_mem")), QStringLiteral("8MB"));

    // A boolean: Enter, F2 or Space toggles its check box.
    const QModelIndex fsync = editor()->model()->indexOf(QStringLiteral("fsync"), SettingsModel::ValueColumn);
    QCOMPARE(fsync.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(editor()->selectParameter(QStringLiteral("fsync")));
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Space);
    QTRY_COMPARE(editor()->model()->valueOf(QStringLiteral("fsync")), QStringLiteral("off"));
    QTest::keyClick(view(), Qt::Key_Return);
    QTRY_COMPARE(editor()->model()->valueOf(QStringLiteral("fsync")), QStringLiteral("on"));

    // A fixed parameter opens nothing.
    QVERIFY(editor()->selectParameter(QStringLiteral("block_size")));
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_F2);
    QVERIFY(!view()->findChild<QLineEdit *>(QStringLiteral("settingsTextEditor")));
}

void tst_SettingsEditor::rangeErrorsInTheUsersUnit()
{
    // The server's words count in the base unit ("16 8kB .. 1073741823 8kB"); the table says it
    // in the units the user types.
    // Types NUMBER UNIT into NAME's unit editor, presses Enter and returns what the editor says.
    const auto refusal = [this](const QString &name, const char *number, const QString &unit) -> QString {
        using ui::editors::settings::UnitValueEditor;
        openEditorOn(name);
        auto *unitEditor = view()->findChild<UnitValueEditor *>(QStringLiteral("settingsUnitEditor"));
        if (!unitEditor)
            return QStringLiteral("no unit editor for ") + name;
        unitEditor->numberEdit()->selectAll();
        QTest::keyClicks(unitEditor->numberEdit(), number);
        unitEditor->unitCombo()->setCurrentIndex(unitEditor->unitCombo()->findText(unit));
        QTest::keyClick(unitEditor->numberEdit(), Qt::Key_Return);
        const QString message = editor()->message();
        QTest::keyClick(unitEditor->numberEdit(), Qt::Key_Escape);
        // The closed editor is deleted later: wait, so that the next lookup finds the next one.
        if (!QTest::qWaitFor(
                [this] { return !view()->findChild<UnitValueEditor *>(QStringLiteral("settingsUnitEditor")); }))
            return QStringLiteral("the editor of ") + name + QStringLiteral(" did not close");
        return message;
    };
    QCOMPARE(refusal(QStringLiteral("work_mem"), "3", QStringLiteral("TB")),
             QStringLiteral("work_mem = 3TB is out of range: use 64kB to 1.99TB"));
    // Its unit list starts at its base unit (8kB), so the way out of range here is up.
    QCOMPARE(refusal(QStringLiteral("shared_buffers"), "10", QStringLiteral("TB")),
             QStringLiteral("shared_buffers = 10TB is out of range: use 128kB to 7.99TB"));
    // Time, and a plain number.
    QCOMPARE(refusal(QStringLiteral("checkpoint_timeout"), "2", QStringLiteral("d")),
             QStringLiteral("checkpoint_timeout = 2d is out of range: use 30s to 1d"));
    openEditorOn(QStringLiteral("max_connections"));
    auto *edit = view()->findChild<QLineEdit *>(QStringLiteral("settingsTextEditor"));
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClicks(edit, "0");
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(editor()->message(), QStringLiteral("max_connections = 0 is out of range: use 1 to 262143"));
    QTest::qWait(20);
    const QString folder = qEnvironmentVariableIsEmpty("PGDIAL_SCREENSHOT_DIR")
        ? QDir::tempPath()
        : qEnvironmentVariable("PGDIAL_SCREENSHOT_DIR");
    QVERIFY(editor()->grab().save(folder + QStringLiteral("/settings-range-error.png")));
}

void tst_SettingsEditor::booleanCheckBoxAndProblemBadge()
{
    const QModelIndex fsync
        = editor()->model()->indexOf(QStringLiteral("fsync"), ui::editors::settings::SettingsModel::ValueColumn);
    QCOMPARE(fsync.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(!fsync.data(ui::editors::settings::SettingsModel::HasProblemRole).toBool());
    editor()->selectParameter(QStringLiteral("fsync"));
    view()->setFocus();
    view()->setCurrentIndex(view()->currentIndex().siblingAtColumn(ui::editors::settings::SettingsModel::ValueColumn));
    QSignalSpy checked(m_window.get(), &ui::mainwindow::MainWindow::diagnosticsUpdated);
    QTest::keyClick(view(), Qt::Key_Space);
    // The commented sample line is activated.
    QVERIFY(conf()->bytes().contains("\nfsync = off"));
    QCOMPARE(fsync.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(checked.wait(5000));
    QVERIFY(fsync.data(ui::editors::settings::SettingsModel::HasProblemRole).toBool());
    const QModelIndex badge = fsync.siblingAtColumn(ui::editors::settings::SettingsModel::ProblemsColumn);
    QVERIFY(badge.data(Qt::ToolTipRole).toString().contains(QStringLiteral("fsync")));
    QVERIFY(!badge.data(Qt::DecorationRole).isNull());
    // The Problems panel has the same finding.
    bool found = false;
    for (const core::base::Diagnostic &diagnostic : m_window->problemsPanel()->model()->diagnostics())
        found = found || diagnostic.code == QStringLiteral("conf.fsync-off");
    QVERIFY(found);
    // Undo takes the badge away again after the next check.
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(checked.wait(5000));
    QTRY_VERIFY(!fsync.data(ui::editors::settings::SettingsModel::HasProblemRole).toBool());
}

void tst_SettingsEditor::resetToDefaultCommentsTheLineOut()
{
    const QByteArray original = conf()->bytes();
    QVERIFY(editor()->selectParameter(QStringLiteral("work_mem")));
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Delete);
    QByteArray expected = original;
    expected.replace("\nwork_mem = 4MB", "\n#work_mem = 4MB");
    QCOMPARE(conf()->bytes(), expected);
    QCOMPARE(conf()->undoStack()->undoText(), QStringLiteral("Reset work_mem"));
    const QModelIndex workMem = editor()->model()->indexOf(QStringLiteral("work_mem"));
    QVERIFY(!workMem.data(ui::editors::settings::SettingsModel::IsSetRole).toBool());
    QCOMPARE(workMem.siblingAtColumn(ui::editors::settings::SettingsModel::SourceColumn).data().toString(),
             QStringLiteral("default"));
    // Resetting what is not set says so and changes nothing.
    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(conf()->bytes(), expected);
    QVERIFY(!editor()->message().isEmpty());
}

void tst_SettingsEditor::resetUndoRedoSave()
{
    const QByteArray original = conf()->bytes();
    QByteArray expected = original;
    expected.replace("\nwork_mem = 4MB", "\n#work_mem = 4MB");
    QVERIFY(editor()->selectParameter(QStringLiteral("work_mem")));
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(conf()->bytes(), expected);
    const QModelIndex workMem = editor()->model()->indexOf(QStringLiteral("work_mem"));
    QVERIFY(workMem.data(ui::editors::settings::SettingsModel::ChangedRole).toBool());
    // Undo brings the line back and the table with it; redo comments it out again.
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(conf()->bytes(), original);
    QCOMPARE(editor()->model()->valueOf(QStringLiteral("work_mem")), QStringLiteral("4MB"));
    QVERIFY(!workMem.data(ui::editors::settings::SettingsModel::ChangedRole).toBool());
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(conf()->bytes(), expected);
    QVERIFY(!workMem.data(ui::editors::settings::SettingsModel::IsSetRole).toBool());
    // Saved through the preview: the file on disk has the line commented out, nothing else.
    test::DialogAnswerer accept(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffSaveButton"));
    QTest::keyClick(view(), Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(accept.answered, 1);
    QCOMPARE(test::readBytes(confPath()), expected);
}

void tst_SettingsEditor::changedToggleRestartsAfterSave()
{
    auto *changed = editor()->findChild<QToolButton *>(QStringLiteral("settingsOnlyChanged"));
    QVERIFY(changed->toolTip().contains(QStringLiteral("saved")));
    QTest::mouseClick(changed, Qt::LeftButton);
    QVERIFY(visibleNames().isEmpty());
    QVERIFY(editor()->setParameter(QStringLiteral("max_connections"), QStringLiteral("150")));
    QVERIFY(editor()->setParameter(QStringLiteral("work_mem"), QStringLiteral("8MB")));
    QCOMPARE(visibleNames(), (QStringList {QStringLiteral("max_connections"), QStringLiteral("work_mem")}));

    // Saved: nothing differs from the file on disk any more.
    test::DialogAnswerer accept(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffSaveButton"));
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(accept.answered, 1);
    QVERIFY(!conf()->isModified());
    QVERIFY(visibleNames().isEmpty());
    QVERIFY(!editor()
                 ->model()
                 ->indexOf(QStringLiteral("work_mem"))
                 .data(ui::editors::settings::SettingsModel::ChangedRole)
                 .toBool());

    // Changed again since the save, and undo past the save shows the saved value as the reference.
    QVERIFY(editor()->setParameter(QStringLiteral("work_mem"), QStringLiteral("16MB")));
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("work_mem")});
    conf()->undoStack()->undo();
    QVERIFY(visibleNames().isEmpty());
    conf()->undoStack()->undo(); // back to 4MB, which is not what was saved
    QCOMPARE(editor()->model()->valueOf(QStringLiteral("work_mem")), QStringLiteral("4MB"));
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("work_mem")});
}

void tst_SettingsEditor::enumEditorIsACombo()
{
    openEditorOn(QStringLiteral("wal_level"));
    auto *combo = view()->findChild<QComboBox *>(QStringLiteral("settingsEnumEditor"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    combo->setCurrentIndex(combo->findText(QStringLiteral("logical")));
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_COMPARE(editor()->model()->valueOf(QStringLiteral("wal_level")), QStringLiteral("logical"));
}

// lz4 and zstd exist only in servers built with them: offered (marked) while the build is
// unknown, offered when the project's build has them, never when it lacks them.
void tst_SettingsEditor::buildDependentEnumValues()
{
    const auto &catalog = core::pgconf::ParameterCatalog::forVersion(17);
    const core::pgconf::ParameterInfo *compression = catalog.find(QStringLiteral("wal_compression"));
    QVERIFY(compression);
    auto offered = [&](const std::optional<QSet<QString>> &features) {
        QStringList values;
        for (const auto &choice : ui::editors::settings::SettingsDelegate::enumChoices(*compression, features))
            values.append(choice.value + (choice.feature.isEmpty() ? QString() : QStringLiteral("*")));
        return values;
    };
    QVERIFY(offered(std::nullopt).contains(QStringLiteral("lz4*")));
    QVERIFY(offered(std::nullopt).contains(QStringLiteral("zstd*")));
    QVERIFY(offered(QSet<QString> {QStringLiteral("lz4")}).contains(QStringLiteral("lz4*")));
    QVERIFY(!offered(QSet<QString> {QStringLiteral("lz4")}).contains(QStringLiteral("zstd*")));
    QVERIFY(offered(QSet<QString> {}).contains(QStringLiteral("pglz")));
    QVERIFY(!offered(QSet<QString> {}).contains(QStringLiteral("lz4*")));

    // Through the table: the project says the build has none of them.
    core::project::ProjectSettings settings = m_window->project()->settings;
    settings.serverBuildFeatures = QSet<QString> {};
    m_window->setProjectSettings(settings);
    openEditorOn(QStringLiteral("wal_compression"));
    auto *combo = view()->findChild<QComboBox *>(QStringLiteral("settingsEnumEditor"));
    QVERIFY(combo);
    QCOMPARE(combo->findText(QStringLiteral("lz4")), -1);
    QVERIFY(combo->findText(QStringLiteral("pglz")) >= 0);
}

void tst_SettingsEditor::stringEditorQuotesTheValue()
{
    const QByteArray original = conf()->bytes();
    QWidget *opened = openEditorOn(QStringLiteral("listen_addresses"));
    auto *edit = view()->findChild<QLineEdit *>(QStringLiteral("settingsTextEditor"));
    QVERIFY(opened && edit);
    QCOMPARE(edit->text(), QStringLiteral("*"));
    edit->selectAll();
    QTest::keyClicks(edit, "127.0.0.1, 10.0.0.5");
    QTest::keyClick(edit, Qt::Key_Return);
    // A one-widget editor commits on Return through a queued call (QAbstractItemDelegate).
    QTRY_COMPARE(conf()->undoStack()->count(), 1);
    QVERIFY2(editor()->message().isEmpty(), qPrintable(editor()->message()));
    // Written as the server reads it: quoted, the comment after the value kept.
    QByteArray expected = original;
    expected.replace("\nlisten_addresses = '*'", "\nlisten_addresses = '127.0.0.1, 10.0.0.5'");
    const QList<QByteArray> got = conf()->bytes().split('\n');
    const QList<QByteArray> want = expected.split('\n');
    QCOMPARE(got.size(), want.size());
    for (int i = 0; i < got.size(); ++i)
        QCOMPARE(got.at(i), want.at(i));
    QCOMPARE(editor()->model()->valueOf(QStringLiteral("listen_addresses")), QStringLiteral("127.0.0.1, 10.0.0.5"));
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(conf()->bytes(), original);
}

void tst_SettingsEditor::filtersAndToggles()
{
    auto *filter = editor()->findChild<QLineEdit *>(QStringLiteral("settingsFilter"));
    QVERIFY(filter && filter->property("pgdialFilter").toBool());
    // Ctrl+F focuses it.
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), filter);
    QTest::keyClicks(filter, "buffers");
    QStringList names = visibleNames();
    QVERIFY(names.contains(QStringLiteral("shared_buffers")));
    QVERIFY(names.contains(QStringLiteral("wal_buffers")));
    QVERIFY(!names.contains(QStringLiteral("work_mem")));
    // Description and value match too.
    filter->setText(QStringLiteral("query workspaces"));
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("work_mem")});
    filter->setText(QStringLiteral("scram-sha-256"));
    QVERIFY(visibleNames().contains(QStringLiteral("password_encryption")));
    filter->clear();

    auto toggle = [this](const char *name) { return editor()->findChild<QToolButton *>(QString::fromLatin1(name)); };
    QTest::mouseClick(toggle("settingsOnlySet"), Qt::LeftButton);
    names = visibleNames();
    QVERIFY(names.size() > 10 && names.size() < 100);
    for (const QString &name : names)
        QVERIFY2(editor()->model()->indexOf(name).data(ui::editors::settings::SettingsModel::IsSetRole).toBool(),
                 qPrintable(name));
    QTest::mouseClick(toggle("settingsOnlyRestart"), Qt::LeftButton);
    for (const QString &name : visibleNames())
        QVERIFY2(editor()->model()->indexOf(name).data(ui::editors::settings::SettingsModel::NeedsRestartRole).toBool(),
                 qPrintable(name));
    QVERIFY(visibleNames().contains(QStringLiteral("max_connections")));
    QTest::mouseClick(toggle("settingsOnlySet"), Qt::LeftButton);
    QTest::mouseClick(toggle("settingsOnlyRestart"), Qt::LeftButton);

    QTest::mouseClick(toggle("settingsOnlyChanged"), Qt::LeftButton);
    QVERIFY(visibleNames().isEmpty());
    QVERIFY(editor()->setParameter(QStringLiteral("max_connections"), QStringLiteral("150")));
    QCOMPARE(visibleNames(), QStringList {QStringLiteral("max_connections")});
    QTest::mouseClick(toggle("settingsOnlyChanged"), Qt::LeftButton);

    QSignalSpy checked(m_window.get(), &ui::mainwindow::MainWindow::diagnosticsUpdated);
    QVERIFY(editor()->setParameter(QStringLiteral("full_page_writes"), QStringLiteral("off")));
    QVERIFY(checked.wait(5000));
    QTest::mouseClick(toggle("settingsOnlyProblems"), Qt::LeftButton);
    names = visibleNames();
    QVERIFY(names.contains(QStringLiteral("full_page_writes")));
    for (const QString &name : names)
        QVERIFY2(editor()->model()->indexOf(name).data(ui::editors::settings::SettingsModel::HasProblemRole).toBool(),
                 qPrintable(name));
    // Selecting a hidden parameter shows everything again.
    QVERIFY(editor()->selectParameter(QStringLiteral("bgwriter_delay")));
    QVERIFY(!toggle("settingsOnlyProblems")->isChecked());
    QCOMPARE(editor()->currentParameter(), QStringLiteral("bgwriter_delay"));
}

void tst_SettingsEditor::obsoleteParametersOnlyWhenAsked()
{
    using ui::editors::settings::SettingsModel;
    const QStringList hidden = {QStringLiteral("ssl_renegotiation_limit"), QStringLiteral("default_with_oids"),
                                QStringLiteral("role"), QStringLiteral("seed"), QStringLiteral("is_superuser")};
    auto *showObsolete = editor()->findChild<QCheckBox *>(QStringLiteral("settingsShowObsolete"));
    QVERIFY(showObsolete && !showObsolete->isChecked());
    // The model knows them (a file may set them); the table does not offer them by default.
    QStringList names = visibleNames();
    for (const QString &name : hidden) {
        QVERIFY2(editor()->model()->indexOf(name).data(SettingsModel::IsHiddenRole).toBool(), qPrintable(name));
        QVERIFY2(!names.contains(name), qPrintable(name));
    }
    int hiddenCount = 0;
    // The example is judged as 16 (its production image), so 16's catalog says what is offered.
    for (const core::pgconf::ParameterInfo &info : core::pgconf::ParameterCatalog::forVersion(16).parameters())
        hiddenCount += info.hidden;
    const int offered = int(core::pgconf::ParameterCatalog::forVersion(16).parameters().size()) - hiddenCount;
    QCOMPARE(names.size(), offered);
    auto *count = editor()->findChild<QLabel *>(QStringLiteral("settingsCount"));
    QVERIFY2(count->text().startsWith(QStringLiteral("%1 of %1 shown").arg(offered)), qPrintable(count->text()));
    // A category counts what it shows.
    for (int category = 0; category < view()->model()->rowCount(); ++category) {
        const QModelIndex parent = view()->model()->index(category, 0);
        QVERIFY(parent.data().toString().endsWith(QStringLiteral("(%1)").arg(view()->model()->rowCount(parent))));
    }

    // "Show obsolete" lists them, marked, with a note saying what they were.
    QTest::mouseClick(showObsolete, Qt::LeftButton, {}, QPoint(4, showObsolete->height() / 2));
    QVERIFY(showObsolete->isChecked());
    names = visibleNames();
    for (const QString &name : hidden)
        QVERIFY2(names.contains(name), qPrintable(name));
    QVERIFY2(count->text().startsWith(QStringLiteral("%1 of %1 shown").arg(offered + hiddenCount)),
             qPrintable(count->text()));
    const QModelIndex renegotiation = editor()->model()->indexOf(QStringLiteral("ssl_renegotiation_limit"));
    QCOMPARE(renegotiation.data().toString(), QStringLiteral("ssl_renegotiation_limit"));
    QCOMPARE(renegotiation.siblingAtColumn(SettingsModel::ContextColumn).data().toString(), QStringLiteral("obsolete"));
    QVERIFY(renegotiation.data(Qt::FontRole).value<QFont>().italic());
    const QString tip = renegotiation.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("removed in PostgreSQL 9.5")) && tip.contains(QStringLiteral("Obsolete")),
             qPrintable(tip));
    const QString oidsTip
        = editor()->model()->indexOf(QStringLiteral("default_with_oids")).data(Qt::ToolTipRole).toString();
    QVERIFY2(oidsTip.contains(QStringLiteral("with the value off only")), qPrintable(oidsTip));
    QVERIFY(editor()
                ->model()
                ->indexOf(QStringLiteral("role"))
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("session state")));
    QVERIFY(editor()->selectParameter(QStringLiteral("ssl_renegotiation_limit")));
    QTest::qWait(20);
    QVERIFY(editor()
                ->findChild<QTextBrowser *>(QStringLiteral("settingsDocumentation"))
                ->toPlainText()
                .contains(QStringLiteral("Obsolete: it has no effect")));
    const QString folder = qEnvironmentVariableIsEmpty("PGDIAL_SCREENSHOT_DIR")
        ? QDir::tempPath()
        : qEnvironmentVariable("PGDIAL_SCREENSHOT_DIR");
    QVERIFY(editor()->grab().save(folder + QStringLiteral("/settings-obsolete.png")));
    QTest::mouseClick(showObsolete, Qt::LeftButton, {}, QPoint(4, showObsolete->height() / 2));
    QVERIFY(!visibleNames().contains(QStringLiteral("ssl_renegotiation_limit")));

    // One the configuration sets is always listed, and only its accepted value passes.
    QVERIFY(editor()->setParameter(QStringLiteral("default_with_oids"), QStringLiteral("off")));
    QTRY_VERIFY(visibleNames().contains(QStringLiteral("default_with_oids")));
    QVERIFY(!showObsolete->isChecked());
    QVERIFY(!editor()->setParameter(QStringLiteral("default_with_oids"), QStringLiteral("on")));
    QVERIFY2(editor()->message().contains(QStringLiteral("WITH OIDS")), qPrintable(editor()->message()));
    // Asking for a hidden one shows them again.
    QVERIFY(editor()->selectParameter(QStringLiteral("seed")));
    QVERIFY(showObsolete->isChecked());
    QCOMPARE(editor()->currentParameter(), QStringLiteral("seed"));
}

void tst_SettingsEditor::sourceTabEditShowsInTable()
{
    page()->showSource();
    auto *source = page()->sourceEditor()->findChild<ui::editors::SourceView *>();
    QVERIFY(source);
    source->setFocus();
    QTextCursor cursor(source->document()->findBlockByNumber(73));
    QVERIFY(cursor.block().text().startsWith(QStringLiteral("max_connections = 100")));
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, 18);
    source->setTextCursor(cursor);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(source, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClicks(source, "250");
    QCOMPARE(editor()->model()->valueOf(QStringLiteral("max_connections")), QStringLiteral("250"));
    // And back: the table's edit shows in the Source tab.
    QVERIFY(editor()->setParameter(QStringLiteral("max_connections"), QStringLiteral("300")));
    QVERIFY(source->document()->findBlockByNumber(73).text().startsWith(QStringLiteral("max_connections = 300")));
    // Typing a line for a parameter that was not set makes it set.
    QTextCursor end(source->document()->findBlockByNumber(73));
    end.movePosition(QTextCursor::EndOfBlock);
    source->setTextCursor(end);
    QTest::keyClick(source, Qt::Key_Return);
    QTest::keyClicks(source, "bgwriter_delay = 50ms");
    QCOMPARE(editor()->model()->valueOf(QStringLiteral("bgwriter_delay")), QStringLiteral("50ms"));
    QCOMPARE(editor()
                 ->model()
                 ->indexOf(QStringLiteral("bgwriter_delay"), ui::editors::settings::SettingsModel::SourceColumn)
                 .data()
                 .toString(),
             QStringLiteral("postgresql.conf:75"));
}

void tst_SettingsEditor::revealLineSelectsTheRow()
{
    page()->setCurrentWidget(editor());
    page()->revealLine(150, 1);
    QCOMPARE(editor()->currentParameter(), QStringLiteral("work_mem"));
    // A commented-out sample line reveals its parameter too.
    page()->revealLine(227, 1);
    QCOMPARE(editor()->currentParameter(), QStringLiteral("fsync"));
    // Through the window, as the Problems panel's double-click does.
    m_window->showFile(QString::fromLatin1(confRelative), 139);
    QCOMPARE(editor()->currentParameter(), QStringLiteral("shared_buffers"));
}

void tst_SettingsEditor::documentationPane()
{
    QVERIFY(editor()->selectParameter(QStringLiteral("wal_level")));
    const QString text = editor()->findChild<QTextBrowser *>(QStringLiteral("settingsDocumentation"))->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("minimal, replica, logical")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Needs a server restart")));
    QVERIFY(text.contains(QStringLiteral("Default")));
    QVERIFY(editor()->selectParameter(QStringLiteral("scram_iterations")));
    const QString added = editor()->findChild<QTextBrowser *>(QStringLiteral("settingsDocumentation"))->toPlainText();
    QVERIFY2(added.contains(QStringLiteral("Added in 16")), qPrintable(added));
}

void tst_SettingsEditor::versionNotes()
{
    QVERIFY(core::pgconf::ParameterHistory::notes(QStringLiteral("scram_iterations"))
                .contains(QStringLiteral("Added in 16")));
    const QStringList removed = core::pgconf::ParameterHistory::notes(QStringLiteral("vacuum_defer_cleanup_age"));
    QVERIFY2(removed.contains(QStringLiteral("Removed in 16 (last in 15)")), qPrintable(removed.join(u'|')));
    QVERIFY(core::pgconf::ParameterHistory::notes(QStringLiteral("work_mem")).isEmpty()
            || !core::pgconf::ParameterHistory::notes(QStringLiteral("work_mem"))
                    .first()
                    .startsWith(QStringLiteral("Added")));
}

void tst_SettingsEditor::includedFileEditsItsOwnDocument()
{
    // The top file includes conf.d/tuning.conf, which sets effective_io_concurrency.
    const QString folder = QFileInfo(confPath()).path();
    QVERIFY(QDir(folder).mkpath(QStringLiteral("conf.d")));
    QFile tuning(folder + QStringLiteral("/conf.d/tuning.conf"));
    QVERIFY(tuning.open(QIODevice::WriteOnly));
    tuning.write("# tuning\neffective_io_concurrency = 100\n");
    tuning.close();
    QFile top(confPath());
    QVERIFY(top.open(QIODevice::Append));
    top.write("include = 'conf.d/tuning.conf'\n");
    top.close();
    const QByteArray topBytes = test::readBytes(confPath());
    openSettingsEditor();

    const QModelIndex row = editor()->model()->indexOf(QStringLiteral("effective_io_concurrency"),
                                                       ui::editors::settings::SettingsModel::SourceColumn);
    QCOMPARE(row.data().toString(), QStringLiteral("conf.d/tuning.conf:2"));
    QVERIFY(editor()->setParameter(QStringLiteral("effective_io_concurrency"), QStringLiteral("200")));
    ui::document::ProjectDocument *included
        = m_window->documents()->document(QStringLiteral("infra/docker/prod/postgres/conf.d/tuning.conf"));
    QVERIFY(included);
    QCOMPARE(included->bytes(), QByteArray("# tuning\neffective_io_concurrency = 200\n"));
    QCOMPARE(conf()->bytes(), topBytes);
    QVERIFY(!conf()->isModified());
    QCOMPARE(editor()->model()->valueOf(QStringLiteral("effective_io_concurrency")), QStringLiteral("200"));
    included->undoStack()->undo();
    QCOMPARE(editor()->model()->valueOf(QStringLiteral("effective_io_concurrency")), QStringLiteral("100"));
}

void tst_SettingsEditor::screenshot()
{
    QVERIFY(editor()->setParameter(QStringLiteral("fsync"), QStringLiteral("off")));
    QSignalSpy checked(m_window.get(), &ui::mainwindow::MainWindow::diagnosticsUpdated);
    QVERIFY(checked.wait(5000));
    QVERIFY(editor()->selectParameter(QStringLiteral("shared_buffers")));
    QTest::qWait(50);
    const QString folder = qEnvironmentVariableIsEmpty("PGDIAL_SCREENSHOT_DIR")
        ? QDir::tempPath()
        : qEnvironmentVariable("PGDIAL_SCREENSHOT_DIR");
    QVERIFY(m_window->grab().save(folder + QStringLiteral("/settings-window.png")));
    QVERIFY(editor()->grab().save(folder + QStringLiteral("/settings-editor.png")));
    // And the unit editor open on a memory parameter.
    openEditorOn(QStringLiteral("work_mem"));
    QTest::qWait(20);
    QVERIFY(editor()->grab().save(folder + QStringLiteral("/settings-editing.png")));
}

// The production server (the environment the example is judged as) starts with
// `-c config_file=...`; with `-c max_connections=200` added, the table shows the flag as the
// winning source, the file's line as overridden, and the value is changed in the compose file.
void tst_SettingsEditor::commandLineFlagWins()
{
    const QString composePath = m_dir->filePath(QStringLiteral("docker-compose.prod.yml"));
    QByteArray compose = test::readBytes(composePath);
    const QByteArray command = "\"-c\", \"config_file=/etc/postgresql/postgresql.conf\"";
    QVERIFY(compose.contains(command));
    compose.replace(command, command + ", \"-c\", \"max_connections=200\"");
    QFile file(composePath);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(compose);
    file.close();
    openSettingsEditor();
    if (QTest::currentTestFailed())
        return;
    using Model = ui::editors::settings::SettingsModel;
    Model *model = editor()->model();

    const QModelIndex maxConnections = model->indexOf(QStringLiteral("max_connections"));
    QVERIFY(maxConnections.data(Model::CommandLineRole).toBool());
    QCOMPARE(maxConnections.siblingAtColumn(Model::ValueColumn).data().toString(), QStringLiteral("200"));
    const QString source = maxConnections.siblingAtColumn(Model::SourceColumn).data().toString();
    QVERIFY2(source.startsWith(QStringLiteral("-c docker-compose.prod.yml:6")), qPrintable(source));
    QVERIFY2(source.contains(QStringLiteral("overrides postgresql.conf:")), qPrintable(source));
    const QString tooltip = maxConnections.siblingAtColumn(Model::SourceColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(QStringLiteral("prod")) && tooltip.contains(QStringLiteral("sets 100")),
             qPrintable(tooltip));
    QCOMPARE(maxConnections.data(Model::FileRole).toString(), QStringLiteral("docker-compose.prod.yml"));
    QCOMPARE(maxConnections.data(Model::LineRole).toInt(), 6);
    // Editing postgresql.conf would not reach the server: the cell is not editable.
    QVERIFY(!maxConnections.siblingAtColumn(Model::ValueColumn).flags().testFlag(Qt::ItemIsEditable));
    QCOMPARE(model->valueOf(QStringLiteral("max_connections")), QStringLiteral("200"));

    // config_file, which only the command line can set, is set there.
    const QModelIndex configFile = model->indexOf(QStringLiteral("config_file"));
    QVERIFY(configFile.data(Model::IsSetRole).toBool());
    QCOMPARE(configFile.siblingAtColumn(Model::ValueColumn).data().toString(),
             QStringLiteral("/etc/postgresql/postgresql.conf"));
    QCOMPARE(configFile.siblingAtColumn(Model::SourceColumn).data().toString(),
             QStringLiteral("-c docker-compose.prod.yml:6"));

    // A parameter without a flag keeps its file as the source.
    const QModelIndex sharedBuffers = model->indexOf(QStringLiteral("shared_buffers"));
    QVERIFY(!sharedBuffers.data(Model::CommandLineRole).toBool());
    QVERIFY(sharedBuffers.siblingAtColumn(Model::SourceColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("postgresql.conf:")));

    // Editing the compose file in the window moves the winner at once: the flag removed, the
    // file's line wins again.
    m_window->showFile(QStringLiteral("docker-compose.prod.yml"));
    ui::document::ProjectDocument *composeDocument
        = m_window->documents()->document(QStringLiteral("docker-compose.prod.yml"));
    QVERIFY(composeDocument && composeDocument->text());
    const QByteArray line = composeDocument->text()->line(5);
    QVERIFY(line.contains("max_connections=200"));
    QByteArray without = line;
    without.replace(", \"-c\", \"max_connections=200\"", "");
    QVERIFY(composeDocument->applyEdits({core::base::LineEdit {5, 1, {without}, {}}}, QStringLiteral("drop the flag")));
    QVERIFY(!maxConnections.data(Model::CommandLineRole).toBool());
    QCOMPARE(maxConnections.siblingAtColumn(Model::ValueColumn).data().toString(), QStringLiteral("100"));
    QVERIFY(maxConnections.siblingAtColumn(Model::SourceColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("postgresql.conf:")));
    composeDocument->undoStack()->undo();
    QVERIFY(maxConnections.data(Model::CommandLineRole).toBool());
    m_window->showFile(QString::fromLatin1(confRelative));

    QWidget *shot = m_window.get();
    QVERIFY(editor()->selectParameter(QStringLiteral("max_connections")));
    QVERIFY(shot->grab().save(QDir::temp().filePath(QStringLiteral("pgdial-settings-commandline.png"))));
}

QTEST_MAIN(tst_SettingsEditor)
#include "tst_settingseditor.moc"
