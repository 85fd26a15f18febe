#include "base/safefilewriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::base {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::core::SafeFileWriter", text);
}

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

QString octal(mode_t mode)
{
    return u"%1"_s.arg(static_cast<uint>(mode & 07777), 4, 8, QLatin1Char('0'));
}

// Closes a descriptor on every path out of a scope.
class Descriptor
{
public:
    explicit Descriptor(int fd = -1)
        : m_fd(fd)
    { }
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    Descriptor &operator=(Descriptor &&other) noexcept
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = other.release();
        return *this;
    }
    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

bool writeAll(int fd, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, static_cast<size_t>(left));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += written;
        left -= written;
    }
    return true;
}

std::optional<QByteArray> readAll(int fd)
{
    QByteArray data;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return std::nullopt;
        }
        if (got == 0)
            return data;
        data.append(buffer, got);
    }
}

// A previous backup pgdial made: a regular file with one link, owned by the original's owner or
// by us. Anything else at a backup's name was put there by someone else.
bool isReplaceableBackup(const struct stat &existing, const struct stat &original)
{
    return S_ISREG(existing.st_mode) && existing.st_nlink == 1
        && (existing.st_uid == original.st_uid || existing.st_uid == ::geteuid());
}

QString kindOf(const struct stat &st)
{
    if (S_ISLNK(st.st_mode))
        return tr("a symbolic link");
    if (S_ISDIR(st.st_mode))
        return tr("a folder");
    if (S_ISCHR(st.st_mode))
        return tr("a character device");
    if (S_ISBLK(st.st_mode))
        return tr("a block device");
    if (S_ISFIFO(st.st_mode))
        return tr("a named pipe (FIFO)");
    if (S_ISSOCK(st.st_mode))
        return tr("a socket");
    if (st.st_nlink > 1)
        return tr("a file with %1 hard links").arg(st.st_nlink);
    return tr("a file owned by user id %1").arg(st.st_uid);
}

struct Replacement
{
    int directory = -1; // the folder's descriptor (all *at calls are relative to it)
    QString name; // the entry to replace inside it
    QString displayPath; // for messages
    const struct stat *like = nullptr; // owner, group and mode to give the new file
    bool backupRules = false; // the name may only hold a previous backup
};

// Writes `bytes` to a fresh temporary file in the folder, gives it the owner and mode of `like`
// through its descriptor, and renames it over the name. rename() replaces the directory entry, so
// a symlink or hard link at the name is never written through.
Result<void> replaceEntry(const Replacement &target, const QByteArray &bytes, const QString &failureCode)
{
    const QByteArray name = QFile::encodeName(target.name);
    QByteArray temporary;
    Descriptor fd;
    for (int attempt = 0; attempt < 100 && !fd.valid(); ++attempt) {
        temporary = '.' + name + ".pgdial-" + QByteArray::number(QRandomGenerator::system()->generate(), 36);
        // 0600 while an existing file's content is copied; its own mode is set below.
        fd = Descriptor(::openat(target.directory, temporary.constData(),
                                 O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, target.like ? 0600 : 0666));
        if (!fd.valid() && errno != EEXIST)
            break;
    }
    if (!fd.valid())
        return makeError(failureCode,
                         tr("Cannot create a temporary file beside \"%1\": %2").arg(target.displayPath, lastError()));
    auto fail = [&](const QString &code, const QString &message) {
        ::unlinkat(target.directory, temporary.constData(), 0);
        return makeError(code, message);
    };
    if (!writeAll(fd.get(), bytes))
        return fail(failureCode, tr("Writing \"%1\" failed: %2").arg(target.displayPath, lastError()));
    if (target.like) {
        // Owner first: fchown clears set-id bits, which fchmod then restores.
        if (target.like->st_uid != ::geteuid() || target.like->st_gid != ::getegid()) {
            if (::fchown(fd.get(), target.like->st_uid, target.like->st_gid) != 0 && ::geteuid() == 0)
                return fail(
                    u"save.owner-failed"_s,
                    tr("Cannot give \"%1\" the owner of the original: %2").arg(target.displayPath, lastError()));
        }
        if (::fchmod(fd.get(), target.like->st_mode & 07777) != 0)
            return fail(
                u"save.permissions-failed"_s,
                tr("Cannot give \"%1\" the permissions of the original: %2").arg(target.displayPath, lastError()));
    }
    if (::fsync(fd.get()) != 0)
        return fail(failureCode, tr("Writing \"%1\" failed: %2").arg(target.displayPath, lastError()));
    if (::close(fd.release()) != 0)
        return fail(failureCode, tr("Writing \"%1\" failed: %2").arg(target.displayPath, lastError()));
    if (target.backupRules) {
        struct stat existing
        {
        };
        if (::fstatat(target.directory, name.constData(), &existing, AT_SYMLINK_NOFOLLOW) == 0
            && !isReplaceableBackup(existing, *target.like)) {
            return fail(u"save.backup-unsafe"_s,
                        tr("\"%1\" exists and is %2, not a backup pgdial made; pgdial neither follows nor replaces it. "
                           "Check what it is and remove or rename it, or save with no backup")
                            .arg(target.displayPath, kindOf(existing)));
        }
    }
    if (::renameat(target.directory, temporary.constData(), target.directory, name.constData()) != 0)
        return fail(failureCode, tr("Could not replace \"%1\": %2").arg(target.displayPath, lastError()));
    ::fsync(target.directory);
    return {};
}

Descriptor openFolder(const QString &path)
{
    return Descriptor(::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
}

} // namespace

QString SafeFileWriter::backupPathFor(const QString &path, BackupPolicy policy, const QDateTime &when)
{
    switch (policy) {
    case BackupPolicy::None:
        return {};
    case BackupPolicy::Single:
        return path + u".bak"_s;
    case BackupPolicy::Timestamped:
        return path + u'.' + when.toString(u"yyyyMMdd-HHmmss"_s) + u".bak"_s;
    }
    return {};
}

QString SafeFileWriter::dataDirectoryOf(const QString &path)
{
    QDir folder(QFileInfo(path).absolutePath());
    for (;;) {
        if (QFileInfo(folder.filePath(u"PG_VERSION"_s)).isFile())
            return folder.absolutePath();
        if (folder.isRoot() || !folder.cdUp())
            return {};
    }
}

QString SafeFileWriter::defaultBackupRoot()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || !state.startsWith(u'/'))
        state = QDir::homePath() + u"/.local/state"_s;
    return QDir::cleanPath(state + u"/pgdial/backups"_s);
}

QString SafeFileWriter::backupFolderFor(const QString &path) const
{
    if (!backupDirectory.isEmpty())
        return QDir::cleanPath(QFileInfo(backupDirectory).absoluteFilePath());
    const QString folder = QFileInfo(path).absolutePath();
    if (dataDirectoryOf(path).isEmpty())
        return folder;
    // Mirror the absolute folder so two clusters' postgresql.conf never share a backup.
    return QDir::cleanPath(defaultBackupRoot() + u'/' + folder);
}

Result<QString> SafeFileWriter::write(const QString &path, const QByteArray &bytes) const
{
    QString target = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QByteArray given = QFile::encodeName(target);
    struct stat link
    {
    };
    if (::lstat(given.constData(), &link) == 0 && S_ISLNK(link.st_mode)) {
        // Following a link planted by another user would let them choose what root overwrites.
        if (link.st_uid != ::geteuid() && link.st_uid != 0)
            return makeError(u"save.untrusted-symlink"_s,
                             tr("\"%1\" is a symbolic link owned by user id %2, not by you or root; pgdial does not "
                                "write through it. Check where it points and edit that file directly")
                                 .arg(target)
                                 .arg(link.st_uid));
        const QString resolved = QFileInfo(target).canonicalFilePath();
        if (!resolved.isEmpty())
            target = resolved; // a dangling link is replaced by the new file, never followed
    }

    const QFileInfo targetInfo(target);
    const Descriptor folder = openFolder(targetInfo.absolutePath());
    if (!folder.valid())
        return makeError(u"save.open-failed"_s, tr("Cannot open the folder of \"%1\": %2").arg(target, lastError()));
    const QString name = targetInfo.fileName();
    const QByteArray nativeName = QFile::encodeName(name);

    struct stat original
    {
    };
    bool existed = false;
    QByteArray previous;
    {
        const Descriptor source(
            ::openat(folder.get(), nativeName.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
        if (!source.valid()) {
            if (errno == ELOOP)
                return makeError(u"save.untrusted-symlink"_s,
                                 tr("\"%1\" became a symbolic link while saving; nothing was written").arg(target));
            if (errno != ENOENT)
                return makeError(u"save.open-failed"_s, tr("Cannot read \"%1\": %2").arg(target, lastError()));
        } else {
            existed = true;
            if (::fstat(source.get(), &original) != 0)
                return makeError(u"save.open-failed"_s, tr("Cannot read \"%1\": %2").arg(target, lastError()));
            if (!S_ISREG(original.st_mode))
                return makeError(
                    u"save.not-regular-file"_s,
                    tr("\"%1\" is %2, not a regular file; pgdial does not replace it").arg(target, kindOf(original)));
            if (!(original.st_mode & S_IWUSR) && !overwriteReadOnly)
                return makeError(
                    u"save.read-only"_s,
                    tr("\"%1\" is read-only for its owner (mode %2): someone marked it as not to be edited. "
                       "Save with --force (or confirm in the desktop app) to replace it anyway")
                        .arg(target, octal(original.st_mode)));
            if (backupPolicy != BackupPolicy::None) {
                const std::optional<QByteArray> read = readAll(source.get());
                if (!read)
                    return makeError(u"save.backup-failed"_s,
                                     tr("Cannot read \"%1\" to back it up: %2").arg(target, lastError()));
                previous = *read;
            }
        }
    }

    QString backupPath;
    if (existed && backupPolicy != BackupPolicy::None) {
        const QString backupFolder = backupFolderFor(target);
        backupPath
            = QDir(backupFolder)
                  .filePath(QFileInfo(backupPathFor(target, backupPolicy, QDateTime::currentDateTime())).fileName());
        if (backupFolder != targetInfo.absolutePath() && !QDir().mkpath(backupFolder))
            return makeError(u"save.backup-failed"_s, tr("Cannot create the backup folder \"%1\"").arg(backupFolder));
        const Descriptor backupDir
            = backupFolder == targetInfo.absolutePath() ? Descriptor(::dup(folder.get())) : openFolder(backupFolder);
        if (!backupDir.valid())
            return makeError(u"save.backup-failed"_s,
                             tr("Cannot open the backup folder \"%1\": %2").arg(backupFolder, lastError()));
        Replacement backup {backupDir.get(), QFileInfo(backupPath).fileName(), backupPath, &original, true};
        if (Result<void> saved = replaceEntry(backup, previous, u"save.backup-failed"_s); !saved)
            return saved.error();
    }

    Replacement main {folder.get(), name, target, existed ? &original : nullptr, false};
    if (Result<void> saved = replaceEntry(main, bytes, u"save.write-failed"_s); !saved)
        return saved.error();
    return backupPath;
}

} // namespace pgdial::core::base
