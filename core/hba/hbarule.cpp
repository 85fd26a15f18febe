#include "hbarule.h"

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

QString connectionTypeName(HbaConnectionType type)
{
    switch (type) {
    case HbaConnectionType::Invalid: return {};
    case HbaConnectionType::Local: return u"local"_s;
    case HbaConnectionType::Host: return u"host"_s;
    case HbaConnectionType::HostSsl: return u"hostssl"_s;
    case HbaConnectionType::HostNoSsl: return u"hostnossl"_s;
    case HbaConnectionType::HostGssEnc: return u"hostgssenc"_s;
    case HbaConnectionType::HostNoGssEnc: return u"hostnogssenc"_s;
    }
    return {};
}

std::optional<HbaConnectionType> connectionTypeFromName(const QString &name)
{
    static const HbaConnectionType all[] = {HbaConnectionType::Local, HbaConnectionType::Host,
                                            HbaConnectionType::HostSsl, HbaConnectionType::HostNoSsl,
                                            HbaConnectionType::HostGssEnc, HbaConnectionType::HostNoGssEnc};
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

namespace {

// The scope an ldapurl sets (OpenLDAP's ldap_url_parse: base unless the URL says otherwise).
int ldapUrlScope(const QString &url)
{
    const qsizetype schemeEnd = url.indexOf(u"://"_s);
    const qsizetype pathStart = schemeEnd < 0 ? -1 : url.indexOf(u'/', schemeEnd + 3);
    if (pathStart < 0)
        return 0;
    const QStringList parts = url.mid(pathStart + 1).split(u'?');
    if (parts.size() < 3)
        return 0;
    const QString scope = parts.at(2).toLower();
    if (scope == u"one"_s || scope == u"onelevel"_s)
        return 1;
    if (scope == u"sub"_s || scope == u"subtree"_s)
        return 2;
    return 0;
}

// C's atoi(): blanks, a sign, then the digits that follow ("389x" is 389).
qint64 leadingInteger(const QString &value)
{
    qsizetype i = 0;
    while (i < value.size() && (value.at(i) == u' ' || (value.at(i) >= u'\t' && value.at(i) <= u'\r')))
        ++i;
    bool negative = false;
    if (i < value.size() && (value.at(i) == u'+' || value.at(i) == u'-'))
        negative = value.at(i++) == u'-';
    qint64 result = 0;
    while (i < value.size() && value.at(i) >= u'0' && value.at(i) <= u'9') {
        result = std::min<qint64>(result * 10 + (value.at(i).unicode() - '0'), 1LL << 40);
        ++i;
    }
    return negative ? -result : result;
}

} // namespace

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
    if (method == u"ldap"_s) {
        // ldapurl fills in server, port, scheme, base DN, attribute, filter and scope; later
        // explicit options override what it set (the server applies options in file order).
        QString server, scheme, basedn, attribute, filter;
        int port = 0;
        int scope = 0;
        bool tls = false;
        QString prefix, suffix, binddn, bindpasswd;
        for (const HbaOption &opt : options) {
            scope = 2; // every option resets the scope to subtree (hba.c quirk)
            if (opt.name == u"ldapurl"_s) {
                const QString &url = opt.value;
                const qsizetype schemeEnd = url.indexOf(u"://"_s);
                scheme = url.left(schemeEnd);
                QString rest = url.mid(schemeEnd + 3);
                const qsizetype slash = rest.indexOf(u'/');
                const QString hostPort = slash < 0 ? rest : rest.left(slash);
                const qsizetype colon = hostPort.lastIndexOf(u':');
                server = colon < 0 ? hostPort : hostPort.left(colon);
                // OpenLDAP fills in the scheme's default port when the URL has none.
                port = colon < 0 ? (scheme == u"ldaps"_s ? 636 : 389) : hostPort.mid(colon + 1).toInt();
                const QStringList parts = slash < 0 ? QStringList() : rest.mid(slash + 1).split(u'?');
                basedn = parts.value(0);
                attribute = parts.value(1).section(u',', 0, 0);
                filter = parts.value(3);
                scope = ldapUrlScope(url);
            } else if (opt.name == u"ldapserver"_s) {
                server = opt.value;
            } else if (opt.name == u"ldapport"_s) {
                port = static_cast<int>(leadingInteger(opt.value));
            } else if (opt.name == u"ldapscheme"_s) {
                scheme = opt.value;
            } else if (opt.name == u"ldaptls"_s) {
                tls = opt.value == u"1"_s;
            } else if (opt.name == u"ldapprefix"_s) {
                prefix = opt.value;
            } else if (opt.name == u"ldapsuffix"_s) {
                suffix = opt.value;
            } else if (opt.name == u"ldapbasedn"_s) {
                basedn = opt.value;
            } else if (opt.name == u"ldapbinddn"_s) {
                binddn = opt.value;
            } else if (opt.name == u"ldapbindpasswd"_s) {
                bindpasswd = opt.value;
            } else if (opt.name == u"ldapsearchattribute"_s) {
                attribute = opt.value;
            } else if (opt.name == u"ldapsearchfilter"_s) {
                filter = opt.value;
            }
        }
        auto addText = [&](const char16_t *name, const QString &value) {
            if (!value.isEmpty())
                result << QString::fromUtf16(name) + u'=' + value;
        };
        addText(u"ldapserver", server);
        if (port != 0)
            result << u"ldapport="_s + QString::number(port);
        addText(u"ldapscheme", scheme);
        if (tls)
            result << u"ldaptls=true"_s;
        addText(u"ldapprefix", prefix);
        addText(u"ldapsuffix", suffix);
        addText(u"ldapbasedn", basedn);
        addText(u"ldapbinddn", binddn);
        addText(u"ldapbindpasswd", bindpasswd);
        addText(u"ldapsearchattribute", attribute);
        addText(u"ldapsearchfilter", filter);
        if (scope != 0)
            result << u"ldapscope="_s + QString::number(scope);
    }
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
