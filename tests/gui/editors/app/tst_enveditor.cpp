// The .env editor's table (edit, comment, undo/redo, save, the model under the tester) driven
// through its widgets in a real MainWindow; split from tst_appeditor.cpp, same fixture.
#include "appconfig/appconfigfile.h"
#include "appconfig/connectionurl.h"
#include "appconfig/envfile.h"
#include "document/documentmanager.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "editors/app/appconfigeditor.h"
#include "editors/app/enveditor.h"
#include "editors/app/envtablemodel.h"
#include "editors/app/urlbuilderdialog.h"
#include "editors/rawtexteditor.h"
#include "editors/sourceview.h"
#include "gui/editors/app/appeditorfixture.h"
#include "gui/guitesthelpers.h"
#include "mainwindow/documentpage.h"
#include "mainwindow/editorarea.h"
#include "mainwindow/mainwindow.h"
#include "support/testenvironment.h"
#include "support/testpaths.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>
#include <QUndoStack>

#include <functional>

using namespace pgdial;

class tst_EnvEditor final : public QObject, private test::AppEditorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void envTableEditUndoRedoSave();
    void envCommentEditable();
    void envModelUnderTester();
};

namespace {

QByteArray expected(const QString &name)
{
    return test::readBytes(test::testDataDir() + QStringLiteral("/appeditor/") + name);
}

void retype(QWidget *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

void tst_EnvEditor::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_EnvEditor::init()
{
    openExampleProject({1400, 900});
}

void tst_EnvEditor::cleanup()
{
    closeExampleProject();
}

void tst_EnvEditor::envCommentEditable()
{
    ui::editors::app::EnvEditor *editor = envEditor();
    QVERIFY(editor);
    ui::document::ProjectDocument *doc = document(envPath);
    const QByteArray original = doc->bytes();
    QTableView *view = editor->view();
    ui::editors::app::EnvTableModel *model = editor->model();
    const int dbUser = model->rowForKey(QStringLiteral("APP_DB_USER"));
    const QModelIndex comment = model->index(dbUser, ui::editors::app::EnvTableModel::CommentColumn);
    // The group heading is shown; the row has no comment of its own yet, so the editor starts empty.
    QCOMPARE(comment.data().toString(), QStringLiteral("Database names and users"));
    QVERIFY(model->flags(comment) & Qt::ItemIsEditable);

    view->setFocus();
    view->setCurrentIndex(view->model()->index(dbUser, ui::editors::app::EnvTableModel::CommentColumn));
    QTest::keyClick(view, Qt::Key_F2);
    auto *cellEditor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(cellEditor);
    QVERIFY(cellEditor->text().isEmpty());
    QTest::keyClicks(cellEditor, QStringLiteral("the app's login role"));
    QTest::keyClick(cellEditor, Qt::Key_Return);
    QTRY_VERIFY(doc->bytes().contains("\nAPP_DB_USER=appuser  # the app's login role\n"));
    QByteArray expectedBytes = original;
    expectedBytes.replace("\nAPP_DB_USER=appuser\n", "\nAPP_DB_USER=appuser  # the app's login role\n");
    QCOMPARE(doc->bytes(), expectedBytes); // only that line changed
    QCOMPARE(model->index(dbUser, ui::editors::app::EnvTableModel::CommentColumn).data().toString(),
             QStringLiteral("the app's login role"));

    // Emptying the comment removes " # ..." again; undo and redo walk both steps.
    view->setCurrentIndex(view->model()->index(dbUser, ui::editors::app::EnvTableModel::CommentColumn));
    QTest::keyClick(view, Qt::Key_F2);
    cellEditor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(cellEditor);
    QCOMPARE(cellEditor->text(), QStringLiteral("the app's login role"));
    retype(cellEditor, QString());
    QTest::keyClick(cellEditor, Qt::Key_Return);
    QTRY_COMPARE(doc->bytes(), original);
    QCOMPARE(doc->undoStack()->count(), 2);
    doc->undoStack()->undo();
    QCOMPARE(doc->bytes(), expectedBytes);
    doc->undoStack()->redo();
    QCOMPARE(doc->bytes(), original);
    doc->undoStack()->undo();

    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    test::DialogAnswerer accept(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffSaveButton"));
    QTest::keyClick(view, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(accept.answered, 1);
    QCOMPARE(test::readBytes(m_dir->filePath(envPath)), expectedBytes);
}

void tst_EnvEditor::envTableEditUndoRedoSave()
{
    ui::editors::app::EnvEditor *editor = envEditor();
    QVERIFY(editor);
    ui::document::ProjectDocument *doc = document(envPath);
    const QByteArray original = doc->bytes();
    QTableView *view = editor->view();
    ui::editors::app::EnvTableModel *model = editor->model();

    // Keys .env.example documents and .env lacks are listed and marked.
    const int missing = model->rowForKey(QStringLiteral("DATABASE_PASSWORD_FILE_PATH"));
    QVERIFY(missing >= 0);
    QVERIFY(model->index(missing, 0).data(ui::editors::app::EnvTableModel::MissingRole).toBool());
    QCOMPARE(model->index(missing, ui::editors::app::EnvTableModel::StatusColumn).data().toString(),
             QStringLiteral("missing (production only)"));
    QVERIFY(model->index(missing, ui::editors::app::EnvTableModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral(".env.example line ")));
    const int dbUser = model->rowForKey(QStringLiteral("APP_DB_USER"));
    QCOMPARE(model->index(dbUser, ui::editors::app::EnvTableModel::CommentColumn).data().toString(),
             QStringLiteral("Database names and users"));

    // Edit APP_DB_USER in place (the table's own editor).
    view->setFocus();
    const QModelIndex userValue = view->model()->index(dbUser, ui::editors::app::EnvTableModel::ValueColumn);
    view->setCurrentIndex(userValue);
    QTest::keyClick(view, Qt::Key_F2);
    auto *cellEditor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(cellEditor);
    QCOMPARE(cellEditor->text(), QStringLiteral("appuser"));
    retype(cellEditor, QStringLiteral("svcuser"));
    QTest::keyClick(cellEditor, Qt::Key_Return);
    // The delegate commits from a queued call.
    QTRY_VERIFY(doc->bytes().contains("\nAPP_DB_USER=svcuser\n"));
    QVERIFY(doc->bytes().contains("\nAPP_DB_USER=svcuser\n"));

    // Delete TEMPORAL_VIS_DB with the Delete key.
    view->setFocus();
    view->setCurrentIndex(view->model()->index(model->rowForKey(QStringLiteral("TEMPORAL_VIS_DB")), 0));
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(!doc->bytes().contains("TEMPORAL_VIS_DB"));

    // Add a variable from the bar.
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("envNewKey")), QStringLiteral("LOG_LEVEL"));
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("envNewValue")), QStringLiteral("debug"));
    QTest::mouseClick(editor->findChild<QToolButton *>(QStringLiteral("envAddButton")), Qt::LeftButton);
    QCOMPARE(doc->bytes(), expected(QStringLiteral("env.expected")));
    QCOMPARE(editor->currentKey(), QStringLiteral("LOG_LEVEL"));

    // The model, and config.yaml's form (effective value and its source) follow.
    const core::appconfig::EnvFile env = core::appconfig::EnvFile::parse(*doc->text(), envPath);
    QCOMPARE(env.find(QStringLiteral("APP_DB_USER"))->value, QStringLiteral("svcuser"));
    QCOMPARE(
        model->index(model->rowForKey(QStringLiteral("APP_DB_USER")), ui::editors::app::EnvTableModel::EffectiveColumn)
            .data()
            .toString(),
        QStringLiteral("svcuser"));
    QVERIFY(waitForCheck());
    ui::editors::app::AppConfigEditor *form = configEditor();
    QCOMPARE(form->effectiveText(QStringLiteral("user")), QStringLiteral("svcuser"));
    // TEMPORAL_VIS_DB is documented in .env.example, so it is now listed as missing.
    m_window->context()->requestShow(envPath, 0);
    const int nowMissing = model->rowForKey(QStringLiteral("TEMPORAL_VIS_DB"));
    QVERIFY(nowMissing >= 0 && model->index(nowMissing, 0).data(ui::editors::app::EnvTableModel::MissingRole).toBool());

    QCOMPARE(doc->undoStack()->count(), 3);
    for (int i = 0; i < 3; ++i)
        doc->undoStack()->undo();
    QCOMPARE(doc->bytes(), original);
    QCOMPARE(model->index(model->rowForKey(QStringLiteral("APP_DB_USER")), ui::editors::app::EnvTableModel::ValueColumn)
                 .data()
                 .toString(),
             QStringLiteral("appuser"));
    for (int i = 0; i < 3; ++i)
        doc->undoStack()->redo();
    QCOMPARE(doc->bytes(), expected(QStringLiteral("env.expected")));

    test::DialogAnswerer accept(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffSaveButton"));
    QTest::keyClick(view, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(accept.answered, 1);
    QCOMPARE(test::readBytes(m_dir->filePath(envPath)), expected(QStringLiteral("env.expected")));
}

void tst_EnvEditor::envModelUnderTester()
{
    ui::editors::app::EnvTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ui::editors::app::EnvTableModel::Row a;
    a.key = QStringLiteral("A");
    a.value = QStringLiteral("1");
    a.line = 1;
    ui::editors::app::EnvTableModel::Row secret;
    secret.key = QStringLiteral("DB_PASSWORD");
    secret.value = QStringLiteral("hunter2");
    secret.secret = true;
    secret.line = 2;
    ui::editors::app::EnvTableModel::Row missing;
    missing.key = QStringLiteral("B");
    missing.missing = true;
    model.setRows({a, secret, missing});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, ui::editors::app::EnvTableModel::ValueColumn).data().toString(), QString(6, QChar(0x2022)));
    QVERIFY(!(model.flags(model.index(1, ui::editors::app::EnvTableModel::ValueColumn)) & Qt::ItemIsEditable));
    model.setSecretsRevealed(true);
    QCOMPARE(model.index(1, ui::editors::app::EnvTableModel::ValueColumn).data().toString(), QStringLiteral("hunter2"));
    QSignalSpy requested(&model, &ui::editors::app::EnvTableModel::valueEditRequested);
    QVERIFY(model.setData(model.index(2, ui::editors::app::EnvTableModel::ValueColumn), QStringLiteral("2")));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(model.rowForLine(2), 1);
    a.value = QStringLiteral("changed");
    model.setRows({a, secret, missing});
    model.setRows({missing});
    model.setRows({});
}

QTEST_MAIN(tst_EnvEditor)
#include "tst_enveditor.moc"
