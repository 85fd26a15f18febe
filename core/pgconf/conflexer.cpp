#include "pgconf/conflexer.h"

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

// ID, qualified ID and unquoted string all start with a letter; one scan finds the longest of the
// three (ties go to the earlier rule: ID, then qualified ID, then unquoted string).
ConfToken ConfLexer::matchWord(qsizetype at) const
{
    const qsizetype size = m_line.size();
    qsizetype id = at + 1;
    while (id < size && isLetterOrDigit(m_line[id]))
        ++id;
    qsizetype qualified = 0;
    if (id + 1 < size && m_line[id] == '.' && isLetter(m_line[id + 1])) {
        qualified = id + 2;
        while (qualified < size && isLetterOrDigit(m_line[qualified]))
            ++qualified;
    }
    qsizetype unquoted = id;
    while (unquoted < size) {
        const char c = m_line[unquoted];
        if (!isLetterOrDigit(c) && c != '-' && c != '.' && c != ':' && c != '/')
            break;
        ++unquoted;
    }
    // unquoted >= qualified >= id whenever they exist: the unquoted rule takes every byte the others do.
    if (unquoted == id)
        return ConfToken {ConfTokenKind::Id, at, id - at};
    if (unquoted == qualified)
        return ConfToken {ConfTokenKind::QualifiedId, at, qualified - at};
    return ConfToken {ConfTokenKind::UnquotedString, at, unquoted - at};
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
        // Only rules that can match at this byte are tried (a letter starts ID, qualified ID or
        // unquoted string; a quote a string; a sign, digit or dot a number); among them the
        // longest match wins, ties to the earlier rule, as in flex.
        ConfToken token {ConfTokenKind::Error, m_pos, 1};
        qsizetype bestLength = 0;
        auto consider = [&](ConfTokenKind kind, qsizetype length) {
            if (length > bestLength) {
                bestLength = length;
                token.kind = kind;
            }
        };
        if (isLetter(c)) {
            token = matchWord(m_pos);
            m_pos += token.length;
            return token;
        }
        if (c == '\'') {
            consider(ConfTokenKind::String, matchString(m_pos));
        } else if (isDigit(c) || c == '-' || c == '+' || c == '.') {
            consider(ConfTokenKind::Integer, matchInteger(m_pos));
            consider(ConfTokenKind::Real, matchReal(m_pos));
        } else if (c == '=') {
            consider(ConfTokenKind::Equals, 1);
        }
        if (bestLength > 0)
            token.length = bestLength;
        m_pos += token.length;
        return token;
    }
    return ConfToken {ConfTokenKind::EndOfLine, m_line.size(), 0};
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
            case 'b':
                c = '\b';
                break;
            case 'f':
                c = '\f';
                break;
            case 'n':
                c = '\n';
                break;
            case 'r':
                c = '\r';
                break;
            case 't':
                c = '\t';
                break;
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7': {
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
