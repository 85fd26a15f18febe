#include "support/hbaserver.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <libpq-fe.h>

namespace pgdial::test {

namespace {

const QByteArray trustRules = "local all all trust\nhost all all 127.0.0.1/32 trust\n";
// Invalid on purpose: its "was not reloaded" line marks the end of each reload in the log.
const QByteArray brokenIdent = "pgdial_marker_map\n";

QStringList jsonArray(const QString &json)
{
    QStringList result;
    if (json.isNull())
        return result;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array)
        result.append(value.toString());
    return result;
}

} // namespace

HbaServer::HbaServer(int major)
    : m_server(PgTestServer::Options {major, {}, QStringLiteral("postgres"), true})
{ }

HbaServer::~HbaServer()
{
    if (m_connection)
        PQfinish(m_connection);
    m_server.stop();
}

QString HbaServer::hbaDirectory() const
{
    return m_server.baseDir() + QStringLiteral("/hba");
}

QString HbaServer::hbaFile() const
{
    return hbaDirectory() + QStringLiteral("/pg_hba.conf");
}

bool HbaServer::start(const QByteArray &extraConfig)
{
    if (!m_server.init()) {
        m_error = m_server.errorString();
        return false;
    }
    if (!writeHbaFile(QStringLiteral("pg_hba.conf"), trustRules)
        || m_server.writeFile(QStringLiteral("ident/pg_ident.conf"), brokenIdent).isEmpty()) {
        m_error = QStringLiteral("cannot write the server's hba/ident files");
        return false;
    }
    const QByteArray config = "hba_file = '" + hbaFile().toUtf8() + "'\nident_file = '" + m_server.baseDir().toUtf8()
        + "/ident/pg_ident.conf'\n" + extraConfig;
    if (!m_server.appendConfig(config) || !m_server.start()) {
        m_error = m_server.errorString();
        return false;
    }
    m_connection = PQconnectdb(m_server.conninfo({}, QStringLiteral("postgres"), false).toUtf8().constData());
    if (PQstatus(m_connection) != CONNECTION_OK) {
        m_error = QString::fromUtf8(PQerrorMessage(m_connection));
        return false;
    }
    return true;
}

bool HbaServer::writeHbaFile(const QString &relativePath, const QByteArray &bytes)
{
    return !m_server.writeFile(QStringLiteral("hba/") + relativePath, bytes).isEmpty();
}

bool HbaServer::installCase(const QString &fileOrFolder)
{
    QDir(hbaDirectory()).removeRecursively();
    const QFileInfo info(fileOrFolder);
    if (info.isFile()) {
        QFile file(fileOrFolder);
        return file.open(QIODevice::ReadOnly) && writeHbaFile(QStringLiteral("pg_hba.conf"), file.readAll());
    }
    const QDir source(fileOrFolder);
    QDirIterator it(fileOrFolder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    bool ok = true;
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        ok = ok && file.open(QIODevice::ReadOnly) && writeHbaFile(source.relativeFilePath(path), file.readAll());
    }
    // Empty folders matter for include_dir: recreate them.
    QDirIterator dirs(fileOrFolder, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (dirs.hasNext()) {
        const QString path = dirs.next();
        const QString target = hbaDirectory() + QLatin1Char('/') + source.relativeFilePath(path);
        if (!QFileInfo::exists(target)) {
            QDir().mkpath(target);
            m_server.writeFile(target + QStringLiteral("/.keep"), {});
        }
    }
    return ok;
}

QueryResult HbaServer::query(const QString &sql)
{
    if (!m_connection) {
        QueryResult result;
        result.error = QStringLiteral("not connected");
        return result;
    }
    if (PQstatus(m_connection) != CONNECTION_OK)
        PQreset(m_connection); // the server restarted after a crash (see tst_hbaparser_server)
    return PgTestServer::query(m_connection, sql);
}

HbaServerVerdict HbaServer::evaluate(bool reload)
{
    HbaServerVerdict verdict;
    const bool hasFileName = major() >= 16;
    const QueryResult rows = query(
        QStringLiteral(
            "select line_number, %1, type, array_to_json(database), array_to_json(user_name), address, netmask, "
            "auth_method, array_to_json(options), error from pg_hba_file_rules")
            .arg(hasFileName ? QStringLiteral("file_name") : QStringLiteral("null")));
    verdict.queried = rows.ok;
    verdict.queryError = rows.error;
    for (const QStringList &values : rows.rows) {
        HbaServerRow row;
        row.allNull = values.at(2).isNull() && values.at(9).isNull();
        row.lineNumber = values.at(0).toInt();
        row.fileName = values.at(1);
        row.type = values.at(2);
        row.database = jsonArray(values.at(3));
        row.userName = jsonArray(values.at(4));
        row.address = values.at(5);
        row.netmask = values.at(6);
        row.authMethod = values.at(7);
        row.options = jsonArray(values.at(8));
        row.error = values.at(9);
        verdict.rows.append(row);
    }
    if (!reload)
        return verdict;

    const qsizetype before = m_server.log().size();
    query(QStringLiteral("select pg_reload_conf()"));
    const QByteArray marker = "pg_ident.conf\" was not reloaded";
    const QByteArray markerUnquoted = "pg_ident.conf was not reloaded";
    QElapsedTimer timer;
    timer.start();
    QByteArray log;
    while (timer.elapsed() < 20000) {
        log = m_server.log().mid(before);
        if (log.contains(marker) || log.contains(markerUnquoted))
            break;
        QThread::msleep(5);
    }
    verdict.reloadLog = log;
    verdict.reloadAccepted
        = !log.contains("pg_hba.conf\" was not reloaded") && !log.contains("pg_hba.conf was not reloaded");
    return verdict;
}

bool HbaServer::restoreTrust()
{
    QDir(hbaDirectory()).removeRecursively();
    if (!writeHbaFile(QStringLiteral("pg_hba.conf"), trustRules))
        return false;
    return evaluate(true).reloadAccepted;
}

QSet<QString> HbaServer::unsupportedMethods()
{
    const QStringList methods {QStringLiteral("trust"),    QStringLiteral("reject"),        QStringLiteral("md5"),
                               QStringLiteral("password"), QStringLiteral("scram-sha-256"), QStringLiteral("gss"),
                               QStringLiteral("sspi"),     QStringLiteral("ident"),         QStringLiteral("ldap"),
                               QStringLiteral("radius"),   QStringLiteral("cert"),          QStringLiteral("pam"),
                               QStringLiteral("bsd"),      QStringLiteral("oauth")};
    QByteArray file;
    for (const QString &method : methods)
        file += "hostssl all all 10.0.0.0/8 " + method.toUtf8() + "\n";
    QDir(hbaDirectory()).removeRecursively();
    writeHbaFile(QStringLiteral("pg_hba.conf"), file);
    const HbaServerVerdict verdict = evaluate(false);
    QSet<QString> unsupported;
    for (const HbaServerRow &row : verdict.rows) {
        if (row.error.contains(QStringLiteral("not supported by this build")))
            unsupported.insert(methods.value(row.lineNumber - 1));
    }
    return unsupported;
}

bool HbaServer::gssEncSupported()
{
    QDir(hbaDirectory()).removeRecursively();
    writeHbaFile(QStringLiteral("pg_hba.conf"), "hostgssenc all all 10.0.0.0/8 trust\n");
    const HbaServerVerdict verdict = evaluate(false);
    return verdict.rows.size() == 1 && !verdict.rows.first().error.contains(QStringLiteral("GSSAPI"));
}

} // namespace pgdial::test
