#include "tuning/tuningformatter.h"

#include "pgconf/parametercatalog.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

QString TuningFormatter::toConf(const TuningInputs &inputs, const TuningResult &result)
{
    return layout(inputs, result, false);
}

QString TuningFormatter::toAlterSystem(const TuningInputs &inputs, const TuningResult &result)
{
    return layout(inputs, result, true);
}

QString TuningFormatter::toAlterSystemScript(const TuningInputs &inputs, const TuningResult &result)
{
    QStringList names;
    for (const TunedSetting &setting : result.settings)
        names.append(setting.name);
    return layout(inputs, result, true) + alterSystemEnding(names, inputs.pgVersion);
}

QString TuningFormatter::alterSystemEnding(const QStringList &names, int major)
{
    // The catalog's context decides, for either profile (PGTune's settings carry no restart mark).
    const pgconf::ParameterCatalog &catalog = pgconf::ParameterCatalog::forVersion(major);
    QStringList restart;
    for (const QString &name : names) {
        const pgconf::ParameterInfo *info = catalog.find(name);
        if (info && info->needsRestart())
            restart.append(name);
    }
    QString ending = u"\n\n"_s;
    if (!restart.isEmpty())
        ending
            += u"-- Needs a server restart (pg_reload_conf() does not apply it): "_s + restart.join(u", "_s) + u"\n"_s;
    return ending + u"SELECT pg_reload_conf();"_s;
}

QString TuningFormatter::layout(const TuningInputs &inputs, const TuningResult &result, bool alterSystem)
{
    const QString comment = alterSystem ? u"-- "_s : u"# "_s;
    // The pgdial profile's warnings are sentences; PGTune's list carries its own "WARNING" line.
    const bool pgdial = result.profile == u"pgdial";
    QStringList lines;
    if (!result.warnings.isEmpty()) {
        for (const QString &warning : result.warnings)
            lines.append(comment + (pgdial ? u"WARNING: "_s : QString()) + warning);
        lines.append(QString());
    }
    if (pgdial)
        lines.append(comment + u"Profile: pgdial"_s);
    lines.append(comment + u"DB Version: "_s + QString::number(inputs.pgVersion));
    lines.append(comment + u"OS Type: "_s + osName(inputs.os));
    lines.append(comment + u"DB Type: "_s + workloadName(inputs.workload));
    lines.append(comment + u"Total Memory (RAM): "_s + QString::number(inputs.totalMemory) + u' '
                 + memoryUnitName(inputs.memoryUnit));
    if (inputs.hasCpus())
        lines.append(comment + u"CPUs num: "_s + QString::number(*inputs.cpus));
    if (inputs.hasConnections())
        lines.append(comment + u"Connections num: "_s + QString::number(*inputs.connections));
    lines.append(comment + u"Data Storage: "_s + storageName(inputs.storage));
    lines.append(QString());
    for (const TunedSetting &setting : result.settings) {
        QString line = alterSystem ? u"ALTER SYSTEM SET %1 = '%2';"_s.arg(setting.name, setting.value)
                                   : setting.name + u" = "_s + setting.value;
        if (!setting.reason.isEmpty())
            line += u"\t"_s + comment + setting.reason + (setting.needsRestart ? u" (restart)"_s : QString());
        lines.append(line);
    }
    return lines.join(u'\n');
}

QByteArray TuningFormatter::toJson(const TuningResult &result)
{
    // QJsonObject sorts its keys; the settings must keep the profile's order, so write by hand.
    auto quoted = [](const QString &text) {
        const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2);
    };
    QByteArray out = "{\n  \"settings\": {";
    for (qsizetype i = 0; i < result.settings.size(); ++i) {
        out += i == 0 ? "\n    " : ",\n    ";
        out += quoted(result.settings[i].name) + ": " + quoted(result.settings[i].value);
    }
    out += result.settings.isEmpty() ? "},\n  \"warnings\": [" : "\n  },\n  \"warnings\": [";
    for (qsizetype i = 0; i < result.warnings.size(); ++i) {
        out += i == 0 ? "\n    " : ",\n    ";
        out += quoted(result.warnings[i]);
    }
    out += result.warnings.isEmpty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

QJsonObject TuningFormatter::detailsJson(const TuningResult &result)
{
    QJsonObject details;
    for (const TunedSetting &setting : result.settings)
        details.insert(setting.name,
                       QJsonObject {{u"value"_s, setting.value},
                                    {u"reason"_s, setting.reason},
                                    {u"restart"_s, setting.needsRestart}});
    return details;
}

} // namespace pgdial::core::tuning
