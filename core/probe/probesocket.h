#pragma once

#include "probe/probecontrol.h"
#include "probe/socketaddress.h"

#include <QByteArray>
#include <QString>

namespace pgdial::core::probe {

// A non-blocking stream socket whose every wait has a budget and watches the probe's cancel flag.
class ProbeSocket
{
public:
    enum class Outcome { Ok, Refused, TimedOut, Closed, Failed, Cancelled };

    ProbeSocket() = default;
    ~ProbeSocket();
    ProbeSocket(const ProbeSocket &) = delete;
    ProbeSocket &operator=(const ProbeSocket &) = delete;

    Outcome connectTo(const SocketAddress &address, int timeoutMs, const ProbeControl &control);
    Outcome sendAll(const QByteArray &bytes, int timeoutMs, const ProbeControl &control);
    // Reads up to `maximum` bytes (at least one) within the budget.
    Outcome receive(QByteArray &into, qsizetype maximum, int timeoutMs, const ProbeControl &control);
    // Waits for POLLIN / POLLOUT; Ok when ready.
    Outcome wait(short events, int timeoutMs, const ProbeControl &control) const;
    void close();

    int fd() const { return m_fd; }
    QString errorString() const { return m_error; }

private:
    int m_fd = -1;
    QString m_error;
};

} // namespace pgdial::core::probe
