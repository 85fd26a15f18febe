#pragma once

#include "support/pgtestserver.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace pgdial::test {

// One row of the server's pg_file_settings view (SQL NULL as std::nullopt).
struct ServerFileSetting
{
    std::optional<QString> sourcefile; // absolute, as the server shows it
    int sourceline = 0;
    int seqno = 0;
    std::optional<QString> name;
    std::optional<QString> setting;
    bool applied = false;
    std::optional<QString> error;
};

// What a real server says about one postgresql.conf (and its includes).
struct ServerConfVerdict
{
    bool probed = false; // false when the server could not be asked (see error)
    QString error; // why not
    bool accepted = false; // the server would start with this file as config_file
    std::optional<bool> acceptedByView; // what the view alone says, when it is enough to tell
    bool startupChecked = false; // `accepted` comes from `postgres -C` (else from the view alone)
    bool started = false; // `accepted` comes from a real start attempt (probeByStarting)
    QByteArray startupLog; // what `postgres -C` or the start attempt printed (FATAL lines and all)
    QList<ServerFileSetting> rows; // pg_file_settings, rows with a NULL sourcefile left out
};

// Asks a real PostgreSQL server what it makes of configuration files, cheaply enough to do it for
// a whole corpus: one server per major runs with `config_file` pointing at a folder this class
// owns (port, sockets and listen_addresses come from the command line, so the file itself starts
// empty and nothing is "removed from the file"); each case is written into that folder, then
//  - `select * from pg_file_settings` on the running server lists its rows (the view re-reads the
//    file on every query, as a reload would), and
//  - whether the server would start with it: from the view when that is certain, otherwise from
//    `postgres -C` with the case as config_file (the postmaster's own reading, without starting).
// Mind A8 of the semantics reference: the view compares restart-only parameters with the values
// the server *runs* with (here: the defaults), so a restart-only parameter set to a non-default
// value shows "setting could not be applied" even in a file the server starts with.
// `restartOnlyParameters()` names them so that comparisons can allow for it.
class PgConfProbe
{
public:
    explicit PgConfProbe(int major = 0);
    ~PgConfProbe();
    PgConfProbe(const PgConfProbe &) = delete;
    PgConfProbe &operator=(const PgConfProbe &) = delete;

    bool start(); // initdb + start; false with errorString()
    void stop();
    QString errorString() const { return m_error; }
    int major() const;

    // The folder cases are written to, and the top file's path in it (postgresql.conf).
    QString caseDir() const;
    QString mainFile() const;

    // Replaces the case folder's content with `files` (relative path -> bytes; a key ending in
    // '/' makes an empty folder) and asks the server. The top file is "postgresql.conf".
    ServerConfVerdict probe(const QMap<QString, QByteArray> &files);
    // Same, for files already in caseDir().
    ServerConfVerdict probeCurrent();
    // Like probe(), but whether the server starts is judged by starting one: a second cluster
    // (a copy of the probe's, made before it first started) is started with the case as
    // config_file and stopped again at once. It sees what `postgres -C` cannot, because -C exits
    // right after reading the file: the postmaster's checks of value combinations, the process
    // count, the WAL sizes the control file imposes. Costs a start (about a second when the
    // server comes up, little when it refuses early).
    ServerConfVerdict probeByStarting(const QMap<QString, QByteArray> &files);

    // Run `postgres -C` for every case, not only when the view leaves the verdict open.
    void setAlwaysCheckStartup(bool always) { m_alwaysCheckStartup = always; }

    // Lower-case names of the parameters with context postmaster in this server.
    const QSet<QString> &restartOnlyParameters() const { return m_restartOnly; }

    PgTestServer &server() { return *m_server; }

private:
    std::unique_ptr<PgTestServer> m_server;
    QString m_error;
    QSet<QString> m_restartOnly;
    bool m_started = false;
    bool m_alwaysCheckStartup = false;

    bool checkStartup(ServerConfVerdict &verdict) const;
    bool startAndStop(ServerConfVerdict &verdict) const;
    QString startDataDir() const;
    QString startSocketDir() const;
};

} // namespace pgdial::test
