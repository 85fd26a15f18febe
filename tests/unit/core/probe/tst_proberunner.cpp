#include "hba/hbaparser.h"
#include "probe/proberunner.h"

#include <QTest>

#include <memory>

using pgdial::core::hba::HbaFile;
using pgdial::core::hba::HbaParser;
using pgdial::core::probe::ProbeOptions;
using pgdial::core::probe::ProbeReport;
using pgdial::core::probe::ProbeRunner;
using pgdial::core::probe::ProbeStage;
using pgdial::core::probe::StageStatus;
using pgdial::core::probe::Verdict;

// The verdict from the stages, and fixes that name a file and line (no server needed).
class tst_ProbeRunner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proposedHbaRule_data();
    void proposedHbaRule();
    void proposedHbaRuleIsPlaced();
    void firstFailedStageDecides();
    void sslOffLineIsLocated();
    void sslOnLineIsNotAskedAgain();
    void silentListenerIsNotAFirewall();
    void urlLineIsLocated();
    void portMismatchIsNamed();
};

namespace {

// A report whose auth stage failed with `message`, as the server words it.
ProbeReport refusedWith(const QString &message)
{
    ProbeReport report;
    report.verdict = Verdict::HbaNoEntry;
    ProbeStage auth;
    auth.name = QStringLiteral("auth");
    auth.status = StageStatus::Fail;
    auth.verdict = Verdict::HbaNoEntry;
    auth.lines = message.split(QLatin1Char('\n'));
    report.stages.append(auth);
    return report;
}

} // namespace

// Without a project the fix names the rule alone (core::hba::HbaRuleProposer, as everywhere):
// a `local` rule for "[local]", never "[local]/32", and no place (no "where: :0").
void tst_ProbeRunner::proposedHbaRule_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("rule");
    QTest::newRow("no encryption") << "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  no pg_hba.conf "
                                      "entry for host \"10.1.2.3\", user \"app\", database \"appdb\", no encryption"
                                   << "host appdb app 10.1.2.3/32 scram-sha-256";
    QTest::newRow("ssl")
        << "FATAL:  no pg_hba.conf entry for host \"::1\", user \"app\", database \"appdb\", SSL encryption"
        << "hostssl appdb app ::1/128 scram-sha-256";
    QTest::newRow("old wording")
        << "FATAL:  no pg_hba.conf entry for host \"10.0.0.9\", user \"u\", database \"d\", SSL off"
        << "host d u 10.0.0.9/32 scram-sha-256";
    QTest::newRow("replication") << "FATAL:  no pg_hba.conf entry for replication connection from host \"10.0.0.5\", "
                                    "user \"rep\", no encryption"
                                 << "host replication rep 10.0.0.5/32 scram-sha-256";
    QTest::newRow("unix socket") << "connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: FATAL:  no "
                                    "pg_hba.conf entry for host \"[local]\", user \"appuser\", database \"appdb\", "
                                    "no encryption"
                                 << "local appdb appuser scram-sha-256";
    QTest::newRow("quoted names") << "FATAL:  no pg_hba.conf entry for host \"[local]\", user \"app user\", database "
                                     "\"all\", no encryption"
                                  << "local \"all\" \"app user\" scram-sha-256";
}

void tst_ProbeRunner::proposedHbaRule()
{
    QFETCH(QString, message);
    QFETCH(QString, rule);
    ProbeReport report = refusedWith(message);
    ProbeRunner::locateFix(report, ProbeOptions());
    QVERIFY2(report.fix.endsWith(QStringLiteral("A rule that lets this connection in: ") + rule),
             qPrintable(report.fix));
    QVERIFY(!report.fixLocation);
    QVERIFY2(!report.toText().contains(QLatin1String("where:")), qPrintable(report.toText()));
}

// With the project's pg_hba.conf the rule gets a real file and line: before the first rule that
// would otherwise decide the connection, or after the file's last line.
void tst_ProbeRunner::proposedHbaRuleIsPlaced()
{
    const QByteArray hba = "# TYPE DATABASE USER ADDRESS METHOD\n"
                           "local all postgres peer\n"
                           "local appdb all reject\n"
                           "host all all 127.0.0.1/32 scram-sha-256\n";
    ProbeOptions options;
    options.hbaFile = QStringLiteral("pg/pg_hba.conf");
    options.hbaRules = std::make_shared<const HbaFile>(
        HbaParser::parse(hba, QStringLiteral("/project/pg/pg_hba.conf"), {}, QStringLiteral("/project")));

    ProbeReport local = refusedWith(QStringLiteral("FATAL:  no pg_hba.conf entry for host \"[local]\", user "
                                                   "\"appuser\", database \"postgres\", no encryption"));
    ProbeRunner::locateFix(local, options);
    QVERIFY(local.fixLocation);
    QCOMPARE(local.fixLocation->file, QStringLiteral("pg/pg_hba.conf"));
    QCOMPARE(local.fixLocation->line, 5); // appended: the file has 4 lines
    QCOMPARE(local.fixLocation->text, QStringLiteral("local postgres appuser scram-sha-256"));
    QVERIFY2(
        local.toText().contains(QLatin1String("where: pg/pg_hba.conf:5\n    local postgres appuser scram-sha-256")),
        qPrintable(local.toText()));

    // A rule that may take the connection with another outcome comes after the proposal.
    ProbeReport shadowed = refusedWith(QStringLiteral("FATAL:  no pg_hba.conf entry for host \"[local]\", user "
                                                      "\"appuser\", database \"appdb\", no encryption"));
    ProbeRunner::locateFix(shadowed, options);
    QVERIFY(shadowed.fixLocation);
    QCOMPARE(shadowed.fixLocation->line, 3);
    QCOMPARE(shadowed.fixLocation->text, QStringLiteral("local appdb appuser scram-sha-256"));
}

void tst_ProbeRunner::firstFailedStageDecides()
{
    ProbeReport report;
    for (const auto &[name, status, verdict] :
         {std::tuple {"parse", StageStatus::Ok, Verdict::Ok}, std::tuple {"tcp", StageStatus::Warn, Verdict::Refused},
          std::tuple {"tls", StageStatus::Fail, Verdict::CertVerifyFailed},
          std::tuple {"auth", StageStatus::Fail, Verdict::ProtocolError}}) {
        ProbeStage stage;
        stage.name = QString::fromLatin1(name);
        stage.status = status;
        stage.verdict = verdict;
        report.stages.append(stage);
    }
    ProbeRunner::conclude(report, {});
    QCOMPARE(report.verdict, Verdict::CertVerifyFailed);
    QCOMPARE(report.failedStage, QStringLiteral("tls"));
    QVERIFY(!report.cause.isEmpty());
}

void tst_ProbeRunner::sslOffLineIsLocated()
{
    ProbeReport report;
    report.verdict = Verdict::SslNotSupported;
    ProbeOptions options;
    options.serverSettings = [](const QString &name) -> std::optional<pgdial::core::project::ServerSetting> {
        if (name == QLatin1String("ssl"))
            return pgdial::core::project::ServerSetting {name, QStringLiteral("off"),
                                                         QStringLiteral("infra/postgresql.conf"), 42};
        return std::nullopt;
    };
    ProbeRunner::locateFix(report, options);
    QVERIFY(report.fixLocation);
    QCOMPARE(report.fixLocation->file, QStringLiteral("infra/postgresql.conf"));
    QCOMPARE(report.fixLocation->line, 42);
    QCOMPARE(report.fixLocation->text, QStringLiteral("ssl = on"));
}

void tst_ProbeRunner::sslOnLineIsNotAskedAgain()
{
    ProbeReport report;
    report.verdict = Verdict::SslNotSupported;
    ProbeOptions options;
    options.serverSettings = [](const QString &name) -> std::optional<pgdial::core::project::ServerSetting> {
        if (name == QLatin1String("ssl"))
            return pgdial::core::project::ServerSetting {name, QStringLiteral("true"),
                                                         QStringLiteral("infra/postgresql.conf"), 117};
        return std::nullopt;
    };
    ProbeRunner::locateFix(report, options);
    QVERIFY(report.fix.contains(QLatin1String("infra/postgresql.conf:117 already sets ssl = true")));
    QVERIFY(report.fix.contains(QLatin1String("does not run this file")));
    QVERIFY(!report.fix.contains(QLatin1String("confirms")));
    QVERIFY(report.fixLocation);
    QVERIFY(report.fixLocation->text.isEmpty());

    ProbeReport confirmed;
    confirmed.verdict = Verdict::SslNotSupported;
    ProbeRunner::locateFix(confirmed, options, {{QStringLiteral("ssl"), QStringLiteral("off")}});
    QVERIFY(confirmed.fix.contains(QLatin1String("the server runs ssl = off")));
}

void tst_ProbeRunner::silentListenerIsNotAFirewall()
{
    const auto reportFailingAt = [](const char *failed) {
        ProbeReport report;
        for (const char *name : {"parse", "resolve", "tcp", "tls"}) {
            ProbeStage stage;
            stage.name = QString::fromLatin1(name);
            const bool fails = qstrcmp(name, failed) == 0;
            stage.status = fails ? StageStatus::Fail : StageStatus::Ok;
            stage.verdict = fails ? Verdict::Timeout : Verdict::Ok;
            report.stages.append(stage);
            if (fails)
                break;
        }
        ProbeRunner::conclude(report, {QStringLiteral("db.example"), QStringLiteral("5432"), {}, {}, {}});
        return report;
    };
    const ProbeReport dropped = reportFailingAt("tcp");
    QVERIFY2(dropped.cause.contains(QLatin1String("packets are dropped")), qPrintable(dropped.cause));
    const ProbeReport silent = reportFailingAt("tls");
    QCOMPARE(silent.verdict, Verdict::Timeout);
    QVERIFY2(silent.cause.contains(QLatin1String("db.example:5432 accepts the TCP connection")),
             qPrintable(silent.cause));
    QVERIFY(!silent.cause.contains(QLatin1String("packets are dropped")));
}

void tst_ProbeRunner::urlLineIsLocated()
{
    ProbeOptions options;
    options.origin = pgdial::core::probe::ConninfoOrigin {QStringLiteral(".env"), 7, QStringLiteral("DATABASE_URL")};
    for (const Verdict verdict : {Verdict::PasswordFailed, Verdict::DatabaseMissing, Verdict::UnknownHost}) {
        ProbeReport report;
        report.verdict = verdict;
        ProbeRunner::locateFix(report, options);
        QVERIFY(report.fixLocation);
        QCOMPARE(report.fixLocation->file, QStringLiteral(".env"));
        QCOMPARE(report.fixLocation->line, 7);
    }
    ProbeReport rejected;
    rejected.verdict = Verdict::HbaReject;
    ProbeRunner::locateFix(rejected, options);
    QVERIFY(!rejected.fixLocation); // the server's rule is at fault, not the URL
}

void tst_ProbeRunner::portMismatchIsNamed()
{
    ProbeReport report;
    report.verdict = Verdict::Refused;
    ProbeOptions options;
    options.conninfo = QStringLiteral("postgresql://app@localhost:5433/appdb");
    options.serverSettings = [](const QString &name) -> std::optional<pgdial::core::project::ServerSetting> {
        if (name == QLatin1String("port"))
            return pgdial::core::project::ServerSetting {name, QStringLiteral("5432"),
                                                         QStringLiteral("postgresql.conf"), 73};
        return std::nullopt;
    };
    ProbeRunner::locateFix(report, options);
    QVERIFY2(report.fix.contains(QLatin1String("port = 5432 (postgresql.conf:73)")), qPrintable(report.fix));
    QVERIFY(report.fixLocation);
    QCOMPARE(report.fixLocation->line, 73);
}

QTEST_GUILESS_MAIN(tst_ProbeRunner)
#include "tst_proberunner.moc"
