#include "appconfig/appconfigfile.h"

#include "appconfig/yamlguard.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::appconfig {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AppConfigFile", text);
}

QString toQString(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

bool before(const YAML::Mark &a, const YAML::Mark &b)
{
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

// Counts the nodes a walk with every alias expanded would visit, without doing that walk: shared
// (aliased) nodes are counted once per reference through a memo keyed on the node's position.
class ExpansionCounter
{
public:
    // Returns -1 when the count passes `limit` or the graph has a cycle.
    qint64 count(const YAML::Node &node, qint64 limit, int depth = 0)
    {
        if (!node.IsSequence() && !node.IsMap())
            return 1;
        if (depth > YamlGuard::maxDepth * 2)
            return -1;
        const int key = node.Mark().pos;
        if (const auto it = m_memo.constFind(key); it != m_memo.cend())
            return it.value();
        if (m_inProgress.contains(key))
            return -1; // an alias to itself
        m_inProgress.insert(key);
        qint64 total = 1;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const qint64 first = count(node.IsMap() ? YAML::Node(it->first) : YAML::Node(*it), limit, depth + 1);
            const qint64 second = node.IsMap() ? count(it->second, limit, depth + 1) : 0;
            if (first < 0 || second < 0 || (total += first + second) > limit)
                return -1;
        }
        m_inProgress.remove(key);
        m_memo.insert(key, total);
        return total;
    }

private:
    QHash<int, qint64> m_memo;
    QSet<int> m_inProgress;
};

// Where the scalar's own text starts at `column` (0-based) of `line`: after an anchor or a tag.
qsizetype skipProperties(const QByteArray &line, qsizetype column)
{
    qsizetype i = column;
    while (i < line.size() && (line.at(i) == '&' || line.at(i) == '!')) {
        while (i < line.size() && line.at(i) != ' ' && line.at(i) != '\t')
            ++i;
        while (i < line.size() && (line.at(i) == ' ' || line.at(i) == '\t'))
            ++i;
    }
    return i;
}

// The extent of a single-line scalar's source text, checked against what YAML read; 0 when the
// text cannot be edited in place (multi-line, block scalar, escapes pgdial does not reproduce).
int scalarLength(const QByteArray &line, qsizetype start, ScalarStyle style, bool inFlow, const QString &value)
{
    if (start >= line.size())
        return 0;
    if (style == ScalarStyle::DoubleQuoted) {
        QString decoded;
        QByteArray raw;
        for (qsizetype i = start + 1; i < line.size(); ++i) {
            const char c = line.at(i);
            if (c == '\\') {
                if (i + 1 >= line.size())
                    return 0;
                const char e = line.at(++i);
                switch (e) {
                case '"':
                    raw += '"';
                    break;
                case '\\':
                    raw += '\\';
                    break;
                case '/':
                    raw += '/';
                    break;
                case 'n':
                    raw += '\n';
                    break;
                case 't':
                    raw += '\t';
                    break;
                case 'r':
                    raw += '\r';
                    break;
                case '0':
                    raw += '\0';
                    break;
                default:
                    return 0; // \x, \u, line continuations: not edited in place
                }
                continue;
            }
            if (c == '"')
                return QString::fromUtf8(raw) == value ? static_cast<int>(i - start + 1) : 0;
            raw += c;
        }
        return 0;
    }
    if (style == ScalarStyle::SingleQuoted) {
        QByteArray raw;
        for (qsizetype i = start + 1; i < line.size(); ++i) {
            const char c = line.at(i);
            if (c == '\'') {
                if (i + 1 < line.size() && line.at(i + 1) == '\'') {
                    raw += '\'';
                    ++i;
                    continue;
                }
                return QString::fromUtf8(raw) == value ? static_cast<int>(i - start + 1) : 0;
            }
            raw += c;
        }
        return 0;
    }
    if (style == ScalarStyle::Block)
        return 0;
    qsizetype end = line.size();
    for (qsizetype i = start; i < line.size(); ++i) {
        const char c = line.at(i);
        if (c == '#' && i > start && (line.at(i - 1) == ' ' || line.at(i - 1) == '\t')) {
            end = i;
            break;
        }
        if (inFlow && (c == ',' || c == ']' || c == '}')) {
            end = i;
            break;
        }
        if (inFlow && c == ':' && (i + 1 >= line.size() || line.at(i + 1) == ' ')) {
            end = i;
            break;
        }
    }
    while (end > start && (line.at(end - 1) == ' ' || line.at(end - 1) == '\t' || line.at(end - 1) == '\r'))
        --end;
    return QString::fromUtf8(line.mid(start, end - start)) == value ? static_cast<int>(end - start) : 0;
}

ScalarStyle styleAt(const QByteArray &line, qsizetype start)
{
    if (start >= line.size())
        return ScalarStyle::Plain;
    switch (line.at(start)) {
    case '"':
        return ScalarStyle::DoubleQuoted;
    case '\'':
        return ScalarStyle::SingleQuoted;
    case '|':
    case '>':
        return ScalarStyle::Block;
    default:
        return ScalarStyle::Plain;
    }
}

bool looksLikeNonString(const QString &value)
{
    static const QRegularExpression special(
        uR"(^(true|false|yes|no|on|off|y|n|null|~|[-+]?(\d[\d_]*)?\.?\d[\d_]*([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.inf|\.nan)$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return value.isEmpty() || special.match(value).hasMatch();
}

} // namespace

const QStringList &AppConfigFile::databaseKeys()
{
    static const QStringList keys {
        u"url"_s,          u"app_db"_s,           u"owner_user"_s,        u"user"_s,
        u"ro_user"_s,      u"pool_size"_s,        u"max_overflow"_s,      u"pool_timeout"_s,
        u"pool_recycle"_s, u"environment_mode"_s, u"user_pw_file_path"_s, u"user_pw_env_var"_s};
    return keys;
}

AppConfigFile AppConfigFile::parse(const base::TextDocument &document, const QString &fileName)
{
    AppConfigFile file;
    file.m_fileName = fileName;
    // Size first, without copying a huge document.
    const QByteArray bytes
        = document.byteSize() > YamlGuard::maxBytes ? QByteArray(YamlGuard::maxBytes + 1, ' ') : document.toBytes();
    if (const std::optional<base::Diagnostic> refused = YamlGuard::check(bytes, fileName)) {
        file.m_diagnostics.append(*refused);
        return file;
    }
    auto diagnose = [&](base::Severity severity, const QString &code, int line, int column, const QString &message,
                        const QString &suggestion = {}) {
        base::Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.file = fileName;
        d.line = line;
        d.column = column;
        d.message = message;
        d.suggestion = suggestion;
        file.m_diagnostics.append(d);
    };
    try {
        const YAML::Node root = YAML::Load(std::string(bytes.constData(), static_cast<size_t>(bytes.size())));
        if (ExpansionCounter().count(root, YamlGuard::maxExpandedNodes) < 0) {
            diagnose(base::Severity::Error, u"app.yaml-alias-bomb"_s, 0, 0,
                     tr("With its aliases expanded this YAML has more than %1 nodes (or an alias refers to itself); "
                        "pgdial refuses it")
                         .arg(YamlGuard::maxExpandedNodes),
                     tr("Write the values out, or use fewer nested anchors and aliases"));
            return file;
        }
        file.m_loaded = true;
        if (!root.IsMap()) {
            if (root.IsDefined() && !root.IsNull())
                diagnose(base::Severity::Error, u"app.yaml-not-mapping"_s, root.Mark().line + 1, root.Mark().column + 1,
                         tr("config.yaml must be a mapping of sections (database:, ...)"));
            return file;
        }
        // Every scalar reachable through mappings, with the extent of its source text.
        struct Pending
        {
            YAML::Node node;
            QStringList path;
            int depth;
        };
        QList<Pending> stack {{root, {}, 0}};
        while (!stack.isEmpty()) {
            const Pending current = stack.takeLast();
            const bool flow = current.node.Style() == YAML::EmitterStyle::Flow;
            QList<Pending> children;
            QHash<QString, int> firstLineOf; // of each key of this mapping
            for (auto it = current.node.begin(); it != current.node.end(); ++it) {
                if (!it->first.IsScalar())
                    continue;
                const QString keyName = toQString(it->first.Scalar());
                const QStringList path = current.path + QStringList {keyName};
                // yaml-cpp keeps both; PyYAML and ruamel keep the last, and pgdial would read and
                // edit the first: the application and pgdial would disagree on what the file says.
                const int keyLine = it->first.Mark().line + 1;
                if (const auto earlier = firstLineOf.constFind(keyName); earlier != firstLineOf.cend()) {
                    diagnose(base::Severity::Error, u"app.yaml-duplicate-key"_s, keyLine, it->first.Mark().column + 1,
                             tr("%1 is written twice, on line %2 and on line %3: the application's YAML loader keeps "
                                "the last one, pgdial would read the first")
                                 .arg(path.join(u'.'))
                                 .arg(*earlier)
                                 .arg(keyLine),
                             tr("Remove one of them; pgdial makes no edit to this file until then"));
                    file.m_diagnostics.last().related.append(fileName + u':' + QString::number(*earlier));
                    file.m_ambiguous = true;
                } else {
                    firstLineOf.insert(keyName, keyLine);
                }
                const YAML::Node value = it->second; // a copy: `it->` yields a temporary proxy
                const bool aliased = before(value.Mark(), it->first.Mark());
                if (value.IsMap()) {
                    if (!aliased && current.depth < YamlGuard::maxDepth)
                        children.append({value, path, current.depth + 1});
                    continue;
                }
                if (!value.IsScalar() && !value.IsNull())
                    continue;
                ConfigScalar scalar;
                scalar.path = path;
                scalar.value = value.IsNull() ? QString() : toQString(value.Scalar());
                scalar.aliased = aliased;
                scalar.inFlow = flow;
                scalar.line = value.Mark().line + 1;
                const int lineIndex = value.Mark().line;
                if (lineIndex >= 0 && lineIndex < document.lineCount() && !aliased) {
                    const QByteArray &text = document.line(lineIndex);
                    const qsizetype start = skipProperties(text, value.Mark().column);
                    scalar.style = styleAt(text, start);
                    scalar.column = static_cast<int>(start) + 1;
                    if (!value.IsNull() || (start < text.size() && text.at(start) != '#'))
                        scalar.length = scalarLength(text, start, scalar.style, flow, scalar.value);
                } else {
                    scalar.column = value.Mark().column + 1;
                }
                file.m_scalars.append(scalar);
            }
            for (auto child = children.crbegin(); child != children.crend(); ++child)
                stack.append(*child);
        }
        const YAML::Node database = root["database"];
        if (database.IsDefined()) {
            for (auto it = root.begin(); it != root.end(); ++it) {
                if (it->first.IsScalar() && it->first.Scalar() == "database") {
                    file.m_databaseLine = it->first.Mark().line + 1;
                    file.m_databaseColumn = it->first.Mark().column + 1;
                }
            }
            file.m_databaseFlow = database.IsMap() && database.Style() == YAML::EmitterStyle::Flow;
            if (database.IsMap()) {
                for (auto it = database.begin(); it != database.end(); ++it) {
                    const YAML::Mark key = it->first.Mark();
                    if (file.m_databaseKeyColumn == 0)
                        file.m_databaseKeyColumn = key.column + 1;
                    file.m_databaseLastKeyLine = std::max(file.m_databaseLastKeyLine, key.line + 1);
                }
            }
            if (!database.IsMap() && !database.IsNull()) {
                diagnose(base::Severity::Error, u"app.invalid-type"_s, database.Mark().line + 1,
                         database.Mark().column + 1,
                         tr("database: must be a mapping of settings (url:, pool_size:, ...)"));
            } else if (database.IsMap()) {
                for (auto it = database.begin(); it != database.end(); ++it) {
                    if (!it->first.IsScalar())
                        continue;
                    const QString key = toQString(it->first.Scalar());
                    if (!databaseKeys().contains(key))
                        continue;
                    if (!it->second.IsScalar() && !it->second.IsNull())
                        diagnose(base::Severity::Error, u"app.invalid-type"_s, it->second.Mark().line + 1,
                                 it->second.Mark().column + 1,
                                 tr("database.%1 must be a single value, not a list or mapping").arg(key));
                }
                for (const ConfigScalar &scalar : std::as_const(file.m_scalars))
                    if (scalar.path.size() == 2 && scalar.path.first() == u"database"
                        && databaseKeys().contains(scalar.path.last()))
                        file.m_fields.append(scalar);
                std::sort(file.m_fields.begin(), file.m_fields.end(), [](const ConfigScalar &a, const ConfigScalar &b) {
                    return a.line < b.line || (a.line == b.line && a.column < b.column);
                });
            }
        }
    } catch (const YAML::Exception &e) {
        file.m_loaded = false;
        diagnose(base::Severity::Error, u"app.yaml-syntax"_s, e.mark.is_null() ? 0 : e.mark.line + 1,
                 e.mark.is_null() ? 0 : e.mark.column + 1, tr("YAML syntax error: %1").arg(toQString(e.msg)),
                 tr("Fix the YAML at this position"));
    } catch (const std::exception &e) {
        file.m_loaded = false;
        diagnose(base::Severity::Error, u"app.yaml-syntax"_s, 0, 0,
                 tr("The YAML could not be read: %1").arg(QString::fromUtf8(e.what())));
    }
    return file;
}

std::optional<ConfigScalar> AppConfigFile::field(const QString &key) const
{
    for (const ConfigScalar &scalar : m_fields)
        if (scalar.path.last() == key)
            return scalar;
    return std::nullopt;
}

std::optional<ConfigScalar> AppConfigFile::scalar(const QStringList &path) const
{
    for (const ConfigScalar &scalar : m_scalars)
        if (scalar.path == path)
            return scalar;
    return std::nullopt;
}

QByteArray AppConfigFile::formatScalar(const QString &value, ScalarStyle preferred, bool inFlow, bool mustStayString)
{
    const QByteArray utf8 = value.toUtf8();
    bool control = false;
    for (const char c : utf8)
        control |= (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f;
    static const QByteArray indicators("-?:,[]{}#&*!|>'\"%@`");
    const bool plainOk = !utf8.isEmpty() && !control && !indicators.contains(utf8.at(0)) && !utf8.startsWith(' ')
        && !utf8.endsWith(' ') && !utf8.startsWith('\t') && !utf8.endsWith('\t') && !utf8.contains(": ")
        && !utf8.contains(" #") && !utf8.contains("\t#") && !utf8.endsWith(':')
        && !(inFlow
             && (utf8.contains(',') || utf8.contains('[') || utf8.contains(']') || utf8.contains('{')
                 || utf8.contains('}')))
        && !(mustStayString && looksLikeNonString(value));
    if (preferred == ScalarStyle::Plain && plainOk)
        return utf8;
    if (preferred == ScalarStyle::SingleQuoted && !control)
        return '\'' + QByteArray(utf8).replace('\'', "''") + '\'';
    QByteArray out = "\"";
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                out += "\\x" + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    return out + '"';
}

base::Result<base::LineEdit> AppConfigFile::replaceScalar(const base::TextDocument &document,
                                                          const ConfigScalar &scalar, const QString &value)
{
    const QString name = scalar.path.join(u'.');
    if (scalar.aliased)
        return base::makeError(u"app.yaml-not-editable"_s,
                               tr("%1 is an alias (*name): edit the anchored value instead").arg(name));
    if (scalar.length <= 0 || scalar.line < 1 || scalar.line > document.lineCount())
        return base::makeError(
            u"app.yaml-not-editable"_s,
            tr("%1 spans several lines or uses escapes pgdial does not rewrite; edit it in the text").arg(name));
    const QByteArray &line = document.line(scalar.line - 1);
    const bool mustStayString = scalar.style != ScalarStyle::Plain || !looksLikeNonString(scalar.value);
    const QByteArray text = formatScalar(value, scalar.style, scalar.inFlow, mustStayString);
    QByteArray replaced = line.left(scalar.column - 1) + text + line.mid(scalar.column - 1 + scalar.length);
    return base::LineEdit {scalar.line - 1, 1, {replaced}, {}};
}

base::Error AppConfigFile::ambiguousError() const
{
    for (const base::Diagnostic &d : m_diagnostics)
        if (d.code == u"app.yaml-duplicate-key")
            return base::makeError(u"app.yaml-ambiguous"_s,
                                   tr("%1:%2: %3; pgdial edits nothing in a file whose meaning is ambiguous")
                                       .arg(m_fileName)
                                       .arg(d.line)
                                       .arg(d.message));
    return base::makeError(u"app.yaml-ambiguous"_s, tr("%1 is ambiguous").arg(m_fileName));
}

base::Result<base::LineEdit> AppConfigFile::setField(const base::TextDocument &document, const QString &key,
                                                     const QString &value) const
{
    if (m_ambiguous)
        return ambiguousError();
    const std::optional<ConfigScalar> current = field(key);
    if (!current)
        return base::makeError(u"app.missing-key"_s, tr("database.%1 is not in %2").arg(key, m_fileName));
    return replaceScalar(document, *current, value);
}

base::Result<base::LineEdit> AppConfigFile::addField(const base::TextDocument &document, const QString &key,
                                                     const QString &value) const
{
    if (m_ambiguous)
        return ambiguousError();
    if (!m_loaded || m_databaseLine < 1)
        return base::makeError(u"app.yaml-not-editable"_s,
                               tr("%1 has no database: section to add %2 to").arg(m_fileName, key));
    if (field(key) || scalar({u"database"_s, key}))
        return base::makeError(u"app.duplicate-key"_s, tr("database.%1 is already in %2").arg(key, m_fileName));
    if (m_databaseFlow)
        return base::makeError(
            u"app.yaml-not-editable"_s,
            tr("The database: section of %1 is written as { ... }; add %2 in the text").arg(m_fileName, key));
    // Block mapping: the new key goes after the last key's lines, at the keys' indentation (or two
    // columns deeper than "database:" when the section is still empty).
    const int indent = m_databaseKeyColumn > 0 ? m_databaseKeyColumn - 1 : m_databaseColumn - 1 + 2;
    const int keyLine = m_databaseLastKeyLine > 0 ? m_databaseLastKeyLine : m_databaseLine;
    auto indentation = [](const QByteArray &line) {
        qsizetype i = 0;
        while (i < line.size() && line.at(i) == ' ')
            ++i;
        return i;
    };
    auto isBlankOrComment = [&](const QByteArray &line) {
        const qsizetype i = indentation(line);
        return i >= line.size() || line.at(i) == '#';
    };
    int last = keyLine; // 1-based last line belonging to that key (a nested block or a continuation)
    for (int i = keyLine; i < document.lineCount(); ++i) {
        const QByteArray &line = document.line(i);
        if (isBlankOrComment(line))
            continue;
        if (indentation(line) <= indent)
            break;
        last = i + 1;
    }
    const QByteArray text
        = QByteArray(indent, ' ') + key.toUtf8() + ": " + formatScalar(value, ScalarStyle::Plain, false, false);
    base::LineEdit edit;
    if (last == document.lineCount() && document.ending(last - 1) == base::LineEnding::None) {
        const base::LineEnding ending
            = document.dominantEnding() == base::LineEnding::None ? base::LineEnding::Lf : document.dominantEnding();
        edit = base::LineEdit {last - 1, 1, {document.line(last - 1), text}, {ending, base::LineEnding::None}};
    } else {
        edit = base::LineEdit {last, 0, {text}, {}};
    }
    // Read the result back: the key must hold `value` and nothing else may change meaning.
    base::TextDocument edited = document;
    edited.apply(edit);
    const AppConfigFile after = parse(edited, m_fileName);
    const std::optional<ConfigScalar> added = after.field(key);
    // An empty "database:" was a null scalar of its own; it becomes the mapping holding the key.
    const QStringList emptySection {u"database"_s};
    const qsizetype wasEmpty = scalar(emptySection) ? 1 : 0;
    bool othersKept = after.m_scalars.size() == m_scalars.size() + 1 - wasEmpty;
    for (const ConfigScalar &before : m_scalars) {
        if (before.path == emptySection)
            continue;
        const std::optional<ConfigScalar> now = after.scalar(before.path);
        othersKept = othersKept && now && now->value == before.value;
    }
    if (!after.isLoaded() || !added || added->value != value || !othersKept)
        return base::makeError(
            u"app.yaml-not-editable"_s,
            tr("pgdial cannot add database.%1 to %2 safely; add it in the text").arg(key, m_fileName));
    return edit;
}

} // namespace pgdial::core::appconfig
