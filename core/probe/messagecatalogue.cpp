#include "probe/messagecatalogue.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>

using namespace Qt::StringLiterals;

namespace pgdial::core::probe {

namespace {

struct Pattern
{
    QStringView fragment; // lower case
    Verdict verdict;
};

// Order matters: the first fragment found in a line decides.
constexpr std::array<Pattern, 44> patterns {{
    {u"could not translate host name", Verdict::UnknownHost},
    {u"could not parse network address", Verdict::InvalidConninfo},
    {u"invalid connection option", Verdict::InvalidConninfo},
    {u"missing \"=\" after", Verdict::InvalidConninfo},
    {u"invalid uri", Verdict::InvalidConninfo},
    {u"invalid percent-encoded token", Verdict::InvalidConninfo},
    {u"unexpected character", Verdict::InvalidConninfo},
    {u"could not match", Verdict::InvalidConninfo},
    {u"invalid port number", Verdict::InvalidConninfo},
    {u"invalid integer value", Verdict::InvalidConninfo},
    {u"unterminated quoted string", Verdict::InvalidConninfo},
    {u"weak sslmode", Verdict::InvalidConninfo},
    {u"invalid when ssl support is not compiled in", Verdict::InvalidConninfo},
    {u"definition of service", Verdict::InvalidConninfo},
    {u"server does not support ssl, but ssl was required", Verdict::SslNotSupported},
    {u"root certificate file", Verdict::RootCertMissing},
    {u"does not match host name", Verdict::CertHostnameMismatch},
    {u"could not get server's host name from server certificate", Verdict::CertHostnameMismatch},
    {u"certificate verify failed", Verdict::CertVerifyFailed},
    {u"connection requires a valid client certificate", Verdict::ClientCertRequired},
    {u"certificate authentication failed", Verdict::ClientCertRequired},
    {u"no pg_hba.conf entry", Verdict::HbaNoEntry},
    {u"pg_hba.conf rejects connection", Verdict::HbaReject},
    {u"password authentication failed", Verdict::PasswordFailed},
    {u"no password supplied", Verdict::NoPasswordSupplied},
    {u"peer authentication failed", Verdict::PeerOrIdentFailed},
    {u"ident authentication failed", Verdict::PeerOrIdentFailed},
    {u"is not permitted to log in", Verdict::RoleCannotLogin},
    {u"permission denied for database", Verdict::NoConnectPrivilege},
    {u"too many connections for", Verdict::TooManyClients},
    {u"too many clients already", Verdict::TooManyClients},
    {u"remaining connection slots are reserved", Verdict::ReservedSlots},
    {u"the database system is", Verdict::ServerStarting},
    {u"received invalid response to ssl negotiation", Verdict::NotPostgres},
    {u"expected authentication request from server", Verdict::NotPostgres},
    {u"received invalid response to gssapi negotiation", Verdict::NotPostgres},
    {u"server closed the connection unexpectedly", Verdict::ProtocolError},
    {u"ssl syscall error", Verdict::ProtocolError},
    {u"ssl error", Verdict::ProtocolError},
    {u"unexpected message", Verdict::ProtocolError},
    {u"connection refused", Verdict::Refused},
    {u"no such file or directory", Verdict::Refused},
    {u"timeout expired", Verdict::Timeout},
    {u"timed out", Verdict::Timeout},
}};

// How much a verdict says about the real problem: network-level failures on one address say less
// than a server's FATAL on another.
int specificity(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Other:
        return 0;
    case Verdict::Refused:
    case Verdict::Timeout:
    case Verdict::UnknownHost:
        return 1;
    case Verdict::ProtocolError:
        return 2;
    default:
        return 3;
    }
}

} // namespace

Verdict MessageCatalogue::classifyLine(const QString &line)
{
    const QString lower = line.toLower();
    // "database "x" does not exist" / "role "x" does not exist" carry the name in the middle.
    if (lower.contains(u"does not exist"_s)) {
        if (lower.contains(u"fatal:"_s) || lower.startsWith(u"database"_s) || lower.startsWith(u"role"_s)) {
            if (lower.contains(u"database \""_s))
                return Verdict::DatabaseMissing;
            if (lower.contains(u"role \""_s))
                return Verdict::RoleMissing;
        }
    }
    if (lower.contains(u"is not currently accepting connections"_s))
        return Verdict::Other;
    if (lower.contains(u"invalid "_s) && lower.contains(u" value: \""_s))
        return Verdict::InvalidConninfo; // invalid sslmode value: "...", invalid channel_binding value
    for (const Pattern &pattern : patterns)
        if (lower.contains(pattern.fragment))
            return pattern.verdict;
    return Verdict::Other;
}

QStringList MessageCatalogue::attempts(const QString &message)
{
    QStringList result;
    const QStringList lines = message.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const bool continuation = raw.startsWith(u'\t') || line.startsWith(u"DETAIL:"_s) || line.startsWith(u"HINT:"_s);
        if (continuation && !result.isEmpty())
            result.last() += u' ' + line;
        else
            result.append(line);
    }
    return result;
}

Verdict MessageCatalogue::classify(const QString &message)
{
    Verdict best = Verdict::Other;
    for (const QString &attempt : attempts(message)) {
        const Verdict verdict = classifyLine(attempt);
        if (specificity(verdict) >= specificity(best))
            best = verdict;
    }
    return best;
}

Explanation MessageCatalogue::explain(Verdict verdict, const ExplainContext &c)
{
    const auto t = [](const char *text) { return QCoreApplication::translate("probe", text); };
    const QString where = c.port.isEmpty() ? c.host : c.host + u':' + c.port;
    switch (verdict) {
    case Verdict::Ok:
        return {t("The connection succeeded."), {}};
    case Verdict::InvalidConninfo:
        return {t("libpq cannot parse the connection string: a misspelt keyword, an invalid value, or an "
                  "unencoded @ # / ? % in the password of a URL."),
                t("Use libpq's keywords and values (sslmode: disable, allow, prefer, require, verify-ca, "
                  "verify-full) and percent-encode the user and password in URLs.")};
    case Verdict::UnknownHost:
        return {t("The host name %1 does not resolve from this machine: a typo, a name that only exists inside "
                  "a Docker or Kubernetes network, or a private DNS or VPN that is down.")
                    .arg(c.host),
                t("Check the name with `getent hosts %1`; outside the container network use the published "
                  "host and port.")
                    .arg(c.host)};
    case Verdict::Refused:
        return {t("Nothing accepts connections at %1: the server is down, listens on another address or port "
                  "(listen_addresses, port), the container port is not published, or a firewall rejects it.")
                    .arg(where),
                t("Start the server or check `listen_addresses` and `port` in postgresql.conf (`pg_isready`, "
                  "`ss -lnt`); publish the port or open the firewall.")};
    case Verdict::Timeout:
        return {t("%1 does not answer in time: packets are dropped (firewall, security group, wrong IP, "
                  "routing).")
                    .arg(where),
                t("Test TCP reachability from this host, check the cloud network rules, and set "
                  "connect_timeout so clients fail fast.")};
    case Verdict::NotPostgres:
        return {t("Something that is not PostgreSQL answers at %1 (the reply does not follow PostgreSQL's "
                  "protocol: a web server, a proxy or another database).")
                    .arg(where),
                t("Check the port: PostgreSQL's default is 5432; make sure the host and port point at the "
                  "server or its pooler.")};
    case Verdict::SslNotSupported:
        return {t("The server does not offer TLS (ssl = off, or a pooler/proxy without TLS), but sslmode=%1 "
                  "requires it.")
                    .arg(c.sslmode),
                t("Set `ssl = on` with ssl_cert_file and ssl_key_file in postgresql.conf (reload), or relax "
                  "sslmode on a trusted network.")};
    case Verdict::CertVerifyFailed:
        return {t("The server's certificate chain does not verify against the root certificate the client "
                  "uses: wrong or outdated CA bundle, missing intermediate, self-signed or expired certificate. "
                  "With sslmode=require, an existing ~/.postgresql/root.crt makes libpq verify as verify-ca."),
                t("Point sslrootcert at the CA that signed the server certificate (your provider's bundle), "
                  "fix the server's chain, or remove a stale ~/.postgresql/root.crt when only encryption is "
                  "wanted.")};
    case Verdict::CertHostnameMismatch:
        return {t("The server certificate does not name the host %1 (verify-full checks the subject "
                  "alternative names, or the common name when there are none).")
                    .arg(c.host),
                t("Connect with a name listed in the certificate (use host=<name> hostaddr=<ip> to keep the "
                  "address), or reissue the certificate with that name in its SAN.")};
    case Verdict::RootCertMissing:
        return {t("sslmode=%1 verifies the server certificate, but the root certificate file does not exist.")
                    .arg(c.sslmode),
                t("Set sslrootcert to the CA file (or sslrootcert=system with verify-full to use the system's "
                  "trusted roots), or use sslmode=require if verification is not wanted.")};
    case Verdict::ClientCertRequired:
        return {t("The server's hba rule needs a client certificate (cert method or clientcert=verify-ca/"
                  "verify-full) and none, or an unacceptable one, was sent."),
                t("Set sslcert and sslkey to a certificate signed by the server's ssl_ca_file whose CN is the "
                  "role %1 (or add map= with a pg_ident.conf mapping).")
                    .arg(c.user)};
    case Verdict::HbaNoEntry:
        return {t("No pg_hba.conf rule matches this connection (type, database %1, user %2, client address, "
                  "encryption). When only hostssl rules exist, a client without TLS gets this.")
                    .arg(c.database, c.user),
                t("Add a rule for this client above any broader rule and reload the server, or connect with "
                  "sslmode=require when the rules are hostssl.")};
    case Verdict::HbaReject:
        return {t("A `reject` rule in pg_hba.conf matches this connection before any rule that would let it in."),
                t("Move or narrow the reject rule, or add an allowing rule above it, then reload.")};
    case Verdict::PasswordFailed:
        return {t("The server refused the password for %1. The client cannot tell why: a wrong password, a "
                  "role that does not exist, a role without a password, an expired password (VALID UNTIL), or "
                  "an md5 hash stored for the role under a scram-sha-256 rule. The server log has the reason.")
                    .arg(c.user),
                t("Check the password (and .pgpass line order). With an admin connection, pgdial tells which "
                  "reason it is; after changing password_encryption, set the password again.")};
    case Verdict::NoPasswordSupplied:
        return {t("The server asked for a password and the client had none: no password in the string, "
                  "PGPASSWORD unset, and no matching .pgpass line (or the .pgpass file has loose permissions "
                  "and was ignored)."),
                t("Supply the password (password file, PGPASSWORD or the URL), or fix the .pgpass line "
                  "(host:port:database:user:password) and chmod 600 it.")};
    case Verdict::PeerOrIdentFailed:
        return {t("The matching rule uses peer or ident authentication, and the operating system user of the "
                  "client is not the role %1 (or no identd answers).")
                    .arg(c.user),
                t("Connect as the matching OS user, connect over TCP (host=localhost) with a password rule, or "
                  "add a pg_ident.conf map for this user.")};
    case Verdict::DatabaseMissing:
        return {t("The database %1 does not exist on this server (a typo, a mixed-case name created quoted, "
                  "dbname left out so libpq used the user name, or the wrong cluster/port).")
                    .arg(c.database),
                t("List the databases (`psql -l`) and set dbname to an existing one, or create it.")};
    case Verdict::RoleMissing:
        return {
            t("The role %1 does not exist on this server (libpq defaults the user to the OS user name).").arg(c.user),
            t("Create the role (CREATE ROLE %1 LOGIN PASSWORD ...) or set user to an existing role.").arg(c.user)};
    case Verdict::RoleCannotLogin:
        return {t("The role %1 exists but is NOLOGIN (a group role).").arg(c.user),
                t("Connect as a login role that is a member of it, or ALTER ROLE %1 LOGIN.").arg(c.user)};
    case Verdict::NoConnectPrivilege:
        return {
            t("The role %1 lacks the CONNECT privilege on database %2 (revoked from PUBLIC).").arg(c.user, c.database),
            t("GRANT CONNECT ON DATABASE %1 TO %2;").arg(c.database, c.user)};
    case Verdict::TooManyClients:
        return {t("The server has no free connection slot (max_connections reached, or the role's or "
                  "database's CONNECTION LIMIT): pools too large for the server, leaked or idle-in-transaction "
                  "sessions."),
                t("Compute the pool budget (replicas x workers x (pool_size + max_overflow)) against "
                  "max_connections, add a pooler such as PgBouncer, or set idle_in_transaction_session_timeout.")};
    case Verdict::ReservedSlots:
        return {t("Only the connection slots reserved for superusers (superuser_reserved_connections, "
                  "reserved_connections) are left."),
                t("Reduce the applications' pools or raise max_connections; keep admin headroom in the "
                  "pool budget.")};
    case Verdict::ServerStarting:
        return {t("The server is starting up, shutting down, in recovery, or a standby without hot_standby."),
                t("Retry with backoff; check the server log and hot_standby on standbys.")};
    case Verdict::ProtocolError:
        return {t("The connection broke during the protocol exchange: a middlebox or load balancer closing "
                  "connections, a crashing backend, a pooler restart, or a non-PostgreSQL service."),
                t("Check the server log for a crash, and the load balancer's idle timeouts and TLS settings.")};
    case Verdict::Other:
        break;
    }
    return {t("The connection failed for a reason pgdial does not classify; the libpq lines above say what "
              "was reported."),
            t("Read the attempt lines of the auth stage and the server log.")};
}

Explanation MessageCatalogue::explainSilentListener(const ExplainContext &c)
{
    const QString where = c.port.isEmpty() ? c.host : c.host + u':' + c.port;
    return {QCoreApplication::translate("probe",
                                        "%1 accepts the TCP connection but never answers PostgreSQL's start-up "
                                        "message: the server process is stuck (stopped, swapping, out of memory, "
                                        "waiting on storage), or a proxy, port forward or pooler accepts and its "
                                        "backend is down. Packets are not being dropped: the handshake completed.")
                .arg(where),
            QCoreApplication::translate("probe",
                                        "Check what listens there (`ss -ltnp`), the server's log and process state, "
                                        "or the proxy's backend; set connect_timeout so clients fail fast.")};
}

std::optional<Explanation> MessageCatalogue::explainMessage(Verdict verdict, const QString &message,
                                                            const ExplainContext &c)
{
    const auto t = [](const char *text) { return QCoreApplication::translate("probe", text); };
    if (verdict == Verdict::TooManyClients) {
        static const QRegularExpression limit(uR"re(too many connections for (role|database) "([^"]*)")re"_s);
        if (const QRegularExpressionMatch match = limit.match(message); match.hasMatch()) {
            const QString name = match.captured(2);
            if (match.captured(1) == u"role")
                return Explanation {
                    t("The role %1 has reached its own connection limit (CONNECTION LIMIT, pg_roles.rolconnlimit); "
                      "the server itself still has free slots. Every session of the role counts: the app's pools, "
                      "workers, migrations and leaked or idle sessions.")
                        .arg(name),
                    t("See the role's sessions (SELECT count(*) FROM pg_stat_activity WHERE usename = '%1'), size "
                      "the pools (instances x workers x (pool_size + max_overflow)) below the limit, or raise it: "
                      "ALTER ROLE %1 CONNECTION LIMIT <n>; (-1: no limit).")
                        .arg(name)};
            return Explanation {
                t("The database %1 has reached its own connection limit (CONNECTION LIMIT, "
                  "pg_database.datconnlimit); the server itself still has free slots.")
                    .arg(name),
                t("See the database's sessions (SELECT count(*) FROM pg_stat_activity WHERE datname = '%1'), "
                  "shrink the pools that use it, or raise the limit: ALTER DATABASE %1 CONNECTION LIMIT <n>; "
                  "(-1: no limit).")
                    .arg(name)};
        }
        if (message.contains(u"too many clients already"_s))
            return Explanation {
                t("Every connection slot of the server is taken (max_connections reached): pools too large for "
                  "the server, leaked sessions, or idle-in-transaction sessions holding slots."),
                t("Compute the pool budget (instances x workers x (pool_size + max_overflow)) against "
                  "max_connections minus the reserved slots, add a pooler such as PgBouncer, or set "
                  "idle_in_transaction_session_timeout; raising max_connections needs a restart.")};
        return std::nullopt;
    }
    if (verdict == Verdict::ReservedSlots) {
        if (message.contains(u"pg_use_reserved_connections"_s))
            return Explanation {
                t("Only reserved slots are left: the ones for members of pg_use_reserved_connections "
                  "(reserved_connections) and for superusers (superuser_reserved_connections); the role %1 is "
                  "neither.")
                    .arg(c.user),
                t("Reduce the applications' pools or raise max_connections (restart); for an admin or monitoring "
                  "role that must always get in: GRANT pg_use_reserved_connections TO %1;")
                    .arg(c.user)};
        if (message.contains(u"reserved for"_s))
            return Explanation {
                t("Only the slots reserved for superusers (superuser_reserved_connections) are left; the role %1 "
                  "is not a superuser.")
                    .arg(c.user),
                t("Reduce the applications' pools or raise max_connections (restart); keep admin headroom in the "
                  "pool budget.")};
    }
    return std::nullopt;
}

} // namespace pgdial::core::probe
