#include "cli/probecommand.h"

#include "probe/connectionprobe.h"
#include "probe/projectconninfo.h"
#include "project/project.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

QString ProbeCommand::name() const
{
    return u"probe"_s;
}

QString ProbeCommand::summary() const
{
    return QCoreApplication::translate("cli", "Test a live connection stage by stage and explain what fails.");
}

int ProbeCommand::run(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption project(
        u"project"_s, QCoreApplication::translate("cli", "Probe the DATABASE_URL of a project folder."), u"FOLDER"_s);
    const QCommandLineOption json(u"json"_s, QCoreApplication::translate("cli", "Print the report as JSON."));
    const QCommandLineOption timeout(u"timeout"_s,
                                     QCoreApplication::translate("cli", "Overall deadline in seconds (default 10)."),
                                     u"SECONDS"_s, u"10"_s);
    const QCommandLineOption admin(
        u"admin"_s, QCoreApplication::translate("cli", "An admin connection string for the checks stage."),
        u"CONNINFO"_s);
    const QCommandLineOption roles(
        u"roles"_s,
        QCoreApplication::translate("cli",
                                    "The three-role pattern the checks stage expects: owner, app and "
                                    "read-only role and the schema (default appowner,appuser,backupuser,app)."),
        u"OWNER,APP,READONLY,SCHEMA"_s);
    const QCommandLineOption environment = envOption();
    parser.addOptions({project, json, timeout, admin, roles, environment});
    parser.addPositionalArgument(u"conninfo"_s, QCoreApplication::translate("cli", "A libpq connection string or URI."),
                                 u"[CONNINFO]"_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;

    bool timeoutOk = false;
    const double seconds = parser.value(timeout).toDouble(&timeoutOk);
    if (!timeoutOk || seconds <= 0 || seconds > 3600) {
        output.err(QCoreApplication::translate("cli", "pgdial-cli: --timeout must be a number of seconds (0-3600]\n"));
        return ExitUsage;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1) == parser.isSet(project)) {
        output.err(QCoreApplication::translate("cli", "pgdial-cli: probe takes one CONNINFO or --project FOLDER\n"));
        return ExitUsage;
    }

    if (parser.isSet(environment) && !parser.isSet(project)) {
        output.err(QCoreApplication::translate("cli", "pgdial-cli: --env needs --project FOLDER\n"));
        return ExitUsage;
    }
    core::probe::ProbeOptions options;
    if (parser.isSet(roles)) {
        const QStringList names = parser.value(roles).split(u',');
        if (names.size() != 4 || names.contains(QString())) {
            output.err(QCoreApplication::translate("cli", "pgdial-cli: --roles takes OWNER,APP,READONLY,SCHEMA\n"));
            return ExitUsage;
        }
        options.roles = {names.at(0), names.at(1), names.at(2), names.at(3)};
    }
    // The deadline is the whole command's: start-up so far and a little time to print and exit
    // come out of it.
    constexpr qint64 exitMarginMs = 150;
    options.timeoutMs = int(qMax<qint64>(100, qint64(seconds * 1000) - millisecondsSinceStart() - exitMarginMs));
    options.adminConninfo = parser.value(admin);
    if (parser.isSet(project)) {
        core::base::Result<core::project::Project> opened = core::project::Project::open(parser.value(project));
        if (!opened) {
            output.err(u"pgdial-cli: "_s + opened.error().message + u" ["_s + opened.error().code + u"]\n"_s);
            return ExitUsage;
        }
        if (!applyTargetVersion(*opened, parser.value(environment), std::nullopt, output))
            return ExitUsage;
        const auto found = core::probe::ProjectConninfo::find(*opened);
        if (!found) {
            output.err(QCoreApplication::translate(
                "cli",
                "pgdial-cli: the project has no database URL (config.yaml database.url, DATABASE_URL in .env)\n"));
            return ExitUsage;
        }
        options.conninfo = found->conninfo;
        options.origin = found->origin;
        options.serverSettings = core::probe::ProjectConninfo::serverSettings(*opened);
        options.hbaFile = core::probe::ProjectConninfo::hbaFile(*opened);
        options.hbaRules = core::probe::ProjectConninfo::hbaRules(*opened);
    } else {
        options.conninfo = positional.first();
    }

    const core::probe::ProbeReport report = core::probe::ConnectionProbe::run(options);
    if (parser.isSet(json))
        output.out(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
    else
        output.out(report.toText());
    return report.ok() ? ExitClean : ExitProblems;
}

} // namespace pgdial::cli
