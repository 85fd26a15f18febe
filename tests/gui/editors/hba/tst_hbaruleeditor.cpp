// The visual pg_hba.conf editor in the main window, on a copy of the example project: edits
// through the table's widgets, undo/redo/save, the rule actions and their shortcuts, drag and
// drop, the "changes who gets in" warning. The simulator and the pasted server error are in
// tst_hbasimulatorpane.cpp.
#include "document/documentmanager.h"
#include "document/projectdocument.h"
#include "editors/hba/hbaeditorpage.h"
#include "editors/hba/hbaimpactdialog.h"
#include "editors/hba/hbaimpactmodel.h"
#include "editors/hba/hbapasteerrorpane.h"
#include "editors/hba/hbarulesmodel.h"
#include "editors/hba/hbasimulatorpane.h"
#include "editors/hba/hbatracemodel.h"
#include "gui/editors/hba/hbaeditorfixture.h"
#include "gui/guitesthelpers.h"
#include "hba/hbafile.h"
#include "hba/hbaimpact.h"
#include "hba/hbamatcher.h"
#include "hba/hbarejection.h"
#include "mainwindow/documentpage.h"
#include "mainwindow/editorarea.h"
#include "mainwindow/mainwindow.h"
#include "project/project.h"
#include "support/testenvironment.h"
#include "support/testpaths.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace pgdial;
using Model = ui::editors::hba::HbaRulesModel;

class tst_HbaRuleEditor final : public QObject, private test::HbaEditorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void pageIsTheFirstTab();
    void editThroughTableUndoRedoSave();
    void invalidInputIsRefusedWithTheEnginesMessage();
    void commentColumnIsEditable();
    void methodComboUpdatesModelAndDiagnostics();
    void methodsFollowTheProjectsBuild();
    void shadowedRuleNamesTheRuleThatShadowsIt();
    void altUpDownMoveRulesWithoutWarningWhenNothingChanges();
    void moveThatChangesWhoGetsInWarnsFirst();
    void dragAndDropThroughTheModel();
    void dragAndDropThroughTheView();
    void addDuplicateToggleDelete();
    void sourceEditsReachTheTable();
    void revealLineSelectsTheRule();
    void modelsUnderTester();
    void screenshot();
};

namespace {

// 0-based index of the line starting with `prefix` (must be unique enough: the first one).
qsizetype indexOf(const QList<QByteArray> &lines, const QByteArray &prefix)
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).startsWith(prefix))
            return i;
    }
    return -1;
}

} // namespace

void tst_HbaRuleEditor::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_HbaRuleEditor::init()
{
    openHbaEditor();
}

void tst_HbaRuleEditor::cleanup()
{
    closeExampleProject();
}

void tst_HbaRuleEditor::pageIsTheFirstTab()
{
    ui::mainwindow::DocumentPage *documentPage = m_window->editorArea()->editorFor(QString::fromLatin1(hbaRelative));
    QCOMPARE(documentPage->currentWidget(), page());
    QCOMPARE(documentPage->tabText(0), QStringLiteral("Rules"));
    QCOMPARE(model()->row(0).rule.line, 116);
    QCOMPARE(model()->index(10, Model::AddressColumn).data().toString(), QStringLiteral("10.10.0.0/16"));
    QCOMPARE(model()->index(10, Model::CommentColumn).data().toString(), QStringLiteral("Private network"));
    QCOMPARE(model()->index(6, Model::TypeColumn).data().toString(), QStringLiteral("hostnossl"));
    QCOMPARE(model()->index(0, Model::MethodColumn).data().toString(), QStringLiteral("peer"));
    QVERIFY(model()->index(0, Model::AddressColumn).data().toString().isEmpty());
    // The stock header's template lines ("# host DATABASE USER ADDRESS METHOD") are not rules.
    for (int row = 0; row < model()->rowCount(); ++row)
        QVERIFY(!model()->index(row, 0).data(Model::DisabledRole).toBool());
}

void tst_HbaRuleEditor::editThroughTableUndoRedoSave()
{
    const QByteArray expected
        = test::readBytes(test::testDataDir() + QStringLiteral("/hbaeditor/pg_hba.conf.expected"));
    QVERIFY(!expected.isEmpty());
    focusTable(10, Model::AddressColumn);
    QTest::keyClick(view(), Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(view()->indexWidget(model()->index(10, Model::AddressColumn)));
    QVERIFY(editor);
    QCOMPARE(editor->objectName(), QStringLiteral("hbaFieldEditor"));
    QCOMPARE(editor->text(), QStringLiteral("10.10.0.0/16"));
    editor->selectAll();
    QTest::keyClicks(editor, "10.20.0.0/16");
    // 10.10.x.x over SSL now meets the final reject: the warning lists it; apply.
    test::DialogAnswerer apply(QStringLiteral("hbaImpactDialog"), QStringLiteral("hbaImpactApplyButton"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(apply.answered, 1);
    ui::document::ProjectDocument *doc = document();
    QTRY_COMPARE(doc->bytes(), expected);
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(model()->index(10, Model::AddressColumn).data().toString(), QStringLiteral("10.20.0.0/16"));
    QCOMPARE(page()->currentRow(), 10);
    QVERIFY(doc->isModified());

    // Undo / redo through the window's shortcuts.
    focusTable(10);
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(doc->bytes(), m_original);
    QCOMPARE(model()->index(10, Model::AddressColumn).data().toString(), QStringLiteral("10.10.0.0/16"));
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(doc->bytes(), expected);

    test::DialogAnswerer save(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffSaveButton"));
    QTest::keyClick(view(), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(save.answered, 1);
    QCOMPARE(test::readBytes(hbaPath()), expected);
    QVERIFY(!doc->isModified());
}

void tst_HbaRuleEditor::commentColumnIsEditable()
{
    focusTable(10, Model::CommentColumn);
    QTest::keyClick(view(), Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(view()->indexWidget(model()->index(10, Model::CommentColumn)));
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("Private network"));
    editor->selectAll();
    QTest::keyClicks(editor, "office VPN");
    QTest::keyClick(editor, Qt::Key_Return);
    ui::document::ProjectDocument *doc = document();
    const int line = model()->row(10).rule.line;
    const QByteArray expected = originalWith(
        [line](QList<QByteArray> &lines) { lines[line - 1].replace("# Private network", "# office VPN"); });
    // A comment changes nobody's access: no warning, one undo step, only that line.
    QTRY_COMPARE(doc->bytes(), expected);
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(model()->index(10, Model::CommentColumn).data().toString(), QStringLiteral("office VPN"));

    // Emptying the cell removes the comment, and the rule keeps its fields.
    focusTable(10, Model::CommentColumn);
    QTest::keyClick(view(), Qt::Key_F2);
    editor = qobject_cast<QLineEdit *>(view()->indexWidget(model()->index(10, Model::CommentColumn)));
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(doc->undoStack()->count(), 2);
    QVERIFY(!doc->text()->line(line - 1).contains('#'));
    QCOMPARE(model()->index(10, Model::AddressColumn).data().toString(), QStringLiteral("10.10.0.0/16"));

    focusTable(10);
    QTest::keyClick(view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(doc->bytes(), expected);
    test::DialogAnswerer save(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffSaveButton"));
    QTest::keyClick(view(), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(save.answered, 1);
    QCOMPARE(test::readBytes(hbaPath()), expected);
}

void tst_HbaRuleEditor::invalidInputIsRefusedWithTheEnginesMessage()
{
    focusTable(10, Model::AddressColumn);
    QTest::keyClick(view(), Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(view()->indexWidget(model()->index(10, Model::AddressColumn)));
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, "10.10.0.0/99");
    const QString expectedMessage = model()->validate(10, Model::AddressColumn, QStringLiteral("10.10.0.0/99"));
    QVERIFY(expectedMessage.contains(QStringLiteral("10.10.0.0/99")));
    QVERIFY(editor->property("pgdialInvalid").toBool());
    QCOMPARE(editor->toolTip(), expectedMessage);
    auto *message = page()->findChild<QLabel *>(QStringLiteral("hbaMessage"));
    QVERIFY(message && message->isVisible());
    QCOMPARE(message->text(), expectedMessage);
    // Enter is refused while invalid: the editor stays, the file does not change.
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(view()->indexWidget(model()->index(10, Model::AddressColumn)), editor);
    QCOMPARE(document()->bytes(), m_original);
    // Fixing the text makes it valid again.
    editor->selectAll();
    QTest::keyClicks(editor, "10.10.0.0/24");
    QVERIFY(!editor->property("pgdialInvalid").toBool());
    QTest::keyClick(editor, Qt::Key_Escape);
    // A refused setData (for example from a paste) says why and changes nothing.
    QSignalSpy refused(model(), &Model::editRefused);
    QVERIFY(!model()->setData(model()->index(0, Model::MethodColumn), QStringLiteral("trusty")));
    QCOMPARE(refused.count(), 1);
    QVERIFY(refused.first().first().toString().contains(QStringLiteral("trusty")));
    QCOMPARE(document()->bytes(), m_original);
}

void tst_HbaRuleEditor::methodComboUpdatesModelAndDiagnostics()
{
    focusTable(10, Model::MethodColumn);
    QCOMPARE(model()->index(10, Model::TypeColumn).data(Model::SeverityRole).toInt(), -1);
    QTest::keyClick(view(), Qt::Key_F2);
    auto *combo = qobject_cast<QComboBox *>(view()->indexWidget(model()->index(10, Model::MethodColumn)));
    QVERIFY(combo);
    QCOMPARE(combo->objectName(), QStringLiteral("hbaMethodEditor"));
    QVERIFY(combo->findText(QStringLiteral("scram-sha-256")) >= 0);
    QVERIFY(combo->findText(QStringLiteral("sspi")) < 0); // not in this build of the target version
    combo->setCurrentText(QStringLiteral("password"));
    test::DialogAnswerer apply(QStringLiteral("hbaImpactDialog"), QStringLiteral("hbaImpactApplyButton"));
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_COMPARE(apply.answered, 1);
    // Only the method's bytes change; the comment keeps its two blanks (it is not a column).
    QTRY_VERIFY2(document()->bytes().contains("10.10.0.0/16            password  # Private network\n"),
                 document()->text()->line(133).constData());
    QCOMPARE(model()->index(10, Model::MethodColumn).data().toString(), QStringLiteral("password"));
    // The lint's verdict arrives with the re-check (debounced, in a worker).
    QTRY_COMPARE_WITH_TIMEOUT(model()->index(10, Model::TypeColumn).data(Model::SeverityRole).toInt(),
                              int(core::base::Severity::Warning), 5000);
    QVERIFY(!model()->index(10, Model::TypeColumn).data(Qt::DecorationRole).isNull());
    QVERIFY(
        model()->index(10, Model::TypeColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("password")));
}

// The method picker offers what the project's server build has (project settings, build
// features): ldap, gss and pam only when the build is unknown or has them.
void tst_HbaRuleEditor::methodsFollowTheProjectsBuild()
{
    QVERIFY(model()->methods().contains(QStringLiteral("ldap")));
    QVERIFY(model()->methods().contains(QStringLiteral("gss")));
    core::project::ProjectSettings settings = m_window->project()->settings;
    settings.serverBuildFeatures = QSet<QString> {QStringLiteral("ssl"), QStringLiteral("ldap")};
    m_window->setProjectSettings(settings);
    QVERIFY(model()->methods().contains(QStringLiteral("ldap")));
    QVERIFY(!model()->methods().contains(QStringLiteral("gss")));
    QVERIFY(!model()->methods().contains(QStringLiteral("pam")));
    QVERIFY(model()->methods().contains(QStringLiteral("scram-sha-256")));
}

void tst_HbaRuleEditor::shadowedRuleNamesTheRuleThatShadowsIt()
{
    // Line 137 (host all all 0.0.0.0/0 reject) moved to the top shadows the host rules for IPv4.
    QVERIFY(page()->commit({*core::hba::HbaEditor::moveRule(*document()->text(), model()->row(11).rule, 116)},
                           QStringLiteral("move"), 116, false));
    const int shadowed = model()->rowForLine(121); // host all all 127.0.0.1/32 (was 120)
    QVERIFY(shadowed >= 0);
    QCOMPARE(model()->index(shadowed, Model::AddressColumn).data().toString(), QStringLiteral("127.0.0.1/32"));
    QCOMPARE(model()->index(shadowed, 0).data(Model::SeverityRole).toInt(), int(core::base::Severity::Warning));
    const QString tip = model()->index(shadowed, 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("line 116")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("0.0.0.0/0 reject")), qPrintable(tip));
}

void tst_HbaRuleEditor::altUpDownMoveRulesWithoutWarningWhenNothingChanges()
{
    // 172.18.0.0/16 above 172.30.50.0/24: disjoint networks, same method: no question.
    test::DialogAnswerer never(QStringLiteral("hbaImpactDialog"), QStringLiteral("hbaImpactCancelButton"));
    focusTable(9);
    QTest::keyClick(view(), Qt::Key_Up, Qt::AltModifier);
    const QByteArray swapped = originalWith([](QList<QByteArray> &lines) {
        const qsizetype first = indexOf(lines, "hostssl  all            all             172.30.50.0/24");
        lines.swapItemsAt(first, first + 1);
    });
    QCOMPARE(document()->bytes(), swapped);
    QCOMPARE(page()->currentRow(), 8);
    QCOMPARE(model()->index(8, Model::AddressColumn).data().toString(), QStringLiteral("172.18.0.0/16"));
    QTest::keyClick(view(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(document()->bytes(), m_original);
    QCOMPARE(page()->currentRow(), 9);
    QCOMPARE(document()->undoStack()->count(), 2);
    QTest::qWait(50);
    QCOMPARE(never.answered, 0);
    // The first rule cannot go up, the last cannot go down.
    focusTable(0);
    QVERIFY(!page()->findChild<QAction *>(QStringLiteral("hbaMoveUp"))->isEnabled());
    focusTable(12);
    QVERIFY(!page()->findChild<QAction *>(QStringLiteral("hbaMoveDown"))->isEnabled());
}

void tst_HbaRuleEditor::moveThatChangesWhoGetsInWarnsFirst()
{
    // The IPv4 deny-all above 10.10.0.0/16: SSL clients from 10.10.x.x would be rejected.
    const QByteArray moved = originalWith([](QList<QByteArray> &lines) {
        const qsizetype from = indexOf(lines, "host     all            all             0.0.0.0/0");
        const qsizetype to = indexOf(lines, "hostssl  all            all             10.10.0.0/16");
        lines.move(from, to);
    });
    {
        test::DialogAnswerer cancel(QStringLiteral("hbaImpactDialog"), QStringLiteral("hbaImpactCancelButton"));
        focusTable(11);
        QTest::keyClick(view(), Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(cancel.answered, 1);
        QCOMPARE(document()->bytes(), m_original);
        QCOMPARE(document()->undoStack()->count(), 0);
    }
    // What the dialog lists: the engine's comparison of before and after.
    const core::hba::HbaFile after = model()->parse(moved);
    const QList<core::hba::HbaImpactChange> changes = core::hba::HbaImpact::compare(model()->file(), after);
    QVERIFY(!changes.isEmpty());
    bool tenTen = false;
    for (const core::hba::HbaImpactChange &change : changes) {
        QCOMPARE(change.afterLine, 134);
        QCOMPARE(change.afterOutcome, QStringLiteral("rejected"));
        tenTen = tenTen || (change.beforeLine == 134 && change.connection.contains(QStringLiteral("10.10.0.0")));
    }
    QVERIFY(tenTen);
    {
        test::DialogAnswerer apply(QStringLiteral("hbaImpactDialog"), QStringLiteral("hbaImpactApplyButton"));
        focusTable(11);
        QTest::keyClick(view(), Qt::Key_Up, Qt::AltModifier);
        QTRY_COMPARE(apply.answered, 1);
        QCOMPARE(document()->bytes(), moved);
        QCOMPARE(document()->undoStack()->count(), 1);
        QCOMPARE(page()->currentRow(), 10);
    }
}

void tst_HbaRuleEditor::dragAndDropThroughTheModel()
{
    // hostssl 10.10.0.0/16 dragged above "hostnossl all all 0.0.0.0/0": SSL and non-SSL never
    // meet, so nobody's outcome changes and no question is asked.
    test::DialogAnswerer never(QStringLiteral("hbaImpactDialog"), QStringLiteral("hbaImpactCancelButton"));
    std::unique_ptr<QMimeData> data(model()->mimeData({model()->index(10, 0), model()->index(10, 3)}));
    QVERIFY(data->hasFormat(model()->mimeTypes().first()));
    QVERIFY(model()->canDropMimeData(data.get(), Qt::MoveAction, 6, 0, {}));
    // False: the view must not remove the dragged row; the move arrives through the document.
    QVERIFY(!model()->dropMimeData(data.get(), Qt::MoveAction, 6, 0, {}));
    const QByteArray expected = originalWith([](QList<QByteArray> &lines) {
        const qsizetype from = indexOf(lines, "hostssl  all            all             10.10.0.0/16");
        const qsizetype to = indexOf(lines, "hostnossl all           all             0.0.0.0/0");
        lines.move(from, to);
    });
    QTRY_COMPARE(document()->bytes(), expected);
    QCOMPARE(model()->index(6, Model::AddressColumn).data().toString(), QStringLiteral("10.10.0.0/16"));
    QCOMPARE(document()->undoStack()->count(), 1);
    QCOMPARE(never.answered, 0);

    // Dropped on a row (parent = that row): before it. Below the last row: to the end.
    data.reset(model()->mimeData({model()->index(11, 0)}));
    QVERIFY(!model()->dropMimeData(data.get(), Qt::MoveAction, -1, -1, {}));
    QTRY_COMPARE(document()->undoStack()->count(), 2);
    QCOMPARE(model()->index(12, Model::AddressColumn).data().toString(), QStringLiteral("0.0.0.0/0"));
    QCOMPARE(model()->index(11, Model::AddressColumn).data().toString(), QStringLiteral("::/0"));
    data.reset(model()->mimeData({model()->index(12, 0)}));
    QVERIFY(!model()->dropMimeData(data.get(), Qt::MoveAction, -1, -1, model()->index(11, 2)));
    QTRY_COMPARE(document()->undoStack()->count(), 3);
    QCOMPARE(document()->bytes(), expected);
    QCOMPARE(never.answered, 0);
}

void tst_HbaRuleEditor::dragAndDropThroughTheView()
{
    QVERIFY(view()->dragEnabled());
    QCOMPARE(view()->dragDropMode(), QAbstractItemView::DragDrop);
    QCOMPARE(view()->defaultDropAction(), Qt::MoveAction);
    QVERIFY(model()->flags({}).testFlag(Qt::ItemIsDropEnabled));
    QVERIFY(model()->flags(model()->index(3, 0)).testFlag(Qt::ItemIsDragEnabled));
    // A drop event on the viewport, as the drag's target receives it: row 9 above row 8.
    std::unique_ptr<QMimeData> data(model()->mimeData({model()->index(9, 0)}));
    const QRect target = view()->visualRect(model()->index(8, 1));
    const QPoint at(target.center().x(), target.top() + 2);
    QDragEnterEvent enter(at, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view()->viewport(), &enter);
    QDragMoveEvent move(at, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view()->viewport(), &move);
    QDropEvent drop(at, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view()->viewport(), &drop);
    const QByteArray swapped = originalWith([](QList<QByteArray> &lines) {
        const qsizetype first = indexOf(lines, "hostssl  all            all             172.30.50.0/24");
        lines.swapItemsAt(first, first + 1);
    });
    QTRY_COMPARE(document()->bytes(), swapped);
    QCOMPARE(model()->rowCount(), 13);
}

void tst_HbaRuleEditor::addDuplicateToggleDelete()
{
    ui::document::ProjectDocument *doc = document();
    // Disable (comment out) the IPv4 deny-all: those connections are rejected without it too.
    focusTable(11);
    QTest::keyClick(view(), Qt::Key_Slash, Qt::ControlModifier);
    QCOMPARE(doc->bytes(), originalWith([](QList<QByteArray> &lines) {
                 const qsizetype at = indexOf(lines, "host     all            all             0.0.0.0/0");
                 lines[at].prepend('#');
             }));
    QCOMPARE(model()->rowCount(), 13);
    QVERIFY(model()->index(11, 0).data(Model::DisabledRole).toBool());
    QVERIFY(model()->index(11, 0).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model()->index(11, Model::AddressColumn).data().toString(), QStringLiteral("0.0.0.0/0"));
    QVERIFY(!(model()->flags(model()->index(11, Model::MethodColumn)) & Qt::ItemIsEditable));
    QCOMPARE(page()->findChild<QAction *>(QStringLiteral("hbaToggleRule"))->text(), QStringLiteral("Enable"));
    QTest::keyClick(view(), Qt::Key_Slash, Qt::ControlModifier);
    QCOMPARE(doc->bytes(), m_original);
    QVERIFY(!model()->index(11, 0).data(Model::DisabledRole).toBool());

    // Delete the IPv6 deny-all (Delete key): "no rule" rejects the same connections.
    focusTable(12);
    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(doc->bytes(), originalWith([](QList<QByteArray> &lines) {
                 lines.removeAt(indexOf(lines, "host     all            all             ::/0"));
             }));
    QCOMPARE(model()->rowCount(), 12);
    QCOMPARE(page()->currentRow(), 11);

    // Duplicate the first rule (Ctrl+D): the copy sits below it, and is redundant.
    focusTable(0);
    QTest::keyClick(view(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(model()->rowCount(), 13);
    QCOMPARE(page()->currentRow(), 1);
    QCOMPARE(model()->row(1).rule.line, 117);
    QCOMPARE(doc->text()->line(116), doc->text()->line(115));
    QVERIFY(model()->index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("line 116")));

    // Add (Insert) below the selected rule.
    focusTable(3);
    QTest::keyClick(view(), Qt::Key_Insert);
    QCOMPARE(model()->rowCount(), 14);
    QCOMPARE(page()->currentRow(), 4);
    QCOMPARE(doc->text()->lineText(model()->row(4).rule.line - 1),
             QStringLiteral("host    all             all             127.0.0.1/32            scram-sha-256"));
    QCOMPARE(doc->undoStack()->count(), 5);

    // Each action was one undo step.
    for (int i = 0; i < 5; ++i)
        doc->undoStack()->undo();
    QCOMPARE(doc->bytes(), m_original);
    QCOMPARE(model()->rowCount(), 13);
}

void tst_HbaRuleEditor::sourceEditsReachTheTable()
{
    // An edit from elsewhere (the Source tab, another tool) arrives through linesChanged.
    ui::document::ProjectDocument *doc = document();
    const int index = model()->row(2).rule.line - 1;
    core::base::LineEdit edit;
    edit.firstIndex = index;
    edit.removeCount = 1;
    edit.lines = {QByteArray("host    all             all             127.0.0.1/32            trust")};
    QVERIFY(doc->applyEdits({edit}, QStringLiteral("typed")));
    QCOMPARE(model()->index(2, Model::MethodColumn).data().toString(), QStringLiteral("trust"));
    // A commented-out rule typed in the source shows as a disabled row.
    core::base::LineEdit disabled;
    disabled.firstIndex = index + 1;
    disabled.lines = {QByteArray("#hostssl all all 192.168.0.0/16 scram-sha-256  # lab")};
    QVERIFY(doc->applyEdits({disabled}, QStringLiteral("typed")));
    QCOMPARE(model()->rowCount(), 14);
    QVERIFY(model()->index(3, 0).data(Model::DisabledRole).toBool());
    QCOMPARE(model()->index(3, Model::CommentColumn).data().toString(), QStringLiteral("lab"));
    // A line the server refuses: marked as an error with the server's words.
    core::base::LineEdit broken;
    broken.firstIndex = index + 2;
    broken.lines = {QByteArray("host all all 10.0.0.0/99 scram-sha-256")};
    QVERIFY(doc->applyEdits({broken}, QStringLiteral("typed")));
    const int brokenRow = model()->rowForLine(index + 3);
    QVERIFY(brokenRow >= 0);
    QCOMPARE(model()->index(brokenRow, 0).data(Model::SeverityRole).toInt(), int(core::base::Severity::Error));
    QVERIFY(model()->index(brokenRow, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("10.0.0.0/99")));
    // Secrets in options stay masked until the user reveals them.
    core::base::LineEdit ldap;
    ldap.firstIndex = index + 3;
    ldap.lines = {QByteArray("host all all 10.1.0.0/16 ldap ldapserver=ldap.example ldapbinddn=cn=pg "
                             "ldapbindpasswd=hunter2 ldapsearchattribute=uid")};
    QVERIFY(doc->applyEdits({ldap}, QStringLiteral("typed")));
    const int ldapRow = model()->rowForLine(index + 4);
    QVERIFY(ldapRow >= 0);
    const QString shown = model()->index(ldapRow, Model::OptionsColumn).data().toString();
    QVERIFY2(!shown.contains(QStringLiteral("hunter2")) && shown.contains(QStringLiteral("ldapbindpasswd=")),
             qPrintable(shown));
    QVERIFY(!(model()->flags(model()->index(ldapRow, Model::OptionsColumn)) & Qt::ItemIsEditable));
    doc->setSecretsRevealed(true);
    QVERIFY(model()->index(ldapRow, Model::OptionsColumn).data().toString().contains(QStringLiteral("hunter2")));
    doc->setSecretsRevealed(false);
    for (int i = 0; i < 4; ++i)
        doc->undoStack()->undo();
    QCOMPARE(model()->rowCount(), 13);
    QCOMPARE(model()->index(2, Model::MethodColumn).data().toString(), QStringLiteral("scram-sha-256"));
}

void tst_HbaRuleEditor::revealLineSelectsTheRule()
{
    page()->revealLine(133, 1);
    QCOMPARE(page()->currentRow(), 9);
    page()->revealLine(131, 1); // a comment: the rule below it
    QCOMPARE(page()->currentRow(), 8);
    // Through the window, as the Problems panel does it.
    m_window->showFile(QString::fromLatin1(hbaRelative), 138);
    QCOMPARE(page()->currentRow(), 12);
}

void tst_HbaRuleEditor::modelsUnderTester()
{
    QAbstractItemModelTester rules(model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    ui::editors::hba::HbaSimulatorPane *simulator = page()->simulator();
    QAbstractItemModelTester trace(simulator->traceModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Edits, undo, a reload and simulator changes, all under the testers.
    focusTable(9);
    QTest::keyClick(view(), Qt::Key_Up, Qt::AltModifier);
    focusTable(12);
    QTest::keyClick(view(), Qt::Key_Delete);
    document()->undoStack()->undo();
    document()->reload(m_original);
    simulator->findChild<QComboBox *>(QStringLiteral("hbaSimTransport"))->setCurrentIndex(0);
    simulator->findChild<QLineEdit *>(QStringLiteral("hbaSimUser"))->setText(QString());
    model()->setHighlightedLine(120);
    model()->setHighlightedLine(0);

    const QList<core::hba::HbaImpactChange> changes
        = core::hba::HbaImpact::compare(model()->file(), model()->parse(QByteArray("host all all 0.0.0.0/0 trust\n")));
    QVERIFY(!changes.isEmpty());
    ui::editors::hba::HbaImpactModel impact(changes);
    QAbstractItemModelTester impactTester(&impact, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(impact.rowCount(), changes.size());
    bool trust = false;
    for (int row = 0; row < impact.rowCount(); ++row)
        trust = trust
            || impact.index(row, ui::editors::hba::HbaImpactModel::AfterColumn)
                   .data()
                   .toString()
                   .startsWith(QStringLiteral("trust"));
    QVERIFY(trust);
}

void tst_HbaRuleEditor::screenshot()
{
    ui::editors::hba::HbaSimulatorPane *simulator = page()->simulator();
    simulator->findChild<QComboBox *>(QStringLiteral("hbaSimTransport"))->setCurrentIndex(2);
    simulator->findChild<QLineEdit *>(QStringLiteral("hbaSimDatabase"))->setText(QStringLiteral("appdb"));
    simulator->findChild<QLineEdit *>(QStringLiteral("hbaSimUser"))->setText(QStringLiteral("app"));
    simulator->findChild<QLineEdit *>(QStringLiteral("hbaSimAddress"))->setText(QStringLiteral("10.10.3.7"));
    QCOMPARE(model()->row(model()->highlightedRow()).rule.line, 134);
    focusTable(8); // not the match, so both the selection and the highlight show
    QTest::qWait(300); // diagnostics arrive and paint
    const QImage image = m_window->grab().toImage();
    QVERIFY(!image.isNull());
    const QString folder = qEnvironmentVariableIsEmpty("PGDIAL_SCREENSHOT_DIR")
        ? QDir::currentPath()
        : qEnvironmentVariable("PGDIAL_SCREENSHOT_DIR");
    QVERIFY(image.save(folder + QStringLiteral("/hbaeditor.png")));

    // The other screens: the pasted-error proposal and the "changes who gets in" dialog.
    auto *tabs = page()->findChild<QTabWidget *>(QStringLiteral("hbaSideTabs"));
    tabs->setCurrentWidget(page()->pasteErrorPane());
    page()
        ->pasteErrorPane()
        ->findChild<QPlainTextEdit *>(QStringLiteral("hbaPasteErrorText"))
        ->setPlainText(
            QStringLiteral("FATAL:  pg_hba.conf rejects connection for host \"192.168.7.9\", user \"app\", database "
                           "\"appdb\", no encryption"));
    QVERIFY(page()->pasteErrorPane()->propose());
    // The file's TLS policy (line 128: hostnossl ... reject) is kept: hostssl and sslmode=require.
    QCOMPARE(page()->pasteErrorPane()->proposal()->ruleText,
             QStringLiteral("hostssl appdb app 192.168.7.9/32 scram-sha-256"));
    QTest::qWait(100); // the word-wrapped proposal label gets its height on the next layout pass
    QVERIFY(m_window->grab().save(folder + QStringLiteral("/hbaeditor-paste.png")));
    QByteArray moved = m_original;
    moved.replace("hostssl  all            all             10.10.0.0/16",
                  "hostssl  all            all             10.0.0.0/8   ");
    ui::editors::hba::HbaImpactDialog dialog(
        QStringLiteral("Set the address of the rule on line 134 to \"10.0.0.0/8\""),
        core::hba::HbaImpact::compare(model()->file(), model()->parse(moved)), m_window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.model()->rowCount() > 0);
    QVERIFY(dialog.grab().save(folder + QStringLiteral("/hbaimpactdialog.png")));
}

QTEST_MAIN(tst_HbaRuleEditor)
#include "tst_hbaruleeditor.moc"
