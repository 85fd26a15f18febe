#include "hba/hbatokenizer.h"

#include "base/textfilereader.h"

#include <QDir>
#include <QFileInfo>
#include <QVarLengthArray>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

constexpr int maxNestingDepth = 10; // CONF_FILE_MAX_DEPTH
constexpr int maxTokenLength = 10239; // MAX_TOKEN - 1 in PG <= 15

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

// A logical line: bytes plus where they sit in the physical file. With continuation lines a
// logical line is made of pieces of several physical lines; each piece maps a run of logical
// bytes to one physical line (kept per piece, not per byte: a 10,000-rule file has half a
// million bytes).
struct LogicalLine
{
    struct Piece
    {
        qsizetype logicalStart; // first logical byte of the piece
        int line; // physical line
        int firstColumn; // column of that byte on the physical line (1-based)
    };
    QByteArray bytes;
    QVarLengthArray<Piece, 2> pieces;
    HbaPosition end; // just past the last byte of the last physical line
    int firstLine = 0;
    int lastLine = 0;
    int serverLineNumber = 0;
    int serverLineCount = 1; // how far the server's line counter advances
    bool tooLong = false; // PG13 "authentication file line too long"

    HbaPosition position(qsizetype offset) const
    {
        if (offset >= bytes.size() || pieces.isEmpty())
            return end;
        // The last piece starting at or before `offset`, by binary search: a rule continued over
        // 100,000 lines has as many pieces, and a scan per token was quadratic.
        const auto after
            = std::upper_bound(pieces.cbegin() + 1, pieces.cend(), offset,
                               [](qsizetype value, const Piece &piece) { return value < piece.logicalStart; });
        const Piece &piece = *(after - 1);
        return {piece.line, piece.firstColumn + static_cast<int>(offset - piece.logicalStart)};
    }
};

// Splits contents into the server's logical lines for the version.
QList<LogicalLine> logicalLines(const QByteArray &contents, int majorVersion)
{
    struct Physical
    {
        qsizetype start;
        qsizetype length; // without '\n'
    };
    QList<Physical> physical;
    qsizetype start = 0;
    const char *data = contents.constData();
    while (start < contents.size()) {
        const auto *nl = static_cast<const char *>(std::memchr(data + start, '\n', size_t(contents.size() - start)));
        if (!nl) {
            physical.append({start, contents.size() - start});
            break;
        }
        physical.append({start, nl - data - start});
        start = nl - data + 1;
    }

    QList<LogicalLine> result;
    result.reserve(physical.size());
    int serverLine = 1;
    for (qsizetype i = 0; i < physical.size();) {
        LogicalLine line;
        line.firstLine = static_cast<int>(i + 1);
        line.serverLineNumber = serverLine;
        {
            // The usual line: no NUL byte, no continuation. Its bytes are a window on `contents`
            // (which outlives the logical lines), so no copy is made.
            const Physical &ph = physical.at(i);
            const bool hasNul = std::memchr(data + ph.start, '\0', size_t(ph.length)) != nullptr;
            qsizetype length = ph.length;
            while (length > 0 && data[ph.start + length - 1] == '\r')
                --length;
            const bool continued = majorVersion >= 14 && length > 0 && data[ph.start + length - 1] == '\\';
            if (!continued && !hasNul) {
                line.lastLine = line.firstLine;
                if (ph.length > 0)
                    line.pieces.append({0, line.firstLine, 1});
                if (length > 0)
                    line.bytes = QByteArray::fromRawData(data + ph.start, length);
                line.end = {line.lastLine, static_cast<int>(ph.length + 1)};
                ++serverLine;
                ++i;
                result.append(std::move(line));
                continue;
            }
        }
        qsizetype lastBackslashLength = 0;
        int continuations = 0;
        while (i < physical.size()) {
            // One pg_get_line_append(): fgets() pieces appended with strlen(), so a NUL byte
            // drops the rest of its physical line and glues the next physical line on, without
            // the server counting a new line.
            for (;;) {
                const Physical &ph = physical.at(i);
                const int lineNo = static_cast<int>(i + 1);
                const auto *nul = static_cast<const char *>(std::memchr(data + ph.start, '\0', size_t(ph.length)));
                const qsizetype take = nul ? nul - (data + ph.start) : ph.length;
                if (take > 0) {
                    line.pieces.append({line.bytes.size(), lineNo, 1});
                    line.bytes.append(data + ph.start, take);
                }
                line.lastLine = lineNo;
                ++i;
                // PG13 read with fgets() + strlen(): the rest of the line is simply lost.
                if (take == ph.length || i >= physical.size() || majorVersion <= 13)
                    break;
            }
            while (!line.bytes.isEmpty() && (line.bytes.endsWith('\n') || line.bytes.endsWith('\r')))
                line.bytes.chop(1);
            if (majorVersion >= 14 && line.bytes.size() > lastBackslashLength && line.bytes.endsWith('\\')) {
                line.bytes.chop(1);
                lastBackslashLength = line.bytes.size();
                ++continuations;
                continue;
            }
            break;
        }
        while (!line.pieces.isEmpty() && line.pieces.back().logicalStart >= line.bytes.size() && line.pieces.size() > 1)
            line.pieces.removeLast();
        const Physical &last = physical.at(i - 1);
        line.end = {line.lastLine, static_cast<int>(last.length + 1)};
        line.serverLineCount = continuations + 1;
        serverLine += continuations + 1;
        result.append(std::move(line));
    }
    return result;
}

struct NextToken
{
    bool found = false;
    bool initialQuote = false;
    bool terminatingComma = false;
    bool tooLong = false;
    QByteArray text;
    qsizetype begin = 0;
    qsizetype end = 0;
};

// next_token() of hba.c. The text is collected in a stack buffer and becomes one QByteArray at
// the end: one allocation per token (appending byte by byte reallocated several times).
NextToken nextToken(const QByteArray &line, qsizetype &p, int majorVersion)
{
    NextToken token;
    const qsizetype n = line.size();
    const char *data = line.constData();
    while (p < n && (isBlank(data[p]) || data[p] == ','))
        ++p;
    token.begin = p;
    token.end = p;
    bool inQuote = false;
    bool wasQuote = false;
    bool sawQuote = false;
    QVarLengthArray<char, 128> text;
    while (p < n && (!isBlank(data[p]) || inQuote)) {
        const char c = data[p];
        if (c == '#' && !inQuote) {
            p = n;
            break;
        }
        if (majorVersion <= 15 && text.size() >= maxTokenLength) {
            token.tooLong = true;
            p = n;
            return token;
        }
        if (c == ',' && !inQuote) {
            token.terminatingComma = true;
            break;
        }
        if (c != '"' || wasQuote)
            text.append(c);
        if (inQuote && c == '"')
            wasQuote = !wasQuote;
        else
            wasQuote = false;
        if (c == '"') {
            inQuote = !inQuote;
            sawQuote = true;
            if (text.isEmpty())
                token.initialQuote = true;
        }
        ++p;
        token.end = p;
    }
    if (!text.isEmpty())
        token.text = QByteArray(text.constData(), text.size());
    token.found = sawQuote || !text.isEmpty();
    return token;
}

HbaSpan spanOf(const LogicalLine &line, qsizetype begin, qsizetype end)
{
    return HbaSpan {line.position(begin), line.position(end)};
}

} // namespace

HbaTokenizer::HbaTokenizer(const HbaParseOptions &options, QString baseDirectory, HbaFile &file)
    : m_options(options)
    , m_baseDirectory(std::move(baseDirectory))
    , m_file(file)
{ }

QString HbaTokenizer::absoluteLocation(const QString &location, const QString &callingFile)
{
    if (location.startsWith(u'/'))
        return QDir::cleanPath(location);
    return QDir::cleanPath(QFileInfo(callingFile).path() + u'/' + location);
}

QString HbaTokenizer::relative(const QString &absolutePath) const
{
    return QDir(m_baseDirectory).relativeFilePath(absolutePath);
}

std::optional<QByteArray> HbaTokenizer::readFile(const QString &absolutePath, QString *error) const
{
    if (m_options.readFile)
        return m_options.readFile(absolutePath, error);
    // Bounded, non-blocking, regular files only: `@/dev/zero` would grow until memory runs out,
    // `@fifo` or an include of a FIFO would block for ever.
    base::BoundedRead read = base::readBoundedFile(absolutePath);
    if (read.bytes)
        return std::move(read.bytes);
    switch (read.failure) {
    case base::ReadFailure::NotRegular:
    case base::ReadFailure::SpecialFilesystem:
        *error = u"%1, not a regular file"_s.arg(read.reason);
        break;
    case base::ReadFailure::TooLarge:
        *error = u"%1, larger than %2 bytes"_s.arg(read.reason).arg(base::maxTextFileBytes);
        break;
    default:
        *error = read.reason; // strerror, as the server says it (include_if_exists compares ENOENT's)
        break;
    }
    return std::nullopt;
}

void HbaTokenizer::expandAtFile(const QByteArray &name, const QString &outerFile, int depth, HbaRawToken &reference,
                                HbaRawField &field, QString *error)
{
    const QString fileName = QString::fromUtf8(name);
    const QString fullName = absoluteLocation(fileName, outerFile);
    std::optional<QByteArray> contents;
    QString openError;
    if (depth > maxNestingDepth) {
        *error = u"could not open file \"%1\": maximum nesting depth exceeded"_s.arg(fullName);
        return;
    }
    contents = readFile(fullName, &openError);
    if (!contents) {
        if (m_options.majorVersion >= 16)
            *error = u"could not open file \"%1\": %2"_s.arg(fullName, openError);
        else
            *error = u"could not open secondary authentication file \"@%1\" as \"%2\": %3"_s.arg(fileName, fullName,
                                                                                                 openError);
        return;
    }
    if (!m_file.files.contains(relative(fullName)))
        m_file.files.append(relative(fullName));
    QList<HbaRawLine> lines;
    tokenizeFile(fullName, *contents, depth, lines);
    for (const HbaRawLine &line : std::as_const(lines)) {
        if (!line.error.isEmpty()) {
            *error = line.error;
            return;
        }
        for (const HbaRawField &inner : line.fields) {
            for (HbaRawToken token : inner.tokens) {
                if (token.viaAtFile.isEmpty()) {
                    token.sourceFile = line.file;
                    token.sourceLine = line.lineNumber;
                }
                token.viaAtFile = QString::fromUtf8(reference.bytes);
                token.span = reference.span;
                field.tokens.append(token);
            }
        }
    }
}

bool HbaTokenizer::handleInclude(HbaRawLine &line, const QString &absolutePath, int depth, const LineSink &sink)
{
    if (m_options.majorVersion < 16 || !line.error.isEmpty() || line.fields.size() != 2)
        return false;
    const QByteArray &directive = line.fields.at(0).tokens.first().bytes;
    if (directive != "include" && directive != "include_if_exists" && directive != "include_dir")
        return false;
    HbaInclude include;
    include.directive = QString::fromUtf8(directive);
    include.target = QString::fromUtf8(line.fields.at(1).tokens.first().bytes);
    include.file = line.file;
    include.line = line.lineNumber;
    line.errorSpan = line.fields.at(1).span;

    auto includeOne = [&](const QString &fullName, bool missingOk) -> QString {
        if (depth + 1 > maxNestingDepth)
            return u"could not open file \"%1\": maximum nesting depth exceeded"_s.arg(fullName);
        QString openError;
        const auto contents = readFile(fullName, &openError);
        if (!contents) {
            if (missingOk && openError == QString::fromLocal8Bit(std::strerror(ENOENT))) {
                include.missing = true;
                return {};
            }
            return u"could not open file \"%1\": %2"_s.arg(fullName, openError);
        }
        include.resolvedFiles.append(relative(fullName));
        if (!m_file.files.contains(relative(fullName)))
            m_file.files.append(relative(fullName));
        tokenizeFile(fullName, *contents, depth + 1, sink);
        return {};
    };

    if (include.directive == u"include_dir"_s) {
        const QString directory = absoluteLocation(include.target, absolutePath);
        QDir dir(directory);
        if (!dir.exists()) {
            line.error = u"could not open directory \"%1\""_s.arg(directory);
            line.errorCode = u"hba.include-not-found"_s;
        } else {
            QStringList names;
            const QStringList entries = dir.entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::NoSort);
            for (const QString &entry : entries) {
                const QByteArray raw = QFile::encodeName(entry);
                if (raw.size() < 6 || raw.startsWith('.') || !raw.endsWith(".conf"))
                    continue;
                names.append(entry);
            }
            std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
                return std::strcmp(QFile::encodeName(a).constData(), QFile::encodeName(b).constData()) < 0;
            });
            QStringList errors;
            for (const QString &name : std::as_const(names)) {
                const QString message = includeOne(QDir::cleanPath(directory + u'/' + name), false);
                if (!message.isEmpty())
                    errors.append(message);
            }
            if (!errors.isEmpty()) {
                line.error = errors.join(u'\n');
                line.errorCode = u"hba.include-not-found"_s;
            }
        }
    } else {
        const QString fullName = absoluteLocation(include.target, absolutePath);
        const QString message = includeOne(fullName, include.directive == u"include_if_exists"_s);
        if (!message.isEmpty()) {
            line.error = message;
            line.errorCode = u"hba.include-not-found"_s;
        }
    }
    m_file.includes.append(include);
    return line.error.isEmpty();
}

void HbaTokenizer::tokenizeFile(const QString &absolutePath, const QByteArray &contents, int depth,
                                QList<HbaRawLine> &out)
{
    tokenizeFile(absolutePath, contents, depth, [&out](const HbaRawLine &line) { out.append(line); });
}

void HbaTokenizer::tokenizeFile(const QString &absolutePath, const QByteArray &contents, int depth,
                                const LineSink &sink)
{
    const QList<LogicalLine> lines = logicalLines(contents, m_options.majorVersion);
    // One line object for the whole file: its field list keeps its capacity from line to line,
    // so tokenizing a rule allocates little more than its tokens' bytes.
    HbaRawLine line;
    line.file = relative(absolutePath);
    line.absolutePath = absolutePath;
    for (const LogicalLine &logical : lines) {
        line.fields.clear();
        line.error.clear();
        line.errorCode.clear();
        line.errorSpan = {};
        line.lineNumber = logical.serverLineNumber;
        line.lastLine = logical.lastLine;
        line.lineSpan = HbaSpan {{logical.firstLine, 1}, logical.end};
        if (logical.tooLong) {
            line.error = u"authentication file line too long"_s;
            line.errorCode = u"hba.line-too-long"_s;
            line.errorSpan = line.lineSpan;
            sink(line);
            continue;
        }
        qsizetype p = 0;
        const QByteArray &bytes = logical.bytes;
        while (p < bytes.size() && line.error.isEmpty()) {
            HbaRawField field;
            qsizetype fieldBegin = -1;
            qsizetype fieldEnd = -1;
            do {
                NextToken token = nextToken(bytes, p, m_options.majorVersion);
                if (token.tooLong) {
                    line.error = u"authentication file token too long"_s;
                    line.errorCode = u"hba.token-too-long"_s;
                    line.errorSpan = spanOf(logical, token.begin, bytes.size());
                    break;
                }
                if (!token.found)
                    break;
                if (fieldBegin < 0)
                    fieldBegin = token.begin;
                fieldEnd = token.end;
                HbaRawToken raw;
                raw.bytes = std::move(token.text);
                raw.quoted = token.initialQuote;
                raw.span = spanOf(logical, token.begin, token.end);
                if (!token.initialQuote && raw.bytes.size() > 1 && raw.bytes.startsWith('@')) {
                    QString error;
                    expandAtFile(raw.bytes.mid(1), absolutePath, depth + 1, raw, field, &error);
                    if (!error.isEmpty()) {
                        line.error = error;
                        line.errorCode = u"hba.file-not-found"_s;
                        line.errorSpan = raw.span;
                    }
                } else {
                    field.tokens.append(std::move(raw));
                }
                if (!token.terminatingComma)
                    break;
            } while (line.error.isEmpty());
            if (!field.tokens.isEmpty()) {
                field.span = spanOf(logical, fieldBegin, fieldEnd);
                line.fields.append(std::move(field));
            }
        }
        if (line.fields.isEmpty() && line.error.isEmpty())
            continue;
        if (handleInclude(line, absolutePath, depth, sink))
            continue;
        sink(line);
    }
}

} // namespace pgdial::core::hba
