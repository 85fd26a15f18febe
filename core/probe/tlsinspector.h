#pragma once

#include "probe/probecontrol.h"
#include "probe/probestage.h"
#include "probe/socketaddress.h"

#include <QString>

namespace pgdial::core::probe {

struct TlsRequest
{
    SocketAddress address;
    QString host; // the name libpq checks the certificate against (host=, not hostaddr=)
    QString sslmode; // disable, allow, prefer, require, verify-ca, verify-full
    QString sslrootcert; // empty: ~/.postgresql/root.crt; "system": the system's trusted roots
    bool sslsni = true;
    int timeoutMs = 5000;
};

// The tls stage: pgdial sends PostgreSQL's SSLRequest itself and runs an OpenSSL handshake to
// report what libpq does not: protocol, cipher, the server's chain (subject, SANs, issuer,
// validity, key type), and whether the chain and host name pass as libpq would judge them for
// the sslmode (including the `require` + existing root.crt trap and sslrootcert=system).
class TlsInspector
{
public:
    static ProbeStage inspect(const TlsRequest &request, const ProbeControl &control);
    // libpq's default root certificate: $HOME/.postgresql/root.crt.
    static QString defaultRootCertPath();
};

} // namespace pgdial::core::probe
