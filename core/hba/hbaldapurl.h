#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace pgdial::core::hba {

// An `ldapurl=` option value read the way the server reads it: with OpenLDAP's ldap_url_parse()
// (RFC 4516 plus OpenLDAP's leniencies: "<...>" enclosure, a "URL:" prefix, case-insensitive
// scheme, %XX escapes, the "Novell" form without a slash), then the server's own check that the
// scheme is ldap or ldaps. The fields are what the server copies into the rule (ldapserver,
// ldapport, ldapbasedn, ldapsearchattribute, ldapscope, ldapsearchfilter).
struct HbaLdapUrl
{
    // OpenLDAP's LDAP_URL_ERR_* codes.
    enum class Error {
        None = 0,
        BadScheme = 3, // not ldap://, ldaps://, ldapi://
        BadEnclosure = 4, // "<" without ">"
        BadUrl = 5, // bad port, unbalanced "[", extra "?"
        BadAttributes = 7,
        BadScope = 8,
        BadFilter = 9,
        BadExtensions = 10,
    };

    Error error = Error::None;
    QByteArray scheme; // lower case: "ldap", "ldaps", "ldapi"
    std::optional<QByteArray> host; // absent for an empty host ("ldap:///dc=x")
    int port = 0; // the scheme's default (389 / 636) when the URL has none or 0
    std::optional<QByteArray> baseDn; // absent without a "/" ("ldap://host"); may be empty
    std::optional<QList<QByteArray>> attributes; // absent when the URL has none
    int scope = 0; // 0 base (the default), 1 one, 2 sub, 3 subordinate
    std::optional<QByteArray> filter;

    static HbaLdapUrl parse(const QByteArray &url);

    // What the server puts in pg_hba_file_rules.error (and the log) for this value, or empty
    // when the server accepts it. The explanation after the colon is ldap_err2string() of
    // OpenLDAP's URL error code, which the server passes on unchanged.
    QString serverError(const QString &value) const;
    static QString errorString(Error error);
};

} // namespace pgdial::core::hba
