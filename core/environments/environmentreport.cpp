#include "environments/environmentreport.h"

#include "base/diagnosticformatter.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EnvironmentReport", text);
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue sourceOrNull(const SourceRef &source)
{
    return source.isValid() ? QJsonValue(source.toJson()) : QJsonValue();
}

QString portText(const ComposePort &port)
{
    QString text;
    if (!port.hostIp.isEmpty())
        text += port.hostIp + u':';
    if (port.published)
        text += QString::number(*port.published) + u':';
    return text + QString::number(port.target);
}

} // namespace

QJsonObject EnvironmentReport::toJson(const Environment &env)
{
    QJsonArray urls;
    for (const EnvironmentUrl &url : env.databaseUrls)
        urls.append(QJsonObject {{u"name"_s, url.name},
                                 {u"masked"_s, url.masked},
                                 {u"host"_s, orNull(url.host)},
                                 {u"port"_s, url.port ? QJsonValue(*url.port) : QJsonValue()},
                                 {u"sslmode"_s, orNull(url.sslmode)},
                                 {u"source"_s, url.source.toJson()}});
    QJsonArray ports;
    for (const ComposePort &port : env.publishedPorts)
        ports.append(QJsonObject {{u"host_ip"_s, orNull(port.hostIp)},
                                  {u"published"_s, port.published ? QJsonValue(*port.published) : QJsonValue()},
                                  {u"target"_s, port.target},
                                  {u"source"_s, port.source.toJson()}});
    QJsonArray passwords;
    for (const PasswordSource &password : env.passwordSources)
        passwords.append(QJsonObject {{u"name"_s, password.name},
                                      {u"kind"_s, PasswordSource::kindId(password.kind)},
                                      {u"source"_s, password.source.toJson()}});
    QJsonArray settings;
    for (const EnvironmentSetting &setting : env.commandLineSettings)
        settings.append(QJsonObject {
            {u"name"_s, setting.name}, {u"value"_s, setting.value}, {u"source"_s, setting.source.toJson()}});
    return QJsonObject {
        {u"name"_s, env.name},
        {u"files"_s, QJsonArray::fromStringList(env.files)},
        {u"pg_version"_s, env.pgVersion ? QJsonValue(*env.pgVersion) : QJsonValue()},
        {u"pg_version_source"_s, sourceOrNull(env.pgVersionSource)},
        {u"database_urls"_s, urls},
        {u"published_ports"_s, ports},
        {u"password_sources"_s, passwords},
        {u"server_files"_s,
         QJsonObject {{u"postgresql.conf"_s, orNull(env.postgresqlConf)}, {u"pg_hba.conf"_s, orNull(env.pgHba)}}},
        {u"command_line_settings"_s, settings},
        {u"initdb_args"_s, env.initdbArgs ? QJsonValue(*env.initdbArgs) : QJsonValue()},
    };
}

QJsonObject EnvironmentReport::toJson(const EnvironmentSet &set)
{
    QJsonArray environments;
    for (const Environment &env : set.environments)
        environments.append(toJson(env));
    return QJsonObject {{u"environments"_s, environments},
                        {u"diagnostics"_s, base::DiagnosticFormatter::toJson(set.diagnostics)}};
}

QString EnvironmentReport::toText(const EnvironmentSet &set)
{
    QString out;
    const QString none = tr("(none)");
    for (const Environment &env : set.environments) {
        out += env.name + u'\n';
        out += u"  "_s + tr("files: %1").arg(env.files.join(u", "_s)) + u'\n';
        out += u"  "_s + tr("PostgreSQL: %1").arg(env.pgVersion ? QString::number(*env.pgVersion) : tr("unknown"))
            + (env.image.isEmpty() ? QString() : u" ("_s + env.image + u", "_s + env.pgVersionSource.toText() + u')')
            + u'\n';
        for (const EnvironmentUrl &url : env.databaseUrls)
            out += u"  "_s + tr("URL %1: %2 (%3)").arg(url.name, url.masked, url.source.toText()) + u'\n';
        QStringList ports;
        for (const ComposePort &port : env.publishedPorts)
            ports.append(portText(port));
        out += u"  "_s + tr("published ports: %1").arg(ports.isEmpty() ? none : ports.join(u", "_s)) + u'\n';
        for (const PasswordSource &password : env.passwordSources)
            out += u"  "_s
                + tr("password %1: %2 (%3)")
                      .arg(password.name, PasswordSource::kindId(password.kind), password.source.toText())
                + u'\n';
        out += u"  postgresql.conf: "_s + (env.postgresqlConf.isEmpty() ? none : env.postgresqlConf) + u'\n';
        out += u"  pg_hba.conf: "_s + (env.pgHba.isEmpty() ? none : env.pgHba) + u'\n';
        for (const EnvironmentSetting &setting : env.commandLineSettings)
            out += u"  -c "_s + setting.name + u'=' + setting.value + u" ("_s + setting.source.toText() + u")\n"_s;
        if (env.initdbArgs)
            out += u"  "_s + tr("initdb arguments: %1").arg(*env.initdbArgs) + u'\n';
        if (!env.healthcheck.isEmpty())
            out += u"  "_s + tr("healthcheck: %1").arg(env.healthcheck) + u'\n';
    }
    if (set.environments.isEmpty())
        out += tr("No environments found (no compose, .env or config.yaml files)") + u'\n';
    out += QString::fromUtf8(base::DiagnosticFormatter::toText(set.diagnostics));
    return out;
}

} // namespace pgdial::core::environments
