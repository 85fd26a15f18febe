#include "base/linediff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;

class tst_LineDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diffRebuildsBothSides_data();
    void diffRebuildsBothSides();
    void randomDiffsAreMinimalEnoughAndExact();
    void unifiedFormat();
    void unifiedNoFinalNewline();
    void equalTextsGiveEmptyDiff();
    void hugeFileWithOneEdit();
};

namespace {

QList<QByteArray> lines(const char *text)
{
    return LineDiff::splitLines(QByteArray(text));
}

void rebuild(const QList<DiffLine> &ops, QList<QByteArray> &oldSide, QList<QByteArray> &newSide, int &changes)
{
    changes = 0;
    for (const DiffLine &op : ops) {
        if (op.op != DiffLine::Op::Insert)
            oldSide.append(op.text);
        if (op.op != DiffLine::Op::Delete)
            newSide.append(op.text);
        changes += op.op != DiffLine::Op::Equal;
    }
}

} // namespace

void tst_LineDiff::diffRebuildsBothSides_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<int>("changes");
    QTest::newRow("both-empty") << QByteArray() << QByteArray() << 0;
    QTest::newRow("insert-into-empty") << QByteArray() << QByteArray("a\nb\n") << 2;
    QTest::newRow("delete-all") << QByteArray("a\nb\n") << QByteArray() << 2;
    QTest::newRow("change-middle") << QByteArray("a\nb\nc\n") << QByteArray("a\nx\nc\n") << 2;
    QTest::newRow("insert-middle") << QByteArray("a\nc\n") << QByteArray("a\nb\nc\n") << 1;
    QTest::newRow("crlf-only-change") << QByteArray("a\r\nb\n") << QByteArray("a\nb\n") << 2;
    QTest::newRow("final-newline-added") << QByteArray("a\nb") << QByteArray("a\nb\n") << 2;
    QTest::newRow("swap") << QByteArray("a\nb\nc\nd\n") << QByteArray("b\na\nc\nd\n") << 2;
}

void tst_LineDiff::diffRebuildsBothSides()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(int, changes);
    const QList<DiffLine> ops = LineDiff::compute(LineDiff::splitLines(before), LineDiff::splitLines(after));
    QList<QByteArray> oldSide;
    QList<QByteArray> newSide;
    int counted = 0;
    rebuild(ops, oldSide, newSide, counted);
    QCOMPARE(oldSide.join(), before);
    QCOMPARE(newSide.join(), after);
    QCOMPARE(counted, changes);
}

void tst_LineDiff::randomDiffsAreMinimalEnoughAndExact()
{
    QRandomGenerator random(8);
    for (int round = 0; round < 200; ++round) {
        QList<QByteArray> a;
        const int size = random.bounded(40);
        for (int i = 0; i < size; ++i)
            a.append(QByteArray::number(random.bounded(6)) + '\n');
        QList<QByteArray> b = a;
        const int edits = random.bounded(6);
        for (int e = 0; e < edits; ++e) {
            const int at = b.isEmpty() ? 0 : random.bounded(static_cast<int>(b.size()));
            if (random.bounded(2) && !b.isEmpty())
                b.removeAt(at);
            else
                b.insert(at, QByteArray::number(random.bounded(6)) + '\n');
        }
        QList<QByteArray> oldSide;
        QList<QByteArray> newSide;
        int changes = 0;
        rebuild(LineDiff::compute(a, b), oldSide, newSide, changes);
        QCOMPARE(oldSide, a);
        QCOMPARE(newSide, b);
        // A shortest edit script never needs more than the edits we made.
        QVERIFY2(changes <= edits, qPrintable(QStringLiteral("%1 > %2").arg(changes).arg(edits)));
    }
}

void tst_LineDiff::unifiedFormat()
{
    QByteArray before;
    for (int i = 1; i <= 20; ++i)
        before += "line " + QByteArray::number(i) + '\n';
    QByteArray after = before;
    after.replace("line 10\n", "line ten\n");
    const QString diff = LineDiff::unified(before, after, QStringLiteral("x.conf"), QStringLiteral("x.conf"));
    const QString expected = QStringLiteral("--- a/x.conf\n+++ b/x.conf\n@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n"
                                            "-line 10\n+line ten\n line 11\n line 12\n line 13\n");
    QCOMPARE(diff, expected);

    // Two changes close together share a hunk; far apart they get their own.
    QByteArray two = after;
    two.replace("line 14\n", "line fourteen\n");
    QCOMPARE(LineDiff::unified(before, two, QStringLiteral("x"), QStringLiteral("x")).count(QStringLiteral("@@ -")), 1);
    QByteArray far = after;
    far.replace("line 20\n", "line twenty\n");
    far.replace("line 1\n", "line one\n");
    QCOMPARE(LineDiff::unified(before, far, QStringLiteral("x"), QStringLiteral("x")).count(QStringLiteral("@@ -")), 3);
}

void tst_LineDiff::unifiedNoFinalNewline()
{
    const QString diff = LineDiff::unified("a\nb", "a\nc", QStringLiteral("f"), QStringLiteral("f"));
    QCOMPARE(diff,
             QStringLiteral("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
                            "\\ No newline at end of file\n"));
    QCOMPARE(LineDiff::unified("", "a\n", QStringLiteral("f"), QStringLiteral("f")),
             QStringLiteral("--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n"));
}

void tst_LineDiff::equalTextsGiveEmptyDiff()
{
    QVERIFY(LineDiff::unified("a\nb\n", "a\nb\n", QStringLiteral("f"), QStringLiteral("f")).isEmpty());
    QVERIFY(LineDiff::compute(lines("a\n"), lines("a\n")).size() == 1);
}

void tst_LineDiff::hugeFileWithOneEdit()
{
    QByteArray before;
    for (int i = 0; i < 20000; ++i)
        before += "param_" + QByteArray::number(i) + " = " + QByteArray::number(i) + '\n';
    QByteArray after = before;
    after.replace("param_12345 = 12345\n", "param_12345 = 1\n");
    const QString diff = LineDiff::unified(before, after, QStringLiteral("big.conf"), QStringLiteral("big.conf"));
    QVERIFY(diff.contains(QStringLiteral("@@ -12343,7 +12343,7 @@")));
    QCOMPARE(diff.count(u'\n'), 2 + 1 + 8);
}

QTEST_GUILESS_MAIN(tst_LineDiff)
#include "tst_linediff.moc"
