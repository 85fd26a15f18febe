#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace pgdial::core::pgconf {

// The token kinds of the server's postgresql.conf scanner (guc-file.l), in its rule order.
enum class ConfTokenKind {
    EndOfLine, // end of the line's bytes (the newline itself is not part of a line)
    Id,
    QualifiedId,
    String, // quoted
    UnquotedString,
    Integer, // digits or 0x-hex, followed by any run of ASCII letters (the unit, unchecked)
    Real, // a real can never carry a unit
    Equals,
    Error, // any other single byte
};

struct ConfToken
{
    ConfTokenKind kind = ConfTokenKind::EndOfLine;
    qsizetype start = 0; // byte offset in the line
    qsizetype length = 0;
};

// Splits one line (its bytes without the '\n') into tokens with flex's rules: longest match,
// ties to the earlier rule; blanks (space, TAB, CR) and comments are skipped. Byte based.
class ConfLexer
{
public:
    explicit ConfLexer(QByteArrayView line, qsizetype start = 0)
        : m_line(line)
        , m_pos(start)
    { }

    ConfToken next();

    // The text of a quoted token without its quotes, with escapes resolved as the server does
    // (stops at a NUL produced by an octal escape, as the server's C string does).
    static QByteArray unescape(QByteArrayView quotedToken);
    // High bytes count as letters: the scanner is encoding-blind (and a BOM joins the first name).
    static bool isLetter(char c)
    {
        const auto u = static_cast<unsigned char>(c);
        return ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || u == '_' || u >= 0x80;
    }

private:
    QByteArrayView m_line;
    qsizetype m_pos = 0;

    ConfToken matchWord(qsizetype at) const;
    qsizetype matchString(qsizetype at) const;
    qsizetype matchInteger(qsizetype at) const;
    qsizetype matchReal(qsizetype at) const;
};

} // namespace pgdial::core::pgconf
