#include "cli/confcommand.h"

#include "base/diagnosticformatter.h"
#include "environments/confcommandline.h"
#include "pgconf/conffilesettings.h"
#include "pgconf/confloader.h"
#include "pgconf/confvalidator.h"
#include "pgconf/parametercatalog.h"
#include "project/filekind.h"
#include "project/project.h"
#include "project/projectsettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
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
    const QCommandLineOption projectFolder(
        u"project"_s,
        QCoreApplication::translate("cli",
                                    "The project folder FILE belongs to: the -c flags of the server command line of "
                                    "its environment (--env) that override FILE are listed, and the environment's "
                                    "image gives the version unless --pg-version is given."),
        u"FOLDER"_s);
    const QCommandLineOption environment = envOption();
    parser.addOption(json);
    parser.addOption(version);
    parser.addOption(projectFolder);
    parser.addOption(environment);
    parser.addOptions(serverFactsOptions());
    parser.addPositionalArgument(u"file"_s, QCoreApplication::translate("cli", "The postgresql.conf to read."),
                                 u"FILE"_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;

    const std::optional<int> requestedVersion = pgVersionFrom(parser, output);
    if (!requestedVersion)
        return ExitUsage;
    int pgVersion = *requestedVersion;
    if (parser.positionalArguments().size() != 1) {
        output.err(QCoreApplication::translate("cli", "pgdial-cli: conf takes one file\n"));
        return ExitUsage;
    }
    const QString filePath = parser.positionalArguments().constFirst();
    if (parser.isSet(environment) && !parser.isSet(projectFolder)) {
        output.err(QCoreApplication::translate("cli", "pgdial-cli: --env needs --project FOLDER\n"));
        return ExitUsage;
    }
    // With the project: the server's command line that overrides the file (compose `command:
    // postgres -c name=value`), as the environment the project is judged as starts it.
    std::optional<core::environments::ConfCommandLine> commandLine;
    if (parser.isSet(projectFolder)) {
        core::base::Result<core::project::Project> folder = core::project::Project::open(parser.value(projectFolder));
        if (!folder) {
            output.err(u"pgdial-cli: "_s + folder.error().message + u" ["_s + folder.error().code + u"]\n"_s);
            return ExitUsage;
        }
        if (!applyTargetVersion(parser, *folder, output))
            return ExitUsage;
        if (!parser.isSet(version))
            pgVersion = folder->settings.pgVersion;
        const QString relative = folder->relativePathOf(QFileInfo(filePath).absoluteFilePath());
        if (relative.isEmpty() || relative.startsWith(u"../"_s) || QFileInfo(relative).isAbsolute()) {
            output.err(QCoreApplication::translate("cli", "pgdial-cli: %1 is not inside --project %2\n")
                           .arg(filePath, parser.value(projectFolder)));
            return ExitUsage;
        }
        commandLine = core::environments::ConfCommandLine::of(*folder, relative);
    }

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
    core::pgconf::ConfValidation validation = validator.validate(load);
    // Moved, not copied: a large file has hundreds of thousands of them.
    if (diagnostics.isEmpty())
        diagnostics = std::move(validation.diagnostics);
    else
        diagnostics += std::move(validation.diagnostics);
    const bool ok = !load.parseFailed && validation.ok && !core::base::hasErrors(diagnostics);
    core::base::sortDiagnostics(diagnostics);

    // Only --project needs the rows as a list (the report streams them): the file's last applied
    // line of a name is the one a flag overrides.
    const QList<core::pgconf::ConfFileSetting> rows
        = commandLine ? core::pgconf::confFileSettings(load, &validation) : QList<core::pgconf::ConfFileSetting> {};
    const auto overriddenLine = [&rows](const QString &name) -> std::optional<core::pgconf::ConfFileSetting> {
        std::optional<core::pgconf::ConfFileSetting> last;
        for (const core::pgconf::ConfFileSetting &row : rows)
            if (row.applied && row.name && QString::fromUtf8(*row.name).compare(name, Qt::CaseInsensitive) == 0)
                last = row;
        return last;
    };
    if (parser.isSet(json)) {
        // Streamed as it is written, not built as a QJsonDocument: for a million-line file the
        // tree and its text took 2 GB. The text is the same, byte for byte (a contract), so the
        // members come in QJsonObject's order (sorted by key).
        core::base::JsonWriter writer(
            [&output](QByteArrayView text) { output.out(QByteArray::fromRawData(text.data(), text.size())); });
        writer.beginObject();
        // Keys added only with --project: the output without it stays as it was.
        if (commandLine) {
            QJsonArray flags;
            for (const core::environments::EnvironmentSetting &flag : std::as_const(commandLine->settings)) {
                const std::optional<core::pgconf::ConfFileSetting> line = overriddenLine(flag.name);
                flags.append(QJsonObject {
                    {u"name"_s, flag.name},
                    {u"value"_s, flag.value},
                    {u"source"_s, flag.source.toJson()},
                    {u"overrides"_s,
                     line ? QJsonValue(
                         QJsonObject {{u"sourcefile"_s, line->sourcefile}, {u"sourceline"_s, line->sourceline}})
                          : QJsonValue(QJsonValue::Null)},
                });
            }
            writer.key("command_line_settings"_L1);
            writer.value(flags);
        }
        writer.key("diagnostics"_L1);
        core::base::DiagnosticFormatter::writeJson(writer, diagnostics);
        if (commandLine) {
            writer.key("environment"_L1);
            writer.value(commandLine->environment.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                            : QJsonValue(commandLine->environment));
        }
        writer.key("file_settings"_L1);
        core::pgconf::writeConfFileSettingsJson(writer, load, &validation);
        writer.key("ok"_L1);
        writer.boolean(ok);
        writer.endObject();
    } else {
        output.out(core::base::DiagnosticFormatter::toText(diagnostics));
        if (commandLine) {
            for (const core::environments::EnvironmentSetting &flag : std::as_const(commandLine->settings)) {
                const std::optional<core::pgconf::ConfFileSetting> line = overriddenLine(flag.name);
                output.err(line ? QCoreApplication::translate("cli", "%1: -c %2=%3 (%4) overrides %5:%6\n")
                                      .arg(commandLine->environment, flag.name, flag.value, flag.source.toText(),
                                           line->sourcefile)
                                      .arg(line->sourceline)
                                : QCoreApplication::translate("cli", "%1: -c %2=%3 (%4)\n")
                                      .arg(commandLine->environment, flag.name, flag.value, flag.source.toText()));
            }
        }
        output.err(ok ? QCoreApplication::translate("cli", "%1: a server would accept this file (%2 setting line(s))\n")
                            .arg(filePath)
                            .arg(load.items.size())
                      : QCoreApplication::translate("cli", "%1: a server would refuse this file\n").arg(filePath));
    }
    return ok ? ExitClean : ExitProblems;
}

} // namespace pgdial::cli
