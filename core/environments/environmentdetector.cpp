#include "environments/environmentdetector.h"

#include "appconfig/appconfigfile.h"
#include "appconfig/connectionurl.h"
#include "appconfig/envfile.h"
#include "appconfig/variableresolver.h"
#include "base/secretmasker.h"
#include "environments/environmentname.h"
#include "environments/postgrescommandline.h"
#include "environments/postgresimage.h"
#include "pgconf/confparser.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EnvironmentDetector", text);
}

QString folderOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? QString() : path.left(slash);
}

QString fileNameOf(const QString &path)
{
    return path.mid(path.lastIndexOf(u'/') + 1);
}

bool isAncestorOrSelf(const QString &ancestor, const QString &folder)
{
    return ancestor.isEmpty() || folder == ancestor || folder.startsWith(ancestor + u'/');
}

base::Diagnostic diagnostic(base::Severity severity, const QString &code, const SourceRef &where,
                            const QString &message, const QString &suggestion)
{
    base::Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.file = where.file;
    d.line = where.line;
    d.message = message;
    d.suggestion = suggestion;
    return d;
}

enum class ComposeRole { Base, Override, Named };

struct ComposeName
{
    ComposeRole role = ComposeRole::Base;
    QString environment;
};

std::optional<ComposeName> composeName(const QString &fileName)
{
    static const QRegularExpression pattern(u"^(?:docker-)?compose(?:[.\\-_]([A-Za-z0-9_\\-]+))?\\.ya?ml$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(fileName);
    if (!match.hasMatch())
        return std::nullopt;
    const QString name = match.captured(1);
    if (name.isEmpty())
        return ComposeName {ComposeRole::Base, {}};
    if (name.compare(u"override"_s, Qt::CaseInsensitive) == 0)
        return ComposeName {ComposeRole::Override, {}};
    return ComposeName {ComposeRole::Named, name};
}

// The environment a .env file's own variables name (APP_ENVIRONMENT=development).
QString declaredEnvironment(const appconfig::EnvFile &env)
{
    for (const QString &key : {u"APP_ENVIRONMENT"_s, u"APP_ENV"_s, u"ENVIRONMENT"_s, u"ENV"_s, u"NODE_ENV"_s,
                               u"RAILS_ENV"_s, u"DJANGO_ENV"_s, u"FLASK_ENV"_s})
        if (const auto entry = env.find(key); entry && !entry->value.isEmpty() && !entry->value.contains(u'$'))
            return entry->value;
    return {};
}

// The name of an environment-specific .env file: ".env.prod" -> "prod", "prod.env" -> "prod".
QString envFileEnvironment(const QString &fileName)
{
    if (fileName.startsWith(u".env."_s))
        return fileName.mid(5);
    if (fileName.endsWith(u".env"_s) && fileName.size() > 4)
        return fileName.left(fileName.size() - 4);
    return {};
}

bool isUrlKey(const QString &key)
{
    const QString upper = key.toUpper();
    return upper.endsWith(u"_URL"_s) || upper.endsWith(u"_URI"_s) || upper.endsWith(u"DSN"_s) || upper == u"URL"
        || upper == u"DATABASE_URL";
}

struct App
{
    QString root;
    QList<std::shared_ptr<project::ProjectFile>> compose;
    QList<std::shared_ptr<project::ProjectFile>> envFiles;
    QList<std::shared_ptr<project::ProjectFile>> appConfigs;
};

class EnvironmentBuilder
{
public:
    EnvironmentBuilder(const project::Project &project, const App &app, EnvironmentSet &out)
        : m_project(project)
        , m_app(app)
        , m_out(out)
    { }

    void build(const QString &displayName, const QString &qualifiedName, bool onlyEnvironment);

private:
    const project::Project &m_project;
    const App &m_app;
    EnvironmentSet &m_out;

    void addFile(Environment &env, const QString &path) const
    {
        if (!path.isEmpty() && !env.files.contains(path))
            env.files.append(path);
    }
    QString hostPathFor(const ComposeServiceSpec &server, const QString &containerPath) const;
    void readServer(Environment &env, const ComposeServiceSpec &server);
    void readUrls(Environment &env, const appconfig::VariableResolver &resolver, const QString &displayName);
    void readPasswords(Environment &env);
    void addUrl(Environment &env, const QString &name, const QString &value, const SourceRef &source) const;
};

void EnvironmentBuilder::addUrl(Environment &env, const QString &name, const QString &value,
                                const SourceRef &source) const
{
    const appconfig::ConnectionUrl url = appconfig::ConnectionUrlParser::parse(value);
    if (!url.isPostgres() && url.kind != appconfig::UrlKind::Sqlite)
        return;
    for (const EnvironmentUrl &existing : std::as_const(env.databaseUrls))
        if (existing.source == source)
            return;
    EnvironmentUrl entry;
    entry.name = name;
    entry.masked = url.masked();
    entry.source = source;
    if (url.kind == appconfig::UrlKind::Sqlite) {
        entry.sqlite = true;
        entry.sqliteMemory = url.sqliteMemory;
    } else {
        entry.host = url.value(u"host"_s).value_or(url.value(u"hostaddr"_s).value_or(QString()));
        bool ok = false;
        const int port = url.value(u"port"_s).value_or(u"5432"_s).toInt(&ok);
        if (ok)
            entry.port = port;
        entry.sslmode = url.effectiveSslMode();
    }
    env.databaseUrls.append(entry);
}

QString EnvironmentBuilder::hostPathFor(const ComposeServiceSpec &server, const QString &containerPath) const
{
    // The last mount of a path wins; a directory mount covers the files under it.
    for (qsizetype i = server.volumes.size() - 1; i >= 0; --i) {
        const ComposeMount &mount = server.volumes.at(i);
        if (mount.projectPath.isEmpty())
            continue;
        QString candidate;
        if (mount.target == containerPath)
            candidate = mount.projectPath;
        else if (containerPath.startsWith(mount.target + u'/'))
            candidate = mount.projectPath + containerPath.mid(mount.target.size());
        if (!candidate.isEmpty())
            return m_project.findFile(candidate) ? candidate : QString();
    }
    return {};
}

void EnvironmentBuilder::readServer(Environment &env, const ComposeServiceSpec &server)
{
    env.serverService = server.name;
    env.image = server.image;
    if (!server.image.isEmpty()) {
        const PostgresImage image = PostgresImage::parse(server.image);
        env.pgVersion = image.major;
        env.pgVersionSource = server.imageSource;
        if (!image.major)
            m_out.diagnostics.append(diagnostic(
                base::Severity::Info, u"env.pg-version-unknown"_s, server.imageSource,
                tr("The image %1 of environment %2 does not name a PostgreSQL major version (%3)")
                    .arg(server.image, env.name, image.unknownReason),
                tr("Pin a major in the tag (postgres:17-alpine) or tell pgdial the version (--pg-version)")));
    }
    env.publishedPorts = server.ports;
    env.healthcheck = server.healthcheck;
    env.healthcheckSource = server.healthcheckSource;
    if (const auto args = server.environmentValue(u"POSTGRES_INITDB_ARGS"_s)) {
        env.initdbArgs = args->value;
        env.initdbArgsSource = args->source;
    }

    // The image's entrypoint runs `postgres` with the command's words (or, when the command is
    // options only, puts `postgres` in front of them).
    QStringList words;
    for (const ComposeArgument &word : server.command)
        words.append(word.text);
    if (!words.isEmpty() && (words.first() == u"postgres" || words.first().startsWith(u'-'))) {
        for (const CommandLineSetting &setting : PostgresCommandLine::settings(words))
            env.commandLineSettings.append({setting.name, setting.value, server.command.at(setting.argument).source});
    }
    const auto commandLine = [&env](const QString &name) -> QString {
        QString value;
        for (const EnvironmentSetting &s : std::as_const(env.commandLineSettings))
            if (s.name == name)
                value = s.value;
        return value;
    };

    QString dataDirectory = server.environmentValue(u"PGDATA"_s).value_or(ComposeEnvironmentEntry {}).value;
    if (dataDirectory.isEmpty())
        dataDirectory = u"/var/lib/postgresql/data"_s;
    QString configFile = commandLine(u"config_file"_s);
    if (configFile.isEmpty())
        configFile = dataDirectory + u"/postgresql.conf"_s;
    env.postgresqlConf = hostPathFor(server, configFile);
    QString hbaFile = commandLine(u"hba_file"_s);
    if (hbaFile.isEmpty() && !env.postgresqlConf.isEmpty()) {
        const auto file = m_project.findFile(env.postgresqlConf);
        if (file && file->isLoaded())
            for (const pgconf::ConfLine &line : pgconf::ConfParser::parse(file->document->toBytes()).lines)
                if (line.kind == pgconf::ConfLineKind::Setting && line.name.toLower() == "hba_file")
                    hbaFile = QString::fromUtf8(line.value);
    }
    if (hbaFile.isEmpty())
        hbaFile = dataDirectory + u"/pg_hba.conf"_s;
    env.pgHba = hostPathFor(server, hbaFile);

    // A server file mounted where the server never reads it is a common, silent mistake.
    for (const ComposeMount &mount : server.volumes) {
        const auto file = m_project.findFile(mount.projectPath);
        if (!file)
            continue;
        if (file->kind == project::FileKind::PostgresqlConf && mount.projectPath != env.postgresqlConf)
            m_out.diagnostics.append(diagnostic(
                base::Severity::Warning, u"env.conf-not-used"_s, mount.where,
                tr("%1 is mounted at %2, but the server of environment %3 reads %4")
                    .arg(mount.projectPath, mount.target, env.name, configFile),
                tr("Start the server with -c config_file=%1 (command: postgres -c config_file=%1)").arg(mount.target)));
        if (file->kind == project::FileKind::PgHba && mount.projectPath != env.pgHba)
            m_out.diagnostics.append(
                diagnostic(base::Severity::Warning, u"env.hba-not-used"_s, mount.where,
                           tr("%1 is mounted at %2, but the server of environment %3 reads %4")
                               .arg(mount.projectPath, mount.target, env.name, hbaFile),
                           tr("Set hba_file = '%1' in postgresql.conf or pass -c hba_file=%1").arg(mount.target)));
    }
    // A mounted init-script folder is not a file of its own: look for the scripts under it.
    for (const ComposeMount &mount : server.volumes) {
        if (mount.projectPath.isEmpty()
            || !(mount.target == u"/docker-entrypoint-initdb.d"
                 || mount.target.startsWith(u"/docker-entrypoint-initdb.d/"_s)))
            continue;
        for (const auto &script : m_project.filesOfKind(project::FileKind::InitScript))
            if (script->relativePath == mount.projectPath || script->relativePath.startsWith(mount.projectPath + u'/'))
                addFile(env, script->relativePath);
    }
    addFile(env, env.postgresqlConf);
    addFile(env, env.pgHba);
}

void EnvironmentBuilder::readUrls(Environment &env, const appconfig::VariableResolver &resolver,
                                  const QString &displayName)
{
    for (const auto &file : m_app.appConfigs) {
        if (!file->isLoaded())
            continue;
        const appconfig::AppConfigFile config = appconfig::AppConfigFile::parse(*file->document, file->relativePath);
        std::optional<appconfig::ConfigScalar> url;
        QString name = u"database.url"_s;
        // A per-environment section (production: database: url: ...) wins over the common one.
        for (const QString &section : {displayName, EnvironmentName::canonical(displayName)}) {
            if ((url = config.scalar({section, u"database"_s, u"url"_s}))) {
                name = section + u".database.url"_s;
                break;
            }
        }
        if (!url)
            url = config.field(u"url"_s);
        if (!url)
            continue;
        addFile(env, file->relativePath);
        const appconfig::Substitution value = resolver.substitute(url->value, file->relativePath, url->line);
        const appconfig::Provenance provenance = value.provenance();
        SourceRef source {file->relativePath, url->line};
        if (provenance.source == appconfig::Provenance::Source::EnvFile
            || provenance.source == appconfig::Provenance::Source::Default)
            source = {provenance.file, provenance.line};
        addUrl(env, name, value.value, source);
    }
    for (const QString &path : std::as_const(env.files)) {
        const auto file = m_project.findFile(path);
        if (!file || !file->isLoaded() || (file->kind != project::FileKind::Env))
            continue;
        const appconfig::EnvFile envFile = appconfig::EnvFile::parse(*file->document, file->relativePath);
        for (const QString &key : envFile.keys()) {
            if (!isUrlKey(key))
                continue;
            const appconfig::EnvEntry entry = *envFile.find(key);
            const QString value
                = entry.substitutes() ? resolver.substitute(entry.value, path, entry.line).value : entry.value;
            addUrl(env, key, value, {path, entry.line});
        }
    }
    for (const ComposeServiceSpec &service : env.compose.services()) {
        if (service.name == env.serverService)
            continue;
        for (const ComposeEnvironmentEntry &entry : service.environment)
            if (isUrlKey(entry.key) && !entry.valueless)
                addUrl(env, service.name + u'/' + entry.key, entry.value, entry.source);
    }
}

void EnvironmentBuilder::readPasswords(Environment &env)
{
    const auto add = [&env](const QString &name, PasswordSource::Kind kind, const SourceRef &source,
                            const QString &value = {}) {
        for (const PasswordSource &existing : std::as_const(env.passwordSources))
            if (existing.name == name && existing.source == source)
                return;
        env.passwordSources.append({name, kind, source, kind == PasswordSource::Kind::Literal ? value : QString()});
    };
    const auto isPasswordName = [](const QString &name) {
        const QString lower = name.toLower();
        return lower.contains(u"password"_s) || lower.contains(u"passwd"_s) || lower.endsWith(u"_pw"_s)
            || lower.contains(u"_pw_"_s) || lower.endsWith(u"_pass"_s) || lower.contains(u"pgpass"_s);
    };
    const auto kindOf = [](const QString &written, const QString &value) {
        if (value.startsWith(u"/run/secrets/"_s))
            return PasswordSource::Kind::SecretFile;
        return written.contains(u'$') ? PasswordSource::Kind::Env : PasswordSource::Kind::Literal;
    };
    for (const ComposeServiceSpec &service : env.compose.services()) {
        for (const ComposeEnvironmentEntry &entry : service.environment) {
            if (entry.key.endsWith(u"_FILE"_s) && isPasswordName(entry.key.chopped(5)))
                add(entry.key, PasswordSource::Kind::SecretFile, entry.source);
            else if (isPasswordName(entry.key) && !entry.valueless && !entry.value.isEmpty())
                add(entry.key, kindOf(entry.written, entry.value), entry.source, entry.value);
            else if (isPasswordName(entry.key) && entry.valueless)
                add(entry.key, PasswordSource::Kind::Env, entry.source);
        }
        for (const ComposeReference &secret : service.secrets)
            if (isPasswordName(secret.name))
                add(secret.name, PasswordSource::Kind::SecretFile, secret.source);
    }
    for (const QString &path : std::as_const(env.files)) {
        const auto file = m_project.findFile(path);
        if (!file || !file->isLoaded())
            continue;
        if (file->kind == project::FileKind::Env) {
            const appconfig::EnvFile envFile = appconfig::EnvFile::parse(*file->document, file->relativePath);
            for (const QString &key : envFile.keys()) {
                const appconfig::EnvEntry entry = *envFile.find(key);
                if (isPasswordName(key) && !entry.value.isEmpty())
                    add(key, kindOf(entry.substitutes() ? entry.value : QString(), entry.value), {path, entry.line},
                        entry.value);
            }
        } else if (file->kind == project::FileKind::AppConfig) {
            const appconfig::AppConfigFile config
                = appconfig::AppConfigFile::parse(*file->document, file->relativePath);
            if (const auto field = config.field(u"user_pw_file_path"_s))
                add(u"database.user_pw_file_path"_s, PasswordSource::Kind::SecretFile, {path, field->line});
            if (const auto field = config.field(u"user_pw_env_var"_s))
                add(u"database.user_pw_env_var"_s, PasswordSource::Kind::Env, {path, field->line});
        }
    }
    // The URL's own password: written in it, or a ${VAR} inside it.
    for (const EnvironmentUrl &url : std::as_const(env.databaseUrls)) {
        const auto file = m_project.findFile(url.source.file);
        if (!file || !file->isLoaded() || url.source.line <= 0 || url.source.line > file->document->lineCount())
            continue;
        const QString line = QString::fromUtf8(file->document->line(url.source.line - 1));
        static const QRegularExpression password(u"://[^/@\\s:]*:([^@\\s]+)@"_s);
        const QRegularExpressionMatch match = password.match(line);
        if (match.hasMatch())
            add(url.name, match.captured(1).contains(u'$') ? PasswordSource::Kind::Env : PasswordSource::Kind::Literal,
                url.source, QUrl::fromPercentEncoding(match.captured(1).toUtf8()));
    }
}

void EnvironmentBuilder::build(const QString &displayName, const QString &qualifiedName, bool onlyEnvironment)
{
    Environment env;
    env.name = qualifiedName;
    env.appRoot = m_app.root;
    const QString canonical = EnvironmentName::canonical(displayName);

    // Compose files: the base, this environment's own, and the override (which `docker compose`
    // applies by default, i.e. in development).
    QList<std::shared_ptr<project::ProjectFile>> composeFiles;
    for (const ComposeRole role : {ComposeRole::Base, ComposeRole::Named, ComposeRole::Override}) {
        for (const auto &file : m_app.compose) {
            const auto name = composeName(fileNameOf(file->relativePath));
            if (!name || name->role != role)
                continue;
            if (role == ComposeRole::Named && EnvironmentName::canonical(name->environment) != canonical)
                continue;
            if (role == ComposeRole::Override && !onlyEnvironment && canonical != u"development")
                continue;
            composeFiles.append(file);
        }
    }

    // .env files: `.env` unless it declares another environment, then `.env.<name>` (wins).
    appconfig::VariableResolver resolver;
    resolver.setUseProcessEnvironment(m_project.settings.useProcessEnvironment);
    if (m_project.settings.useProcessEnvironment)
        resolver.setProcessEnvironment(appconfig::VariableResolver::systemEnvironment());
    for (const auto &file : m_app.envFiles) {
        if (!file->isLoaded() || file->kind != project::FileKind::Env)
            continue;
        const appconfig::EnvFile envFile = appconfig::EnvFile::parse(*file->document, file->relativePath);
        const QString own = envFileEnvironment(fileNameOf(file->relativePath));
        bool belongs = false;
        if (own.isEmpty()) {
            const QString declared = declaredEnvironment(envFile);
            belongs = onlyEnvironment || declared.isEmpty() || EnvironmentName::canonical(declared) == canonical;
        } else {
            belongs = EnvironmentName::canonical(own) == canonical;
        }
        if (belongs) {
            addFile(env, file->relativePath);
            resolver.addEnvFile(envFile);
        }
    }

    const ComposeDocument::Interpolate interpolate = [&resolver](const QString &text, const SourceRef &where) {
        return resolver.substitute(text, where.file, where.line).value;
    };
    const ComposeDocument::Loader loader = [this](const QString &path) -> const base::TextDocument * {
        const auto file = m_project.findFile(path);
        return file && file->isLoaded() ? &*file->document : nullptr;
    };
    bool first = true;
    for (const auto &file : composeFiles) {
        if (!file->isLoaded())
            continue;
        addFile(env, file->relativePath);
        const ComposeDocument document
            = ComposeDocument::parse(*file->document, file->relativePath, interpolate, loader);
        if (first)
            env.compose = document;
        else
            env.compose.overlay(document);
        first = false;
    }
    for (const base::Diagnostic &d : env.compose.diagnostics())
        if (!m_out.diagnostics.contains(d))
            m_out.diagnostics.append(d);

    // env_file lists of the services join the environment.
    for (const ComposeServiceSpec &service : env.compose.services()) {
        for (const ComposeEnvFileRef &ref : service.envFiles) {
            const auto file = m_project.findFile(ref.projectPath);
            if (file) {
                addFile(env, ref.projectPath);
            } else if (ref.required) {
                const base::Diagnostic d
                    = diagnostic(base::Severity::Warning, u"env.env-file-missing"_s, ref.source,
                                 tr("Service %1 reads env_file %2, which does not exist").arg(service.name, ref.path),
                                 tr("Create %1 or mark it `required: false`").arg(ref.path));
                if (!m_out.diagnostics.contains(d))
                    m_out.diagnostics.append(d);
            }
        }
    }

    // The server: a service running a PostgreSQL image; one named postgres/db first.
    std::optional<ComposeServiceSpec> server;
    for (const ComposeServiceSpec &service : env.compose.services()) {
        if (!service.isPostgres())
            continue;
        if (!server || service.name == u"postgres" || service.name == u"db")
            server = service;
        if (service.name == u"postgres" || service.name == u"db")
            break;
    }
    if (server)
        readServer(env, *server);
    readUrls(env, resolver, displayName);
    readPasswords(env);
    m_out.environments.append(env);
}

} // namespace

QString PasswordSource::kindId(Kind kind)
{
    switch (kind) {
    case Kind::Literal:
        return u"literal"_s;
    case Kind::Env:
        return u"env"_s;
    case Kind::SecretFile:
        return u"secret_file"_s;
    }
    return {};
}

std::optional<Environment> EnvironmentSet::find(const QString &name) const
{
    for (const Environment &env : environments)
        if (env.name == name)
            return env;
    std::optional<Environment> found;
    for (const Environment &env : environments) {
        const QString own = env.name.section(u':', -1);
        if (EnvironmentName::same(own, name)) {
            if (found)
                return std::nullopt; // ambiguous in a monorepo: name the app
            found = env;
        }
    }
    return found;
}

EnvironmentSet EnvironmentDetector::detect(const project::Project &project)
{
    EnvironmentSet out;
    // Application roots: every folder holding compose or .env files.
    QMap<QString, App> apps;
    for (const auto &file : project.files()) {
        if (file->includedBy)
            continue;
        const QString folder = folderOf(file->relativePath);
        if (file->kind == project::FileKind::Compose && composeName(fileNameOf(file->relativePath)))
            apps[folder].compose.append(file);
        else if (file->kind == project::FileKind::Env || file->kind == project::FileKind::EnvExample)
            apps[folder].envFiles.append(file);
    }
    // A config.yaml belongs to the nearest application root above it (or is one of its own).
    for (const auto &file : project.filesOfKind(project::FileKind::AppConfig)) {
        const QString folder = folderOf(file->relativePath);
        QString best;
        bool found = false;
        for (auto it = apps.cbegin(); it != apps.cend(); ++it) {
            if (isAncestorOrSelf(it.key(), folder) && (!found || it.key().size() > best.size())) {
                best = it.key();
                found = true;
            }
        }
        apps[found ? best : folder].appConfigs.append(file);
    }
    for (auto it = apps.begin(); it != apps.end(); ++it)
        it->root = it.key();

    const bool monorepo = apps.size() > 1;
    for (const App &app : std::as_const(apps)) {
        // Environment names, as the files spell them, one per canonical name.
        QStringList names;
        const auto addName = [&names](const QString &name) {
            if (name.isEmpty())
                return;
            for (const QString &existing : std::as_const(names))
                if (EnvironmentName::same(existing, name))
                    return;
            names.append(name);
        };
        for (const auto &file : app.compose)
            if (const auto name = composeName(fileNameOf(file->relativePath)); name && name->role == ComposeRole::Named)
                addName(name->environment);
        for (const auto &file : app.envFiles)
            if (file->kind == project::FileKind::Env)
                addName(envFileEnvironment(fileNameOf(file->relativePath)));
        for (const auto &file : app.appConfigs) {
            if (!file->isLoaded())
                continue;
            const appconfig::AppConfigFile config
                = appconfig::AppConfigFile::parse(*file->document, file->relativePath);
            for (const QString &section :
                 {u"development"_s, u"dev"_s, u"production"_s, u"prod"_s, u"testing"_s, u"test"_s, u"staging"_s})
                if (config.scalar({section, u"database"_s, u"url"_s}))
                    addName(section);
        }
        if (names.isEmpty()) {
            // One environment: the one .env or config.yaml declares, else "default".
            for (const auto &file : app.envFiles)
                if (file->isLoaded() && file->kind == project::FileKind::Env)
                    addName(declaredEnvironment(appconfig::EnvFile::parse(*file->document, file->relativePath)));
            if (names.isEmpty())
                names.append(u"default"_s);
        }
        if (app.compose.isEmpty() && app.appConfigs.isEmpty()
            && std::none_of(app.envFiles.cbegin(), app.envFiles.cend(),
                            [](const auto &f) { return f->kind == project::FileKind::Env; }))
            continue; // only a .env.example: documentation, no environment
        for (const QString &name : std::as_const(names)) {
            const QString qualified = monorepo ? (app.root.isEmpty() ? u"."_s : app.root) + u':' + name : name;
            EnvironmentBuilder(project, app, out).build(name, qualified, names.size() == 1);
        }
    }
    return out;
}

} // namespace pgdial::core::environments
