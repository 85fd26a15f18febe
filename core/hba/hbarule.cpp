#include "hba/hbarule.h"

#include "hba/hbaldapsettings.h"

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

QString connectionTypeName(HbaConnectionType type)
{
    switch (type) {
    case HbaConnectionType::Invalid:
        return {};
    case HbaConnectionType::Local:
        return u"local"_s;
    case HbaConnectionType::Host:
        return u"host"_s;
    case HbaConnectionType::HostSsl:
        return u"hostssl"_s;
    case HbaConnectionType::HostNoSsl:
        return u"hostnossl"_s;
    case HbaConnectionType::HostGssEnc:
        return u"hostgssenc"_s;
    case HbaConnectionType::HostNoGssEnc:
        return u"hostnogssenc"_s;
    }
    return {};
}

std::optional<HbaConnectionType> connectionTypeFromName(const QString &name)
{
    static const HbaConnectionType all[]
        = {HbaConnectionType::Local,     HbaConnectionType::Host,       HbaConnectionType::HostSsl,
           HbaConnectionType::HostNoSsl, HbaConnectionType::HostGssEnc, HbaConnectionType::HostNoGssEnc};
    for (HbaConnectionType type : all) {
        if (connectionTypeName(type) == name)
            return type;
    }
    return std::nullopt;
}

QString HbaAddress::addressString() const
{
    if (kind == HbaAddressKind::Cidr)
        return parsedText;
    return text;
}

QString HbaAddress::netmaskString() const
{
    if (kind == HbaAddressKind::Cidr)
        return parsedMaskText;
    return {};
}

bool HbaAddress::contains(const QByteArray &candidate) const
{
    if (kind != HbaAddressKind::Cidr || candidate.size() != address.size() || mask.size() != address.size())
        return false;
    for (qsizetype i = 0; i < address.size(); ++i) {
        const auto m = static_cast<unsigned char>(mask.at(i));
        if ((static_cast<unsigned char>(candidate.at(i)) & m) != (static_cast<unsigned char>(address.at(i)) & m))
            return false;
    }
    return true;
}

std::optional<QString> HbaRule::option(const QString &name) const
{
    for (auto it = options.crbegin(); it != options.crend(); ++it) {
        if (it->name == name)
            return it->value;
    }
    return std::nullopt;
}

namespace { } // namespace

QStringList HbaRule::viewOptions() const
{
    // Mirrors gethba_options() in the server's hba.c: a fixed order, only what was set.
    QStringList result;
    auto add = [&](const QString &name) {
        if (const auto value = option(name))
            result << name + u'=' + *value;
    };
    const bool gssLike = method == u"gss"_s || method == u"sspi"_s;
    if (gssLike) {
        const auto realm = option(u"include_realm"_s);
        if (!realm || *realm == u"1"_s)
            result << u"include_realm=true"_s;
        add(u"krb_realm"_s);
    }
    add(u"map"_s);
    const auto clientcert = option(u"clientcert"_s);
    if (method == u"cert"_s)
        result << u"clientcert=verify-full"_s;
    else if (clientcert == u"verify-full"_s)
        result << u"clientcert=verify-full"_s;
    else if (clientcert == u"verify-ca"_s || clientcert == u"1"_s)
        result << u"clientcert=verify-ca"_s;
    add(u"pamservice"_s);
    if (method == u"ldap"_s)
        result << HbaLdapSettings::fromOptions(options).viewOptions();
    if (method == u"radius"_s) {
        add(u"radiusservers"_s);
        add(u"radiussecrets"_s);
        add(u"radiusidentifiers"_s);
        add(u"radiusports"_s);
    }
    if (method == u"oauth"_s) {
        add(u"issuer"_s);
        add(u"scope"_s);
        add(u"validator"_s);
        if (option(u"delegate_ident_mapping"_s) == u"1"_s)
            result << u"delegate_ident_mapping=true"_s;
    }
    return result;
}

} // namespace pgdial::core::hba
