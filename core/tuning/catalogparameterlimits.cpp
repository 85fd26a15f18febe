#include "tuning/parameterlimits.h"

#include "pgconf/parametercatalog.h"

namespace pgdial::core::tuning {

ParameterLimits catalogParameterLimits()
{
    return [](const QString &name, int major) -> std::optional<ParameterLimit> {
        const QList<int> supported = pgconf::ParameterCatalog::supportedVersions();
        if (!supported.contains(major))
            return std::nullopt;
        const pgconf::ParameterInfo *info = pgconf::ParameterCatalog::forVersion(major).find(name);
        if (!info || !info->isSettableInFile())
            return std::nullopt;
        ParameterLimit limit;
        limit.type = pgconf::parameterTypeName(info->type);
        limit.context = pgconf::parameterContextName(info->context);
        limit.unit = info->unit;
        limit.min = info->min.value_or(0);
        limit.max = info->max.value_or(0);
        limit.enumValues = info->enumValues;
        limit.bootValue = info->bootValue;
        return limit;
    };
}

} // namespace pgdial::core::tuning
