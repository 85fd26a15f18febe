#include "live/hbaruleview.h"

#include "hba/hbarule.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace pgdial::core::live {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

HbaRuleView HbaRuleView::fromRule(const hba::HbaRule &rule)
{
    HbaRuleView view;
    view.m_lineNumber = rule.line;
    view.m_fileName = rule.file;
    if (rule.hasError()) {
        view.m_error = rule.viewError;
        return view;
    }
    view.m_type = hba::connectionTypeName(rule.type);
    for (const hba::HbaToken &token : rule.databases)
        view.m_database.append(token.text);
    for (const hba::HbaToken &token : rule.users)
        view.m_userName.append(token.text);
    if (rule.address) {
        view.m_address = rule.address->addressString();
        view.m_netmask = rule.address->netmaskString();
    }
    view.m_authMethod = rule.method;
    view.m_options = rule.viewOptions();
    view.m_error = rule.error;
    return view;
}

HbaRuleView HbaRuleView::fromServerRow(const QJsonObject &row)
{
    HbaRuleView view;
    view.m_lineNumber = row.value(u"line_number"_s).toInt();
    view.m_fileName = row.value(u"file_name"_s).toString();
    view.m_type = row.value(u"type"_s).toString();
    view.m_database = strings(row.value(u"database"_s));
    view.m_userName = strings(row.value(u"user_name"_s));
    view.m_address = row.value(u"address"_s).toString();
    view.m_netmask = row.value(u"netmask"_s).toString();
    view.m_authMethod = row.value(u"auth_method"_s).toString();
    view.m_options = strings(row.value(u"options"_s));
    view.m_error = row.value(u"error"_s).toString();
    return view;
}

QString HbaRuleView::text() const
{
    if (m_type.isEmpty())
        return u"error: "_s + m_error;
    QStringList fields {m_type, m_database.join(u','), m_userName.join(u',')};
    if (!m_address.isEmpty())
        fields.append(m_address);
    if (!m_netmask.isEmpty())
        fields.append(m_netmask);
    fields.append(m_authMethod);
    fields.append(m_options);
    return fields.join(u' ');
}

QByteArray HbaRuleView::key() const
{
    // A separator no pg_hba.conf token can hold (the server splits lines at newlines).
    const QStringList columns {m_type,    m_database.join(u'\n'), m_userName.join(u'\n'), m_address,
                               m_netmask, m_authMethod,           m_options.join(u'\n'),  m_error};
    return columns.join(u'\x1f').toUtf8();
}

QStringList HbaRuleView::differencesFrom(const HbaRuleView &other) const
{
    QStringList columns;
    const auto compare = [&](const char *name, bool same) {
        if (!same)
            columns.append(QString::fromLatin1(name));
    };
    compare("type", m_type == other.m_type);
    compare("database", m_database == other.m_database);
    compare("user_name", m_userName == other.m_userName);
    compare("address", m_address == other.m_address);
    compare("netmask", m_netmask == other.m_netmask);
    compare("auth_method", m_authMethod == other.m_authMethod);
    compare("options", m_options == other.m_options);
    compare("error", m_error == other.m_error);
    return columns;
}

} // namespace pgdial::core::live
