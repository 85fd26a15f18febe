// Typing in the raw editor on a 20,000-line postgresql.conf: every keystroke becomes a
// core::LineEdit on the ProjectDocument's undo stack and re-highlights its line. Baseline in the
// same run: the same keystrokes in a bare QPlainTextEdit holding the same text. Prints the
// per-keystroke times and their ratio.
#include "base/textdocument.h"
#include "document/projectdocument.h"
#include "editors/sourceview.h"
#include "project/projectfile.h"

#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QUndoStack>

using namespace pgdial;

class bench_Typing final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keystrokeOnHugeFile();
};

namespace {

constexpr int lineCount = 20000;
constexpr int keystrokes = 400;

QByteArray hugeConf()
{
    QByteArray bytes;
    for (int i = 0; i < lineCount; ++i)
        bytes += "param_" + QByteArray::number(i) + " = " + QByteArray::number(i) + "\t# comment "
            + QByteArray::number(i) + '\n';
    return bytes;
}

double typeInto(QPlainTextEdit &view)
{
    QTextCursor cursor(view.document()->findBlockByNumber(lineCount / 2));
    cursor.movePosition(QTextCursor::EndOfBlock);
    view.setTextCursor(cursor);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < keystrokes; ++i) {
        QTest::keyClick(&view, Qt::Key_A);
        QCoreApplication::processEvents();
    }
    return static_cast<double>(timer.nsecsElapsed()) / keystrokes / 1000.0;
}

} // namespace

void bench_Typing::keystrokeOnHugeFile()
{
    const QByteArray bytes = hugeConf();
    auto file = std::make_shared<core::project::ProjectFile>();
    file->kind = core::project::FileKind::PostgresqlConf;
    file->relativePath = QStringLiteral("postgresql.conf");
    file->document = core::base::TextDocument::fromBytes(bytes);
    ui::document::ProjectDocument document(file);
    ui::editors::SourceView editor;
    editor.setProjectDocument(&document);
    editor.resize(1000, 700);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    QPlainTextEdit bare;
    bare.setPlainText(QString::fromUtf8(bytes));
    bare.resize(1000, 700);
    bare.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bare));

    // Interleave to share any machine noise; keep the best of three rounds of each.
    double best[2] = {1e18, 1e18};
    for (int round = 0; round < 3; ++round) {
        best[0] = qMin(best[0], typeInto(editor));
        best[1] = qMin(best[1], typeInto(bare));
    }
    QVERIFY(document.bytes().size() == bytes.size() + 3 * keystrokes);
    QVERIFY(document.undoStack()->count() >= 1);
    qInfo("keystroke on %d lines: pgdial raw editor %.1f us, bare QPlainTextEdit %.1f us, ratio %.2fx", lineCount,
          best[0], best[1], best[0] / best[1]);
}

QTEST_MAIN(bench_Typing)
#include "bench_typing.moc"
