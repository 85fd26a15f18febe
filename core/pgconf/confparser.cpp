#include "pgconf/confparser.h"

#include "pgconf/conflexer.h"

namespace pgdial::core::pgconf {

namespace {

bool isValueToken(ConfTokenKind kind)
{
    // Not a qualified ID: "pg_catalog.english" unquoted is a syntax error as a value.
    return kind == ConfTokenKind::Id || kind == ConfTokenKind::String || kind == ConfTokenKind::Integer
        || kind == ConfTokenKind::Real || kind == ConfTokenKind::UnquotedString;
}

struct Statement
{
    bool empty = true;
    bool ok = false;
    ConfToken name;
    ConfToken value;
    ConfToken offending; // EndOfLine kind for "near end of line"
};

// NAME [=] VALUE, starting at `start`.
Statement parseStatement(QByteArrayView line, qsizetype start)
{
    Statement statement;
    ConfLexer lexer(line, start);
    ConfToken token = lexer.next();
    if (token.kind == ConfTokenKind::EndOfLine)
        return statement;
    statement.empty = false;
    if (token.kind != ConfTokenKind::Id && token.kind != ConfTokenKind::QualifiedId) {
        statement.offending = token;
        return statement;
    }
    statement.name = token;
    token = lexer.next();
    if (token.kind == ConfTokenKind::Equals)
        token = lexer.next();
    if (!isValueToken(token.kind)) {
        statement.offending = token;
        return statement;
    }
    statement.value = token;
    token = lexer.next();
    if (token.kind != ConfTokenKind::EndOfLine) {
        statement.offending = token;
        return statement;
    }
    statement.ok = true;
    return statement;
}

void fillSetting(ConfLine &out, QByteArrayView line, const Statement &statement)
{
    out.nameColumn = static_cast<int>(statement.name.start) + 1;
    out.name = line.sliced(statement.name.start, statement.name.length).toByteArray();
    out.valueColumn = static_cast<int>(statement.value.start) + 1;
    out.valueEndColumn = static_cast<int>(statement.value.start + statement.value.length) + 1;
    const QByteArrayView raw = line.sliced(statement.value.start, statement.value.length);
    out.rawValue = raw.toByteArray();
    out.quoted = statement.value.kind == ConfTokenKind::String;
    out.value = out.quoted ? ConfLexer::unescape(raw) : out.rawValue;
}

} // namespace

std::optional<ConfLine> ConfParser::parseLine(QByteArrayView line, int lineNumber, bool lastLineWithoutNewline)
{
    const Statement statement = parseStatement(line, 0);
    if (statement.empty) {
        // A comment-only line may be a sample setting: "#work_mem = 4MB    # min 64kB".
        qsizetype hash = 0;
        while (hash < line.size() && (line[hash] == ' ' || line[hash] == '\t' || line[hash] == '\r'))
            ++hash;
        if (hash >= line.size() || line[hash] != '#')
            return std::nullopt;
        const Statement sample = parseStatement(line, hash + 1);
        if (!sample.ok || sample.name.kind != ConfTokenKind::Id)
            return std::nullopt;
        ConfLine out;
        out.kind = ConfLineKind::Sample;
        out.line = lineNumber;
        out.hashColumn = static_cast<int>(hash) + 1;
        fillSetting(out, line, sample);
        return out;
    }
    ConfLine out;
    out.line = lineNumber;
    if (statement.ok) {
        out.kind = ConfLineKind::Setting;
        fillSetting(out, line, statement);
        return out;
    }
    out.kind = ConfLineKind::SyntaxError;
    out.reportedLine = lineNumber;
    if (statement.offending.kind == ConfTokenKind::EndOfLine) {
        out.nearEndOfLine = true;
        out.errorColumn = static_cast<int>(line.size()) + 1;
        // The scanner counts a line when it reads its '\n'; at end of file there is none yet.
        if (lastLineWithoutNewline)
            out.reportedLine = lineNumber - 1;
    } else {
        out.errorColumn = static_cast<int>(statement.offending.start) + 1;
        out.nearToken = line.sliced(statement.offending.start, statement.offending.length).toByteArray();
    }
    return out;
}

ConfParsedFile ConfParser::parse(QByteArrayView bytes)
{
    ConfParsedFile parsed;
    qsizetype start = 0;
    int lineNumber = 0;
    while (start < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const bool last = newline < 0;
        const qsizetype end = last ? bytes.size() : newline;
        ++lineNumber;
        if (auto line = parseLine(bytes.sliced(start, end - start), lineNumber, last))
            parsed.lines.append(std::move(*line));
        start = end + 1;
    }
    parsed.lineCount = lineNumber;
    return parsed;
}

} // namespace pgdial::core::pgconf
