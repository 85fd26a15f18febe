#include "probe/verdict.h"

#include <QList>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace pgdial::core::probe {

namespace {

constexpr std::array<std::pair<Verdict, QStringView>, 25> ids {{
    {Verdict::Ok, u"ok"},
    {Verdict::InvalidConninfo, u"invalid_conninfo"},
    {Verdict::UnknownHost, u"unknown_host"},
    {Verdict::Refused, u"refused"},
    {Verdict::Timeout, u"timeout"},
    {Verdict::NotPostgres, u"not_postgres"},
    {Verdict::SslNotSupported, u"ssl_not_supported"},
    {Verdict::CertVerifyFailed, u"cert_verify_failed"},
    {Verdict::CertHostnameMismatch, u"cert_hostname_mismatch"},
    {Verdict::RootCertMissing, u"root_cert_missing"},
    {Verdict::ClientCertRequired, u"client_cert_required"},
    {Verdict::HbaNoEntry, u"hba_no_entry"},
    {Verdict::HbaReject, u"hba_reject"},
    {Verdict::PasswordFailed, u"password_failed"},
    {Verdict::NoPasswordSupplied, u"no_password_supplied"},
    {Verdict::PeerOrIdentFailed, u"peer_or_ident_failed"},
    {Verdict::DatabaseMissing, u"database_missing"},
    {Verdict::RoleMissing, u"role_missing"},
    {Verdict::RoleCannotLogin, u"role_cannot_login"},
    {Verdict::NoConnectPrivilege, u"no_connect_privilege"},
    {Verdict::TooManyClients, u"too_many_clients"},
    {Verdict::ReservedSlots, u"reserved_slots"},
    {Verdict::ServerStarting, u"server_starting"},
    {Verdict::ProtocolError, u"protocol_error"},
    {Verdict::Other, u"other"},
}};

} // namespace

QString verdictId(Verdict verdict)
{
    for (const auto &[value, id] : ids)
        if (value == verdict)
            return id.toString();
    return u"other"_s;
}

std::optional<Verdict> verdictFromId(const QString &id)
{
    for (const auto &[value, name] : ids)
        if (name == id)
            return value;
    return std::nullopt;
}

QList<Verdict> allVerdicts()
{
    QList<Verdict> verdicts;
    for (const auto &entry : ids)
        verdicts.append(entry.first);
    return verdicts;
}

} // namespace pgdial::core::probe
