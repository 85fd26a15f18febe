#pragma once

#include "support/pginstallation.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

struct pg_conn;

namespace pgdial::test {

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool timedOut = false;
};

struct QueryResult
{
    bool ok = false;
    QString error;
    QStringList columns;
    QList<QStringList> rows; // SQL NULL is a null QString
};

// A throwaway PostgreSQL server for one test: initdb into a temporary folder, listening on
// loopback and a private socket folder only, run as the unprivileged `postgres` user when the
// tests run as root, always stopped (immediate mode) and deleted by the destructor.
class PgTestServer
{
public:
    struct Options
    {
        int major = 0; // 0: PgInstallation::preferred()
        QStringList initdbArguments; // extra initdb options
        QString superuser = QStringLiteral("postgres");
        bool listenTcp = true; // listen_addresses = 127.0.0.1
    };

    explicit PgTestServer(Options options);
    PgTestServer();
    ~PgTestServer();
    PgTestServer(const PgTestServer &) = delete;
    PgTestServer &operator=(const PgTestServer &) = delete;

    // Runs initdb (once). False with errorString() when no server is installed or initdb fails.
    bool init();
    // Starts with the data folder's own postgresql.conf, or with `configFile` as config_file.
    bool start(const QString &configFile = {});
    bool stop();
    bool restart(const QString &configFile = {});
    bool reload();
    bool isRunning() const { return m_running; }

    QString errorString() const { return m_error; }
    const PgInstallation &installation() const { return m_installation; }
    int major() const { return m_installation.major; }
    int port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString socketDir() const;
    QString dataDir() const;
    QString baseDir() const; // a folder the server user can read and write, for test files
    QString logFile() const;
    QByteArray log() const;
    QString superuser() const { return m_options.superuser; }

    // key=value conninfo for libpq; socket when `overTcp` is false.
    QString conninfo(const QString &user = {}, const QString &database = QStringLiteral("postgres"),
                     bool overTcp = true) const;
    QueryResult query(const QString &sql, const QString &database = QStringLiteral("postgres")) const;
    // Runs `sql` over a connection the caller keeps open (see HbaServer).
    static QueryResult query(pg_conn *connection, const QString &sql);
    bool execute(const QString &sql, const QString &database = QStringLiteral("postgres")) const;

    // Writes a file the server user may read (relative paths are inside baseDir()).
    QString writeFile(const QString &path, const QByteArray &bytes) const;
    // Appends to the data folder's postgresql.conf.
    bool appendConfig(const QByteArray &lines) const;

    // Runs one of the installation's programs as the server user.
    ProcessResult run(const QString &program, const QStringList &arguments, int timeoutMs = 60000) const;

    // True when the test runs as root and the server therefore runs as another user.
    static bool runsAsOtherUser();
    static int freePort();

private:
    Options m_options;
    PgInstallation m_installation;
    std::unique_ptr<QTemporaryDir> m_base;
    QString m_error;
    QString m_configFile;
    int m_port = 0;
    bool m_initialized = false;
    bool m_running = false;

    void fixOwnership(const QString &path) const;
    QStringList serverOptions(const QString &configFile) const;
};

} // namespace pgdial::test
