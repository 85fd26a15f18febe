#include "conflexer.h"

#include <array>

namespace pgdial::core::pgconf {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isLetterOrDigit(char c)
{
    return ConfLexer::isLetter(c) || isDigit(c);
}

} // namespace

bool ConfLexer::isLetter(char c)
{
    // High bytes count as letters: the scanner is encoding-blind (and a BOM joins the first name).
    return isAsciiLetter(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

qsizetype ConfLexer::matchId(qsizetype at) const
{
    if (at >= m_line.size() || !isLetter(m_line[at]))
        return 0;
    qsizetype i = at + 1;
    while (i < m_line.size() && isLetterOrDigit(m_line[i]))
        ++i;
    return i - at;
}

qsizetype ConfLexer::matchQualifiedId(qsizetype at) const
{
    const qsizetype first = matchId(at);
    if (first == 0 || at + first >= m_line.size() || m_line[at + first] != '.')
        return 0;
    const qsizetype second = matchId(at + first + 1);
    return second == 0 ? 0 : first + 1 + second;
}

qsizetype ConfLexer::matchString(qsizetype at) const
{
    if (at >= m_line.size() || m_line[at] != '\'')
        return 0;
    // Content units: any byte but quote/backslash, a backslash pair, or a doubled quote. Every
    // quote met at a unit boundary may close the string; flex keeps the longest such match.
    qsizetype best = 0;
    qsizetype i = at + 1;
    while (i < m_line.size()) {
        const char c = m_line[i];
        if (c == '\'') {
            best = i + 1 - at;
            if (i + 1 < m_line.size() && m_line[i + 1] == '\'') {
                i += 2;
                continue;
            }
            break;
        }
        if (c == '\\') {
            if (i + 1 >= m_line.size())
                break;
            i += 2;
            continue;
        }
        ++i;
    }
    return best;
}

qsizetype ConfLexer::matchUnquoted(qsizetype at) const
{
    if (at >= m_line.size() || !isLetter(m_line[at]))
        return 0;
    qsizetype i = at + 1;
    while (i < m_line.size()) {
        const char c = m_line[i];
        if (!isLetterOrDigit(c) && c != '-' && c != '.' && c != ':' && c != '/')
            break;
        ++i;
    }
    return i - at;
}

qsizetype ConfLexer::matchInteger(qsizetype at) const
{
    qsizetype i = at;
    if (i < m_line.size() && (m_line[i] == '-' || m_line[i] == '+'))
        ++i;
    const qsizetype numberStart = i;
    qsizetype best = 0;
    // Decimal digits, then letters.
    qsizetype d = numberStart;
    while (d < m_line.size() && isDigit(m_line[d]))
        ++d;
    if (d > numberStart) {
        while (d < m_line.size() && isAsciiLetter(m_line[d]))
            ++d;
        best = d - at;
    }
    // "0x" (lower-case x only: flex patterns are case-sensitive) and hex digits, then letters.
    if (numberStart + 2 < m_line.size() && m_line[numberStart] == '0' && m_line[numberStart + 1] == 'x'
        && isHexDigit(m_line[numberStart + 2])) {
        qsizetype h = numberStart + 2;
        while (h < m_line.size() && isHexDigit(m_line[h]))
            ++h;
        while (h < m_line.size() && isAsciiLetter(m_line[h]))
            ++h;
        best = std::max(best, h - at);
    }
    return best;
}

qsizetype ConfLexer::matchReal(qsizetype at) const
{
    qsizetype i = at;
    if (i < m_line.size() && (m_line[i] == '-' || m_line[i] == '+'))
        ++i;
    while (i < m_line.size() && isDigit(m_line[i]))
        ++i;
    if (i >= m_line.size() || m_line[i] != '.')
        return 0;
    ++i;
    while (i < m_line.size() && isDigit(m_line[i]))
        ++i;
    if (i < m_line.size() && (m_line[i] == 'e' || m_line[i] == 'E')) {
        qsizetype e = i + 1;
        if (e < m_line.size() && (m_line[e] == '-' || m_line[e] == '+'))
            ++e;
        const qsizetype digitsStart = e;
        while (e < m_line.size() && isDigit(m_line[e]))
            ++e;
        if (e > digitsStart)
            i = e;
    }
    return i - at;
}

ConfToken ConfLexer::next()
{
    while (m_pos < m_line.size()) {
        const char c = m_line[m_pos];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++m_pos;
            continue;
        }
        if (c == '#') {
            m_pos = m_line.size();
            break;
        }
        const std::array<std::pair<ConfTokenKind, qsizetype>, 7> candidates{{
            {ConfTokenKind::Id, matchId(m_pos)},
            {ConfTokenKind::QualifiedId, matchQualifiedId(m_pos)},
            {ConfTokenKind::String, matchString(m_pos)},
            {ConfTokenKind::UnquotedString, matchUnquoted(m_pos)},
            {ConfTokenKind::Integer, matchInteger(m_pos)},
            {ConfTokenKind::Real, matchReal(m_pos)},
            {ConfTokenKind::Equals, c == '=' ? 1 : 0},
        }};
        ConfToken token{ConfTokenKind::Error, m_pos, 1};
        qsizetype bestLength = 0;
        for (const auto &[kind, length] : candidates) {
            if (length > bestLength) { // strictly longer: ties go to the earlier rule
                bestLength = length;
                token.kind = kind;
            }
        }
        if (bestLength > 0)
            token.length = bestLength;
        m_pos += token.length;
        return token;
    }
    return ConfToken{ConfTokenKind::EndOfLine, m_line.size(), 0};
}

QByteArray ConfLexer::unescape(QByteArrayView quoted)
{
    QByteArray out;
    if (quoted.size() < 2)
        return out;
    const QByteArrayView s = quoted.sliced(1, quoted.size() - 2);
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size()) {
            ++i;
            c = s[i];
            switch (c) {
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                int value = 0;
                int k = 0;
                while (k < 3 && i + k < s.size() && s[i + k] >= '0' && s[i + k] <= '7') {
                    value = (value << 3) + (s[i + k] - '0');
                    ++k;
                }
                i += k - 1;
                c = static_cast<char>(value);
                break;
            }
            default:
                break;
            }
        } else if (c == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
            ++i;
        }
        if (c == '\0')
            break; // the server's value is a C string: it ends here
        out.append(c);
    }
    return out;
}

} // namespace pgdial::core::pgconf
