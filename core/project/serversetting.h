#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace pgdial::core::project {

// One parameter as a project's postgresql.conf sets it, after includes (the occurrence that wins).
struct ServerSetting
{
    QString name; // canonical (lower-case) parameter name
    QString value; // the value as written, unquoted and de-escaped (pg_file_settings.setting)
    QString file; // project-relative path of the file that sets it
    int line = 0; // 1-based
};

// "What does this server configuration set for NAME?" nullopt when the file does not set it (the
// server's default applies). The pgconf engine provides real lookups; other engines (hba lint,
// cross-file checks, tuning) take one of these so they do not depend on how the file is parsed.
using ServerSettingLookup = std::function<std::optional<ServerSetting>(const QString &name)>;

} // namespace pgdial::core::project
