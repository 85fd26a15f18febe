#pragma once

#include "base/diagnostic.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::live {

// One pg_settings row, with the SHOW form of its value (current_setting(name)).
struct LiveSetting
{
    QString name; // as pg_settings spells it (lower-case except DateStyle, IntervalStyle, TimeZone)
    QString setting; // pg_settings.setting: in `unit` ("16384" with unit "8kB")
    QString unit;
    QString vartype; // bool, enum, integer, real, string
    QString source; // "default", "configuration file", "command line", ...
    QString sourceFile; // null unless the role may see it (superuser, pg_read_all_settings)
    int sourceLine = 0;
    bool pendingRestart = false;
    QString shown; // current_setting(name): "128MB"
};

// One pg_file_settings row: what the server's configuration files say now (read at query time).
struct LiveFileSetting
{
    QString sourceFile;
    int sourceLine = 0;
    int seqno = 0;
    QString name; // null for parse errors
    QString setting;
    bool applied = false;
    QString error; // null when none
};

// What a server told us, read in one go (LiveServerReader).
struct LiveServerState
{
    int versionNum = 0; // server_version_num: 170002
    QString dataDirectory; // empty when the role may not see it
    QString configFile;
    QString hbaFile;
    QString identFile;
    QStringList buildFeatures; // sorted: "icu", "llvm", "lz4", "ssl", "zstd", ...
    QList<LiveSetting> settings;
    // nullopt when the role may not read the view (superuser or a GRANT needed).
    std::optional<QList<LiveFileSetting>> fileSettings;
    std::optional<QList<QJsonObject>> hbaRules; // pg_hba_file_rules rows (to_jsonb), reading order
    base::Diagnostics diagnostics; // what could not be read, and why

    int major() const { return versionNum / 10000; }
    // Case-insensitive (pg_settings says "DateStyle"; files may say "datestyle"); null when absent.
    const LiveSetting *setting(const QString &name) const
    {
        for (const LiveSetting &candidate : settings)
            if (candidate.name.compare(name, Qt::CaseInsensitive) == 0)
                return &candidate;
        return nullptr;
    }
};

} // namespace pgdial::core::live
