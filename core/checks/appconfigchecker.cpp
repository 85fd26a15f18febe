#include "checks/appconfigchecker.h"

#include "appconfig/appconfigfile.h"
#include "appconfig/composefile.h"
#include "appconfig/connectionurl.h"
#include "appconfig/connectionurlchecker.h"
#include "appconfig/databaseconfig.h"
#include "appconfig/envfile.h"
#include "checks/apphbachecks.h"
#include "checks/appserverchecks.h"
#include "environments/serverclientdetector.h"
#include "hba/hbaparser.h"
#include "project/project.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace pgdial::core::checks {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AppConfigChecker", text);
}

QString folderOf(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(u'/');
    return slash < 0 ? QString() : relativePath.left(slash);
}

QString inFolder(const QString &folder, const QString &name)
{
    return folder.isEmpty() ? name : folder + u'/' + name;
}

// The app's connection against every top-level pg_hba.conf of the project (through the simulator).
base::Diagnostics hbaChecks(const project::Project &project, const AppHbaChecks::Inputs &inputs,
                            const project::ServerSettingLookup &lookup)
{
    base::Diagnostics out;
    const auto documentFor = [&project](const QString &relativePath) -> const base::TextDocument * {
        const std::shared_ptr<project::ProjectFile> file = project.findFile(relativePath);
        return file && file->isLoaded() ? &*file->document : nullptr;
    };
    for (const auto &file : project.filesOfKind(project::FileKind::PgHba)) {
        if (file->includedBy || !file->isLoaded())
            continue;
        const hba::HbaParseOptions options
            = hba::HbaParseOptions::forServer(project.settings.pgVersion, project.settings.serverBuildFeatures);
        const hba::HbaFile parsed
            = hba::HbaParser::parse(file->document->toBytes(), file->absolutePath, options, project.rootPath());
        out.append(AppHbaChecks::check(inputs, parsed, file->relativePath, lookup, documentFor));
    }
    return out;
}

// The URL's own role: its user (libpq has no default we can know: the OS user) and its database
// (default: the user name).
std::optional<AppHbaChecks::Role> urlRole(const appconfig::ConnectionUrl &url, const QString &file, int line)
{
    const QString user = url.value(u"user"_s).value_or(QString());
    if (user.isEmpty())
        return std::nullopt;
    const QString database = url.value(u"dbname"_s).value_or(QString());
    return AppHbaChecks::Role {user, database.isEmpty() ? user : database, u"url"_s, file, line, 0};
}

void appendRole(QList<AppHbaChecks::Role> &roles, const AppHbaChecks::Role &role)
{
    if (role.user.isEmpty() || role.database.isEmpty())
        return;
    for (const AppHbaChecks::Role &existing : std::as_const(roles))
        if (existing.user == role.user && existing.database == role.database)
            return;
    roles.append(role);
}

} // namespace

appconfig::VariableResolver AppConfigChecker::resolverFor(const project::Project &project, const QString &folder)
{
    appconfig::VariableResolver resolver;
    resolver.setUseProcessEnvironment(project.settings.useProcessEnvironment);
    if (project.settings.useProcessEnvironment)
        resolver.setProcessEnvironment(appconfig::VariableResolver::systemEnvironment());
    std::shared_ptr<project::ProjectFile> env = project.findFile(inFolder(folder, u".env"_s));
    if (!env || !env->isLoaded())
        env = project.findFile(u".env"_s);
    if (env && env->isLoaded())
        resolver.addEnvFile(appconfig::EnvFile::parse(*env->document, env->relativePath));
    return resolver;
}

base::Diagnostics AppConfigChecker::check(const project::Project &project, const project::ServerSettingLookup &lookup)
{
    base::Diagnostics out;

    // .env files on their own, and against .env.example in the same folder.
    for (const auto &file : project.filesOfKind(project::FileKind::Env))
        if (file->isLoaded())
            out.append(appconfig::EnvFile::parse(*file->document, file->relativePath).diagnostics());
    for (const auto &example : project.filesOfKind(project::FileKind::EnvExample)) {
        if (!example->isLoaded())
            continue;
        const appconfig::EnvFile documented = appconfig::EnvFile::parse(*example->document, example->relativePath);
        out.append(documented.diagnostics());
        const QString envPath = inFolder(folderOf(example->relativePath), u".env"_s);
        const std::shared_ptr<project::ProjectFile> env = project.findFile(envPath);
        if (!env || !env->isLoaded()) {
            base::Diagnostic d;
            d.severity = base::Severity::Info;
            d.code = u"env.missing-env-file"_s;
            d.file = example->relativePath;
            d.message
                = tr("%1 documents the expected variables but there is no %2").arg(example->relativePath, envPath);
            d.suggestion = tr("cp %1 %2, then fill in the values").arg(example->relativePath, envPath);
            out.append(d);
            continue;
        }
        const appconfig::EnvFile actual = appconfig::EnvFile::parse(*env->document, env->relativePath);
        for (const QString &key : documented.keys()) {
            if (actual.find(key))
                continue;
            const appconfig::EnvEntry entry = *documented.find(key);
            base::Diagnostic d;
            d.severity = entry.documentedForProductionOnly ? base::Severity::Info : base::Severity::Warning;
            d.code = u"env.missing-key"_s;
            // Located where the key is documented: .env has no line for it (the fix adds one).
            d.file = example->relativePath;
            d.line = entry.line;
            d.column = 1;
            d.message = entry.documentedForProductionOnly
                ? tr("%1 (production only in %2) is not set in %3").arg(key, example->relativePath, env->relativePath)
                : tr("%1 is documented in %2 but not set in %3").arg(key, example->relativePath, env->relativePath);
            d.suggestion = tr("Add %1=... to %2").arg(key, env->relativePath);
            d.related.append(env->relativePath);
            // The fix adds the key without a value: values in .env.example may be placeholders or secrets.
            if (const base::Result<base::LineEdit> edit = actual.setValue(*env->document, key, QString()))
                d.fix = base::Fix {tr("Add %1= to %2").arg(key, env->relativePath), env->relativePath, {*edit}};
            out.append(d);
        }
    }

    QList<appconfig::ComposeFile> composeFiles;
    for (const auto &file : project.filesOfKind(project::FileKind::Compose))
        if (file->isLoaded())
            composeFiles.append(appconfig::ComposeFile::parse(*file->document, file->relativePath));
    for (const appconfig::ComposeFile &compose : std::as_const(composeFiles))
        out.append(compose.diagnostics());

    const environments::ServerClientList clients = environments::ServerClientDetector::detect(project);
    bool urlChecked = false;
    for (const auto &file : project.filesOfKind(project::FileKind::AppConfig)) {
        if (!file->isLoaded())
            continue;
        const appconfig::AppConfigFile config = appconfig::AppConfigFile::parse(*file->document, file->relativePath);
        out.append(config.diagnostics());
        if (!config.hasDatabaseSection())
            continue;
        const appconfig::VariableResolver resolver = resolverFor(project, folderOf(file->relativePath));
        const appconfig::DatabaseConfig database = appconfig::DatabaseConfig::resolve(config, resolver);
        out.append(appconfig::DatabaseConfigValidator::validate(database, project.rootPath()));
        const auto urlField = database.field(u"url"_s);
        if (!urlField)
            continue;
        urlChecked = true;

        AppServerChecks::Inputs inputs;
        inputs.config = database;
        inputs.url = appconfig::ConnectionUrlParser::parse(urlField->value());
        inputs.composeFiles = composeFiles;
        inputs.pgVersion = project.settings.pgVersion;
        const appconfig::Provenance provenance = urlField->substitution.provenance();
        if (provenance.source == appconfig::Provenance::Source::EnvFile) {
            inputs.urlFile = provenance.file;
            inputs.urlLine = provenance.line;
        } else {
            inputs.urlFile = file->relativePath;
            inputs.urlLine = urlField->scalar.line;
        }
        // Instances and everyone else from the one list of the server's clients, which the pool
        // calculator and the tuning wizard read too.
        inputs.instances = clients.appInstances;
        inputs.instancesSource = clients.appInstancesSource.isValid() ? clients.appInstancesSource.toText()
            : project.settings.appInstances                           ? tr("the project's instance count")
                                                                      : QString();
        inputs.otherClients = clients.otherDemand();
        QStringList others;
        for (const environments::ServerClient &client : clients.clients)
            if (client.takesOrdinarySlots() && client.kind != environments::ServerClient::Kind::AppPools
                && client.connections > 0)
                others.append(u"%1 %2"_s.arg(client.name).arg(client.connections));
        inputs.otherClientsDetail = others.join(u" + "_s);
        if (const auto workers = config.scalar({u"app"_s, u"workers"_s})) {
            bool ok = false;
            const int count = resolver.substitute(workers->value, file->relativePath, workers->line).value.toInt(&ok);
            if (ok && count > 0) {
                inputs.workers = count;
                inputs.workersSource = file->relativePath + u':' + QString::number(workers->line);
            }
        }
        if (!project.filesOfKind(project::FileKind::PostgresqlConf).isEmpty())
            out.append(AppServerChecks::check(inputs, lookup));

        // Each role of the three-role pattern, connecting to app_db the way the URL does.
        AppHbaChecks::Inputs hbaInputs {inputs.url, inputs.urlFile, inputs.urlLine,
                                        {},         composeFiles,   project.settings.pgVersion};
        if (const auto role = urlRole(inputs.url, inputs.urlFile, inputs.urlLine))
            appendRole(hbaInputs.roles, *role);
        const QString appDb = database.value(u"app_db"_s);
        for (const QString &key : {u"owner_user"_s, u"user"_s, u"ro_user"_s})
            if (const auto field = database.field(key))
                appendRole(hbaInputs.roles,
                           {field->value(), appDb, key, file->relativePath, field->scalar.line, field->scalar.column});
        out.append(hbaChecks(project, hbaInputs, lookup));
    }

    // Without a config.yaml that uses it, DATABASE_URL in .env is checked where it is written.
    if (!urlChecked) {
        for (const auto &file : project.filesOfKind(project::FileKind::Env)) {
            if (!file->isLoaded())
                continue;
            const appconfig::EnvFile env = appconfig::EnvFile::parse(*file->document, file->relativePath);
            const auto entry = env.find(u"DATABASE_URL"_s);
            if (!entry)
                continue;
            appconfig::VariableResolver resolver = resolverFor(project, folderOf(file->relativePath));
            const auto resolved = resolver.lookup(u"DATABASE_URL"_s);
            const appconfig::ConnectionUrl url
                = appconfig::ConnectionUrlParser::parse(resolved ? resolved->value : entry->value);
            const QString mode = resolver.lookup(u"APP_ENVIRONMENT"_s).value_or(appconfig::VariableUse {}).value;
            out.append(appconfig::ConnectionUrlChecker::check(
                url, {file->relativePath, entry->line, entry->valueColumn, entry->value, mode, project.rootPath()}));
            // The app's roles as .env names them (APP_DB_OWNER / APP_DB_USER / APP_DB_RO_USER on APP_DB).
            AppHbaChecks::Inputs hbaInputs {url, file->relativePath, entry->line,
                                            {},  composeFiles,       project.settings.pgVersion};
            if (const auto role = urlRole(url, file->relativePath, entry->line))
                appendRole(hbaInputs.roles, *role);
            if (const auto appDb = env.find(u"APP_DB"_s)) {
                for (const QString &key : {u"APP_DB_OWNER"_s, u"APP_DB_USER"_s, u"APP_DB_RO_USER"_s})
                    if (const auto roleEntry = env.find(key))
                        appendRole(hbaInputs.roles,
                                   {roleEntry->value, appDb->value, key, file->relativePath, roleEntry->line,
                                    roleEntry->valueColumn});
            }
            out.append(hbaChecks(project, hbaInputs, lookup));
        }
    }
    return out;
}

} // namespace pgdial::core::checks
