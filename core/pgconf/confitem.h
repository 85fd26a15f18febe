#pragma once

#include "base/diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace pgdial::core::pgconf {

// One setting line of a postgresql.conf, in the order the server reads it (includes followed and
// spliced in place). Exactly what the server puts in pg_file_settings for a setting line.
struct ConfItem
{
    QString file; // project-relative path ('/'-separated) of the file holding the line
    QString absoluteFile; // absolute path as the server names it (pg_file_settings.sourcefile)
    int line = 0; // 1-based line of the NAME (pg_file_settings.sourceline)
    int nameColumn = 0; // 1-based byte column of the name's first byte
    int valueColumn = 0; // 1-based byte column of the value token's first byte (the quote if quoted)
    int valueEndColumn = 0; // 1-based byte column just past the value token (after the closing quote)
    QByteArray name; // as written (case kept; may hold a BOM on the first line)
    QByteArray value; // de-escaped: what pg_file_settings shows as `setting`
    QByteArray rawValue; // the value token exactly as written (quotes and escapes included)
    bool quoted = false; // the value was a quoted string
    int seqno = 0; // pg_file_settings.seqno: 1-based position among items AND error rows
    int depth = 0; // include nesting depth (0 = the top file)
};

// A pg_file_settings row the server shows for a parse-phase problem (syntax error, include
// failure, recursion, nesting depth): name and setting are NULL there.
struct ConfFileRow
{
    QString file; // project-relative path of the file the server names (the including file for include errors)
    QString absoluteFile; // as the server names it
    int line = 0; // the line the server reports (see A2: "near end of line" at EOF is one line early)
    int seqno = 0; // same numbering as ConfItem::seqno
    QString error; // the server's text: "syntax error", "could not open file \"/abs\"", ...
};

// A commented-out line that would be a setting if the '#' were removed
// ("#shared_buffers = 128MB  # min 128kB"): known but not set. Positions refer to the real line,
// so activating it means deleting the bytes [hashColumn, nameColumn) ... the editor decides.
struct ConfSampleLine
{
    QString file;
    int line = 0;
    int hashColumn = 0; // 1-based column of the '#' that comments the setting out
    int nameColumn = 0;
    int valueColumn = 0;
    int valueEndColumn = 0;
    QByteArray name; // may be any ID (not filtered against the catalog: the caller does that)
    QByteArray value; // de-escaped
    QByteArray rawValue;
    bool quoted = false;
};

enum class ConfIncludeKind { Include, IncludeIfExists, IncludeDir };

// One include directive line (these never appear as pg_file_settings rows themselves).
struct ConfInclude
{
    ConfIncludeKind kind = ConfIncludeKind::Include;
    QString file; // project-relative path of the file holding the directive
    int line = 0;
    QByteArray target; // the path as written (de-escaped)
    QString resolvedPath; // absolute path it resolves to (directory for include_dir)
    bool found = false; // the file/dir could be opened
};

// Everything the parse phase (A6 phase 1) produces for one configuration file and its includes.
struct ConfLoadResult
{
    QList<ConfItem> items; // setting lines in server reading order
    QList<ConfFileRow> errorRows; // parse-phase error rows; merge with items by seqno for the view's order
    QList<ConfSampleLine> samples; // commented-out settings, every file, reading order
    QList<ConfInclude> includes; // include directives met, reading order
    base::Diagnostics diagnostics; // conf.syntax-error, conf.include-* (Error), conf.include-skipped (Info)
    bool parseFailed = false; // the server refuses the file before looking at names (A6 phase 1)
    QStringList files; // project-relative paths of every file read, first-read order (top file first)
};

} // namespace pgdial::core::pgconf

// Plain Qt values: lists of them grow by moving bytes, not by copying each element (a large file
// has tens of thousands of sample lines).
Q_DECLARE_TYPEINFO(pgdial::core::pgconf::ConfItem, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(pgdial::core::pgconf::ConfFileRow, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(pgdial::core::pgconf::ConfSampleLine, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(pgdial::core::pgconf::ConfInclude, Q_RELOCATABLE_TYPE);
