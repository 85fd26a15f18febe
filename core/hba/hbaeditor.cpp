#include "hba/hbaeditor.h"

#include <QCoreApplication>
#include <QMap>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HbaEditor", text);
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

struct FieldStart
{
    int column; // 0-based byte offset
    QByteArray text;
};

// Splits a line into blank-separated fields (quotes respected, comment dropped).
QList<FieldStart> splitFields(const QByteArray &line)
{
    QList<FieldStart> fields;
    int i = 0;
    const int n = int(line.size());
    while (i < n) {
        while (i < n && isBlank(line.at(i)))
            ++i;
        if (i >= n || line.at(i) == '#')
            break;
        const int start = i;
        bool quoted = false;
        while (i < n && (quoted || (!isBlank(line.at(i)) && line.at(i) != '#'))) {
            if (line.at(i) == '"')
                quoted = !quoted;
            ++i;
        }
        fields.append(FieldStart {start, line.mid(start, i - start)});
    }
    return fields;
}

bool isConnectionType(const QByteArray &word)
{
    static const QList<QByteArray> types {"local", "host", "hostssl", "hostnossl", "hostgssenc", "hostnogssenc"};
    return types.contains(word);
}

// The document's layout: the usual start column of each logical field (type, database, user,
// address, method), or tabs.
struct Layout
{
    bool tabs = false;
    QList<int> columns; // empty: single spaces
};

Layout detectLayout(const base::TextDocument &document)
{
    Layout layout;
    QList<QMap<int, int>> counts(5);
    int tabLines = 0;
    int ruleLines = 0;
    for (int i = 0; i < document.lineCount(); ++i) {
        const QByteArray &line = document.line(i);
        const QList<FieldStart> fields = splitFields(line);
        if (fields.size() < 4 || !isConnectionType(fields.first().text))
            continue;
        ++ruleLines;
        if (line.left(fields.last().column).contains('\t'))
            ++tabLines;
        const bool local = fields.first().text == "local";
        // local: type db user method; host: type db user address method (mask lines skipped)
        for (int f = 0; f < fields.size() && f < 5; ++f) {
            int logical = f;
            if (local && f == 3)
                logical = 4;
            else if (local && f > 3)
                break;
            counts[logical][fields.at(f).column] += 1;
        }
    }
    if (ruleLines == 0)
        return layout;
    if (tabLines * 2 > ruleLines) {
        layout.tabs = true;
        return layout;
    }
    bool aligned = false;
    for (int logical = 0; logical < 5; ++logical) {
        int best = -1;
        int bestCount = 0;
        for (auto it = counts[logical].cbegin(); it != counts[logical].cend(); ++it) {
            if (it.value() > bestCount) {
                best = it.key();
                bestCount = it.value();
            }
        }
        layout.columns.append(best);
    }
    // Aligned when some field starts further right than single spaces would put it.
    for (int i = 0; i < document.lineCount() && !aligned; ++i) {
        const QList<FieldStart> fields = splitFields(document.line(i));
        if (fields.size() < 4 || !isConnectionType(fields.first().text))
            continue;
        for (int f = 1; f < fields.size(); ++f) {
            const FieldStart &previous = fields.at(f - 1);
            if (fields.at(f).column > previous.column + previous.text.size() + 1)
                aligned = true;
        }
    }
    if (!aligned)
        layout.columns.clear();
    return layout;
}

HbaEdit makeEdit(const QString &file, int firstIndex, int removeCount, QList<QByteArray> lines,
                 QList<base::LineEnding> endings, const QString &description)
{
    HbaEdit edit;
    edit.file = file;
    edit.edit.firstIndex = firstIndex;
    edit.edit.removeCount = removeCount;
    edit.edit.lines = std::move(lines);
    edit.edit.endings = std::move(endings);
    edit.description = description;
    return edit;
}

bool validRange(const base::TextDocument &document, const HbaRule &rule)
{
    return rule.line >= 1 && rule.lastLine >= rule.line && rule.lastLine <= document.lineCount();
}

HbaSpan spanOf(const HbaRule &rule, HbaField field)
{
    switch (field) {
    case HbaField::Type:
        return rule.typeSpan;
    case HbaField::Database:
        return rule.databaseSpan;
    case HbaField::User:
        return rule.userSpan;
    case HbaField::Address:
        return rule.addressSpan;
    case HbaField::Netmask:
        return rule.netmaskSpan;
    case HbaField::Method:
        return rule.methodSpan;
    case HbaField::Options:
        if (rule.optionSpans.isEmpty())
            return {};
        return HbaSpan {rule.optionSpans.first().begin, rule.optionSpans.last().end};
    }
    return {};
}

} // namespace

QString HbaEditor::quoteName(const QString &name)
{
    static const QStringList keywords {u"all"_s, u"sameuser"_s, u"samerole"_s, u"samegroup"_s, u"replication"_s};
    bool needsQuotes = name.isEmpty() || keywords.contains(name) || name.startsWith(u'+') || name.startsWith(u'@')
        || name.startsWith(u'/');
    for (const QChar c : name) {
        if (c.isSpace() || c == u',' || c == u'"' || c == u'#')
            needsQuotes = true;
    }
    if (!needsQuotes)
        return name;
    QString escaped = name;
    escaped.replace(u"\""_s, u"\"\""_s);
    return u'"' + escaped + u'"';
}

QByteArray HbaEditor::formatRule(const base::TextDocument &document, const QStringList &fields)
{
    const Layout layout = detectLayout(document);
    QByteArray line;
    const bool local = !fields.isEmpty() && fields.first() == u"local";
    for (int f = 0; f < fields.size(); ++f) {
        const QByteArray text = fields.at(f).toUtf8();
        if (f > 0) {
            if (layout.tabs) {
                line += '\t';
            } else {
                int logical = f;
                if (local && f >= 3)
                    logical = f + 1;
                const int target = logical < layout.columns.size() ? layout.columns.at(logical) : -1;
                const int pad = target > line.size() ? int(target - line.size()) : 1;
                line += QByteArray(pad, ' ');
            }
        }
        line += text;
    }
    return line;
}

HbaEdit HbaEditor::insertRule(const base::TextDocument &document, const QString &file, int beforeLine,
                              const QStringList &fields)
{
    const int index = std::clamp(beforeLine - 1, 0, document.lineCount());
    const QByteArray line = formatRule(document, fields);
    return makeEdit(file, index, 0, {line}, {},
                    tr("Insert \"%1\" before line %2").arg(QString::fromUtf8(line)).arg(index + 1));
}

std::optional<HbaEdit> HbaEditor::duplicateRule(const base::TextDocument &document, const HbaRule &rule)
{
    if (!validRange(document, rule))
        return std::nullopt;
    QList<QByteArray> lines;
    for (int i = rule.line - 1; i < rule.lastLine; ++i)
        lines.append(document.line(i));
    // Inserting after a last line without a newline: that line gets one, the copy stays without.
    if (rule.lastLine == document.lineCount() && document.ending(rule.lastLine - 1) == base::LineEnding::None) {
        QList<QByteArray> replaced {document.line(rule.lastLine - 1)};
        replaced += lines;
        QList<base::LineEnding> endings(replaced.size(), document.dominantEnding());
        endings.last() = base::LineEnding::None;
        return makeEdit(rule.file, rule.lastLine - 1, 1, replaced, endings,
                        tr("Duplicate the rule on line %1").arg(rule.line));
    }
    return makeEdit(rule.file, rule.lastLine, 0, lines, {}, tr("Duplicate the rule on line %1").arg(rule.line));
}

std::optional<HbaEdit> HbaEditor::deleteRule(const base::TextDocument &document, const HbaRule &rule)
{
    if (!validRange(document, rule))
        return std::nullopt;
    return makeEdit(rule.file, rule.line - 1, rule.lastLine - rule.line + 1, {}, {},
                    tr("Delete the rule on line %1").arg(rule.line));
}

std::optional<HbaEdit> HbaEditor::moveRule(const base::TextDocument &document, const HbaRule &rule, int beforeLine)
{
    if (!validRange(document, rule) || beforeLine < 1 || beforeLine > document.lineCount() + 1)
        return std::nullopt;
    const int first = rule.line - 1; // 0-based block [first, last]
    const int last = rule.lastLine - 1;
    const int target = beforeLine - 1;
    if (target >= first && target <= last + 1)
        return std::nullopt; // inside the rule or where it already is
    const int regionStart = std::min(first, target);
    const int regionEnd = std::max(last, target - 1); // inclusive
    QList<QByteArray> lines;
    QList<int> order;
    if (target < first) {
        for (int i = first; i <= last; ++i)
            order.append(i);
        for (int i = target; i < first; ++i)
            order.append(i);
    } else {
        for (int i = last + 1; i < target; ++i)
            order.append(i);
        for (int i = first; i <= last; ++i)
            order.append(i);
    }
    QList<base::LineEnding> endings;
    for (int k = 0; k < order.size(); ++k) {
        lines.append(document.line(order.at(k)));
        // Endings stay with positions, so "no final newline" stays at the end of the file.
        base::LineEnding ending = document.ending(regionStart + k);
        if (ending == base::LineEnding::None && k + 1 < order.size())
            ending = document.dominantEnding();
        endings.append(ending);
    }
    return makeEdit(rule.file, regionStart, regionEnd - regionStart + 1, lines, endings,
                    tr("Move the rule on line %1 before line %2").arg(rule.line).arg(beforeLine));
}

std::optional<HbaEdit> HbaEditor::disableRule(const base::TextDocument &document, const HbaRule &rule)
{
    if (!validRange(document, rule))
        return std::nullopt;
    QList<QByteArray> lines;
    QList<base::LineEnding> endings;
    for (int i = rule.line - 1; i < rule.lastLine; ++i) {
        lines.append('#' + document.line(i));
        endings.append(document.ending(i));
    }
    return makeEdit(rule.file, rule.line - 1, int(lines.size()), lines, endings,
                    tr("Disable the rule on line %1").arg(rule.line));
}

std::optional<HbaEdit> HbaEditor::enableLine(const base::TextDocument &document, const QString &file, int line)
{
    if (line < 1 || line > document.lineCount())
        return std::nullopt;
    const QByteArray &content = document.line(line - 1);
    int hash = 0;
    while (hash < content.size() && isBlank(content.at(hash)))
        ++hash;
    if (hash >= content.size() || content.at(hash) != '#')
        return std::nullopt;
    QByteArray rest = content.mid(hash + 1);
    const QList<FieldStart> fields = splitFields(rest);
    if (fields.size() < 4 || !isConnectionType(fields.first().text))
        return std::nullopt;
    if (fields.first().column == 1 && rest.startsWith(' '))
        rest.remove(0, 1); // "# host ..." → "host ..."
    const QByteArray enabled = content.left(hash) + rest;
    return makeEdit(file, line - 1, 1, {enabled}, {document.ending(line - 1)},
                    tr("Enable the rule on line %1").arg(line));
}

std::optional<HbaEdit> HbaEditor::editField(const base::TextDocument &document, const HbaRule &rule, HbaField field,
                                            const QString &text)
{
    const HbaSpan span = spanOf(rule, field);
    if (!validRange(document, rule))
        return std::nullopt;
    QByteArray replacement = text.toUtf8();
    if (!span.isValid()) {
        if (field != HbaField::Options || !rule.methodSpan.isValid()
            || rule.methodSpan.end.line != rule.methodSpan.begin.line)
            return std::nullopt;
        // No options yet: append after the method.
        const int lineIndex = rule.methodSpan.end.line - 1;
        QByteArray content = document.line(lineIndex);
        const int at = rule.methodSpan.end.column - 1;
        content.insert(at, ' ' + replacement);
        return makeEdit(rule.file, lineIndex, 1, {content}, {document.ending(lineIndex)},
                        tr("Set the options of the rule on line %1").arg(rule.line));
    }
    if (span.begin.line != span.end.line || span.begin.line < 1 || span.begin.line > document.lineCount())
        return std::nullopt;
    const int lineIndex = span.begin.line - 1;
    QByteArray content = document.line(lineIndex);
    const int begin = span.begin.column - 1;
    const int end = span.end.column - 1;
    if (begin < 0 || end < begin || end > content.size())
        return std::nullopt;
    const int delta = int(replacement.size()) - (end - begin);
    int spaces = 0;
    while (end + spaces < content.size() && content.at(end + spaces) == ' ')
        ++spaces;
    const bool fieldFollows = end + spaces < content.size() && content.at(end + spaces) != '#';
    QByteArray after = content.mid(end);
    if (fieldFollows && spaces > 0) {
        // Keep the next field in its column: take spaces away or add them (at least one stays).
        const int newSpaces = std::max(1, spaces - delta);
        after = QByteArray(newSpaces, ' ') + content.mid(end + spaces);
    }
    content = content.left(begin) + replacement + after;
    return makeEdit(rule.file, lineIndex, 1, {content}, {document.ending(lineIndex)},
                    tr("Change a field of the rule on line %1 to \"%2\"").arg(rule.line).arg(text));
}

std::optional<HbaEdit> HbaEditor::setComment(const base::TextDocument &document, const HbaRule &rule,
                                             const QString &comment)
{
    if (!validRange(document, rule) || rule.line != rule.lastLine || !rule.methodSpan.isValid()
        || comment.contains(u'\n') || comment.contains(u'\r'))
        return std::nullopt;
    const int lineIndex = rule.line - 1;
    const QByteArray &content = document.line(lineIndex);
    // The rule's text ends with its last field; whatever follows is blanks and the comment.
    int end = rule.methodSpan.end.column - 1;
    for (const HbaSpan &option : rule.optionSpans)
        end = std::max(end, option.end.column - 1);
    if (end < 0 || end > content.size())
        return std::nullopt;
    const QByteArray rest = content.mid(end);
    const qsizetype hash = rest.indexOf('#');
    const QByteArray text = comment.trimmed().toUtf8();
    QByteArray line = content.left(end);
    if (!text.isEmpty())
        line += (hash >= 0 ? rest.left(hash) : QByteArray("  ")) + "# " + text;
    return makeEdit(rule.file, lineIndex, 1, {line}, {document.ending(lineIndex)},
                    text.isEmpty() ? tr("Remove the comment of the rule on line %1").arg(rule.line)
                                   : tr("Comment the rule on line %1").arg(rule.line));
}

} // namespace pgdial::core::hba
