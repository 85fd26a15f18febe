#include "appconfig/envfile.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace pgdial::core::appconfig {

namespace {

bool isKeyStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isKeyChar(char c)
{
    return isKeyStart(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Byte offsets of line starts, so that an offset maps to a 1-based line and column.
class LineIndex
{
public:
    explicit LineIndex(const QByteArray &bytes)
    {
        m_starts.append(0);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            if (bytes.at(i) == '\n')
                m_starts.append(i + 1);
    }
    int line(qsizetype offset) const
    {
        const auto it = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset);
        return static_cast<int>(it - m_starts.cbegin());
    }
    int column(qsizetype offset) const { return static_cast<int>(offset - m_starts.at(line(offset) - 1)) + 1; }

private:
    QList<qsizetype> m_starts;
};

QString tr(const char *text)
{
    return QCoreApplication::translate("EnvFile", text);
}

} // namespace

EnvFile EnvFile::parse(const base::TextDocument &document, const QString &fileName)
{
    EnvFile file;
    file.m_fileName = fileName;
    const QByteArray bytes = document.toBytes();
    const LineIndex index(bytes);
    const qsizetype size = bytes.size();
    qsizetype pos = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    bool productionSection = false;
    QHash<QString, int> firstLineOf; // key -> line of its first assignment

    auto addDiagnostic = [&](base::Severity severity, const QString &code, qsizetype offset, const QString &message,
                             const QString &suggestion = {}) {
        base::Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.file = fileName;
        d.line = index.line(offset);
        d.column = index.column(offset);
        d.message = message;
        d.suggestion = suggestion;
        file.m_diagnostics.append(d);
    };
    auto endOfLine = [&](qsizetype from) {
        const qsizetype nl = bytes.indexOf('\n', from);
        return nl < 0 ? size : nl;
    };
    // The end of a line's content, without the CR of a CRLF ending.
    auto contentEnd = [&](qsizetype eol) { return (eol > 0 && bytes.at(eol - 1) == '\r') ? eol - 1 : eol; };

    while (pos < size) {
        const qsizetype lineStart = pos;
        qsizetype eol = endOfLine(pos);
        qsizetype end = contentEnd(eol);
        while (pos < end && isBlank(bytes.at(pos)))
            ++pos;
        if (pos >= end) { // blank line: ends a documentation section only when followed by a new heading
            pos = eol + 1;
            continue;
        }
        if (bytes.at(pos) == '#') {
            const QByteArray comment = bytes.mid(pos, end - pos).toLower();
            if (comment.contains("production"))
                productionSection = true;
            else if (comment.startsWith("# ---") || comment.startsWith("#---"))
                productionSection = false;
            pos = eol + 1;
            continue;
        }
        EnvEntry entry;
        if (bytes.mid(pos, 7) == "export " || bytes.mid(pos, 7) == "export\t") {
            entry.exported = true;
            pos += 7;
            while (pos < end && isBlank(bytes.at(pos)))
                ++pos;
        }
        const qsizetype keyStart = pos;
        if (pos < end && isKeyStart(bytes.at(pos))) {
            while (pos < end && isKeyChar(bytes.at(pos)))
                ++pos;
        }
        if (pos == keyStart) {
            addDiagnostic(base::Severity::Warning, u"env.invalid-line"_s, keyStart,
                          tr("This line is not a KEY=value assignment, a comment or blank; it is ignored"),
                          tr("Write it as KEY=value, or comment it out with #"));
            pos = eol + 1;
            continue;
        }
        entry.key = QString::fromUtf8(bytes.mid(keyStart, pos - keyStart));
        entry.line = index.line(keyStart);
        while (pos < end && isBlank(bytes.at(pos)))
            ++pos;
        if (pos >= end || bytes.at(pos) != '=') {
            addDiagnostic(base::Severity::Warning, u"env.invalid-line"_s, pos >= end ? keyStart : pos,
                          pos >= end ? tr("\"%1\" has no \"=\": the key is not set").arg(entry.key)
                                     : tr("Expected \"=\" after \"%1\"; the line is ignored").arg(entry.key),
                          tr("Write it as %1=value").arg(entry.key));
            pos = eol + 1;
            continue;
        }
        ++pos; // '='
        while (pos < end && isBlank(bytes.at(pos)))
            ++pos;
        entry.valueColumn = index.column(pos);
        qsizetype afterValue = end;
        if (pos < end && (bytes.at(pos) == '\'' || bytes.at(pos) == '"')) {
            const char quote = bytes.at(pos);
            entry.quote = quote == '\'' ? EnvQuote::Single : EnvQuote::Double;
            QByteArray value;
            qsizetype i = pos + 1;
            bool closed = false;
            for (; i < size; ++i) {
                const char c = bytes.at(i);
                if (c == quote) {
                    closed = true;
                    break;
                }
                if (quote == '"' && c == '\\' && i + 1 < size) {
                    const char next = bytes.at(++i);
                    switch (next) {
                    case 'n':
                        value += '\n';
                        break;
                    case 't':
                        value += '\t';
                        break;
                    case 'r':
                        value += '\r';
                        break;
                    case '"':
                        value += '"';
                        break;
                    case '\\':
                        value += '\\';
                        break;
                    case '$':
                        value += "$$";
                        break; // a literal dollar, as the substitution syntax writes it
                    default:
                        value += '\\';
                        value += next;
                        break;
                    }
                    continue;
                }
                if (c == '\r' && i + 1 < size && bytes.at(i + 1) == '\n')
                    continue; // a CRLF file's multi-line value holds plain newlines
                value += c;
            }
            if (!closed) {
                addDiagnostic(
                    base::Severity::Error, u"env.unterminated-quote"_s, pos,
                    tr("The %1-quoted value of %2 is never closed; the rest of the line is taken as its value")
                        .arg(quote == '"' ? tr("double") : tr("single"), entry.key),
                    tr("Add the closing %1").arg(QLatin1Char(quote)));
                value = bytes.mid(pos + 1, end - pos - 1);
                i = end;
            } else {
                ++i; // closing quote
                eol = endOfLine(i);
                end = contentEnd(eol);
            }
            entry.value = QString::fromUtf8(value);
            afterValue = i;
            qsizetype rest = afterValue;
            while (rest < end && isBlank(bytes.at(rest)))
                ++rest;
            if (rest < end && bytes.at(rest) != '#')
                addDiagnostic(base::Severity::Warning, u"env.trailing-text"_s, rest,
                              tr("Text after the closing quote of %1 is ignored").arg(entry.key),
                              tr("Put it inside the quotes, or start a comment with \" #\""));
        } else {
            qsizetype valueEnd = end;
            for (qsizetype i = pos; i < end; ++i) {
                if (bytes.at(i) == '#' && isBlank(bytes.at(i - 1))) { // i >= 1: '=' precedes
                    valueEnd = i;
                    break;
                }
            }
            while (valueEnd > pos && isBlank(bytes.at(valueEnd - 1)))
                --valueEnd;
            entry.value = QString::fromUtf8(bytes.mid(pos, valueEnd - pos));
            afterValue = lineStart + 1;
        }
        entry.lastLine = std::max(entry.line, index.line(std::max(afterValue - 1, lineStart)));
        entry.documentedForProductionOnly = productionSection;
        // The first earlier assignment of the key, by hash (a scan of every earlier key was quadratic).
        if (const auto earlier = firstLineOf.constFind(entry.key); earlier != firstLineOf.cend()) {
            base::Diagnostic d;
            d.severity = base::Severity::Info;
            d.code = u"env.duplicate-key"_s;
            d.file = fileName;
            d.line = entry.line;
            d.column = 1;
            d.message = tr("%1 is set again here; this value wins over line %2").arg(entry.key).arg(*earlier);
            d.suggestion = tr("Remove one of the assignments");
            d.related.append(fileName + u':' + QString::number(*earlier));
            file.m_diagnostics.append(d);
        } else {
            firstLineOf.insert(entry.key, entry.line);
            file.m_keys.append(entry.key);
        }
        file.m_lastIndex.insert(entry.key, file.m_entries.size());
        file.m_entries.append(entry);
        pos = eol + 1;
    }
    return file;
}

QStringList EnvFile::keys() const
{
    return m_keys;
}

std::optional<EnvEntry> EnvFile::find(const QString &key) const
{
    const auto it = m_lastIndex.constFind(key);
    if (it == m_lastIndex.cend())
        return std::nullopt;
    return m_entries.at(*it);
}

QByteArray EnvFile::formatValue(const QString &value, EnvQuote preferred)
{
    const QByteArray utf8 = value.toUtf8();
    const bool hasNewline = utf8.contains('\n') || utf8.contains('\r');
    const bool plainOk = !hasNewline && !utf8.contains('\'') && !utf8.contains('"') && !utf8.contains(" #")
        && !utf8.contains("\t#") && !utf8.startsWith(' ') && !utf8.startsWith('\t') && !utf8.endsWith(' ')
        && !utf8.endsWith('\t') && !utf8.startsWith('#');
    if (preferred == EnvQuote::None && plainOk)
        return utf8;
    if (preferred == EnvQuote::Single && !utf8.contains('\''))
        return '\'' + utf8 + '\'';
    if (preferred != EnvQuote::Double && plainOk)
        return utf8;
    QByteArray out = "\"";
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\r') {
            out += "\\r";
            continue;
        }
        if (c == '$' && i + 1 < utf8.size() && utf8.at(i + 1) == '$') {
            out += "\\$";
            ++i;
            continue;
        }
        out += c;
    }
    return out + '"';
}

base::Result<base::LineEdit> EnvFile::setValue(const base::TextDocument &document, const QString &key,
                                               const QString &value) const
{
    const base::LineEdit edit = draftValueEdit(document, key, value);
    base::TextDocument edited = document;
    edited.apply(edit);
    const EnvFile after = parse(edited, m_fileName);
    const std::optional<EnvEntry> written = after.find(key);
    if (written && written->value == value && valuesKeptIn(after, key))
        return edit;
    QString reason = tr("Writing %1 here would change how other lines of %2 are read").arg(key, m_fileName);
    for (const base::Diagnostic &d : m_diagnostics) {
        if (d.code == u"env.unterminated-quote"_s) {
            reason += tr(": the quote opened on line %1 is never closed, and this value would close it").arg(d.line);
            break;
        }
    }
    return base::makeError(u"env.ambiguous-edit"_s, reason);
}

base::LineEdit EnvFile::draftValueEdit(const base::TextDocument &document, const QString &key,
                                       const QString &value) const
{
    const std::optional<EnvEntry> entry = find(key);
    if (!entry || entry->lastLine > document.lineCount()) {
        // Append, after a last line that has content (keep an existing trailing blank line).
        const QByteArray line = key.toUtf8() + '=' + formatValue(value, EnvQuote::None);
        const int count = document.lineCount();
        if (count > 0 && document.line(count - 1).isEmpty() && document.ending(count - 1) == base::LineEnding::None)
            return base::LineEdit {count - 1, 1, {line}, {}};
        if (count > 0 && document.ending(count - 1) == base::LineEnding::None) {
            // The file has no final newline: keep it that way, ending the old last line.
            const base::LineEnding ending = document.dominantEnding() == base::LineEnding::None
                ? base::LineEnding::Lf
                : document.dominantEnding();
            return base::LineEdit {count - 1, 1, {document.line(count - 1), line}, {ending, base::LineEnding::None}};
        }
        return base::LineEdit {count, 0, {line}, {}};
    }
    const QByteArray first = document.line(entry->line - 1);
    const QByteArray last = document.line(entry->lastLine - 1);
    const QByteArray prefix = first.left(entry->valueColumn - 1);
    // What follows the value on its last line (spaces and an inline comment) is kept.
    QByteArray suffix = last.mid(std::max<qsizetype>(afterValue(document, *entry), 0));
    if (entry->quote == EnvQuote::None) {
        if (suffix.trimmed().isEmpty())
            suffix.clear(); // trailing blanks of an unquoted value go with it
        else if (!isBlank(suffix.at(0)))
            suffix.prepend(' ');
    }
    const QByteArray line = prefix + formatValue(value, entry->quote) + suffix;
    return base::LineEdit {entry->line - 1, entry->lastLine - entry->line + 1, {line}, {}};
}

bool EnvFile::valuesKeptIn(const EnvFile &edited, const QString &except) const
{
    for (const QString &key : keys()) {
        if (key == except)
            continue;
        const std::optional<EnvEntry> now = edited.find(key);
        if (!now || now->value != find(key)->value)
            return false;
    }
    return true;
}

qsizetype EnvFile::afterValue(const base::TextDocument &document, const EnvEntry &entry) const
{
    if (entry.lastLine < 1 || entry.lastLine > document.lineCount())
        return -1;
    const QByteArray &last = document.line(entry.lastLine - 1);
    if (entry.quote == EnvQuote::None) {
        for (qsizetype i = entry.valueColumn - 1; i < last.size(); ++i) {
            if (last.at(i) == '#' && i > 0 && isBlank(last.at(i - 1))) {
                qsizetype start = i;
                while (start > entry.valueColumn - 1 && isBlank(last.at(start - 1)))
                    --start;
                return start;
            }
        }
        qsizetype end = last.size();
        while (end > entry.valueColumn - 1 && isBlank(last.at(end - 1)))
            --end;
        return end;
    }
    const char quote = entry.quote == EnvQuote::Single ? '\'' : '"';
    const qsizetype from = entry.line == entry.lastLine ? entry.valueColumn : 0;
    for (qsizetype i = from; i < last.size(); ++i) {
        if (quote == '"' && last.at(i) == '\\') {
            ++i;
            continue;
        }
        if (last.at(i) == quote)
            return i + 1;
    }
    return last.size();
}

QString EnvFile::inlineComment(const base::TextDocument &document, const QString &key) const
{
    const std::optional<EnvEntry> entry = find(key);
    const qsizetype after = entry ? afterValue(document, *entry) : -1;
    if (after < 0)
        return {};
    const QByteArray rest = document.line(entry->lastLine - 1).mid(after).trimmed();
    if (!rest.startsWith('#'))
        return {};
    return QString::fromUtf8(rest.mid(1)).trimmed();
}

base::Result<base::LineEdit> EnvFile::setComment(const base::TextDocument &document, const QString &key,
                                                 const QString &comment) const
{
    const std::optional<EnvEntry> entry = find(key);
    const qsizetype after = entry ? afterValue(document, *entry) : -1;
    if (after < 0)
        return base::makeError(u"env.missing-key"_s, tr("%1 is not set in %2").arg(key, m_fileName));
    if (comment.contains(u'\n') || comment.contains(u'\r'))
        return base::makeError(u"env.ambiguous-edit"_s, tr("A comment is one line"));
    const QByteArray &last = document.line(entry->lastLine - 1);
    const QByteArray rest = last.mid(after);
    qsizetype hash = rest.indexOf('#');
    if (hash >= 0 && !rest.left(hash).trimmed().isEmpty())
        hash = -1; // text after a closing quote that is not a comment: leave it be
    QByteArray line = last.left(after);
    const QByteArray text = comment.trimmed().toUtf8();
    if (!text.isEmpty())
        line += (hash >= 0 ? rest.left(hash) : QByteArray("  ")) + "# " + text;
    else if (hash < 0)
        line = last; // nothing to remove
    const base::LineEdit edit {entry->lastLine - 1, 1, {line}, {}};
    base::TextDocument edited = document;
    edited.apply(edit);
    const EnvFile reread = parse(edited, m_fileName);
    if (reread.inlineComment(edited, key) != QString::fromUtf8(text) || !valuesKeptIn(reread))
        return base::makeError(
            u"env.ambiguous-edit"_s,
            tr("pgdial cannot write this comment for %1 without changing how %2 reads; edit it in the text")
                .arg(key, m_fileName));
    return edit;
}

} // namespace pgdial::core::appconfig
