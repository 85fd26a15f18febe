#include "appconfig/connectionurl.h"

#include "base/secretmasker.h"

#include <QCoreApplication>
#include <QUrl>

#include <libpq-fe.h>

#include <arpa/inet.h>

#include <climits>

using namespace Qt::StringLiterals;

namespace pgdial::core::appconfig {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionUrl", text);
}

// Parameters that SQLAlchemy's asyncpg dialect passes to asyncpg.connect() and libpq does not know.
const QStringList &asyncpgOnlyParameters()
{
    static const QStringList names {u"ssl"_s,
                                    u"command_timeout"_s,
                                    u"prepared_statement_cache_size"_s,
                                    u"statement_cache_size"_s,
                                    u"max_cached_statement_lifetime"_s,
                                    u"max_cacheable_statement_size"_s,
                                    u"direct_tls"_s,
                                    u"server_settings"_s,
                                    u"timeout"_s};
    return names;
}

QString percentDecode(const QString &text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

QList<ConnectionParameter> splitQuery(const QString &query)
{
    QList<ConnectionParameter> parameters;
    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        parameters.append(eq < 0 ? ConnectionParameter {percentDecode(pair), QString()}
                                 : ConnectionParameter {percentDecode(pair.left(eq)), percentDecode(pair.mid(eq + 1))});
    }
    return parameters;
}

bool isInteger(const QString &value, long long *out = nullptr)
{
    // libpq's parse_int_param: optional whitespace, digits with optional sign, trailing whitespace.
    const QString trimmed = value.trimmed();
    bool ok = false;
    const long long number = trimmed.toLongLong(&ok);
    if (out)
        *out = number;
    return ok && number >= INT_MIN && number <= INT_MAX;
}

bool isNumericAddress(const QString &address)
{
    const QByteArray bytes = address.toLatin1();
    unsigned char buffer[16];
    return inet_pton(AF_INET, bytes.constData(), buffer) == 1 || inet_pton(AF_INET6, bytes.constData(), buffer) == 1;
}

} // namespace

std::optional<QString> ConnectionUrl::value(const QString &keyword) const
{
    for (const ConnectionParameter &parameter : parameters)
        if (parameter.keyword == keyword)
            return parameter.value;
    return std::nullopt;
}

QString ConnectionUrl::effectiveSslMode() const
{
    if (driver == u"asyncpg") {
        for (const ConnectionParameter &parameter : driverParameters)
            if (parameter.keyword == u"ssl")
                return parameter.value == u"true" ? u"require"_s : parameter.value;
    }
    return value(u"sslmode"_s).value_or(u"prefer"_s);
}

QString ConnectionUrl::masked() const
{
    base::SecretMasker masker;
    masker.addSecretsFrom(text);
    return masker.mask(text);
}

QList<ConnectionParameter> ConnectionUrl::maskedParameters() const
{
    // A password libpq split at a '/' lands in host or dbname: every value goes through the masker.
    base::SecretMasker masker;
    masker.addSecretsFrom(text);
    QList<ConnectionParameter> out = parameters;
    for (ConnectionParameter &parameter : out) {
        const bool secret = parameter.keyword == u"password" || parameter.keyword == u"sslpassword";
        if (secret && !parameter.value.isEmpty() && !parameter.value.startsWith(u"${"))
            parameter.value = base::SecretMasker::placeholder();
        else
            parameter.value = masker.mask(parameter.value);
    }
    return out;
}

const QStringList &ConnectionUrlParser::libpqKeywords()
{
    static const QStringList keywords = [] {
        QStringList names;
        PQconninfoOption *options = PQconndefaults();
        for (PQconninfoOption *o = options; o && o->keyword; ++o)
            names.append(QString::fromLatin1(o->keyword));
        PQconninfoFree(options);
        return names;
    }();
    return keywords;
}

QString ConnectionUrlParser::validateOptions(const QList<ConnectionParameter> &parameters)
{
    auto get = [&](const QString &keyword) -> std::optional<QString> {
        for (const ConnectionParameter &p : parameters)
            if (p.keyword == keyword)
                return p.value;
        return std::nullopt;
    };
    const QStringList &known = libpqKeywords();
    // The enumerated options libpq checks in connectOptions2(), in the same order.
    struct Enumerated
    {
        QString keyword;
        QStringList values;
    };
    const QList<Enumerated> enumerated {
        {u"channel_binding"_s, {u"disable"_s, u"prefer"_s, u"require"_s}},
        {u"sslmode"_s, {u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s, u"verify-ca"_s, u"verify-full"_s}},
        {u"ssl_min_protocol_version"_s, {QString(), u"TLSv1"_s, u"TLSv1.1"_s, u"TLSv1.2"_s, u"TLSv1.3"_s}},
        {u"ssl_max_protocol_version"_s, {QString(), u"TLSv1"_s, u"TLSv1.1"_s, u"TLSv1.2"_s, u"TLSv1.3"_s}},
        {u"gssencmode"_s, {u"disable"_s, u"prefer"_s, u"require"_s}},
        {u"target_session_attrs"_s,
         {u"any"_s, u"read-write"_s, u"read-only"_s, u"primary"_s, u"standby"_s, u"prefer-standby"_s}},
        {u"load_balance_hosts"_s, {u"disable"_s, u"random"_s}},
        {u"sslnegotiation"_s, {u"postgres"_s, u"direct"_s}},
        {u"sslcertmode"_s, {u"disable"_s, u"allow"_s, u"require"_s}},
    };
    // Host and port lists first (connectOptions2 starts there).
    const QString hosts = get(u"host"_s).value_or(QString());
    const QString ports = get(u"port"_s).value_or(QString());
    const QString hostaddrs = get(u"hostaddr"_s).value_or(QString());
    const qsizetype hostCount
        = std::max<qsizetype>(1, std::max(hosts.split(u',').size(), hostaddrs.split(u',').size()));
    if (!ports.isEmpty()) {
        const qsizetype portCount = ports.split(u',').size();
        if (portCount > 1 && portCount != hostCount)
            return tr("could not match %1 port numbers to %2 hosts").arg(portCount).arg(hostCount);
    }
    for (const Enumerated &e : enumerated) {
        if (!known.contains(e.keyword))
            continue;
        const std::optional<QString> value = get(e.keyword);
        if (value && !e.values.contains(*value))
            return tr("invalid %1 value: \"%2\"").arg(e.keyword, *value);
    }
    if (!hostaddrs.isEmpty()) {
        for (const QString &address : hostaddrs.split(u','))
            if (!address.isEmpty() && !isNumericAddress(address))
                return tr("could not parse network address \"%1\"").arg(address);
    }
    for (const QString &port : ports.split(u',', Qt::SkipEmptyParts)) {
        long long number = 0;
        if (!isInteger(port, &number))
            return tr("invalid integer value \"%1\" for connection option \"port\"").arg(port);
        if (number < 1 || number > 65535)
            return tr("invalid port number: \"%1\"").arg(port);
    }
    for (const QString &keyword : {u"connect_timeout"_s, u"keepalives"_s, u"keepalives_idle"_s,
                                   u"keepalives_interval"_s, u"keepalives_count"_s, u"tcp_user_timeout"_s}) {
        const std::optional<QString> value = get(keyword);
        if (value && !value->isEmpty() && !isInteger(*value))
            return tr("invalid integer value \"%1\" for connection option \"%2\"").arg(*value, keyword);
    }
    return {};
}

ConnectionUrl ConnectionUrlParser::parse(const QString &input)
{
    ConnectionUrl url;
    url.text = input;
    const QString text = input.trimmed();
    if (text.isEmpty())
        return url;

    static const QRegularExpression schemePattern(u"^([A-Za-z][A-Za-z0-9+.-]*)://"_s);
    const QRegularExpressionMatch scheme = schemePattern.match(text);
    if (scheme.hasMatch()) {
        url.scheme = scheme.captured(1);
        const QString lower = url.scheme.toLower();
        const QString base = lower.section(u'+', 0, 0);
        const QString driver = lower.section(u'+', 1);
        if (base == u"sqlite") {
            url.kind = UrlKind::Sqlite;
            url.driver = u"sqlite"_s;
            QString rest = text.mid(scheme.capturedLength());
            if (rest.startsWith(u'/'))
                rest.remove(0, 1);
            rest = rest.section(u'?', 0, 0);
            url.sqliteMemory = rest.isEmpty() || rest == u":memory:";
            url.sqlitePath = url.sqliteMemory ? u":memory:"_s : rest;
            return url;
        }
        if (base != u"postgresql" && base != u"postgres") {
            url.kind = UrlKind::Unsupported;
            return url;
        }
        url.kind = UrlKind::PostgresUri;
        url.driver = driver.isEmpty() ? u"libpq"_s : driver;
        QString rest = text.mid(scheme.capturedLength());
        const qsizetype question = rest.indexOf(u'?');
        QString query;
        if (question >= 0) {
            query = rest.mid(question + 1);
            rest = rest.left(question);
        }
        url.query = splitQuery(query);
        QStringList kept;
        for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
            const QString key = percentDecode(pair.section(u'=', 0, 0));
            if (url.driver == u"asyncpg" && asyncpgOnlyParameters().contains(key)) {
                url.driverParameters.append({key, percentDecode(pair.section(u'=', 1))});
                continue;
            }
            kept.append(pair);
        }
        // libpq reads both postgresql:// and postgres://; the driver prefix is SQLAlchemy's.
        if (url.driverParameters.isEmpty())
            url.libpqForm = base + u"://"_s + rest + (question >= 0 ? u'?' + query : QString());
        else
            url.libpqForm = base + u"://"_s + rest + (kept.isEmpty() ? QString() : u'?' + kept.join(u'&'));
    } else if (text.startsWith(u"jdbc:"_s, Qt::CaseInsensitive)) {
        url.kind = UrlKind::Unsupported;
        url.scheme = u"jdbc"_s;
        return url;
    } else {
        url.kind = UrlKind::PostgresKeyValue;
        url.driver = u"libpq"_s;
        url.libpqForm = text;
    }

    // libpq's errors quote the token they could not read, often the password itself.
    base::SecretMasker masker;
    masker.addSecretsFrom(text);
    masker.addSecretsFrom(url.libpqForm);
    const QByteArray conninfo = url.libpqForm.toUtf8();
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.constData(), &error);
    if (!options) {
        url.libpqError = masker.mask(error ? QString::fromUtf8(error).trimmed() : tr("out of memory"));
        PQfreemem(error);
        return url;
    }
    for (PQconninfoOption *o = options; o->keyword; ++o)
        if (o->val)
            url.parameters.append({QString::fromUtf8(o->keyword), QString::fromUtf8(o->val)});
    PQconninfoFree(options);
    url.parsed = true;
    for (const ConnectionParameter &parameter : url.parameters)
        if (parameter.keyword == u"password" || parameter.keyword == u"sslpassword")
            masker.addSecret(parameter.value);
    url.libpqError = masker.mask(validateOptions(url.parameters));
    url.libpqAccepts = url.libpqError.isEmpty();
    return url;
}

} // namespace pgdial::core::appconfig
