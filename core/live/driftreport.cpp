#include "live/driftreport.h"

#include "base/diagnosticformatter.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace pgdial::core::live {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("live", text);
}

QJsonValue location(const std::optional<DriftLocation> &where)
{
    if (!where)
        return QJsonValue::Null;
    return QJsonObject {{u"file"_s, where->file}, {u"line"_s, where->line}};
}

QJsonValue textOrNull(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

QString hbaStateName(HbaDriftState state)
{
    switch (state) {
    case HbaDriftState::Same:
        return u"same"_s;
    case HbaDriftState::Differs:
        return u"differs"_s;
    case HbaDriftState::Unknown:
        break;
    }
    return u"unknown"_s;
}

QString where(const std::optional<DriftLocation> &location)
{
    return location ? u" (%1:%2)"_s.arg(location->file).arg(location->line) : QString();
}

} // namespace

QString driftStateName(DriftState state)
{
    switch (state) {
    case DriftState::Same:
        return u"same"_s;
    case DriftState::Differs:
        return u"differs"_s;
    case DriftState::FileOnly:
        return u"file_only"_s;
    case DriftState::LiveOnly:
        return u"live_only"_s;
    case DriftState::AutoConfOverride:
        return u"auto_conf_override"_s;
    case DriftState::PendingRestart:
        return u"pending_restart"_s;
    }
    return {};
}

bool DriftReport::hasDrift() const
{
    return hbaState == HbaDriftState::Differs
        || std::any_of(settings.cbegin(), settings.cend(),
                       [](const SettingDrift &setting) { return setting.state != DriftState::Same; });
}

QJsonObject DriftReport::toJson() const
{
    const QJsonObject server {{u"version_num"_s, versionNum},
                              {u"data_directory"_s, dataDirectory},
                              {u"config_file"_s, configFile},
                              {u"hba_file"_s, hbaFile},
                              {u"build_features"_s, QJsonArray::fromStringList(buildFeatures)}};
    QJsonArray settingRows;
    for (const SettingDrift &setting : settings)
        settingRows.append(QJsonObject {{u"name"_s, setting.name},
                                        {u"file_value"_s, textOrNull(setting.fileValue)},
                                        {u"file_location"_s, location(setting.fileLocation)},
                                        {u"live_value"_s, textOrNull(setting.liveValue)},
                                        {u"live_source"_s, setting.liveSource},
                                        {u"live_location"_s, location(setting.liveLocation)},
                                        {u"pending_restart"_s, setting.pendingRestart},
                                        {u"state"_s, driftStateName(setting.state)}});
    QJsonArray differences;
    for (const HbaDifference &difference : hbaDifferences)
        differences.append(QJsonObject {{u"line_number"_s, difference.lineNumber},
                                        {u"file"_s, textOrNull(difference.file)},
                                        {u"live"_s, textOrNull(difference.live)},
                                        {u"reason"_s, difference.reason}});
    return QJsonObject {{u"server"_s, server},
                        {u"settings"_s, settingRows},
                        {u"hba"_s, QJsonObject {{u"state"_s, hbaStateName(hbaState)}, {u"differences"_s, differences}}},
                        {u"diagnostics"_s, base::DiagnosticFormatter::toJson(diagnostics)}};
}

QString DriftReport::toText() const
{
    QString text = tr("server: version %1, config_file %2, hba_file %3\n")
                       .arg(versionNum)
                       .arg(configFile.isEmpty() ? tr("(not visible)") : configFile,
                            hbaFile.isEmpty() ? tr("(not visible)") : hbaFile);
    int drifting = 0;
    for (const SettingDrift &setting : settings) {
        if (setting.state == DriftState::Same)
            continue;
        ++drifting;
        text += u"%1: %2: file %3%4, server %5%6 [%7]\n"_s.arg(
            driftStateName(setting.state), setting.name, setting.fileValue.value_or(tr("(not set)")),
            where(setting.fileLocation), setting.liveValue.value_or(tr("(unknown parameter)")),
            where(setting.liveLocation), setting.liveSource);
    }
    for (const HbaDifference &difference : hbaDifferences)
        text += tr("pg_hba.conf line %1: %2\n  file:   %3\n  server: %4\n")
                    .arg(difference.lineNumber)
                    .arg(difference.reason, difference.file.value_or(tr("(none)")),
                         difference.live.value_or(tr("(none)")));
    text += QString::fromUtf8(base::DiagnosticFormatter::toText(diagnostics));
    text += tr("%1 of %2 setting(s) drift; pg_hba.conf: %3\n")
                .arg(drifting)
                .arg(settings.size())
                .arg(hbaStateName(hbaState));
    return text;
}

} // namespace pgdial::core::live
