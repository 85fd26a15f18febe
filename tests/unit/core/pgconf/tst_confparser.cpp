// The postgresql.conf lexer and line grammar, one row per trap of part A1-A3 of the semantics
// reference. Each row renders what the parser found as a compact string:
//   set:NAME=VALUE   (value de-escaped; a trailing " q" when it was quoted)
//   sample:NAME=VALUE
//   err@LINE:'TOKEN' or err@LINE:eol (LINE is the line the server reports)
#include "pgconf/confparser.h"

#include <QtTest>

using namespace pgdial::core::pgconf;

namespace {

QString render(const ConfParsedFile &parsed)
{
    QStringList parts;
    for (const ConfLine &line : parsed.lines) {
        switch (line.kind) {
        case ConfLineKind::Setting:
            parts << QString("set:%1=%2%3")
                         .arg(QString::fromLatin1(line.name), QString::fromLatin1(line.value), line.quoted ? " q" : "");
            break;
        case ConfLineKind::Sample:
            parts << QString("sample:%1=%2").arg(QString::fromLatin1(line.name), QString::fromLatin1(line.value));
            break;
        case ConfLineKind::SyntaxError:
            parts << (line.nearEndOfLine
                          ? QString("err@%1:eol").arg(line.reportedLine)
                          : QString("err@%1:'%2'").arg(line.reportedLine).arg(QString::fromLatin1(line.nearToken)));
            break;
        }
    }
    return parts.join(" | ");
}

} // namespace

class TestConfParser : public QObject
{
    Q_OBJECT

private slots:
    void grammar_data();
    void grammar();
    void positions();
    void sampleLinePositions();
    void lastLineWithoutNewline();
};

void TestConfParser::grammar_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    // A2: line grammar.
    QTest::newRow("name equals value") << QByteArray("port = 5433\n") << "set:port=5433";
    QTest::newRow("equals is optional") << QByteArray("port 5433\n") << "set:port=5433";
    QTest::newRow("no blanks around equals") << QByteArray("port=5433\n") << "set:port=5433";
    QTest::newRow("second equals") << QByteArray("port = = 5433\n") << "err@1:'='";
    QTest::newRow("name without value") << QByteArray("log_directory =\n") << "err@1:eol";
    QTest::newRow("name alone") << QByteArray("fsync\n") << "err@1:eol";
    QTest::newRow("trailing garbage") << QByteArray("port = 5433 5434\n") << "err@1:'5434'";
    QTest::newRow("comment after value") << QByteArray("port = 5433 # the port\n") << "set:port=5433";
    QTest::newRow("comment right after value") << QByteArray("port = 5433#x\n") << "set:port=5433";
    QTest::newRow("value starting with equals") << QByteArray("= 5\n") << "err@1:'='";
    QTest::newRow("unquoted list") << QByteArray("log_destination = stderr,csvlog\n") << "err@1:','";
    QTest::newRow("quoted list") << QByteArray("log_destination = 'stderr,csvlog'\n")
                                 << "set:log_destination=stderr,csvlog q";
    QTest::newRow("empty and comment lines") << QByteArray("\n   \n# a prose comment\n\t\n") << "";
    QTest::newRow("line numbers count blank lines") << QByteArray("\n\nport =\n") << "err@3:eol";

    // A1: CR is a blank, BOM is part of the first name.
    QTest::newRow("crlf endings") << QByteArray("port = 5433\r\nwork_mem = 4MB\r\n")
                                  << "set:port=5433 | set:work_mem=4MB";
    QTest::newRow("stray cr in the middle") << QByteArray("port\r=\r5433\n") << "set:port=5433";
    QTest::newRow("bom joins first name") << QByteArray("\xEF\xBB\xBFmax_connections = 50\n")
                                          << QString::fromLatin1("set:\xEF\xBB\xBFmax_connections=50");
    QTest::newRow("high bytes are letters")
        << QByteArray("\xC3\xA9t\xC3\xA9 = x\n") << QString::fromLatin1("set:\xC3\xA9t\xC3\xA9=x");
    QTest::newRow("vertical tab is an error") << QByteArray("port\v= 1\n") << "err@1:'\v'";

    // A1: identifiers, qualified IDs and unquoted strings.
    QTest::newRow("qualified name") << QByteArray("pg_stat_statements.max = 1000\n")
                                    << "set:pg_stat_statements.max=1000";
    QTest::newRow("two dots in name") << QByteArray("a.b.c = 1\n") << "err@1:'a.b.c'";
    QTest::newRow("qualified id as value")
        << QByteArray("default_text_search_config = pg_catalog.english\n") << "err@1:'pg_catalog.english'";
    QTest::newRow("quoted qualified value") << QByteArray("default_text_search_config = 'pg_catalog.english'\n")
                                            << "set:default_text_search_config=pg_catalog.english q";
    QTest::newRow("include_dir conf.d unquoted") << QByteArray("include_dir conf.d\n") << "err@1:'conf.d'";
    QTest::newRow("slash makes unquoted string")
        << QByteArray("timezone = Europe/Berlin\n") << "set:timezone=Europe/Berlin";
    QTest::newRow("sub/a.conf unquoted") << QByteArray("include sub/a.conf\n") << "set:include=sub/a.conf";
    QTest::newRow("three part unquoted value")
        << QByteArray("lc_messages = en_US.UTF-8\n") << "set:lc_messages=en_US.UTF-8";
    // "work-mem" is one unquoted-string token (longer than the ID "work"), which is no name.
    QTest::newRow("dash in name") << QByteArray("work-mem = 4MB\n") << "err@1:'work-mem'";
    QTest::newRow("dollar in name") << QByteArray("my$var = 1\n") << "err@1:'$'";
    QTest::newRow("name starting with digit") << QByteArray("9lives = 1\n") << "err@1:'9lives'";
    QTest::newRow("unquoted string with colon") << QByteArray("x = a:b\n") << "set:x=a:b";
    QTest::newRow("id value") << QByteArray("wal_level = replica\n") << "set:wal_level=replica";

    // A1: integers and reals.
    QTest::newRow("integer with unit") << QByteArray("shared_buffers = 128MB\n") << "set:shared_buffers=128MB";
    QTest::newRow("lower case unit is one token") << QByteArray("work_mem = 64mb\n") << "set:work_mem=64mb";
    QTest::newRow("any letters after digits") << QByteArray("x = 10sec\n") << "set:x=10sec";
    QTest::newRow("negative integer") << QByteArray("x = -1\n") << "set:x=-1";
    QTest::newRow("plus sign") << QByteArray("x = +5\n") << "set:x=+5";
    QTest::newRow("hex integer") << QByteArray("x = 0x1F\n") << "set:x=0x1F";
    QTest::newRow("hex with upper X") << QByteArray("x = 0X1F\n") << "err@1:'1F'";
    QTest::newRow("octal-looking integer") << QByteArray("x = 010\n") << "set:x=010";
    QTest::newRow("exponent unquoted") << QByteArray("x = 1e3\n") << "err@1:'3'";
    QTest::newRow("exponent quoted") << QByteArray("x = '1e3'\n") << "set:x=1e3 q";
    QTest::newRow("1e alone is an integer") << QByteArray("x = 1e\n") << "set:x=1e";
    QTest::newRow("real") << QByteArray("x = 0.5\n") << "set:x=0.5";
    QTest::newRow("real with exponent") << QByteArray("x = 2.0e1\n") << "set:x=2.0e1";
    QTest::newRow("real with negative exponent") << QByteArray("x = 2.5E-3\n") << "set:x=2.5E-3";
    QTest::newRow("leading dot real") << QByteArray("x = .5\n") << "set:x=.5";
    QTest::newRow("trailing dot real") << QByteArray("x = 1.\n") << "set:x=1.";
    QTest::newRow("lone dot is a real") << QByteArray("x = .\n") << "set:x=.";
    QTest::newRow("minus dot is a real") << QByteArray("x = -.\n") << "set:x=-.";
    QTest::newRow("lone minus") << QByteArray("x = -\n") << "err@1:'-'";
    QTest::newRow("real cannot carry a unit") << QByteArray("x = 0.5ms\n") << "err@1:'ms'";
    QTest::newRow("quoted real with unit") << QByteArray("x = '0.5ms'\n") << "set:x=0.5ms q";
    QTest::newRow("blank before unit") << QByteArray("work_mem = 4 MB\n") << "err@1:'MB'";
    QTest::newRow("quoted blank before unit") << QByteArray("work_mem = '4 MB'\n") << "set:work_mem=4 MB q";
    QTest::newRow("ip address unquoted") << QByteArray("listen_addresses = 127.0.0.1\n") << "err@1:'.0'";
    QTest::newRow("percent") << QByteArray("x = 50%\n") << "err@1:'%'";
    QTest::newRow("star unquoted") << QByteArray("listen_addresses = *\n") << "err@1:'*'";

    // A3: quoted strings.
    QTest::newRow("doubled quote") << QByteArray("x = 'it''s'\n") << "set:x=it's q";
    QTest::newRow("backslash quote") << QByteArray("x = 'it\\'s'\n") << "set:x=it's q";
    QTest::newRow("backslash backslash") << QByteArray("x = 'a\\\\b'\n") << "set:x=a\\b q";
    QTest::newRow("unknown escape keeps char") << QByteArray("x = '\\q'\n") << "set:x=q q";
    QTest::newRow("octal escape") << QByteArray("x = '\\101\\102'\n") << "set:x=AB q";
    QTest::newRow("one digit octal") << QByteArray("x = '\\7x'\n") << "set:x=\ax q";
    QTest::newRow("octal escape stops at three digits") << QByteArray("x = '\\1011'\n") << "set:x=A1 q";
    QTest::newRow("nul octal ends the value") << QByteArray("x = 'ab\\0cd'\n") << "set:x=ab q";
    QTest::newRow("control escapes") << QByteArray("x = 'a\\tb\\nc'\n") << "set:x=a\tb\nc q";
    QTest::newRow("trailing backslash unterminated")
        << QByteArray("archive_command = 'C:\\archive\\'\n") << "err@1:'''";
    QTest::newRow("unterminated quote") << QByteArray("x = 'abc\n") << "err@1:'''";
    QTest::newRow("hash inside quotes") << QByteArray("x = 'a#b' # real comment\n") << "set:x=a#b q";
    QTest::newRow("comment glued to quote") << QByteArray("x = 'a'#c\n") << "set:x=a q";
    QTest::newRow("double quotes are literal") << QByteArray("x = \"a\"\n") << "err@1:'\"'";
    QTest::newRow("double quotes inside single") << QByteArray("x = '\"a\"'\n") << "set:x=\"a\" q";
    QTest::newRow("empty string") << QByteArray("x = ''\n") << "set:x= q";
    QTest::newRow("two adjacent strings") << QByteArray("x = 'a' 'b'\n") << "err@1:''b''";
    QTest::newRow("quoted name") << QByteArray("'port' = 1\n") << "err@1:''port''";
    QTest::newRow("doubled quote at end") << QByteArray("x = 'a'''\n") << "set:x=a' q";
    QTest::newRow("three quotes") << QByteArray("x = '''\n") << "err@1:'''";

    // Samples: commented-out settings are known but not set.
    QTest::newRow("sample line") << QByteArray("#shared_buffers = 128MB\t\t# min 128kB\n")
                                 << "sample:shared_buffers=128MB";
    QTest::newRow("sample with blank after hash") << QByteArray("  # work_mem = '4MB'\n") << "sample:work_mem=4MB";
    QTest::newRow("prose comment is not a sample") << QByteArray("# This is a comment, not a setting\n") << "";
    // Two words look like "name value": samples are not filtered here (callers check the catalog).
    QTest::newRow("two-word prose reads as a sample") << QByteArray("# prose only\n") << "sample:prose=only";
    QTest::newRow("section banner is not a sample") << QByteArray("#------------------------\n") << "";
    QTest::newRow("sample qualified name is ignored") << QByteArray("#auto_explain.log_min_duration = 1\n") << "";
    QTest::newRow("comment after setting is not a sample") << QByteArray("port = 1 #work_mem = 4MB\n") << "set:port=1";

    // Several lines, errors do not stop the parser (the loader decides what the view shows).
    QTest::newRow("error then setting") << QByteArray("a = 1 2\nb = 3\n") << "err@1:'2' | set:b=3";
}

void TestConfParser::grammar()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(render(ConfParser::parse(input)), expected);
}

void TestConfParser::positions()
{
    const ConfParsedFile parsed = ConfParser::parse("\n  work_mem   =  '4MB'   # c\r\n");
    QCOMPARE(parsed.lines.size(), 1);
    const ConfLine &line = parsed.lines.first();
    QCOMPARE(line.line, 2);
    QCOMPARE(line.nameColumn, 3);
    QCOMPARE(line.valueColumn, 17);
    QCOMPARE(line.valueEndColumn, 22);
    QCOMPARE(line.rawValue, QByteArray("'4MB'"));
    QCOMPARE(line.value, QByteArray("4MB"));
    QVERIFY(line.quoted);
    QCOMPARE(parsed.lineCount, 2);

    const ConfParsedFile error = ConfParser::parse("port = 5 x\n");
    QCOMPARE(error.lines.first().errorColumn, 10);
}

void TestConfParser::sampleLinePositions()
{
    const ConfParsedFile parsed = ConfParser::parse("#max_wal_size = 1GB\n");
    const ConfLine &line = parsed.lines.first();
    QCOMPARE(line.kind, ConfLineKind::Sample);
    QCOMPARE(line.hashColumn, 1);
    QCOMPARE(line.nameColumn, 2);
    QCOMPARE(line.valueColumn, 17);
}

void TestConfParser::lastLineWithoutNewline()
{
    // A setting on a last line without '\n' keeps its line number...
    QCOMPARE(render(ConfParser::parse("a = 1\nb = 2")), QString("set:a=1 | set:b=2"));
    QCOMPARE(ConfParser::parse("a = 1\nb = 2").lines.last().line, 2);
    // ...but the server reports a premature end of line there one line early.
    QCOMPARE(render(ConfParser::parse("a = 1\nb =")), QString("set:a=1 | err@1:eol"));
    QCOMPARE(render(ConfParser::parse("a = 1\nb = 2 3")), QString("set:a=1 | err@2:'3'"));
}

QTEST_GUILESS_MAIN(TestConfParser)
#include "tst_confparser.moc"
