#include "environments/environmentchecker.h"

#include "environments/environmentname.h"
#include "environments/postgrescommandline.h"
#include "pgconf/confparser.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::core::environments::EnvironmentChecker", text);
}

QString tr(const char *text, const char *disambiguation, int n)
{
    return QCoreApplication::translate("pgdial::core::environments::EnvironmentChecker", text, disambiguation, n);
}

const base::TextDocument *documentOf(const project::Project &project, const QString &path)
{
    const auto file = project.findFile(path);
    return file && file->isLoaded() ? &*file->document : nullptr;
}

// The 1-based byte column of `needle` on the diagnostic's line, else of the line's first
// non-blank byte: facts carry only file and line, but editors and CI annotations want a column.
void placeColumn(const project::Project &project, base::Diagnostic &d, const QString &needle = {})
{
    const base::TextDocument *doc = d.line > 0 ? documentOf(project, d.file) : nullptr;
    if (!doc || d.line > doc->lineCount())
        return;
    const QByteArray line = doc->line(d.line - 1);
    if (!needle.isEmpty()) {
        if (const qsizetype at = line.indexOf(needle.toUtf8()); at >= 0) {
            d.column = int(at) + 1;
            return;
        }
    }
    qsizetype first = 0;
    while (first < line.size() && (line.at(first) == ' ' || line.at(first) == '\t'))
        ++first;
    d.column = int(first < line.size() ? first : 0) + 1;
}

// `needle`: what the column points at on the line (the secret's name, the port...); never a secret
// the message would show, since only its position is kept.
base::Diagnostic make(const project::Project &project, base::Severity severity, const QString &code,
                      const SourceRef &where, const QString &message, const QString &suggestion,
                      const QString &needle = {})
{
    base::Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.file = where.file;
    d.line = where.line;
    d.message = message;
    d.suggestion = suggestion;
    placeColumn(project, d, needle);
    return d;
}

// A fix replacing one line of `file` with `text`.
base::Fix replaceLine(const QString &file, int line, const QByteArray &text, const QString &description)
{
    return base::Fix {description, file, {base::LineEdit {line - 1, 1, {text}, {}}}};
}

bool isLoopback(const QString &host)
{
    return host == u"127.0.0.1" || host == u"::1" || host == u"[::1]" || host == u"localhost";
}

// What the server's ssl is: a -c flag wins over the file; unset means off.
struct SslSetting
{
    bool on = false;
    SourceRef where; // the -c flag or the conf line; the conf file (line 0) when unset there
    bool fromCommandLine = false;
};

bool truthy(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == u"on" || v == u"true" || v == u"yes" || v == u"1" || v == u"tru" || v == u"tr" || v == u"t" || v == u"y"
        || v == u"ye";
}

std::optional<SslSetting> sslOf(const project::Project &project, const Environment &env)
{
    for (const EnvironmentSetting &setting : env.commandLineSettings)
        if (setting.name.toLower() == u"ssl")
            return SslSetting {truthy(setting.value), setting.source, true};
    if (env.postgresqlConf.isEmpty())
        return std::nullopt; // the data directory's own file: not in the project
    const base::TextDocument *conf = documentOf(project, env.postgresqlConf);
    if (!conf)
        return std::nullopt;
    SslSetting out {false, SourceRef {env.postgresqlConf, 0}, false};
    for (const pgconf::ConfLine &line : pgconf::ConfParser::parse(conf->toBytes()).lines) {
        if (line.kind == pgconf::ConfLineKind::Setting && line.name.toLower() == "ssl") {
            out.on = truthy(QString::fromUtf8(line.value));
            out.where.line = line.line;
        }
    }
    return out;
}

QSet<QString> confSettingNames(const project::Project &project, const QString &path)
{
    QSet<QString> out;
    if (const base::TextDocument *conf = documentOf(project, path))
        for (const pgconf::ConfLine &line : pgconf::ConfParser::parse(conf->toBytes()).lines)
            if (line.kind == pgconf::ConfLineKind::Setting)
                out.insert(QString::fromUtf8(line.name).toLower());
    return out;
}

bool hasLiteralPassword(const Environment &env, const SourceRef &where);

void checkProductionTls(const project::Project &project, const Environment &env, base::Diagnostics &out)
{
    if (const std::optional<SslSetting> ssl = sslOf(project, env); ssl && !ssl->on) {
        base::Diagnostic d = make(project, base::Severity::Warning, u"env.prod-ssl-off"_s, ssl->where,
                                  tr("Production's server runs without TLS (ssl is off in %1)").arg(ssl->where.file),
                                  tr("Set ssl = on with ssl_cert_file and ssl_key_file (mounted from secrets)"));
        d.parameter = u"ssl"_s;
        if (!ssl->fromCommandLine) {
            const base::TextDocument *conf = documentOf(project, ssl->where.file);
            if (ssl->where.line > 0)
                d.fix = replaceLine(ssl->where.file, ssl->where.line, "ssl = on", tr("Set ssl = on"));
            else if (conf)
                d.fix = base::Fix {
                    tr("Add ssl = on"), ssl->where.file, {base::LineEdit {conf->lineCount(), 0, {"ssl = on"}, {}}}};
        }
        out.append(d);
    } else if (!ssl && !env.serverService.isEmpty()) {
        out.append(make(project, base::Severity::Warning, u"env.prod-ssl-off"_s, env.pgVersionSource,
                        tr("Production's server reads no postgresql.conf of the project, so ssl is off (the "
                           "image's default)"),
                        tr("Mount a postgresql.conf with ssl = on and start the server with -c "
                           "config_file=/etc/postgresql/postgresql.conf")));
    }
    static const QSet<QString> strong {u"require"_s, u"verify-ca"_s, u"verify-full"_s};
    // A URL as written, ${VAR}s inside it included, up to the `}` closing a ${VAR:-url} around it.
    static const QRegularExpression urlPattern(u"postgres(?:ql)?(\\+\\w+)?://(?:\\$\\{[^}]*\\}|[^\\s\"'}])+"_s);
    for (const EnvironmentUrl &url : env.databaseUrls) {
        if (url.sqlite || strong.contains(url.sslmode))
            continue;
        base::Diagnostic d = make(
            project, base::Severity::Warning, u"env.prod-sslmode"_s, url.source,
            tr("Production's %1 does not require TLS (sslmode %2)")
                .arg(url.name, url.sslmode.isEmpty() ? tr("prefer, libpq's default") : url.sslmode),
            tr("Add sslmode=require to the URL (verify-full with sslrootcert checks the server too; asyncpg: ssl=)"),
            u"postgres"_s);
        // The fix when the URL is written out on its line: set the driver's TLS parameter. Not
        // while the line holds a literal password: a fix's text reaches JSON output and the
        // screen, and secrets never do (env.prod-literal-password asks to move it first).
        if (const base::TextDocument *doc = documentOf(project, url.source.file);
            doc && url.source.line > 0 && url.source.line <= doc->lineCount() && !hasLiteralPassword(env, url.source)) {
            const QString line = doc->lineText(url.source.line - 1);
            const QRegularExpressionMatch match = urlPattern.match(line);
            if (match.hasMatch()) {
                const bool asyncpg = match.captured(1) == u"+asyncpg";
                const QString key = asyncpg ? u"ssl"_s : u"sslmode"_s;
                QString written = match.captured(0);
                const QRegularExpression existing(u"([?&])"_s + key + u"=[^&#]*"_s);
                if (written.contains(existing))
                    written.replace(existing, u"\\1"_s + key + u"=require"_s);
                else
                    written += (written.contains(u'?') ? u"&"_s : u"?"_s) + key + u"=require"_s;
                QString fixed = line;
                fixed.replace(match.capturedStart(0), match.capturedLength(0), written);
                d.fix = replaceLine(url.source.file, url.source.line, fixed.toUtf8(),
                                    tr("Set %1=require in the URL").arg(key));
            }
        }
        out.append(d);
    }
}

bool hasLiteralPassword(const Environment &env, const SourceRef &where)
{
    for (const PasswordSource &password : env.passwordSources)
        if (password.kind == PasswordSource::Kind::Literal && password.source == where)
            return true;
    return false;
}

void checkProductionSecrets(const project::Project &project, const Environment &env, base::Diagnostics &out)
{
    for (const PasswordSource &password : env.passwordSources) {
        if (password.kind != PasswordSource::Kind::Literal)
            continue;
        out.append(
            make(project, base::Severity::Warning, u"env.prod-literal-password"_s, password.source,
                 tr("Production's password in %1 is written in the file, not read from a secret").arg(password.name),
                 tr("Read it from a Docker secret (POSTGRES_PASSWORD_FILE=/run/secrets/..., config.yaml "
                    "user_pw_file_path) or an environment variable the deployment sets"),
                 password.literal.isEmpty() ? password.name : password.literal));
    }
}

void checkProductionPorts(const project::Project &project, const Environment &env, base::Diagnostics &out)
{
    for (const ComposePort &port : env.publishedPorts) {
        if (isLoopback(port.hostIp) || !port.published)
            continue;
        base::Diagnostic d
            = make(project, base::Severity::Warning, u"env.prod-port-public"_s, port.source,
                   tr("Production's server port %1 is published on every interface of the host").arg(*port.published),
                   tr("Publish it on 127.0.0.1 only (\"127.0.0.1:%1:%2\"), or not at all when only other services "
                      "connect")
                       .arg(*port.published)
                       .arg(port.target),
                   QString::number(*port.published));
        const base::TextDocument *doc = documentOf(project, port.source.file);
        if (doc && port.hostIp.isEmpty() && port.source.line > 0 && port.source.line <= doc->lineCount()) {
            // Short syntax written as "published:target": put the address in front.
            QString line = doc->lineText(port.source.line - 1);
            const QRegularExpression shortPort(u"(?<![\\d.:])"_s + QString::number(*port.published) + u":"_s
                                               + QString::number(port.target) + u"(?![\\d])"_s);
            const QRegularExpressionMatch match = shortPort.match(line);
            if (match.hasMatch()) {
                line.insert(match.capturedStart(0), u"127.0.0.1:"_s);
                d.fix = replaceLine(port.source.file, port.source.line, line.toUtf8(),
                                    tr("Publish port %1 on 127.0.0.1 only").arg(*port.published));
            }
        }
        out.append(d);
    }
}

void checkProductionScram(const project::Project &project, const Environment &env, base::Diagnostics &out)
{
    if (env.serverService.isEmpty())
        return;
    // The image writes `host all all all $POSTGRES_HOST_AUTH_METHOD` into the data directory's
    // pg_hba.conf when set; otherwise initdb's --auth-host decides.
    const std::optional<ComposeServiceSpec> server = env.compose.service(env.serverService);
    const std::optional<ComposeEnvironmentEntry> hostAuth
        = server ? server->environmentValue(u"POSTGRES_HOST_AUTH_METHOD"_s) : std::nullopt;
    if (hostAuth && !hostAuth->valueless && !hostAuth->value.isEmpty()) {
        if (hostAuth->value.trimmed().toLower() == u"scram-sha-256")
            return;
        out.append(make(project, base::Severity::Warning, u"env.prod-no-scram"_s, hostAuth->source,
                        tr("Production's server lets host connections in with %1 (POSTGRES_HOST_AUTH_METHOD)")
                            .arg(hostAuth->value.trimmed()),
                        tr("Set POSTGRES_HOST_AUTH_METHOD=scram-sha-256, or drop it and pass "
                           "POSTGRES_INITDB_ARGS=\"--auth-host=scram-sha-256\""),
                        u"POSTGRES_HOST_AUTH_METHOD"_s));
        return;
    }
    static const QRegularExpression scram(u"--auth(?:-host)?=scram-sha-256"_s);
    if (env.initdbArgs && env.initdbArgs->contains(scram))
        return;
    base::Diagnostic d
        = make(project, base::Severity::Warning, u"env.prod-no-scram"_s,
               env.initdbArgs ? env.initdbArgsSource : env.pgVersionSource,
               env.initdbArgs ? tr("Production's initdb arguments do not make SCRAM the host method")
                              : tr("Production's server is initialised without POSTGRES_INITDB_ARGS: the image chooses "
                                   "the host connections' method itself"),
               tr("Set POSTGRES_INITDB_ARGS=\"--auth-host=scram-sha-256\" (it counts when the data directory is "
                  "created)"),
               env.initdbArgs ? u"POSTGRES_INITDB_ARGS"_s : u"image"_s);
    if (env.initdbArgs) {
        const base::TextDocument *doc = documentOf(project, env.initdbArgsSource.file);
        const int line = env.initdbArgsSource.line;
        if (doc && line > 0 && line <= doc->lineCount() && !env.initdbArgs->isEmpty()) {
            QString text = doc->lineText(line - 1);
            const qsizetype at = text.indexOf(*env.initdbArgs);
            if (at >= 0) {
                text.insert(at + env.initdbArgs->size(), u" --auth-host=scram-sha-256"_s);
                d.fix = replaceLine(env.initdbArgsSource.file, line, text.toUtf8(),
                                    tr("Add --auth-host=scram-sha-256 to the initdb arguments"));
            }
        }
    }
    out.append(d);
}

void checkProductionLogging(const project::Project &project, const Environment &env, base::Diagnostics &out)
{
    if (env.postgresqlConf.isEmpty() || !documentOf(project, env.postgresqlConf))
        return;
    QSet<QString> set = confSettingNames(project, env.postgresqlConf);
    for (const EnvironmentSetting &setting : env.commandLineSettings)
        set.insert(setting.name.toLower());
    QStringList missing;
    for (const QString &name :
         {u"log_connections"_s, u"log_disconnections"_s, u"log_min_duration_statement"_s, u"log_line_prefix"_s})
        if (!set.contains(name))
            missing.append(name);
    if (missing.isEmpty())
        return;
    out.append(make(project, base::Severity::Info, u"env.prod-logging"_s, SourceRef {env.postgresqlConf, 0},
                    tr("Production's postgresql.conf leaves %1 at the defaults").arg(missing.join(u", "_s)),
                    tr("Log connections and slow statements in production (log_connections = on, "
                       "log_min_duration_statement = 1000, a log_line_prefix with %u@%d)")));
}

// Where production writes `literal` as a password: a literal password source of its own with that
// value, or a line of one of its own files that has the literal as a whole word next to a
// password-like name (a bare "postgres" in `image: postgres:16` is no password).
std::optional<SourceRef> productionUseOf(const project::Project &project, const QString &literal,
                                         const Environment &dev, const Environment &prod)
{
    for (const PasswordSource &password : prod.passwordSources)
        if (password.kind == PasswordSource::Kind::Literal && password.literal == literal
            && !dev.files.contains(password.source.file))
            return password.source;
    static const QRegularExpression passwordName(u"pass|_pw\\b|pwd|secret"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
    const QRegularExpression word(u"(?<![\\w-])"_s + QRegularExpression::escape(literal) + u"(?![\\w-])"_s);
    for (const QString &path : prod.files) {
        if (dev.files.contains(path))
            continue; // a shared file says the same to both
        const base::TextDocument *doc = documentOf(project, path);
        if (!doc)
            continue;
        for (int i = 0; i < doc->lineCount(); ++i) {
            const QString line = doc->lineText(i);
            if (line.contains(literal) && line.contains(word) && line.contains(passwordName))
                return SourceRef {path, i + 1};
        }
    }
    return std::nullopt;
}

// Development's literal passwords found again in a production environment's own files.
void checkPasswordReuse(const project::Project &project, const Environment &dev, const EnvironmentSet &set,
                        base::Diagnostics &out)
{
    for (const PasswordSource &password : dev.passwordSources) {
        if (password.kind != PasswordSource::Kind::Literal || password.literal.size() < 4)
            continue;
        for (const Environment &prod : set.environments) {
            if (!EnvironmentName::isProduction(prod.name.section(u':', -1)) || prod.appRoot != dev.appRoot)
                continue;
            const std::optional<SourceRef> use = productionUseOf(project, password.literal, dev, prod);
            if (!use)
                continue;
            base::Diagnostic d = make(
                project, base::Severity::Warning, u"env.password-reused"_s, password.source,
                tr("Development's password in %1 is also written in production's %2").arg(password.name, use->toText()),
                tr("Give production its own password, read from a secret"), password.literal);
            d.related.append(use->toText());
            out.append(d);
        }
    }
}

// ${VAR}, ${VAR:-default}, ${VAR-default} and $VAR as a shell expands them from `environment`;
// nullopt when a variable has neither a value nor a default (the name is then unknown).
std::optional<QString> expandShell(const QString &text, const QHash<QString, QString> &environment)
{
    static const QRegularExpression variable(u"\\$\\{(\\w+)(?:(:?)-([^}]*))?\\}|\\$(\\w+)"_s);
    QString out;
    qsizetype done = 0;
    for (QRegularExpressionMatchIterator it = variable.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += text.mid(done, match.capturedStart(0) - done);
        done = match.capturedEnd(0);
        const QString name = match.hasCaptured(1) ? match.captured(1) : match.captured(4);
        const bool hasDefault = match.hasCaptured(3);
        const bool emptyTakesDefault = match.captured(2) == u":";
        const auto value = environment.constFind(name);
        if (value != environment.cend() && !(emptyTakesDefault && value->isEmpty()))
            out += *value;
        else if (hasDefault)
            out += match.captured(3);
        else
            return std::nullopt;
    }
    return out + text.mid(done);
}

// The roles and databases a server's first start creates: the image's POSTGRES_USER (default
// postgres) and POSTGRES_DB (default POSTGRES_USER), initdb's postgres and template databases,
// and what the init scripts mounted at /docker-entrypoint-initdb.d create. A set is incomplete
// when a name cannot be read (a variable without a value, createuser/createdb in a shell script,
// a script pgdial has not loaded): then nothing is reported against it.
struct CreatedNames
{
    QSet<QString> roles;
    QSet<QString> databases;
    bool rolesKnown = true;
    bool databasesKnown = true;
};

CreatedNames createdNames(const project::Project &project, const ComposeServiceSpec &server,
                          const QHash<QString, QString> &environment)
{
    CreatedNames out;
    const auto valueOf = [&server](const QString &key) -> std::optional<QString> {
        const std::optional<ComposeEnvironmentEntry> entry = server.environmentValue(key);
        if (!entry)
            return QString();
        if (entry->valueless)
            return std::nullopt; // from the shell that runs compose: unknown here
        return entry->value;
    };
    const std::optional<QString> user = valueOf(u"POSTGRES_USER"_s);
    const std::optional<QString> database = valueOf(u"POSTGRES_DB"_s);
    if (!user || server.environmentValue(u"POSTGRES_USER_FILE"_s))
        out.rolesKnown = out.databasesKnown = false;
    if (!database || server.environmentValue(u"POSTGRES_DB_FILE"_s))
        out.databasesKnown = false;
    const QString superuser = user && !user->isEmpty() ? *user : u"postgres"_s;
    out.roles.insert(superuser);
    out.databases.insert(database && !database->isEmpty() ? *database : superuser);
    out.databases.unite({u"postgres"_s, u"template0"_s, u"template1"_s});

    static const QRegularExpression create(
        u"\\bCREATE\\s+(ROLE|USER|DATABASE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"(?:[^\"]|\"\")+\"|[^\\s;,()]+)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression clientTools(u"\\b(createuser|createdb)\\b"_s);
    static const QStringList scriptSuffixes {u".sh"_s, u".sql"_s, u".sql.gz"_s, u".sql.xz"_s, u".sql.zst"_s};
    for (const ComposeMount &mount : server.volumes) {
        if (mount.target != u"/docker-entrypoint-initdb.d" && !mount.target.startsWith(u"/docker-entrypoint-initdb.d/"))
            continue;
        if (mount.projectPath.isEmpty()) {
            out.rolesKnown = out.databasesKnown = false; // a named volume or a path outside the project
            continue;
        }
        // The scripts: the mounted file, or every script in the mounted folder (also those the
        // project did not load, which count as unknown).
        QStringList scripts;
        const QFileInfo info(project.absolutePathOf(mount.projectPath));
        if (info.isDir()) {
            const QDir folder(info.absoluteFilePath());
            for (const QString &name : folder.entryList(QDir::Files, QDir::Name))
                for (const QString &suffix : scriptSuffixes)
                    if (name.endsWith(suffix))
                        scripts.append(mount.projectPath + u'/' + name);
        } else {
            scripts.append(mount.projectPath);
        }
        for (const QString &path : std::as_const(scripts)) {
            const base::TextDocument *doc = documentOf(project, path);
            if (!doc) {
                // The classifier loads scripts that create roles or databases; one it left out
                // creates neither, unless it uses the client tools (which a compressed file hides).
                if (!path.endsWith(u".sh") && !path.endsWith(u".sql"))
                    out.rolesKnown = out.databasesKnown = false;
                else if (QFile file(project.absolutePathOf(path));
                         file.open(QIODevice::ReadOnly) && QString::fromUtf8(file.read(1 << 20)).contains(clientTools))
                    out.rolesKnown = out.databasesKnown = false;
                continue;
            }
            const QString text = QString::fromUtf8(doc->toBytes());
            const bool shell = path.endsWith(u".sh");
            if (shell && text.contains(clientTools))
                out.rolesKnown = out.databasesKnown = false;
            for (QRegularExpressionMatchIterator it = create.globalMatch(text); it.hasNext();) {
                const QRegularExpressionMatch match = it.next();
                const bool isDatabase = match.captured(1).compare(u"DATABASE", Qt::CaseInsensitive) == 0;
                QString name = match.captured(2);
                if (!isDatabase && name.compare(u"MAPPING", Qt::CaseInsensitive) == 0)
                    continue; // CREATE USER MAPPING FOR ...
                // A shell heredoc expands variables; a .sql file is sent as it is.
                const std::optional<QString> expanded = shell ? expandShell(name, environment) : name;
                if (!expanded || (!shell && name.contains(u'$'))) {
                    (isDatabase ? out.databasesKnown : out.rolesKnown) = false;
                    continue;
                }
                name = *expanded;
                // Unquoted identifiers fold to lower case; quoted ones keep theirs.
                name = name.startsWith(u'"') && name.endsWith(u'"') && name.size() >= 2
                    ? name.mid(1, name.size() - 2).replace(u"\"\""_s, u"\""_s)
                    : name.toLower();
                (isDatabase ? out.databases : out.roles).insert(name);
            }
        }
    }
    return out;
}

// A pg_isready healthcheck that names a role or database the server never gets: pg_isready
// still says "accepting connections" (a refused login is an answer), but the server logs a
// FATAL line at every interval, and the check proves less than it seems to.
void checkHealthcheck(const project::Project &project, const Environment &env, base::Diagnostics &out)
{
    if (env.serverService.isEmpty() || env.healthcheck.isEmpty())
        return;
    const std::optional<ComposeServiceSpec> server = env.compose.service(env.serverService);
    if (!server)
        return;
    const QStringList words = PostgresCommandLine::split(env.healthcheck);
    qsizetype at = -1;
    for (qsizetype i = 0; i < words.size(); ++i)
        if (words.at(i) == u"pg_isready" || words.at(i).endsWith(u"/pg_isready"))
            at = i;
    if (at < 0)
        return;
    std::optional<QString> userWord;
    std::optional<QString> databaseWord;
    bool conninfo = false;
    static const QSet<QString> separators {u"&&"_s, u"||"_s, u";"_s, u"|"_s};
    for (qsizetype i = at + 1; i < words.size() && !separators.contains(words.at(i)); ++i) {
        const QString &word = words.at(i);
        const auto valueAfter = [&](const QString &shortOption, const QString &longOption) -> std::optional<QString> {
            if (word == shortOption || word == longOption)
                return i + 1 < words.size() ? std::optional<QString>(words.at(++i)) : std::nullopt;
            if (word.startsWith(longOption + u'='))
                return word.mid(longOption.size() + 1);
            if (word.startsWith(shortOption) && !word.startsWith(u"--"))
                return word.mid(shortOption.size());
            return std::nullopt;
        };
        if (const std::optional<QString> user = valueAfter(u"-U"_s, u"--username"_s)) {
            userWord = user;
        } else if (const std::optional<QString> database = valueAfter(u"-d"_s, u"--dbname"_s)) {
            databaseWord = database;
            conninfo = database->contains(u'=') || database->contains(u"://");
        } else if (word == u"-h" || word == u"-p" || word == u"-t" || word == u"--host" || word == u"--port"
                   || word == u"--timeout") {
            ++i; // an option's value, not a name
        }
    }
    if (conninfo)
        return; // a connection string: its user and dbname are libpq's to combine
    QHash<QString, QString> environment;
    for (const ComposeEnvironmentEntry &entry : server->environment)
        if (!entry.valueless)
            environment.insert(entry.key, entry.value);
    const auto resolve = [&environment](const std::optional<QString> &word) -> std::optional<QString> {
        if (!word)
            return std::nullopt;
        const std::optional<QString> expanded = expandShell(*word, environment);
        return expanded && !expanded->isEmpty() ? expanded : std::nullopt;
    };
    // Without -U libpq takes PGUSER, else the container's user (root unless the service says
    // otherwise, which pgdial does not read): only a name the files give is judged.
    std::optional<QString> user = userWord ? resolve(userWord) : std::nullopt;
    if (!userWord && environment.contains(u"PGUSER"_s))
        user = environment.value(u"PGUSER"_s);
    std::optional<QString> database = databaseWord ? resolve(databaseWord) : std::nullopt;
    if (!databaseWord)
        database = environment.contains(u"PGDATABASE"_s) ? environment.value(u"PGDATABASE"_s) : user;
    if (!user && !database)
        return;
    const CreatedNames created = createdNames(project, *server, environment);
    const QString script = tr("(the image's POSTGRES_USER / POSTGRES_DB and the init scripts create %1)");
    if (user && created.rolesKnown && !created.roles.contains(*user)) {
        QStringList roles = created.roles.values();
        roles.sort();
        out.append(make(project, base::Severity::Warning, u"env.healthcheck-role-missing"_s, env.healthcheckSource,
                        tr("The healthcheck of %1 connects as role %2, which the server never gets %3")
                            .arg(env.serverService, *user, script.arg(roles.join(u", "_s))),
                        tr("Use -U with one of those roles: pg_isready still reports the server ready, but the "
                           "server logs FATAL: role \"%1\" does not exist at every check")
                            .arg(*user),
                        userWord.value_or(QString())));
    }
    if (database && created.databasesKnown && !created.databases.contains(*database)) {
        QStringList databases = created.databases.values();
        databases.sort();
        out.append(make(
            project, base::Severity::Warning, u"env.healthcheck-database-missing"_s, env.healthcheckSource,
            databaseWord ? tr("The healthcheck of %1 asks for database %2, which the server never gets %3")
                               .arg(env.serverService, *database, script.arg(databases.join(u", "_s)))
                         : tr("The healthcheck of %1 asks for database %2 (without -d libpq takes the user's "
                              "name), which the server never gets %3")
                               .arg(env.serverService, *database, script.arg(databases.join(u", "_s))),
            tr("Add -d with one of those databases (-d postgres always exists): pg_isready still reports the server "
               "ready, but the server logs FATAL: database \"%1\" does not exist at every check")
                .arg(*database),
            databaseWord.value_or(userWord.value_or(QString()))));
    }
}

void checkCompose(const project::Project &project, const Environment &env, base::Diagnostics &out)
{
    const ComposeDocument &compose = env.compose;
    for (const ComposeServiceSpec &service : compose.services()) {
        for (const ComposeReference &secret : service.secrets) {
            if (compose.secret(secret.name))
                continue;
            out.append(make(project, base::Severity::Error, u"env.secret-undeclared"_s, secret.source,
                            tr("Service %1 uses secret %2, which no top-level secrets: entry declares "
                               "(docker compose refuses the file)")
                                .arg(service.name, secret.name),
                            tr("Declare it: secrets: %1: file: ./path/to/%1.txt").arg(secret.name), secret.name));
        }
        // Services that talk to the database: started before it is ready, or on another network.
        if (env.serverService.isEmpty() || service.name == env.serverService)
            continue;
        const auto server = compose.service(env.serverService);
        // Where the service says it talks to the database: depends_on, else a URL of its
        // environment whose host is the database's service or container name.
        std::optional<SourceRef> reaches;
        QString needle = env.serverService;
        for (const ComposeReference &dependency : service.dependsOn) {
            if (dependency.name != env.serverService)
                continue;
            reaches = dependency.source;
            // Compose waits for a health status the service never reports: `up` fails (the
            // official image defines no HEALTHCHECK; another image may, which pgdial cannot see).
            if (dependency.condition == u"service_healthy" && server && server->healthcheck.isEmpty())
                out.append(make(project, base::Severity::Warning, u"env.depends-on-no-healthcheck"_s, dependency.source,
                                tr("Service %1 waits for %2 to be healthy, but %2 has no healthcheck")
                                    .arg(service.name, env.serverService),
                                tr("Give %1 a healthcheck: test: [\"CMD-SHELL\", \"pg_isready -U postgres -d "
                                   "postgres\"] (with the role and database the server has)")
                                    .arg(env.serverService),
                                env.serverService));
            if (dependency.condition != u"service_healthy")
                out.append(make(project, base::Severity::Warning, u"env.depends-on-not-healthy"_s, dependency.source,
                                tr("Service %1 waits only for %2 to start, not to accept connections")
                                    .arg(service.name, env.serverService),
                                tr("depends_on: %1: condition: service_healthy (with a pg_isready healthcheck)")
                                    .arg(env.serverService),
                                env.serverService));
        }
        for (const EnvironmentUrl &url : env.databaseUrls) {
            if (reaches || !server || url.sqlite || url.name.section(u'/', 0, 0) != service.name
                || !url.name.contains(u'/'))
                continue;
            if (url.host == env.serverService
                || (!server->containerName.isEmpty() && url.host == server->containerName)) {
                reaches = url.source;
                needle = url.host;
            }
        }
        if (reaches && server) {
            const auto networksOf = [](const ComposeServiceSpec &spec) {
                QSet<QString> names;
                for (const ComposeReference &network : spec.networks)
                    names.insert(network.name);
                if (names.isEmpty())
                    names.insert(u"default"_s);
                return names;
            };
            if (!networksOf(service).intersects(networksOf(*server)))
                out.append(make(project, base::Severity::Warning, u"env.network-mismatch"_s, *reaches,
                                tr("Service %1 and the database %2 share no network: %1 cannot reach it")
                                    .arg(service.name, env.serverService),
                                tr("Put both services on the same network"), needle));
        }
    }
    checkHealthcheck(project, env, out);
    // Secret files are usually kept out of the repository: one note per compose file, not one per secret.
    QMap<QString, QList<ComposeSecret>> missing; // by the file that declares them
    for (const ComposeSecret &secret : compose.secrets())
        if (!secret.external && !secret.projectPath.isEmpty()
            && !QFileInfo::exists(project.absolutePathOf(secret.projectPath)))
            missing[secret.source.file].append(secret);
    for (auto it = missing.cbegin(); it != missing.cend(); ++it) {
        QStringList names;
        for (const ComposeSecret &secret : it.value())
            names.append(secret.name + u" ("_s + secret.projectPath + u')');
        base::Diagnostic d
            = make(project, base::Severity::Info, u"env.secret-file-missing"_s, it.value().first().source,
                   tr("%n secret file(s) do not exist here: %1", nullptr, int(names.size())).arg(names.join(u", "_s)),
                   tr("Create them before `docker compose up` (and keep them out of version control)"),
                   it.value().first().name);
        for (const ComposeSecret &secret : it.value().mid(1))
            d.related.append(secret.source.toText());
        out.append(d);
    }
}

} // namespace

void EnvironmentChecker::placeColumns(const project::Project &project, base::Diagnostics &diagnostics)
{
    for (base::Diagnostic &d : diagnostics)
        if (d.column == 0)
            placeColumn(project, d);
}

base::Diagnostics EnvironmentChecker::check(const project::Project &project, const EnvironmentSet &set,
                                            const QString &only)
{
    base::Diagnostics out;
    const std::optional<Environment> chosen = only.isEmpty() ? std::nullopt : set.find(only);
    for (const Environment &env : set.environments) {
        if (chosen && chosen->name != env.name)
            continue;
        const QString name = env.name.section(u':', -1);
        if (EnvironmentName::isProduction(name)) {
            checkProductionTls(project, env, out);
            checkProductionSecrets(project, env, out);
            checkProductionPorts(project, env, out);
            checkProductionScram(project, env, out);
            checkProductionLogging(project, env, out);
        } else if (EnvironmentName::isDevelopment(name)) {
            checkPasswordReuse(project, env, set, out);
        }
        // Testing's SQLite URL (sqlite:///:memory:) gets no PostgreSQL rule: none of the above
        // runs for it, and a URL rule skips SQLite.
        checkCompose(project, env, out);
    }
    // Environments share files (one config.yaml, a base compose file): one finding, once.
    base::Diagnostics unique;
    QSet<QString> seen;
    for (const base::Diagnostic &d : std::as_const(out)) {
        const QString key = d.code + u'\n' + d.file + u'\n' + QString::number(d.line) + u'\n' + d.message;
        if (!seen.contains(key)) {
            seen.insert(key);
            unique.append(d);
        }
    }
    return unique;
}

} // namespace pgdial::core::environments
