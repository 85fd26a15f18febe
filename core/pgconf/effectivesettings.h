#pragma once

#include "pgconf/confitem.h"
#include "pgconf/confvalidator.h"
#include "pgconf/parametercatalog.h"
#include "project/serversetting.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::pgconf {

// One parameter a configuration sets, after includes and duplicates: the line that wins.
struct EffectiveSetting
{
    QString name; // canonical (lower-case for custom names)
    QString value; // as written, de-escaped (pg_file_settings.setting)
    QString setting; // as the server stores it (pg_settings.setting: base unit, "on", canonical enum)
    QString file; // project-relative path of the winning line
    int line = 0;
    int itemIndex = -1; // into ConfLoadResult::items
    QStringList overrides; // the earlier lines of the same parameter this one overrides, "file:line"
    const ParameterInfo *info = nullptr; // null for custom (extension) parameters
    bool custom = false;

    bool needsRestart() const { return info && info->needsRestart(); }
};

// What a postgresql.conf (with its includes) sets, per parameter, for one target version.
// Lines the server would not apply (bad value, unknown name) do not win: the previous good line,
// or the default, stays in effect.
class EffectiveSettings
{
public:
    EffectiveSettings() = default;
    static EffectiveSettings compute(const ConfLoadResult &load, const ConfValidation &validation,
                                     const ParameterCatalog &catalog);

    const QList<EffectiveSetting> &settings() const { return m_settings; } // reading order of the winners
    // Case-insensitive; legacy aliases resolve to the parameter they stand for.
    const EffectiveSetting *find(const QString &name) const;

    // A ServerSettingLookup over a copy of these settings (safe to keep after this object dies).
    project::ServerSettingLookup lookup() const;

private:
    QList<EffectiveSetting> m_settings;
    QHash<QString, qsizetype> m_index; // lower-case canonical name -> index
    const ParameterCatalog *m_catalog = nullptr;
};

} // namespace pgdial::core::pgconf
