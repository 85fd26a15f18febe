#include "probe/hostresolver.h"

#include <QCoreApplication>

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/un.h>

#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace pgdial::core::probe {

namespace {

QString addressText(const sockaddr *address)
{
    char buffer[INET6_ADDRSTRLEN] = {};
    if (address->sa_family == AF_INET)
        ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in *>(address)->sin_addr, buffer, sizeof(buffer));
    else if (address->sa_family == AF_INET6)
        ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 *>(address)->sin6_addr, buffer, sizeof(buffer));
    return QString::fromLatin1(buffer);
}

struct Lookup
{
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    int status = 0;
    QList<SocketAddress> addresses;
};

} // namespace

QString SocketAddress::display() const
{
    if (isUnix())
        return text;
    return storage.ss_family == AF_INET6 ? u"[%1]:%2"_s.arg(text).arg(port) : u"%1:%2"_s.arg(text).arg(port);
}

SocketAddress HostResolver::unixSocket(const QString &directory, int port)
{
    SocketAddress address;
    const QByteArray path = (directory + u"/.s.PGSQL."_s + QString::number(port)).toLocal8Bit();
    auto *un = reinterpret_cast<sockaddr_un *>(&address.storage);
    un->sun_family = AF_UNIX;
    std::strncpy(un->sun_path, path.constData(), sizeof(un->sun_path) - 1);
    address.length = sizeof(sockaddr_un);
    address.text = QString::fromLocal8Bit(path);
    address.port = port;
    return address;
}

std::optional<SocketAddress> HostResolver::numeric(const QString &host, int port)
{
    SocketAddress address;
    address.port = port;
    const QByteArray bytes = host.toLatin1();
    auto *v4 = reinterpret_cast<sockaddr_in *>(&address.storage);
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(&address.storage);
    if (::inet_pton(AF_INET, bytes.constData(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(uint16_t(port));
        address.length = sizeof(sockaddr_in);
    } else if (::inet_pton(AF_INET6, bytes.constData(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(uint16_t(port));
        address.length = sizeof(sockaddr_in6);
    } else {
        return std::nullopt;
    }
    address.text = addressText(reinterpret_cast<const sockaddr *>(&address.storage));
    return address;
}

Resolution HostResolver::resolve(const QString &host, int port, int timeoutMs, const ProbeControl &control)
{
    const auto started = ProbeControl::Clock::now();
    Resolution resolution;
    auto lookup = std::make_shared<Lookup>();
    const QByteArray name = host.toUtf8();
    std::thread([lookup, name, port] {
        addrinfo hints {};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = AI_ADDRCONFIG;
        addrinfo *list = nullptr;
        const int status = ::getaddrinfo(name.constData(), nullptr, &hints, &list);
        QList<SocketAddress> addresses;
        for (addrinfo *entry = list; status == 0 && entry; entry = entry->ai_next) {
            if (entry->ai_family != AF_INET && entry->ai_family != AF_INET6)
                continue;
            SocketAddress address;
            std::memcpy(&address.storage, entry->ai_addr, entry->ai_addrlen);
            address.length = entry->ai_addrlen;
            address.port = port;
            if (entry->ai_family == AF_INET)
                reinterpret_cast<sockaddr_in *>(&address.storage)->sin_port = htons(uint16_t(port));
            else
                reinterpret_cast<sockaddr_in6 *>(&address.storage)->sin6_port = htons(uint16_t(port));
            address.text = addressText(entry->ai_addr);
            const bool seen = std::any_of(addresses.cbegin(), addresses.cend(),
                                          [&](const SocketAddress &a) { return a.text == address.text; });
            if (!seen)
                addresses.append(address);
        }
        if (list)
            ::freeaddrinfo(list);
        const std::lock_guard lock(lookup->mutex);
        lookup->status = status;
        lookup->addresses = std::move(addresses);
        lookup->finished = true;
        lookup->done.notify_all();
    }).detach();

    const auto until = started + std::chrono::milliseconds(timeoutMs);
    std::unique_lock lock(lookup->mutex);
    while (!lookup->finished) {
        if (control.cancelled()) {
            resolution.outcome = Resolution::Outcome::Cancelled;
            break;
        }
        if (ProbeControl::Clock::now() >= until || control.expired()) {
            resolution.outcome = Resolution::Outcome::TimedOut;
            resolution.error
                = QCoreApplication::translate("probe", "no answer from the resolver within %1 ms").arg(timeoutMs);
            break;
        }
        lookup->done.wait_for(lock, std::chrono::milliseconds(ProbeControl::sliceMs));
    }
    if (lookup->finished) {
        if (lookup->status == 0 && !lookup->addresses.isEmpty()) {
            resolution.outcome = Resolution::Outcome::Resolved;
            resolution.addresses = lookup->addresses;
        } else {
            resolution.outcome = Resolution::Outcome::Failed;
            resolution.error = lookup->status == 0 ? QCoreApplication::translate("probe", "no address")
                                                   : QString::fromLocal8Bit(::gai_strerror(lookup->status));
        }
    }
    resolution.ms = std::chrono::duration_cast<std::chrono::milliseconds>(ProbeControl::Clock::now() - started).count();
    return resolution;
}

} // namespace pgdial::core::probe
