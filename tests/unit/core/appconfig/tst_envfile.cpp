#include "appconfig/envfile.h"

#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::appconfig;

class tst_EnvFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void values_data();
    void values();
    void diagnostics_data();
    void diagnostics();
    void duplicatesNameTheFirstAssignment();
    void duplicateLastWins();
    void positions();
    void setValue_data();
    void setValue();
    void setValueAppends();
    void setValueRefusesToReinterpretOtherLines();
    void setComment_data();
    void setComment();
    void exampleProductionSection();
};

static EnvFile parse(const QByteArray &bytes)
{
    return EnvFile::parse(TextDocument::fromBytes(bytes), QStringLiteral(".env"));
}

void tst_EnvFile::values_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("quote");

    QTest::newRow("plain") << QByteArray("A=b\n") << "A"
                           << "b" << int(EnvQuote::None);
    QTest::newRow("spaces-around-equals") << QByteArray("A = b  \n") << "A"
                                          << "b" << int(EnvQuote::None);
    QTest::newRow("export") << QByteArray("export A=b\n") << "A"
                            << "b" << int(EnvQuote::None);
    QTest::newRow("inline-comment") << QByteArray("A=b # note\n") << "A"
                                    << "b" << int(EnvQuote::None);
    QTest::newRow("hash-without-space") << QByteArray("A=b#c\n") << "A"
                                        << "b#c" << int(EnvQuote::None);
    QTest::newRow("empty") << QByteArray("A=\n") << "A"
                           << "" << int(EnvQuote::None);
    QTest::newRow("empty-with-comment") << QByteArray("A= # nothing\n") << "A"
                                        << "" << int(EnvQuote::None);
    QTest::newRow("single-literal") << QByteArray("A='x\\ny $B'\n") << "A"
                                    << "x\\ny $B" << int(EnvQuote::Single);
    QTest::newRow("single-hash") << QByteArray("A='a #b' # c\n") << "A"
                                 << "a #b" << int(EnvQuote::Single);
    QTest::newRow("double-escapes") << QByteArray("A=\"x\\ny\\t\\\"q\\\\\"\n") << "A"
                                    << "x\ny\t\"q\\" << int(EnvQuote::Double);
    QTest::newRow("double-multiline") << QByteArray("A=\"line1\nline2\"\nB=c\n") << "A"
                                      << "line1\nline2" << int(EnvQuote::Double);
    QTest::newRow("after-multiline") << QByteArray("A=\"line1\nline2\"\nB=c\n") << "B"
                                     << "c" << int(EnvQuote::None);
    QTest::newRow("crlf") << QByteArray("A=b\r\nC=d\r\n") << "A"
                          << "b" << int(EnvQuote::None);
    QTest::newRow("crlf-quoted") << QByteArray("A=\"b\"\r\n") << "A"
                                 << "b" << int(EnvQuote::Double);
    QTest::newRow("url") << QByteArray("DATABASE_URL=postgresql://appuser:devpass@localhost:5433/appdb\n")
                         << "DATABASE_URL"
                         << "postgresql://appuser:devpass@localhost:5433/appdb" << int(EnvQuote::None);
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF"
                                       "A=b\n")
                         << "A"
                         << "b" << int(EnvQuote::None);
    QTest::newRow("no-final-newline") << QByteArray("A=b") << "A"
                                      << "b" << int(EnvQuote::None);
    QTest::newRow("dotted-key") << QByteArray("a.b-c=1\n") << "a.b-c"
                                << "1" << int(EnvQuote::None);
}

void tst_EnvFile::values()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(int, quote);
    const EnvFile file = parse(input);
    const auto entry = file.find(key);
    QVERIFY(entry);
    QCOMPARE(entry->value, value);
    QCOMPARE(int(entry->quote), quote);
}

void tst_EnvFile::diagnostics_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("no-equals") << QByteArray("A=1\nJUSTKEY\n") << "env.invalid-line" << 2 << 1;
    QTest::newRow("garbage") << QByteArray("A=1\n  !!!\n") << "env.invalid-line" << 2 << 3;
    QTest::newRow("bad-separator") << QByteArray("A: 1\n") << "env.invalid-line" << 1 << 2;
    QTest::newRow("unterminated-double") << QByteArray("A=\"abc\n") << "env.unterminated-quote" << 1 << 3;
    QTest::newRow("unterminated-single") << QByteArray("X=1\nA='abc\n") << "env.unterminated-quote" << 2 << 3;
    QTest::newRow("trailing") << QByteArray("A=\"abc\" def\n") << "env.trailing-text" << 1 << 9;
    QTest::newRow("duplicate") << QByteArray("A=1\nA=2\n") << "env.duplicate-key" << 2 << 1;
}

void tst_EnvFile::diagnostics()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    const EnvFile file = parse(input);
    QCOMPARE(file.diagnostics().size(), 1);
    const Diagnostic &d = file.diagnostics().first();
    QCOMPARE(d.code, code);
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    QCOMPARE(d.file, QStringLiteral(".env"));
}

void tst_EnvFile::duplicateLastWins()
{
    const EnvFile file = parse("A=1\nB=x\nA=2\n");
    QCOMPARE(file.find(QStringLiteral("A"))->value, QStringLiteral("2"));
    QCOMPARE(file.find(QStringLiteral("A"))->line, 3);
    QCOMPARE(file.keys(), (QStringList {QStringLiteral("A"), QStringLiteral("B")}));
    QCOMPARE(file.diagnostics().first().severity, Severity::Info);
    QCOMPARE(file.diagnostics().first().related, QStringList {QStringLiteral(".env:1")});
}

void tst_EnvFile::positions()
{
    const EnvFile file = parse("# c\n\nexport  KEY = \"a\nb\" # x\nNEXT=1\n");
    const auto entry = file.find(QStringLiteral("KEY"));
    QVERIFY(entry);
    QCOMPARE(entry->line, 3);
    QCOMPARE(entry->lastLine, 4);
    QCOMPARE(entry->valueColumn, 15);
    QVERIFY(entry->exported);
    QCOMPARE(file.find(QStringLiteral("NEXT"))->line, 5);
    QVERIFY(file.diagnostics().isEmpty());
}

void tst_EnvFile::setValue_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << QByteArray("# top\nA=1 # keep\nB=2\n") << "A"
                           << "42" << QByteArray("# top\nA=42 # keep\nB=2\n");
    QTest::newRow("plain-needs-quotes") << QByteArray("A=1\n") << "A"
                                        << "a #b" << QByteArray("A=\"a #b\"\n");
    QTest::newRow("single-kept") << QByteArray("A='x'  # c\n") << "A"
                                 << "y z" << QByteArray("A='y z'  # c\n");
    QTest::newRow("single-to-double") << QByteArray("A='x'\n") << "A"
                                      << "it's" << QByteArray("A=\"it's\"\n");
    QTest::newRow("double-kept") << QByteArray("export A = \"x\"\n") << "A"
                                 << "q\"r" << QByteArray("export A = \"q\\\"r\"\n");
    QTest::newRow("multiline-collapses") << QByteArray("A=\"1\n2\" # c\nB=3\n") << "A"
                                         << "x\ny" << QByteArray("A=\"x\\ny\" # c\nB=3\n");
    QTest::newRow("crlf-kept") << QByteArray("A=1\r\nB=2\r\n") << "B"
                               << "3" << QByteArray("A=1\r\nB=3\r\n");
    QTest::newRow("last-duplicate-edited") << QByteArray("A=1\nA=2\n") << "A"
                                           << "3" << QByteArray("A=1\nA=3\n");
    QTest::newRow("empty-value") << QByteArray("A=\nB=1\n") << "A"
                                 << "v" << QByteArray("A=v\nB=1\n");
    QTest::newRow("url-with-variable") << QByteArray("U=postgresql://u:${PW}@h/db\n") << "U"
                                       << "postgresql://u:${PW}@h:5433/db"
                                       << QByteArray("U=postgresql://u:${PW}@h:5433/db\n");
}

void tst_EnvFile::setValue()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    TextDocument document = TextDocument::fromBytes(input);
    const EnvFile file = EnvFile::parse(document, QStringLiteral(".env"));
    const Result<LineEdit> edit = file.setValue(document, key, value);
    QVERIFY(edit);
    const LineEdit inverse = document.apply(*edit);
    QCOMPARE(document.toBytes(), expected);
    const EnvFile reread = EnvFile::parse(document, QStringLiteral(".env"));
    QCOMPARE(reread.find(key)->value, value);
    document.apply(inverse);
    QCOMPARE(document.toBytes(), input);
}

// Found by fuzz_appconfig: line 1 opens a quote it never closes, so it reads as "x". A value written
// with a quote on line 2 would close it, swallowing line 2 into A's first value.
void tst_EnvFile::setValueRefusesToReinterpretOtherLines()
{
    const QByteArray input = "export A=\"x\nB=$}'#C{ c\n";
    const TextDocument document = TextDocument::fromBytes(input);
    const EnvFile file = EnvFile::parse(document, QStringLiteral(".env"));
    QCOMPARE(file.find(QStringLiteral("A"))->value, QStringLiteral("x"));
    const Result<LineEdit> refused = file.setValue(document, QStringLiteral("B"), QStringLiteral("a #b\"c"));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("env.ambiguous-edit"));
    QVERIFY2(refused.error().message.contains(QStringLiteral("line 1")), qPrintable(refused.error().message));
    QVERIFY(file.setValue(document, QStringLiteral("B"), QStringLiteral("plain")));
}

void tst_EnvFile::setComment_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("comment");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("add") << QByteArray("A=1\nB=2\n") << "the pool" << QByteArray("A=1  # the pool\nB=2\n");
    QTest::newRow("replace-keeps-spacing")
        << QByteArray("A=1    # old\nB=2\n") << "new" << QByteArray("A=1    # new\nB=2\n");
    QTest::newRow("remove") << QByteArray("A=1  # old\nB=2\n") << "" << QByteArray("A=1\nB=2\n");
    QTest::newRow("double-quoted") << QByteArray("A=\"x # y\" # old\r\n") << "new"
                                   << QByteArray("A=\"x # y\" # new\r\n");
    QTest::newRow("single-quoted-add") << QByteArray("export A='x'") << "c" << QByteArray("export A='x'  # c");
    QTest::newRow("multi-line") << QByteArray("A=\"one\ntwo\" # old\nB=2\n") << "new"
                                << QByteArray("A=\"one\ntwo\" # new\nB=2\n");
    QTest::newRow("empty-value") << QByteArray("A= # old\n") << "new" << QByteArray("A= # new\n");
    QTest::newRow("hash-in-value") << QByteArray("A=x#y\n") << "c" << QByteArray("A=x#y  # c\n");
}

void tst_EnvFile::setComment()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, comment);
    QFETCH(QByteArray, expected);
    TextDocument document = TextDocument::fromBytes(input);
    const EnvFile file = EnvFile::parse(document, QStringLiteral(".env"));
    const QString value = file.find(QStringLiteral("A"))->value;
    const Result<LineEdit> edit = file.setComment(document, QStringLiteral("A"), comment);
    QVERIFY2(edit, qPrintable(edit ? QString() : edit.error().message));
    const LineEdit inverse = document.apply(*edit);
    QCOMPARE(document.toBytes(), expected);
    const EnvFile reread = EnvFile::parse(document, QStringLiteral(".env"));
    QCOMPARE(reread.find(QStringLiteral("A"))->value, value);
    QCOMPARE(reread.inlineComment(document, QStringLiteral("A")), comment);
    document.apply(inverse);
    QCOMPARE(document.toBytes(), input);
}

void tst_EnvFile::setValueAppends()
{
    for (const QByteArray &input : {QByteArray("A=1\n"), QByteArray("A=1"), QByteArray(""), QByteArray("A=1\r\n")}) {
        TextDocument document = TextDocument::fromBytes(input);
        const EnvFile file = EnvFile::parse(document, QStringLiteral(".env"));
        document.apply(*file.setValue(document, QStringLiteral("NEW"), QStringLiteral("x y")));
        const EnvFile reread = EnvFile::parse(document, QStringLiteral(".env"));
        QVERIFY2(reread.find(QStringLiteral("NEW")), document.toBytes().constData());
        QCOMPARE(reread.find(QStringLiteral("NEW"))->value, QStringLiteral("x y"));
        if (!input.isEmpty())
            QCOMPARE(reread.find(QStringLiteral("A"))->value, QStringLiteral("1"));
        QVERIFY(reread.diagnostics().isEmpty());
    }
}

void tst_EnvFile::exampleProductionSection()
{
    const EnvFile file
        = parse("# Database\nAPP_DB=appdb\n\n# --- Production only ---\n# Password files\nPW_FILE=/run/x\n");
    QVERIFY(!file.find(QStringLiteral("APP_DB"))->documentedForProductionOnly);
    QVERIFY(file.find(QStringLiteral("PW_FILE"))->documentedForProductionOnly);
}

void tst_EnvFile::duplicatesNameTheFirstAssignment()
{
    // Keys are looked up by hash (a scan of every earlier key was quadratic): same answers.
    const EnvFile file = parse("A=1\nB=x\nA=2\nC=y\nA=3\nB=z\n");
    QCOMPARE(file.keys(), (QStringList {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    QCOMPARE(file.find(QStringLiteral("A"))->value, QStringLiteral("3"));
    QCOMPARE(file.find(QStringLiteral("A"))->line, 5);
    QCOMPARE(file.find(QStringLiteral("B"))->value, QStringLiteral("z"));
    QVERIFY(!file.find(QStringLiteral("D")));
    QStringList related;
    for (const auto &d : file.diagnostics()) {
        QCOMPARE(d.code, QStringLiteral("env.duplicate-key"));
        related += QString::number(d.line) + QStringLiteral("->") + d.related.value(0);
    }
    QCOMPARE(related,
             (QStringList {QStringLiteral("3->.env:1"), QStringLiteral("5->.env:1"), QStringLiteral("6->.env:2")}));
}

QTEST_GUILESS_MAIN(tst_EnvFile)
#include "tst_envfile.moc"
