#include "support/testpaths.h"
#include "tuning/conftuningtarget.h"
#include "tuning/pgdialprofile.h"
#include "tuning/pgtuneprofile.h"
#include "tuning/tuningdiff.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::tuning;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QString exampleConf()
{
    return pgdial::test::exampleProject() + "/infra/docker/prod/postgres/postgresql.conf";
}

} // namespace

class tst_ConfTuningTarget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tuningTheExampleProjectChangesOnlyIntendedLines();
    void followsIncludes();
    void refusesValuesTheServerRefuses();
};

void tst_ConfTuningTarget::tuningTheExampleProjectChangesOnlyIntendedLines()
{
    Result<ConfTuningTarget> opened = ConfTuningTarget::open(exampleConf(), 17);
    QVERIFY(opened);
    ConfTuningTarget &target = *opened;
    const QByteArray original = target.bytes(QStringLiteral("postgresql.conf"));

    TuningInputs in;
    in.totalMemory = 16;
    in.cpus = 8;
    PgDialContext context;
    context.poolDemand = 58;
    const QList<TuningDiffRow> rows = TuningDiff::compare(
        PgDialProfile::compute(in, context), PgTuneProfile::compute(in), target.lookup(), catalogParameterLimits(), 17);
    QList<QPair<QString, QString>> values;
    for (const TuningDiffRow &row : rows)
        if (row.changes)
            values.append({row.name, row.recommended});
    QVERIFY(values.size() >= 5);

    const Result<QStringList> changes = target.set(values);
    QVERIFY2(changes, qPrintable(changes ? QString() : changes.error().message));
    QCOMPARE(changes->size(), values.size());
    QCOMPARE(target.changedFiles(), QStringList {QStringLiteral("postgresql.conf")});

    // Line by line: only the lines the changes name differ; the line count stays.
    const QList<QByteArray> before = original.split('\n');
    const QList<QByteArray> after = target.bytes(QStringLiteral("postgresql.conf")).split('\n');
    QCOMPARE(after.size(), before.size());
    QSet<int> changedLines;
    for (const QString &change : *changes)
        changedLines.insert(change.section(u':', 1, 1).toInt() - 1);
    for (int i = 0; i < before.size(); ++i)
        QCOMPARE(before[i] != after[i], changedLines.contains(i));
    QCOMPARE(after[73], QByteArray("max_connections = 80\t\t# (change requires restart)"));

    // The re-read configuration now has the recommended values.
    for (const auto &[name, value] : values)
        QVERIFY2(TuningDiff::sameValue(name, target.lookup()(name)->value, value), qPrintable(name));

    target.undo();
    QCOMPARE(target.bytes(QStringLiteral("postgresql.conf")), original);
    QVERIFY(target.changedFiles().isEmpty());
}

void tst_ConfTuningTarget::followsIncludes()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("postgresql.conf")),
                      "shared_buffers = 128MB\ninclude 'conf.d/tuning.conf'\n"));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("conf.d")));
    const QByteArray included = "# tuning\r\nwork_mem = 4MB\r\n";
    QVERIFY(writeFile(dir.filePath(QStringLiteral("conf.d/tuning.conf")), included));

    Result<ConfTuningTarget> opened = ConfTuningTarget::open(dir.filePath(QStringLiteral("postgresql.conf")), 17);
    QVERIFY(opened);
    const auto workMem = opened->lookup()(QStringLiteral("work_mem"));
    QVERIFY(workMem);
    QCOMPARE(workMem->file, QStringLiteral("conf.d/tuning.conf"));
    QCOMPARE(workMem->line, 2);

    const Result<QStringList> changes = opened->set({{QStringLiteral("work_mem"), QStringLiteral("64MB")}});
    QVERIFY(changes);
    QCOMPARE(opened->changedFiles(), QStringList {QStringLiteral("conf.d/tuning.conf")});
    QCOMPARE(opened->bytes(QStringLiteral("conf.d/tuning.conf")), QByteArray("# tuning\r\nwork_mem = 64MB\r\n"));
    opened->undo();
    QCOMPARE(opened->bytes(QStringLiteral("conf.d/tuning.conf")), included);
}

void tst_ConfTuningTarget::refusesValuesTheServerRefuses()
{
    Result<ConfTuningTarget> opened = ConfTuningTarget::open(exampleConf(), 16);
    QVERIFY(opened);
    QVERIFY(!opened->set({{QStringLiteral("wal_compression"), QStringLiteral("lz4")}})); // no lz4 in this 16 build
    QVERIFY(!ConfTuningTarget::open(QStringLiteral("/nonexistent/postgresql.conf"), 17));
}

QTEST_GUILESS_MAIN(tst_ConfTuningTarget)
#include "tst_conftuningtarget.moc"
