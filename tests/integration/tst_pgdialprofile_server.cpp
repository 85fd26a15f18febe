// Acceptance: every value the pgdial profile suggests is accepted by a real server of that
// major version. For machine sizes this box cannot host, `postgres -C` loads the suggested
// configuration exactly as startup does (invalid values fail it) without allocating anything;
// two small sizes are started for real and checked through pg_file_settings.

#include "support/pgtestserver.h"
#include "tuning/pgdialprofile.h"
#include "tuning/tuningformatter.h"

#include <QFile>
#include <QTest>

using namespace pgdial::core::tuning;
using pgdial::test::PgInstallation;
using pgdial::test::PgTestServer;

namespace {

struct MachineCase
{
    const char *name;
    qint64 gb;
    int cpus;
    Workload workload;
    std::optional<int> poolDemand;
};

const MachineCase machineCases[] = {
    {"1GB web 2 cpus", 1, 2, Workload::Web, std::nullopt},
    {"4GB desktop 4 cpus", 4, 4, Workload::Desktop, std::nullopt},
    {"16GB oltp 8 cpus pools 58", 16, 8, Workload::Oltp, 58},
    {"64GB dw 16 cpus", 64, 16, Workload::Dw, std::nullopt},
    {"1TB mixed 64 cpus pools 2000", 1024, 64, Workload::Mixed, 2000},
};

TuningResult suggest(int major, const MachineCase &machine)
{
    TuningInputs in;
    in.pgVersion = major;
    in.totalMemory = machine.gb;
    in.cpus = machine.cpus;
    in.workload = machine.workload;
    PgDialContext context;
    context.poolDemand = machine.poolDemand;
    return PgDialProfile::compute(in, context);
}

QByteArray block(int major, const MachineCase &machine)
{
    TuningInputs in;
    in.pgVersion = major;
    return "\n# pgdial profile\n" + TuningFormatter::toConf(in, suggest(major, machine)).toUtf8() + "\n";
}

} // namespace

class tst_PgDialProfileServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverAcceptsSuggestions_data();
    void serverAcceptsSuggestions();
};

void tst_PgDialProfileServer::serverAcceptsSuggestions_data()
{
    QTest::addColumn<int>("major");
    for (const PgInstallation &installation : PgInstallation::available())
        QTest::newRow(qPrintable(QStringLiteral("pg%1").arg(installation.major))) << installation.major;
    if (PgInstallation::available().isEmpty())
        QSKIP("no PostgreSQL server installed");
}

void tst_PgDialProfileServer::serverAcceptsSuggestions()
{
    QFETCH(int, major);
    PgTestServer server(PgTestServer::Options {major, {}, QStringLiteral("postgres"), true});
    QVERIFY2(server.init(), qPrintable(server.errorString()));
    QFile original(server.dataDir() + "/postgresql.conf");
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray base = original.readAll();

    // Every machine size: the configuration loads, and the server reads our values back.
    int index = 0;
    for (const MachineCase &machine : machineCases) {
        const TuningResult result = suggest(major, machine);
        const QString path
            = server.writeFile(QStringLiteral("tune-%1.conf").arg(index++), base + block(major, machine));
        for (const char *name : {"max_connections", "work_mem", "shared_buffers"}) {
            const auto checked
                = server.run(QStringLiteral("postgres"),
                             {QStringLiteral("-D"), server.dataDir(), QStringLiteral("-c"),
                              QStringLiteral("config_file=") + path, QStringLiteral("-C"), QString::fromLatin1(name)});
            QVERIFY2(checked.exitCode == 0,
                     qPrintable(QStringLiteral("%1: %2").arg(QString::fromLatin1(machine.name),
                                                             QString::fromUtf8(checked.err))));
            if (qstrcmp(name, "max_connections") == 0)
                QCOMPARE(checked.out.trimmed(), result.find(QStringLiteral("max_connections"))->value.toUtf8());
        }
    }

    // Two sizes this machine can host, started for real: no file errors, every value applied.
    for (const MachineCase &machine : {machineCases[0], machineCases[1]}) {
        QVERIFY(server.appendConfig(block(major, machine)));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto errors = server.query(QStringLiteral("select name, error from pg_file_settings "
                                                        "where error is not null or not applied"));
        QVERIFY2(errors.ok, qPrintable(errors.error));
        QStringList problems;
        for (const QStringList &row : errors.rows)
            problems << row.join(QStringLiteral(": "));
        // Earlier occurrences of a parameter are "not applied" because a later line wins; only
        // the suggested ones must be applied.
        const TuningResult result = suggest(major, machine);
        for (const TunedSetting &setting : result.settings) {
            const auto applied = server.query(
                QStringLiteral(
                    "select applied, error from pg_file_settings where name = '%1' order by seqno desc limit 1")
                    .arg(setting.name));
            QVERIFY2(applied.ok && !applied.rows.isEmpty(), qPrintable(setting.name));
            QVERIFY2(applied.rows.first().at(0) == u"t" && applied.rows.first().at(1).isNull(),
                     qPrintable(QStringLiteral("%1 = %2: %3")
                                    .arg(setting.name, setting.value, problems.join(QStringLiteral("; ")))));
        }
        const auto shared = server.query(QStringLiteral("select current_setting('shared_buffers')"));
        QCOMPARE(shared.rows.first().first(), result.find(QStringLiteral("shared_buffers"))->value);
        QVERIFY(server.stop());
    }
}

QTEST_GUILESS_MAIN(tst_PgDialProfileServer)
#include "tst_pgdialprofile_server.moc"
