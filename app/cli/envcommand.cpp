#include "cli/envcommand.h"

#include "appconfig/appconfigfile.h"
#include "appconfig/databaseconfig.h"
#include "appconfig/envfile.h"
#include "base/diagnosticformatter.h"
#include "base/secretmasker.h"
#include "checks/appconfigchecker.h"
#include "environments/environmentdetector.h"
#include "environments/targetversion.h"
#include "project/project.h"

#include <QDir>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

namespace {

// What may be shown of a variable's value: the desktop's .env table shows the same.
QString shown(const QString &name, const QString &value)
{
    return core::base::SecretMasker::maskValue(name, value);
}

} // namespace

QString EnvCommand::name() const
{
    return u"env"_s;
}

QString EnvCommand::summary() const
{
    return QCoreApplication::translate(
        "cli", "Show every variable of a project's .env and config.yaml, resolved, with where each value comes from.");
}

int EnvCommand::run(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption json(u"json"_s, QCoreApplication::translate("cli", "Print JSON."));
    const QCommandLineOption ignore(
        u"ignore-environment"_s,
        QCoreApplication::translate("cli", "Do not let the process environment override .env."));
    parser.addOption(json);
    parser.addOption(ignore);
    parser.addOption(envOption());
    parser.addPositionalArgument(u"folder"_s, QCoreApplication::translate("cli", "Project folder (default: .)."),
                                 u"[FOLDER]"_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;
    if (parser.positionalArguments().size() > 1) {
        output.err(QCoreApplication::translate("cli", "pgdial-cli: env takes one folder\n"));
        return ExitUsage;
    }
    core::base::Result<core::project::Project> opened
        = core::project::Project::open(parser.positionalArguments().value(0, u"."_s));
    if (!opened) {
        output.err(u"pgdial-cli: "_s + opened.error().message + u" ["_s + opened.error().code + u"]\n"_s);
        return ExitUsage;
    }
    core::project::Project &project = *opened;
    project.settings.useProcessEnvironment = !parser.isSet(ignore);
    // --env: the variables as that environment's application (its folder's .env) sees them.
    QString appRoot;
    if (parser.isSet(u"env"_s)) {
        const auto chosen = core::environments::TargetVersion::choose(
            core::environments::EnvironmentDetector::detect(project), parser.value(u"env"_s));
        if (!chosen) {
            output.err(u"pgdial-cli: "_s + chosen.error().message + u" ["_s + chosen.error().code + u"]\n"_s);
            return ExitUsage;
        }
        appRoot = chosen->environment->appRoot;
    }
    const core::appconfig::VariableResolver resolver = core::checks::AppConfigChecker::resolverFor(project, appRoot);

    // A file that could not be loaded (binary, too large, unreadable) is an error here as in check:
    // its variables are missing from what follows.
    core::base::Diagnostics diagnostics;
    for (const auto &file : project.files())
        if (file->kind == core::project::FileKind::Env || file->kind == core::project::FileKind::AppConfig)
            diagnostics.append(file->loadDiagnostics);
    for (const auto &file : project.filesOfKind(core::project::FileKind::Env))
        if (file->isLoaded())
            diagnostics.append(core::appconfig::EnvFile::parse(*file->document, file->relativePath).diagnostics());

    QJsonArray variables;
    QString text;
    for (const core::appconfig::VariableUse &use : resolver.allVariables()) {
        const QString value = shown(use.name, use.value);
        variables.append(
            QJsonObject {{u"name"_s, use.name},
                         {u"value"_s, value},
                         {u"source"_s, use.provenance.sourceId()},
                         {u"file"_s, use.provenance.file.isEmpty() ? QJsonValue() : QJsonValue(use.provenance.file)},
                         {u"line"_s, use.provenance.line > 0 ? QJsonValue(use.provenance.line) : QJsonValue()}});
        text += use.name + u'=' + value + u"    # "_s + use.provenance.describe() + u'\n';
    }

    QJsonArray settings;
    for (const auto &file : project.filesOfKind(core::project::FileKind::AppConfig)) {
        if (!file->isLoaded())
            continue;
        const core::appconfig::AppConfigFile config
            = core::appconfig::AppConfigFile::parse(*file->document, file->relativePath);
        diagnostics.append(config.diagnostics());
        if (!config.hasDatabaseSection())
            continue;
        const core::appconfig::DatabaseConfig database = core::appconfig::DatabaseConfig::resolve(
            config, core::checks::AppConfigChecker::resolverFor(project, file->relativePath.section(u'/', 0, -2)));
        text += u'\n' + file->relativePath + u" database:\n"_s;
        for (const core::appconfig::DatabaseField &field : database.fields()) {
            diagnostics.append(field.substitution.diagnostics);
            const QString value = shown(field.key, field.value());
            const core::appconfig::Provenance provenance = field.substitution.hasVariables()
                ? field.substitution.provenance()
                : core::appconfig::Provenance {core::appconfig::Provenance::Source::Literal, file->relativePath,
                                               field.scalar.line};
            QJsonArray used;
            for (const auto &use : field.substitution.uses)
                used.append(QJsonObject {{u"name"_s, use.name},
                                         {u"source"_s, use.provenance.sourceId()},
                                         {u"from"_s, use.provenance.describe()}});
            settings.append(QJsonObject {{u"file"_s, file->relativePath},
                                         {u"line"_s, field.scalar.line},
                                         {u"key"_s, QString(u"database."_s + field.key)},
                                         {u"value"_s, value},
                                         {u"source"_s, provenance.sourceId()},
                                         {u"from"_s, provenance.describe()},
                                         {u"variables"_s, used}});
            text += u"  "_s + field.key + u" = "_s + value + u"    # "_s + provenance.describe() + u'\n';
        }
    }

    if (parser.isSet(json)) {
        const QJsonObject report {
            {u"project"_s, QDir::toNativeSeparators(project.rootPath())},
            {u"process_environment"_s, project.settings.useProcessEnvironment},
            {u"variables"_s, variables},
            {u"settings"_s, settings},
            {u"ok"_s, !core::base::hasErrors(diagnostics)},
            {u"diagnostics"_s, core::base::DiagnosticFormatter::toJson(diagnostics)},
        };
        output.out(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else {
        output.out(text);
        output.out(core::base::DiagnosticFormatter::toText(diagnostics));
    }
    return core::base::hasErrors(diagnostics) ? ExitProblems : ExitClean;
}

} // namespace pgdial::cli
