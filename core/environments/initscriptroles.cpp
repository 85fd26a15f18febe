#include "environments/initscriptroles.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

namespace {

// A role name as scripts write it: an identifier, "quoted", ${VAR:-default}, ${VAR} or $VAR.
const QString namePattern
    = uR"((\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-[^}]*)?\}|\$[A-Za-z_][A-Za-z0-9_]*|"[^"]+"|[A-Za-z_][A-Za-z0-9_$]*))"_s;

QString roleName(const QString &written)
{
    static const QRegularExpression variable(uR"(^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}$)"_s);
    if (const QRegularExpressionMatch m = variable.match(written); m.hasMatch())
        return m.capturedLength(2) > 0 ? m.captured(2) : m.captured(1);
    if (written.startsWith(u'$'))
        return written.mid(1);
    if (written.startsWith(u'"'))
        return written.mid(1, written.size() - 2);
    // Unquoted identifiers fold to lower case, as the server does.
    return written.toLower();
}

// Applies the option list of CREATE/ALTER ROLE to `role`. Quoted strings (passwords) are
// blanked first so that a password containing "LOGIN" cannot count.
void applyOptions(QString options, InitScriptRole &role)
{
    static const QRegularExpression quoted(uR"('(?:[^']|'')*')"_s);
    options.replace(quoted, u"''"_s);
    static const QRegularExpression word(uR"(\b(NOLOGIN|LOGIN|NOSUPERUSER|SUPERUSER|NOREPLICATION|REPLICATION)\b)"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    for (auto it = word.globalMatch(options); it.hasNext();) {
        const QString w = it.next().captured(1).toUpper();
        if (w == u"LOGIN" || w == u"NOLOGIN")
            role.login = w == u"LOGIN";
        else if (w == u"SUPERUSER" || w == u"NOSUPERUSER")
            role.superuser = w == u"SUPERUSER";
        else
            role.replication = w == u"REPLICATION";
    }
    static const QRegularExpression limit(uR"(\bCONNECTION\s+LIMIT\s+(-?\d+))"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = limit.match(options); m.hasMatch()) {
        const int value = m.captured(1).toInt();
        role.connectionLimit = value < 0 ? std::nullopt : std::optional<int>(value);
    }
}

} // namespace

QList<InitScriptRole> InitScriptRoles::read(const base::TextDocument &document, const QString &fileName)
{
    // The statements may span lines: read the text whole, keeping where each line starts.
    QString text;
    QList<qsizetype> lineStarts;
    for (int i = 0; i < document.lineCount(); ++i) {
        lineStarts.append(text.size());
        text += document.lineText(i) + u'\n';
    }
    auto lineOf = [&lineStarts](qsizetype offset) {
        const auto it = std::upper_bound(lineStarts.cbegin(), lineStarts.cend(), offset);
        return int(it - lineStarts.cbegin());
    };

    // The options end at the statement's semicolon, or where the next statement begins (a psql
    // heredoc or a shell line without semicolons): the next match must still find that one.
    static const QRegularExpression statement(uR"(\b(CREATE|ALTER)\s+(ROLE|USER)\s+(?:IF\s+NOT\s+EXISTS\s+)?)"_s
                                                  + namePattern
                                                  + uR"(((?:(?!\b(?:CREATE|ALTER|GRANT|REVOKE)\b|\\connect)[^;])*))"_s,
                                              QRegularExpression::CaseInsensitiveOption);
    QList<InitScriptRole> roles;
    for (auto it = statement.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const bool create = m.captured(1).compare(u"CREATE"_s, Qt::CaseInsensitive) == 0;
        const bool user = m.captured(2).compare(u"USER"_s, Qt::CaseInsensitive) == 0;
        const QString name = roleName(m.captured(3));
        const QString options = m.captured(4);
        auto existing = std::find_if(roles.begin(), roles.end(), [&](const auto &r) { return r.name == name; });
        if (create) {
            InitScriptRole role;
            role.name = name;
            role.login = user;
            role.source = {fileName, lineOf(m.capturedStart())};
            applyOptions(options, role);
            if (existing != roles.end())
                *existing = role;
            else
                roles.append(role);
        } else if (existing != roles.end()) {
            applyOptions(options, *existing);
        }
    }
    return roles;
}

} // namespace pgdial::core::environments
