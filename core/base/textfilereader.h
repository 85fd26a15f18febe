#pragma once

#include "base/diagnostic.h"
#include "base/textdocument.h"

#include <QString>

#include <optional>

namespace pgdial::core::base {

constexpr qint64 maxTextFileBytes = 32 * 1024 * 1024;

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
