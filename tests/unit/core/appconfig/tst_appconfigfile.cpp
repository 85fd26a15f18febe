#include "appconfig/appconfigfile.h"
#include "support/testpaths.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::appconfig;

class tst_AppConfigFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleFields();
    void editExampleEveryField_data();
    void editExampleEveryField();
    void editOddFiles_data();
    void editOddFiles();
    void notEditable_data();
    void notEditable();
    void syntaxErrors_data();
    void syntaxErrors();
    void hostile_data();
    void hostile();
    void otherKeysKept();
    void addField_data();
    void addField();
    void addFieldRefused_data();
    void addFieldRefused();
};

static QByteArray exampleBytes()
{
    QFile file(pgdial::test::exampleProject() + "/config.yaml");
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Applies the edit, then checks: yaml-cpp reads the new value, every other byte is unchanged,
// and the inverse edit restores the input.
static void checkEdit(const QByteArray &input, const QString &key, const QString &value)
{
    TextDocument document = TextDocument::fromBytes(input);
    const AppConfigFile file = AppConfigFile::parse(document, "config.yaml");
    QVERIFY2(file.isLoaded(), qPrintable(file.diagnostics().value(0).message));
    const auto before = file.field(key);
    QVERIFY2(before, qPrintable(key));
    const Result<LineEdit> edit = file.setField(document, key, value);
    QVERIFY2(edit, qPrintable(edit ? QString() : edit.error().message));
    const LineEdit inverse = document.apply(*edit);
    const QByteArray output = document.toBytes();

    // yaml-cpp itself reads the new value.
    const YAML::Node root = YAML::Load(output.toStdString());
    QCOMPARE(QString::fromStdString(root["database"][key.toStdString()].as<std::string>()), value);
    // Only the scalar's bytes changed.
    const qsizetype lineStart = [&] {
        qsizetype offset = 0;
        for (int i = 0; i < before->line - 1; ++i)
            offset = input.indexOf('\n', offset) + 1;
        return offset;
    }();
    const qsizetype start = lineStart + before->column - 1;
    QCOMPARE(output.left(start), input.left(start));
    const QByteArray tail = input.mid(start + before->length);
    QVERIFY(output.endsWith(tail));
    const QByteArray written = output.mid(start, output.size() - start - tail.size());
    QVERIFY(!written.contains('\n'));
    // Reparsed with pgdial: the same position, the new value, everything else as before.
    const AppConfigFile reparsed = AppConfigFile::parse(document, "config.yaml");
    QCOMPARE(reparsed.field(key)->value, value);
    for (const ConfigScalar &other : file.databaseFields())
        if (other.path != before->path && !other.aliased)
            QCOMPARE(reparsed.field(other.path.last())->value, other.value);
    document.apply(inverse);
    QCOMPARE(document.toBytes(), input);
}

void tst_AppConfigFile::exampleFields()
{
    const AppConfigFile file = AppConfigFile::parse(TextDocument::fromBytes(exampleBytes()), "config.yaml");
    QVERIFY(file.diagnostics().isEmpty());
    QVERIFY(file.hasDatabaseSection());
    QCOMPARE(file.databaseLine(), 12);
    QCOMPARE(file.databaseFields().size(), AppConfigFile::databaseKeys().size());
    const auto url = file.field("url");
    QCOMPARE(url->value, QStringLiteral("${DATABASE_URL:-postgresql+asyncpg://user:password@postgres:5432/app_db}"));
    QCOMPARE(url->line, 14);
    QCOMPARE(url->column, 8);
    QCOMPARE(url->style, ScalarStyle::DoubleQuoted);
    const auto pool = file.field("pool_size");
    QCOMPARE(pool->value, QStringLiteral("20"));
    QCOMPARE(pool->style, ScalarStyle::Plain);
    QCOMPARE(pool->length, 2);
    QCOMPARE(file.scalar({"app", "workers"})->value, QStringLiteral("4"));
}

void tst_AppConfigFile::editExampleEveryField_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("url") << "url"
                         << "${DATABASE_URL:-postgresql://appuser@db:5432/appdb?sslmode=require}";
    QTest::newRow("url-with-quote") << "url"
                                    << "postgresql://u:p\"q@h/db";
    QTest::newRow("app_db") << "app_db"
                            << "${APP_DB:-other}";
    QTest::newRow("owner_user") << "owner_user"
                                << "owner2";
    QTest::newRow("user") << "user"
                          << "app user";
    QTest::newRow("ro_user") << "ro_user"
                             << "ro";
    QTest::newRow("pool_size") << "pool_size"
                               << "25";
    QTest::newRow("max_overflow") << "max_overflow"
                                  << "0";
    QTest::newRow("pool_timeout") << "pool_timeout"
                                  << "60";
    QTest::newRow("pool_recycle") << "pool_recycle"
                                  << "3600";
    QTest::newRow("pool_size-to-text") << "pool_size"
                                       << "${POOL_SIZE:-20}";
    QTest::newRow("environment_mode") << "environment_mode"
                                      << "production";
    QTest::newRow("user_pw_file_path") << "user_pw_file_path"
                                       << "/run/secrets/other";
    QTest::newRow("user_pw_env_var") << "user_pw_env_var"
                                     << "PW";
}

void tst_AppConfigFile::editExampleEveryField()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    checkEdit(exampleBytes(), key, value);
}

void tst_AppConfigFile::editOddFiles_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected"); // empty: only the generic checks

    QTest::newRow("comments-everywhere") << QByteArray("# a\ndatabase: # b\n  # c\n  pool_size: 5 # d\n  # e\n")
                                         << "pool_size"
                                         << "7" << QByteArray("# a\ndatabase: # b\n  # c\n  pool_size: 7 # d\n  # e\n");
    QTest::newRow("flow-map") << QByteArray("database: {url: \"x\", pool_size: 5, user: app}\n") << "pool_size"
                              << "6" << QByteArray("database: {url: \"x\", pool_size: 6, user: app}\n");
    QTest::newRow("flow-plain-needs-quotes") << QByteArray("database: {user: app, pool_size: 5}\n") << "user"
                                             << "a,b" << QByteArray("database: {user: \"a,b\", pool_size: 5}\n");
    QTest::newRow("quoted-keys") << QByteArray("\"database\":\n  'pool_size': 5\n  \"url\": 'x'\n") << "url"
                                 << "it's" << QByteArray("\"database\":\n  'pool_size': 5\n  \"url\": 'it''s'\n");
    QTest::newRow("anchor-definition") << QByteArray("database:\n  pool_size: &n 5\n  max_overflow: *n\n")
                                       << "pool_size"
                                       << "8" << QByteArray("database:\n  pool_size: &n 8\n  max_overflow: *n\n");
    QTest::newRow("tagged") << QByteArray("database:\n  pool_size: !!int 5\n") << "pool_size"
                            << "9" << QByteArray("database:\n  pool_size: !!int 9\n");
    QTest::newRow("plain-gets-quotes") << QByteArray("database:\n  user: app  # who\n") << "user"
                                       << "a: b #c" << QByteArray("database:\n  user: \"a: b #c\"  # who\n");
    QTest::newRow("string-stays-string") << QByteArray("database:\n  user: app\n") << "user"
                                         << "true" << QByteArray("database:\n  user: \"true\"\n");
    QTest::newRow("single-kept") << QByteArray("database:\n  user: 'app'\n") << "user"
                                 << "x y" << QByteArray("database:\n  user: 'x y'\n");
    QTest::newRow("double-escapes") << QByteArray("database:\n  url: \"a\\tb\"\n") << "url"
                                    << "c\\d" << QByteArray("database:\n  url: \"c\\\\d\"\n");
    QTest::newRow("crlf") << QByteArray("database:\r\n  pool_size: 5\r\n  user: u\r\n") << "pool_size"
                          << "6" << QByteArray("database:\r\n  pool_size: 6\r\n  user: u\r\n");
    QTest::newRow("unicode") << QByteArray("database:\n  user: \"Jürgen\" # ü\n") << "user"
                             << "Zoë" << QByteArray("database:\n  user: \"Zoë\" # ü\n");
    QTest::newRow("nested-default-kept") << QByteArray("database:\n  app_db: \"${A:-${B:-x}}\"\n") << "app_db"
                                         << "${A:-${B:-y}}" << QByteArray("database:\n  app_db: \"${A:-${B:-y}}\"\n");
}

void tst_AppConfigFile::editOddFiles()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    checkEdit(input, key, value);
    TextDocument document = TextDocument::fromBytes(input);
    const AppConfigFile file = AppConfigFile::parse(document, "config.yaml");
    document.apply(*file.setField(document, key, value));
    QCOMPARE(document.toBytes(), expected);
}

void tst_AppConfigFile::notEditable_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("key");
    QTest::newRow("alias") << QByteArray("database:\n  pool_size: &n 5\n  max_overflow: *n\n") << "max_overflow";
    QTest::newRow("block") << QByteArray("database:\n  url: |\n    postgresql://h/db\n") << "url";
    QTest::newRow("multi-line-plain") << QByteArray("database:\n  url: postgresql://h\n    /db\n") << "url";
    QTest::newRow("missing") << QByteArray("database:\n  url: x\n") << "pool_size";
}

void tst_AppConfigFile::notEditable()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, key);
    const TextDocument document = TextDocument::fromBytes(input);
    const AppConfigFile file = AppConfigFile::parse(document, "config.yaml");
    QVERIFY(file.isLoaded());
    const Result<LineEdit> edit = file.setField(document, key, "1");
    QVERIFY(!edit);
    QVERIFY(edit.error().code.startsWith("app."));
}

void tst_AppConfigFile::syntaxErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("bad-indent") << QByteArray("database:\n  url: x\n bad: y\n") << "app.yaml-syntax" << 3 << 2;
    QTest::newRow("map-in-value") << QByteArray("database:\n  url: a: b\n") << "app.yaml-syntax" << 2 << 9;
    QTest::newRow("undefined-alias") << QByteArray("database:\n  url: *nope\n") << "app.yaml-syntax" << 2 << 8;
    QTest::newRow("unclosed-flow") << QByteArray("database: {url: x\n") << "app.yaml-syntax" << 2 << 1;
    QTest::newRow("tab-indent") << QByteArray("database:\n\turl: x\n") << "app.yaml-syntax" << 2 << 5;
    QTest::newRow("not-mapping") << QByteArray("- a\n- b\n") << "app.yaml-not-mapping" << 1 << 1;
    QTest::newRow("database-list") << QByteArray("database:\n  - a\n") << "app.invalid-type" << 2 << 3;
    QTest::newRow("field-map") << QByteArray("database:\n  pool_size:\n    a: 1\n") << "app.invalid-type" << 3 << 5;
}

void tst_AppConfigFile::syntaxErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    const AppConfigFile file = AppConfigFile::parse(TextDocument::fromBytes(input), "config.yaml");
    QVERIFY(!file.diagnostics().isEmpty());
    const Diagnostic &d = file.diagnostics().first();
    QCOMPARE(d.code, code);
    QCOMPARE(d.severity, Severity::Error);
    QCOMPARE(d.file, QStringLiteral("config.yaml"));
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
}

void tst_AppConfigFile::hostile_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");

    QByteArray bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char c = 'b'; c <= 'i'; ++c) {
        bomb += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [";
        for (int k = 0; k < 9; ++k)
            bomb += (k ? ",*" : "*") + QByteArray(1, char(c - 1));
        bomb += "]\n";
    }
    bomb += "database:\n  pool_size: 5\n";
    QTest::newRow("alias-bomb") << bomb << "app.yaml-alias-bomb";
    QByteArray small
        = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
          "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
          "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
    QTest::newRow("alias-bomb-few-aliases") << small << "app.yaml-alias-bomb";
    QTest::newRow("deep-flow") << (QByteArray("database: ") + QByteArray(10000, '[') + QByteArray(10000, ']') + "\n")
                               << "app.yaml-too-deep";
    QTest::newRow("deep-flow-map") << (QByteArray("database: ") + QByteArray(10000, '{')) << "app.yaml-too-deep";
    QByteArray dashes;
    for (int i = 0; i < 10000; ++i)
        dashes += "- ";
    QTest::newRow("deep-sequence") << (dashes + "x\n") << "app.yaml-too-deep";
    QByteArray indented;
    for (int i = 0; i < 10000; ++i)
        indented += QByteArray(i, ' ') + "k:\n";
    QTest::newRow("deep-indentation") << indented << "app.yaml-too-large";
    QByteArray indentedSmall;
    for (int i = 0; i < 100; ++i)
        indentedSmall += QByteArray(i, ' ') + "k:\n";
    QTest::newRow("deep-indentation-small") << indentedSmall << "app.yaml-too-deep";
    QTest::newRow("huge-scalar") << (QByteArray("database:\n  url: ") + QByteArray(100 * 1024 * 1024, 'x') + "\n")
                                 << "app.yaml-too-large";
    QTest::newRow("invalid-utf8") << QByteArray("database:\n  user: \"\xff\xfe\"\n") << "app.yaml-invalid-utf8";
    QTest::newRow("overlong-utf8") << QByteArray("database:\n  user: \xc0\xaf\n") << "app.yaml-invalid-utf8";
    QTest::newRow("self-alias") << QByteArray("a: &a [*a]\n") << "app.yaml-alias-bomb";
}

void tst_AppConfigFile::hostile()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    const TextDocument document = TextDocument::fromBytes(input);
    QElapsedTimer timer;
    timer.start();
    const AppConfigFile file = AppConfigFile::parse(document, "config.yaml");
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!file.diagnostics().isEmpty());
    QVERIFY2(file.diagnostics().first().code == code
                 || (code == "app.yaml-syntax" && file.diagnostics().first().code.startsWith("app.yaml")),
             qPrintable(file.diagnostics().first().code + ": " + file.diagnostics().first().message));
    QCOMPARE(file.diagnostics().first().severity, Severity::Error);
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
    QVERIFY(file.databaseFields().isEmpty());
}

void tst_AppConfigFile::otherKeysKept()
{
    const QByteArray input = exampleBytes();
    TextDocument document = TextDocument::fromBytes(input);
    const AppConfigFile file = AppConfigFile::parse(document, "config.yaml");
    document.apply(*file.setField(document, "pool_size", "30"));
    const YAML::Node before = YAML::Load(input.toStdString());
    const YAML::Node after = YAML::Load(document.toBytes().toStdString());
    for (const char *section : {"app", "temporal", "logging"})
        QCOMPARE(YAML::Dump(after[section]), YAML::Dump(before[section]));
    QCOMPARE(after["database"]["pool_size"].as<int>(), 30);
}

void tst_AppConfigFile::addField_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("after-last-key")
        << QByteArray("database:\n  url: x\n  pool_size: 5\napp:\n  name: a\n") << "pool_recycle"
        << "3600" << QByteArray("database:\n  url: x\n  pool_size: 5\n  pool_recycle: 3600\napp:\n  name: a\n");
    QTest::newRow("four-spaces-comment-after")
        << QByteArray("database:\n    url: x  # the url\n\n# app settings\napp: 1\n") << "pool_timeout"
        << "30" << QByteArray("database:\n    url: x  # the url\n    pool_timeout: 30\n\n# app settings\napp: 1\n");
    QTest::newRow("nested-block-last")
        << QByteArray("database:\n  url: x\n  options:\n    a: 1\n    b: 2\nz: 1\n") << "max_overflow"
        << "10" << QByteArray("database:\n  url: x\n  options:\n    a: 1\n    b: 2\n  max_overflow: 10\nz: 1\n");
    QTest::newRow("no-final-newline") << QByteArray("database:\n  url: x") << "pool_size"
                                      << "7" << QByteArray("database:\n  url: x\n  pool_size: 7");
    QTest::newRow("crlf") << QByteArray("database:\r\n  url: x\r\n") << "pool_size"
                          << "7" << QByteArray("database:\r\n  url: x\r\n  pool_size: 7\r\n");
    QTest::newRow("empty-section") << QByteArray("database:\napp: 1\n") << "url"
                                   << "postgresql://h/db"
                                   << QByteArray("database:\n  url: postgresql://h/db\napp: 1\n");
    QTest::newRow("variable") << QByteArray("database:\n  url: x\n") << "pool_recycle"
                              << "${POOL_RECYCLE:-1800}"
                              << QByteArray("database:\n  url: x\n  pool_recycle: ${POOL_RECYCLE:-1800}\n");
    QTest::newRow("needs-quotes") << QByteArray("database:\n  url: x\n") << "user"
                                  << "a: b #c" << QByteArray("database:\n  url: x\n  user: \"a: b #c\"\n");
    QTest::newRow("multi-line-scalar-last")
        << QByteArray("database:\n  url: >\n    postgresql://h/db\n  \nother: 1\n") << "pool_size"
        << "3" << QByteArray("database:\n  url: >\n    postgresql://h/db\n  pool_size: 3\n  \nother: 1\n");
}

void tst_AppConfigFile::addField()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    TextDocument document = TextDocument::fromBytes(input);
    const AppConfigFile file = AppConfigFile::parse(document, "config.yaml");
    const Result<LineEdit> edit = file.addField(document, key, value);
    QVERIFY2(edit, qPrintable(edit ? QString() : edit.error().message));
    const LineEdit inverse = document.apply(*edit);
    QCOMPARE(document.toBytes(), expected);
    QCOMPARE(AppConfigFile::parse(document, "config.yaml").field(key)->value, value);
    document.apply(inverse);
    QCOMPARE(document.toBytes(), input);
}

void tst_AppConfigFile::addFieldRefused_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("key");
    QTest::newRow("flow") << QByteArray("database: {url: x}\n") << "pool_size";
    QTest::newRow("present") << QByteArray("database:\n  pool_size: 1\n") << "pool_size";
    QTest::newRow("no-section") << QByteArray("app: 1\n") << "pool_size";
    QTest::newRow("not-yaml") << QByteArray("database: [\n") << "pool_size";
    QTest::newRow("null-written") << QByteArray("database: ~\n") << "pool_size";
}

void tst_AppConfigFile::addFieldRefused()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, key);
    const TextDocument document = TextDocument::fromBytes(input);
    const AppConfigFile file = AppConfigFile::parse(document, "config.yaml");
    QVERIFY(!file.addField(document, key, QStringLiteral("5")));
}

QTEST_GUILESS_MAIN(tst_AppConfigFile)
#include "tst_appconfigfile.moc"
