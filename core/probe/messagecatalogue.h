#pragma once

#include "probe/verdict.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::probe {

// What a verdict is about, for the plain-language explanation.
struct ExplainContext
{
    QString host;
    QString port;
    QString user;
    QString database;
    QString sslmode;
};

struct Explanation
{
    QString cause;
    QString fix;
};

// Maps libpq's and the server's connection messages (reference/connection-errors.md) to verdict
// codes, and explains each verdict in plain language. libpq gives no SQLSTATE for a failed
// connection, so classification is by text (English messages: the probe runs libpq with lc_messages
// untouched on the client, and the server's FATAL text is matched on its stable fragments).
class MessageCatalogue
{
public:
    // The verdict for one message line (or one attempt); Other when nothing matches.
    static Verdict classifyLine(const QString &line);
    // The verdict for libpq's whole PQerrorMessage: every attempt is classified and the most
    // specific one wins (a FATAL from the server beats "connection refused" on another address).
    static Verdict classify(const QString &message);
    // libpq's message split into attempts: each "connection to server ... failed: ..." with its
    // continuation lines joined, tabs and the trailing newline removed.
    static QStringList attempts(const QString &message);

    static Explanation explain(Verdict verdict, const ExplainContext &context);
    // A more precise explanation when the server's message says more than the verdict: which
    // connection limit was reached (the role's, the database's, max_connections) and which
    // reserved slots are left (superuser_reserved_connections, reserved_connections of PG 16+).
    static std::optional<Explanation> explainMessage(Verdict verdict, const QString &message,
                                                     const ExplainContext &context);
    // A timeout after the TCP connection was accepted: something listens and never speaks, which
    // is not a dropped packet (no firewall is involved once the handshake completed).
    static Explanation explainSilentListener(const ExplainContext &context);
};

} // namespace pgdial::core::probe
