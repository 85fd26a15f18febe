#include "base/secretmasker.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pgdial::core::base {

namespace {

const QString &mask()
{
    static const QString masked(6, SecretMasker::maskCharacter);
    return masked;
}

} // namespace

bool SecretMasker::isSecretKey(const QString &key)
{
    static const QRegularExpression secret(
        uR"((PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|(^|_)PW($|_)|(^|_)PWD($|_)))"_s,
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(key).hasMatch();
}

bool SecretMasker::isSecretValue(const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty())
        return false;
    // File paths (Docker secrets) and ${VAR} references only say where the secret lives.
    return !(v.startsWith(u'/') || v.startsWith(u"${") || v.startsWith(u"./") || v.startsWith(u"~/"));
}

QString SecretMasker::maskUrlPassword(const QString &text)
{
    // scheme://user:password@  (the password runs to the last '@' before the host part)
    static const QRegularExpression url(uR"(([A-Za-z][A-Za-z0-9+.-]*://[^:/?#@\s'"]*:)([^\s'"]*)@)"_s);
    QString out;
    qsizetype last = 0;
    auto it = url.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart(2) - last);
        const QString password = m.captured(2);
        out += (password.isEmpty() || password.startsWith(u"${")) ? password : mask();
        out += u'@';
        last = m.capturedEnd(0);
    }
    out += QStringView(text).mid(last);
    return out;
}

QString SecretMasker::maskLine(const QString &line)
{
    QString out = maskUrlPassword(line);
    // KEY=value, KEY: value, key = 'value' (env, YAML, compose, conf)
    static const QRegularExpression assignment(
        uR"(^(\s*(?:export\s+|-\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[:=]\s*)(["']?)([^"'#\s][^"'#]*?|[^"']+?)(\3)(\s*(#.*)?)$)"_s);
    const QRegularExpressionMatch m = assignment.match(out);
    if (m.hasMatch() && isSecretKey(m.captured(2)) && isSecretValue(m.captured(4)))
        out = m.captured(1) + m.captured(3) + mask() + m.captured(5) + m.captured(6);
    return out;
}

} // namespace pgdial::core::base
