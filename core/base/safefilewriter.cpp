#include "base/safefilewriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::base {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::core::SafeFileWriter", text);
}

Result<void> writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(u"save.open-failed"_s, tr("Cannot write \"%1\": %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return makeError(u"save.write-failed"_s, tr("Writing \"%1\" failed: %2").arg(path, reason));
    }
    if (!file.commit())
        return makeError(u"save.commit-failed"_s, tr("Could not replace \"%1\": %2").arg(path, file.errorString()));
    return {};
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

Result<QString> SafeFileWriter::write(const QString &path, const QByteArray &bytes) const
{
    const QFileInfo info(path);
    const bool existed = info.exists();
    struct stat original
    {
    };
    const bool haveStat = existed && ::stat(QFile::encodeName(path).constData(), &original) == 0;

    QString backupPath;
    if (existed && backupPolicy != BackupPolicy::None) {
        backupPath = backupPathFor(path, backupPolicy, QDateTime::currentDateTime());
        QFile source(path);
        if (!source.open(QIODevice::ReadOnly))
            return makeError(u"save.backup-failed"_s,
                             tr("Cannot read \"%1\" to back it up: %2").arg(path, source.errorString()));
        const QByteArray previous = source.readAll();
        if (Result<void> saved = writeAtomically(backupPath, previous); !saved)
            return makeError(u"save.backup-failed"_s,
                             tr("Could not write the backup \"%1\": %2").arg(backupPath, saved.error().message));
        if (haveStat)
            ::chmod(QFile::encodeName(backupPath).constData(), original.st_mode & 07777);
    }

    if (Result<void> saved = writeAtomically(path, bytes); !saved)
        return saved.error();

    if (haveStat) {
        const QByteArray native = QFile::encodeName(path);
        if (::chmod(native.constData(), original.st_mode & 07777) != 0)
            return makeError(u"save.permissions-failed"_s,
                             tr("Saved \"%1\" but could not restore its permissions").arg(path));
        // Restoring the owner only works for root or an unchanged owner; failing is harmless then.
        if (::geteuid() == 0) [[maybe_unused]]
            const int ignored = ::chown(native.constData(), original.st_uid, original.st_gid);
    }
    return backupPath;
}

} // namespace pgdial::core::base
