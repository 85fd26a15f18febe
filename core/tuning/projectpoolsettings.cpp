#include "projectpoolsettings.h"

#include "conftuningtarget.h"
#include "project.h"

#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

namespace {

// "20", "${POOL_SIZE:-20}" (the default: what applies when the variable is unset).
std::optional<int> numberOf(const QString &text)
{
    static const QRegularExpression pattern(u"^\\s*(?:\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-(\\d+)\\}|(\\d+))\\s*$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const int value = (match.captured(1).isEmpty() ? match.captured(2) : match.captured(1)).toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

std::optional<SourcedNumber> yamlNumber(const YAML::Node &root, const char *section, const char *key,
                                        const QString &file)
{
    try {
        const YAML::Node node = root[section][key];
        if (!node || !node.IsScalar())
            return std::nullopt;
        const auto value = numberOf(QString::fromStdString(node.Scalar()));
        if (!value)
            return std::nullopt;
        return SourcedNumber{*value, file, node.Mark().line + 1};
    } catch (const YAML::Exception &) {
        return std::nullopt;
    }
}

} // namespace

ProjectPoolSettings ProjectPoolSettings::read(const Project &project)
{
    ProjectPoolSettings result;
    for (const auto &file : project.filesOfKind(FileKind::AppConfig)) {
        if (!file->document)
            continue;
        try {
            const YAML::Node root = YAML::Load(file->document->toBytes().toStdString());
            if (!root.IsMap())
                continue;
            result.poolSize = yamlNumber(root, "database", "pool_size", file->relativePath);
            result.maxOverflow = yamlNumber(root, "database", "max_overflow", file->relativePath);
            result.poolTimeout = yamlNumber(root, "database", "pool_timeout", file->relativePath);
            result.workers = yamlNumber(root, "app", "workers", file->relativePath);
            break;
        } catch (const YAML::Exception &) {
            continue; // the appconfig checks report the syntax error
        }
    }
    // The top postgresql.conf, includes followed, read by the pgconf engine.
    for (const auto &file : project.filesOfKind(FileKind::PostgresqlConf)) {
        if (!file->document || file->includedBy)
            continue;
        const Result<ConfTuningTarget> target
            = ConfTuningTarget::open(file->absolutePath, std::clamp(project.settings.pgVersion, 13, 18));
        if (!target)
            continue;
        const ServerSettingLookup lookup = target->lookup();
        auto number = [&](const QString &name) -> std::optional<SourcedNumber> {
            const auto setting = lookup(name);
            if (!setting)
                return std::nullopt;
            const auto value = numberOf(setting->value);
            if (!value)
                return std::nullopt;
            return SourcedNumber{*value, project.relativePathOf(target->absolutePath(setting->file)), setting->line};
        };
        result.maxConnections = number(u"max_connections"_s);
        result.superuserReservedConnections = number(u"superuser_reserved_connections"_s);
        result.reservedConnections = number(u"reserved_connections"_s);
        break;
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
