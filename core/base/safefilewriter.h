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

// The one way pgdial writes a file. pgdial runs as root in folders other users can write, so every
// path is treated as hostile:
// - the new bytes go to a fresh temporary file (O_CREAT|O_EXCL|O_NOFOLLOW) in the target's folder,
//   which gets the original's owner, group and mode through fchown/fchmod on its descriptor and is
//   then renamed over the target: nothing is ever written through a path that could be a symlink;
// - a symlinked target is followed only when the link belongs to the user running pgdial or to
//   root (someone who could write the target anyway); otherwise the save is refused;
// - backups are made the same way and replace an existing backup name only when it is a regular
//   file with one link owned by the original's owner (or us), i.e. a previous backup: a planted
//   symlink, device or foreign file is refused, never followed nor overwritten;
// - a file that is read-only for its owner (0444) is only replaced with `overwriteReadOnly`;
// - a file inside a PostgreSQL data directory (PG_VERSION beside or above it) is backed up outside
//   it by default (defaultBackupRoot()), so base backups do not copy pgdial's backups.
class SafeFileWriter
{
public:
    BackupPolicy backupPolicy = BackupPolicy::Single;
    // Where backups go: empty chooses automatically (beside the file, or under defaultBackupRoot()
    // mirroring the file's absolute folder when the file sits in a data directory).
    QString backupDirectory;
    bool overwriteReadOnly = false;

    // Returns the backup's path (empty when none was made), or an error with a stable code
    // (save.*) and a message that says what to do.
    Result<QString> write(const QString &path, const QByteArray &bytes) const;

    static QString backupPathFor(const QString &path, BackupPolicy policy, const QDateTime &when);
    // The folder a backup of `path` goes to with this writer's settings.
    QString backupFolderFor(const QString &path) const;
    // The PostgreSQL data directory holding `path` (a folder with PG_VERSION at or above the
    // file's folder), or empty.
    static QString dataDirectoryOf(const QString &path);
    // $XDG_STATE_HOME/pgdial/backups (default ~/.local/state/pgdial/backups).
    static QString defaultBackupRoot();
};

} // namespace pgdial::core::base
