#include "environments/serverclientdetector.h"

#include "appconfig/appconfigfile.h"
#include "appconfig/connectionurl.h"
#include "appconfig/databaseconfig.h"
#include "appconfig/envfile.h"
#include "checks/appconfigchecker.h"
#include "environments/environmentdetector.h"
#include "environments/initscriptroles.h"
#include "environments/targetversion.h"
#include "project/project.h"
#include "tuning/projectpoolsettings.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("pgdial::core::environments::ServerClientDetector", text, disambiguation, n);
}

QString folderOf(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(u'/');
    return slash < 0 ? QString() : relativePath.left(slash);
}

// Temporal's SQL persistence opens up to SQL_MAX_CONNS connections per datastore (its config
// template's default is 20), and a server has two: the default store and visibility.
constexpr int temporalDefaultMaxConns = 20;
constexpr int temporalStores = 2;

bool isPostgresUrl(const QString &value)
{
    static const QRegularExpression url(uR"(^\s*postgres(ql)?(\+[a-z0-9_]+)?://)"_s,
                                        QRegularExpression::CaseInsensitiveOption);
    return url.match(value).hasMatch();
}

bool isTemporalServer(const ComposeServiceSpec &service)
{
    const QString image = service.image.toLower();
    if (image.contains(u"temporalio/"_s))
        return !image.contains(u"/ui"_s) && !image.contains(u"admin-tools"_s) && !image.contains(u"/web"_s);
    if (service.environmentValue(u"POSTGRES_SEEDS"_s))
        return true;
    const auto db = service.environmentValue(u"DB"_s);
    return db && db->value.toLower().startsWith(u"postgres"_s);
}

// A service that runs the app's code: it carries a PostgreSQL URL in its environment.
bool usesDatabaseUrl(const ComposeServiceSpec &service)
{
    for (const ComposeEnvironmentEntry &entry : service.environment)
        if (entry.key == u"DATABASE_URL" || isPostgresUrl(entry.value))
            return true;
    return false;
}

QString envValue(const ComposeServiceSpec &service, const QString &key, const QString &fallback)
{
    const auto entry = service.environmentValue(key);
    return entry && !entry->value.isEmpty() ? entry->value : fallback;
}

// What the app's config.yaml says about who the app is and which roles it connects as.
struct AppFacts
{
    QString name;
    QString role; // database.user, else the URL's user
    QString readOnlyRole; // database.ro_user (backups, reporting)
    QString database;
    QString temporalRole;
    QStringList temporalDatabases;
    SourceRef temporalSource;
};

AppFacts readAppFacts(const project::Project &project, const QString &appConfig)
{
    AppFacts facts;
    const auto file = project.findFile(appConfig);
    const appconfig::VariableResolver resolver
        = checks::AppConfigChecker::resolverFor(project, file ? folderOf(appConfig) : QString());
    auto resolved = [&](const std::optional<appconfig::ConfigScalar> &scalar) {
        return scalar ? resolver.substitute(scalar->value, appConfig, scalar->line).value : QString();
    };
    if (file && file->isLoaded()) {
        const appconfig::AppConfigFile config = appconfig::AppConfigFile::parse(*file->document, appConfig);
        const appconfig::DatabaseConfig database = appconfig::DatabaseConfig::resolve(config, resolver);
        facts.name = resolved(config.scalar({u"app"_s, u"name"_s}));
        facts.role = database.field(u"user"_s) ? database.value(u"user"_s) : QString();
        if (facts.role.isEmpty())
            facts.role
                = appconfig::ConnectionUrlParser::parse(database.value(u"url"_s)).value(u"user"_s).value_or(QString());
        facts.readOnlyRole = database.field(u"ro_user"_s) ? database.value(u"ro_user"_s) : QString();
        facts.database = database.field(u"app_db"_s) ? database.value(u"app_db"_s) : QString();
        // The guide's config.yaml names Temporal's databases and role in a temporal: section.
        for (const QString &key : {u"db"_s, u"visibility_db"_s}) {
            if (const auto scalar = config.scalar({u"temporal"_s, key})) {
                facts.temporalDatabases.append(resolved(scalar));
                if (!facts.temporalSource.isValid())
                    facts.temporalSource = {appConfig, scalar->line};
            }
        }
        if (const auto user = config.scalar({u"temporal"_s, u"db_user"_s}))
            facts.temporalRole = resolved(user);
    }
    // .env's TEMPORAL_DB, TEMPORAL_VIS_DB, TEMPORAL_DB_USER (the guide's names).
    if (facts.temporalDatabases.isEmpty()) {
        for (const QString &key : {u"TEMPORAL_DB"_s, u"TEMPORAL_VIS_DB"_s}) {
            if (const auto use = resolver.lookup(key)) {
                facts.temporalDatabases.append(use->value);
                if (!facts.temporalSource.isValid() && !use->provenance.file.isEmpty())
                    facts.temporalSource = {use->provenance.file, use->provenance.line};
            }
        }
    }
    if (facts.temporalRole.isEmpty())
        if (const auto use = resolver.lookup(u"TEMPORAL_DB_USER"_s))
            facts.temporalRole = use->value;
    facts.temporalDatabases.removeAll(QString());
    facts.temporalDatabases.removeDuplicates();
    return facts;
}

bool hbaAllowsReplication(const project::Project &project, QString &where)
{
    static const QRegularExpression blank(uR"(\s+)"_s);
    for (const auto &file : project.filesOfKind(project::FileKind::PgHba)) {
        if (!file->isLoaded())
            continue;
        for (int i = 0; i < file->document->lineCount(); ++i) {
            const QString line = file->document->lineText(i).section(u'#', 0, 0).trimmed();
            const QStringList fields = line.split(blank, Qt::SkipEmptyParts);
            if (fields.size() < 3 || (fields.at(0) != u"local" && !fields.at(0).startsWith(u"host"_s)))
                continue;
            if (fields.at(1).split(u',').contains(u"replication"_s)) {
                where = file->relativePath + u':' + QString::number(i + 1);
                return true;
            }
        }
    }
    return false;
}

SourceRef sourceOf(const std::optional<tuning::SourcedNumber> &number)
{
    return number ? SourceRef {number->file, number->line} : SourceRef {};
}

class Detection
{
public:
    Detection(const project::Project &project, const EnvironmentSet &set)
        : m_project(project)
        , m_pools(tuning::ProjectPoolSettings::read(project))
        , m_app(readAppFacts(project, m_pools.appConfigFile))
    {
        if (const base::Result<TargetVersionChoice> choice = TargetVersion::choose(set, project.settings.environment);
            choice && choice->environment) {
            m_environment = choice->environment;
            m_list.environment = m_environment->name;
        }
    }

    ServerClientList run()
    {
        readComposeServices();
        addAppPools();
        addAppProcesses();
        addTemporal();
        addInitScriptRoles();
        addReplication();
        addReservedSlots();
        for (const project::ManualClient &manual : m_project.settings.manualClients)
            m_list.addManual(manual.name, manual.connections);
        return m_list;
    }

private:
    const project::Project &m_project;
    tuning::ProjectPoolSettings m_pools;
    AppFacts m_app;
    std::optional<Environment> m_environment;
    ServerClientList m_list;
    QList<ComposeServiceSpec> m_appServices;
    QList<ComposeServiceSpec> m_temporalServices;
    int m_standbys = 0;
    QStringList m_replicationRoles;
    int m_perProcess = 0;

    void readComposeServices()
    {
        if (!m_environment)
            return;
        QList<ComposeServiceSpec> others;
        for (const ComposeServiceSpec &service : m_environment->compose.services()) {
            if (service.isPostgres()) {
                if (service.name != m_environment->serverService)
                    ++m_standbys;
            } else if (isTemporalServer(service)) {
                m_temporalServices.append(service);
            } else if (usesDatabaseUrl(service) || envFileHasUrl(service)) {
                m_appServices.append(service);
            } else {
                others.append(service);
            }
        }
        // No service shows the URL (it may come from the shell running compose): the app is the
        // service named like it, else the one with the most replicas, as it scales the pools.
        if (m_appServices.isEmpty()) {
            const auto named = std::find_if(others.cbegin(), others.cend(), [this](const ComposeServiceSpec &s) {
                return s.name.compare(m_app.name, Qt::CaseInsensitive) == 0 || s.name == u"app" || s.name == u"api"
                    || s.name == u"web" || s.name == u"backend";
            });
            const auto scaled = std::max_element(others.cbegin(), others.cend(), [](const auto &a, const auto &b) {
                return a.replicas.value_or(0) < b.replicas.value_or(0);
            });
            if (named != others.cend())
                m_appServices.append(*named);
            else if (scaled != others.cend() && scaled->replicas)
                m_appServices.append(*scaled);
        }
        // The app itself first: the service named after it or as web apps usually are.
        const QStringList names {m_app.name.toLower(), u"app"_s, u"api"_s, u"web"_s, u"backend"_s, u"server"_s};
        for (const QString &name : names) {
            const auto it = std::find_if(m_appServices.begin(), m_appServices.end(),
                                         [&](const ComposeServiceSpec &s) { return s.name.toLower() == name; });
            if (!name.isEmpty() && it != m_appServices.end()) {
                std::rotate(m_appServices.begin(), it, it + 1);
                break;
            }
        }
    }

    // env_file: the app's settings often come from a .env file rather than `environment:`.
    bool envFileHasUrl(const ComposeServiceSpec &service) const
    {
        for (const ComposeEnvFileRef &ref : service.envFiles) {
            const auto file = m_project.findFile(ref.projectPath);
            if (!file || !file->isLoaded())
                continue;
            const appconfig::EnvFile env = appconfig::EnvFile::parse(*file->document, file->relativePath);
            if (const auto entry = env.find(u"DATABASE_URL"_s); entry && !entry->value.isEmpty())
                return true;
        }
        return false;
    }

    void addAppPools()
    {
        if (!m_pools.poolSize)
            return;
        m_perProcess = m_pools.poolSize->value + (m_pools.maxOverflow ? m_pools.maxOverflow->value : 0);
        const int workers = m_pools.workers ? std::max(1, m_pools.workers->value) : 1;
        int instances = m_project.settings.appInstances.value_or(1);
        QString instancesFrom = m_project.settings.appInstances ? tr("the project's instance count") : QString();
        if (!m_appServices.isEmpty() && m_appServices.first().replicas) {
            instances = std::max(1, *m_appServices.first().replicas);
            m_list.appInstancesSource = m_appServices.first().replicasSource;
            instancesFrom = tr("%1's replicas at %2")
                                .arg(m_appServices.first().name, m_appServices.first().replicasSource.toText());
        }
        m_list.appInstances = instances;
        ServerClient app;
        app.kind = ServerClient::Kind::AppPools;
        app.name = m_app.name.isEmpty() ? tr("The app's pools") : tr("%1's pools").arg(m_app.name);
        app.role = m_app.role;
        if (!m_app.database.isEmpty())
            app.databases = {m_app.database};
        app.source = sourceOf(m_pools.poolSize);
        m_list.clients.append(app);
        m_list.setAppPools(instances * workers, m_perProcess, instances);
        ServerClient &entry = m_list.clients.last();
        entry.detail = tr("%1 instance(s) x %2 worker(s) x (pool_size %3 + max_overflow %4)%5")
                           .arg(instances)
                           .arg(workers)
                           .arg(m_pools.poolSize->value)
                           .arg(m_pools.maxOverflow ? m_pools.maxOverflow->value : 0)
                           .arg(instancesFrom.isEmpty() ? QString() : tr("; instances from %1").arg(instancesFrom));
    }

    void addAppProcesses()
    {
        // The first app service is the app itself (its pools are counted above).
        for (qsizetype i = m_pools.poolSize ? 1 : 0; i < m_appServices.size(); ++i) {
            const ComposeServiceSpec &service = m_appServices.at(i);
            const int replicas = std::max(1, service.replicas.value_or(1));
            ServerClient client;
            client.kind = ServerClient::Kind::AppProcess;
            client.name = service.name;
            client.role = m_app.role;
            if (!m_app.database.isEmpty())
                client.databases = {m_app.database};
            client.source = service.source;
            if (m_perProcess > 0) {
                client.connections = replicas * m_perProcess;
                client.surge = m_perProcess;
                client.detail = tr("%1 replica(s) x (pool_size + max_overflow %2): it runs with the app's database "
                                   "URL, one process each")
                                    .arg(replicas)
                                    .arg(m_perProcess);
            } else {
                // No pool settings to go by: SQLAlchemy's defaults (pool_size 5 + max_overflow 10).
                client.connections = replicas * 15;
                client.estimated = true;
                client.detail
                    = tr("%1 replica(s) x 15 (SQLAlchemy's default pool_size 5 + max_overflow 10)").arg(replicas);
            }
            m_list.clients.append(client);
        }
    }

    void addTemporal()
    {
        for (const ComposeServiceSpec &service : std::as_const(m_temporalServices)) {
            const int replicas = std::max(1, service.replicas.value_or(1));
            bool ok = false;
            const int maxConns = envValue(service, u"SQL_MAX_CONNS"_s, QString()).toInt(&ok);
            ServerClient client;
            client.kind = ServerClient::Kind::Service;
            client.name = service.name;
            client.role = envValue(service, u"POSTGRES_USER"_s, m_app.temporalRole);
            client.databases = {envValue(service, u"DBNAME"_s, u"temporal"_s),
                                envValue(service, u"VISIBILITY_DBNAME"_s, u"temporal_visibility"_s)};
            const int perStore = ok && maxConns > 0 ? maxConns : temporalDefaultMaxConns;
            client.connections = replicas * perStore * temporalStores;
            client.estimated = !ok;
            client.detail = tr("Temporal: %1 replica(s) x SQL_MAX_CONNS %2%3 x 2 databases")
                                .arg(replicas)
                                .arg(perStore)
                                .arg(ok ? QString() : tr(" (its default)"));
            client.source = service.source;
            m_list.clients.append(client);
        }
        // The project names Temporal's databases but no compose file runs it: it runs elsewhere
        // (another stack, a managed service) and still connects to this server.
        if (m_temporalServices.isEmpty() && !m_app.temporalDatabases.isEmpty()) {
            ServerClient client;
            client.kind = ServerClient::Kind::Service;
            client.name = u"Temporal"_s;
            client.role = m_app.temporalRole;
            client.databases = m_app.temporalDatabases;
            client.connections = temporalDefaultMaxConns * temporalStores;
            client.estimated = true;
            client.detail = tr("Temporal's default SQL_MAX_CONNS %1 x 2 databases; no compose file of this "
                               "environment runs it")
                                .arg(temporalDefaultMaxConns);
            client.source = m_app.temporalSource;
            m_list.clients.append(client);
        }
    }

    QList<std::shared_ptr<project::ProjectFile>> initScripts() const
    {
        QList<std::shared_ptr<project::ProjectFile>> scripts;
        const QList<std::shared_ptr<project::ProjectFile>> all = m_project.filesOfKind(project::FileKind::InitScript);
        // The environment's server mounts some of them; without such a mount, every one counts.
        if (m_environment)
            for (const auto &script : all)
                if (m_environment->files.contains(script->relativePath))
                    scripts.append(script);
        return scripts.isEmpty() ? all : scripts;
    }

    void addInitScriptRoles()
    {
        for (const auto &script : initScripts()) {
            if (!script->isLoaded())
                continue;
            for (const InitScriptRole &role : InitScriptRoles::read(*script->document, script->relativePath)) {
                if (role.replication)
                    m_replicationRoles.append(role.name);
                // Superusers connect through the reserved slots, replication roles through
                // walsender slots; NOLOGIN roles never connect.
                if (!role.login || role.superuser || role.replication)
                    continue;
                if (accountedFor(role))
                    continue;
                ServerClient client;
                client.kind = role.name == m_app.readOnlyRole || role.name.contains(u"backup"_s, Qt::CaseInsensitive)
                    ? ServerClient::Kind::Backup
                    : ServerClient::Kind::LoginRole;
                client.name = role.name;
                client.role = role.name;
                client.source = role.source;
                if (role.connectionLimit) {
                    client.connections = *role.connectionLimit;
                    client.detail = tr("CONNECTION LIMIT %1").arg(*role.connectionLimit);
                } else {
                    client.connections = 1;
                    client.estimated = true;
                    client.detail = client.kind == ServerClient::Kind::Backup
                        ? tr("created WITH LOGIN without a CONNECTION LIMIT: one session (pg_dump; -j N takes N + 1)")
                        : tr("created WITH LOGIN without a CONNECTION LIMIT: at least one session");
                }
                m_list.clients.append(client);
            }
        }
    }

    // The role is the app's or a listed service's: no entry of its own, but its CONNECTION
    // LIMIT caps what that client can open.
    bool accountedFor(const InitScriptRole &role)
    {
        for (ServerClient &client : m_list.clients) {
            bool same = !client.role.isEmpty() && client.role == role.name;
            if (!same && client.kind == ServerClient::Kind::Service && client.role.isEmpty()
                && role.name.startsWith(u"temporal"_s, Qt::CaseInsensitive)) {
                client.role = role.name;
                same = true;
            }
            if (!same)
                continue;
            if (role.connectionLimit && *role.connectionLimit < client.connections
                && client.kind != ServerClient::Kind::AppPools) {
                client.detail += tr("; capped by %1's CONNECTION LIMIT %2 at %3")
                                     .arg(role.name)
                                     .arg(*role.connectionLimit)
                                     .arg(role.source.toText());
                client.connections = *role.connectionLimit;
                client.estimated = false;
            }
            return true;
        }
        return false;
    }

    void addReplication()
    {
        QString hbaPlace;
        const bool hba = hbaAllowsReplication(m_project, hbaPlace);
        if (!hba && m_standbys == 0 && m_replicationRoles.isEmpty() && !m_pools.maxWalSenders)
            return;
        ServerClient client;
        client.kind = ServerClient::Kind::Replication;
        client.name = tr("Replication");
        client.role = m_replicationRoles.join(u", "_s);
        client.connections = m_pools.maxWalSenders ? m_pools.maxWalSenders->value : 10;
        QStringList why;
        if (m_standbys > 0)
            why.append(tr("%n standby service(s) in compose", nullptr, m_standbys));
        if (!m_replicationRoles.isEmpty())
            why.append(tr("REPLICATION role(s) %1").arg(m_replicationRoles.join(u", "_s)));
        if (hba)
            why.append(tr("pg_hba.conf admits replication connections (%1)").arg(hbaPlace));
        client.detail = tr("standbys and pg_basebackup use walsender slots (max_wal_senders %1%2), not "
                           "max_connections; %3")
                            .arg(client.connections)
                            .arg(m_pools.maxWalSenders ? QString() : tr(", the default"))
                            .arg(why.join(u"; "_s));
        client.source = m_pools.maxWalSenders ? sourceOf(m_pools.maxWalSenders) : SourceRef {};
        m_list.clients.append(client);
    }

    void addReservedSlots()
    {
        ServerClient superuser;
        superuser.kind = ServerClient::Kind::SuperuserReserved;
        superuser.name = tr("Superuser sessions");
        superuser.role = u"postgres"_s;
        superuser.connections = m_pools.superuserReservedConnections ? m_pools.superuserReservedConnections->value : 3;
        superuser.detail = tr("superuser_reserved_connections%1: maintenance, backups run as a superuser, emergencies")
                               .arg(m_pools.superuserReservedConnections ? QString() : tr(" (the default)"));
        superuser.source = sourceOf(m_pools.superuserReservedConnections);
        m_list.clients.append(superuser);
        if (m_project.settings.pgVersion >= 16 && m_pools.reservedConnections
            && m_pools.reservedConnections->value > 0) {
            ServerClient reserved;
            reserved.kind = ServerClient::Kind::Reserved;
            reserved.name = tr("Reserved sessions");
            reserved.connections = m_pools.reservedConnections->value;
            reserved.detail = tr("reserved_connections: roles granted pg_use_reserved_connections");
            reserved.source = sourceOf(m_pools.reservedConnections);
            m_list.clients.append(reserved);
        }
    }
};

} // namespace

ServerClientList ServerClientDetector::detect(const project::Project &project)
{
    return detect(project, EnvironmentDetector::detect(project));
}

ServerClientList ServerClientDetector::detect(const project::Project &project, const EnvironmentSet &environments)
{
    return Detection(project, environments).run();
}

} // namespace pgdial::core::environments
