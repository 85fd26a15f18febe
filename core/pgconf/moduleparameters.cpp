#include "pgconf/moduleparameters.h"

#include <QList>

#include <climits>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

struct ModuleParameter
{
    int firstMajor;
    ParameterInfo info;
};

ParameterInfo make(const QString &name, ParameterType type, const QString &unit = {}, std::optional<double> min = {},
                   std::optional<double> max = {}, const QStringList &values = {})
{
    ParameterInfo info;
    info.name = name;
    info.type = type;
    info.unit = unit;
    info.min = min;
    info.max = max;
    info.enumValues = values;
    return info;
}

const QList<ModuleParameter> &table()
{
    using T = ParameterType;
    static const QList<ModuleParameter> parameters = [] {
        auto b = [](const QString &name) { return make(name, T::Bool); };
        return QList<ModuleParameter> {
            {13, make(u"pg_stat_statements.max"_s, T::Integer, {}, 100, 1073741823)},
            {13, make(u"pg_stat_statements.track"_s, T::Enum, {}, {}, {}, {u"none"_s, u"top"_s, u"all"_s})},
            {13, b(u"pg_stat_statements.track_utility"_s)},
            {13, b(u"pg_stat_statements.track_planning"_s)},
            {13, b(u"pg_stat_statements.save"_s)},
            {13, make(u"auto_explain.log_min_duration"_s, T::Integer, u"ms"_s, -1, INT_MAX)},
            {16, make(u"auto_explain.log_parameter_max_length"_s, T::Integer, u"B"_s, -1, INT_MAX)},
            {13, b(u"auto_explain.log_analyze"_s)},
            {13, b(u"auto_explain.log_settings"_s)},
            {13, b(u"auto_explain.log_verbose"_s)},
            {13, b(u"auto_explain.log_buffers"_s)},
            {13, b(u"auto_explain.log_wal"_s)},
            {13, b(u"auto_explain.log_triggers"_s)},
            {13, b(u"auto_explain.log_timing"_s)},
            {13, make(u"auto_explain.log_format"_s, T::Enum, {}, {}, {}, {u"text"_s, u"xml"_s, u"json"_s, u"yaml"_s})},
            {13,
             make(u"auto_explain.log_level"_s, T::Enum, {}, {}, {},
                  {u"debug5"_s, u"debug4"_s, u"debug3"_s, u"debug2"_s, u"debug1"_s, u"info"_s, u"notice"_s,
                   u"warning"_s, u"log"_s})},
            {13, b(u"auto_explain.log_nested_statements"_s)},
            {13, make(u"auto_explain.sample_rate"_s, T::Real, {}, 0, 1)},
            {13, b(u"pg_prewarm.autoprewarm"_s)},
            {13, make(u"pg_prewarm.autoprewarm_interval"_s, T::Integer, u"s"_s, 0, 2147483)},
            {13, make(u"auth_delay.milliseconds"_s, T::Integer, u"ms"_s, 0, 2147483)},
            {15, make(u"basic_archive.archive_directory"_s, T::String)},
            {18, make(u"passwordcheck.min_password_length"_s, T::Integer, u"B"_s, 0, INT_MAX)},
        };
    }();
    return parameters;
}

} // namespace

bool ModuleParameters::isKnownModule(const QString &module)
{
    for (const ModuleParameter &parameter : table()) {
        if (parameter.info.name.section(u'.', 0, 0) == module)
            return true;
    }
    return false;
}

const ParameterInfo *ModuleParameters::find(const QString &name, int major)
{
    for (const ModuleParameter &parameter : table()) {
        if (parameter.firstMajor <= major && parameter.info.name == name)
            return &parameter.info;
    }
    return nullptr;
}

QStringList ModuleParameters::names(const QString &module, int major)
{
    QStringList names;
    for (const ModuleParameter &parameter : table()) {
        if (parameter.firstMajor <= major && parameter.info.name.section(u'.', 0, 0) == module)
            names.append(parameter.info.name.section(u'.', 1));
    }
    return names;
}

} // namespace pgdial::core::pgconf
