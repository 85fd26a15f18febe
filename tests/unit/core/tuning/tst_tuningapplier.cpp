#include "testpaths.h"
#include "tuning/confsettingsreader.h"
#include "tuning/pgdialprofile.h"
#include "tuning/pgtuneprofile.h"
#include "tuning/tuningapplier.h"
#include "tuning/tuningdiff.h"

#include <QFile>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::tuning;

namespace {

QByteArray exampleConf()
{
    QFile file(pgdial::test::exampleProject() + "/infra/docker/prod/postgres/postgresql.conf");
    if (!file.open(QIODevice::ReadOnly))
        qFatal("example postgresql.conf missing");
    return file.readAll();
}

} // namespace

class tst_TuningApplier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsExampleProject();
    void applyChangesOnlyIntendedLines();
    void appendAndUndoKeepEndings_data();
    void appendAndUndoKeepEndings();
    void confValueQuoting_data();
    void confValueQuoting();
    void diffAndExistingWarnings();
};

void tst_TuningApplier::readsExampleProject()
{
    const TextDocument document = TextDocument::fromBytes(exampleConf());
    const auto settings = ConfSettingsReader::read(document, QStringLiteral("postgresql.conf"));
    QCOMPARE(settings.value(QStringLiteral("max_connections")).setting.value, QStringLiteral("100"));
    QCOMPARE(settings.value(QStringLiteral("max_connections")).setting.line, 74);
    QCOMPARE(settings.value(QStringLiteral("shared_buffers")).setting.value, QStringLiteral("256MB"));
    QVERIFY(!settings.contains(QStringLiteral("reserved_connections"))); // commented out
}

void tst_TuningApplier::applyChangesOnlyIntendedLines()
{
    const QByteArray original = exampleConf();
    TextDocument document = TextDocument::fromBytes(original);
    const auto settings = ConfSettingsReader::read(document, QStringLiteral("postgresql.conf"));
    TuningInputs in;
    in.totalMemory = 16;
    in.cpus = 8;
    PgDialContext context;
    context.poolDemand = 58;
    const TuningResult pgdial = PgDialProfile::compute(in, context);
    const QList<TuningDiffRow> rows = TuningDiff::compare(pgdial, PgTuneProfile::compute(in),
                                                          ConfSettingsReader::lookup(settings),
                                                          catalogParameterLimits(), in.pgVersion);
    QList<QPair<QString, QString>> values;
    QSet<int> expectedLines; // 0-based lines whose value changes
    int appended = 0;
    for (const TuningDiffRow &row : rows) {
        if (!row.changes)
            continue;
        values.append({row.name, row.recommended});
        if (row.current)
            expectedLines.insert(row.current->line - 1);
        else
            ++appended;
    }
    QVERIFY(expectedLines.contains(73)); // max_connections = 100 -> 80
    QVERIFY(appended > 0);

    const int before = document.lineCount();
    const QList<LineEdit> inverses = TuningApplier::apply(document, TuningApplier::edits(document, settings, values));
    QCOMPARE(document.lineCount(), before + appended);
    const TextDocument originalDocument = TextDocument::fromBytes(original);
    for (int i = 0; i < before; ++i) {
        if (expectedLines.contains(i)) {
            QVERIFY2(document.line(i) != originalDocument.line(i), qPrintable(QString::number(i + 1)));
        } else {
            QCOMPARE(document.line(i), originalDocument.line(i));
        }
        QCOMPARE(document.ending(i), originalDocument.ending(i));
    }
    // Comments after the value stay: only the value bytes change.
    QCOMPARE(document.line(73), QByteArray("max_connections = 80\t\t# (change requires restart)"));
    const auto reread = ConfSettingsReader::read(document, QStringLiteral("postgresql.conf"));
    for (const auto &[name, value] : values)
        QVERIFY2(TuningDiff::sameValue(name, reread.value(name).setting.value, value), qPrintable(name));

    TuningApplier::apply(document, inverses);
    QCOMPARE(document.toBytes(), original);
}

void tst_TuningApplier::appendAndUndoKeepEndings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("lf") << QByteArray("shared_buffers = 128MB  # c\n") << QByteArray("shared_buffers = 4GB  # c\njit = off\n");
    QTest::newRow("crlf") << QByteArray("shared_buffers='128MB'\r\n")
                          << QByteArray("shared_buffers=4GB\r\njit = off\r\n");
    QTest::newRow("no final newline") << QByteArray("shared_buffers 128MB") << QByteArray("shared_buffers 4GB\njit = off");
    QTest::newRow("empty") << QByteArray() << QByteArray("shared_buffers = 4GB\njit = off\n");
    QTest::newRow("last occurrence wins") << QByteArray("shared_buffers = 1GB\nshared_buffers = 2GB\n")
                                          << QByteArray("shared_buffers = 1GB\nshared_buffers = 4GB\njit = off\n");
}

void tst_TuningApplier::appendAndUndoKeepEndings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, expected);
    TextDocument document = TextDocument::fromBytes(bytes);
    const auto settings = ConfSettingsReader::read(document, QStringLiteral("postgresql.conf"));
    const QList<QPair<QString, QString>> values{{QStringLiteral("shared_buffers"), QStringLiteral("4GB")},
                                                {QStringLiteral("jit"), QStringLiteral("off")}};
    const QList<LineEdit> inverses = TuningApplier::apply(document, TuningApplier::edits(document, settings, values));
    QCOMPARE(document.toBytes(), expected);
    TuningApplier::apply(document, inverses);
    QCOMPARE(document.toBytes(), bytes);
}

void tst_TuningApplier::confValueQuoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("memory") << "20164kB" << QByteArray("20164kB");
    QTest::newRow("real") << "1.1" << QByteArray("1.1");
    QTest::newRow("word") << "io_uring" << QByteArray("io_uring");
    QTest::newRow("space") << "a b" << QByteArray("'a b'");
    QTest::newRow("quote") << "it's" << QByteArray("'it''s'");
}

void tst_TuningApplier::confValueQuoting()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, written);
    QCOMPARE(TuningApplier::confValue(value), written);
}

void tst_TuningApplier::diffAndExistingWarnings()
{
    TextDocument document = TextDocument::fromBytes("max_connections = 500\nwork_mem = 64MB\nshared_buffers = 8GB\n"
                                                     "effective_cache_size = 4GB\nmaintenance_work_mem = 2GB\n");
    const auto lookup = ConfSettingsReader::lookup(ConfSettingsReader::read(document, QStringLiteral("pg.conf")));
    TuningInputs in;
    in.totalMemory = 16;
    in.os = TargetOs::Windows;
    in.pgVersion = 16;
    const QStringList warnings = TuningDiff::existingWarnings(lookup, in);
    QCOMPARE(warnings.size(), 4); // 64MB x 500 > 16GB; 8GB > 40%; 4GB < 8GB; 2GB on Windows 16
    in.os = TargetOs::Linux;
    QCOMPARE(TuningDiff::existingWarnings(lookup, in).size(), 3);

    QVERIFY(TuningDiff::sameValue(QStringLiteral("shared_buffers"), QStringLiteral("4096MB"), QStringLiteral("4GB")));
    QVERIFY(TuningDiff::sameValue(QStringLiteral("shared_buffers"), QStringLiteral("16384"), QStringLiteral("128MB")));
    QVERIFY(TuningDiff::sameValue(QStringLiteral("random_page_cost"), QStringLiteral("1.10"), QStringLiteral("1.1")));
    QVERIFY(TuningDiff::sameValue(QStringLiteral("jit"), QStringLiteral("OFF"), QStringLiteral("off")));
    QVERIFY(!TuningDiff::sameValue(QStringLiteral("work_mem"), QStringLiteral("4MB"), QStringLiteral("4GB")));

    const TuningResult pgtune = PgTuneProfile::compute(in);
    const QList<TuningDiffRow> rows = TuningDiff::compare(pgtune, TuningResult{}, lookup);
    QCOMPARE(rows.first().name, QStringLiteral("max_connections"));
    QCOMPARE(rows.first().current->line, 1);
    QCOMPARE(rows.first().recommended, QStringLiteral("200"));
    QVERIFY(rows.first().changes);
}

QTEST_GUILESS_MAIN(tst_TuningApplier)
#include "tst_tuningapplier.moc"
