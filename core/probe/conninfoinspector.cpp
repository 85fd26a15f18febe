#include "probe/conninfoinspector.h"

#include "base/secretmasker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <libpq-fe.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::probe {

namespace {

// Debian's libpq defaults (DEFAULT_PGSOCKET_DIR and SYSCONFDIR of its build).
constexpr QStringView defaultSocketDir = u"/var/run/postgresql";
constexpr QStringView defaultSysconfDir = u"/etc/postgresql-common";

QString envValue(const char *name)
{
    const char *value = std::getenv(name);
    return value ? QString::fromLocal8Bit(value) : QString();
}

bool envSet(const char *name)
{
    return std::getenv(name) != nullptr;
}

QString homeDir()
{
    if (const char *home = std::getenv("HOME"); home && *home)
        return QString::fromLocal8Bit(home);
    if (const passwd *pw = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(pw->pw_dir);
    return {};
}

QString osUserName()
{
    if (const passwd *pw = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return {};
}

// One field of a .pgpass line, with libpq's backslash escapes; advances `pos` past the ':'.
QString pgpassField(const QString &line, qsizetype &pos, bool last)
{
    QString field;
    while (pos < line.size()) {
        const QChar c = line.at(pos++);
        if (c == u'\\' && pos < line.size()) {
            field += line.at(pos++);
        } else if (c == u':' && !last) {
            break;
        } else {
            field += c;
        }
    }
    return field;
}

} // namespace

ConninfoInspector::ConninfoInspector(const QString &conninfo)
{
    m_masker.addSecretsFrom(conninfo);
    char *errorMessage = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &errorMessage);
    if (!options) {
        // libpq quotes the token it could not read: often the password.
        m_error = m_masker.mask(errorMessage ? QString::fromUtf8(errorMessage).trimmed()
                                             : QCoreApplication::translate("probe", "out of memory"));
        PQfreemem(errorMessage);
        return;
    }
    struct Fallback
    {
        QString keyword;
        QByteArray envvar;
        QString compiled;
    };
    QList<Fallback> fallbacks;
    for (PQconninfoOption *option = options; option->keyword; ++option) {
        ConninfoParameter parameter;
        parameter.keyword = QString::fromLatin1(option->keyword);
        parameter.secret = option->dispchar && option->dispchar[0] == '*';
        if (option->val) {
            parameter.value = QString::fromUtf8(option->val);
            parameter.source = u"string"_s;
        }
        m_parameters.append(parameter);
        fallbacks.append({parameter.keyword, option->envvar ? QByteArray(option->envvar) : QByteArray(),
                          option->compiled ? QString::fromUtf8(option->compiled) : QString()});
    }
    PQconninfoFree(options);

    applyServiceFile();
    if (!isValid())
        return;

    // Then the environment, then compiled-in defaults (libpq's conninfo_add_defaults).
    for (const Fallback &fallback : fallbacks) {
        if (!source(fallback.keyword).isEmpty())
            continue;
        if (!fallback.envvar.isEmpty() && envSet(fallback.envvar.constData()))
            set(fallback.keyword, envValue(fallback.envvar.constData()),
                u"environment "_s + QString::fromLatin1(fallback.envvar));
        else if (!fallback.compiled.isEmpty())
            set(fallback.keyword, fallback.compiled, u"default"_s);
        else if (fallback.keyword == u"user")
            set(fallback.keyword, osUserName(), u"default (operating system user)"_s);
    }
    // connectOptions2: dbname defaults to the user name, no host to the default socket folder.
    if (value(u"dbname"_s).isEmpty())
        set(u"dbname"_s, value(u"user"_s), u"default (user name)"_s);
    if (value(u"host"_s).isEmpty() && value(u"hostaddr"_s).isEmpty())
        set(u"host"_s, defaultSocketDir.toString(), u"default"_s);
    validateValues();
    if (isValid())
        applyPasswordFile();
    // Passwords from the environment or .pgpass can be echoed by libpq too.
    for (const ConninfoParameter &parameter : std::as_const(m_parameters))
        if (parameter.secret)
            m_masker.addSecret(parameter.value);
}

void ConninfoInspector::validateValues()
{
    // connectOptions2's checks, so that a bad value fails the parse stage as it fails libpq.
    const QList<std::pair<QString, QStringList>> enumerations {
        {u"sslmode"_s, {u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s, u"verify-ca"_s, u"verify-full"_s}},
        {u"gssencmode"_s, {u"disable"_s, u"prefer"_s, u"require"_s}},
        {u"channel_binding"_s, {u"disable"_s, u"prefer"_s, u"require"_s}},
        {u"target_session_attrs"_s,
         {u"any"_s, u"read-write"_s, u"read-only"_s, u"primary"_s, u"standby"_s, u"prefer-standby"_s}},
    };
    for (const auto &[keyword, allowed] : enumerations) {
        const QString v = value(keyword);
        if (!source(keyword).isEmpty() && !allowed.contains(v)) {
            m_error = QCoreApplication::translate("probe", "invalid %1 value: \"%2\"").arg(keyword, v);
            return;
        }
    }
    // libpq 16+: the system's roots are only trusted together with a host name check.
    if (value(u"sslrootcert"_s) == u"system" && source(u"sslmode"_s) == u"default")
        set(u"sslmode"_s, u"verify-full"_s, u"default (sslrootcert=system)"_s);
    if (value(u"sslrootcert"_s) == u"system" && value(u"sslmode"_s) != u"verify-full") {
        m_error = QCoreApplication::translate("probe",
                                              "weak sslmode \"%1\" may not be used with sslrootcert=system "
                                              "(use \"verify-full\")")
                      .arg(value(u"sslmode"_s));
        return;
    }
    for (const QString &port : value(u"port"_s).split(u',')) {
        bool ok = false;
        const int number = port.trimmed().toInt(&ok);
        if (!port.isEmpty() && (!ok || number < 1 || number > 65535)) {
            m_error = QCoreApplication::translate("probe", "invalid port number: \"%1\"").arg(port);
            return;
        }
    }
}

void ConninfoInspector::set(const QString &keyword, const QString &value, const QString &source)
{
    for (ConninfoParameter &parameter : m_parameters) {
        if (parameter.keyword == keyword) {
            parameter.value = value;
            parameter.source = source;
            return;
        }
    }
}

QString ConninfoInspector::value(const QString &keyword) const
{
    for (const ConninfoParameter &parameter : m_parameters)
        if (parameter.keyword == keyword)
            return parameter.value;
    return {};
}

QString ConninfoInspector::source(const QString &keyword) const
{
    for (const ConninfoParameter &parameter : m_parameters)
        if (parameter.keyword == keyword)
            return parameter.source;
    return {};
}

void ConninfoInspector::applyServiceFile()
{
    QString service = value(u"service"_s);
    if (service.isEmpty() && envSet("PGSERVICE")) {
        service = envValue("PGSERVICE");
        set(u"service"_s, service, u"environment PGSERVICE"_s);
    }
    if (service.isEmpty())
        return;
    QStringList files;
    files << (envSet("PGSERVICEFILE") ? envValue("PGSERVICEFILE") : homeDir() + u"/.pg_service.conf"_s);
    files << (envSet("PGSYSCONFDIR") ? envValue("PGSYSCONFDIR") : defaultSysconfDir.toString()) + u"/pg_service.conf"_s;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        bool inService = false;
        bool found = false;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            if (line.startsWith(u'[')) {
                if (inService)
                    break;
                inService = line.mid(1, line.indexOf(u']') - 1) == service;
                found = found || inService;
                continue;
            }
            if (!inService)
                continue;
            const qsizetype eq = line.indexOf(u'=');
            if (eq < 0)
                continue;
            const QString key = line.left(eq).trimmed();
            if (source(key).isEmpty())
                set(key, line.mid(eq + 1).trimmed(), u"service file "_s + path);
        }
        if (found)
            return;
    }
    m_error = QCoreApplication::translate("probe", "definition of service \"%1\" not found").arg(service);
}

void ConninfoInspector::applyPasswordFile()
{
    if (!value(u"password"_s).isEmpty())
        return;
    QString path = value(u"passfile"_s);
    if (path.isEmpty())
        path = homeDir() + u"/.pgpass"_s;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) == 0 && (info.st_mode & (S_IRWXG | S_IRWXO)))
        return; // libpq ignores a password file that others can read (and warns)
    QString host = hosts().value(0);
    if (host.isEmpty() || host.startsWith(u'/') || host.startsWith(u'@'))
        host = u"localhost"_s;
    const QStringList wanted {host, ports().value(0), value(u"dbname"_s), value(u"user"_s)};
    while (!file.atEnd()) {
        QString line = QString::fromUtf8(file.readLine());
        while (line.endsWith(u'\n') || line.endsWith(u'\r'))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        qsizetype pos = 0;
        bool matches = true;
        for (int i = 0; i < 4 && matches; ++i) {
            const QString field = pgpassField(line, pos, false);
            matches = field == u"*" || field == wanted.at(i);
        }
        if (!matches)
            continue;
        const QString password = pgpassField(line, pos, true);
        if (!password.isEmpty())
            set(u"password"_s, password, u"password file "_s + path);
        return;
    }
}

QStringList ConninfoInspector::hosts() const
{
    const QString host = value(u"host"_s);
    if (host.isEmpty())
        return QStringList(value(u"hostaddr"_s).split(u',').size(), QString());
    return host.split(u',');
}

QStringList ConninfoInspector::hostaddrs() const
{
    const QString hostaddr = value(u"hostaddr"_s);
    return hostaddr.isEmpty() ? QStringList() : hostaddr.split(u',');
}

QStringList ConninfoInspector::ports() const
{
    const qsizetype count = std::max(hosts().size(), hostaddrs().size());
    QStringList ports = value(u"port"_s).split(u',');
    if (ports.size() == 1)
        return QStringList(count, ports.first().isEmpty() ? u"5432"_s : ports.first());
    for (QString &port : ports)
        if (port.isEmpty())
            port = u"5432"_s;
    return ports;
}

QString ConninfoInspector::maskedConninfo() const
{
    QStringList pairs;
    for (const ConninfoParameter &parameter : m_parameters) {
        if (parameter.source != u"string")
            continue;
        QString shown = parameter.secret ? base::SecretMasker::placeholder() : parameter.value;
        if (shown.isEmpty() || shown.contains(u' ') || shown.contains(u'\'')) {
            shown.replace(u'\\', u"\\\\"_s);
            shown.replace(u'\'', u"\\'"_s);
            shown = u'\'' + shown + u'\'';
        }
        pairs.append(parameter.keyword + u'=' + shown);
    }
    return pairs.join(u' ');
}

QString ConninfoInspector::maskConninfoText(const QString &text)
{
    base::SecretMasker masker;
    masker.addSecretsFrom(text);
    return masker.mask(text);
}

ProbeStage ConninfoInspector::toStage() const
{
    ProbeStage stage;
    stage.name = u"parse"_s;
    if (!isValid()) {
        stage.status = StageStatus::Fail;
        stage.verdict = Verdict::InvalidConninfo;
        stage.detail = m_masker.mask(m_error);
        return stage;
    }
    stage.status = StageStatus::Ok;
    QJsonArray parameters;
    for (const ConninfoParameter &parameter : m_parameters) {
        if (parameter.source.isEmpty())
            continue;
        const QString shown = parameter.secret ? base::SecretMasker::placeholder() : parameter.value;
        stage.lines.append(u"%1=%2 (%3)"_s.arg(parameter.keyword, shown, parameter.source));
        parameters.append(
            QJsonObject {{u"keyword"_s, parameter.keyword}, {u"value"_s, shown}, {u"source"_s, parameter.source}});
    }
    stage.facts.insert(u"parameters"_s, parameters);
    stage.detail = QCoreApplication::translate("probe", "host %1, port %2, user %3, database %4, sslmode %5")
                       .arg(value(u"host"_s).isEmpty() ? value(u"hostaddr"_s) : value(u"host"_s), value(u"port"_s),
                            value(u"user"_s), value(u"dbname"_s), value(u"sslmode"_s));
    if (value(u"password"_s).isEmpty())
        stage.detail += QCoreApplication::translate("probe", ", no password");
    else
        stage.detail += QCoreApplication::translate("probe", ", password from %1").arg(source(u"password"_s));
    return stage;
}

} // namespace pgdial::core::probe
