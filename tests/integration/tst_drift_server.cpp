// Drift against real servers (every installed major 13-18): each state of issue 19 is produced
// for real on a running server (ALTER SYSTEM, a restart-only change left pending, a line the
// server refuses, a value written in other units, settings only one side has, pg_hba.conf rules
// that part), read by LiveServerReader and judged by DriftAnalyzer; then the CLI's exit codes,
// JSON contract and password masking.
#include "live/driftanalyzer.h"
#include "live/liveserverreader.h"
#include "project/project.h"
#include "support/clirunner.h"
#include "support/pgtestserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace pgdial::core;
using pgdial::test::PgInstallation;
using pgdial::test::PgTestServer;
using pgdial::test::runCli;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

bool append(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(bytes) == bytes.size();
}

// A project whose postgresql.conf and pg_hba.conf are copies of the server's own.
bool copyServerFiles(const PgTestServer &server, const QString &folder)
{
    return writeAll(folder + "/postgresql.conf", readAll(server.dataDir() + "/postgresql.conf"))
        && writeAll(folder + "/pg_hba.conf", readAll(server.dataDir() + "/pg_hba.conf"));
}

live::DriftReport drift(const QString &folder, const QString &conninfo, QString *error)
{
    auto project = project::Project::open(folder);
    if (!project) {
        *error = project.error().message;
        return {};
    }
    const auto state = live::LiveServerReader::read(conninfo, probe::ProbeControl(20000));
    if (!state) {
        *error = state.error().code + ": " + state.error().message;
        return {};
    }
    return live::DriftAnalyzer::analyze(*project, *state);
}

const live::SettingDrift *find(const live::DriftReport &report, const QString &name)
{
    for (const live::SettingDrift &setting : report.settings)
        if (setting.name.compare(name, Qt::CaseInsensitive) == 0)
            return &setting;
    return nullptr;
}

QString describe(const live::DriftReport &report)
{
    return report.toText();
}

// pg_ctl reload only signals: wait until the server shows the new value.
bool waitFor(const PgTestServer &server, const QString &sql, const QString &expected)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000) {
        const auto result = server.query(sql);
        if (result.ok && !result.rows.isEmpty() && result.rows.first().value(0) == expected)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

QStringList keys(const QJsonObject &object)
{
    QStringList list = object.keys();
    list.sort();
    return list;
}

} // namespace

class tst_DriftServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyState_data();
    void everyState();
    void cli();
    void cancelAndDeadline();

private:
    QTemporaryDir m_home;
};

void tst_DriftServer::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("PGPASSFILE", (m_home.path() + "/no-pgpass").toUtf8());
    for (const char *name : {"PGPASSWORD", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGSERVICE", "PGOPTIONS"})
        qunsetenv(name);
    if (PgInstallation::available().isEmpty())
        QSKIP("no PostgreSQL server installed");
}

void tst_DriftServer::everyState_data()
{
    QTest::addColumn<int>("major");
    for (const PgInstallation &installation : PgInstallation::available())
        QTest::newRow(qPrintable(QStringLiteral("pg%1").arg(installation.major))) << installation.major;
}

void tst_DriftServer::everyState()
{
    QFETCH(int, major);
    PgTestServer server(PgTestServer::Options {major, {}, QStringLiteral("postgres"), true});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTemporaryDir folder;
    QVERIFY(copyServerFiles(server, folder.path()));

    // The server runs exactly its files: no drift at all, whatever units or case they use.
    QString error;
    live::DriftReport report = drift(folder.path(), server.conninfo(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(report.versionNum / 10000, major);
    QCOMPARE(report.configFile, server.dataDir() + "/postgresql.conf");
    QVERIFY2(!report.hasDrift(), qPrintable(describe(report)));
    QCOMPARE(report.hbaState, live::HbaDriftState::Same);

    // shared_buffers in kB where the server's file says MB: still the same value.
    const auto pages = server.query("select setting from pg_settings where name = 'shared_buffers'");
    QVERIFY(pages.ok);
    const QByteArray kilobytes = QByteArray::number(pages.rows.first().first().toLongLong() * 8) + "kB";

    // The project's file: ALTER SYSTEM will override work_mem, max_connections waits for a
    // restart, maintenance_work_mem has a value the server refuses, max_wal_size differs.
    QVERIFY(append(folder.path() + "/postgresql.conf",
                   "shared_buffers = " + kilobytes
                       + "\nwork_mem = 4MB\nmax_connections = 50\nmaintenance_work_mem = 'lots'\n"
                         "max_wal_size = 2GB\n"));
    // The server's files: the same restart-only change and refused line, and a setting of its own.
    QVERIFY(server.appendConfig("max_connections = 50\nmaintenance_work_mem = 'lots'\n"
                                "log_min_duration_statement = 250\n"));
    QVERIFY(server.execute("alter system set work_mem = '8MB'"));
    QVERIFY(server.reload());
    QVERIFY(waitFor(server, "select setting from pg_settings where name = 'log_min_duration_statement'", "250"));
    QVERIFY(waitFor(server, "select current_setting('work_mem')", "8MB"));

    // pg_hba.conf: one rule with another method, two rules only the server has, one it refuses.
    QVERIFY(append(folder.path() + "/pg_hba.conf", "host all all 10.0.0.0/8 scram-sha-256\n"));
    QVERIFY(!server
                 .writeFile(server.dataDir() + "/pg_hba.conf",
                            readAll(server.dataDir() + "/pg_hba.conf")
                                + "host all all 10.0.0.0/8 md5\nhost all all 192.168.0.0/16 md5\n"
                                  "host all all 172.16.0.0/12 nosuchmethod\n")
                 .isEmpty());

    report = drift(folder.path(), server.conninfo(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(report.hasDrift());
    const QString text = describe(report);

    const auto expect = [&](const char *name, live::DriftState state) -> const live::SettingDrift * {
        const live::SettingDrift *setting = find(report, name);
        if (!setting)
            qWarning("%s missing from:\n%s", name, qPrintable(text));
        else if (setting->state != state)
            qWarning("%s is %s, expected %s:\n%s", name, qPrintable(live::driftStateName(setting->state)),
                     qPrintable(live::driftStateName(state)), qPrintable(text));
        return setting && setting->state == state ? setting : nullptr;
    };
    const live::SettingDrift *shared = expect("shared_buffers", live::DriftState::Same);
    QVERIFY(shared);
    QCOMPARE(shared->fileValue, QString::fromUtf8(kilobytes));

    const live::SettingDrift *workMem = expect("work_mem", live::DriftState::AutoConfOverride);
    QVERIFY(workMem);
    QCOMPARE(workMem->liveValue, QStringLiteral("8MB"));
    QCOMPARE(workMem->fileValue, QStringLiteral("4MB"));
    QVERIFY(workMem->liveLocation && workMem->liveLocation->file.endsWith("/postgresql.auto.conf"));

    const live::SettingDrift *connections = expect("max_connections", live::DriftState::PendingRestart);
    QVERIFY(connections);
    QVERIFY(connections->pendingRestart);
    QVERIFY(connections->fileLocation && connections->fileLocation->file == "postgresql.conf");

    const live::SettingDrift *refused = expect("maintenance_work_mem", live::DriftState::FileOnly);
    QVERIFY(refused);
    QCOMPARE(refused->liveSource, QStringLiteral("default"));
    const bool refusalReported = std::any_of(report.diagnostics.cbegin(), report.diagnostics.cend(), [](const auto &d) {
        return d.code == "live.file-setting-error" && d.parameter == "maintenance_work_mem" && d.line > 0;
    });
    QVERIFY2(refusalReported, qPrintable(text));

    const live::SettingDrift *walSize = expect("max_wal_size", live::DriftState::Differs);
    QVERIFY(walSize);
    QCOMPARE(walSize->fileValue, QStringLiteral("2GB"));

    const live::SettingDrift *serverOnly = expect("log_min_duration_statement", live::DriftState::LiveOnly);
    QVERIFY(serverOnly);
    QVERIFY(!serverOnly->fileValue && !serverOnly->fileLocation);
    QVERIFY(serverOnly->liveLocation && serverOnly->liveLocation->file == server.dataDir() + "/postgresql.conf");
    QCOMPARE(serverOnly->liveValue, QStringLiteral("250ms"));

    QCOMPARE(report.hbaState, live::HbaDriftState::Differs);
    QVERIFY2(report.hbaDifferences.size() == 3, qPrintable(text));
    const live::HbaDifference &method = report.hbaDifferences.at(0);
    QVERIFY2(method.reason.contains("auth_method") && method.file && method.live, qPrintable(text));
    QVERIFY(method.file->contains("scram-sha-256") && method.live->contains("md5"));
    QVERIFY(!report.hbaDifferences.at(1).file && report.hbaDifferences.at(1).live);
    QVERIFY(report.hbaDifferences.at(2).live->startsWith("error: "));
    const bool hbaErrorReported = std::any_of(report.diagnostics.cbegin(), report.diagnostics.cend(),
                                              [](const auto &d) { return d.code == "live.hba-error" && d.line > 0; });
    QVERIFY2(hbaErrorReported, qPrintable(text));
}

void tst_DriftServer::cli()
{
    PgTestServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTemporaryDir folder;
    QVERIFY(copyServerFiles(server, folder.path()));
    // Trust authentication ignores the password; it must still never be printed.
    const QString secret = "SeCrEt-pw-771";
    const QString conninfo = server.conninfo() + " password=" + secret;

    auto run = runCli({"drift", folder.path(), "--server", conninfo, "--json"});
    QVERIFY2(run.exitCode == 0, (run.out + run.err).constData());
    QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(keys(json), QStringList({"diagnostics", "hba", "server", "settings"}));
    QCOMPARE(keys(json.value("server").toObject()),
             QStringList({"build_features", "config_file", "data_directory", "hba_file", "version_num"}));
    QCOMPARE(json.value("server").toObject().value("version_num").toInt() / 10000, server.major());
    QCOMPARE(keys(json.value("hba").toObject()), QStringList({"differences", "state"}));
    QCOMPARE(json.value("hba").toObject().value("state").toString(), QStringLiteral("same"));
    const QJsonArray settings = json.value("settings").toArray();
    QVERIFY(!settings.isEmpty());
    QCOMPARE(keys(settings.first().toObject()),
             QStringList({"file_location", "file_value", "live_location", "live_source", "live_value", "name",
                          "pending_restart", "state"}));

    QVERIFY(append(folder.path() + "/postgresql.conf", "work_mem = 64MB\n"));
    QVERIFY(append(folder.path() + "/pg_hba.conf", "host all all 10.0.0.0/8 scram-sha-256\n"));
    run = runCli({"drift", folder.path(), "--server", conninfo, "--json"});
    QVERIFY2(run.exitCode == 1, (run.out + run.err).constData());
    json = QJsonDocument::fromJson(run.out).object();
    QJsonObject workMem;
    for (const QJsonValue &row : json.value("settings").toArray())
        if (row.toObject().value("name") == QStringLiteral("work_mem"))
            workMem = row.toObject();
    QCOMPARE(workMem.value("state").toString(), QStringLiteral("file_only"));
    QCOMPARE(workMem.value("file_location").toObject().value("file").toString(), QStringLiteral("postgresql.conf"));
    QVERIFY(workMem.value("live_location").isNull());
    const QJsonArray differences = json.value("hba").toObject().value("differences").toArray();
    QCOMPARE(differences.size(), 1);
    QCOMPARE(keys(differences.first().toObject()), QStringList({"file", "line_number", "live", "reason"}));
    QVERIFY(differences.first().toObject().value("live").isNull());
    QVERIFY(!run.out.contains(secret.toUtf8()) && !run.err.contains(secret.toUtf8()));

    // Text output, same verdict.
    run = runCli({"drift", folder.path(), "--server", conninfo});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.contains("file_only: work_mem"));
    QVERIFY(!run.out.contains(secret.toUtf8()));

    // No server there, bad usage: exit 2, and the password stays hidden.
    const QString nowhere = QStringLiteral("host=127.0.0.1 port=%1 user=postgres password=%2 connect_timeout=5")
                                .arg(PgTestServer::freePort())
                                .arg(secret);
    run = runCli({"drift", folder.path(), "--server", nowhere});
    QVERIFY2(run.exitCode == 2, (run.out + run.err).constData());
    QVERIFY(run.err.contains("live.connect"));
    QVERIFY(!run.out.contains(secret.toUtf8()) && !run.err.contains(secret.toUtf8()));
    QCOMPARE(runCli({"drift", folder.path()}).exitCode, 2);
    QCOMPARE(runCli({"drift", "--server", conninfo}).exitCode, 2);
    QCOMPARE(runCli({"drift", folder.path() + "/missing", "--server", conninfo}).exitCode, 2);
}

void tst_DriftServer::cancelAndDeadline()
{
    PgTestServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    // A cancel set before the read: no hang, a clear state.
    probe::ProbeControl cancelled(20000);
    cancelled.cancel();
    QElapsedTimer timer;
    timer.start();
    auto state = live::LiveServerReader::read(server.conninfo(), cancelled);
    QVERIFY(!state);
    QCOMPARE(state.error().code, QStringLiteral("live.cancelled"));
    QVERIFY(timer.elapsed() < 2000);

    // A deadline already over: the reader gives up at once and says so.
    probe::ProbeControl expired(0);
    state = live::LiveServerReader::read(server.conninfo(), expired);
    QVERIFY(!state);
    QCOMPARE(state.error().code, QStringLiteral("live.timeout"));
}

QTEST_GUILESS_MAIN(tst_DriftServer)
#include "tst_drift_server.moc"
