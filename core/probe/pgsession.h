#pragma once

#include "probe/probecontrol.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

typedef struct pg_conn PGconn;

namespace pgdial::core::probe {

// A libpq connection driven without blocking past the probe's deadline or its cancel flag.
class PgSession
{
public:
    PgSession() = default;
    ~PgSession();
    PgSession(const PgSession &) = delete;
    PgSession &operator=(const PgSession &) = delete;

    // Connects with PQconnectStartParams/PQconnectPoll. False with error() when it fails, is
    // cancelled or runs out of time (finished() tells the last two apart from a real failure).
    // `database`, when given, replaces the conninfo's dbname (the same server and credentials,
    // another database).
    bool connect(const QString &conninfo, const ProbeControl &control, const QString &database = {});
    // One statement with text parameters; rows of text (SQL NULL is a null QString).
    std::optional<QList<QStringList>> query(const QString &sql, const QStringList &parameters,
                                            const ProbeControl &control);

    PGconn *conn() const { return m_conn; }
    bool finished() const { return m_finished; }
    QString error() const { return m_error; }

    // Waits for libpq's socket in short slices; false when cancelled or out of time.
    static bool waitForSocket(PGconn *conn, bool forWrite, const ProbeControl &control);

private:
    PGconn *m_conn = nullptr;
    bool m_finished = false;
    QString m_error;
};

} // namespace pgdial::core::probe
