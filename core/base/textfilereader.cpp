#include "base/textfilereader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::base {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::core::TextFileReader", text);
}

Diagnostic fileError(const QString &displayPath, const QString &code, const QString &message, const QString &suggestion,
                     int line = 0, int column = 0)
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = code;
    d.file = displayPath;
    d.line = line;
    d.column = column;
    d.message = message;
    d.suggestion = suggestion;
    return d;
}

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return tr("a folder");
    if (S_ISCHR(mode))
        return tr("a character device");
    if (S_ISBLK(mode))
        return tr("a block device");
    if (S_ISFIFO(mode))
        return tr("a named pipe (FIFO)");
    if (S_ISSOCK(mode))
        return tr("a socket");
    return tr("not a regular file");
}

// Kernel filesystems whose files say "regular, size 0" and then never end (/proc/kmsg blocks).
std::optional<QString> specialFilesystem(int fd)
{
    struct statfs fs
    {
    };
    if (::fstatfs(fd, &fs) != 0)
        return std::nullopt;
    switch (static_cast<unsigned long>(fs.f_type)) {
    case 0x9fa0:
        return u"procfs"_s;
    case 0x62656572:
        return u"sysfs"_s;
    case 0x64626720:
        return u"debugfs"_s;
    case 0x74726163:
        return u"tracefs"_s;
    case 0x73636673:
        return u"securityfs"_s;
    case 0x27e0eb:
        return u"cgroup"_s;
    case 0x63677270:
        return u"cgroup2"_s;
    case 0x62656570:
        return u"configfs"_s;
    case 0xcafe4a11:
        return u"bpf"_s;
    case 0x6165676c:
        return u"pstore"_s;
    case 0xde5e81e4:
        return u"efivarfs"_s;
    default:
        return std::nullopt;
    }
}

class Descriptor
{
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    { }
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

BoundedRead readBoundedFile(const QString &path, qint64 maxBytes)
{
    BoundedRead read;
    auto fail = [&read](ReadFailure failure, const QString &reason) {
        read.failure = failure;
        read.reason = reason;
        return read;
    };
    // O_NONBLOCK: opening a FIFO for reading does not wait for a writer; O_NOCTTY: a terminal
    // never becomes ours.
    const Descriptor fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (fd.get() < 0) {
        const int error = errno;
        return fail(error == ENOENT || error == ENOTDIR ? ReadFailure::Missing : ReadFailure::Unreadable,
                    QString::fromLocal8Bit(std::strerror(error)));
    }
    struct stat st
    {
    };
    if (::fstat(fd.get(), &st) != 0)
        return fail(ReadFailure::Unreadable, QString::fromLocal8Bit(std::strerror(errno)));
    if (!S_ISREG(st.st_mode))
        return fail(ReadFailure::NotRegular, kindOf(st.st_mode));
    if (const std::optional<QString> special = specialFilesystem(fd.get()))
        return fail(ReadFailure::SpecialFilesystem, tr("a file on %1, a kernel interface").arg(*special));
    if (st.st_size > maxBytes)
        return fail(ReadFailure::TooLarge, QLocale().formattedDataSize(st.st_size));
    // Read at most one byte beyond the limit: a file that grows while we read stays bounded.
    QByteArray data;
    data.reserve(static_cast<qsizetype>(std::min<qint64>(st.st_size, maxBytes) + 1));
    char buffer[65536];
    while (data.size() <= maxBytes) {
        const qint64 want = std::min<qint64>(sizeof buffer, maxBytes + 1 - data.size());
        const ssize_t got = ::read(fd.get(), buffer, static_cast<size_t>(want));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return fail(ReadFailure::Unreadable, QString::fromLocal8Bit(std::strerror(errno)));
        }
        if (got == 0)
            break;
        data.append(buffer, got);
    }
    if (data.size() > maxBytes) // it grew while we read
        return fail(ReadFailure::TooLarge, QLocale().formattedDataSize(data.size()));
    read.bytes = std::move(data);
    return read;
}

qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = data[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char lowest = 0x80;
        unsigned char highest = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                lowest = 0xA0; // no overlongs
            if (c == 0xED)
                highest = 0x9F; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                lowest = 0x90;
            if (c == 0xF4)
                highest = 0x8F;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        if (data[i + 1] < lowest || data[i + 1] > highest)
            return i;
        for (int k = 2; k < length; ++k) {
            if (data[i + k] < 0x80 || data[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return -1;
}

std::pair<int, int> lineAndColumnOf(const QByteArray &bytes, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return {line, static_cast<int>(offset - lineStart) + 1};
}

TextFileLoad readTextFile(const QString &path, const QString &displayPath, qint64 maxBytes)
{
    TextFileLoad load;
    BoundedRead read = readBoundedFile(path, maxBytes);
    switch (read.failure) {
    case ReadFailure::None:
        break;
    case ReadFailure::Missing:
        load.diagnostics.append(fileError(displayPath, u"project.missing-file"_s, tr("The file does not exist"),
                                          tr("Check the path, or create the file.")));
        return load;
    case ReadFailure::NotRegular:
    case ReadFailure::SpecialFilesystem:
        load.diagnostics.append(fileError(displayPath, u"project.not-a-file"_s,
                                          tr("This path is %1, not a regular file; it was not read").arg(read.reason),
                                          tr("Point pgdial at a file, not a folder, device or pipe.")));
        return load;
    case ReadFailure::TooLarge:
        load.diagnostics.append(fileError(
            displayPath, u"project.file-too-large"_s,
            tr("The file is %1, more than the %2 a configuration file may reasonably be; it was not loaded")
                .arg(read.reason, QLocale().formattedDataSize(maxBytes)),
            tr("Check that this is really a configuration file; generated or log files do not belong here.")));
        return load;
    case ReadFailure::Unreadable:
        load.diagnostics.append(fileError(displayPath, u"project.unreadable-file"_s,
                                          tr("The file cannot be read: %1").arg(read.reason),
                                          tr("Check the file's permissions and owner.")));
        return load;
    }
    const QByteArray bytes = std::move(*read.bytes);
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0) {
        const auto [line, column] = lineAndColumnOf(bytes, nul);
        load.diagnostics.append(fileError(
            displayPath, u"project.binary-file"_s,
            tr("The file contains NUL bytes, so it is not a text file; it was not loaded"),
            tr("Configuration files are plain text; check that the right file is at this path."), line, column));
        return load;
    }
    const qsizetype invalid = firstInvalidUtf8(bytes);
    if (invalid >= 0) {
        const auto [line, column] = lineAndColumnOf(bytes, invalid);
        Diagnostic d = fileError(
            displayPath, u"project.invalid-utf8"_s,
            tr("The file is not valid UTF-8 (byte 0x%1)")
                .arg(static_cast<uint>(static_cast<unsigned char>(bytes.at(invalid))), 2, 16, QLatin1Char('0')),
            tr("Save the file as UTF-8; pgdial keeps its bytes unchanged meanwhile."), line, column);
        d.severity = Severity::Warning;
        load.diagnostics.append(d);
    }
    load.document = TextDocument::fromBytes(bytes);
    return load;
}

} // namespace pgdial::core::base
