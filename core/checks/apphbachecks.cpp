#include "checks/apphbachecks.h"

#include "checks/appclientlocator.h"
#include "checks/appserverchecks.h"
#include "hba/hbamatcher.h"
#include "hba/hbarejection.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace pgdial::core::checks {

namespace {

using hba::HbaTransport;

QString tr(const char *text)
{
    return QCoreApplication::translate("AppHbaChecks", text);
}

QString transportName(HbaTransport transport)
{
    switch (transport) {
    case HbaTransport::Local:
        return tr("over a Unix-domain socket");
    case HbaTransport::Tcp:
        return tr("without SSL");
    case HbaTransport::TcpSsl:
        return tr("with SSL");
    case HbaTransport::TcpGss:
        return tr("with GSSAPI encryption");
    }
    return {};
}

QString rulePlace(const hba::HbaRule &rule)
{
    return rule.file + u':' + QString::number(rule.line);
}

// The transports libpq tries, in order, for an sslmode (gssencmode is left aside: it needs a
// Kerberos credential cache that app containers rarely have). `prefer` only tries SSL when the
// server has it on; `allow` falls back to SSL after a refusal; require and stronger never go without.
QList<HbaTransport> transportsFor(const QString &sslmode, bool serverSsl)
{
    if (sslmode == u"disable" || sslmode == u"false" || sslmode == u"0")
        return {HbaTransport::Tcp};
    if (sslmode == u"allow")
        return serverSsl ? QList<HbaTransport> {HbaTransport::Tcp, HbaTransport::TcpSsl}
                         : QList<HbaTransport> {HbaTransport::Tcp};
    if (sslmode == u"prefer")
        return serverSsl ? QList<HbaTransport> {HbaTransport::TcpSsl, HbaTransport::Tcp}
                         : QList<HbaTransport> {HbaTransport::Tcp};
    return serverSsl ? QList<HbaTransport> {HbaTransport::TcpSsl} : QList<HbaTransport> {};
}

// What the password of a role is stored as when it is set under `password_encryption`.
QString storedPasswordKind(const std::optional<project::ServerSetting> &setting, int pgVersion)
{
    if (!setting)
        return pgVersion >= 14 ? u"scram-sha-256"_s : u"md5"_s;
    const QString value = setting->value.trimmed().toLower();
    // PG13 still took booleans: on means md5.
    if (const std::optional<bool> flag = AppServerChecks::parseBool(value))
        return *flag ? u"md5"_s : u"plain"_s;
    return value;
}

struct Outcome
{
    hba::HbaMatchResult result;
    HbaTransport transport = HbaTransport::Tcp;
    hba::HbaIpAddress address;
};

// Every group a pg_hba.conf names (+group) and every database name: with the role a member of all
// of them, a rule that needs a membership pgdial cannot know about does match.
QStringList everyGroup(const hba::HbaFile &file, const QString &database)
{
    QSet<QString> groups {database};
    for (const hba::HbaRule *rule : file.validRules())
        for (const hba::HbaToken &token : rule->users)
            if (token.kind == hba::HbaTokenKind::Group)
                groups.insert(token.value);
    return QStringList(groups.cbegin(), groups.cend());
}

// What a proposal changes beyond the rule: the client's sslmode (the file's TLS policy), a
// deliberate reject it goes before. Empty for a plain proposal.
QString proposalCaveats(const hba::HbaRuleProposal &proposal)
{
    QString text;
    if (!proposal.clientSslMode.isEmpty())
        text += tr("; the file admits these connections only over TLS, so the URL needs sslmode=%1 or stronger")
                    .arg(proposal.clientSslMode);
    if (proposal.bypassesReject)
        text += tr("; this lets the connection past the reject rule at %1:%2, make sure that is intended")
                    .arg(proposal.file)
                    .arg(proposal.beforeLine);
    return text;
}

} // namespace

base::Diagnostics AppHbaChecks::check(const Inputs &in, const hba::HbaFile &hbaFile, const QString &hbaPath,
                                      const project::ServerSettingLookup &lookup,
                                      const std::function<const base::TextDocument *(const QString &)> &documentFor)
{
    base::Diagnostics out;
    if (!hbaFile.ok)
        return out; // the server would not start with it; the hba checks say why
    const std::optional<AppClient> client = AppClientLocator::locate(in.url, in.composeFiles, hbaPath);
    if (!client)
        return out;

    const auto setting = [&](const QString &name) { return lookup ? lookup(name) : std::nullopt; };
    const auto ssl = setting(u"ssl"_s);
    const bool serverSsl = ssl ? AppServerChecks::parseBool(ssl->value).value_or(false) : false;
    const QString sslmode = in.url.effectiveSslMode();
    const QList<HbaTransport> transports
        = client->local ? QList<HbaTransport> {HbaTransport::Local} : transportsFor(sslmode, serverSsl);
    if (transports.isEmpty())
        return out; // TLS required while the server has ssl = off: app.ssl-off says so
    const auto encryptionSetting = setting(u"password_encryption"_s);
    const QString stored = storedPasswordKind(encryptionSetting, in.pgVersion);
    const QString urlPlace = in.urlFile.isEmpty() ? QString() : in.urlFile + u':' + QString::number(in.urlLine);

    const hba::HbaMatcher matcher(hbaFile);
    const QList<hba::HbaIpAddress> addresses
        = client->local ? QList<hba::HbaIpAddress> {hba::HbaIpAddress {}} : client->addresses;

    // The first transport and address that a rule other than reject takes; else the first refusal.
    auto attemptFor
        = [&](const Role &role, HbaTransport transport, const hba::HbaIpAddress &address, const QStringList &memberOf) {
              hba::HbaConnectionAttempt attempt;
              attempt.transport = transport;
              attempt.database = role.database;
              attempt.user = role.user;
              attempt.memberOf = memberOf;
              attempt.clientAddress = address;
              return attempt;
          };
    auto firstAdmission = [&](const Role &role, const QList<HbaTransport> &tried, const QStringList &memberOf,
                              bool *uncertain) -> std::optional<Outcome> {
        std::optional<Outcome> refusal;
        for (const hba::HbaIpAddress &address : addresses) {
            for (HbaTransport transport : tried) {
                Outcome outcome {matcher.match(attemptFor(role, transport, address, memberOf), false), transport,
                                 address};
                if (outcome.result.uncertain && uncertain)
                    *uncertain = true;
                if (!outcome.result.rejected())
                    return outcome;
                if (!refusal)
                    refusal = outcome;
            }
        }
        return refusal;
    };

    auto make = [&](const Role &role, base::Severity severity, const QString &code, const QString &message,
                    const QString &suggestion, const QStringList &related) {
        base::Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.file = role.file;
        d.line = role.line;
        d.column = role.column;
        d.message = message;
        d.suggestion = suggestion;
        for (const QString &r : related)
            if (!r.isEmpty() && !d.related.contains(r))
                d.related.append(r);
        return d;
    };
    auto who = [](const Role &role) {
        return role.field == u"url" ? tr("The URL's user \"%1\" (database \"%2\")").arg(role.user, role.database)
                                    : tr("%1 \"%2\" (database \"%3\")").arg(role.field, role.user, role.database);
    };

    for (const Role &role : in.roles) {
        if (role.user.isEmpty() || role.database.isEmpty())
            continue;
        bool uncertain = false;
        const std::optional<Outcome> outcome = firstAdmission(role, transports, {}, &uncertain);
        if (uncertain || !outcome)
            continue; // a host-name rule came first and the app's host name is unknown
        const hba::HbaRule *rule = outcome->result.rule;

        if (outcome->result.rejected()) {
            // Would a membership pgdial cannot see (+group, samerole) let it in? Then stay silent.
            bool unused = false;
            const std::optional<Outcome> withGroups
                = firstAdmission(role, transports, everyGroup(hbaFile, role.database), &unused);
            if (withGroups && !withGroups->result.rejected())
                continue;
            const QString refusedBy
                = rule ? tr("line %1 (%2) refuses it").arg(rule->line).arg(rule->method) : tr("no rule matches it");
            const QStringList relatedPlaces {rule ? rulePlace(*rule) : hbaPath, urlPlace, client->composePlace};

            // Only SSL would get in, and the app never tries SSL.
            if (!client->local && !transports.contains(HbaTransport::TcpSsl)) {
                const std::optional<Outcome> overSsl = firstAdmission(role, {HbaTransport::TcpSsl}, {}, nullptr);
                if (overSsl && !overSsl->result.rejected()) {
                    const QString why = serverSsl
                        ? tr("the URL has sslmode=%1").arg(sslmode)
                        : tr("the server has ssl = off, so sslmode=%1 connects without SSL").arg(sslmode);
                    out.append(
                        make(role, base::Severity::Warning, u"app.hba-ssl-required"_s,
                             tr("%1 is admitted from %2 only over SSL (%3:%4, %5), but %6: without SSL %7")
                                 .arg(who(role), client->description, overSsl->result.rule->file)
                                 .arg(overSsl->result.rule->line)
                                 .arg(connectionTypeName(overSsl->result.rule->type), why, refusedBy),
                             serverSsl ? tr("Use sslmode=require (better verify-full with sslrootcert) in the URL")
                                       : tr("Set ssl = on (with ssl_cert_file and ssl_key_file) in postgresql.conf "
                                            "and use sslmode=require in the URL"),
                             QStringList {rulePlace(*overSsl->result.rule),
                                          serverSsl ? QString()
                                                    : (ssl ? ssl->file + u':' + QString::number(ssl->line) : QString())}
                                 + relatedPlaces));
                    continue;
                }
            }

            // Propose the narrowest rule that lets it in, placed where nothing earlier takes it.
            hba::HbaRejection rejection;
            rejection.kind = rule ? hba::HbaRejection::Kind::Rejected : hba::HbaRejection::Kind::NoEntry;
            rejection.host = client->local ? u"[local]"_s : outcome->address.toString();
            rejection.user = role.user;
            rejection.database = role.database;
            rejection.encryption = client->local            ? hba::HbaRejection::Encryption::Unknown
                : transports.contains(HbaTransport::TcpSsl) ? hba::HbaRejection::Encryption::Ssl
                                                            : hba::HbaRejection::Encryption::None;
            const QString method = stored == u"md5" ? u"md5"_s : u"scram-sha-256"_s;
            hba::HbaRuleProposal proposal = hba::HbaRuleProposer::propose(hbaFile, rejection, method);
            if (!client->local && proposal.fields.size() >= 5) {
                proposal.fields[3] = client->addressForRule;
                proposal.ruleText = proposal.fields.join(u' ');
            }
            base::Diagnostic d = make(
                role, base::Severity::Warning, u"app.hba-not-admitted"_s,
                tr("%1 is not admitted from %2 %3: in %4 %5")
                    .arg(who(role), client->description, transportName(outcome->transport), hbaPath, refusedBy),
                (proposal.beforeLine > 0 ? tr("Add \"%1\" to %2 before line %3")
                                               .arg(proposal.ruleText, proposal.file)
                                               .arg(proposal.beforeLine)
                                         : tr("Add \"%1\" to the end of %2").arg(proposal.ruleText, proposal.file))
                    + proposalCaveats(proposal),
                relatedPlaces);
            if (const base::TextDocument *document = documentFor ? documentFor(proposal.file) : nullptr) {
                const hba::HbaEdit edit = hba::HbaRuleProposer::toEdit(*document, proposal);
                d.fix = base::Fix {
                    tr("Add \"%1\" to %2").arg(proposal.ruleText, proposal.file), proposal.file, {edit.edit}};
            }
            out.append(d);
            continue;
        }

        // Admitted: does the rule's method fit the stored passwords and the URL?
        const QStringList related {
            rulePlace(*rule), urlPlace, client->composePlace,
            encryptionSetting ? encryptionSetting->file + u':' + QString::number(encryptionSetting->line) : QString()};
        if (rule->method == u"scram-sha-256" && stored == u"md5") {
            out.append(
                make(role, base::Severity::Warning, u"app.hba-scram-with-md5"_s,
                     tr("%1 gets in through %2 with scram-sha-256, but password_encryption = md5%3 stores "
                        "passwords as MD5 hashes, which SCRAM cannot check: \"password authentication failed "
                        "for user \"%4\"\"")
                         .arg(who(role), rulePlace(*rule),
                              encryptionSetting ? QString() : tr(" (the default before PostgreSQL 14)"), role.user),
                     tr("Set password_encryption = scram-sha-256 and set the role's password again (ALTER ROLE %1 "
                        "PASSWORD ...), or use md5 in the rule until then")
                         .arg(role.user),
                     related));
        } else if (rule->method == u"md5" && stored == u"scram-sha-256") {
            out.append(make(role, base::Severity::Info, u"app.hba-md5-with-scram"_s,
                            tr("%1 gets in through %2 with md5, but password_encryption = scram-sha-256 stores SCRAM "
                               "verifiers, so the server authenticates it with SCRAM anyway; md5 only keeps old MD5 "
                               "hashes working")
                                .arg(who(role), rulePlace(*rule)),
                            tr("Write scram-sha-256 in the rule once every role's password has been set again"),
                            related));
        }
        const std::optional<QString> clientcert = rule->option(u"clientcert"_s);
        const bool needsCertificate
            = rule->method == u"cert" || (clientcert && *clientcert != u"no-verify" && *clientcert != u"0");
        if (needsCertificate && !client->local && !in.url.value(u"sslcert"_s)) {
            out.append(make(
                role, base::Severity::Warning, u"app.hba-client-cert"_s,
                tr("%1 gets in through %2, which requires a client certificate (%3), but the URL names no "
                   "sslcert/sslkey: libpq then sends ~/.postgresql/postgresql.crt of the app's user, or none")
                    .arg(who(role), rulePlace(*rule),
                         rule->method == u"cert" ? u"cert"_s : u"clientcert="_s + clientcert.value_or(QString())),
                tr("Add sslcert=... and sslkey=... (the certificate's CN must be \"%1\") to the URL").arg(role.user),
                related));
        }
    }
    return out;
}

} // namespace pgdial::core::checks
