#pragma once

#include "base/safefilewriter.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace pgdial::ui::preferences {

// A settings key declared once with its default. Values never include secrets.
template<typename T> class Setting
{
public:
    constexpr Setting(const char *key, T fallback)
        : m_key(key)
        , m_default(std::move(fallback))
    { }

    T value() const
    {
        const QVariant stored = QSettings().value(QLatin1StringView(m_key));
        return stored.isValid() && stored.canConvert<T>() ? stored.value<T>() : m_default;
    }
    void setValue(const T &value) const { QSettings().setValue(QLatin1StringView(m_key), QVariant::fromValue(value)); }
    QString key() const { return QString::fromLatin1(m_key); }

private:
    const char *m_key;
    T m_default;
};

// Every key pgdial stores, in one place.
namespace settings {
inline const Setting<QStringList> recentProjects {"projects/recent", {}};
inline const Setting<QByteArray> windowGeometry {"window/geometry", {}};
inline const Setting<QByteArray> windowState {"window/state", {}};
inline const Setting<int> backupPolicy {"saving/backupPolicy", static_cast<int>(core::base::BackupPolicy::Single)};
constexpr int maxRecentProjects = 10;
// Per-project settings live under projectSettings/<sha1 of the project's canonical path>/ with
// the keys below (see ProjectSettingsStore); never in the project's own files.
inline constexpr char projectSettingsGroup[] = "projectSettings";
inline constexpr char projectPathKey[] = "path";
inline constexpr char projectPgVersionKey[] = "pgVersion";
// Whether pgVersion is the user's choice; absent (older settings): chosen when not the default.
inline constexpr char projectPgVersionFromUserKey[] = "pgVersionFromUser";
inline constexpr char projectEnvironmentKey[] = "environment"; // absent: production, else the first
inline constexpr char projectRamBytesKey[] = "ramBytes";
inline constexpr char projectCpusKey[] = "cpus";
inline constexpr char projectAppInstancesKey[] = "appInstances";
inline constexpr char projectBuildFeaturesKey[] = "serverBuildFeatures"; // absent: unknown
inline constexpr char projectServerOnThisMachineKey[] = "serverOnThisMachine";
// Clients of the server added by hand, one "COUNT:NAME" string each (names may hold any character).
inline constexpr char projectManualClientsKey[] = "manualClients";

core::base::BackupPolicy currentBackupPolicy();

void addRecentProject(const QString &path);
} // namespace settings

} // namespace pgdial::ui::preferences
