#include "support/pgtestserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <arpa/inet.h>
#include <grp.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pgdial::test {

namespace {

constexpr char serverUser[] = "postgres";

struct ServerUser
{
    uid_t uid;
    gid_t gid;
};

std::optional<ServerUser> lookupServerUser()
{
    if (const passwd *pw = ::getpwnam(serverUser))
        return ServerUser {pw->pw_uid, pw->pw_gid};
    if (const passwd *pw = ::getpwnam("nobody"))
        return ServerUser {pw->pw_uid, pw->pw_gid};
    return std::nullopt;
}

QString quoteConninfo(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

PgTestServer::PgTestServer()
    : PgTestServer(Options {})
{ }

PgTestServer::PgTestServer(Options options)
    : m_options(std::move(options))
{
    const std::optional<PgInstallation> found
        = m_options.major > 0 ? PgInstallation::find(m_options.major) : PgInstallation::preferred();
    if (found)
        m_installation = *found;
    else
        m_error = QStringLiteral("no PostgreSQL %1 installation found (run scripts/fetch-postgres)")
                      .arg(m_options.major > 0 ? QString::number(m_options.major) : QStringLiteral("server"));
}

PgTestServer::~PgTestServer()
{
    if (m_running)
        stop();
}

bool PgTestServer::runsAsOtherUser()
{
    return ::geteuid() == 0;
}

int PgTestServer::freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QString PgTestServer::baseDir() const
{
    return m_base ? m_base->path() : QString();
}

QString PgTestServer::dataDir() const
{
    return baseDir() + QStringLiteral("/data");
}

QString PgTestServer::socketDir() const
{
    return baseDir() + QStringLiteral("/socket");
}

QString PgTestServer::logFile() const
{
    return baseDir() + QStringLiteral("/server.log");
}

QByteArray PgTestServer::log() const
{
    QFile file(logFile());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void PgTestServer::fixOwnership(const QString &path) const
{
    if (!runsAsOtherUser())
        return;
    if (const auto user = lookupServerUser()) [[maybe_unused]]
        const int ignored = ::chown(QFile::encodeName(path).constData(), user->uid, user->gid);
}

ProcessResult PgTestServer::run(const QString &program, const QStringList &arguments, int timeoutMs) const
{
    ProcessResult result;
    QProcess process;
    process.setProcessEnvironment(m_installation.environment());
    process.setWorkingDirectory(baseDir().isEmpty() ? QDir::tempPath() : baseDir());
    const QString path = program.contains(QLatin1Char('/')) ? program : m_installation.program(program);
    if (runsAsOtherUser()) {
        // runuser keeps the environment we give it (LD_LIBRARY_PATH for the npm builds) with -m.
        QStringList wrapped {QStringLiteral("-m"), QStringLiteral("-u"), QString::fromLatin1(serverUser),
                             QStringLiteral("--"), path};
        wrapped += arguments;
        process.start(QStringLiteral("runuser"), wrapped);
    } else {
        process.start(path, arguments);
    }
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(5000);
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

bool PgTestServer::init()
{
    if (m_initialized)
        return true;
    if (m_installation.major == 0)
        return false;
    m_base = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/pgdial-server-XXXXXX"));
    if (!m_base->isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder");
        return false;
    }
    ::chmod(QFile::encodeName(baseDir()).constData(), 0755);
    fixOwnership(baseDir());
    QDir().mkpath(socketDir());
    ::chmod(QFile::encodeName(socketDir()).constData(), 0700);
    fixOwnership(socketDir());

    QStringList arguments {QStringLiteral("-D"),         dataDir(),
                           QStringLiteral("-U"),         m_options.superuser,
                           QStringLiteral("-A"),         QStringLiteral("trust"),
                           QStringLiteral("-E"),         QStringLiteral("UTF8"),
                           QStringLiteral("--locale=C"), QStringLiteral("--no-sync")};
    arguments += m_options.initdbArguments;
    const ProcessResult initdb = run(QStringLiteral("initdb"), arguments, 120000);
    if (initdb.exitCode != 0) {
        m_error = QStringLiteral("initdb failed: ") + QString::fromUtf8(initdb.err + initdb.out);
        return false;
    }
    m_port = freePort();
    QByteArray settings = "\n# pgdial test server\nport = " + QByteArray::number(m_port) + "\n";
    settings += "listen_addresses = '" + QByteArray(m_options.listenTcp ? "127.0.0.1" : "") + "'\n";
    settings += "unix_socket_directories = '" + socketDir().toUtf8() + "'\n";
    settings += "fsync = off\nlogging_collector = off\nlog_min_messages = info\n";
    if (!appendConfig(settings))
        return false;
    m_initialized = true;
    return true;
}

bool PgTestServer::appendConfig(const QByteArray &lines) const
{
    QFile conf(dataDir() + QStringLiteral("/postgresql.conf"));
    if (!conf.open(QIODevice::Append))
        return false;
    return conf.write(lines) == lines.size();
}

QString PgTestServer::writeFile(const QString &path, const QByteArray &bytes) const
{
    const QString target = QDir::isAbsolutePath(path) ? path : baseDir() + QLatin1Char('/') + path;
    QDir().mkpath(QFileInfo(target).absolutePath());
    QFile file(target);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(bytes);
    file.close();
    for (QString dir = QFileInfo(target).absolutePath(); dir.startsWith(baseDir()) && dir != baseDir();
         dir = QFileInfo(dir).absolutePath())
        fixOwnership(dir);
    fixOwnership(target);
    return target;
}

QStringList PgTestServer::serverOptions(const QString &configFile) const
{
    QString options;
    if (!configFile.isEmpty())
        options = QStringLiteral("-c config_file=") + configFile;
    return options.isEmpty() ? QStringList() : QStringList {QStringLiteral("-o"), options};
}

bool PgTestServer::start(const QString &configFile)
{
    if (!init())
        return false;
    m_configFile = configFile;
    QStringList arguments {QStringLiteral("-D"), dataDir(),
                           QStringLiteral("-l"), logFile(),
                           QStringLiteral("-w"), QStringLiteral("-t"),
                           QStringLiteral("60"), QStringLiteral("-s")};
    arguments += serverOptions(configFile);
    arguments << QStringLiteral("start");
    const ProcessResult started = run(QStringLiteral("pg_ctl"), arguments, 90000);
    m_running = started.exitCode == 0;
    if (!m_running)
        m_error = QStringLiteral("the server did not start: ") + QString::fromUtf8(started.err + log().right(4000));
    return m_running;
}

bool PgTestServer::stop()
{
    if (!m_initialized)
        return true;
    const ProcessResult stopped
        = run(QStringLiteral("pg_ctl"),
              {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
               QStringLiteral("-s"), QStringLiteral("stop")});
    m_running = false;
    return stopped.exitCode == 0;
}

bool PgTestServer::restart(const QString &configFile)
{
    stop();
    return start(configFile.isEmpty() ? m_configFile : configFile);
}

bool PgTestServer::reload()
{
    const ProcessResult reloaded = run(
        QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-s"), QStringLiteral("reload")});
    return reloaded.exitCode == 0;
}

QString PgTestServer::conninfo(const QString &user, const QString &database, bool overTcp) const
{
    QString info = QStringLiteral("host=%1 port=%2 dbname=%3 user=%4 connect_timeout=10")
                       .arg(overTcp ? host() : quoteConninfo(socketDir()))
                       .arg(m_port)
                       .arg(quoteConninfo(database), quoteConninfo(user.isEmpty() ? m_options.superuser : user));
    return info + QStringLiteral(" sslmode=disable gssencmode=disable");
}

QueryResult PgTestServer::query(const QString &sql, const QString &database) const
{
    PGconn *conn = PQconnectdb(conninfo({}, database, false).toUtf8().constData());
    QueryResult result;
    if (PQstatus(conn) != CONNECTION_OK)
        result.error = QString::fromUtf8(PQerrorMessage(conn));
    else
        result = query(conn, sql);
    PQfinish(conn);
    return result;
}

QueryResult PgTestServer::query(pg_conn *connection, const QString &sql)
{
    QueryResult result;
    PGresult *res = PQexec(connection, sql.toUtf8().constData());
    const ExecStatusType status = PQresultStatus(res);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        result.error = QString::fromUtf8(PQresultErrorMessage(res));
    } else {
        result.ok = true;
        for (int c = 0; c < PQnfields(res); ++c)
            result.columns.append(QString::fromUtf8(PQfname(res, c)));
        for (int r = 0; r < PQntuples(res); ++r) {
            QStringList row;
            for (int c = 0; c < PQnfields(res); ++c)
                row.append(PQgetisnull(res, r, c) ? QString() : QString::fromUtf8(PQgetvalue(res, r, c)));
            result.rows.append(row);
        }
    }
    PQclear(res);
    return result;
}

bool PgTestServer::execute(const QString &sql, const QString &database) const
{
    return query(sql, database).ok;
}

} // namespace pgdial::test
