#pragma once

#include <atomic>
#include <thread>

namespace pgdial::test {

// A TCP listener on 127.0.0.1 that is not a (well-behaved) PostgreSQL server, for the tests of
// clients that must neither crash nor hang: it accepts and stays silent, answers like a web
// server, or answers the SSLRequest with 'S' and then sends garbage or closes mid-handshake.
class FakePgListener
{
public:
    enum class Behaviour {
        Silent, // accepts, reads, never answers
        Http, // answers any bytes with an HTTP 400 and closes
        GarbageAfterSsl, // 'S' to the SSLRequest, then random bytes for the ClientHello
        CloseMidHandshake, // 'S' to the SSLRequest, then closes when the ClientHello arrives
    };

    explicit FakePgListener(Behaviour behaviour);
    ~FakePgListener();
    FakePgListener(const FakePgListener &) = delete;
    FakePgListener &operator=(const FakePgListener &) = delete;

    int port() const { return m_port; }

private:
    Behaviour m_behaviour;
    int m_listenFd = -1;
    int m_port = 0;
    std::atomic_bool m_stop {false};
    std::thread m_thread;

    void serve();
};

} // namespace pgdial::test
