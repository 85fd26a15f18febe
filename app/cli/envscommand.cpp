#include "cli/envscommand.h"

#include "environments/environmentdetector.h"
#include "environments/environmentreport.h"
#include "environments/targetversion.h"
#include "project/project.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

QString EnvsCommand::name() const
{
    return u"envs"_s;
}

QString EnvsCommand::summary() const
{
    return QCoreApplication::translate(
        "cli", "List a project's environments (development, production, ...) and what each one's files say.");
}

int EnvsCommand::run(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption json(u"json"_s, QCoreApplication::translate("cli", "Print JSON."));
    parser.addOption(json);
    parser.addOption(envOption());
    parser.addPositionalArgument(u"folder"_s, QCoreApplication::translate("cli", "Project folder (default: .)."),
                                 u"[FOLDER]"_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;
    if (parser.positionalArguments().size() > 1) {
        output.err(QCoreApplication::translate("cli", "pgdial-cli: envs takes one folder\n"));
        return ExitUsage;
    }
    const core::base::Result<core::project::Project> opened
        = core::project::Project::open(parser.positionalArguments().value(0, u"."_s));
    if (!opened) {
        output.err(u"pgdial-cli: "_s + opened.error().message + u" ["_s + opened.error().code + u"]\n"_s);
        return ExitUsage;
    }
    core::environments::EnvironmentSet set = core::environments::EnvironmentDetector::detect(*opened);
    if (parser.isSet(u"env"_s)) { // only the one asked for
        const auto chosen = core::environments::TargetVersion::choose(set, parser.value(u"env"_s));
        if (!chosen) {
            output.err(u"pgdial-cli: "_s + chosen.error().message + u" ["_s + chosen.error().code + u"]\n"_s);
            return ExitUsage;
        }
        set.environments = {*chosen->environment};
    }
    if (parser.isSet(json))
        output.out(QJsonDocument(core::environments::EnvironmentReport::toJson(set)).toJson(QJsonDocument::Indented));
    else
        output.out(core::environments::EnvironmentReport::toText(set));
    return core::base::hasErrors(set.diagnostics) ? ExitProblems : ExitClean;
}

} // namespace pgdial::cli
