#include "hba/hbaparser.h"
#include "support/hbaserver.h"
#include "support/testpaths.h"

#include <QDir>
#include <QTest>

#include <map>
#include <memory>

using namespace pgdial::core::hba;
using pgdial::test::HbaServer;
using pgdial::test::HbaServerRow;
using pgdial::test::HbaServerVerdict;
using pgdial::test::PgInstallation;

// The corpus under tests/data/hba (every trap of postgres-semantics.md part B) judged by real
// servers: pgdial's rows must be the server's pg_hba_file_rules rows, and pgdial's `ok` must be
// whether the postmaster accepts the file on reload. One server per major, reused for all files.
class tst_HbaParserServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void agreesWithServer_data();
    void agreesWithServer();

private:
    struct Server
    {
        std::unique_ptr<HbaServer> server;
        HbaParseOptions options;
        QString error;
    };
    std::map<int, Server> m_servers;
    Server &serverFor(int major);
};

namespace {

QString corpusDir()
{
    return pgdial::test::testDataDir() + QStringLiteral("/hba");
}

QString nullable(const QString &value)
{
    return value.isNull() ? QStringLiteral("NULL") : value;
}

QString list(const QStringList &values)
{
    return values.isEmpty() ? QStringLiteral("NULL") : u'{' + values.join(u"\u00b7") + u'}';
}

// Regex and LDAP URL library messages differ between the server's libraries and ours: the part
// that names the input must agree, the library's explanation need not.
QString comparableError(const QString &error)
{
    for (const QString &prefix :
         {QStringLiteral("invalid regular expression \""), QStringLiteral("could not parse LDAP URL \"")}) {
        if (error.startsWith(prefix)) {
            const qsizetype end = error.lastIndexOf(QStringLiteral("\": "));
            return end > 0 ? error.left(end + 1) + QStringLiteral(": …") : error;
        }
    }
    return error;
}

QString formatServerRow(const HbaServerRow &row, const QString &directory)
{
    const QString file = row.fileName.isNull() ? QStringLiteral("-") : QDir(directory).relativeFilePath(row.fileName);
    if (row.type.isNull())
        return QStringLiteral("%1 %2 ERROR %3").arg(row.lineNumber).arg(file, nullable(comparableError(row.error)));
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10")
        .arg(row.lineNumber)
        .arg(file, row.type, list(row.database), list(row.userName), nullable(row.address), nullable(row.netmask),
             row.authMethod, list(row.options))
        .arg(nullable(row.error));
}

QString formatRule(const HbaRule &rule, int major)
{
    const QString file = major >= 16 ? rule.file : QStringLiteral("-");
    if (rule.hasError()) {
        const QString error = rule.viewError.isEmpty() ? QString() : comparableError(rule.viewError);
        return QStringLiteral("%1 %2 ERROR %3").arg(rule.line).arg(file, nullable(error));
    }
    QStringList databases, users;
    for (const HbaToken &token : rule.databases)
        databases << token.text;
    for (const HbaToken &token : rule.users)
        users << token.text;
    QString address = QStringLiteral("NULL");
    QString netmask = QStringLiteral("NULL");
    if (rule.address) {
        address = rule.address->addressString();
        if (rule.address->kind == HbaAddressKind::Cidr)
            netmask = rule.address->netmaskString();
    }
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10")
        .arg(rule.line)
        .arg(file, connectionTypeName(rule.type), list(databases), list(users), address, netmask, rule.method,
             list(rule.viewOptions()))
        .arg(nullable(rule.viewError.isEmpty() ? QString() : rule.viewError));
}

} // namespace

void tst_HbaParserServer::initTestCase()
{
    if (PgInstallation::available().isEmpty())
        QSKIP("no PostgreSQL installation");
}

void tst_HbaParserServer::cleanupTestCase()
{
    m_servers.clear();
}

tst_HbaParserServer::Server &tst_HbaParserServer::serverFor(int major)
{
    auto it = m_servers.find(major);
    if (it != m_servers.end())
        return it->second;
    Server &entry = m_servers[major];
    entry.server = std::make_unique<HbaServer>(major);
    if (!entry.server->start()) {
        entry.error = entry.server->errorString();
        return entry;
    }
    entry.options.majorVersion = major;
    entry.options.sslEnabled = false; // the test servers run with ssl = off
    entry.options.unsupportedMethods = entry.server->unsupportedMethods();
    entry.options.gssEncSupported = entry.server->gssEncSupported();
    qInfo("PostgreSQL %d: unsupported methods %s, GSS encryption %s", major,
          qPrintable(QStringList(entry.options.unsupportedMethods->values()).join(QStringLiteral(","))),
          entry.options.gssEncSupported ? "yes" : "no");
    return entry;
}

void tst_HbaParserServer::agreesWithServer_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("casePath");
    const QDir corpus(corpusDir());
    const QStringList cases = corpus.entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(cases.size() >= 50, "the corpus must hold at least 50 pg_hba.conf cases");
    for (const PgInstallation &installation : PgInstallation::available()) {
        for (const QString &name : cases)
            QTest::addRow("pg%d/%s", installation.major, qPrintable(name))
                << installation.major << corpus.absoluteFilePath(name);
    }
}

void tst_HbaParserServer::agreesWithServer()
{
    QFETCH(int, major);
    QFETCH(QString, casePath);
    Server &entry = serverFor(major);
    if (!entry.error.isEmpty())
        QFAIL(qPrintable(entry.error));
    HbaServer &server = *entry.server;
    if (major <= 15 && casePath.endsWith(QStringLiteral("/atfile-self")))
        QSKIP("PostgreSQL <= 15 has no nesting limit for @file: a file that names itself crashes the server");
    QVERIFY(server.installCase(casePath));

    const HbaServerVerdict verdict = server.evaluate(true);
    QVERIFY2(verdict.queried, qPrintable(verdict.queryError));
    const HbaFile parsed = HbaParser::parseFile(server.hbaFile(), entry.options);

    QStringList ours, theirs;
    for (qsizetype i = 0; i < std::max(parsed.rules.size(), verdict.rows.size()); ++i) {
        ours << (i < parsed.rules.size() ? formatRule(parsed.rules.at(i), major) : QStringLiteral("(none)"));
        theirs << (i < verdict.rows.size() ? formatServerRow(verdict.rows.at(i), server.hbaDirectory())
                                           : QStringLiteral("(none)"));
    }
    for (qsizetype i = 0; i < ours.size(); ++i)
        QCOMPARE(ours.at(i), theirs.at(i));
    if (parsed.ok != verdict.reloadAccepted)
        qWarning().noquote() << "server log:" << QString::fromUtf8(verdict.reloadLog);
    QCOMPARE(parsed.ok, verdict.reloadAccepted);
}

QTEST_GUILESS_MAIN(tst_HbaParserServer)
#include "tst_hbaparser_server.moc"
