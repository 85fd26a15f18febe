#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace pgdial::core::pgconf {

enum class ConfLineKind {
    Setting, // NAME [=] VALUE
    Sample, // a commented-out setting: "#shared_buffers = 128MB  # min 128kB"
    SyntaxError, // what the server calls a syntax error
};

// One meaningful line of a postgresql.conf (blank and prose-comment lines are not listed; their
// text stays in the file's TextDocument, which is what edits work on).
struct ConfLine
{
    ConfLineKind kind = ConfLineKind::Setting;
    int line = 0; // 1-based
    int hashColumn = 0; // Sample: the '#' that comments the setting out
    int nameColumn = 0; // Setting/Sample, 1-based byte columns
    int valueColumn = 0;
    int valueEndColumn = 0; // just past the value token
    QByteArray name;
    QByteArray value; // de-escaped
    QByteArray rawValue; // as written
    bool quoted = false;

    // SyntaxError: where and near what. `errorColumn` is the offending token's column, or the
    // end of the line for "near end of line".
    int errorColumn = 0;
    bool nearEndOfLine = false;
    QByteArray nearToken;
    int reportedLine = 0; // the line the server names (one less for "near end of line" on a last line without '\n')
};

struct ConfParsedFile
{
    QList<ConfLine> lines; // in file order
    int lineCount = 0;
};

// postgresql.conf's line grammar (A2) over the lexer (A1): one file, no includes.
class ConfParser
{
public:
    static ConfParsedFile parse(QByteArrayView bytes);
    // One line's bytes (no '\n'). `lastLineWithoutNewline` only changes the reported line of a
    // premature end of line, as the server counts lines.
    static std::optional<ConfLine> parseLine(QByteArrayView line, int lineNumber, bool lastLineWithoutNewline);
};

} // namespace pgdial::core::pgconf

Q_DECLARE_TYPEINFO(pgdial::core::pgconf::ConfLine, Q_RELOCATABLE_TYPE);
