#include "probe/proberunner.h"

#include "hba/hbarejection.h"
#include "pgconf/valueparser.h"
#include "probe/hostresolver.h"
#include "probe/messagecatalogue.h"
#include "probe/pgsession.h"
#include "probe/probesocket.h"
#include "probe/serverchecks.h"
#include "probe/tlsinspector.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::probe {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("probe", text);
}

class StageTimer
{
public:
    StageTimer()
        : m_start(ProbeControl::Clock::now())
    { }
    qint64 ms() const
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(ProbeControl::Clock::now() - m_start).count();
    }

private:
    ProbeControl::Clock::time_point m_start;
};

} // namespace

ProbeRunner::ProbeRunner(ProbeOptions options, const ProbeControl &control, StageCallback onStage)
    : m_options(std::move(options))
    , m_control(control)
    , m_onStage(std::move(onStage))
    , m_masker(maskerFor(m_options))
{ }

base::SecretMasker ProbeRunner::maskerFor(const ProbeOptions &options)
{
    base::SecretMasker masker = ConninfoInspector(options.conninfo).masker();
    if (!options.adminConninfo.isEmpty()) {
        const ConninfoInspector admin(options.adminConninfo);
        for (const ConninfoParameter &parameter : admin.parameters())
            if (parameter.secret)
                masker.addSecret(parameter.value);
        masker.addSecretsFrom(options.adminConninfo);
    }
    return masker;
}

void ProbeRunner::add(ProbeStage stage)
{
    // libpq's messages (its parse errors, the admin connection's failure) echo their input.
    stage.maskSecrets(m_masker);
    if (m_onStage)
        m_onStage(stage);
    m_report.stages.append(std::move(stage));
}

void ProbeRunner::skip(const QString &name, const QString &why)
{
    ProbeStage stage;
    stage.name = name;
    stage.status = StageStatus::Skipped;
    stage.detail = why;
    add(stage);
}

ExplainContext ProbeRunner::context(const ConninfoInspector &conninfo)
{
    QString host = conninfo.hosts().value(0);
    if (host.isEmpty())
        host = conninfo.hostaddrs().value(0);
    return {host, conninfo.ports().value(0), conninfo.value(u"user"_s), conninfo.value(u"dbname"_s),
            conninfo.value(u"sslmode"_s)};
}

void ProbeRunner::conclude(ProbeReport &report, const ExplainContext &context)
{
    report.verdict = Verdict::Ok;
    report.failedStage.clear();
    for (const ProbeStage &stage : report.stages) {
        if (stage.status == StageStatus::Fail) {
            report.verdict = stage.verdict;
            report.failedStage = stage.name;
            break;
        }
    }
    Explanation explanation = MessageCatalogue::explain(report.verdict, context);
    if (const ProbeStage *failed = report.stage(report.failedStage)) {
        const QString message = failed->lines.join(u'\n') + u'\n' + failed->detail;
        if (const auto precise = MessageCatalogue::explainMessage(report.verdict, message, context))
            explanation = *precise;
    }
    if (report.verdict == Verdict::Timeout && report.failedStage != u"resolve" && report.failedStage != u"tcp") {
        if (const ProbeStage *tcp = report.stage(u"tcp"_s); tcp && tcp->status == StageStatus::Ok)
            explanation = MessageCatalogue::explainSilentListener(context);
    }
    report.cause = explanation.cause;
    report.fix = explanation.fix;
    if (report.cancelled) {
        report.verdict = Verdict::Other;
        report.cause = tr("The probe was cancelled before it finished.");
        report.fix.clear();
    }
}

ProbeReport ProbeRunner::run()
{
    const ConninfoInspector conninfo(m_options.conninfo);
    m_report.conninfo
        = conninfo.isValid() ? conninfo.maskedConninfo() : ConninfoInspector::maskConninfoText(m_options.conninfo);
    add(conninfo.toStage());
    if (conninfo.isValid()) {
        m_stageTimeoutMs = m_options.stageTimeoutMs;
        bool ok = false;
        const int connectTimeout = conninfo.value(u"connect_timeout"_s).toInt(&ok);
        if (ok && connectTimeout > 0)
            m_stageTimeoutMs = std::min(m_stageTimeoutMs, std::max(connectTimeout, 2) * 1000);
        if (resolveStage(conninfo) && tcpStage()) {
            tlsStage(conninfo);
            authAndSessionStages(conninfo);
        } else {
            for (const QString &name : {u"tcp"_s, u"tls"_s, u"auth"_s, u"session"_s})
                if (!m_report.stage(name))
                    skip(name, tr("an earlier stage failed"));
        }
        checksStage();
    } else {
        for (const QString &name : {u"resolve"_s, u"tcp"_s, u"tls"_s, u"auth"_s, u"session"_s, u"checks"_s})
            skip(name, tr("an earlier stage failed"));
    }
    m_report.cancelled = m_control.cancelled();
    m_report.ms = m_control.elapsedMs();
    conclude(m_report, context(conninfo));
    if (m_report.verdict == Verdict::PasswordFailed && !m_passwordReason.isEmpty()) {
        m_report.cause = m_passwordReason;
        m_report.fix = m_passwordFix;
    }
    locateFix(m_report, m_options, m_serverRuns);
    if (m_report.verdict == Verdict::HbaReject && m_hbaRejectLine > 0) {
        m_report.fixLocation
            = FixLocation {m_options.hbaFile.isEmpty() ? u"pg_hba.conf"_s : m_options.hbaFile, m_hbaRejectLine, {}};
        m_report.cause += u' ' + tr("On the server it is line %1 of pg_hba.conf.").arg(m_hbaRejectLine);
    }
    m_report.maskSecrets(m_masker);
    return m_report;
}

void ProbeRunner::locateFix(ProbeReport &report, const ProbeOptions &options, const QHash<QString, QString> &serverRuns)
{
    const auto setting = [&](const QString &name) {
        return options.serverSettings ? options.serverSettings(name) : std::optional<project::ServerSetting>();
    };
    switch (report.verdict) {
    case Verdict::SslNotSupported:
        if (const auto ssl = setting(u"ssl"_s)) {
            if (!pgconf::ValueParser::parseBool(ssl->value).value_or(false)) {
                report.fixLocation = FixLocation {ssl->file, ssl->line, u"ssl = on"_s};
                return;
            }
            // The file already asks for TLS: editing it again fixes nothing.
            report.fix = tr("%1:%2 already sets ssl = %3, yet the server does not offer TLS: the server does not run "
                            "this file (compare `SHOW config_file`), was not reloaded or restarted since the change "
                            "(`SELECT pg_reload_conf()`), or a pooler or proxy without TLS answers in front of it. "
                            "Otherwise relax sslmode on a trusted network.")
                             .arg(ssl->file)
                             .arg(ssl->line)
                             .arg(ssl->value);
            if (serverRuns.contains(u"ssl"_s))
                report.fix += u' '
                    + tr("The checks stage confirms it: the server runs ssl = %1.").arg(serverRuns.value(u"ssl"_s));
            report.fixLocation = FixLocation {ssl->file, ssl->line, {}};
            return;
        }
        break;
    case Verdict::TooManyClients:
    case Verdict::ReservedSlots:
        // A role's or database's own CONNECTION LIMIT is set in SQL, not in postgresql.conf.
        if (const ProbeStage *auth = report.stage(u"auth"_s);
            auth && auth->lines.join(u'\n').contains(u"too many connections for "_s))
            return;
        if (const auto max = setting(u"max_connections"_s)) {
            report.fixLocation = FixLocation {max->file, max->line, {}};
            return;
        }
        break;
    case Verdict::Refused:
    case Verdict::Timeout:
        if (const auto port = setting(u"port"_s)) {
            const QString probed = ConninfoInspector(options.conninfo).ports().value(0);
            if (!probed.isEmpty() && port->value != probed) {
                report.fix += u' '
                    + tr("The project's postgresql.conf sets port = %1 (%2:%3) but the connection uses port "
                         "%4; that is right only when a container or proxy maps one to the other.")
                          .arg(port->value, port->file)
                          .arg(port->line)
                          .arg(probed);
                if (!options.origin)
                    report.fixLocation = FixLocation {port->file, port->line, {}};
            }
        }
        break;
    case Verdict::HbaNoEntry:
        // The one proposer the hba editor, `hba match --from-error` and the project checks use:
        // a `local` rule for "[local]", placed where the project's file needs it.
        if (const ProbeStage *auth = report.stage(u"auth"_s)) {
            if (const auto rejection = hba::HbaRejection::parse(auth->lines.join(u'\n') + u'\n' + auth->detail)) {
                const hba::HbaFile noFile;
                const hba::HbaRuleProposal proposal
                    = hba::HbaRuleProposer::propose(options.hbaRules ? *options.hbaRules : noFile, *rejection);
                if (proposal.admittedOverTls) {
                    report.fix += u' '
                        + tr("%1:%2 admits this connection over TLS: connect with sslmode=require or stronger.")
                              .arg(proposal.admittedOverTls->file)
                              .arg(proposal.admittedOverTls->line);
                    report.fixLocation = FixLocation {options.origin ? options.origin->file : QString(),
                                                      options.origin ? options.origin->line : 0,
                                                      {}};
                    if (report.fixLocation->file.isEmpty())
                        report.fixLocation.reset();
                    return;
                }
                report.fix += u' ' + tr("A rule that lets this connection in: %1").arg(proposal.ruleText);
                // The file's TLS policy and deliberate rejects are said, never silently worked around.
                if (!proposal.clientSslMode.isEmpty() || proposal.bypassesReject)
                    report.fix += u" ("_s + proposal.notes.join(u' ') + u')';
                if (!proposal.file.isEmpty() && proposal.line > 0)
                    report.fixLocation = FixLocation {proposal.file, proposal.line, proposal.ruleText};
            }
        }
        return;
    default:
        break;
    }
    // Everything the client decides (host, port, user, password, database, sslmode) is in the URL.
    switch (report.verdict) {
    case Verdict::Ok:
    case Verdict::HbaNoEntry:
    case Verdict::HbaReject:
    case Verdict::NoConnectPrivilege:
    case Verdict::RoleCannotLogin:
    case Verdict::ServerStarting:
    case Verdict::Other:
        return;
    default:
        if (options.origin)
            report.fixLocation = FixLocation {options.origin->file, options.origin->line, {}};
    }
}

bool ProbeRunner::resolveStage(const ConninfoInspector &conninfo)
{
    const StageTimer timer;
    ProbeStage stage;
    stage.name = u"resolve"_s;
    const QStringList hosts = conninfo.hosts();
    const QStringList hostaddrs = conninfo.hostaddrs();
    const QStringList ports = conninfo.ports();
    if (ports.size() != std::max(hosts.size(), hostaddrs.size())) {
        stage.status = StageStatus::Fail;
        stage.verdict = Verdict::InvalidConninfo;
        stage.detail = tr("could not match %1 port numbers to %2 hosts").arg(ports.size()).arg(hosts.size());
        stage.ms = timer.ms();
        add(stage);
        return false;
    }
    int failed = 0;
    bool timedOut = false;
    QJsonArray facts;
    for (qsizetype i = 0; i < ports.size(); ++i) {
        const QString host = hosts.value(i);
        const QString hostaddr = hostaddrs.value(i);
        const int port = ports.at(i).toInt();
        const QString label = host.isEmpty() ? hostaddr : host;
        QList<SocketAddress> found;
        if (!hostaddr.isEmpty()) {
            if (const auto numeric = HostResolver::numeric(hostaddr, port))
                found.append(*numeric);
        } else if (host.startsWith(u'/')) {
            found.append(HostResolver::unixSocket(host, port));
        } else if (const auto numeric = HostResolver::numeric(host, port)) {
            found.append(*numeric);
        } else {
            const Resolution resolution
                = HostResolver::resolve(host, port, m_control.budgetMs(m_stageTimeoutMs), m_control);
            found = resolution.addresses;
            if (resolution.outcome != Resolution::Outcome::Resolved) {
                ++failed;
                timedOut = timedOut || resolution.outcome == Resolution::Outcome::TimedOut;
                stage.lines.append(tr("%1: not resolved (%2)").arg(host, resolution.error));
                facts.append(QJsonObject {{u"host"_s, host}, {u"error"_s, resolution.error}});
                if (m_control.stopped())
                    break;
                continue;
            }
        }
        QStringList texts;
        QJsonArray addressFacts;
        for (SocketAddress &address : found)
            address.host = host.isEmpty() ? hostaddr : host;
        for (const SocketAddress &address : std::as_const(found)) {
            texts.append(address.text);
            addressFacts.append(address.text);
        }
        stage.lines.append(u"%1 -> %2"_s.arg(label, texts.join(u", "_s)));
        facts.append(QJsonObject {{u"host"_s, label}, {u"port"_s, port}, {u"addresses"_s, addressFacts}});
        m_addresses += found;
    }
    stage.facts.insert(u"hosts"_s, facts);
    stage.ms = timer.ms();
    if (m_addresses.isEmpty()) {
        stage.status = StageStatus::Fail;
        stage.verdict = timedOut ? Verdict::Timeout : Verdict::UnknownHost;
        stage.detail = timedOut ? tr("the resolver did not answer in time") : tr("no host name resolves");
        if (m_control.cancelled())
            stage.detail = tr("cancelled");
    } else {
        stage.status = failed > 0 ? StageStatus::Warn : StageStatus::Ok;
        stage.verdict = failed > 0 ? Verdict::UnknownHost : Verdict::Ok;
        stage.detail = tr("%1 address(es)").arg(m_addresses.size());
    }
    add(stage);
    return !m_addresses.isEmpty();
}

bool ProbeRunner::tcpStage()
{
    const StageTimer timer;
    ProbeStage stage;
    stage.name = u"tcp"_s;
    int refused = 0;
    int timedOut = 0;
    QJsonArray facts;
    for (const SocketAddress &address : std::as_const(m_addresses)) {
        if (m_control.stopped())
            break;
        const StageTimer attempt;
        ProbeSocket socket;
        const ProbeSocket::Outcome outcome = socket.connectTo(address, m_control.budgetMs(m_stageTimeoutMs), m_control);
        QString result;
        switch (outcome) {
        case ProbeSocket::Outcome::Ok:
            result = tr("connected");
            if (!m_reachable)
                m_reachable = address;
            m_reachableAddresses.append(address);
            break;
        case ProbeSocket::Outcome::Refused:
            ++refused;
            result = tr("refused (%1)").arg(socket.errorString());
            break;
        case ProbeSocket::Outcome::TimedOut:
            ++timedOut;
            result = tr("timed out (%1)").arg(socket.errorString());
            break;
        case ProbeSocket::Outcome::Cancelled:
            result = tr("cancelled");
            break;
        default:
            result = tr("failed (%1)").arg(socket.errorString());
            break;
        }
        stage.lines.append(tr("%1: %2 in %3 ms").arg(address.display(), result).arg(attempt.ms()));
        facts.append(QJsonObject {{u"address"_s, address.display()},
                                  {u"ok"_s, outcome == ProbeSocket::Outcome::Ok},
                                  {u"result"_s, result},
                                  {u"ms"_s, attempt.ms()}});
    }
    stage.facts.insert(u"attempts"_s, facts);
    stage.ms = timer.ms();
    if (m_reachable) {
        stage.status = (refused + timedOut) > 0 ? StageStatus::Warn : StageStatus::Ok;
        stage.verdict = refused > 0 ? Verdict::Refused : (timedOut > 0 ? Verdict::Timeout : Verdict::Ok);
        stage.detail = tr("%1 accepts connections").arg(m_reachable->display());
    } else {
        stage.status = StageStatus::Fail;
        stage.verdict = timedOut > 0 || m_control.expired() ? Verdict::Timeout
            : refused > 0                                   ? Verdict::Refused
                                                            : Verdict::Other;
        stage.detail = m_control.cancelled() ? tr("cancelled") : tr("no address accepts connections");
    }
    add(stage);
    return m_reachable.has_value();
}

void ProbeRunner::tlsStage(const ConninfoInspector &conninfo)
{
    const QString sslmode = conninfo.value(u"sslmode"_s);
    if (sslmode == u"disable") {
        skip(u"tls"_s, tr("sslmode=disable"));
        return;
    }
    if (m_reachable->isUnix()) {
        skip(u"tls"_s, tr("Unix-domain socket: libpq does not use TLS there"));
        return;
    }
    // libpq moves on to the next address when TLS fails on one, so every reachable address is
    // inspected: a good first address hides nothing, a bad one behind it is still reported.
    const StageTimer timer;
    QList<ProbeStage> results;
    QList<SocketAddress> inspected;
    for (const SocketAddress &address : std::as_const(m_reachableAddresses)) {
        if (address.isUnix())
            continue;
        if (!results.isEmpty() && m_control.stopped())
            break;
        TlsRequest request;
        request.address = address;
        request.host = address.host.isEmpty() ? address.text : address.host;
        request.sslmode = sslmode;
        request.sslrootcert = conninfo.value(u"sslrootcert"_s);
        request.sslsni = conninfo.value(u"sslsni"_s) != u"0";
        request.timeoutMs = m_control.budgetMs(m_stageTimeoutMs);
        results.append(TlsInspector::inspect(request, m_control));
        inspected.append(address);
    }
    if (results.size() == 1) {
        add(results.first());
        return;
    }
    add(combineTlsResults(results, inspected, timer.ms()));
}

ProbeStage ProbeRunner::combineTlsResults(const QList<ProbeStage> &results, const QList<SocketAddress> &addresses,
                                          qint64 ms)
{
    ProbeStage stage;
    stage.name = u"tls"_s;
    stage.ms = ms;
    QJsonArray perAddress;
    int good = 0;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const ProbeStage &result = results.at(i);
        const SocketAddress &address = addresses.at(i);
        const bool usable = result.status == StageStatus::Ok || result.status == StageStatus::Warn;
        if (usable)
            ++good;
        const QString label = address.host.isEmpty() || address.host == address.text
            ? address.display()
            : u"%1 (%2)"_s.arg(address.display(), address.host);
        stage.lines.append(u"%1: %2: %3"_s.arg(label, stageStatusId(result.status), result.detail));
        QJsonObject facts = result.facts;
        facts.insert(u"address"_s, label);
        facts.insert(u"status"_s, stageStatusId(result.status));
        facts.insert(u"detail"_s, result.detail);
        facts.insert(u"lines"_s, QJsonArray::fromStringList(result.lines));
        if (result.status == StageStatus::Fail || result.status == StageStatus::Warn)
            facts.insert(u"verdict"_s, verdictId(result.verdict));
        perAddress.append(facts);
    }
    // libpq uses the first address that accepts TCP, and a TLS failure there ends the attempt
    // (it moves on only after network-level failures), so the first address decides; the others
    // are what a failover to them would meet.
    const ProbeStage &first = results.first();
    stage.facts = first.facts;
    stage.facts.insert(u"addresses"_s, perAddress);
    if (first.status == StageStatus::Fail || first.status == StageStatus::Skipped) {
        stage.status = first.status;
        stage.verdict = first.verdict;
        stage.detail = tr("%1: %2 (libpq does not try the next address after a TLS failure)")
                           .arg(addresses.first().display(), first.detail);
    } else if (good == results.size()) {
        const auto warned = std::find_if(results.cbegin(), results.cend(),
                                         [](const ProbeStage &r) { return r.status == StageStatus::Warn; });
        stage.status = warned != results.cend() ? StageStatus::Warn : StageStatus::Ok;
        stage.verdict = warned != results.cend() ? warned->verdict : Verdict::Ok;
        stage.detail = tr("%1 on all %2 addresses").arg(first.detail).arg(results.size());
    } else {
        const auto failed = std::find_if(results.cbegin(), results.cend(),
                                         [](const ProbeStage &r) { return r.status == StageStatus::Fail; });
        stage.status = StageStatus::Warn;
        stage.verdict = failed->verdict;
        stage.detail = tr("%1 (used); %2 of %3 addresses pass, %4 fails: %5")
                           .arg(first.detail)
                           .arg(good)
                           .arg(results.size())
                           .arg(addresses.at(failed - results.cbegin()).display(), failed->detail);
    }
    return stage;
}

void ProbeRunner::authAndSessionStages(const ConninfoInspector &conninfo)
{
    if (m_control.stopped()) {
        skip(u"auth"_s, m_control.cancelled() ? tr("cancelled") : tr("out of time"));
        skip(u"session"_s, tr("an earlier stage failed"));
        return;
    }
    StageTimer timer;
    ProbeStage auth;
    auth.name = u"auth"_s;
    PgSession session;
    const bool connected = session.connect(m_options.conninfo, m_control);
    auth.ms = timer.ms();
    if (connected) {
        auth.status = StageStatus::Ok;
        auth.detail = tr("authenticated as %1%2")
                          .arg(QString::fromUtf8(PQuser(session.conn())),
                               PQconnectionUsedPassword(session.conn()) ? tr(" with a password") : QString());
        auth.facts.insert(u"used_password"_s, bool(PQconnectionUsedPassword(session.conn())));
    } else if (!session.finished()) {
        auth.status = StageStatus::Fail;
        auth.verdict = Verdict::Timeout;
        auth.detail = m_control.cancelled() ? tr("cancelled") : tr("the server did not finish the start-up in time");
    } else {
        const QString message = session.error();
        auth.status = StageStatus::Fail;
        auth.verdict = MessageCatalogue::classify(message);
        for (const QString &attempt : MessageCatalogue::attempts(message))
            auth.lines.append(ConninfoInspector::maskConninfoText(attempt));
        auth.detail = auth.lines.value(auth.lines.size() - 1);
        // A verdict the earlier stages already explain in more detail keeps theirs.
        if (const ProbeStage *tls = m_report.stage(u"tls"_s);
            tls && tls->status == StageStatus::Fail && auth.verdict == Verdict::Other)
            auth.verdict = tls->verdict;
    }
    const QString passwordSource = conninfo.source(u"password"_s);
    auth.facts.insert(u"password_source"_s, passwordSource.isEmpty() ? QJsonValue() : QJsonValue(passwordSource));
    add(auth);
    if (!connected) {
        skip(u"session"_s, tr("not connected"));
        return;
    }
    sessionStage(session);
}

void ProbeRunner::sessionStage(PgSession &session)
{
    const StageTimer timer;
    ProbeStage stage;
    stage.name = u"session"_s;
    PGconn *c = session.conn();
    const int version = PQserverVersion(c);
    const bool ssl = PQsslInUse(c);
    stage.facts.insert(u"server_version"_s, version);
    stage.facts.insert(u"ssl_in_use"_s, ssl);
    stage.lines.append(tr("server version %1.%2").arg(version / 10000).arg(version % 10000));
    if (ssl) {
        const QString protocol = QString::fromUtf8(PQsslAttribute(c, "protocol"));
        const QString cipher = QString::fromUtf8(PQsslAttribute(c, "cipher"));
        stage.facts.insert(u"ssl_protocol"_s, protocol);
        stage.facts.insert(u"ssl_cipher"_s, cipher);
        stage.lines.append(tr("TLS in use: %1, %2").arg(protocol, cipher));
    } else {
        stage.lines.append(tr("TLS not in use"));
    }
    const auto rows = session.query(
        u"select current_user, current_database(), pg_is_in_recovery(), current_setting('max_connections'),"
        " (select count(*) from pg_stat_activity where backend_type = 'client backend'),"
        " current_setting('superuser_reserved_connections')"_s,
        {}, m_control);
    if (rows && rows->size() == 1 && rows->first().size() == 6) {
        const QStringList &row = rows->first();
        stage.facts.insert(u"current_user"_s, row.at(0));
        stage.facts.insert(u"current_database"_s, row.at(1));
        stage.facts.insert(u"in_recovery"_s, row.at(2) == u"t");
        stage.facts.insert(u"max_connections"_s, row.at(3).toInt());
        stage.facts.insert(u"connections_in_use"_s, row.at(4).toInt());
        stage.facts.insert(u"superuser_reserved_connections"_s, row.at(5).toInt());
        stage.lines.append(tr("current user %1, database %2").arg(row.at(0), row.at(1)));
        stage.lines.append(row.at(2) == u"t" ? tr("in recovery (a standby: read-only)")
                                             : tr("not in recovery (primary)"));
        stage.lines.append(
            tr("%1 of max_connections %2 in use (%3 reserved for superusers)").arg(row.at(4), row.at(3), row.at(5)));
        stage.status = StageStatus::Ok;
        const int free = row.at(3).toInt() - row.at(5).toInt() - row.at(4).toInt();
        if (free <= 1) {
            stage.status = StageStatus::Warn;
            stage.verdict = free <= 0 ? Verdict::ReservedSlots : Verdict::TooManyClients;
        }
        stage.detail = tr("PostgreSQL %1, %2, %3/%4 connections")
                           .arg(version / 10000)
                           .arg(ssl ? tr("TLS") : tr("no TLS"))
                           .arg(row.at(4), row.at(3));
    } else {
        stage.status = StageStatus::Warn;
        stage.verdict = Verdict::Other;
        stage.detail = tr("connected, but the session facts could not be read: %1").arg(session.error());
    }
    stage.ms = timer.ms();
    add(stage);
}

void ProbeRunner::checksStage()
{
    if (m_options.adminConninfo.isEmpty()) {
        skip(u"checks"_s, tr("no admin connection given"));
        return;
    }
    if (m_control.stopped()) {
        skip(u"checks"_s, m_control.cancelled() ? tr("cancelled") : tr("out of time"));
        return;
    }
    const ProbeStage *auth = m_report.stage(u"auth"_s);
    const Verdict authVerdict = auth && auth->status == StageStatus::Fail ? auth->verdict : Verdict::Ok;
    ServerChecks::Outcome outcome
        = ServerChecks::run(m_options, authVerdict, context(ConninfoInspector(m_options.conninfo)), m_control);
    m_passwordReason = outcome.passwordReason;
    m_passwordFix = outcome.passwordFix;
    m_hbaRejectLine = outcome.hbaLine;
    m_serverRuns = outcome.serverRuns;
    add(outcome.stage);
}

} // namespace pgdial::core::probe
