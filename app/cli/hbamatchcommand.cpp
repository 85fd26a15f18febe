#include "cli/hbamatchcommand.h"

#include "hba/hbamatcher.h"
#include "hba/hbaparser.h"
#include "hba/hbarejection.h"
#include "project/projectsettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

namespace {

QString tokenList(const QList<core::hba::HbaToken> &tokens)
{
    QStringList parts;
    for (const core::hba::HbaToken &token : tokens)
        parts.append(token.quoted ? u'"' + token.text + u'"' : token.text);
    return parts.join(u',');
}

QString ruleText(const core::hba::HbaRule &rule)
{
    QStringList fields {core::hba::connectionTypeName(rule.type), tokenList(rule.databases), tokenList(rule.users)};
    if (rule.address) {
        fields.append(rule.address->text);
        if (rule.address->hasNetmaskColumn)
            fields.append(rule.address->netmaskText);
    }
    fields.append(rule.method);
    for (const core::hba::HbaOption &option : rule.options)
        fields.append(option.name + u'=' + option.value);
    return fields.join(u' ');
}

QJsonObject ruleJson(const core::hba::HbaRule &rule)
{
    QJsonArray databases;
    for (const auto &token : rule.databases)
        databases.append(token.text);
    QJsonArray users;
    for (const auto &token : rule.users)
        users.append(token.text);
    QJsonObject object {{u"file_name"_s, rule.file},
                        {u"line_number"_s, rule.line},
                        {u"type"_s, core::hba::connectionTypeName(rule.type)},
                        {u"database"_s, databases},
                        {u"user_name"_s, users},
                        {u"auth_method"_s, rule.method},
                        {u"options"_s, QJsonArray::fromStringList(rule.viewOptions())},
                        {u"text"_s, ruleText(rule)}};
    if (rule.address) {
        object.insert(u"address"_s, rule.address->addressString());
        const QString netmask = rule.address->netmaskString();
        object.insert(u"netmask"_s, netmask.isEmpty() ? QJsonValue() : QJsonValue(netmask));
    }
    return object;
}

QString translate(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

} // namespace

QString HbaMatchCommand::name() const
{
    return u"hba match"_s;
}

QString HbaMatchCommand::summary() const
{
    return translate("Show which pg_hba.conf rule a connection attempt hits, and why earlier ones do not.");
}

int HbaMatchCommand::run(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption type(u"type"_s,
                                  translate("Connection: local, host, hostssl, hostnossl, hostgssenc or hostnogssenc."),
                                  u"TYPE"_s, u"host"_s);
    const QCommandLineOption database(u"database"_s, translate("Database name."), u"D"_s);
    const QCommandLineOption user(u"user"_s, translate("Role name."), u"U"_s);
    const QCommandLineOption roles(
        u"roles"_s, translate("Roles the user is a member of (directly or not), comma-separated."), u"a,b"_s);
    const QCommandLineOption address(u"address"_s, translate("Client IP address (TCP)."), u"IP"_s, u"127.0.0.1"_s);
    const QCommandLineOption hostName(u"host-name"_s, translate("Client host name, when reverse DNS gives one."),
                                      u"N"_s);
    const QCommandLineOption ssl(u"ssl"_s, translate("The client uses SSL."));
    const QCommandLineOption gss(u"gss"_s, translate("The client uses GSSAPI encryption."));
    const QCommandLineOption replication(u"replication"_s, translate("A physical replication connection."));
    const QCommandLineOption noUser(u"no-such-role"_s, translate("The role does not exist on the server."));
    const QCommandLineOption version = pgVersionOption();
    const QCommandLineOption json(u"json"_s, translate("Print JSON."));
    const QCommandLineOption fromError(
        u"from-error"_s,
        translate("Take the attempt from a server message (\"no pg_hba.conf entry for host ...\" or \"pg_hba.conf "
                  "rejects connection ...\") and propose the rule that admits it."),
        u"MESSAGE"_s);
    const QCommandLineOption method(u"method"_s, translate("Method for the proposed rule (default scram-sha-256)."),
                                    u"METHOD"_s, u"scram-sha-256"_s);
    parser.addOptions({type, database, user, roles, address, hostName, ssl, gss, replication, noUser, version, json,
                       fromError, method, buildFeaturesOption()});
    parser.addPositionalArgument(u"file"_s, translate("The pg_hba.conf file."), u"FILE"_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;

    if (parser.positionalArguments().size() != 1) {
        output.err(translate("pgdial-cli: hba match takes one FILE\n"));
        return ExitUsage;
    }
    const std::optional<int> requestedVersion = pgVersionFrom(parser, output);
    if (!requestedVersion)
        return ExitUsage;
    const int pgVersion = *requestedVersion;
    std::optional<core::hba::HbaRejection> rejection;
    if (parser.isSet(fromError)) {
        rejection = core::hba::HbaRejection::parse(parser.value(fromError));
        if (!rejection) {
            output.err(translate("pgdial-cli: --from-error: no \"no pg_hba.conf entry\" or \"rejects connection\" "
                                 "message found\n"));
            return ExitUsage;
        }
    }
    if (!rejection && (!parser.isSet(user) || (!parser.isSet(database) && !parser.isSet(replication)))) {
        output.err(translate("pgdial-cli: hba match needs --user and --database (or --replication)\n"));
        return ExitUsage;
    }

    core::hba::HbaConnectionAttempt attempt;
    const QString typeName = parser.value(type);
    const std::optional<core::hba::HbaConnectionType> connectionType = core::hba::connectionTypeFromName(typeName);
    if (!connectionType) {
        output.err(translate("pgdial-cli: unknown --type \"%1\"\n").arg(typeName));
        return ExitUsage;
    }
    using core::hba::HbaConnectionType;
    using core::hba::HbaTransport;
    switch (*connectionType) {
    case HbaConnectionType::Local:
        attempt.transport = HbaTransport::Local;
        break;
    case HbaConnectionType::HostSsl:
        attempt.transport = HbaTransport::TcpSsl;
        break;
    case HbaConnectionType::HostGssEnc:
        attempt.transport = HbaTransport::TcpGss;
        break;
    default:
        attempt.transport = parser.isSet(ssl) ? HbaTransport::TcpSsl
            : parser.isSet(gss)               ? HbaTransport::TcpGss
                                              : HbaTransport::Tcp;
        break;
    }
    if (parser.isSet(ssl) && attempt.transport == HbaTransport::Local) {
        output.err(translate("pgdial-cli: --ssl needs a TCP --type\n"));
        return ExitUsage;
    }
    attempt.database = parser.isSet(replication) && !parser.isSet(database) ? u"replication"_s : parser.value(database);
    attempt.user = parser.value(user);
    attempt.memberOf = parser.value(roles).split(u',', Qt::SkipEmptyParts);
    attempt.physicalReplication = parser.isSet(replication);
    attempt.userExists = !parser.isSet(noUser);
    if (parser.isSet(hostName))
        attempt.clientHostName = parser.value(hostName);
    if (rejection) {
        const QStringList memberOf = attempt.memberOf;
        attempt = rejection->attempt();
        attempt.memberOf = memberOf;
        attempt.userExists = !parser.isSet(noUser);
    } else if (attempt.transport != HbaTransport::Local) {
        const std::optional<core::hba::HbaIpAddress> client = core::hba::HbaIpAddress::parse(parser.value(address));
        if (!client) {
            output.err(translate("pgdial-cli: --address must be a numeric IPv4 or IPv6 address\n"));
            return ExitUsage;
        }
        attempt.clientAddress = *client;
    }

    const QString path = parser.positionalArguments().first();
    if (!QFileInfo(path).isFile()) {
        output.err(translate("pgdial-cli: cannot read \"%1\"\n").arg(path));
        return ExitUsage;
    }
    const core::hba::HbaParseOptions options
        = core::hba::HbaParseOptions::forServer(pgVersion, buildFeaturesFrom(parser));
    const core::hba::HbaFile file = core::hba::HbaParser::parseFile(path, options);
    core::hba::HbaMatcher matcher(file);
    matcher.setInterfaces(core::hba::HbaMatcher::machineInterfaces());
    const core::hba::HbaMatchResult result = matcher.match(attempt);
    std::optional<core::hba::HbaRuleProposal> proposal;
    if (rejection && result.rejected())
        proposal = core::hba::HbaRuleProposer::propose(file, *rejection, parser.value(method));

    if (parser.isSet(json)) {
        QJsonArray trace;
        for (const core::hba::HbaRuleTrace &step : result.trace)
            trace.append(QJsonObject {{u"file_name"_s, step.rule->file},
                                      {u"line_number"_s, step.rule->line},
                                      {u"mismatch"_s, core::hba::HbaMatcher::mismatchName(step.mismatch)},
                                      {u"reason"_s, step.reason}});
        QJsonObject report {{u"ok"_s, file.ok},
                            {u"matched"_s, result.rule != nullptr},
                            {u"admitted"_s, !result.rejected()},
                            {u"uncertain"_s, result.uncertain},
                            {u"rule"_s, result.rule ? QJsonValue(ruleJson(*result.rule)) : QJsonValue()},
                            {u"trace"_s, trace}};
        if (proposal) {
            report.insert(
                u"proposal"_s,
                QJsonObject {{u"rule"_s, proposal->ruleText},
                             {u"file_name"_s, proposal->file},
                             {u"insert_before_line"_s,
                              proposal->beforeLine > 0 ? QJsonValue(proposal->beforeLine) : QJsonValue()},
                             {u"client_sslmode"_s,
                              proposal->clientSslMode.isEmpty() ? QJsonValue() : QJsonValue(proposal->clientSslMode)},
                             {u"bypasses_reject"_s, proposal->bypassesReject},
                             {u"notes"_s, QJsonArray::fromStringList(proposal->notes)}});
        }
        output.out(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else {
        QString text;
        if (!file.ok)
            text += translate("note: the server would refuse this file (see `pgdial-cli hba lint`); simulating its "
                              "valid lines\n");
        for (const core::hba::HbaRuleTrace &step : result.trace)
            text += u"  %1:%2: skip: %3\n      %4\n"_s.arg(step.rule->file)
                        .arg(step.rule->line)
                        .arg(step.reason, ruleText(*step.rule));
        if (result.rule) {
            text += u"%1:%2: %3\n      %4\n"_s.arg(result.rule->file)
                        .arg(result.rule->line)
                        .arg(result.rejected()
                                 ? translate("match: the rule rejects the connection")
                                 : translate("match: authentication with method \"%1\"").arg(result.rule->method),
                             ruleText(*result.rule));
        } else {
            text += translate("no rule matches: the server refuses the connection (\"no pg_hba.conf entry\")\n");
        }
        if (result.uncertain)
            text += translate("note: host-name rules were skipped because --host-name was not given\n");
        if (proposal) {
            text += proposal->beforeLine > 0
                ? translate("proposal: insert before %1:%2:\n").arg(proposal->file).arg(proposal->beforeLine)
                : translate("proposal: append to %1:\n").arg(proposal->file);
            text += u"    "_s + proposal->ruleText + u'\n';
            for (const QString &note : proposal->notes)
                text += translate("note: %1\n").arg(note);
        }
        output.out(text);
    }
    return result.rejected() ? ExitProblems : ExitClean;
}

} // namespace pgdial::cli
