#include "support/pgconfprobe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace pgdial::test {

PgConfProbe::PgConfProbe(int major)
{
    PgTestServer::Options options;
    options.major = major;
    m_server = std::make_unique<PgTestServer>(options);
}

PgConfProbe::~PgConfProbe()
{
    stop();
}

int PgConfProbe::major() const
{
    return m_server->major();
}

QString PgConfProbe::caseDir() const
{
    return m_server->baseDir() + QStringLiteral("/conf");
}

QString PgConfProbe::mainFile() const
{
    return caseDir() + QStringLiteral("/postgresql.conf");
}

bool PgConfProbe::start()
{
    if (!m_server->init()) {
        m_error = m_server->errorString().isEmpty() ? QStringLiteral("no PostgreSQL installation")
                                                    : m_server->errorString();
        return false;
    }
    QDir().mkpath(caseDir());
    // The cluster probeByStarting() starts: a copy taken while the probe's own is still stopped
    // (a clean shutdown state), so that the two never share a data folder or a lock file.
    const ProcessResult copied
        = m_server->run(QStringLiteral("/bin/cp"), {QStringLiteral("-a"), m_server->dataDir(), startDataDir()});
    if (copied.exitCode != 0) {
        m_error = QStringLiteral("cannot copy the data folder: ") + QString::fromUtf8(copied.err);
        return false;
    }
    m_server->writeFile(startSocketDir() + QStringLiteral("/.keep-owner"), {}); // a folder the server user owns
    if (m_server->writeFile(mainFile(), "# pgdial conf probe: cases are written here\n").isEmpty()) {
        m_error = QStringLiteral("cannot write ") + mainFile();
        return false;
    }
    // Started by hand rather than PgTestServer::start() so that the server plumbing comes from the
    // command line (source "argv") and the config file can be anything.
    const QString options = QStringLiteral("-c config_file=%1 -c port=%2 -c listen_addresses='' "
                                           "-c unix_socket_directories=%3")
                                .arg(mainFile())
                                .arg(m_server->port())
                                .arg(m_server->socketDir());
    const ProcessResult started
        = m_server->run(QStringLiteral("pg_ctl"),
                        {QStringLiteral("-D"), m_server->dataDir(), QStringLiteral("-l"), m_server->logFile(),
                         QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-s"),
                         QStringLiteral("-o"), options, QStringLiteral("start")},
                        90000);
    if (started.exitCode != 0) {
        m_error = QStringLiteral("the server did not start: ")
            + QString::fromUtf8(started.err + m_server->log().right(4000));
        return false;
    }
    m_started = true;
    const QueryResult contexts
        = m_server->query(QStringLiteral("select lower(name) from pg_settings where context = 'postmaster'"));
    if (!contexts.ok) {
        m_error = contexts.error;
        return false;
    }
    for (const QStringList &row : contexts.rows)
        m_restartOnly.insert(row.value(0));
    return true;
}

void PgConfProbe::stop()
{
    if (m_started) {
        m_server->stop();
        m_started = false;
    }
}

ServerConfVerdict PgConfProbe::probe(const QMap<QString, QByteArray> &files)
{
    QDir(caseDir()).removeRecursively();
    QDir().mkpath(caseDir());
    for (auto it = files.begin(); it != files.end(); ++it) {
        const QString path = caseDir() + QLatin1Char('/') + it.key();
        if (it.key().endsWith(QLatin1Char('/'))) {
            QDir().mkpath(path);
            m_server->writeFile(path + QStringLiteral("/.keep-owner"), {}); // fixes the folders' owner
            QFile::remove(path + QStringLiteral("/.keep-owner"));
            continue;
        }
        m_server->writeFile(path, it.value());
    }
    if (!files.contains(QStringLiteral("postgresql.conf")))
        QFile::remove(mainFile());
    return probeCurrent();
}

ServerConfVerdict PgConfProbe::probeCurrent()
{
    ServerConfVerdict verdict;
    if (!m_started) {
        verdict.error = QStringLiteral("the probe server is not running");
        return verdict;
    }
    const QueryResult result = m_server->query(QStringLiteral(
        "select sourcefile, sourceline, seqno, name, setting, applied, error from pg_file_settings order by seqno"));
    if (!result.ok) {
        verdict.error = result.error;
        return verdict;
    }
    for (const QStringList &row : result.rows) {
        if (row.value(0).isNull())
            continue; // not about the file: "removed from the configuration file" rows
        ServerFileSetting setting;
        setting.sourcefile = row.value(0);
        setting.sourceline = row.value(1).toInt();
        setting.seqno = row.value(2).toInt();
        if (!row.value(3).isNull())
            setting.name = row.value(3);
        if (!row.value(4).isNull())
            setting.setting = row.value(4);
        setting.applied = row.value(5) == QStringLiteral("t");
        if (!row.value(6).isNull())
            setting.error = row.value(6);
        verdict.rows.append(setting);
    }
    // The view already decides most cases: any parse, name or include error makes the server refuse
    // the file, and a file without any error is accepted. Only "setting could not be applied" is
    // ambiguous (A8: restart-only parameters are compared with the running values), so only then
    // ask the postmaster's own reading (`postgres -C`), which costs a process start.
    bool anyError = false;
    bool onlyApplyErrors = true;
    for (const ServerFileSetting &row : std::as_const(verdict.rows)) {
        if (!row.error)
            continue;
        anyError = true;
        if (*row.error != QStringLiteral("setting could not be applied"))
            onlyApplyErrors = false;
    }
    if (!(anyError && onlyApplyErrors))
        verdict.acceptedByView = !anyError;
    if (m_alwaysCheckStartup || (anyError && onlyApplyErrors)) {
        if (!checkStartup(verdict))
            return verdict;
    } else {
        verdict.accepted = !anyError;
    }
    verdict.probed = true;
    return verdict;
}

QString PgConfProbe::startDataDir() const
{
    return m_server->baseDir() + QStringLiteral("/startdata");
}

QString PgConfProbe::startSocketDir() const
{
    return m_server->baseDir() + QStringLiteral("/startsock");
}

ServerConfVerdict PgConfProbe::probeByStarting(const QMap<QString, QByteArray> &files)
{
    const bool always = m_alwaysCheckStartup;
    m_alwaysCheckStartup = false;
    ServerConfVerdict verdict = probe(files);
    m_alwaysCheckStartup = always;
    if (!verdict.probed)
        return verdict;
    verdict.probed = startAndStop(verdict);
    return verdict;
}

bool PgConfProbe::startAndStop(ServerConfVerdict &verdict) const
{
    // Only the plumbing comes from the command line (a private socket folder, no TCP), so every
    // value the checks look at is the file's.
    const QString log = m_server->baseDir() + QStringLiteral("/start.log");
    QFile::remove(log);
    const QString options
        = QStringLiteral("-c config_file=%1 -c port=%2 -c listen_addresses='' -c unix_socket_directories=%3")
              .arg(mainFile())
              .arg(m_server->port())
              .arg(startSocketDir());
    const QStringList data {QStringLiteral("-D"), startDataDir()};
    const ProcessResult started = m_server->run(
        QStringLiteral("pg_ctl"),
        data
            + QStringList {QStringLiteral("-l"), log, QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
                           QStringLiteral("-s"), QStringLiteral("-o"), options, QStringLiteral("start")},
        45000);
    QFile logFile(log);
    if (logFile.open(QIODevice::ReadOnly))
        verdict.startupLog = logFile.readAll();
    verdict.startupLog += started.err;
    // Always stopped, whatever pg_ctl said: a start that timed out may still be running.
    if (started.exitCode == 0 || QFile::exists(startDataDir() + QStringLiteral("/postmaster.pid")))
        m_server->run(QStringLiteral("pg_ctl"),
                      data
                          + QStringList {QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-s"),
                                         QStringLiteral("-w"), QStringLiteral("stop")},
                      60000);
    if (started.timedOut) {
        verdict.error = QStringLiteral("pg_ctl start timed out");
        return false;
    }
    verdict.accepted = started.exitCode == 0;
    verdict.started = true;
    return true;
}

bool PgConfProbe::checkStartup(ServerConfVerdict &verdict) const
{
    // Start-up semantics without starting: -C reads the configuration as the postmaster does.
    const ProcessResult check
        = m_server->run(QStringLiteral("postgres"),
                        {QStringLiteral("-D"), m_server->dataDir(), QStringLiteral("-c"),
                         QStringLiteral("config_file=") + mainFile(), QStringLiteral("-C"), QStringLiteral("work_mem")},
                        60000);
    if (check.timedOut) {
        verdict.error = QStringLiteral("postgres -C timed out");
        return false;
    }
    verdict.accepted = check.exitCode == 0;
    verdict.startupLog = check.err;

    verdict.startupChecked = true;
    return true;
}

} // namespace pgdial::test
