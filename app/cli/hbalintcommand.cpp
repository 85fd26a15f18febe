#include "cli/hbalintcommand.h"

#include "base/diagnosticformatter.h"
#include "hba/hbaanalyzer.h"
#include "hba/hbalint.h"
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

QString deadKindName(core::hba::HbaDeadRule::Kind kind)
{
    switch (kind) {
    case core::hba::HbaDeadRule::Kind::Shadowed:
        return u"shadowed"_s;
    case core::hba::HbaDeadRule::Kind::Redundant:
        return u"redundant"_s;
    case core::hba::HbaDeadRule::Kind::Conflicting:
        return u"conflicting"_s;
    }
    return {};
}

} // namespace

QString HbaLintCommand::name() const
{
    return u"hba lint"_s;
}

QString HbaLintCommand::summary() const
{
    return translate("Validate, lint and analyse one pg_hba.conf (dead, redundant and conflicting rules).");
}

int HbaLintCommand::run(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption format(u"format"_s, translate("Output format: text, json or sarif."), u"format"_s,
                                    u"text"_s);
    const QCommandLineOption json(u"json"_s, translate("Same as --format json."));
    const QCommandLineOption version = pgVersionOption();
    parser.addOptions({format, json, version, buildFeaturesOption()});
    parser.addPositionalArgument(u"file"_s, translate("The pg_hba.conf file."), u"FILE"_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;

    const QString formatName = parser.isSet(json) ? u"json"_s : parser.value(format);
    if (formatName != u"text" && formatName != u"json" && formatName != u"sarif") {
        output.err(translate("pgdial-cli: unknown format \"%1\" (text, json or sarif)\n").arg(formatName));
        return ExitUsage;
    }
    const std::optional<int> requestedVersion = pgVersionFrom(parser, output);
    if (!requestedVersion)
        return ExitUsage;
    const int pgVersion = *requestedVersion;
    if (parser.positionalArguments().size() != 1 || !QFileInfo(parser.positionalArguments().first()).isFile()) {
        output.err(translate("pgdial-cli: hba lint takes one readable FILE\n"));
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().first();
    const core::hba::HbaParseOptions options
        = core::hba::HbaParseOptions::forServer(pgVersion, buildFeaturesFrom(parser));
    const core::hba::HbaFile file = core::hba::HbaParser::parseFile(path, options);
    core::base::Diagnostics diagnostics = file.diagnostics;
    const core::hba::HbaAnalyzer analyzer(file);
    if (file.ok) {
        core::hba::HbaLintOptions lintOptions;
        lintOptions.majorVersion = pgVersion;
        diagnostics += core::hba::HbaLint::lint(file, lintOptions);
        diagnostics += analyzer.diagnostics();
    }
    core::base::sortDiagnostics(diagnostics);

    if (formatName == u"json") {
        QJsonArray dead;
        if (file.ok) {
            for (const core::hba::HbaDeadRule &rule : analyzer.deadRules()) {
                QJsonArray by;
                for (int index : rule.shadowedBy)
                    by.append(QJsonObject {{u"file_name"_s, analyzer.rules().at(index)->file},
                                           {u"line_number"_s, analyzer.rules().at(index)->line}});
                dead.append(QJsonObject {{u"file_name"_s, rule.rule->file},
                                         {u"line_number"_s, rule.rule->line},
                                         {u"kind"_s, deadKindName(rule.kind)},
                                         {u"shadowed_by"_s, by}});
            }
        }
        const QJsonObject report {{u"ok"_s, file.ok},
                                  {u"pg_version"_s, pgVersion},
                                  {u"dead_rules"_s, dead},
                                  {u"diagnostics"_s, core::base::DiagnosticFormatter::toJson(diagnostics)},
                                  {u"summary"_s, core::base::DiagnosticFormatter::summary(diagnostics)}};
        output.out(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else if (formatName == u"sarif") {
        output.out(core::base::DiagnosticFormatter::toSarif(diagnostics, QFileInfo(path).absolutePath()));
    } else {
        output.out(core::base::DiagnosticFormatter::toText(diagnostics));
        const QJsonObject counts = core::base::DiagnosticFormatter::summary(diagnostics);
        output.err(translate("%1 rule(s): %2 error(s), %3 warning(s), %4 info(s); %5 dead rule(s)\n")
                       .arg(file.rules.size())
                       .arg(counts.value(u"errors"_s).toInt())
                       .arg(counts.value(u"warnings"_s).toInt())
                       .arg(counts.value(u"infos"_s).toInt())
                       .arg(file.ok ? analyzer.deadRules().size() : 0));
    }
    return core::base::hasErrors(diagnostics) ? ExitProblems : ExitClean;
}

} // namespace pgdial::cli
