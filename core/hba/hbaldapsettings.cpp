#include "hba/hbaldapsettings.h"

#include "hba/catoi.h"
#include "hba/hbaldapurl.h"

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

HbaLdapSettings HbaLdapSettings::fromOptions(const QList<HbaOption> &options)
{
    HbaLdapSettings s;
    for (const HbaOption &option : options) {
        s.scope = 2;
        const QString &name = option.name;
        const QString &value = option.value;
        if (name == "ldapurl"_L1) {
            const HbaLdapUrl url = HbaLdapUrl::parse(value.toUtf8());
            if (url.error != HbaLdapUrl::Error::None)
                continue; // the line is refused anyway
            s.scheme = QString::fromUtf8(url.scheme);
            if (url.host)
                s.server = QString::fromUtf8(*url.host);
            s.port = url.port;
            if (url.baseDn)
                s.baseDn = QString::fromUtf8(*url.baseDn);
            if (url.attributes)
                s.searchAttribute = url.attributes->isEmpty() ? QString() : QString::fromUtf8(url.attributes->first());
            s.scope = url.scope;
            if (url.filter)
                s.searchFilter = QString::fromUtf8(*url.filter);
        } else if (name == "ldapserver"_L1) {
            s.server = value;
        } else if (name == "ldapport"_L1) {
            s.port = cAtoi(value);
        } else if (name == "ldapscheme"_L1) {
            s.scheme = value;
        } else if (name == "ldaptls"_L1) {
            s.tls = value == "1"_L1;
        } else if (name == "ldapprefix"_L1) {
            s.prefix = value;
        } else if (name == "ldapsuffix"_L1) {
            s.suffix = value;
        } else if (name == "ldapbasedn"_L1) {
            s.baseDn = value;
        } else if (name == "ldapbinddn"_L1) {
            s.bindDn = value;
        } else if (name == "ldapbindpasswd"_L1) {
            s.bindPassword = value;
        } else if (name == "ldapsearchattribute"_L1) {
            s.searchAttribute = value;
        } else if (name == "ldapsearchfilter"_L1) {
            s.searchFilter = value;
        }
    }
    return s;
}

QStringList HbaLdapSettings::viewOptions() const
{
    QStringList result;
    auto add = [&](const char16_t *name, const std::optional<QString> &value) {
        if (value)
            result << QString::fromUtf16(name) + u'=' + *value;
    };
    add(u"ldapserver", server);
    if (port != 0)
        result << u"ldapport="_s + QString::number(port);
    add(u"ldapscheme", scheme);
    if (tls)
        result << u"ldaptls=true"_s;
    add(u"ldapprefix", prefix);
    add(u"ldapsuffix", suffix);
    add(u"ldapbasedn", baseDn);
    add(u"ldapbinddn", bindDn);
    add(u"ldapbindpasswd", bindPassword);
    add(u"ldapsearchattribute", searchAttribute);
    add(u"ldapsearchfilter", searchFilter);
    if (scope != 0)
        result << u"ldapscope="_s + QString::number(scope);
    return result;
}

} // namespace pgdial::core::hba
