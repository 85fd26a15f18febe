#include "editors/sourcehighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace pgdial::ui::editors {

namespace {

bool isDark()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Base).lightness() < 128;
}

QTextCharFormat colored(const QColor &light, const QColor &dark, bool bold = false)
{
    QTextCharFormat format;
    format.setForeground(isDark() ? dark : light);
    if (bold)
        format.setFontWeight(QFont::DemiBold);
    return format;
}

QRegularExpression re(const QString &pattern)
{
    return QRegularExpression(pattern);
}

} // namespace

SourceHighlighter::SourceHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    buildRules();
}

void SourceHighlighter::setKind(core::project::FileKind kind)
{
    m_kind = kind;
    buildRules();
    rehighlight();
}

void SourceHighlighter::buildRules()
{
    m_rules.clear();
    m_comment = colored(QColor(0x6a, 0x73, 0x7d), QColor(0x8b, 0x94, 0x9e));
    m_comment.setFontItalic(true);
    const QTextCharFormat key = colored(QColor(0x00, 0x5c, 0xc5), QColor(0x79, 0xb8, 0xff), true);
    const QTextCharFormat string = colored(QColor(0x03, 0x2f, 0x62), QColor(0xa5, 0xd6, 0xff));
    const QTextCharFormat number = colored(QColor(0x00, 0x5c, 0x5c), QColor(0x56, 0xd3, 0x64));
    const QTextCharFormat keyword = colored(QColor(0x8a, 0x3f, 0xfc), QColor(0xd2, 0xa8, 0xff), true);
    const QTextCharFormat variable = colored(QColor(0xb0, 0x5a, 0x00), QColor(0xff, 0xa6, 0x57));
    const QTextCharFormat danger = colored(QColor(0xcf, 0x22, 0x2e), QColor(0xff, 0x7b, 0x72), true);

    switch (m_kind) {
    case core::project::FileKind::PostgresqlConf:
        m_rules.append({re(uR"(^\s*([A-Za-z_][A-Za-z0-9_.]*))"_s), key, 1});
        m_rules.append({re(uR"(\b-?\d+(\.\d+)?(kB|MB|GB|TB|B|us|ms|s|min|h|d)?\b)"_s), number, 0});
        m_rules.append({re(uR"('(?:[^'\\]|\\.|'')*')"_s), string, 0});
        m_rules.append({re(uR"(^\s*(include_dir|include_if_exists|include)\b)"_s), keyword, 1});
        break;
    case core::project::FileKind::PgHba:
    case core::project::FileKind::PgIdent:
        m_rules.append(
            {re(uR"(^\s*(local|host|hostssl|hostnossl|hostgssenc|hostnogssenc|include|include_if_exists|include_dir)\b)"_s),
             keyword, 1});
        m_rules.append({re(uR"(\b(all|sameuser|samerole|samegroup|replication|samehost|samenet)\b)"_s), key, 1});
        m_rules.append({re(uR"(\b\d{1,3}(\.\d{1,3}){3}(/\d+)?\b|[0-9A-Fa-f:]*::[0-9A-Fa-f:]*(/\d+)?)"_s), number, 0});
        m_rules.append(
            {re(uR"(\b(scram-sha-256|md5|peer|ident|cert|gss|sspi|ldap|radius|pam|bsd|oauth)\b)"_s), string, 1});
        m_rules.append({re(uR"(\b(trust|password)\s*$|\b(trust|password)\b)"_s), danger, 0});
        m_rules.append({re(uR"(\breject\b)"_s), danger, 0});
        m_rules.append({re(uR"("[^"]*")"_s), string, 0});
        break;
    case core::project::FileKind::AppConfig:
    case core::project::FileKind::Compose:
        m_rules.append({re(uR"(^\s*(-\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*:)"_s), key, 2});
        m_rules.append({re(uR"(:\s+(-?\d+(\.\d+)?)\s*(#|$))"_s), number, 1});
        m_rules.append({re(uR"("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')"_s), string, 0});
        m_rules.append({re(uR"(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*)"_s), variable, 0});
        break;
    case core::project::FileKind::Env:
    case core::project::FileKind::EnvExample:
        m_rules.append({re(uR"(^\s*(export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=)"_s), key, 2});
        m_rules.append({re(uR"(^\s*(export)\b)"_s), keyword, 1});
        m_rules.append({re(uR"("(?:[^"\\]|\\.)*"|'[^']*')"_s), string, 0});
        m_rules.append({re(uR"(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*)"_s), variable, 0});
        break;
    case core::project::FileKind::InitScript:
        m_rules.append(
            {QRegularExpression(uR"(\b(CREATE|ALTER|DROP|ROLE|USER|DATABASE|SCHEMA|GRANT|REVOKE|ON|TO|IN|ALL|TABLES|)"
                                uR"(LOGIN|NOLOGIN|PASSWORD|OWNER|AUTHORIZATION|USAGE|SELECT|INSERT|UPDATE|DELETE|)"
                                uR"(CONNECT|SET|psql|set|then|fi|if|echo|export)\b)"_s,
                                QRegularExpression::CaseInsensitiveOption),
             keyword, 0});
        m_rules.append({re(uR"('(?:[^']|'')*'|"(?:[^"\\]|\\.)*")"_s), string, 0});
        m_rules.append({re(uR"(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*)"_s), variable, 0});
        break;
    }
}

int SourceHighlighter::commentStart(const QString &text) const
{
    if (m_kind == core::project::FileKind::InitScript) {
        const qsizetype sql = text.indexOf(u"--"_s);
        const qsizetype trimmedStart = text.size() - text.trimmed().size();
        if (text.trimmed().startsWith(u'#') && !text.trimmed().startsWith(u"#!"))
            return static_cast<int>(trimmedStart);
        return static_cast<int>(sql);
    }
    // '#' outside quotes; in YAML and env only at the start or after a blank.
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
            continue;
        }
        if (c == u'#') {
            const bool needsBlank = m_kind != core::project::FileKind::PostgresqlConf
                && m_kind != core::project::FileKind::PgHba && m_kind != core::project::FileKind::PgIdent;
            if (!needsBlank || i == 0 || text.at(i - 1).isSpace())
                return static_cast<int>(i);
        }
    }
    return -1;
}

void SourceHighlighter::highlightBlock(const QString &text)
{
    const int comment = commentStart(text);
    const QString code = comment >= 0 ? text.left(comment) : text;
    for (const Rule &rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(code);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedStart(rule.group) >= 0)
                setFormat(static_cast<int>(m.capturedStart(rule.group)), static_cast<int>(m.capturedLength(rule.group)),
                          rule.format);
        }
    }
    if (comment >= 0)
        setFormat(comment, static_cast<int>(text.size()) - comment, m_comment);
}

} // namespace pgdial::ui::editors
