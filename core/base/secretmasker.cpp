#include "base/secretmasker.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::core::base {

namespace {

bool isReference(const QString &value)
{
    return value.startsWith(u"${");
}

QString percentDecoded(const QString &text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

// libpq's key=value unquoting: a backslash takes the next character literally.
QString unescaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\\' && i + 1 < text.size())
            ++i;
        out += text.at(i);
    }
    return out;
}

// KEY=value, KEY: value, "key": "value", - KEY=value, export KEY='value' (env, YAML, compose,
// JSON, INI). Masks the value when the key is a secret's.
QString maskAssignment(const QString &line)
{
    static const QRegularExpression assignment(
        uR"(^(\s*(?:export\s+|-\s+)?)(["']?)([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[:=]\s*)"_s);
    const QRegularExpressionMatch m = assignment.match(line);
    if (!m.hasMatch() || !SecretMasker::isSecretKey(m.captured(3)))
        return line;
    const qsizetype start = m.capturedEnd(0);
    const QString rest = line.mid(start);
    qsizetype valueStart = start;
    qsizetype valueEnd = line.size();
    if (!rest.isEmpty() && (rest.front() == u'"' || rest.front() == u'\'')) {
        // Quoted: up to the last matching quote (a quote inside the value is part of the secret).
        const qsizetype close = rest.lastIndexOf(rest.front());
        valueStart = start + 1;
        valueEnd = close > 0 ? start + close : line.size();
    } else {
        static const QRegularExpression comment(uR"(\s+#)"_s);
        const QRegularExpressionMatch c = comment.match(line, start);
        if (c.hasMatch())
            valueEnd = c.capturedStart(0);
        while (valueEnd > start && line.at(valueEnd - 1).isSpace())
            --valueEnd;
        // A JSON or YAML flow separator, or the closing quote of `- "KEY=value"`.
        if (valueEnd > start && line.at(valueEnd - 1) == u',')
            --valueEnd;
        if (!m.captured(2).isEmpty() && valueEnd > start && line.at(valueEnd - 1) == m.captured(2).front())
            --valueEnd;
    }
    const QString value = line.mid(valueStart, valueEnd - valueStart);
    if (SecretMasker::isSecretValue(value))
        return line.left(valueStart) + SecretMasker::placeholder() + line.mid(valueEnd);
    // ${PASSWORD:-devpass}: the reference is not a secret, its default is.
    static const QRegularExpression withDefault(uR"(^\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=?](.*)\}$)"_s);
    const QRegularExpressionMatch d = withDefault.match(value);
    if (d.hasMatch() && SecretMasker::isSecretValue(d.captured(1)) && d.captured(1) != SecretMasker::placeholder())
        return line.left(valueStart + d.capturedStart(1)) + SecretMasker::placeholder()
            + line.mid(valueStart + d.capturedEnd(1));
    return line;
}

} // namespace

const QString &SecretMasker::placeholder()
{
    static const QString masked(6, maskCharacter);
    return masked;
}

bool SecretMasker::isSecretKey(const QString &key)
{
    // PASS alone counts at the end of a word (DB_PASS, PGPASS, DB_PASS_WORD) but not in
    // BYPASS/COMPASS/PASSTHROUGH; PGPASSFILE names a file.
    static const QRegularExpression secret(
        uR"((PASSWORD|PASSWD|PASSPHRASE|(?<!BY)(?<!COM)PASS(_|$)|SECRET|TOKEN|CREDENTIAL|API_?KEY|PRIVATE_?KEY|)"
        uR"((^|_)PW($|_)|(^|_)PWD($|_)))"_s,
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(key).hasMatch();
}

bool SecretMasker::isSecretValue(const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return false;
    // File paths (Docker secrets) and ${VAR} references only say where the secret lives.
    return !(v.startsWith(u'/') || isReference(v) || v.startsWith(u"./") || v.startsWith(u"~/"));
}

QString SecretMasker::maskUrlPassword(const QString &text)
{
    // scheme://user:password@ — the password runs to the last '@' before a '/' or a blank; one
    // with blanks or quotes in it runs to the first '@'.
    static const QRegularExpression url(uR"(([A-Za-z][A-Za-z0-9+.-]*://[^:/?#@\s'"]*:)([^/\s]*|[^/@\n]*)@)"_s);
    QString out;
    qsizetype last = 0;
    auto it = url.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart(2) - last);
        const QString password = m.captured(2);
        out += (password.isEmpty() || isReference(password)) ? password : placeholder();
        out += u'@';
        last = m.capturedEnd(0);
    }
    out += QStringView(text).mid(last);

    // ?password=... and &sslpassword=... in a URL's query.
    static const QRegularExpression query(uR"(([?&](?:ssl)?password=)([^&#\s'"]+))"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    QString result;
    last = 0;
    auto q = query.globalMatch(out);
    while (q.hasNext()) {
        const QRegularExpressionMatch m = q.next();
        result += QStringView(out).mid(last, m.capturedStart(2) - last);
        result += isReference(m.captured(2)) ? m.captured(2) : placeholder();
        last = m.capturedEnd(2);
    }
    result += QStringView(out).mid(last);
    return result;
}

QString SecretMasker::maskConninfoPasswords(const QString &text)
{
    // libpq key=value: password='quoted \' value' or password=unquoted\ value, anywhere in the
    // text (also inside another value: DB_CONNINFO="host=db password=...").
    static const QRegularExpression keyValue(
        uR"(((?:^|[\s"'=,;(])(?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'?|(?:[^\s\\]|\\.)+))"_s);
    QString out;
    qsizetype last = 0;
    auto it = keyValue.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString value = m.captured(2);
        out += QStringView(text).mid(last, m.capturedStart(2) - last);
        if (isReference(value) || value == placeholder()) {
            out += value;
        } else if (value.startsWith(u'\'')) {
            const bool closed = value.size() > 1 && value.endsWith(u'\'');
            out += u'\'' + placeholder() + (closed ? u"'"_s : QString());
        } else if (value.size() > 1 && (value.endsWith(u'"') || value.endsWith(u'\''))) {
            out += placeholder() + value.back(); // the end of the value that holds the conninfo
        } else {
            out += placeholder();
        }
        last = m.capturedEnd(2);
    }
    out += QStringView(text).mid(last);
    return out;
}

QString SecretMasker::maskLine(const QString &line)
{
    if (line.contains(u'\n')) {
        QStringList lines = line.split(u'\n');
        for (QString &one : lines)
            one = maskLine(one);
        return lines.join(u'\n');
    }
    return maskAssignment(maskConninfoPasswords(maskUrlPassword(line)));
}

QString SecretMasker::maskValue(const QString &name, const QString &value)
{
    // user_pw_env_var names the variable that holds the password; the name is not a secret.
    const bool namesVariable = name.endsWith(u"_env_var"_s, Qt::CaseInsensitive);
    if (!namesVariable && isSecretKey(name) && isSecretValue(value))
        return placeholder();
    return maskConninfoPasswords(maskUrlPassword(value));
}

QStringList SecretMasker::passwordsIn(const QString &connectionString)
{
    QStringList found;
    auto add = [&found](const QString &value) {
        if (!value.isEmpty() && !found.contains(value))
            found.append(value);
    };
    const QString text = connectionString.trimmed();

    static const QRegularExpression scheme(uR"(^[A-Za-z][A-Za-z0-9+.-]*://)"_s);
    if (const QRegularExpressionMatch m = scheme.match(text); m.hasMatch()) {
        const QString rest = text.mid(m.capturedLength());
        const qsizetype question = rest.indexOf(u'?');
        const QString beforeQuery = question < 0 ? rest : rest.left(question);
        // libpq stops the user info at the first '@' or '/', SQLAlchemy at the last '@': take the
        // widest reading, and the pieces libpq would see as host or port.
        if (const qsizetype at = beforeQuery.lastIndexOf(u'@'); at >= 0) {
            const QString userInfo = beforeQuery.left(at);
            if (const qsizetype colon = userInfo.indexOf(u':'); colon >= 0) {
                const QString password = userInfo.mid(colon + 1);
                add(password);
                add(percentDecoded(password));
                for (const QString &piece : password.split(QRegularExpression(u"[/@]"_s), Qt::SkipEmptyParts))
                    add(piece);
            }
        }
        if (question >= 0) {
            for (const QString &pair : rest.mid(question + 1).split(u'&', Qt::SkipEmptyParts)) {
                const QString key = percentDecoded(pair.section(u'=', 0, 0));
                if (key != u"password" && key != u"sslpassword")
                    continue;
                const QString value = pair.section(u'=', 1);
                add(value);
                add(percentDecoded(value));
            }
        }
        return found;
    }

    static const QRegularExpression keyword(uR"((?:^|\s)(?:ssl)?password\s*=\s*)"_s);
    static const QRegularExpression nextKeyword(uR"(\s+[A-Za-z_][A-Za-z0-9_]*\s*=)"_s);
    auto it = keyword.globalMatch(text);
    while (it.hasNext()) {
        const qsizetype start = it.next().capturedEnd(0);
        if (start < text.size() && text.at(start) == u'\'') {
            qsizetype end = start + 1;
            while (end < text.size() && text.at(end) != u'\'')
                end += text.at(end) == u'\\' ? 2 : 1;
            const QString quoted = text.mid(start + 1, std::min(end, text.size()) - start - 1);
            add(quoted);
            add(unescaped(quoted));
            continue;
        }
        qsizetype end = start;
        while (end < text.size() && !text.at(end).isSpace())
            end += text.at(end) == u'\\' ? 2 : 1;
        const QString token = text.mid(start, std::min(end, text.size()) - start);
        add(token);
        add(unescaped(token));
        // An unquoted password with blanks: libpq reads its other words as keywords and names
        // them in its error ("missing "=" after ..."), so they are secrets too.
        const QRegularExpressionMatch next = nextKeyword.match(text, start);
        const QString region = text.mid(start, (next.hasMatch() ? next.capturedStart(0) : text.size()) - start);
        add(region.trimmed());
        for (const QString &word : region.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts))
            add(word);
    }
    return found;
}

void SecretMasker::addSecret(const QString &value)
{
    if (value.isEmpty() || isReference(value) || value == placeholder())
        return;
    for (const QString &form : {value, percentDecoded(value), QString::fromLatin1(QUrl::toPercentEncoding(value))})
        if (!form.isEmpty() && !m_secrets.contains(form))
            m_secrets.append(form);
    std::stable_sort(m_secrets.begin(), m_secrets.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void SecretMasker::addSecretsFrom(const QString &connectionString)
{
    for (const QString &password : passwordsIn(connectionString))
        addSecret(password);
}

QString SecretMasker::mask(const QString &text) const
{
    QString out = text;
    for (const QString &secret : m_secrets) {
        if (secret.size() >= 4) {
            out.replace(secret, placeholder());
            continue;
        }
        // A very short secret is only masked where a message quotes it whole: masking every
        // "a" of a sentence would make it unreadable and says nothing about a real password.
        for (const QString &quote : {u"\""_s, u"'"_s})
            out.replace(quote + secret + quote, quote + placeholder() + quote);
    }
    return maskLine(out);
}

} // namespace pgdial::core::base
