// JsonWriter streams JSON that must be byte for byte what QJsonDocument::toJson(Indented) writes
// (the CLI's JSON shapes are contracts): every case is compared with Qt's own output.
#include "base/diagnosticformatter.h"
#include "base/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <functional>

using namespace pgdial::core::base;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(pgdial::core::base::Diagnostic)

class tst_JsonWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void structure_data();
    void structure();
    void strings_data();
    void strings();
    void randomStrings();
    void latin1Strings();
    void numbers();
    void largeDocumentIsFlushedInPieces();
    void diagnostics_data();
    void diagnostics();
};

namespace {

QByteArray qtText(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
}

QByteArray written(const std::function<void(JsonWriter &)> &write, int *pieces = nullptr)
{
    QByteArray text;
    {
        JsonWriter writer([&](QByteArrayView piece) {
            text += piece;
            if (pieces)
                ++*pieces;
        });
        write(writer);
    }
    return text;
}

// A string in an object in an array, so indentation and separators are part of the comparison.
void compareString(const QString &text)
{
    const QByteArray expected = qtText(QJsonArray {QJsonObject {{u"k"_s, text}}, text});
    const QByteArray actual = written([&](JsonWriter &writer) {
        writer.beginArray();
        writer.beginObject();
        writer.key("k"_L1);
        writer.string(text);
        writer.endObject();
        writer.string(text);
        writer.endArray();
    });
    QCOMPARE(actual, expected);
}

} // namespace

void tst_JsonWriter::structure_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("empty object") << QJsonValue(QJsonObject {});
    QTest::newRow("empty array") << QJsonValue(QJsonArray {});
    QTest::newRow("empty containers inside") << QJsonValue(
        QJsonObject {{u"a"_s, QJsonArray {}}, {u"b"_s, QJsonObject {}}, {u"c"_s, QJsonArray {QJsonArray {}}}});
    QTest::newRow("scalars") << QJsonValue(QJsonArray {true, false, QJsonValue::Null, 0, -1, u"x"_s});
    QTest::newRow("nested") << QJsonValue(QJsonObject {
        {u"diagnostics"_s, QJsonArray {QJsonObject {{u"related"_s, QJsonArray {u"a:1"_s, u"b:2"_s}}}}},
        {u"file_settings"_s, QJsonArray {QJsonObject {{u"applied"_s, true}, {u"error"_s, QJsonValue::Null}}}},
        {u"ok"_s, false},
    });
    QTest::newRow("non-ASCII keys") << QJsonValue(QJsonObject {{u"é"_s, 1}, {u"Z"_s, 2}, {u"\t\""_s, 3}});
    QTest::newRow("fractions") << QJsonValue(QJsonArray {0.5, 1e20, 100000.0, -0.25, 1e-7, 123456.789});
}

void tst_JsonWriter::structure()
{
    QFETCH(QJsonValue, value);
    // Through value(), which walks the tree with the same calls a streaming caller makes.
    QCOMPARE(written([&](JsonWriter &writer) { writer.value(value); }), qtText(value));
}

void tst_JsonWriter::strings_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain") << u"work_mem"_s;
    QTest::newRow("escapes") << u"\"quoted\" back\\slash\b\f\n\r\t"_s;
    QString controls;
    for (char16_t u = 0; u < 0x20; ++u)
        controls += QChar(u);
    controls += QChar(0x7f);
    QTest::newRow("control characters") << controls;
    QTest::newRow("two-byte") << u"é ü ß"_s;
    QTest::newRow("three-byte") << u"€ \ufeffwork_mem \ufffd \ufffe \uffff"_s;
    QTest::newRow("surrogate pair") << u"smile 😀 end"_s;
    QTest::newRow("lone high") << u"a"_s + QChar(0xd800) + u"b"_s;
    QTest::newRow("lone low") << u"a"_s + QChar(0xdc00) + u"b"_s;
    QTest::newRow("high at end") << u"a"_s + QChar(0xd83d);
    QTest::newRow("two highs") << QString(QChar(0xd83d)) + QChar(0xd83d) + QChar(0xde00);
    QTest::newRow("replacement from bad UTF-8") << QString::fromUtf8("a\xff\xfe\xc3(b\xe2\x82");
}

void tst_JsonWriter::strings()
{
    QFETCH(QString, text);
    compareString(text);
}

void tst_JsonWriter::randomStrings()
{
    // Every kind of code unit, surrogates in and out of pairs: a fixed seed keeps failures repeatable.
    QRandomGenerator random(16);
    static const char16_t pool[] = {u'a',  u'"',  u'\\',  u'\n',  0x01,   0x1f,   0x7f,   0x80,
                                    0x7ff, 0x800, 0xfeff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xffff};
    for (int round = 0; round < 2000; ++round) {
        QString text;
        const int length = int(random.bounded(12));
        for (int i = 0; i < length; ++i)
            text += QChar(random.bounded(2) ? pool[random.bounded(int(std::size(pool)))]
                                            : char16_t(random.bounded(0x10000)));
        compareString(text);
        if (QTest::currentTestFailed()) {
            qWarning() << "failed on" << text.toUcs4();
            return;
        }
    }
}

void tst_JsonWriter::latin1Strings()
{
    // Latin-1 text is written as its UTF-16 would be.
    QByteArray bytes;
    for (int c = 0; c < 256; ++c)
        bytes += char(c);
    const QByteArray expected = qtText(QJsonArray {QString::fromLatin1(bytes)});
    QCOMPARE(written([&](JsonWriter &writer) {
                 writer.beginArray();
                 writer.string(QLatin1StringView(bytes));
                 writer.endArray();
             }),
             expected);
    QVERIFY(JsonWriter::isAscii("work_mem = '4MB'"));
    QVERIFY(!JsonWriter::isAscii("\xef\xbb\xbfwork_mem"));
}

void tst_JsonWriter::numbers()
{
    const QList<qint64> numbers {0, 1, -1, 7, 100000, 1000000, 2147483647, -2147483648LL, 1000000000000000LL};
    QJsonArray array;
    for (qint64 number : numbers)
        array.append(number);
    QCOMPARE(written([&](JsonWriter &writer) {
                 writer.beginArray();
                 for (qint64 number : numbers)
                     writer.number(number);
                 writer.endArray();
             }),
             qtText(array));
}

void tst_JsonWriter::largeDocumentIsFlushedInPieces()
{
    QJsonArray rows;
    for (int i = 0; i < 20000; ++i)
        rows.append(QJsonObject {{u"line"_s, i}, {u"name"_s, u"setting_%1"_s.arg(i)}});
    int pieces = 0;
    const QByteArray text = written(
        [&](JsonWriter &writer) {
            writer.beginObject();
            writer.key("rows"_L1);
            writer.beginArray();
            for (int i = 0; i < 20000; ++i) {
                writer.beginObject();
                writer.key("line"_L1);
                writer.number(i);
                writer.key("name"_L1);
                writer.string(u"setting_%1"_s.arg(i));
                writer.endObject();
            }
            writer.endArray();
            writer.endObject();
        },
        &pieces);
    QCOMPARE(text, qtText(QJsonObject {{u"rows"_s, rows}}));
    QVERIFY2(pieces > 10, "a large report is handed on as it is written, not held whole");
}

void tst_JsonWriter::diagnostics_data()
{
    QTest::addColumn<Diagnostic>("diagnostic");
    Diagnostic plain;
    plain.severity = Severity::Info;
    plain.code = u"conf.duplicate-parameter"_s;
    plain.file = u"postgresql.conf"_s;
    plain.line = 1;
    plain.column = 1;
    plain.message = u"\"work_mem\" is set again at postgresql.conf:9, which wins; this line has no effect"_s;
    QTest::newRow("no parameter, no suggestion") << plain;

    Diagnostic related = plain;
    related.parameter = u"work_mem"_s;
    related.suggestion = u"Remove this line, or the later one"_s;
    related.related = {u"postgresql.conf:9"_s, u"conf.d/b.conf:2"_s};
    QTest::newRow("related places") << related;

    Diagnostic fix = related;
    fix.severity = Severity::Error;
    fix.code = u"conf.unknown-parameter"_s;
    fix.message = u"Unrecognized configuration parameter \"shared_bufers\" — «naïve» \t tab"_s;
    fix.fix = Fix {u"Rename to shared_buffers"_s,
                   fix.file,
                   {LineEdit {11, 1, {"shared_buffers = 1GB", "# \xc3\xa9t\xc3\xa9"}, {}}, LineEdit {20, 2, {}, {}}}};
    QTest::newRow("fix with edits") << fix;

    Diagnostic whole;
    whole.severity = Severity::Warning;
    whole.code = u"conf.include-skipped"_s;
    QTest::newRow("about the whole file") << whole;
}

void tst_JsonWriter::diagnostics()
{
    QFETCH(Diagnostic, diagnostic);
    const Diagnostics list {diagnostic, diagnostic};
    QCOMPARE(written([&](JsonWriter &writer) { DiagnosticFormatter::writeJson(writer, list); }),
             qtText(DiagnosticFormatter::toJson(list)));
}

QTEST_GUILESS_MAIN(tst_JsonWriter)
#include "tst_jsonwriter.moc"
