#include "probe/pgsession.h"

#include <QCoreApplication>

#include <libpq-fe.h>
#include <poll.h>

namespace pgdial::core::probe {

PgSession::~PgSession()
{
    if (m_conn)
        PQfinish(m_conn);
}

bool PgSession::waitForSocket(PGconn *conn, bool forWrite, const ProbeControl &control)
{
    const int fd = PQsocket(conn);
    if (fd < 0)
        return !control.stopped();
    while (!control.stopped()) {
        pollfd descriptor {fd, short(forWrite ? POLLOUT : POLLIN), 0};
        if (::poll(&descriptor, 1, ProbeControl::sliceMs) != 0)
            return true;
    }
    return false;
}

bool PgSession::connect(const QString &conninfo, const ProbeControl &control, const QString &database)
{
    // With expand_dbname only the first dbname is read as a connection string; a later non-empty
    // dbname is a plain database name and wins.
    const QByteArray bytes = conninfo.toUtf8();
    const QByteArray databaseBytes = database.toUtf8();
    const char *keywords[] = {"dbname", "dbname", nullptr};
    const char *values[] = {bytes.constData(), databaseBytes.constData(), nullptr};
    m_conn = PQconnectStartParams(keywords, values, 1);
    m_finished = true;
    if (!m_conn) {
        m_error = QCoreApplication::translate("probe", "out of memory");
        return false;
    }
    if (PQstatus(m_conn) != CONNECTION_BAD) {
        PostgresPollingStatusType polling = PGRES_POLLING_WRITING;
        while (polling != PGRES_POLLING_OK && polling != PGRES_POLLING_FAILED) {
            if (!waitForSocket(m_conn, polling != PGRES_POLLING_READING, control)) {
                m_finished = false;
                m_error = control.cancelled() ? QCoreApplication::translate("probe", "cancelled")
                                              : QCoreApplication::translate("probe", "no answer before the deadline");
                return false;
            }
            polling = PQconnectPoll(m_conn);
        }
    }
    if (PQstatus(m_conn) == CONNECTION_OK)
        return true;
    m_error = QString::fromUtf8(PQerrorMessage(m_conn));
    return false;
}

std::optional<QList<QStringList>> PgSession::query(const QString &sql, const QStringList &parameters,
                                                   const ProbeControl &control)
{
    QList<QByteArray> storage;
    std::vector<const char *> values;
    for (const QString &parameter : parameters)
        storage.append(parameter.toUtf8());
    for (const QByteArray &value : std::as_const(storage))
        values.push_back(value.constData());
    if (!PQsendQueryParams(m_conn, sql.toUtf8().constData(), int(values.size()), nullptr, values.data(), nullptr,
                           nullptr, 0)) {
        m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        return std::nullopt;
    }
    QList<QStringList> rows;
    bool failed = false;
    for (;;) {
        while (PQisBusy(m_conn)) {
            if (!waitForSocket(m_conn, false, control)) {
                m_error = control.cancelled() ? QCoreApplication::translate("probe", "cancelled")
                                              : QCoreApplication::translate("probe", "no answer before the deadline");
                return std::nullopt;
            }
            if (!PQconsumeInput(m_conn)) {
                m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
                return std::nullopt;
            }
        }
        PGresult *result = PQgetResult(m_conn);
        if (!result)
            break;
        if (PQresultStatus(result) == PGRES_TUPLES_OK) {
            for (int r = 0; r < PQntuples(result); ++r) {
                QStringList row;
                for (int c = 0; c < PQnfields(result); ++c)
                    row.append(PQgetisnull(result, r, c) ? QString() : QString::fromUtf8(PQgetvalue(result, r, c)));
                rows.append(row);
            }
        } else if (PQresultStatus(result) != PGRES_COMMAND_OK) {
            m_error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
            failed = true;
        }
        PQclear(result);
    }
    if (failed)
        return std::nullopt;
    return rows;
}

} // namespace pgdial::core::probe
