#include "appconfig/connectionurlchecker.h"

#include "base/secretmasker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace pgdial::core::appconfig {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionUrlChecker", text);
}

const QStringList &poolParameters()
{
    static const QStringList names {u"pool_size"_s, u"max_overflow"_s, u"pool_timeout"_s, u"pool_recycle"_s,
                                    u"pool_pre_ping"_s};
    return names;
}

// Parameters of the PostgreSQL JDBC driver (pgjdbc) that libpq does not know.
const QStringList &jdbcParameters()
{
    static const QStringList names {
        u"sslfactory"_s,          u"sslfactoryarg"_s,         u"currentSchema"_s,    u"loginTimeout"_s,
        u"socketTimeout"_s,       u"ApplicationName"_s,       u"prepareThreshold"_s, u"sslpasswordcallback"_s,
        u"tcpKeepAlive"_s,        u"reWriteBatchedInserts"_s, u"stringtype"_s,       u"useSSL"_s,
        u"sslhostnameverifier"_s, u"targetServerType"_s,      u"loadBalanceHosts"_s, u"cancelSignalTimeout"_s,
        u"defaultRowFetchSize"_s};
    return names;
}

struct UserInfo
{
    qsizetype start = -1; // offset of the userinfo in the text
    qsizetype at = -1; // offset of the '@' ending it
    qsizetype colon = -1; // offset of the ':' before the password (-1: no password)
};

UserInfo findUserInfo(const QString &text)
{
    UserInfo info;
    const qsizetype sep = text.indexOf(u"://"_s);
    if (sep < 0)
        return info;
    info.start = sep + 3;
    // The authority ends at the first '/' after the last '@' (a password may hold '/', '?' and '#').
    info.at = text.lastIndexOf(u'@');
    if (info.at < info.start)
        return UserInfo {};
    // An '@' inside the query (after a '?' that follows the host part) is not the userinfo's end.
    const qsizetype colon = text.indexOf(u':', info.start);
    info.colon = (colon >= 0 && colon < info.at) ? colon : -1;
    return info;
}

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// A ':' is fine in a password (libpq and SQLAlchemy split user and password at the first one).
bool needsEncoding(const QString &part)
{
    for (qsizetype i = 0; i < part.size(); ++i) {
        const QChar c = part.at(i);
        if (c == u'%') {
            if (!(i + 2 < part.size() && isHex(part.at(i + 1)) && isHex(part.at(i + 2))))
                return true;
            continue;
        }
        if (c == u'@' || c == u'#' || c == u'/' || c == u'?' || c.isSpace())
            return true;
    }
    return false;
}

QString encodePart(const QString &part)
{
    // Keep valid %XX sequences (already encoded), encode the rest of the reserved characters.
    QString out;
    for (qsizetype i = 0; i < part.size(); ++i) {
        const QChar c = part.at(i);
        if (c == u'%' && i + 2 < part.size() && isHex(part.at(i + 1)) && isHex(part.at(i + 2))) {
            out += part.mid(i, 3);
            i += 2;
            continue;
        }
        out += QString::fromLatin1(QUrl::toPercentEncoding(QString(c), "!$&'()*+,;=~-._"));
    }
    return out;
}

base::Diagnostic make(const ConnectionUrlChecker::Context &context, base::Severity severity, const QString &code,
                      const QString &message, const QString &suggestion = {})
{
    base::Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.file = context.file;
    d.line = context.line;
    d.column = context.column;
    d.message = message;
    d.suggestion = suggestion;
    return d;
}

bool isSecretReference(const QString &password)
{
    return password.contains(u'$');
}

} // namespace

std::optional<QString> ConnectionUrlChecker::rawPassword(const QString &text)
{
    const UserInfo info = findUserInfo(text);
    if (info.colon < 0)
        return std::nullopt;
    return text.mid(info.colon + 1, info.at - info.colon - 1);
}

QString ConnectionUrlChecker::encodePassword(const QString &text)
{
    const UserInfo info = findUserInfo(text);
    if (info.start < 0)
        return text;
    const qsizetype userEnd = info.colon >= 0 ? info.colon : info.at;
    const QString user = text.mid(info.start, userEnd - info.start);
    QString result = text.left(info.start) + encodePart(user);
    if (info.colon >= 0)
        result += u':' + encodePart(text.mid(info.colon + 1, info.at - info.colon - 1));
    return result + text.mid(info.at);
}

base::Diagnostics ConnectionUrlChecker::check(const ConnectionUrl &url, const Context &context)
{
    base::Diagnostics out;
    const QString raw = context.rawText.isEmpty() ? url.text : context.rawText;
    const bool production = context.environmentMode == u"production";

    switch (url.kind) {
    case UrlKind::Empty:
        out.append(make(context, base::Severity::Error, u"url.empty"_s, tr("The connection URL is empty"),
                        tr("Set DATABASE_URL, e.g. postgresql://user@host:5432/dbname")));
        return out;
    case UrlKind::Unsupported:
        if (url.scheme == u"jdbc")
            out.append(
                make(context, base::Severity::Error, u"url.jdbc-url"_s,
                     tr("This is a JDBC URL (jdbc:postgresql://...); libpq and SQLAlchemy do not read it"),
                     tr("Remove the \"jdbc:\" prefix and replace JDBC-only parameters (ssl=true → sslmode=require)")));
        else
            out.append(make(context, base::Severity::Error, u"url.unsupported-scheme"_s,
                            tr("\"%1://\" is not a PostgreSQL or SQLite URL").arg(url.scheme),
                            tr("Use postgresql://, postgresql+asyncpg://, postgresql+psycopg:// or sqlite:///")));
        return out;
    case UrlKind::Sqlite:
        if (production)
            out.append(make(context, base::Severity::Warning, u"url.sqlite-in-production"_s,
                            tr("SQLite (%1) is configured while the environment mode is production; the guide allows "
                               "SQLite for development and tests only")
                                .arg(url.sqlitePath),
                            tr("Point DATABASE_URL at the PostgreSQL server (postgresql://...?sslmode=require)")));
        return out;
    case UrlKind::PostgresUri:
    case UrlKind::PostgresKeyValue:
        break;
    }

    // Unencoded characters in the password (and user name): libpq and SQLAlchemy split the URL at
    // the first '@' or '/', so the rest of the password becomes the host.
    if (url.kind == UrlKind::PostgresUri) {
        const UserInfo info = findUserInfo(url.text);
        if (info.colon >= 0) {
            const QString rawPw = url.text.mid(info.colon + 1, info.at - info.colon - 1);
            const QString written = rawPassword(raw).value_or(QString());
            const bool path = isSecretReference(written) && (rawPw.startsWith(u'/') || rawPw.startsWith(u"./"_s));
            if (needsEncoding(rawPw) && !path) {
                const QString encoded = encodePassword(url.text);
                base::Diagnostic d
                    = make(context, base::Severity::Error, u"url.unencoded-password"_s,
                           tr("The password holds characters that must be percent-encoded in a URL (@ # / ? "
                              "% or spaces); libpq and SQLAlchemy would split the URL at them"),
                           tr("Write the password percent-encoded (@ → %40, # → %23, / → %2F, ? → %3F, "
                              "% → %25, : → %3A, space → %20): %1")
                               .arg(base::SecretMasker::maskUrlPassword(encoded)));
                out.append(d);
            }
        }
    }

    // libpq's own complaints about a URL split at an unencoded character are consequences of it.
    const bool misSplit = std::any_of(out.cbegin(), out.cend(),
                                      [](const base::Diagnostic &d) { return d.code == u"url.unencoded-password"; });
    const QStringList &known = ConnectionUrlParser::libpqKeywords();
    bool explainedQuery = misSplit;
    for (const ConnectionParameter &parameter : url.query) {
        const QString &key = parameter.keyword;
        if (misSplit || known.contains(key) || (key == u"ssl" && parameter.value == u"true"))
            continue;
        if (url.driver == u"asyncpg"
            && url.driverParameters.end()
                != std::find_if(url.driverParameters.begin(), url.driverParameters.end(),
                                [&](const ConnectionParameter &p) { return p.keyword == key; }))
            continue;
        explainedQuery = true;
        if (poolParameters().contains(key)) {
            out.append(make(context, base::Severity::Error, u"url.pool-parameter"_s,
                            tr("libpq rejects the URL query parameter \"%1\": it is a SQLAlchemy pool setting, not a "
                               "connection parameter")
                                .arg(key),
                            tr("Remove ?%1=... from the URL and set database.%1 in config.yaml").arg(key)));
        } else if (jdbcParameters().contains(key) || key == u"ssl") {
            out.append(make(context, base::Severity::Error, u"url.jdbc-parameter"_s,
                            tr("libpq rejects the URL query parameter \"%1=%2\": it belongs to the JDBC driver")
                                .arg(key, parameter.value),
                            key == u"ssl" || key == u"sslfactory" || key == u"useSSL"
                                ? tr("Use sslmode=require (or verify-full) instead")
                                : tr("Remove it; libpq's parameters are listed in the PostgreSQL manual, section "
                                     "\"Parameter Key Words\"")));
        } else {
            out.append(make(context, base::Severity::Error, u"url.unknown-parameter"_s,
                            tr("libpq rejects the URL query parameter \"%1\"").arg(key),
                            tr("Remove it, or use one of libpq's connection parameters (sslmode, connect_timeout, "
                               "application_name, options, ...)")));
        }
    }
    if (!url.parsed && !explainedQuery)
        out.append(make(context, base::Severity::Error, u"url.parse-error"_s,
                        tr("libpq cannot parse this connection string: %1").arg(url.libpqError),
                        tr("Check the format: postgresql://user:password@host:port/dbname?sslmode=require")));
    if (url.parsed && !url.libpqAccepts && !misSplit) {
        const bool sslmode = url.libpqError.contains(u"sslmode"_s);
        out.append(make(context, base::Severity::Error, sslmode ? u"url.invalid-sslmode"_s : u"url.invalid-option"_s,
                        tr("libpq refuses this connection string: %1").arg(url.libpqError),
                        sslmode ? tr("Use one of disable, allow, prefer, require, verify-ca, verify-full")
                                : tr("Correct the value")));
    }
    if (!url.parsed)
        return out;

    // Driver views.
    if (url.driver == u"asyncpg" && url.value(u"sslmode"_s))
        out.append(make(context, base::Severity::Warning, u"url.asyncpg-sslmode"_s,
                        tr("asyncpg's view: SQLAlchemy passes the URL's query to asyncpg.connect(), which has no "
                           "\"sslmode\" argument"),
                        tr("With postgresql+asyncpg:// write ?ssl=%1 instead of ?sslmode=%1")
                            .arg(url.value(u"sslmode"_s).value_or(QString()))));
    if (url.scheme.compare(u"postgres"_s, Qt::CaseInsensitive) == 0)
        out.append(make(context, base::Severity::Warning, u"url.postgres-scheme"_s,
                        tr("SQLAlchemy's view: \"postgres://\" is no longer accepted (\"No such driver: postgres\"), "
                           "although libpq reads it"),
                        tr("Write postgresql:// (or postgresql+asyncpg://)")));

    // A password taken from a variable that holds the path of a secret file (the guide's
    // POSTGRES_APP_USER_PW=/run/secrets/...): the app would send the path as the password.
    if (const std::optional<QString> written = rawPassword(raw); written && isSecretReference(*written)) {
        const QString password = rawPassword(url.text).value_or(QString());
        if (password.startsWith(u'/') || password.startsWith(u"./"_s))
            out.append(
                make(context, base::Severity::Warning, u"url.password-is-path"_s,
                     tr("The password comes from %1, which holds a file path: the path itself would be sent as "
                        "the password")
                         .arg(*written),
                     tr("Read the secret file's content (user_pw_file_path in config.yaml) instead of putting its "
                        "path in the URL")));
    }

    // TLS files and modes.
    const QString sslmode = url.effectiveSslMode();
    const std::optional<QString> rootcert = url.value(u"sslrootcert"_s);
    if (rootcert && *rootcert == u"system" && sslmode != u"verify-full")
        out.append(make(context, base::Severity::Error, u"url.sslrootcert-system"_s,
                        tr("sslrootcert=system needs sslmode=verify-full (libpq 16+ refuses weaker modes with it; "
                           "older libpq looks for a file named \"system\")"),
                        tr("Set sslmode=verify-full")));
    // Verification needs the CA: without sslrootcert, libpq (and asyncpg, which mirrors it) reads
    // ~/.postgresql/root.crt of the user the app runs as, which containers seldom have.
    if ((sslmode == u"verify-full" || sslmode == u"verify-ca") && (!rootcert || rootcert->isEmpty()))
        out.append(make(context, base::Severity::Warning, u"url.verify-without-rootcert"_s,
                        tr("sslmode=%1 without sslrootcert: the server's certificate is checked against "
                           "~/.postgresql/root.crt of the user the app runs as (or PGSSLROOTCERT); where that file is "
                           "missing the connection fails with \"root certificate file ... does not exist\"")
                            .arg(sslmode),
                        tr("Add sslrootcert=/path/to/ca.crt (the CA that signed the server's certificate), or "
                           "sslrootcert=system for a public CA (libpq 16+)")));
    for (const QString &keyword : {u"sslrootcert"_s, u"sslcert"_s, u"sslkey"_s, u"sslcrl"_s}) {
        const std::optional<QString> path = url.value(keyword);
        if (!path || path->isEmpty() || *path == u"system")
            continue;
        const QFileInfo info(QDir(context.baseDirectory.isEmpty() ? QDir::currentPath() : context.baseDirectory),
                             *path);
        const QFileInfo file(info.filePath());
        if (!file.exists()) {
            out.append(make(
                context, base::Severity::Warning, u"url.ssl-file-missing"_s,
                tr("%1 file \"%2\" does not exist here (it may exist only inside the container)").arg(keyword, *path),
                tr("Check the path, or mount the file where the app runs")));
            continue;
        }
        if (keyword == u"sslkey") {
            const QFileDevice::Permissions p = file.permissions();
            const bool others = p & (QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
            const bool group = p & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup);
            const bool rootOwned = file.ownerId() == 0;
            const bool groupWrite = p & (QFileDevice::WriteGroup | QFileDevice::ExeGroup);
            if (others || (group && !rootOwned) || (rootOwned && groupWrite))
                out.append(
                    make(context, base::Severity::Error, u"url.ssl-key-permissions"_s,
                         tr("The private key \"%1\" is readable by group or others; libpq refuses it").arg(*path),
                         tr("chmod 0600 %1 (0640 is allowed when root owns it)").arg(*path)));
        }
    }

    if (production) {
        if (sslmode != u"require" && sslmode != u"verify-ca" && sslmode != u"verify-full")
            out.append(make(
                context, base::Severity::Warning, u"url.production-without-tls"_s,
                tr("The environment mode is production but the URL does not require TLS (sslmode=%1)").arg(sslmode),
                tr("Add ?sslmode=require, or better verify-full with sslrootcert")));
        const std::optional<QString> written = rawPassword(raw);
        const bool keyValuePassword
            = url.kind == UrlKind::PostgresKeyValue && url.value(u"password"_s) && !raw.contains(u"${"_s);
        if ((written && !written->isEmpty() && !isSecretReference(*written)) || keyValuePassword)
            out.append(make(context, base::Severity::Warning, u"url.inline-password"_s,
                            tr("A password is written inline in the URL while the environment mode is production"),
                            tr("Take it from a secret: ${POSTGRES_APP_USER_PW} or user_pw_file_path in config.yaml")));
    }
    return out;
}

} // namespace pgdial::core::appconfig
