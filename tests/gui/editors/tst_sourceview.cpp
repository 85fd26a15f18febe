#include "base/textdocument.h"
#include "document/projectdocument.h"
#include "editors/rawtexteditor.h"
#include "editors/sourceview.h"
#include "project/projectfile.h"
#include "support/testenvironment.h"
#include "support/testpaths.h"

#include <QDirIterator>

#include <QCheckBox>
#include <QTest>
#include <QTextBlock>
#include <QUndoStack>

using namespace pgdial;

class tst_SourceView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void typingBecomesLineEdits_data();
    void typingBecomesLineEdits();
    void editsElsewhereUpdateTheViewAndKeepTheCursor();
    void undoOfTypingUpdatesTheView();
    void emptyFileGrowsAndShrinks();
    void secretsNeedRevealToEdit();
    void undoKeysAreLeftToTheWindow();
    void openingNeverEdits_data();
    void openingNeverEdits();
};

namespace {

std::shared_ptr<core::project::ProjectFile>
makeFile(const QByteArray &bytes, core::project::FileKind kind = core::project::FileKind::PostgresqlConf)
{
    auto file = std::make_shared<core::project::ProjectFile>();
    file->kind = kind;
    file->relativePath = QStringLiteral("test.conf");
    file->absolutePath = QStringLiteral("/nonexistent/test.conf");
    file->document = core::base::TextDocument::fromBytes(bytes);
    return file;
}

void placeCursor(ui::editors::SourceView &view, int line, int column)
{
    QTextCursor cursor(view.document()->findBlockByNumber(line));
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, column);
    view.setTextCursor(cursor);
}

} // namespace

void tst_SourceView::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_SourceView::typingBecomesLineEdits_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("keys"); // '\n' = Return, '\b' = Backspace, '\x7f' = Delete
    QTest::addColumn<QByteArray>("after");
    QTest::newRow("type-in-line") << QByteArray("port = 5432\nssl = on\n") << 0 << 7 << QStringLiteral("1")
                                  << QByteArray("port = 15432\nssl = on\n");
    QTest::newRow("new-line-at-end-of-line")
        << QByteArray("a = 1\nb = 2\n") << 0 << 5 << QStringLiteral("\nc = 3") << QByteArray("a = 1\nc = 3\nb = 2\n");
    QTest::newRow("split-line") << QByteArray("ab\n") << 0 << 1 << QStringLiteral("\n") << QByteArray("a\nb\n");
    QTest::newRow("join-lines-backspace")
        << QByteArray("a\nb\nc\n") << 1 << 0 << QStringLiteral("\b") << QByteArray("ab\nc\n");
    QTest::newRow("join-lines-delete") << QByteArray("a\nb\nc\n") << 0 << 1 << QStringLiteral("\x7f")
                                       << QByteArray("ab\nc\n");
    QTest::newRow("crlf-kept") << QByteArray("a = 1\r\nb = 2\r\n") << 1 << 5 << QStringLiteral("0\nc = 3")
                               << QByteArray("a = 1\r\nb = 20\r\nc = 3\r\n");
    QTest::newRow("no-final-newline-kept")
        << QByteArray("a\nb") << 1 << 1 << QStringLiteral("c") << QByteArray("a\nbc");
    QTest::newRow("append-after-no-final-newline")
        << QByteArray("a") << 0 << 1 << QStringLiteral("\nb") << QByteArray("a\nb");
    QTest::newRow("lone-cr-kept") << QByteArray("a = 1\rb = 2\nc = 3\n") << 0 << 11 << QStringLiteral("0")
                                  << QByteArray("a = 1\rb = 20\nc = 3\n");
    QTest::newRow("bom-kept") << QByteArray("\xEF\xBB\xBFport = 1\n") << 0 << 8 << QStringLiteral("0")
                              << QByteArray("\xEF\xBB\xBFport = 10\n");
    QTest::newRow("utf8") << QByteArray("name = 'caf\xc3\xa9'\n") << 0 << 12 << QStringLiteral("\u00e9")
                          << QByteArray("name = 'caf\xc3\xa9\xc3\xa9'\n");
}

void tst_SourceView::typingBecomesLineEdits()
{
    QFETCH(QByteArray, before);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, keys);
    QFETCH(QByteArray, after);
    ui::document::ProjectDocument document(makeFile(before));
    ui::editors::SourceView view;
    view.setProjectDocument(&document);
    view.show();
    QVERIFY(!view.isReadOnly());
    placeCursor(view, line, column);
    for (const QChar c : keys) {
        if (c == u'\n')
            QTest::keyClick(&view, Qt::Key_Return);
        else if (c == u'\b')
            QTest::keyClick(&view, Qt::Key_Backspace);
        else if (c == u'\x7f')
            QTest::keyClick(&view, Qt::Key_Delete);
        else if (c.unicode() > 127) {
            QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
            QApplication::sendEvent(&view, &press);
        } else
            QTest::keyClicks(&view, QString(c));
    }
    QCOMPARE(document.bytes(), after);
    QVERIFY(document.isModified());
    document.undoStack()->setIndex(0);
    QCOMPARE(document.bytes(), before);
    // The view shows the text without endings or BOM, a lone CR as a visible symbol.
    QByteArray shown = QByteArray(before).replace("\r\n", "\n").replace("\xEF\xBB\xBF", "");
    shown.replace("\r", QString(QChar(ui::editors::SourceView::carriageReturnSymbol)).toUtf8());
    if (shown.endsWith('\n'))
        shown.chop(1);
    QCOMPARE(view.toPlainText().toUtf8(), shown);
}

void tst_SourceView::editsElsewhereUpdateTheViewAndKeepTheCursor()
{
    ui::document::ProjectDocument document(makeFile("one\ntwo\nthree\nfour\n"));
    ui::editors::SourceView view;
    view.setProjectDocument(&document);
    placeCursor(view, 3, 2); // "fo|ur"
    core::base::LineEdit insert;
    insert.firstIndex = 1;
    insert.removeCount = 1;
    insert.lines = {"TWO", "two and a half"};
    QVERIFY(document.applyEdits({insert}, QStringLiteral("elsewhere")));
    QCOMPARE(view.toPlainText(), QStringLiteral("one\nTWO\ntwo and a half\nthree\nfour"));
    QCOMPARE(view.textCursor().blockNumber(), 4);
    QCOMPARE(view.textCursor().positionInBlock(), 2);
    // No edit came back from the view: one step on the stack, bytes as the edit made them.
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.bytes(), QByteArray("one\nTWO\ntwo and a half\nthree\nfour\n"));

    core::base::LineEdit removeLast;
    removeLast.firstIndex = 4;
    removeLast.removeCount = 1;
    QVERIFY(document.applyEdits({removeLast}, QStringLiteral("drop last")));
    QCOMPARE(view.toPlainText(), QStringLiteral("one\nTWO\ntwo and a half\nthree"));
    core::base::LineEdit append;
    append.firstIndex = 4;
    append.lines = {"five"};
    QVERIFY(document.applyEdits({append}, QStringLiteral("append")));
    QCOMPARE(view.toPlainText(), QStringLiteral("one\nTWO\ntwo and a half\nthree\nfive"));
    document.undoStack()->setIndex(0);
    QCOMPARE(view.toPlainText(), QStringLiteral("one\ntwo\nthree\nfour"));
}

void tst_SourceView::undoOfTypingUpdatesTheView()
{
    ui::document::ProjectDocument document(makeFile("a = 1\n"));
    ui::editors::SourceView view;
    view.setProjectDocument(&document);
    view.show();
    placeCursor(view, 0, 5);
    QTest::keyClicks(&view, "23");
    QCOMPARE(view.toPlainText(), QStringLiteral("a = 123"));
    document.undoStack()->undo();
    QCOMPARE(view.toPlainText(), QStringLiteral("a = 1"));
    document.undoStack()->redo();
    QCOMPARE(view.toPlainText(), QStringLiteral("a = 123"));
    QCOMPARE(document.bytes(), QByteArray("a = 123\n"));
}

void tst_SourceView::emptyFileGrowsAndShrinks()
{
    ui::document::ProjectDocument document(makeFile(""));
    ui::editors::SourceView view;
    view.setProjectDocument(&document);
    view.show();
    QTest::keyClicks(&view, "x");
    QCOMPARE(document.bytes(), QByteArray("x\n"));
    QTest::keyClick(&view, Qt::Key_Backspace);
    QCOMPARE(document.bytes(), QByteArray("\n"));
    document.undoStack()->setIndex(0);
    QCOMPARE(document.bytes(), QByteArray());
    QCOMPARE(view.toPlainText(), QString());
}

void tst_SourceView::secretsNeedRevealToEdit()
{
    const QByteArray env = "DATABASE_URL=postgresql://app:s3cret@db/app\nAPP_DB=app\n";
    ui::document::ProjectDocument document(makeFile(env, core::project::FileKind::Env));
    ui::editors::RawTextEditor editor(&document);
    editor.show();
    ui::editors::SourceView *view = editor.sourceView();
    QVERIFY(view->holdsSecrets());
    QVERIFY(view->isReadOnly());
    QVERIFY(!view->toPlainText().contains(QStringLiteral("s3cret")));
    auto *reveal = editor.findChild<QCheckBox *>(QStringLiteral("revealSecretsToggle"));
    QVERIFY(reveal && reveal->isVisible());
    QVERIFY(!reveal->isChecked());
    QTest::keyClicks(view, "zzz");
    QCOMPARE(document.bytes(), env);

    QTest::mouseClick(reveal, Qt::LeftButton, {}, QPoint(5, reveal->height() / 2));
    QVERIFY(document.secretsRevealed());
    QVERIFY(!view->isReadOnly());
    QVERIFY(view->toPlainText().contains(QStringLiteral("s3cret")));
    placeCursor(*view, 1, 10);
    QTest::keyClicks(view, "2");
    QCOMPARE(document.bytes(), QByteArray("DATABASE_URL=postgresql://app:s3cret@db/app\nAPP_DB=app2\n"));

    reveal->setChecked(false);
    QVERIFY(view->isReadOnly());
    QVERIFY(!view->toPlainText().contains(QStringLiteral("s3cret")));
    // Undo from elsewhere still updates the masked view.
    document.undoStack()->undo();
    QVERIFY(view->toPlainText().endsWith(QStringLiteral("APP_DB=app")));
}

void tst_SourceView::undoKeysAreLeftToTheWindow()
{
    ui::document::ProjectDocument document(makeFile("a\n"));
    ui::editors::SourceView view;
    view.setProjectDocument(&document);
    QKeyEvent undo(QEvent::ShortcutOverride, Qt::Key_Z, Qt::ControlModifier);
    QApplication::sendEvent(&view, &undo);
    QVERIFY(!undo.isAccepted());
    QKeyEvent copy(QEvent::ShortcutOverride, Qt::Key_C, Qt::ControlModifier);
    QApplication::sendEvent(&view, &copy);
    QVERIFY(copy.isAccepted());
}

void tst_SourceView::openingNeverEdits_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator it(test::testDataDir() + QStringLiteral("/roundtrip"), QDir::Files | QDir::Hidden);
    while (it.hasNext()) {
        const QString path = it.next();
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }
}

// Odd bytes (BOM, lone CR, tabs, no final newline) and the highlighter's passes must not turn
// into edits just because a file was shown, clicked into and typed nothing.
void tst_SourceView::openingNeverEdits()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    ui::document::ProjectDocument document(makeFile(bytes));
    ui::editors::SourceView view;
    view.setProjectDocument(&document);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(40, 5));
    QTest::keyClick(&view, Qt::Key_End);
    QTest::keyClick(&view, Qt::Key_Down);
    QCoreApplication::processEvents();
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(document.bytes(), bytes);
}

QTEST_MAIN(tst_SourceView)
#include "tst_sourceview.moc"
