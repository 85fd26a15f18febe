#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace pgdial::core::base {

enum class BackupPolicy {
    None,
    Single, // FILE.bak, replaced on every save
    Timestamped, // FILE.YYYYMMDD-HHMMSS.bak, one per save
};

// The one way pgdial writes a file: backup first, then an atomic replace through QSaveFile with
// every write checked, keeping the original's permissions (and owner, when we may).
class SafeFileWriter
{
public:
    BackupPolicy backupPolicy = BackupPolicy::Single;

    // Returns the backup's path (empty when none was made), or an error with a clear message.
    Result<QString> write(const QString &path, const QByteArray &bytes) const;

    static QString backupPathFor(const QString &path, BackupPolicy policy, const QDateTime &when);
};

} // namespace pgdial::core::base
