#pragma once

#include "hba/hbarule.h"

#include <QString>

#include <optional>

namespace pgdial::core::hba {

// The LDAP fields of an ldap rule after the server has applied its options in file order:
// `ldapurl` fills several at once (only those the URL has), later options overwrite, and every
// option resets the scope to subtree first (a quirk of parse_hba_auth_opt()). A field is set
// even when its value is empty (`ldap://host/` sets an empty base DN), as the server's pointers are.
struct HbaLdapSettings
{
    std::optional<QString> server;
    int port = 0;
    std::optional<QString> scheme;
    bool tls = false;
    std::optional<QString> prefix;
    std::optional<QString> suffix;
    std::optional<QString> baseDn;
    std::optional<QString> bindDn;
    std::optional<QString> bindPassword;
    std::optional<QString> searchAttribute;
    std::optional<QString> searchFilter;
    int scope = 2; // LDAP_SCOPE_SUBTREE

    static HbaLdapSettings fromOptions(const QList<HbaOption> &options);

    // pg_hba_file_rules.options for an ldap line, in the view's order.
    QStringList viewOptions() const;
};

} // namespace pgdial::core::hba
