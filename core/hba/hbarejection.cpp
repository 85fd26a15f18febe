#include "hba/hbarejection.h"

#include "hba/hbaanalyzer.h"
#include "hba/hbamatcher.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HbaRuleProposer", text);
}

HbaRejection::Encryption encryptionFrom(const QString &text)
{
    const QString t = text.trimmed();
    if (t.startsWith(u"no encryption") || t.startsWith(u"SSL off"))
        return HbaRejection::Encryption::None;
    if (t.startsWith(u"SSL encryption") || t.startsWith(u"SSL on"))
        return HbaRejection::Encryption::Ssl;
    if (t.startsWith(u"GSS encryption"))
        return HbaRejection::Encryption::Gss;
    return HbaRejection::Encryption::Unknown;
}

// The narrowest rule for the refused connection: its database, its user, its address /32 or
// /128, its own encryption (`host` when it came without TLS or the message does not say).
HbaRule targetOf(const HbaRejection &rejection)
{
    HbaRule rule;
    if (rejection.isLocal())
        rule.type = HbaConnectionType::Local;
    else if (rejection.encryption == HbaRejection::Encryption::Ssl)
        rule.type = HbaConnectionType::HostSsl;
    else if (rejection.encryption == HbaRejection::Encryption::Gss)
        rule.type = HbaConnectionType::HostGssEnc;
    else
        rule.type = HbaConnectionType::Host;

    HbaToken database;
    if (rejection.replication) {
        database.kind = HbaTokenKind::Replication;
        database.text = database.value = u"replication"_s;
    } else {
        database.kind = HbaTokenKind::Literal;
        database.text = database.value = rejection.database;
    }
    rule.databases = {database};
    HbaToken user;
    user.kind = HbaTokenKind::Literal;
    user.text = user.value = rejection.user;
    rule.users = {user};
    if (rule.type == HbaConnectionType::Local)
        return rule;

    HbaAddress address;
    if (const std::optional<HbaIpAddress> client = HbaIpAddress::parse(rejection.host)) {
        const int bits = client->family == AF_INET6 ? 128 : 32;
        address.kind = HbaAddressKind::Cidr;
        address.family = client->family;
        address.address = client->bytes;
        address.mask = QByteArray(client->bytes.size(), char(0xff));
        address.prefixLength = bits;
        address.text = client->toString() + u'/' + QString::number(bits);
    } else {
        address.kind = HbaAddressKind::HostName;
        address.text = rejection.host;
    }
    rule.address = address;
    return rule;
}

// Why the file wants the `host` rule `target`'s connections over TLS only, or nullopt: a
// `hostnossl ... reject` line that may take them, or every rule admitting its database and user
// over TCP (from any address) is hostssl.
std::optional<QString> tlsPolicy(const QList<const HbaRule *> &rules, const HbaRule &target)
{
    HbaRule plain = target;
    plain.type = HbaConnectionType::HostNoSsl;
    for (const HbaRule *existing : rules) {
        if (existing->type == HbaConnectionType::HostNoSsl && existing->method == u"reject"_s
            && HbaAnalyzer::mayOverlap(*existing, plain))
            return tr("%1:%2 turns away connections without TLS").arg(existing->file).arg(existing->line);
    }
    HbaRule anywhere = target;
    anywhere.address = HbaAddress {};
    anywhere.address->kind = HbaAddressKind::All;
    anywhere.address->text = u"all"_s;
    bool admitsOverTcp = false;
    for (const HbaRule *existing : rules) {
        if (existing->type == HbaConnectionType::Local || existing->method == u"reject"_s
            || !HbaAnalyzer::mayOverlap(*existing, anywhere))
            continue;
        if (existing->type != HbaConnectionType::HostSsl)
            return std::nullopt;
        admitsOverTcp = true;
    }
    if (!admitsOverTcp)
        return std::nullopt;
    return tr("the file admits these connections only over TLS (hostssl)");
}

} // namespace

HbaConnectionAttempt HbaRejection::attempt() const
{
    HbaConnectionAttempt attempt;
    if (isLocal()) {
        attempt.transport = HbaTransport::Local;
    } else {
        attempt.transport = encryption == Encryption::Ssl ? HbaTransport::TcpSsl
            : encryption == Encryption::Gss               ? HbaTransport::TcpGss
                                                          : HbaTransport::Tcp;
        if (const std::optional<HbaIpAddress> address = HbaIpAddress::parse(host))
            attempt.clientAddress = *address;
    }
    attempt.user = user;
    attempt.database = replication ? u"replication"_s : database;
    attempt.physicalReplication = replication;
    return attempt;
}

std::optional<HbaRejection> HbaRejection::parse(const QString &text)
{
    // Names may contain quotes, so anchor on the fixed text between the fields.
    static const QRegularExpression normal(
        uR"re((no pg_hba\.conf entry|pg_hba\.conf rejects connection) for host "(.*?)", user "(.*)", database "(.*)"(?:, ([^\n]*))?)re"_s);
    static const QRegularExpression replication(
        uR"re((no pg_hba\.conf entry for replication connection from|pg_hba\.conf rejects replication connection for) host "(.*?)", user "(.*)"(?:, ([^\n]*))?)re"_s);

    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        if (const QRegularExpressionMatch m = normal.match(line); m.hasMatch()) {
            HbaRejection rejection;
            rejection.kind = m.captured(1).startsWith(u"no ") ? Kind::NoEntry : Kind::Rejected;
            rejection.host = m.captured(2);
            rejection.user = m.captured(3);
            rejection.database = m.captured(4);
            rejection.encryption = encryptionFrom(m.captured(5));
            return rejection;
        }
        if (const QRegularExpressionMatch m = replication.match(line); m.hasMatch()) {
            HbaRejection rejection;
            rejection.kind = m.captured(1).startsWith(u"no ") ? Kind::NoEntry : Kind::Rejected;
            rejection.replication = true;
            rejection.host = m.captured(2);
            rejection.user = m.captured(3);
            rejection.encryption = encryptionFrom(m.captured(4));
            return rejection;
        }
    }
    return std::nullopt;
}

HbaRuleProposal HbaRuleProposer::propose(const HbaFile &file, const HbaRejection &rejection, const QString &method)
{
    HbaRuleProposal proposal;
    HbaRule rule = targetOf(rejection); // the proposal as a rule, to compare with the file's rules
    rule.method = method;
    const QList<const HbaRule *> rules = file.validRules();

    QString type = u"local"_s;
    if (rule.type == HbaConnectionType::HostSsl) {
        type = u"hostssl"_s;
    } else if (rule.type == HbaConnectionType::HostGssEnc) {
        type = u"hostgssenc"_s;
    } else if (rule.type == HbaConnectionType::Host) {
        // A file that turns these connections away without TLS, or admits them only over TLS,
        // gets a hostssl rule: a plain `host` rule would open a hole in that policy.
        if (const std::optional<QString> policy = tlsPolicy(rules, rule)) {
            type = u"hostssl"_s;
            rule.type = HbaConnectionType::HostSsl;
            proposal.clientSslMode = u"require"_s;
            proposal.notes << *policy
                    + tr(": the rule is hostssl, so the client must connect with sslmode=require or stronger "
                         "(verify-full with sslrootcert); the refused attempt came without TLS.");
            HbaConnectionAttempt overTls = rejection.attempt();
            overTls.transport = HbaTransport::TcpSsl;
            const HbaMatchResult result = HbaMatcher(rules).match(overTls, false);
            if (!result.rejected() && !result.uncertain) {
                proposal.admittedOverTls = result.rule;
                proposal.notes << tr("%1:%2 already admits this connection over TLS: with sslmode=require the "
                                     "client gets in without a new rule.")
                                      .arg(result.rule->file)
                                      .arg(result.rule->line);
            }
        } else {
            type = u"host"_s;
            if (rejection.encryption == HbaRejection::Encryption::None)
                proposal.notes << tr("\"no encryption\" means the client did not use SSL; the rule admits it as it "
                                     "connects today. Better: have the client use sslmode=require and write hostssl "
                                     "instead of host.");
            else
                proposal.notes << tr("the message does not say whether the client used SSL, so the rule takes "
                                     "both.");
        }
    }

    proposal.fields << type << (rejection.replication ? u"replication"_s : HbaEditor::quoteName(rejection.database))
                    << HbaEditor::quoteName(rejection.user);
    if (rule.address)
        proposal.fields << rule.address->text;
    proposal.fields << method;
    proposal.ruleText = proposal.fields.join(u' ');

    // Next to the rule that already admits it over TLS, should the user want it anyway.
    if (proposal.admittedOverTls) {
        proposal.beforeRule = proposal.admittedOverTls;
        proposal.file = proposal.admittedOverTls->file;
        proposal.beforeLine = proposal.line = proposal.admittedOverTls->line;
        return proposal;
    }
    // Before the first rule that may take any of the proposal's connections with another outcome:
    // that is the rule that would shadow it (for "rejects", the reject rule itself).
    for (const HbaRule *existing : rules) {
        if (!HbaAnalyzer::mayOverlap(*existing, rule))
            continue;
        if (HbaAnalyzer::sameOutcome(*existing, rule) && HbaAnalyzer::covers(*existing, rule))
            continue; // admits them the same way (over TLS, see admittedOverTls)
        proposal.beforeRule = existing;
        proposal.file = existing->file;
        proposal.beforeLine = existing->line;
        proposal.line = existing->line;
        if (existing->method == u"reject"_s) {
            // Never silently: a reject line is a decision someone made.
            proposal.bypassesReject = true;
            proposal.notes << tr("%1:%2 rejects these connections on purpose; the rule goes before it and lets "
                                 "this connection past it. Add it only if that is what you want.")
                                  .arg(existing->file)
                                  .arg(existing->line);
        }
        return proposal;
    }
    proposal.file = file.mainFile;
    proposal.beforeLine = 0;
    proposal.line = file.mainFile.isEmpty() ? 0 : file.mainFileLines + 1;
    return proposal;
}

HbaEdit HbaRuleProposer::toEdit(const base::TextDocument &document, const HbaRuleProposal &proposal)
{
    const int beforeLine = proposal.beforeLine > 0 ? proposal.beforeLine : document.lineCount() + 1;
    return HbaEditor::insertRule(document, proposal.file, beforeLine, proposal.fields);
}

} // namespace pgdial::core::hba
