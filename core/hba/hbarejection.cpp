#include "hba/hbarejection.h"

#include "hba/hbaanalyzer.h"

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
    HbaRule rule; // the proposal as a rule, to compare with the file's rules
    rule.method = method;
    QString type;
    if (rejection.isLocal()) {
        type = u"local"_s;
        rule.type = HbaConnectionType::Local;
    } else if (rejection.encryption == HbaRejection::Encryption::Ssl) {
        type = u"hostssl"_s;
        rule.type = HbaConnectionType::HostSsl;
    } else if (rejection.encryption == HbaRejection::Encryption::Gss) {
        type = u"hostgssenc"_s;
        rule.type = HbaConnectionType::HostGssEnc;
    } else {
        type = u"host"_s;
        rule.type = HbaConnectionType::Host;
        if (rejection.encryption == HbaRejection::Encryption::None)
            proposal.notes << tr("\"no encryption\" means the client did not use SSL; the rule admits it as it "
                                 "connects today. Better: have the client use sslmode=require and write hostssl "
                                 "instead of host.");
        else
            proposal.notes << tr("the message does not say whether the client used SSL, so the rule takes both.");
    }

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

    proposal.fields << type << (rejection.replication ? u"replication"_s : HbaEditor::quoteName(rejection.database))
                    << HbaEditor::quoteName(rejection.user);
    if (rule.type != HbaConnectionType::Local) {
        const std::optional<HbaIpAddress> client = HbaIpAddress::parse(rejection.host);
        HbaAddress address;
        if (client) {
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
        proposal.fields << address.text;
    }
    proposal.fields << method;
    proposal.ruleText = proposal.fields.join(u' ');
    if (rejection.kind == HbaRejection::Kind::Rejected)
        proposal.notes << tr("a reject rule matched this connection; the new rule goes before it.");

    // Before the first rule that may take any of the proposal's connections with another outcome:
    // that is the rule that would shadow it (for "rejects", the reject rule itself).
    const QList<const HbaRule *> rules = file.validRules();
    for (const HbaRule *existing : rules) {
        if (HbaAnalyzer::mayOverlap(*existing, rule)) {
            if (HbaAnalyzer::sameOutcome(*existing, rule) && HbaAnalyzer::covers(*existing, rule))
                continue; // would admit it the same way (cannot happen for a refused connection)
            proposal.beforeRule = existing;
            proposal.file = existing->file;
            proposal.beforeLine = existing->line;
            return proposal;
        }
    }
    proposal.file = file.mainFile;
    proposal.beforeLine = 0;
    return proposal;
}

HbaEdit HbaRuleProposer::toEdit(const base::TextDocument &document, const HbaRuleProposal &proposal)
{
    const int beforeLine = proposal.beforeLine > 0 ? proposal.beforeLine : document.lineCount() + 1;
    return HbaEditor::insertRule(document, proposal.file, beforeLine, proposal.fields);
}

} // namespace pgdial::core::hba
