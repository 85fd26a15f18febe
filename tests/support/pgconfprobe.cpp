#include "pgconfprobe.h"

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
        m_error = m_server->errorString().isEmpty() ? QStringLiteral("no PostgreSQL installation") : m_server->errorString();
        return false;
    }
    QDir().mkpath(caseDir());
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
    const ProcessResult started = m_server->run(
        QStringLiteral("pg_ctl"),
        {QStringLiteral("-D"), m_server->dataDir(), QStringLiteral("-l"), m_server->logFile(), QStringLiteral("-w"),
         QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-s"), QStringLiteral("-o"), options,
         QStringLiteral("start")},
        90000);
    if (started.exitCode != 0) {
        m_error = QStringLiteral("the server did not start: ") + QString::fromUtf8(started.err + m_server->log().right(4000));
        return false;
    }
    m_started = true;
    const QueryResult contexts = m_server->query(QStringLiteral("select lower(name) from pg_settings where context = 'postmaster'"));
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

bool PgConfProbe::checkStartup(ServerConfVerdict &verdict) const
{
    // Start-up semantics without starting: -C reads the configuration as the postmaster does.
    const ProcessResult check = m_server->run(
        QStringLiteral("postgres"),
        {QStringLiteral("-D"), m_server->dataDir(), QStringLiteral("-c"), QStringLiteral("config_file=") + mainFile(),
         QStringLiteral("-C"), QStringLiteral("work_mem")},
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
