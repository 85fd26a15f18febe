#include "support/fakepglistener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <random>
#include <vector>

namespace pgdial::test {

FakePgListener::FakePgListener(Behaviour behaviour)
    : m_behaviour(behaviour)
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    if (m_listenFd < 0 || ::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0
        || ::listen(m_listenFd, 16) != 0
        || ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return;
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { serve(); });
}

FakePgListener::~FakePgListener()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
}

void FakePgListener::serve()
{
    std::map<int, int> messages; // client fd -> messages received so far
    std::mt19937 random(42);
    while (!m_stop) {
        std::vector<pollfd> fds {{m_listenFd, POLLIN, 0}};
        for (const auto &client : messages)
            fds.push_back({client.first, POLLIN, 0});
        if (::poll(fds.data(), fds.size(), 20) <= 0)
            continue;
        if (fds[0].revents & POLLIN) {
            const int client = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
            if (client >= 0)
                messages[client] = 0;
        }
        for (size_t i = 1; i < fds.size(); ++i) {
            if (!fds[i].revents)
                continue;
            const int fd = fds[i].fd;
            char buffer[4096];
            const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
            bool close = n <= 0;
            const int seen = messages[fd]++;
            if (!close) {
                switch (m_behaviour) {
                case Behaviour::Silent:
                    break;
                case Behaviour::Http: {
                    static const char response[]
                        = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                    [[maybe_unused]] const ssize_t sent = ::send(fd, response, sizeof(response) - 1, MSG_NOSIGNAL);
                    close = true;
                    break;
                }
                case Behaviour::GarbageAfterSsl:
                case Behaviour::CloseMidHandshake:
                    if (seen == 0 && n == 8) {
                        [[maybe_unused]] const ssize_t sent = ::send(fd, "S", 1, MSG_NOSIGNAL);
                    } else if (m_behaviour == Behaviour::CloseMidHandshake) {
                        close = true;
                    } else {
                        char garbage[512];
                        for (char &c : garbage)
                            c = char(random());
                        [[maybe_unused]] const ssize_t sent = ::send(fd, garbage, sizeof(garbage), MSG_NOSIGNAL);
                    }
                    break;
                }
            }
            if (close) {
                ::close(fd);
                messages.erase(fd);
            }
        }
    }
    for (const auto &client : messages)
        ::close(client.first);
}

} // namespace pgdial::test
