#include "hba/hbaoptionchecker.h"

#include "hba/catoi.h"
#include "hba/hbaldapsettings.h"
#include "hba/hbaldapurl.h"

#include <QCoreApplication>

#include <netdb.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

bool HbaOptionChecker::check(const QString &name, const QString &value, HbaRule &rule, HbaLineProblem &problem) const
{
    const QString &method = rule.method;
    const int version = m_options.majorVersion;
    auto onlyFor = [&](const QString &methodsText) {
        return problem.fail(
            rule, u"hba.option-not-for-method"_s,
            u"authentication option \"%1\" is only valid for authentication methods %2"_s.arg(name, methodsText),
            problem.span);
    };
    auto invalid
        = [&](const QString &error) { return problem.fail(rule, u"hba.invalid-option-value"_s, error, problem.span); };
    // The server logs these but leaves pg_hba_file_rules.error as it was (see HbaRule::viewError).
    auto invalidSilently = [&](const QString &error) {
        const QString before = rule.viewError;
        invalid(error);
        rule.viewError = before;
        return false;
    };
    auto require = [&](const QString &needed) { return method == needed || (onlyFor(needed), false); };

    if (name == u"map"_s) {
        if (method != u"ident"_s && method != u"peer"_s && method != u"gss"_s && method != u"sspi"_s
            && method != u"cert"_s && !(version >= 18 && method == u"oauth"_s))
            return onlyFor(version >= 18 ? u"ident, peer, gssapi, sspi, cert, and oauth"_s
                                         : u"ident, peer, gssapi, sspi, and cert"_s);
        return true;
    }
    if (name == u"clientcert"_s) {
        if (rule.type != HbaConnectionType::HostSsl)
            return invalid(u"clientcert can only be configured for \"hostssl\" rows"_s);
        if (value == u"verify-full"_s)
            return true;
        if (value == u"verify-ca"_s || (version <= 13 && value == u"1"_s)) {
            if (method == u"cert"_s && version >= 14) {
                invalid(u"clientcert only accepts \"verify-full\" when using \"cert\" authentication"_s);
                // The view words it differently from the log.
                rule.viewError = u"clientcert can only be set to \"verify-full\" when using \"cert\" authentication"_s;
                problem.replacementText = u"clientcert=verify-full"_s;
                return false;
            }
            return true;
        }
        if (version <= 13 && (value == u"0"_s || value == u"no-verify"_s)) {
            if (method == u"cert"_s)
                return invalid(u"clientcert cannot be set to \"no-verify\" when using \"cert\" authentication"_s);
            return true;
        }
        invalidSilently(u"invalid value for clientcert: \"%1\""_s.arg(value));
        if (value == u"1"_s)
            problem.replacementText = u"clientcert=verify-ca"_s;
        return false;
    }
    if (name == u"clientname"_s && version >= 14) {
        if (rule.type != HbaConnectionType::HostSsl)
            return invalid(u"clientname can only be configured for \"hostssl\" rows"_s);
        if (value == u"CN"_s || value == u"DN"_s)
            return true;
        invalidSilently(u"invalid value for clientname: \"%1\""_s.arg(value));
        if (value.toUpper() == u"CN"_s || value.toUpper() == u"DN"_s)
            problem.replacementText = u"clientname="_s + value.toUpper();
        return false;
    }
    if (name == u"pamservice"_s || name == u"pam_use_hostname"_s)
        return require(u"pam"_s);
    static const QStringList ldapOptions
        = {u"ldapurl"_s,          u"ldaptls"_s,    u"ldapscheme"_s,     u"ldapserver"_s,
           u"ldapport"_s,         u"ldapbinddn"_s, u"ldapbindpasswd"_s, u"ldapsearchattribute"_s,
           u"ldapsearchfilter"_s, u"ldapbasedn"_s, u"ldapprefix"_s,     u"ldapsuffix"_s};
    if (ldapOptions.contains(name)) {
        if (!require(u"ldap"_s))
            return false;
        if (name == u"ldapurl"_s) {
            const QString error = HbaLdapUrl::parse(value.toUtf8()).serverError(value);
            if (!error.isEmpty()) {
                invalid(error);
                problem.suggestion = QCoreApplication::translate(
                    "HbaParser",
                    "Write ldapurl=\"ldap[s]://host[:port]/basedn[?attribute[?scope[?filter]]]\" "
                    "(scope base, one, sub or subordinate; %XX for special characters).");
                return false;
            }
        } else if (name == u"ldapport"_s) {
            if (cAtoi(value) == 0)
                return invalid(u"invalid LDAP port number: \"%1\""_s.arg(value));
        } else if (name == u"ldapscheme"_s && value != u"ldap"_s && value != u"ldaps"_s) {
            // Only logged by the server; the line stays valid.
            problem.code = u"hba.invalid-ldapscheme"_s;
            problem.warning = true;
            problem.suggestion = QCoreApplication::translate("HbaParser", "ldapscheme must be ldap or ldaps.");
        }
        return true;
    }
    if (name == u"krb_realm"_s || name == u"include_realm"_s) {
        if (method != u"gss"_s && method != u"sspi"_s)
            return onlyFor(u"gssapi and sspi"_s);
        return true;
    }
    if (name == u"compat_realm"_s || name == u"upn_username"_s) {
        if (method != u"sspi"_s)
            return onlyFor(u"sspi"_s);
        return true;
    }
    if (name == u"radiusservers"_s || name == u"radiussecrets"_s || name == u"radiusports"_s
        || name == u"radiusidentifiers"_s) {
        if (!require(u"radius"_s))
            return false;
        const QStringList items = value.split(u',');
        if (name == u"radiusports"_s) {
            for (const QString &port : items) {
                if (cAtoi(port) == 0)
                    return invalidSilently(u"invalid RADIUS port number: \"%1\""_s.arg(value));
            }
        }
        if (name == u"radiusservers"_s) {
            for (const QString &server : items) {
                addrinfo hints {};
                hints.ai_socktype = SOCK_DGRAM;
                hints.ai_family = AF_UNSPEC;
                addrinfo *info = nullptr;
                const QByteArray host = server.trimmed().toUtf8();
                const int status = ::getaddrinfo(host.isEmpty() ? nullptr : host.constData(), nullptr, &hints, &info);
                if (info)
                    ::freeaddrinfo(info);
                if (status != 0)
                    return invalidSilently(u"could not translate RADIUS server name \"%1\" to address: %2"_s.arg(
                        server.trimmed(), QString::fromLocal8Bit(::gai_strerror(status))));
            }
        }
        return true;
    }
    if (version >= 18
        && (name == u"issuer"_s || name == u"scope"_s || name == u"validator"_s || name == u"delegate_ident_mapping"_s))
        return require(u"oauth"_s);
    problem.fail(rule, u"hba.unknown-option"_s, u"unrecognized authentication option name: \"%1\""_s.arg(name),
                 problem.span);
    return false;
}

bool HbaOptionChecker::checkMandatory(HbaRule &rule, HbaLineProblem &problem) const
{
    auto has = [&](const char16_t *name) { return rule.option(QString::fromUtf16(name)).has_value(); };
    auto missing = [&](const QString &argument) {
        return problem.fail(
            rule, u"hba.missing-option"_s,
            u"authentication method \"%1\" requires argument \"%2\" to be set"_s.arg(rule.method, argument),
            rule.methodSpan);
    };
    if (rule.method == u"ldap"_s) {
        // Judged on the fields the options leave behind, as the server does: an ldapurl only
        // counts as a base DN (or search attribute, or filter) when it has one.
        const HbaLdapSettings ldap = HbaLdapSettings::fromOptions(rule.options);
        if (ldap.prefix || ldap.suffix) {
            if (ldap.baseDn || ldap.bindDn || ldap.bindPassword || ldap.searchAttribute || ldap.searchFilter)
                return problem.fail(
                    rule, u"hba.conflicting-options"_s,
                    u"cannot use ldapbasedn, ldapbinddn, ldapbindpasswd, ldapsearchattribute, ldapsearchfilter, or ldapurl together with ldapprefix"_s,
                    rule.methodSpan);
        } else if (!ldap.baseDn) {
            return problem.fail(
                rule, u"hba.missing-option"_s,
                u"authentication method \"ldap\" requires argument \"ldapbasedn\", \"ldapprefix\", or \"ldapsuffix\" to be set"_s,
                rule.methodSpan);
        }
        if (ldap.searchAttribute && ldap.searchFilter)
            return problem.fail(rule, u"hba.conflicting-options"_s,
                                u"cannot use ldapsearchattribute together with ldapsearchfilter"_s, rule.methodSpan);
    }
    if (rule.method == u"radius"_s) {
        if (!has(u"radiusservers"))
            return missing(u"radiusservers"_s);
        if (!has(u"radiussecrets"))
            return missing(u"radiussecrets"_s);
        const qsizetype servers = rule.option(u"radiusservers"_s)->split(u',').size();
        const struct
        {
            const char16_t *option;
            const char16_t *what;
        } lists[]
            = {{u"radiussecrets", u"secrets"}, {u"radiusports", u"ports"}, {u"radiusidentifiers", u"identifiers"}};
        for (const auto &list : lists) {
            const auto value = rule.option(QString::fromUtf16(list.option));
            if (!value)
                continue;
            const qsizetype count = value->split(u',').size();
            if (count != 1 && count != servers) {
                const QString before = rule.viewError;
                problem.fail(
                    rule, u"hba.invalid-option-value"_s,
                    u"the number of RADIUS %1 (%2) must be 1 or the same as the number of RADIUS servers (%3)"_s
                        .arg(QString::fromUtf16(list.what))
                        .arg(count)
                        .arg(servers),
                    rule.methodSpan);
                if (m_options.majorVersion <= 13)
                    rule.viewError = before; // PG13 only logs it (the view shows NULL)
                return false;
            }
        }
    }
    if (rule.method == u"oauth"_s) {
        if (!has(u"scope"))
            return missing(u"scope"_s);
        if (!has(u"issuer"))
            return missing(u"issuer"_s);
        if (!m_options.oauthValidatorConfigured)
            return problem.fail(rule, u"hba.missing-option"_s,
                                u"oauth_validator_libraries must be set for authentication method oauth"_s,
                                rule.methodSpan);
    }
    return true;
}

} // namespace pgdial::core::hba
