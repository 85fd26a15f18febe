#include "hba/hbaldapurl.h"

#include <cstdlib>
#include <cstring>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// ldap_pvt_hex_unescape(): %XX becomes the byte; a '%' not followed by two hex digits empties
// the whole string (OpenLDAP resets its output to the start).
QByteArray hexUnescape(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in.at(i) != '%') {
            out.append(in.at(i));
            continue;
        }
        if (i + 2 >= in.size() || hexValue(in.at(i + 1)) < 0 || hexValue(in.at(i + 2)) < 0)
            return {};
        out.append(static_cast<char>(hexValue(in.at(i + 1)) * 16 + hexValue(in.at(i + 2))));
        i += 2;
    }
    return out;
}

// ldap_str2charray(text, ","): strtok semantics, empty pieces dropped.
QList<QByteArray> splitList(const QByteArray &text)
{
    QList<QByteArray> pieces;
    for (const QByteArray &piece : text.split(',')) {
        if (!piece.isEmpty())
            pieces.append(piece);
    }
    return pieces;
}

// ldap_pvt_str2scope().
int scopeFromName(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    if (lower == "one" || lower == "onelevel")
        return 1;
    if (lower == "base")
        return 0;
    if (lower == "sub" || lower == "subtree")
        return 2;
    if (lower == "subord" || lower == "subordinate" || lower == "children")
        return 3;
    return -1;
}

bool startsWithNoCase(const QByteArray &text, qsizetype at, const char *prefix)
{
    const qsizetype length = qsizetype(std::strlen(prefix));
    return text.size() - at >= length && qstrnicmp(text.constData() + at, prefix, size_t(length)) == 0;
}

// Everything up to the first NUL: the server hands OpenLDAP a C string.
QByteArray cString(const QByteArray &bytes)
{
    const qsizetype nul = bytes.indexOf('\0');
    return nul < 0 ? bytes : bytes.left(nul);
}

// One "?"-separated part: the text before the next '?' and whether one was found.
struct Part
{
    QByteArray text;
    std::optional<QByteArray> rest;
};

Part takePart(const QByteArray &text)
{
    const qsizetype question = text.indexOf('?');
    if (question < 0)
        return {text, std::nullopt};
    return {text.left(question), text.mid(question + 1)};
}

} // namespace

HbaLdapUrl HbaLdapUrl::parse(const QByteArray &input)
{
    HbaLdapUrl url;
    const QByteArray text = cString(input);
    auto failWith = [&url](Error reason) {
        url = HbaLdapUrl {};
        url.error = reason;
        return url;
    };

    // skip_url_prefix(): "<", "URL:", then the scheme (case-insensitive).
    qsizetype at = 0;
    const bool enclosed = text.startsWith('<');
    if (enclosed)
        ++at;
    if (startsWithNoCase(text, at, "URL:"))
        at += 4;
    if (startsWithNoCase(text, at, "ldap://")) {
        url.scheme = "ldap";
        at += 7;
    } else if (startsWithNoCase(text, at, "ldaps://")) {
        url.scheme = "ldaps";
        at += 8;
    } else if (startsWithNoCase(text, at, "ldapi://")) {
        url.scheme = "ldapi";
        at += 8;
    } else {
        return failWith(Error::BadScheme);
    }
    QByteArray rest = text.mid(at);
    if (enclosed) {
        if (!rest.endsWith('>'))
            return failWith(Error::BadEnclosure);
        rest.chop(1);
    }

    // Host and port end at the first '/' (or, without one, at the first '?': the old Novell form).
    QByteArray hostPort;
    std::optional<QByteArray> path;
    if (const qsizetype slash = rest.indexOf('/'); slash >= 0) {
        hostPort = rest.left(slash);
        path = rest.mid(slash + 1);
    } else {
        const qsizetype question = rest.indexOf('?');
        hostPort = question < 0 ? rest : rest.left(question);
    }
    QByteArray host = hostPort;
    bool bracketed = false;
    if (url.scheme != "ldapi") {
        std::optional<QByteArray> portText;
        if (hostPort.startsWith('[')) {
            // "[address]:port": only a colon may follow the bracket; anything else after it is dropped.
            const qsizetype close = hostPort.indexOf(']');
            if (close < 0)
                return failWith(Error::BadUrl);
            const qsizetype colon = hostPort.indexOf(':', close + 1);
            if (colon >= 0 && colon != close + 1)
                return failWith(Error::BadUrl);
            host = hostPort.mid(1, close - 1);
            bracketed = true;
            if (colon >= 0)
                portText = hostPort.mid(colon + 1);
        } else if (const qsizetype colon = hostPort.indexOf(':'); colon >= 0) {
            host = hostPort.left(colon);
            portText = hostPort.mid(colon + 1);
        }
        if (portText) {
            // strtol() over the unescaped C string: digits (after blanks and a sign) and nothing else.
            const QByteArray digits = cString(hexUnescape(*portText));
            if (digits.isEmpty())
                return failWith(Error::BadUrl);
            char *end = nullptr;
            const long port = std::strtol(digits.constData(), &end, 10);
            if (end == digits.constData() || *end != '\0')
                return failWith(Error::BadUrl);
            url.port = static_cast<int>(port);
        }
        if (url.port == 0)
            url.port = url.scheme == "ldaps" ? 636 : 389;
    }
    if (bracketed) {
        // OpenLDAP unescapes "[address" in place and takes it from the second byte; a bad escape
        // empties only the first byte, so the raw text shows through.
        const QByteArray unescaped = hexUnescape('[' + host);
        host = cString(unescaped.isEmpty() ? host : unescaped.mid(1));
    } else {
        host = cString(hexUnescape(host));
    }
    if (!host.isEmpty())
        url.host = host;

    if (!path) {
        // The old Novell form "ldapi://host??dn" (for ldap and ldaps the host:port scan has
        // already consumed it): the base DN follows the two question marks.
        const qsizetype question = rest.indexOf('?');
        if (url.scheme == "ldapi" && question >= 0 && rest.mid(question + 1).startsWith('?'))
            url.baseDn = cString(hexUnescape(rest.mid(question + 2)));
        return url;
    }

    Part part = takePart(*path);
    url.baseDn = cString(hexUnescape(part.text));
    if (!part.rest)
        return url;

    part = takePart(*part.rest);
    if (!part.text.isEmpty())
        url.attributes = splitList(cString(hexUnescape(part.text)));
    if (!part.rest)
        return url;

    part = takePart(*part.rest);
    if (!part.text.isEmpty()) {
        url.scope = scopeFromName(cString(hexUnescape(part.text)));
        if (url.scope < 0)
            return failWith(Error::BadScope);
    }
    if (!part.rest)
        return url;

    part = takePart(*part.rest);
    if (!part.text.isEmpty()) {
        const QByteArray filter = cString(hexUnescape(part.text));
        if (filter.isEmpty())
            return failWith(Error::BadFilter);
        url.filter = filter;
    }
    if (!part.rest)
        return url;

    const QByteArray extensions = *part.rest;
    if (extensions.contains('?'))
        return failWith(Error::BadUrl);
    if (splitList(extensions).isEmpty())
        return failWith(Error::BadExtensions);
    return url;
}

QString HbaLdapUrl::errorString(Error error)
{
    // ldap_err2string() of the URL error number: the server passes OpenLDAP's URL parse code to
    // the function meant for LDAP result codes, so the words are those of the result codes.
    switch (error) {
    case Error::None:
        return u"Success"_s;
    case Error::BadScheme:
        return u"Time limit exceeded"_s;
    case Error::BadEnclosure:
        return u"Size limit exceeded"_s;
    case Error::BadUrl:
        return u"Compare False"_s;
    case Error::BadAttributes:
        return u"Authentication method not supported"_s;
    case Error::BadScope:
        return u"Strong(er) authentication required"_s;
    case Error::BadFilter:
        return u"Partial results and referral received"_s;
    case Error::BadExtensions:
        return u"Referral"_s;
    }
    return {};
}

QString HbaLdapUrl::serverError(const QString &value) const
{
    if (error != Error::None)
        return u"could not parse LDAP URL \"%1\": %2"_s.arg(value, errorString(error));
    if (scheme != "ldap" && scheme != "ldaps")
        return u"unsupported LDAP URL scheme: %1"_s.arg(QString::fromUtf8(scheme));
    return {};
}

} // namespace pgdial::core::hba
