#include "appconfig/connectionurlformatter.h"

using namespace Qt::StringLiterals;

namespace pgdial::core::appconfig {

namespace {

// The keywords the builder shows as fields of their own; everything else is a query parameter.
bool isStructural(const QString &keyword)
{
    return keyword == u"host" || keyword == u"port" || keyword == u"dbname" || keyword == u"user"
        || keyword == u"password";
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

} // namespace

QString UrlComponents::parameter(const QString &keyword) const
{
    for (const ConnectionParameter &p : query)
        if (p.keyword == keyword)
            return p.value;
    return {};
}

void UrlComponents::setParameter(const QString &keyword, const QString &value)
{
    for (qsizetype i = 0; i < query.size(); ++i) {
        if (query[i].keyword != keyword)
            continue;
        if (value.isEmpty())
            query.removeAt(i);
        else
            query[i].value = value;
        return;
    }
    if (!value.isEmpty())
        query.append({keyword, value});
}

std::optional<UrlComponents> ConnectionUrlFormatter::decompose(const QString &text)
{
    const ConnectionUrl url = ConnectionUrlParser::parse(text);
    if (!url.isPostgres() || !url.parsed)
        return std::nullopt;
    UrlComponents out;
    out.keyValueForm = url.kind == UrlKind::PostgresKeyValue;
    out.scheme = out.keyValueForm ? QString() : url.scheme;
    const QString hostList = url.value(u"host"_s).value_or(QString());
    const QString portList = url.value(u"port"_s).value_or(QString());
    // libpq keeps one entry per host in both lists (empty where a host has no port).
    const QStringList hosts = hostList.isEmpty() ? QStringList() : hostList.split(u',');
    const QStringList ports = portList.isEmpty() ? QStringList() : portList.split(u',');
    const qsizetype count = std::max(hosts.size(), ports.size());
    for (qsizetype i = 0; i < count; ++i)
        out.hosts.append({hosts.value(i), ports.value(i)});
    out.database = url.value(u"dbname"_s).value_or(QString());
    out.user = url.value(u"user"_s).value_or(QString());
    out.password = url.value(u"password"_s).value_or(QString());
    // The URI's query as written keeps the driver's own parameters (asyncpg's ssl=) and the
    // user's order; the key=value form has no driver parameters, so libpq's list is complete.
    for (const ConnectionParameter &p : out.keyValueForm ? url.parameters : url.query)
        if (!isStructural(p.keyword))
            out.query.append(p);
    return out;
}

QString ConnectionUrlFormatter::encode(const QString &value)
{
    QString out;
    const QByteArray bytes = value.toUtf8();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '$' && i + 1 < bytes.size() && bytes[i + 1] == '{') {
            const qsizetype close = bytes.indexOf('}', i + 2);
            if (close > 0) {
                out += QString::fromUtf8(bytes.mid(i, close - i + 1));
                i = close;
                continue;
            }
        }
        if (isUnreserved(c))
            out += QLatin1Char(c);
        else
            out += u'%' + QString::number(static_cast<unsigned char>(c), 16).toUpper().rightJustified(2, u'0');
    }
    return out;
}

QString ConnectionUrlFormatter::quoteKeyValue(const QString &value)
{
    bool plain = !value.isEmpty();
    for (const QChar c : value)
        plain = plain && !c.isSpace() && c != u'\'' && c != u'\\';
    if (plain)
        return value;
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

QString ConnectionUrlFormatter::format(const UrlComponents &c)
{
    if (c.keyValueForm) {
        QStringList pairs;
        auto add = [&](const QString &keyword, const QString &value) {
            if (!value.isEmpty())
                pairs.append(keyword + u'=' + quoteKeyValue(value));
        };
        QStringList hosts;
        QStringList ports;
        bool anyPort = false;
        for (const UrlHost &h : c.hosts) {
            hosts.append(h.host);
            ports.append(h.port);
            anyPort = anyPort || !h.port.isEmpty();
        }
        add(u"host"_s, hosts.join(u','));
        if (anyPort)
            add(u"port"_s, ports.join(u','));
        add(u"dbname"_s, c.database);
        add(u"user"_s, c.user);
        add(u"password"_s, c.password);
        for (const ConnectionParameter &p : c.query)
            pairs.append(p.keyword + u'=' + quoteKeyValue(p.value));
        return pairs.join(u' ');
    }

    QString out = (c.scheme.isEmpty() ? u"postgresql"_s : c.scheme) + u"://"_s;
    if (!c.user.isEmpty() || !c.password.isEmpty()) {
        out += encode(c.user);
        if (!c.password.isEmpty())
            out += u':' + encode(c.password);
        out += u'@';
    }
    QStringList hosts;
    for (const UrlHost &h : c.hosts) {
        // An IPv6 address goes in brackets; a socket directory is percent-encoded, which libpq decodes.
        QString written = h.host.contains(u':') ? u'[' + h.host + u']' : encode(h.host);
        if (!h.port.isEmpty())
            written += u':' + h.port;
        hosts.append(written);
    }
    out += hosts.join(u',');
    if (!c.database.isEmpty())
        out += u'/' + encode(c.database);
    QStringList query;
    for (const ConnectionParameter &p : c.query)
        query.append(encode(p.keyword) + u'=' + encode(p.value));
    if (!query.isEmpty())
        out += u'?' + query.join(u'&');
    return out;
}

} // namespace pgdial::core::appconfig
