#include "cli/driftcommand.h"

#include "live/driftanalyzer.h"
#include "live/liveserverreader.h"
#include "project/project.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

} // namespace

QString DriftCommand::name() const
{
    return u"drift"_s;
}

QString DriftCommand::summary() const
{
    return translate("Compare a project's postgresql.conf and pg_hba.conf with what a running server runs.");
}

int DriftCommand::run(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption server(
        u"server"_s, translate("The server, as a libpq connection string or URI (a superuser sees everything)."),
        u"CONNINFO"_s);
    const QCommandLineOption json(u"json"_s,
                                  translate("Print JSON: {server, settings, hba, diagnostics} (docs/cli.md)."));
    const QCommandLineOption timeout(
        u"timeout"_s, translate("Deadline for reading the server, in seconds (default 30)."), u"SECONDS"_s, u"30"_s);
    parser.addOptions({server, json, timeout});
    parser.addPositionalArgument(u"folder"_s, translate("Project folder."), u"FOLDER"_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(server)) {
        output.err(translate("pgdial-cli: drift takes one FOLDER and --server CONNINFO\n"));
        return ExitUsage;
    }
    bool timeoutOk = false;
    const double seconds = parser.value(timeout).toDouble(&timeoutOk);
    if (!timeoutOk || seconds <= 0 || seconds > 3600) {
        output.err(translate("pgdial-cli: --timeout must be a number of seconds (0-3600]\n"));
        return ExitUsage;
    }
    core::base::Result<core::project::Project> opened
        = core::project::Project::open(parser.positionalArguments().first());
    if (!opened) {
        output.err(u"pgdial-cli: "_s + opened.error().message + u" ["_s + opened.error().code + u"]\n"_s);
        return ExitUsage;
    }

    const core::probe::ProbeControl control(int(seconds * 1000));
    const core::base::Result<core::live::LiveServerState> live
        = core::live::LiveServerReader::read(parser.value(server), control);
    if (!live) {
        // The reader masks passwords in what libpq says; the conninfo itself is never echoed.
        output.err(
            translate("pgdial-cli: cannot read the server: %1 [%2]\n").arg(live.error().message, live.error().code));
        return ExitUsage;
    }
    const core::live::DriftReport report = core::live::DriftAnalyzer::analyze(*opened, *live);
    if (parser.isSet(json))
        output.out(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
    else
        output.out(report.toText());
    return report.hasDrift() ? ExitProblems : ExitClean;
}

} // namespace pgdial::cli
