#pragma once

#include "probe/probecontrol.h"
#include "probe/socketaddress.h"

#include <QList>
#include <QString>

namespace pgdial::core::probe {

struct Resolution
{
    enum class Outcome { Resolved, Failed, TimedOut, Cancelled };
    Outcome outcome = Outcome::Failed;
    QList<SocketAddress> addresses;
    QString error; // getaddrinfo's text
    qint64 ms = 0;
};

// Name resolution that never blocks its caller beyond the budget: getaddrinfo runs in a thread of
// its own that is abandoned (it finishes and frees itself later) when time runs out or the probe
// is cancelled.
class HostResolver
{
public:
    static Resolution resolve(const QString &host, int port, int timeoutMs, const ProbeControl &control);
    // A numeric address or a Unix socket folder, without any lookup.
    static std::optional<SocketAddress> numeric(const QString &host, int port);
    static SocketAddress unixSocket(const QString &directory, int port);
};

} // namespace pgdial::core::probe
