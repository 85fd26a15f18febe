#include "base/textdocument.h"
#include "pgconf/confeditor.h"
#include "pgconf/confloader.h"
#include "pgconf/parametercatalog.h"

#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::pgconf;

// Lossless edits: the exact bytes after set / reset / rename, and undo through the inverse edits.
class tst_ConfEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void set_data();
    void set();
    void reset_data();
    void reset();
    void rename();
    void refusals_data();
    void refusals();
    void editsInIncludedFile();

private:
    struct Files
    {
        QHash<QString, TextDocument> documents;
        ConfLoadResult load;
    };
    static Files open(const QHash<QString, QByteArray> &files);
    static QByteArray applyAndUndo(Files &files, const ConfEditResult &result, const QString &file);
};

tst_ConfEditor::Files tst_ConfEditor::open(const QHash<QString, QByteArray> &files)
{
    Files opened;
    ConfLoader loader;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        loader.setOverride("/virtual/" + it.key(), it.value());
        opened.documents.insert(it.key(), TextDocument::fromBytes(it.value()));
    }
    opened.load = loader.load("/virtual/postgresql.conf");
    return opened;
}

// Applies the edits, returns the edited bytes of `file`, and checks that undo restores every file.
QByteArray tst_ConfEditor::applyAndUndo(Files &files, const ConfEditResult &result, const QString &file)
{
    QHash<QString, QByteArray> before;
    for (auto it = files.documents.cbegin(); it != files.documents.cend(); ++it)
        before.insert(it.key(), it->toBytes());
    QList<QPair<QString, LineEdit>> inverses;
    for (const ConfFileEdit &edit : result.edits)
        inverses.prepend({edit.file, files.documents[edit.file].apply(edit.edit)});
    const QByteArray edited = files.documents.value(file).toBytes();
    for (const auto &[name, inverse] : inverses)
        files.documents[name].apply(inverse);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        if (files.documents.value(it.key()).toBytes() != it.value())
            qWarning("undo did not restore %s", qPrintable(it.key()));
    return edited;
}

void tst_ConfEditor::set_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QString>("change");

    QTest::newRow("in place keeps comment column")
        << QByteArray("work_mem = 4MB          # per sort\nport = 5432\n") << "work_mem"
        << "256MB" << QByteArray("work_mem = 256MB        # per sort\nport = 5432\n")
        << "postgresql.conf:1: work_mem = 256MB (was 4MB)";
    QTest::newRow("in place, shorter value") << QByteArray("shared_buffers = '1024MB'   # x\n") << "shared_buffers"
                                             << "1GB" << QByteArray("shared_buffers = 1GB        # x\n") << "";
    QTest::newRow("in place, case-insensitive name kept") << QByteArray("Work_Mem 4MB\n") << "work_mem"
                                                          << "8MB" << QByteArray("Work_Mem 8MB\n") << "";
    QTest::newRow("the winning duplicate is edited")
        << QByteArray("work_mem = 1MB\nwork_mem = 2MB\n") << "work_mem"
        << "3MB" << QByteArray("work_mem = 1MB\nwork_mem = 3MB\n") << "postgresql.conf:2";
    QTest::newRow("quoted when needed") << QByteArray("listen_addresses = localhost\n") << "listen_addresses"
                                        << "127.0.0.1,::1" << QByteArray("listen_addresses = '127.0.0.1,::1'\n") << "";
    QTest::newRow("activate sample line")
        << QByteArray("#shared_buffers = 128MB\t\t# min 128kB\n#work_mem = 4MB\t\t\t\t# min 64kB\n") << "work_mem"
        << "64MB" << QByteArray("#shared_buffers = 128MB\t\t# min 128kB\nwork_mem = 64MB\t\t\t\t# min 64kB\n")
        << "postgresql.conf:2: activated the commented-out line";
    QTest::newRow("activate sample keeps comment column with spaces")
        << QByteArray("#port = 5432      # (change requires restart)\n") << "port"
        << "5433" << QByteArray("port = 5433       # (change requires restart)\n") << "";
    QTest::newRow("insert after same category")
        << QByteArray("# memory\nshared_buffers = 1GB\n\t\t\t\t\t# (change requires restart)\n\n# "
                      "logging\nlog_min_duration_statement = 1s\n")
        << "work_mem"
        << "32MB"
        << QByteArray("# memory\nshared_buffers = 1GB\n\t\t\t\t\t# (change requires restart)\nwork_mem = 32MB\n\n# "
                      "logging\nlog_min_duration_statement = 1s\n")
        << "postgresql.conf:4: added work_mem = 32MB after shared_buffers";
    QTest::newRow("insert at end with a comment")
        << QByteArray("port = 5432\n") << "work_mem"
        << "32MB" << QByteArray("port = 5432\n\n# Added by pgdial\nwork_mem = 32MB\n") << "at the end of the file";
    QTest::newRow("insert keeps missing final newline")
        << QByteArray("port = 5432") << "myext.level"
        << "3" << QByteArray("port = 5432\n\n# Added by pgdial\nmyext.level = 3") << "";
    QTest::newRow("crlf file stays crlf") << QByteArray("port = 5432\r\nwork_mem = 4MB\r\n") << "work_mem"
                                          << "8MB" << QByteArray("port = 5432\r\nwork_mem = 8MB\r\n") << "";
    QTest::newRow("same value: nothing to do") << QByteArray("work_mem = 4MB\n") << "work_mem"
                                               << "4MB" << QByteArray("work_mem = 4MB\n") << "already";
}

void tst_ConfEditor::set()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QFETCH(QString, change);
    Files files = open({{"postgresql.conf", text}});
    ConfEditor editor(files.load, ParameterCatalog::forVersion(17), [&](const QString &file) {
        return files.documents.contains(file) ? &files.documents[file] : nullptr;
    });
    const auto result = editor.set(name, value);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QVERIFY(result->edits.size() <= 1);
    QCOMPARE(applyAndUndo(files, *result, "postgresql.conf"), expected);
    QCOMPARE(result->changes.size(), 1);
    QVERIFY2(result->changes.first().contains(change), qPrintable(result->changes.first()));
}

void tst_ConfEditor::reset_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("one line") << QByteArray("work_mem = 4MB # x\nport = 5432\n") << "work_mem"
                              << QByteArray("#work_mem = 4MB # x\nport = 5432\n");
    QTest::newRow("every spelling and alias")
        << QByteArray("Work_Mem = 1MB\nsort_mem = 2048\nport = 1\nwork_mem=3MB\n") << "WORK_MEM"
        << QByteArray("#Work_Mem = 1MB\n#sort_mem = 2048\nport = 1\n#work_mem=3MB\n");
}

void tst_ConfEditor::reset()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, name);
    QFETCH(QByteArray, expected);
    Files files = open({{"postgresql.conf", text}});
    ConfEditor editor(files.load, ParameterCatalog::forVersion(17), [&](const QString &file) {
        return files.documents.contains(file) ? &files.documents[file] : nullptr;
    });
    const auto result = editor.reset(name);
    QVERIFY(result);
    QCOMPARE(applyAndUndo(files, *result, "postgresql.conf"), expected);
}

void tst_ConfEditor::rename()
{
    Files files = open({{"postgresql.conf", "port = 1\nshared_bufers = 1GB   # typo\n"}});
    ConfEditor editor(files.load, ParameterCatalog::forVersion(17), [&](const QString &file) {
        return files.documents.contains(file) ? &files.documents[file] : nullptr;
    });
    const auto result = editor.rename(1, "shared_buffers");
    QVERIFY(result);
    QCOMPARE(applyAndUndo(files, *result, "postgresql.conf"), QByteArray("port = 1\nshared_buffers = 1GB   # typo\n"));
    QVERIFY(!editor.rename(1, "shared_bufferz"));
}

void tst_ConfEditor::refusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown") << "shared_bufers"
                             << "1GB"
                             << "conf.unknown-parameter";
    QTest::newRow("bad unit") << "work_mem"
                              << "64mb"
                              << "conf.invalid-value";
    QTest::newRow("out of range") << "max_connections"
                                  << "0"
                                  << "conf.invalid-value";
    QTest::newRow("internal") << "block_size"
                              << "8192"
                              << "conf.internal-parameter";
    QTest::newRow("two dots") << "a.b.c"
                              << "1"
                              << "conf.unknown-parameter";
}

void tst_ConfEditor::refusals()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, code);
    Files files = open({{"postgresql.conf", "port = 1\n"}});
    ConfEditor editor(files.load, ParameterCatalog::forVersion(17), [&](const QString &file) {
        return files.documents.contains(file) ? &files.documents[file] : nullptr;
    });
    const auto result = editor.set(name, value);
    QVERIFY(!result);
    QCOMPARE(result.error().code, code);
    QVERIFY(!editor.reset("work_mem"));
}

void tst_ConfEditor::editsInIncludedFile()
{
    Files files
        = open({{"postgresql.conf", "work_mem = 1MB\ninclude 'extra.conf'\n"}, {"extra.conf", "\nwork_mem = 2MB\n"}});
    ConfEditor editor(files.load, ParameterCatalog::forVersion(17), [&](const QString &file) {
        return files.documents.contains(file) ? &files.documents[file] : nullptr;
    });
    const auto result = editor.set("work_mem", "5MB");
    QVERIFY(result);
    QCOMPARE(result->edits.size(), 1);
    QCOMPARE(result->edits.first().file, QStringLiteral("extra.conf"));
    QCOMPARE(applyAndUndo(files, *result, "extra.conf"), QByteArray("\nwork_mem = 5MB\n"));
}

QTEST_GUILESS_MAIN(tst_ConfEditor)
#include "tst_confeditor.moc"
