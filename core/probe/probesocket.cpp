#include "probe/probesocket.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pgdial::core::probe {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

ProbeSocket::~ProbeSocket()
{
    close();
}

void ProbeSocket::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

ProbeSocket::Outcome ProbeSocket::wait(short events, int timeoutMs, const ProbeControl &control) const
{
    const auto until = ProbeControl::Clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        if (control.cancelled())
            return Outcome::Cancelled;
        const auto left
            = std::chrono::duration_cast<std::chrono::milliseconds>(until - ProbeControl::Clock::now()).count();
        if (left <= 0 || control.expired())
            return Outcome::TimedOut;
        pollfd descriptor {m_fd, events, 0};
        const int ready = ::poll(&descriptor, 1, int(std::min<qint64>(left, ProbeControl::sliceMs)));
        if (ready > 0)
            return Outcome::Ok;
        if (ready < 0 && errno != EINTR)
            return Outcome::Failed;
    }
}

ProbeSocket::Outcome ProbeSocket::connectTo(const SocketAddress &address, int timeoutMs, const ProbeControl &control)
{
    close();
    m_fd = ::socket(address.storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        m_error = errnoText(errno);
        return Outcome::Failed;
    }
    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address.storage), address.length) == 0)
        return Outcome::Ok;
    if (errno != EINPROGRESS) {
        const int error = errno;
        m_error = errnoText(error);
        return error == ECONNREFUSED || error == ENOENT ? Outcome::Refused : Outcome::Failed;
    }
    const Outcome waited = wait(POLLOUT, timeoutMs, control);
    if (waited == Outcome::TimedOut)
        m_error = QCoreApplication::translate("probe", "no answer within %1 ms").arg(timeoutMs);
    if (waited != Outcome::Ok)
        return waited;
    int error = 0;
    socklen_t length = sizeof(error);
    ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length);
    if (error == 0)
        return Outcome::Ok;
    m_error = errnoText(error);
    if (error == ECONNREFUSED)
        return Outcome::Refused;
    return error == ETIMEDOUT ? Outcome::TimedOut : Outcome::Failed;
}

ProbeSocket::Outcome ProbeSocket::sendAll(const QByteArray &bytes, int timeoutMs, const ProbeControl &control)
{
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
            if (const Outcome waited = wait(POLLOUT, timeoutMs, control); waited != Outcome::Ok)
                return waited;
            continue;
        }
        m_error = errnoText(errno);
        return Outcome::Closed;
    }
    return Outcome::Ok;
}

ProbeSocket::Outcome ProbeSocket::receive(QByteArray &into, qsizetype maximum, int timeoutMs,
                                          const ProbeControl &control)
{
    if (const Outcome waited = wait(POLLIN, timeoutMs, control); waited != Outcome::Ok) {
        if (waited == Outcome::TimedOut)
            m_error = QCoreApplication::translate("probe", "no answer within %1 ms").arg(timeoutMs);
        return waited;
    }
    QByteArray buffer(maximum, Qt::Uninitialized);
    const ssize_t n = ::recv(m_fd, buffer.data(), size_t(maximum), 0);
    if (n == 0) {
        m_error = QCoreApplication::translate("probe", "the server closed the connection");
        return Outcome::Closed;
    }
    if (n < 0) {
        m_error = errnoText(errno);
        return errno == ECONNRESET ? Outcome::Closed : Outcome::Failed;
    }
    into.append(buffer.constData(), n);
    return Outcome::Ok;
}

} // namespace pgdial::core::probe
