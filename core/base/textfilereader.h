#pragma once

#include "base/diagnostic.h"
#include "base/textdocument.h"

#include <QString>

#include <optional>

namespace pgdial::core::base {

constexpr qint64 maxTextFileBytes = 32 * 1024 * 1024;

// What readBoundedFile found when it could not give the bytes.
enum class ReadFailure {
    None,
    Missing, // no such file (ENOENT)
    NotRegular, // a folder, FIFO, device or socket: never read (/dev/zero never ends, a FIFO blocks)
    SpecialFilesystem, // on procfs, sysfs, ...: "regular, size 0" files that never end or block
    TooLarge, // more than maxBytes (also when it grows while being read)
    Unreadable, // permissions, I/O errors
};

struct BoundedRead
{
    std::optional<QByteArray> bytes;
    ReadFailure failure = ReadFailure::None;
    QString reason; // what the path is ("a character device", "a named pipe (FIFO)") or the error
};

// The one way pgdial reads a file (the project's files, includes, @file lists): opened
// non-blocking (a FIFO cannot stall it), checked to be a regular file on an ordinary filesystem
// through the open descriptor, and never more than `maxBytes` read.
BoundedRead readBoundedFile(const QString &path, qint64 maxBytes = maxTextFileBytes);

struct TextFileLoad
{
    std::optional<TextDocument> document; // empty when the file could not be used
    Diagnostics diagnostics; // why not, or warnings about a usable file
};

// Reads a configuration file without ever reading more than `maxBytes`: a missing, unreadable,
// oversized or binary file (NUL bytes) gives an error diagnostic and no document; invalid UTF-8
// gives a warning (PostgreSQL reads its files as bytes, so the document is still usable).
// `displayPath` is what diagnostics name (usually the path relative to the project).
TextFileLoad readTextFile(const QString &path, const QString &displayPath, qint64 maxBytes = maxTextFileBytes);

// Index of the first byte that is not part of well-formed UTF-8 (no overlongs, no surrogates),
// or -1 when the whole buffer is valid.
qsizetype firstInvalidUtf8(const QByteArray &bytes);

// 1-based line and byte column of a byte offset.
std::pair<int, int> lineAndColumnOf(const QByteArray &bytes, qsizetype offset);

} // namespace pgdial::core::base
