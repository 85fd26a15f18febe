#include "hba/hbaruleedits.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HbaRuleEdits", text);
}

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r';
}

// The fields of one rule as written: blank-separated, quotes kept and respected, up to a '#'.
QStringList splitFields(const QString &text)
{
    QStringList fields;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && isBlank(text.at(i)))
            ++i;
        if (i >= n || text.at(i) == u'#')
            break;
        const qsizetype start = i;
        bool quoted = false;
        while (i < n && (quoted || (!isBlank(text.at(i)) && text.at(i) != u'#'))) {
            if (text.at(i) == u'"')
                quoted = !quoted;
            ++i;
        }
        fields.append(text.mid(start, i - start));
    }
    return fields;
}

std::optional<HbaField> fieldNamed(const QString &name)
{
    static const QList<std::pair<QString, HbaField>> fields {
        {u"type"_s, HbaField::Type},       {u"database"_s, HbaField::Database}, {u"user"_s, HbaField::User},
        {u"address"_s, HbaField::Address}, {u"netmask"_s, HbaField::Netmask},   {u"method"_s, HbaField::Method},
        {u"options"_s, HbaField::Options}};
    for (const auto &[fieldName, field] : fields) {
        if (fieldName == name)
            return field;
    }
    return std::nullopt;
}

} // namespace

HbaRuleEdits::HbaRuleEdits(base::TextDocument document, const QString &path, HbaParseOptions options)
    : m_document(std::move(document))
    , m_path(path)
    , m_options(std::move(options))
    , m_file(HbaParser::parse(m_document.toBytes(), path, m_options))
{ }

base::Result<const HbaRule *> HbaRuleEdits::ruleAt(int line) const
{
    if (line < 1 || line > m_document.lineCount())
        return base::makeError(
            u"hba.edit-no-such-line"_s,
            tr("line %1 is not in the file (it has %2 lines)").arg(line).arg(m_document.lineCount()));
    for (const HbaRule &rule : m_file.rules) {
        if (rule.file == m_file.mainFile && line >= rule.line && line <= rule.lastLine)
            return &rule;
    }
    return base::makeError(u"hba.edit-no-rule"_s, tr("line %1 holds no rule").arg(line));
}

base::Result<HbaEdit> HbaRuleEdits::checked(HbaEdit edit, int line) const
{
    base::TextDocument after = m_document;
    after.apply(edit.edit);
    const HbaFile parsed = HbaParser::parse(after.toBytes(), m_path, m_options);
    for (const HbaRule &rule : parsed.rules) {
        if (rule.file != parsed.mainFile || line < rule.line || line > rule.lastLine)
            continue;
        if (!rule.hasError())
            return edit;
        QString code = u"hba.edit-refused"_s;
        for (const base::Diagnostic &diagnostic : parsed.diagnostics) {
            if (diagnostic.line == rule.line && diagnostic.severity == base::Severity::Error) {
                code = diagnostic.code;
                break;
            }
        }
        return base::makeError(code, tr("the server would refuse line %1: %2").arg(rule.line).arg(rule.error));
    }
    return base::makeError(u"hba.edit-refused"_s, tr("line %1 would hold no rule").arg(line));
}

base::Result<HbaEdit> HbaRuleEdits::add(const QString &ruleText, int beforeLine) const
{
    if (beforeLine < 0 || beforeLine > m_document.lineCount() + 1)
        return base::makeError(
            u"hba.edit-no-such-line"_s,
            tr("line %1 is not in the file (it has %2 lines)").arg(beforeLine).arg(m_document.lineCount()));
    if (ruleText.contains(u'\n'))
        return base::makeError(u"hba.edit-not-one-rule"_s, tr("a rule is one line"));
    const QStringList fields = splitFields(ruleText);
    if (fields.isEmpty())
        return base::makeError(u"hba.edit-not-one-rule"_s, tr("no rule given"));
    const int before = beforeLine == 0 ? m_document.lineCount() + 1 : beforeLine;
    return checked(HbaEditor::insertRule(m_document, m_file.mainFile, before, fields), before);
}

base::Result<HbaEdit> HbaRuleEdits::remove(int line) const
{
    const base::Result<const HbaRule *> rule = ruleAt(line);
    if (!rule)
        return rule.error();
    if (std::optional<HbaEdit> edit = HbaEditor::deleteRule(m_document, **rule))
        return *edit;
    return base::makeError(u"hba.edit-no-rule"_s, tr("line %1 holds no rule").arg(line));
}

base::Result<HbaEdit> HbaRuleEdits::move(int line, int beforeLine) const
{
    const base::Result<const HbaRule *> rule = ruleAt(line);
    if (!rule)
        return rule.error();
    if (beforeLine < 1 || beforeLine > m_document.lineCount() + 1)
        return base::makeError(
            u"hba.edit-no-such-line"_s,
            tr("line %1 is not in the file (it has %2 lines)").arg(beforeLine).arg(m_document.lineCount()));
    if (std::optional<HbaEdit> edit = HbaEditor::moveRule(m_document, **rule, beforeLine))
        return *edit;
    return base::makeError(
        u"hba.edit-bad-target"_s,
        tr("line %1 is inside the rule on line %2 or just after it: nothing moves").arg(beforeLine).arg((*rule)->line));
}

base::Result<HbaEdit> HbaRuleEdits::enable(int line) const
{
    if (!disabledRule(line))
        return base::makeError(u"hba.edit-no-disabled-rule"_s,
                               tr("line %1 holds no commented-out rule (\"#host ...\")").arg(line));
    if (std::optional<HbaEdit> edit = HbaEditor::enableLine(m_document, m_file.mainFile, line))
        return checked(*edit, line);
    return base::makeError(u"hba.edit-no-disabled-rule"_s,
                           tr("line %1 holds no commented-out rule (\"#host ...\")").arg(line));
}

base::Result<HbaEdit> HbaRuleEdits::disable(int line) const
{
    const base::Result<const HbaRule *> rule = ruleAt(line);
    if (!rule)
        return rule.error();
    if (std::optional<HbaEdit> edit = HbaEditor::disableRule(m_document, **rule))
        return *edit;
    return base::makeError(u"hba.edit-no-rule"_s, tr("line %1 holds no rule").arg(line));
}

base::Result<HbaEdit> HbaRuleEdits::set(int line, const QString &field, const QString &value) const
{
    const base::Result<const HbaRule *> rule = ruleAt(line);
    if (!rule)
        return rule.error();
    if (field == u"comment"_s) {
        if (std::optional<HbaEdit> edit = HbaEditor::setComment(m_document, **rule, value))
            return *edit;
        return base::makeError(u"hba.edit-field-not-settable"_s,
                               tr("the comment of the rule on line %1 cannot be set in place (the rule spans "
                                  "several lines)")
                                   .arg((*rule)->line));
    }
    const std::optional<HbaField> known = fieldNamed(field);
    if (!known)
        return base::makeError(u"hba.edit-unknown-field"_s,
                               tr("unknown field \"%1\" (type, database, user, address, netmask, method, options, "
                                  "comment)")
                                   .arg(field));
    if (value.trimmed().isEmpty() && *known != HbaField::Options && *known != HbaField::Netmask)
        return base::makeError(u"hba.edit-empty-field"_s, tr("the %1 field cannot be empty").arg(field));
    if (std::optional<HbaEdit> edit = HbaEditor::editField(m_document, **rule, *known, value))
        return checked(*edit, (*rule)->line);
    return base::makeError(u"hba.edit-field-not-settable"_s,
                           tr("the rule on line %1 has no %2 field that can be changed in place (absent, or "
                              "written over several lines)")
                               .arg((*rule)->line)
                               .arg(field));
}

std::optional<HbaRule> HbaRuleEdits::disabledRule(int line) const
{
    if (line < 1 || line > m_document.lineCount())
        return std::nullopt;
    const QByteArray &content = m_document.line(line - 1);
    qsizetype hash = 0;
    while (hash < content.size() && (content.at(hash) == ' ' || content.at(hash) == '\t'))
        ++hash;
    if (hash >= content.size() || content.at(hash) != '#')
        return std::nullopt;
    std::optional<HbaRule> rule = parseDisabled(content.mid(hash + 1), m_path, m_options);
    if (rule) {
        rule->file = m_file.mainFile;
        rule->line = rule->lastLine = line;
    }
    return rule;
}

std::optional<HbaRule> HbaRuleEdits::parseDisabled(const QByteArray &afterHash, const QString &path,
                                                   const HbaParseOptions &options)
{
    // Only text that reads as a rule counts, so the stock file's template lines
    // ("# host DATABASE USER ADDRESS METHOD") and prose are not rules.
    const QByteArray head = afterHash.trimmed();
    if (!(head.startsWith("local") || head.startsWith("host")))
        return std::nullopt;
    HbaParseOptions alone = options;
    alone.readFile = [](const QString &, QString *) { return std::optional<QByteArray>(QByteArray()); };
    const HbaFile parsed = HbaParser::parse(afterHash, path, alone);
    if (parsed.rules.size() != 1 || parsed.rules.first().hasError())
        return std::nullopt;
    return parsed.rules.first();
}

} // namespace pgdial::core::hba
