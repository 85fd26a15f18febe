#include "checks/appserverchecks.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pgdial::core::checks {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AppServerChecks", text);
}

QString place(const std::optional<project::ServerSetting> &setting)
{
    return setting ? setting->file + u':' + QString::number(setting->line) : QString();
}

bool isLoopback(const QString &host)
{
    return host == u"localhost" || host == u"127.0.0.1" || host == u"::1" || host.startsWith(u"127."_s);
}

} // namespace

std::optional<qint64> AppServerChecks::parseDurationMs(const QString &value, qint64 defaultUnitMs)
{
    static const QRegularExpression pattern(uR"(^\s*(-?\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$)"_s);
    const QRegularExpressionMatch m = pattern.match(value);
    if (!m.hasMatch())
        return std::nullopt;
    const double number = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    double factor = static_cast<double>(defaultUnitMs);
    if (unit == u"us")
        factor = 0.001;
    else if (unit == u"ms")
        factor = 1;
    else if (unit == u"s")
        factor = 1000;
    else if (unit == u"min")
        factor = 60000;
    else if (unit == u"h")
        factor = 3600000;
    else if (unit == u"d")
        factor = 86400000;
    return static_cast<qint64>(number * factor);
}

std::optional<bool> AppServerChecks::parseBool(const QString &value)
{
    const QString v = value.trimmed().toLower();
    if (v == u"on" || v == u"true" || v == u"yes" || v == u"1" || v == u"t" || v == u"y")
        return true;
    if (v == u"off" || v == u"false" || v == u"no" || v == u"0" || v == u"f" || v == u"n")
        return false;
    return std::nullopt;
}

base::Diagnostics AppServerChecks::check(const Inputs &in, const project::ServerSettingLookup &lookup)
{
    base::Diagnostics out;
    const auto setting = [&](const QString &name) { return lookup ? lookup(name) : std::nullopt; };
    auto atField = [&](const QString &key, base::Severity severity, const QString &code, const QString &message,
                       const QString &suggestion, const QStringList &related) {
        base::Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.file = in.config.fileName();
        if (const auto f = in.config.field(key)) {
            d.line = f->scalar.line;
            d.column = f->scalar.column;
        }
        d.message = message;
        d.suggestion = suggestion;
        for (const QString &r : related)
            if (!r.isEmpty())
                d.related.append(r);
        return d;
    };
    auto atUrl = [&](base::Severity severity, const QString &code, const QString &message, const QString &suggestion,
                     const QStringList &related) {
        base::Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.file = in.urlFile;
        d.line = in.urlLine;
        d.message = message;
        d.suggestion = suggestion;
        for (const QString &r : related)
            if (!r.isEmpty())
                d.related.append(r);
        return d;
    };

    // 1. Pool budget.
    {
        const auto maxConnections = setting(u"max_connections"_s);
        const auto superuserReserved = setting(u"superuser_reserved_connections"_s);
        const auto reserved = in.pgVersion >= 16 ? setting(u"reserved_connections"_s) : std::nullopt;
        const int max = maxConnections ? maxConnections->value.toInt() : 100;
        const int su = superuserReserved ? superuserReserved->value.toInt() : 3;
        const int res = reserved ? reserved->value.toInt() : 0;
        const int available = max - su - res;
        const int pool = in.config.intValue(u"pool_size"_s).value_or(20);
        const int overflow = in.config.intValue(u"max_overflow"_s).value_or(10);
        const qint64 demand = qint64(in.instances) * in.workers * (pool + overflow) + in.otherClients;
        if (demand > available) {
            out.append(atField(
                u"pool_size"_s, base::Severity::Warning, u"app.pool-budget"_s,
                tr("At peak the app opens %1 connections (%2 instance(s) × %3 worker(s) × (pool_size %4 + max_overflow "
                   "%5)%6) "
                   "but the server admits %7 (max_connections %8 − superuser_reserved_connections %9%10)")
                    .arg(demand)
                    .arg(in.instances)
                    .arg(in.workers)
                    .arg(pool)
                    .arg(overflow)
                    .arg(in.otherClients <= 0 ? QString()
                             : in.otherClientsDetail.isEmpty()
                             ? tr(" + %1 other clients").arg(in.otherClients)
                             : tr(" + %1 other clients: %2").arg(in.otherClients).arg(in.otherClientsDetail))
                    .arg(available)
                    .arg(max)
                    .arg(su)
                    .arg(in.pgVersion >= 16 ? tr(" − reserved_connections %1").arg(res) : QString()),
                tr("Lower pool_size/max_overflow to at most %1 per worker, or raise max_connections (or put PgBouncer "
                   "in front)")
                    .arg(std::max<qint64>(0, (available - in.otherClients) / std::max(1, in.instances * in.workers))),
                {place(maxConnections), in.instancesSource, in.workersSource}));
        }
    }

    if (!in.url.isPostgres() || !in.url.parsed)
        return out;

    // 2. TLS demanded by the URL while the server has ssl = off (its default).
    const QString sslmode = in.url.effectiveSslMode();
    const auto ssl = setting(u"ssl"_s);
    const bool serverSsl = ssl ? parseBool(ssl->value).value_or(false) : false;
    if ((sslmode == u"require" || sslmode == u"verify-ca" || sslmode == u"verify-full") && !serverSsl)
        out.append(atUrl(base::Severity::Error, u"app.ssl-off"_s,
                         tr("The URL requires TLS (sslmode=%1) but the server's postgresql.conf has ssl = off%2; the "
                            "connection fails with \"server does not support SSL, but SSL was required\"")
                             .arg(sslmode, ssl ? QString() : tr(" (the default)")),
                         tr("Set ssl = on with ssl_cert_file and ssl_key_file in postgresql.conf, or lower sslmode "
                            "(development only)"),
                         {place(ssl)}));

    // 3. Port: the server's port, or a host port the compose files publish it on.
    const QStringList hosts = in.url.value(u"host"_s).value_or(QString()).split(u',');
    const QString urlPortText = in.url.value(u"port"_s).value_or(QString()).section(u',', 0, 0);
    const int urlPort = urlPortText.isEmpty() ? 5432 : urlPortText.toInt();
    const auto portSetting = setting(u"port"_s);
    const int serverPort = portSetting ? portSetting->value.toInt() : 5432;
    QList<int> published;
    QStringList publishedPlaces;
    for (const appconfig::ComposeFile &compose : in.composeFiles)
        for (const appconfig::ComposeService &service : compose.services())
            if (service.isPostgres())
                for (const appconfig::ComposePortMapping &mapping : service.ports)
                    if (mapping.containerPort == serverPort && mapping.hostPort > 0) {
                        published.append(mapping.hostPort);
                        publishedPlaces.append(compose.fileName() + u':' + QString::number(mapping.line));
                    }
    if (urlPort != serverPort && !published.contains(urlPort)) {
        QStringList ports;
        for (int p : std::as_const(published))
            ports.append(QString::number(p));
        out.append(
            atUrl(base::Severity::Warning, u"app.port-mismatch"_s,
                  published.isEmpty()
                      ? tr("The URL connects to port %1 but the server listens on port %2").arg(urlPort).arg(serverPort)
                      : tr("The URL connects to port %1 but the server listens on %2 and compose publishes it on %3")
                            .arg(urlPort)
                            .arg(serverPort)
                            .arg(ports.join(u", "_s)),
                  tr("Use port %1 inside the compose network%2")
                      .arg(serverPort)
                      .arg(published.isEmpty() ? QString() : tr(", %1 from the host").arg(ports.join(u", "_s))),
                  QStringList {place(portSetting)} + publishedPlaces));
    }

    // 4. listen_addresses (default 'localhost') must cover the host the app uses.
    const auto listen = setting(u"listen_addresses"_s);
    const QStringList listenList = (listen ? listen->value : u"localhost"_s).split(u',', Qt::SkipEmptyParts);
    QStringList addresses;
    for (const QString &a : listenList)
        addresses.append(a.trimmed());
    const bool listensEverywhere
        = addresses.contains(u"*"_s) || addresses.contains(u"0.0.0.0"_s) || addresses.contains(u"::"_s);
    const bool listensLoopbackOnly = std::all_of(addresses.cbegin(), addresses.cend(), isLoopback);
    for (const QString &host : hosts) {
        if (host.isEmpty() || host.startsWith(u'/') || host.startsWith(u'@') || listensEverywhere)
            continue;
        const bool loopback = isLoopback(host);
        const bool forwarded = !publishedPlaces.isEmpty() && loopback;
        if (!loopback && (listensLoopbackOnly || addresses.isEmpty()) && !forwarded) {
            out.append(atUrl(
                base::Severity::Warning, u"app.listen-addresses"_s,
                tr("The URL connects to \"%1\" but the server listens only on %2 (listen_addresses%3)")
                    .arg(host, addresses.isEmpty() ? tr("Unix sockets") : addresses.join(u", "_s),
                         listen ? QString() : tr(", default")),
                tr("Set listen_addresses = '*' (and restrict access in pg_hba.conf), or connect through localhost"),
                {place(listen)}));
            break;
        }
    }

    // 5. pool_recycle vs idle_session_timeout (PostgreSQL 14+): the server must not close idle pooled connections
    // first.
    const auto idle = in.pgVersion >= 14 ? setting(u"idle_session_timeout"_s) : std::nullopt;
    if (idle) {
        const std::optional<qint64> idleMs = parseDurationMs(idle->value, 1);
        const std::optional<int> recycle = in.config.intValue(u"pool_recycle"_s);
        if (idleMs && *idleMs > 0 && recycle && qint64(*recycle) * 1000 >= *idleMs)
            out.append(atField(
                u"pool_recycle"_s, base::Severity::Warning, u"app.pool-recycle-idle-timeout"_s,
                tr("pool_recycle (%1 s) is not shorter than the server's idle_session_timeout (%2); the server "
                   "closes idle pooled connections first and the app gets \"terminating connection due to "
                   "idle-session timeout\"")
                    .arg(*recycle)
                    .arg(idle->value),
                tr("Set pool_recycle below %1 s, or raise idle_session_timeout").arg(*idleMs / 1000), {place(idle)}));
    }

    // 6. pool_timeout vs statement_timeout: a request may wait pool_timeout for a connection that a
    // statement holds for up to statement_timeout.
    const auto statement = setting(u"statement_timeout"_s);
    if (statement) {
        const std::optional<qint64> statementMs = parseDurationMs(statement->value, 1);
        const std::optional<int> poolTimeout = in.config.intValue(u"pool_timeout"_s);
        if (statementMs && *statementMs > 0 && poolTimeout && *statementMs > qint64(*poolTimeout) * 1000)
            out.append(atField(
                u"pool_timeout"_s, base::Severity::Info, u"app.pool-timeout-statement-timeout"_s,
                tr("Statements may run for up to statement_timeout (%1), longer than requests wait for a "
                   "pooled connection (pool_timeout %2 s): under load, requests time out in the pool "
                   "first")
                    .arg(statement->value)
                    .arg(*poolTimeout),
                tr("Raise pool_timeout above statement_timeout, or lower statement_timeout"), {place(statement)}));
    }
    return out;
}

} // namespace pgdial::core::checks
