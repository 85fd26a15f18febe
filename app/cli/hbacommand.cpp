#include "cli/hbacommand.h"

#include "base/diagnosticformatter.h"
#include "cli/hbaeditcommand.h"
#include "cli/hbalintcommand.h"
#include "cli/hbamatchcommand.h"
#include "hba/hbaparser.h"
#include "project/projectsettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

QJsonValue textOrNull(const QString &text, bool present)
{
    return present ? QJsonValue(text) : QJsonValue(QJsonValue::Null);
}

QJsonValue arrayOrNull(const QStringList &values)
{
    return values.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonArray::fromStringList(values));
}

// One row with the columns and meaning of pg_hba_file_rules.
QJsonObject ruleRow(const core::hba::HbaRule &rule, int pgVersion)
{
    QJsonObject row {{u"line_number"_s, rule.line}, {u"file_name"_s, rule.file}};
    if (pgVersion >= 16)
        row.insert(u"rule_number"_s, rule.hasError() ? QJsonValue(QJsonValue::Null) : QJsonValue(rule.ruleNumber));
    if (rule.hasError()) {
        for (const char16_t *column :
             {u"type", u"database", u"user_name", u"address", u"netmask", u"auth_method", u"options"})
            row.insert(QString::fromUtf16(column), QJsonValue::Null);
        row.insert(u"error"_s, rule.error);
        return row;
    }
    QStringList databases, users;
    for (const auto &token : rule.databases)
        databases << token.text;
    for (const auto &token : rule.users)
        users << token.text;
    const bool cidr = rule.address && rule.address->kind == core::hba::HbaAddressKind::Cidr;
    row.insert(u"type"_s, core::hba::connectionTypeName(rule.type));
    row.insert(u"database"_s, arrayOrNull(databases));
    row.insert(u"user_name"_s, arrayOrNull(users));
    row.insert(u"address"_s,
               textOrNull(rule.address ? rule.address->addressString() : QString(), rule.address.has_value()));
    row.insert(u"netmask"_s, textOrNull(cidr ? rule.address->netmaskString() : QString(), cidr));
    row.insert(u"auth_method"_s, rule.method);
    row.insert(u"options"_s, arrayOrNull(rule.viewOptions()));
    row.insert(u"error"_s, textOrNull(rule.error, !rule.error.isEmpty()));
    return row;
}

QString ruleLine(const core::hba::HbaRule &rule)
{
    const QString where = rule.file + u':' + QString::number(rule.line);
    if (rule.hasError())
        return where + u"  ERROR: "_s + rule.error + u'\n';
    QStringList databases, users;
    for (const auto &token : rule.databases)
        databases << token.text;
    for (const auto &token : rule.users)
        users << token.text;
    QStringList fields {core::hba::connectionTypeName(rule.type), databases.join(u','), users.join(u',')};
    if (rule.address) {
        fields << rule.address->addressString();
        if (rule.address->kind == core::hba::HbaAddressKind::Cidr)
            fields << rule.address->netmaskString();
    }
    fields << rule.method << rule.viewOptions();
    QString line = where + u"  "_s + fields.join(u' ');
    if (!rule.error.isEmpty())
        line += u"  (note: "_s + rule.error + u')';
    return line + u'\n';
}

} // namespace

QString HbaCommand::name() const
{
    return u"hba"_s;
}

QString HbaCommand::summary() const
{
    return translate(
        "Read a pg_hba.conf like the server (hba FILE), simulate a connection (hba match), lint (hba lint), "
        "edit a rule (hba edit).");
}

int HbaCommand::run(const QStringList &arguments, const CliOutput &output)
{
    // arguments: "pgdial-cli hba", then either a sub-command or FILE and options.
    const QString first = arguments.value(1);
    if (first == u"match" || first == u"lint" || first == u"edit") {
        QStringList handedOver = arguments;
        handedOver[0] = arguments.first() + u' ' + first;
        handedOver.removeAt(1);
        if (first == u"edit") {
            // Hook: the rule operations (HbaEditCommand).
            HbaEditCommand edit;
            return edit.run(handedOver, output);
        }
        if (first == u"match") {
            // Hook: the simulator's command (HbaMatchCommand).
            HbaMatchCommand match;
            return match.run(handedOver, output);
        }
        // Hook: validation + lint + analysis (HbaLintCommand).
        HbaLintCommand lint;
        return lint.run(handedOver, output);
    }
    return runFile(arguments, output);
}

int HbaCommand::runFile(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption json(u"json"_s, translate("Print JSON: {ok, rules (as pg_hba_file_rules), diagnostics}."));
    const QCommandLineOption version = pgVersionOption();
    parser.addOptions({json, version, buildFeaturesOption()});
    parser.addPositionalArgument(u"file"_s, translate("The pg_hba.conf file, or: match ..., lint ..."), u"FILE"_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;

    const std::optional<int> requestedVersion = pgVersionFrom(parser, output);
    if (!requestedVersion)
        return ExitUsage;
    const int pgVersion = *requestedVersion;
    if (parser.positionalArguments().size() != 1) {
        output.err(translate("pgdial-cli: hba takes one FILE (or: hba match ..., hba lint ...)\n"));
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().first();
    if (!QFileInfo(path).isFile()) {
        output.err(translate("pgdial-cli: cannot read \"%1\"\n").arg(path));
        return ExitUsage;
    }

    const core::hba::HbaParseOptions options
        = core::hba::HbaParseOptions::forServer(pgVersion, buildFeaturesFrom(parser));
    const core::hba::HbaFile file = core::hba::HbaParser::parseFile(path, options);

    if (parser.isSet(json)) {
        QJsonArray rules;
        for (const core::hba::HbaRule &rule : file.rules)
            rules.append(ruleRow(rule, pgVersion));
        const QJsonObject report {{u"ok"_s, file.ok},
                                  {u"pg_version"_s, pgVersion},
                                  {u"file"_s, path},
                                  {u"rules"_s, rules},
                                  {u"diagnostics"_s, core::base::DiagnosticFormatter::toJson(file.diagnostics)}};
        output.out(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else {
        for (const core::hba::HbaRule &rule : file.rules)
            output.out(ruleLine(rule));
        output.out(core::base::DiagnosticFormatter::toText(file.diagnostics));
        output.err(file.ok ? translate("the server would load this file (%1 rule(s))\n").arg(file.validRules().size())
                           : translate("the server would refuse this file and keep its old rules\n"));
    }
    return file.ok ? ExitClean : ExitProblems;
}

} // namespace pgdial::cli
