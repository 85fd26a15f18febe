#pragma once

#include <QString>

#include <optional>

namespace pgdial::core::probe {

// The outcome of a connection probe. The ids ("hba_no_entry") are stable: the CLI's JSON, the
// documentation (docs/cli.md) and scripts rely on them.
enum class Verdict {
    Ok,
    InvalidConninfo,
    UnknownHost,
    Refused,
    Timeout,
    NotPostgres,
    SslNotSupported,
    CertVerifyFailed,
    CertHostnameMismatch,
    RootCertMissing,
    ClientCertRequired,
    HbaNoEntry,
    HbaReject,
    PasswordFailed,
    NoPasswordSupplied,
    PeerOrIdentFailed,
    DatabaseMissing,
    RoleMissing,
    RoleCannotLogin,
    NoConnectPrivilege,
    TooManyClients,
    ReservedSlots,
    ServerStarting,
    ProtocolError,
    Other,
};

QString verdictId(Verdict verdict);
std::optional<Verdict> verdictFromId(const QString &id);
QList<Verdict> allVerdicts();

} // namespace pgdial::core::probe
