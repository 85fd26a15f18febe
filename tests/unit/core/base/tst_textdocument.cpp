#include "base/textdocument.h"
#include "base/textfilereader.h"
#include "support/testpaths.h"

#include <QDirIterator>
#include <QRandomGenerator>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;

class tst_TextDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripFiles_data();
    void roundTripFiles();
    void roundTripHugeFile();
    void linesAndEndings_data();
    void linesAndEndings();
    void replaceKeepsEnding();
    void insertAfterLastLineWithoutNewline();
    void appendToCrlfFile();
    void deleteLines();
    void embeddedNewlinesBecomeLines();
    void inverseRestoresBytes();
    void randomEditsUndoToOriginal();
    void utf8Validation_data();
    void utf8Validation();
    void revisionNamesOneText();
};

void tst_TextDocument::roundTripFiles_data()
{
    QTest::addColumn<QString>("path");
    const QStringList roots
        = {pgdial::test::exampleProject(), pgdial::test::testDataDir() + QStringLiteral("/roundtrip")};
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(QDir(root).relativeFilePath(path))) << path;
        }
    }
}

void tst_TextDocument::roundTripFiles()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    const TextDocument document = TextDocument::fromBytes(original);
    QCOMPARE(document.toBytes(), original);
    QCOMPARE(document.byteSize(), original.size());
}

void tst_TextDocument::roundTripHugeFile()
{
    QByteArray bytes;
    for (int i = 0; i < 100000; ++i) {
        bytes += "param_" + QByteArray::number(i) + " = " + QByteArray::number(i * 7) + "kB";
        bytes += (i % 3 == 0) ? "\r\n" : "\n";
    }
    const TextDocument document = TextDocument::fromBytes(bytes);
    QCOMPARE(document.lineCount(), 100000);
    QCOMPARE(document.toBytes(), bytes);
}

void tst_TextDocument::linesAndEndings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("lines");
    QTest::addColumn<bool>("finalNewline");
    QTest::addColumn<bool>("bom");
    QTest::addColumn<int>("dominant"); // LineEnding

    QTest::newRow("empty") << QByteArray() << 0 << false << false << int(LineEnding::Lf);
    QTest::newRow("one-line-no-newline") << QByteArray("a") << 1 << false << false << int(LineEnding::Lf);
    QTest::newRow("lf") << QByteArray("a\nb\n") << 2 << true << false << int(LineEnding::Lf);
    QTest::newRow("crlf") << QByteArray("a\r\nb\r\n") << 2 << true << false << int(LineEnding::CrLf);
    QTest::newRow("lone-cr-is-content") << QByteArray("a\rb\n") << 1 << true << false << int(LineEnding::Lf);
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFport = 1\n") << 1 << true << true << int(LineEnding::Lf);
    QTest::newRow("blank-lines") << QByteArray("\n\n") << 2 << true << false << int(LineEnding::Lf);
}

void tst_TextDocument::linesAndEndings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, lines);
    QFETCH(bool, finalNewline);
    QFETCH(bool, bom);
    QFETCH(int, dominant);
    const TextDocument document = TextDocument::fromBytes(bytes);
    QCOMPARE(document.lineCount(), lines);
    QCOMPARE(document.endsWithNewline(), finalNewline);
    QCOMPARE(document.hasBom(), bom);
    QCOMPARE(int(document.dominantEnding()), dominant);
    QCOMPARE(document.toBytes(), bytes);
}

void tst_TextDocument::replaceKeepsEnding()
{
    TextDocument document = TextDocument::fromBytes("a = 1\r\nb = 2\r\nc = 3\n");
    document.apply({1, 1, {"b = 20"}, {}});
    QCOMPARE(document.toBytes(), QByteArray("a = 1\r\nb = 20\r\nc = 3\n"));
}

void tst_TextDocument::insertAfterLastLineWithoutNewline()
{
    TextDocument document = TextDocument::fromBytes("a = 1\nb = 2");
    const LineEdit inverse = document.apply({2, 0, {"c = 3"}, {}});
    QCOMPARE(document.toBytes(), QByteArray("a = 1\nb = 2\nc = 3"));
    document.apply(inverse);
    QCOMPARE(document.toBytes(), QByteArray("a = 1\nb = 2"));
}

void tst_TextDocument::appendToCrlfFile()
{
    TextDocument document = TextDocument::fromBytes("a\r\nb\r\n");
    document.apply({2, 0, {"c", "d"}, {}});
    QCOMPARE(document.toBytes(), QByteArray("a\r\nb\r\nc\r\nd\r\n"));
}

void tst_TextDocument::deleteLines()
{
    TextDocument document = TextDocument::fromBytes("1\n2\n3\n4\n");
    const LineEdit inverse = document.apply({1, 2, {}, {}});
    QCOMPARE(document.toBytes(), QByteArray("1\n4\n"));
    document.apply(inverse);
    QCOMPARE(document.toBytes(), QByteArray("1\n2\n3\n4\n"));
}

void tst_TextDocument::embeddedNewlinesBecomeLines()
{
    TextDocument document = TextDocument::fromBytes("x\n");
    document.apply({1, 0, {"a\nb"}, {}});
    QCOMPARE(document.lineCount(), 3);
    QCOMPARE(document.toBytes(), QByteArray("x\na\nb\n"));
}

void tst_TextDocument::inverseRestoresBytes()
{
    const QByteArray original("\xEF\xBB\xBF# head\r\nport = 5432\nssl = on");
    TextDocument document = TextDocument::fromBytes(original);
    const LineEdit first = document.apply({2, 1, {"ssl = off", "ssl_ca_file = 'ca.crt'"}, {}});
    const LineEdit second = document.apply({0, 1, {}, {}});
    document.apply(second);
    document.apply(first);
    QCOMPARE(document.toBytes(), original);
}

void tst_TextDocument::randomEditsUndoToOriginal()
{
    QRandomGenerator random(20261125);
    QByteArray original;
    for (int i = 0; i < 200; ++i)
        original += "line " + QByteArray::number(i) + (random.bounded(4) == 0 ? "\r\n" : "\n");
    original += "last";
    for (int round = 0; round < 50; ++round) {
        TextDocument document = TextDocument::fromBytes(original);
        QList<LineEdit> undo;
        for (int step = 0; step < 20; ++step) {
            const int first = random.bounded(document.lineCount() + 1);
            const int remove = random.bounded(qMin(3, document.lineCount() - first) + 1);
            QList<QByteArray> lines;
            for (int k = random.bounded(4); k > 0; --k)
                lines.append("new " + QByteArray::number(random.bounded(1000)));
            undo.append(document.apply({first, remove, lines, {}}));
        }
        while (!undo.isEmpty())
            document.apply(undo.takeLast());
        QCOMPARE(document.toBytes(), original);
    }
}

void tst_TextDocument::utf8Validation_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("firstInvalid");
    QTest::newRow("ascii") << QByteArray("plain") << -1;
    QTest::newRow("two-byte") << QByteArray("Stra\xC3\x9F"
                                            "e")
                              << -1;
    QTest::newRow("emoji") << QByteArray("\xF0\x9F\x90\x98") << -1;
    QTest::newRow("latin1") << QByteArray("caf\xE9") << 3;
    QTest::newRow("overlong") << QByteArray("a\xC0\xAF") << 1;
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << 0;
    QTest::newRow("truncated") << QByteArray("ab\xE2\x82") << 2;
    QTest::newRow("too-big") << QByteArray("\xF4\x90\x80\x80") << 0;
}

void tst_TextDocument::utf8Validation()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, firstInvalid);
    QCOMPARE(int(firstInvalidUtf8(bytes)), firstInvalid);
}

void tst_TextDocument::revisionNamesOneText()
{
    TextDocument document = TextDocument::fromBytes("a = 1\nb = 2\n");
    const quint64 loaded = document.revision();
    QVERIFY(loaded != 0);
    QVERIFY(TextDocument::fromBytes("a = 1\nb = 2\n").revision() != loaded); // another load, another text
    // A copy is the same text; an edit of either side gives it a revision of its own.
    TextDocument copy = document;
    QCOMPARE(copy.revision(), loaded);
    const LineEdit inverse = copy.apply(LineEdit {0, 1, {"a = 3"}, {}});
    QVERIFY(copy.revision() != loaded);
    QCOMPARE(document.revision(), loaded);
    // Undoing gives back the bytes, not the old revision: nothing is reused across an undo.
    const quint64 edited = copy.revision();
    copy.apply(inverse);
    QCOMPARE(copy.toBytes(), document.toBytes());
    QVERIFY(copy.revision() != edited && copy.revision() != loaded);
}

QTEST_APPLESS_MAIN(tst_TextDocument)
#include "tst_textdocument.moc"
