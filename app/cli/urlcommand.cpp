#include "cli/urlcommand.h"

#include "appconfig/connectionurl.h"
#include "appconfig/connectionurlchecker.h"
#include "appconfig/envfile.h"
#include "appconfig/variableresolver.h"
#include "base/diagnosticformatter.h"
#include "base/textfilereader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

namespace {

QString kindId(core::appconfig::UrlKind kind)
{
    switch (kind) {
    case core::appconfig::UrlKind::Empty:
        return u"empty"_s;
    case core::appconfig::UrlKind::PostgresUri:
        return u"uri"_s;
    case core::appconfig::UrlKind::PostgresKeyValue:
        return u"key-value"_s;
    case core::appconfig::UrlKind::Sqlite:
        return u"sqlite"_s;
    case core::appconfig::UrlKind::Unsupported:
        return u"unsupported"_s;
    }
    return {};
}

QJsonArray parametersJson(const QList<core::appconfig::ConnectionParameter> &parameters)
{
    QJsonArray array;
    for (const auto &p : parameters)
        array.append(QJsonObject {{u"keyword"_s, p.keyword}, {u"val"_s, p.value}});
    return array;
}

QString masked(const QString &text, core::appconfig::UrlKind kind)
{
    core::appconfig::ConnectionUrl url;
    url.text = text;
    url.kind = kind;
    return url.masked();
}

} // namespace

QString UrlCommand::name() const
{
    return u"url"_s;
}

QString UrlCommand::summary() const
{
    return QCoreApplication::translate("cli", "Parse a connection URL or conninfo string as libpq does, and check it.");
}

int UrlCommand::run(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption json(u"json"_s, QCoreApplication::translate("cli", "Print JSON."));
    const QCommandLineOption envFile(
        u"env-file"_s, QCoreApplication::translate("cli", "Resolve ${VAR} from this .env file too."), u"FILE"_s);
    const QCommandLineOption mode(u"mode"_s,
                                  QCoreApplication::translate("cli",
                                                              "Environment mode: development, production or testing "
                                                              "(default: $APP_ENVIRONMENT)."),
                                  u"MODE"_s);
    parser.addOption(json);
    parser.addOption(envFile);
    parser.addOption(mode);
    parser.addPositionalArgument(u"conninfo"_s,
                                 QCoreApplication::translate("cli",
                                                             "postgresql://..., postgresql+asyncpg://..., "
                                                             "host=... port=..., sqlite:///..."),
                                 u"CONNINFO"_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        output.err(QCoreApplication::translate("cli", "pgdial-cli: url takes one connection string\n"));
        return ExitUsage;
    }
    const QString written = parser.positionalArguments().first();

    core::appconfig::VariableResolver resolver;
    resolver.setUseProcessEnvironment(true);
    resolver.setProcessEnvironment(core::appconfig::VariableResolver::systemEnvironment());
    QString baseDirectory = QDir::currentPath();
    if (parser.isSet(envFile)) {
        const QString path = parser.value(envFile);
        core::base::TextFileLoad load = core::base::readTextFile(path, QFileInfo(path).fileName());
        if (!load.document) {
            output.err(u"pgdial-cli: "_s + load.diagnostics.value(0).message + u"\n"_s);
            return ExitUsage;
        }
        resolver.addEnvFile(core::appconfig::EnvFile::parse(*load.document, QFileInfo(path).fileName()));
        // The .env file wins over the process environment only when it is given explicitly.
        resolver.setUseProcessEnvironment(false);
        baseDirectory = QFileInfo(path).absolutePath();
    }
    const core::appconfig::Substitution resolved = resolver.substitute(written, u"<argument>"_s, 1, 1, u"url"_s);
    const core::appconfig::ConnectionUrl url = core::appconfig::ConnectionUrlParser::parse(resolved.value);
    core::appconfig::ConnectionUrlChecker::Context context;
    context.file = u"<argument>"_s;
    context.line = 1;
    context.column = 1;
    context.rawText = written;
    context.baseDirectory = baseDirectory;
    context.environmentMode = parser.isSet(mode)
        ? parser.value(mode)
        : resolver.lookup(u"APP_ENVIRONMENT"_s).value_or(core::appconfig::VariableUse {}).value;
    core::base::Diagnostics diagnostics = resolved.diagnostics;
    diagnostics.append(core::appconfig::ConnectionUrlChecker::check(url, context));

    if (parser.isSet(json)) {
        QJsonArray variables;
        for (const auto &use : resolved.uses)
            variables.append(QJsonObject {{u"name"_s, use.name},
                                          {u"source"_s, use.provenance.sourceId()},
                                          {u"from"_s, use.provenance.describe()}});
        QJsonObject report {
            {u"input"_s, masked(written, core::appconfig::ConnectionUrlParser::parse(written).kind)},
            {u"resolved"_s, url.masked()},
            {u"kind"_s, kindId(url.kind)},
            {u"scheme"_s, url.scheme},
            {u"driver"_s, url.driver},
            {u"variables"_s, variables},
            {u"ok"_s, !core::base::hasErrors(diagnostics)},
            {u"diagnostics"_s, core::base::DiagnosticFormatter::toJson(diagnostics)},
        };
        if (url.isPostgres()) {
            report.insert(u"libpq_form"_s, masked(url.libpqForm, url.kind));
            report.insert(u"libpq_accepts"_s, url.libpqAccepts);
            report.insert(u"libpq_error"_s, url.libpqError.isEmpty() ? QJsonValue() : QJsonValue(url.libpqError));
            report.insert(u"parameters"_s, parametersJson(url.maskedParameters()));
            report.insert(u"driver_parameters"_s, parametersJson(url.driverParameters));
        } else if (url.kind == core::appconfig::UrlKind::Sqlite) {
            report.insert(u"sqlite_path"_s, url.sqlitePath);
            report.insert(u"sqlite_memory"_s, url.sqliteMemory);
        }
        output.out(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else {
        QString text;
        text += QCoreApplication::translate("cli", "url:      %1\n").arg(url.masked());
        text += QCoreApplication::translate("cli", "kind:     %1 (driver %2)\n")
                    .arg(kindId(url.kind), url.driver.isEmpty() ? u"-"_s : url.driver);
        for (const auto &use : resolved.uses)
            text += QCoreApplication::translate("cli", "variable: %1 from %2\n")
                        .arg(use.name, use.provenance.describe());
        if (url.isPostgres()) {
            text += QCoreApplication::translate("cli", "libpq:    %1\n")
                        .arg(url.libpqAccepts ? QCoreApplication::translate("cli", "accepts")
                                              : QCoreApplication::translate("cli", "rejects: %1").arg(url.libpqError));
            for (const auto &p : url.maskedParameters())
                text += u"  "_s + p.keyword.leftJustified(28) + u' ' + p.value + u'\n';
            for (const auto &p : url.driverParameters)
                text += u"  "_s + QString(p.keyword + u" ("_s + url.driver + u')').leftJustified(28) + u' ' + p.value
                    + u'\n';
        } else if (url.kind == core::appconfig::UrlKind::Sqlite) {
            text += QCoreApplication::translate("cli", "sqlite:   %1\n").arg(url.sqlitePath);
        }
        output.out(text);
        output.out(core::base::DiagnosticFormatter::toText(diagnostics));
    }
    return core::base::hasErrors(diagnostics) ? ExitProblems : ExitClean;
}

} // namespace pgdial::cli
