#include "cli/confcommand.h"

#include "base/diagnosticformatter.h"
#include "pgconf/conffilesettings.h"
#include "pgconf/confloader.h"
#include "pgconf/confvalidator.h"
#include "pgconf/parametercatalog.h"
#include "project/filekind.h"
#include "project/project.h"
#include "project/projectsettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

QString ConfCommand::name() const
{
    return u"conf"_s;
}

QString ConfCommand::summary() const
{
    return QCoreApplication::translate("cli", "Read a postgresql.conf (and its includes) as the server does.");
}

int ConfCommand::run(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption json(
        u"json"_s, QCoreApplication::translate("cli", "Print {ok, file_settings, diagnostics} as JSON."));
    const QCommandLineOption version = pgVersionOption();
    parser.addOption(json);
    parser.addOption(version);
    parser.addOptions(serverFactsOptions());
    parser.addPositionalArgument(u"file"_s, QCoreApplication::translate("cli", "The postgresql.conf to read."),
                                 u"FILE"_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;

    const std::optional<int> requestedVersion = pgVersionFrom(parser, output);
    if (!requestedVersion)
        return ExitUsage;
    const int pgVersion = *requestedVersion;
    if (parser.positionalArguments().size() != 1) {
        output.err(QCoreApplication::translate("cli", "pgdial-cli: conf takes one file\n"));
        return ExitUsage;
    }
    const QString filePath = parser.positionalArguments().constFirst();

    core::base::Result<core::project::Project> opened
        = core::project::Project::openFile(filePath, core::project::FileKind::PostgresqlConf);
    if (!opened) {
        output.err(u"pgdial-cli: "_s + opened.error().message + u" ["_s + opened.error().code + u"]\n"_s);
        return ExitUsage;
    }
    core::project::Project &project = *opened;
    project.settings.pgVersion = pgVersion;
    applyServerFacts(parser, project.settings);

    core::pgconf::ConfLoader loader(&project);
    const core::pgconf::ConfLoadResult load = loader.load(QFileInfo(filePath).absoluteFilePath());
    core::base::Diagnostics diagnostics = project.loadDiagnostics();
    diagnostics += load.diagnostics;
    // Phases 2 and 3 of the server's reading (names, values) and the risky-value warnings.
    core::pgconf::ConfValidator validator(core::pgconf::ParameterCatalog::forVersion(pgVersion), pgVersion);
    validator.setRamBytes(project.settings.ramBytes);
    validator.setServerFacts({project.settings.serverBuildFeatures, project.settings.serverOnThisMachine});
    const core::pgconf::ConfValidation validation = validator.validate(load);
    diagnostics += validation.diagnostics;
    const QList<core::pgconf::ConfFileSetting> rows = core::pgconf::confFileSettings(load, &validation);
    const bool ok = !load.parseFailed && validation.ok && !core::base::hasErrors(diagnostics);
    core::base::sortDiagnostics(diagnostics);

    if (parser.isSet(json)) {
        const QJsonObject report {
            {u"ok"_s, ok},
            {u"file_settings"_s, core::pgconf::confFileSettingsToJson(rows)},
            {u"diagnostics"_s, core::base::DiagnosticFormatter::toJson(diagnostics)},
        };
        output.out(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else {
        output.out(core::base::DiagnosticFormatter::toText(diagnostics));
        output.err(ok ? QCoreApplication::translate("cli", "%1: a server would accept this file (%2 setting line(s))\n")
                            .arg(filePath)
                            .arg(load.items.size())
                      : QCoreApplication::translate("cli", "%1: a server would refuse this file\n").arg(filePath));
    }
    return ok ? ExitClean : ExitProblems;
}

} // namespace pgdial::cli
