#include "environments/composeservicespec.h"

#include "environments/postgresimage.h"

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

namespace {

template<typename T, typename Same> void join(QList<T> &into, const QList<T> &more, Same same)
{
    for (const T &item : more) {
        bool replaced = false;
        for (T &existing : into) {
            if (same(existing, item)) {
                existing = item;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            into.append(item);
    }
}

} // namespace

std::optional<ComposeEnvironmentEntry> ComposeServiceSpec::environmentValue(const QString &key) const
{
    for (const ComposeEnvironmentEntry &entry : environment)
        if (entry.key == key)
            return entry;
    return std::nullopt;
}

bool ComposeServiceSpec::isPostgres() const
{
    if (!image.isEmpty())
        return PostgresImage::looksLikePostgres(image);
    return name == u"postgres" || name == u"db" || name == u"database" || name == u"postgresql";
}

ComposeServiceSpec ComposeServiceSpec::mergedOver(const ComposeServiceSpec &base) const
{
    ComposeServiceSpec merged = base;
    merged.name = name;
    merged.source = source;
    if (!image.isEmpty()) {
        merged.image = image;
        merged.imageSource = imageSource;
    }
    if (!containerName.isEmpty())
        merged.containerName = containerName;
    join(merged.environment, environment, [](const auto &a, const auto &b) { return a.key == b.key; });
    join(merged.envFiles, envFiles, [](const auto &a, const auto &b) { return a.projectPath == b.projectPath; });
    join(merged.ports, ports, [](const auto &a, const auto &b) {
        return a.target == b.target && a.published == b.published && a.hostIp == b.hostIp;
    });
    join(merged.volumes, volumes, [](const auto &a, const auto &b) { return a.target == b.target; });
    join(merged.secrets, secrets, [](const auto &a, const auto &b) { return a.name == b.name; });
    join(merged.networks, networks, [](const auto &a, const auto &b) { return a.name == b.name; });
    join(merged.dependsOn, dependsOn, [](const auto &a, const auto &b) { return a.name == b.name; });
    if (!command.isEmpty())
        merged.command = command;
    if (!healthcheck.isEmpty()) {
        merged.healthcheck = healthcheck;
        merged.healthcheckSource = healthcheckSource;
    }
    if (replicas) {
        merged.replicas = replicas;
        merged.replicasSource = replicasSource;
    }
    return merged;
}

} // namespace pgdial::core::environments
