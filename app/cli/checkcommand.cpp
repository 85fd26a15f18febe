#include "cli/checkcommand.h"

#include "base/diagnosticformatter.h"
#include "checks/projectchecker.h"
#include "project/filekind.h"
#include "project/project.h"
#include "project/projectsettings.h"

#include <QDir>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

namespace {

// Where the target version came from: "user" (--pg-version), "environment" (the image of the
// environment's server, at pg_version_source) or "default".
QString versionOrigin(const core::project::ProjectSettings &settings)
{
    if (settings.pgVersionFromUser)
        return u"user"_s;
    return settings.pgVersionSourceFile.isEmpty() ? u"default"_s : u"environment"_s;
}

QJsonValue pgVersionSourceJson(const core::project::ProjectSettings &settings)
{
    if (settings.pgVersionFromUser || settings.pgVersionSourceFile.isEmpty())
        return QJsonValue::Null;
    return QJsonObject {{u"file"_s, settings.pgVersionSourceFile}, {u"line"_s, settings.pgVersionSourceLine}};
}

} // namespace

QString CheckCommand::name() const
{
    return u"check"_s;
}

QString CheckCommand::summary() const
{
    return QCoreApplication::translate("cli", "Check every configuration file of a project folder.");
}

int CheckCommand::run(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption format(
        u"format"_s, QCoreApplication::translate("cli", "Output format: text, json or sarif."), u"format"_s, u"text"_s);
    const QCommandLineOption version = pgVersionOption(true);
    parser.addOption(format);
    parser.addOption(version);
    parser.addOption(envOption());
    parser.addOptions(serverFactsOptions());
    parser.addPositionalArgument(u"folder"_s, QCoreApplication::translate("cli", "Project folder (default: .)."),
                                 u"[FOLDER]"_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;

    const QString formatName = parser.value(format);
    if (formatName != u"text" && formatName != u"json" && formatName != u"sarif") {
        output.err(QCoreApplication::translate("cli", "pgdial-cli: unknown format \"%1\" (text, json or sarif)\n")
                       .arg(formatName));
        return ExitUsage;
    }
    if (!pgVersionFrom(parser, output))
        return ExitUsage;
    if (parser.positionalArguments().size() > 1) {
        output.err(QCoreApplication::translate("cli", "pgdial-cli: check takes one folder\n"));
        return ExitUsage;
    }
    const QString folder = parser.positionalArguments().value(0, u"."_s);

    core::base::Result<core::project::Project> opened = core::project::Project::open(folder);
    if (!opened) {
        output.err(u"pgdial-cli: "_s + opened.error().message + u" ["_s + opened.error().code + u"]\n"_s);
        return ExitUsage;
    }
    core::project::Project &project = *opened;
    if (!applyTargetVersion(parser, project, output))
        return ExitUsage;
    const int pgVersion = project.settings.pgVersion;
    applyServerFacts(parser, project.settings);
    project.settings.useProcessEnvironment = true;
    const core::base::Diagnostics diagnostics = core::checks::ProjectChecker::check(project);

    if (formatName == u"json") {
        QJsonArray files;
        for (const auto &file : project.files())
            files.append(QJsonObject {{u"path"_s, file->relativePath},
                                      {u"kind"_s, core::project::fileKindId(file->kind)},
                                      {u"loaded"_s, file->isLoaded()}});
        const QJsonObject report {
            {u"project"_s, QDir::toNativeSeparators(project.rootPath())},
            {u"pg_version"_s, pgVersion},
            {u"pg_version_from"_s, versionOrigin(project.settings)},
            {u"pg_version_source"_s, pgVersionSourceJson(project.settings)},
            {u"environment"_s,
             project.settings.pgVersionEnvironment.isEmpty() ? QJsonValue()
                                                             : QJsonValue(project.settings.pgVersionEnvironment)},
            {u"ok"_s, !core::base::hasErrors(diagnostics)},
            {u"files"_s, files},
            {u"diagnostics"_s, core::base::DiagnosticFormatter::toJson(diagnostics)},
            {u"summary"_s, core::base::DiagnosticFormatter::summary(diagnostics)},
        };
        output.out(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else if (formatName == u"sarif") {
        output.out(core::base::DiagnosticFormatter::toSarif(diagnostics, project.rootPath()));
    } else {
        output.out(core::base::DiagnosticFormatter::toText(diagnostics));
        const QJsonObject counts = core::base::DiagnosticFormatter::summary(diagnostics);
        const core::project::ProjectSettings &settings = project.settings;
        const QString target = settings.pgVersionFromUser || settings.pgVersionSourceFile.isEmpty()
            ? QString::number(pgVersion)
            : QCoreApplication::translate("cli", "%1 (%2 from %3:%4)")
                  .arg(pgVersion)
                  .arg(settings.pgVersionEnvironment, settings.pgVersionSourceFile)
                  .arg(settings.pgVersionSourceLine);
        output.err(QCoreApplication::translate(
                       "cli", "%1 file(s) checked for PostgreSQL %5: %2 error(s), %3 warning(s), %4 info(s)\n")
                       .arg(project.files().size())
                       .arg(counts.value(u"errors"_s).toInt())
                       .arg(counts.value(u"warnings"_s).toInt())
                       .arg(counts.value(u"infos"_s).toInt())
                       .arg(target));
    }
    return core::base::hasErrors(diagnostics) ? ExitProblems : ExitClean;
}

} // namespace pgdial::cli
