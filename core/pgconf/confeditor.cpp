#include "pgconf/confeditor.h"

#include "pgconf/valueformatter.h"
#include "pgconf/valueparser.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::pgconf::ConfEditor", text);
}

QString asciiLower(const QString &text)
{
    QString folded = text;
    for (QChar &c : folded) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            c = QChar(c.unicode() + 32);
    }
    return folded;
}

// Replaces bytes [start, end) of `line` with `token`. When only spaces and a comment follow, the
// spaces grow or shrink so the comment keeps its column (`shift`: bytes already removed before
// `start` on this line, which the spaces make up for as well).
QByteArray replaceKeepingComment(const QByteArray &line, qsizetype start, qsizetype end, const QByteArray &token,
                                 qsizetype shift = 0)
{
    const QByteArray rest = line.mid(end);
    qsizetype spaces = 0;
    while (spaces < rest.size() && rest.at(spaces) == ' ')
        ++spaces;
    QByteArray result = line.left(start) + token;
    if (spaces > 0 && spaces < rest.size() && rest.at(spaces) == '#') {
        const qsizetype delta = token.size() - (end - start) - shift;
        result += QByteArray(std::max<qsizetype>(1, spaces - delta), ' ') + rest.mid(spaces);
    } else {
        result += rest;
    }
    return result;
}

bool validCustomName(const QString &name)
{
    // What the file's lexer admits as a qualified name: exactly one dot between two identifiers.
    static const QRegularExpression pattern(
        u"^[A-Za-z_\\x{80}-\\x{10FFFF}][A-Za-z0-9_\\x{80}-\\x{10FFFF}]*\\.[A-Za-z_\\x{80}-\\x{10FFFF}][A-Za-z0-9_\\x{80}-\\x{10FFFF}]*$"_s);
    return pattern.match(name).hasMatch();
}

template<typename KeyOf> bool matchesKey(const QByteArray &name, const QString &canonicalKey, const KeyOf &keyOf)
{
    // Most lines name another parameter: settle plain ASCII names by bytes instead of building a
    // QString and a catalog lookup per line (a 20,000-line file has thousands of them). Only a
    // name without a dot may be a catalog alias of the key, so only those ask keyOf.
    bool ascii = true;
    bool equal = name.size() == canonicalKey.size();
    bool dotted = false;
    for (qsizetype i = 0; i < name.size() && ascii; ++i) {
        const char c = name.at(i);
        ascii = (static_cast<unsigned char>(c) & 0x80) == 0;
        dotted = dotted || c == '.';
        const char lower = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
        equal = equal && canonicalKey.at(i).unicode() == char16_t(static_cast<unsigned char>(lower));
    }
    if (ascii && equal)
        return true;
    if (ascii && dotted)
        return false;
    return keyOf(name) == canonicalKey;
}

} // namespace

ConfEditor::ConfEditor(const ConfLoadResult &load, const ParameterCatalog &catalog, DocumentProvider documents)
    : m_load(load)
    , m_catalog(catalog)
    , m_documents(std::move(documents))
{ }

QString ConfEditor::keyOf(const QByteArray &name) const
{
    if (name.startsWith("\xEF\xBB\xBF"))
        return QString::fromLatin1(name); // never equal to a real name, as for the server
    const QString text = QString::fromUtf8(name);
    if (const ParameterInfo *info = m_catalog.find(text))
        return asciiLower(info->name);
    return asciiLower(text);
}

QList<int> ConfEditor::activeItems(const QString &canonicalKey) const
{
    QList<int> indexes;
    for (qsizetype i = 0; i < m_load.items.size(); ++i) {
        if (matchesKey(m_load.items.at(i).name, canonicalKey,
                       [this](const QByteArray &written) { return keyOf(written); }))
            indexes.append(int(i));
    }
    return indexes;
}

base::Result<QByteArray> ConfEditor::lineOf(const QString &file, int line) const
{
    const base::TextDocument *document = m_documents ? m_documents(file) : nullptr;
    if (!document || line < 1 || line > document->lineCount())
        return base::makeError(u"conf.edit-unavailable"_s,
                               tr("%1:%2 is not available for editing").arg(file).arg(line));
    return document->line(line - 1);
}

base::Result<ConfEditResult> ConfEditor::set(const QString &name, const QString &value) const
{
    if (m_load.parseFailed || m_load.files.isEmpty())
        return base::makeError(u"conf.edit-unparsable"_s,
                               tr("The configuration has syntax or include errors; fix them before editing it"));
    const ParameterInfo *info = m_catalog.find(name);
    if (!info && !validCustomName(name)) {
        const QStringList candidates = m_catalog.closestNames(name);
        return base::makeError(u"conf.unknown-parameter"_s,
                               candidates.isEmpty()
                                   ? tr("Unrecognized configuration parameter \"%1\"").arg(name)
                                   : tr("Unrecognized configuration parameter \"%1\"; did you mean \"%2\"?")
                                         .arg(name, candidates.join(u"\", \""_s)));
    }
    if (info && info->context == ParameterContext::Internal)
        return base::makeError(u"conf.internal-parameter"_s, tr("Parameter \"%1\" cannot be changed").arg(info->name));
    if (info) {
        const ParsedValue parsed = ValueParser::parse(*info, value, m_catalog.major());
        if (!parsed.ok())
            return base::makeError(u"conf.invalid-value"_s,
                                   parsed.hint.isEmpty() ? parsed.message
                                                         : parsed.message + u" ("_s + parsed.hint + u')');
    }
    const QByteArray token = ValueFormatter::toToken(value);
    const QString key = info ? asciiLower(info->name) : asciiLower(name);
    const QString shownName = info ? info->name : name;
    ConfEditResult result;

    // 1. The line that wins: rewrite its value in place.
    if (const QList<int> active = activeItems(key); !active.isEmpty()) {
        const ConfItem &item = m_load.items.at(active.last());
        const auto line = lineOf(item.file, item.line);
        if (!line)
            return line.error();
        if (item.rawValue == token) {
            result.changes.append(
                tr("%1:%2: %3 is already %4").arg(item.file).arg(item.line).arg(shownName, QString::fromUtf8(token)));
            return result;
        }
        const QByteArray rewritten = replaceKeepingComment(*line, item.valueColumn - 1, item.valueEndColumn - 1, token);
        result.edits.append({item.file, base::LineEdit {item.line - 1, 1, {rewritten}, {}}});
        result.changes.append(
            tr("%1:%2: %3 = %4 (was %5)")
                .arg(item.file)
                .arg(item.line)
                .arg(QString::fromUtf8(item.name), QString::fromUtf8(token), QString::fromUtf8(item.rawValue)));
        return result;
    }

    const QString topFile = m_load.files.first();
    // 2. A commented-out sample line: activate it (the top file's first, else any file's).
    const ConfSampleLine *sample = nullptr;
    for (const ConfSampleLine &candidate : m_load.samples) {
        if (candidate.valueColumn <= 0
            || !matchesKey(candidate.name, key, [this](const QByteArray &written) { return keyOf(written); }))
            continue;
        if (!sample || (sample->file != topFile && candidate.file == topFile))
            sample = &candidate;
    }
    if (sample) {
        const auto line = lineOf(sample->file, sample->line);
        if (!line)
            return line.error();
        const qsizetype removed = sample->nameColumn - sample->hashColumn;
        QByteArray activated = line->left(sample->hashColumn - 1) + line->mid(sample->nameColumn - 1);
        activated = replaceKeepingComment(activated, sample->valueColumn - 1 - removed,
                                          sample->valueEndColumn - 1 - removed, token, removed);
        result.edits.append({sample->file, base::LineEdit {sample->line - 1, 1, {activated}, {}}});
        result.changes.append(
            tr("%1:%2: activated the commented-out line: %3 = %4 (the sample said %5)")
                .arg(sample->file)
                .arg(sample->line)
                .arg(QString::fromUtf8(sample->name), QString::fromUtf8(token), QString::fromUtf8(sample->rawValue)));
        return result;
    }

    // 3. A new line: after the last setting (or sample line) of the same category in the top file.
    const base::TextDocument *document = m_documents ? m_documents(topFile) : nullptr;
    if (!document)
        return base::makeError(u"conf.edit-unavailable"_s, tr("%1 is not available for editing").arg(topFile));
    const QByteArray newLine = (info ? info->name : name).toUtf8() + " = " + token;
    int anchorLine = 0;
    QString anchorName;
    if (info && !info->category.isEmpty()) {
        auto consider = [&](const QString &file, int lineNumber, const QByteArray &written) {
            const ParameterInfo *other = m_catalog.find(QString::fromUtf8(written));
            if (file == topFile && other && other->category == info->category && lineNumber > anchorLine) {
                anchorLine = lineNumber;
                anchorName = QString::fromUtf8(written);
            }
        };
        for (const ConfItem &item : m_load.items)
            consider(item.file, item.line, item.name);
        for (const ConfSampleLine &candidate : m_load.samples)
            consider(candidate.file, candidate.line, candidate.name);
    }
    // Keep the anchor's indented continuation comments ("\t\t# (change requires restart)") with it.
    while (anchorLine > 0 && anchorLine < document->lineCount()) {
        const QByteArray next = document->line(anchorLine);
        const QByteArray trimmed = next.trimmed();
        if (next.isEmpty() || !(next.at(0) == ' ' || next.at(0) == '\t') || !trimmed.startsWith('#'))
            break;
        ++anchorLine;
    }
    if (anchorLine > 0 && anchorLine <= document->lineCount()) {
        result.edits.append({topFile, base::LineEdit {anchorLine, 0, {newLine}, {}}});
        result.changes.append(tr("%1:%2: added %3 after %4 (same category: %5)")
                                  .arg(topFile)
                                  .arg(anchorLine + 1)
                                  .arg(QString::fromUtf8(newLine), anchorName, info->category));
        return result;
    }
    QList<QByteArray> lines {QByteArrayLiteral("# Added by pgdial"), newLine};
    if (document->lineCount() > 0 && !document->line(document->lineCount() - 1).trimmed().isEmpty())
        lines.prepend(QByteArray());
    const int at = document->lineCount();
    result.edits.append({topFile, base::LineEdit {at, 0, lines, {}}});
    result.changes.append(tr("%1:%2: added %3 at the end of the file")
                              .arg(topFile)
                              .arg(at + lines.size())
                              .arg(QString::fromUtf8(newLine)));
    return result;
}

base::Result<ConfEditResult> ConfEditor::reset(const QString &name) const
{
    if (m_load.parseFailed)
        return base::makeError(u"conf.edit-unparsable"_s,
                               tr("The configuration has syntax or include errors; fix them before editing it"));
    const ParameterInfo *info = m_catalog.find(name);
    const QString key = info ? asciiLower(info->name) : asciiLower(name);
    const QList<int> active = activeItems(key);
    if (active.isEmpty())
        return base::makeError(u"conf.not-set"_s, tr("\"%1\" is not set in this configuration").arg(name));
    ConfEditResult result;
    for (int index : active) {
        const ConfItem &item = m_load.items.at(index);
        const auto line = lineOf(item.file, item.line);
        if (!line)
            return line.error();
        result.edits.append({item.file, base::LineEdit {item.line - 1, 1, {'#' + *line}, {}}});
        result.changes.append(tr("%1:%2: commented out %3 = %4")
                                  .arg(item.file)
                                  .arg(item.line)
                                  .arg(QString::fromUtf8(item.name), QString::fromUtf8(item.rawValue)));
    }
    return result;
}

base::Result<ConfEditResult> ConfEditor::rename(int itemIndex, const QString &newName) const
{
    if (itemIndex < 0 || itemIndex >= m_load.items.size())
        return base::makeError(u"conf.edit-unavailable"_s, tr("No such setting line"));
    if (!m_catalog.find(newName) && !validCustomName(newName))
        return base::makeError(u"conf.unknown-parameter"_s,
                               tr("Unrecognized configuration parameter \"%1\"").arg(newName));
    const ConfItem &item = m_load.items.at(itemIndex);
    const auto line = lineOf(item.file, item.line);
    if (!line)
        return line.error();
    const qsizetype start = item.nameColumn - 1;
    const QByteArray rewritten = line->left(start) + newName.toUtf8() + line->mid(start + item.name.size());
    ConfEditResult result;
    result.edits.append({item.file, base::LineEdit {item.line - 1, 1, {rewritten}, {}}});
    result.changes.append(
        tr("%1:%2: renamed %3 to %4").arg(item.file).arg(item.line).arg(QString::fromUtf8(item.name), newName));
    return result;
}

} // namespace pgdial::core::pgconf
