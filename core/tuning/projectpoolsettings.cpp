#include "tuning/projectpoolsettings.h"

#include "appconfig/appconfigfile.h"
#include "appconfig/databaseconfig.h"
#include "checks/appconfigchecker.h"
#include "pgconf/confprojectanalyzer.h"
#include "project/project.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

namespace {

QString folderOf(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(u'/');
    return slash < 0 ? QString() : relativePath.left(slash);
}

std::optional<int> integerOf(const QString &text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

std::optional<SourcedNumber> configNumber(const appconfig::ConfigScalar &scalar,
                                          const appconfig::VariableResolver &resolver, const QString &file)
{
    const appconfig::Substitution substitution = resolver.substitute(scalar.value, file, scalar.line, scalar.column);
    const std::optional<int> value = integerOf(substitution.value);
    if (!value)
        return std::nullopt;
    return SourcedNumber {*value, file, scalar.line, scalar.value, substitution.provenance()};
}

} // namespace

QString ProjectPoolSettings::appConfigOf(const project::Project &project)
{
    QString first;
    for (const auto &file : project.filesOfKind(project::FileKind::AppConfig)) {
        if (!file->isLoaded())
            continue;
        if (first.isEmpty())
            first = file->relativePath;
        if (appconfig::AppConfigFile::parse(*file->document, file->relativePath).hasDatabaseSection())
            return file->relativePath;
    }
    return first;
}

QString ProjectPoolSettings::serverConfigOf(const project::Project &project)
{
    for (const auto &file : project.filesOfKind(project::FileKind::PostgresqlConf))
        if (file->isLoaded() && !file->includedBy)
            return file->relativePath;
    return {};
}

ProjectPoolSettings ProjectPoolSettings::read(const project::Project &project)
{
    ProjectPoolSettings result;
    result.appConfigFile = appConfigOf(project);
    if (const auto file = project.findFile(result.appConfigFile); file && file->isLoaded()) {
        const appconfig::AppConfigFile config = appconfig::AppConfigFile::parse(*file->document, file->relativePath);
        const appconfig::VariableResolver resolver
            = checks::AppConfigChecker::resolverFor(project, folderOf(file->relativePath));
        const appconfig::DatabaseConfig database = appconfig::DatabaseConfig::resolve(config, resolver);
        auto databaseNumber = [&](const QString &key) -> std::optional<SourcedNumber> {
            const std::optional<appconfig::DatabaseField> field = database.field(key);
            if (!field)
                return std::nullopt;
            const std::optional<int> value = integerOf(field->value());
            if (!value)
                return std::nullopt;
            return SourcedNumber {*value, file->relativePath, field->scalar.line, field->scalar.value,
                                  field->substitution.provenance()};
        };
        result.poolSize = databaseNumber(u"pool_size"_s);
        result.maxOverflow = databaseNumber(u"max_overflow"_s);
        result.poolTimeout = databaseNumber(u"pool_timeout"_s);
        if (const auto workers = config.scalar({u"app"_s, u"workers"_s}))
            result.workers = configNumber(*workers, resolver, file->relativePath);
    }

    result.serverConfigFile = serverConfigOf(project);
    if (!result.serverConfigFile.isEmpty()) {
        // The loader adds included files to the project it reads from: give it a copy.
        // Through the project's analysis cache (shared with the copy): the desktop calls this on
        // its UI thread after every load, and a million-line file read again there froze it.
        project::Project copy = project.detachedCopy();
        const project::ServerSettingLookup lookup
            = pgconf::ConfProjectAnalyzer::analyzeFile(copy, result.serverConfigFile).effective.lookup();
        auto number = [&](const QString &name) -> std::optional<SourcedNumber> {
            const std::optional<project::ServerSetting> setting = lookup(name);
            if (!setting)
                return std::nullopt;
            const std::optional<int> value = integerOf(setting->value);
            if (!value)
                return std::nullopt;
            return SourcedNumber {*value, setting->file, setting->line, setting->value, {}};
        };
        result.maxConnections = number(u"max_connections"_s);
        result.superuserReservedConnections = number(u"superuser_reserved_connections"_s);
        result.reservedConnections = number(u"reserved_connections"_s);
        result.maxWalSenders = number(u"max_wal_senders"_s);
    }
    return result;
}

std::optional<int> ProjectPoolSettings::appDemand(int instances) const
{
    if (!poolSize)
        return std::nullopt;
    const qint64 demand = qint64(std::max(1, instances)) * (workers ? std::max(1, workers->value) : 1)
        * (qint64(poolSize->value) + (maxOverflow ? maxOverflow->value : 0));
    return int(std::clamp<qint64>(demand, 0, 262143));
}

} // namespace pgdial::core::tuning
