// Every value of tests/data/datetime/ through real servers of every installed major, compared with
// pgdial's check hooks: recovery_target_time (check_recovery_target_time) and timezone
// (check_timezone's INTERVAL and hours forms).
//
// Cheaply: a running server validates a value with the same check hook when ALTER SYSTEM (for
// the restart-only recovery_target_time) or SET (timezone) is given it, one statement each over
// one connection. A session has timezone_abbreviations loaded, though, which the postmaster has
// not while it reads postgresql.conf; so the values whose verdict depends on that are asked
// again of `postgres -C` with a real configuration file, with and without an earlier
// timezone_abbreviations line (and with a datestyle line).

#include "pgconf/parametercheckhooks.h"
#include "pgconf/valueparser.h"
#include "support/pgtestserver.h"
#include "support/testpaths.h"

#include <QFile>
#include <QTest>

#include <libpq-fe.h>

#include <map>
#include <memory>

using namespace pgdial::core::pgconf;
using namespace Qt::StringLiterals;
using pgdial::test::PgInstallation;
using pgdial::test::PgTestServer;

namespace {

QStringList readList(const QString &name)
{
    QFile file(pgdial::test::testDataDir() + "/datetime/" + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList values;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            values << QString::fromUtf8(line);
    }
    return values;
}

bool pgdialAccepts(const QString &name, const QString &value, int major, const DateTimeContext &context)
{
    const auto verdict = ParameterCheckHooks::checkString(name, value, major, context);
    return !verdict || verdict->ok;
}

QString quoted(const QString &value)
{
    QString text = value;
    text.replace(u'\'', u"''"_s);
    return u'\'' + text + u'\'';
}

} // namespace

class tst_DateTimeServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsAreLargeEnough();
    void sessionAgrees_data();
    void sessionAgrees();
    void startupAgrees_data();
    void startupAgrees();

private:
    PgTestServer *serverFor(int major);
    QStringList m_times;
    QStringList m_zones;
    std::map<int, std::unique_ptr<PgTestServer>> m_servers;
};

void tst_DateTimeServer::initTestCase()
{
    m_times = readList("recovery_target_time.txt");
    m_zones = readList("timezone.txt");
    if (PgInstallation::available().isEmpty())
        QSKIP("no PostgreSQL installation");
}

void tst_DateTimeServer::listsAreLargeEnough()
{
    QVERIFY2(m_times.size() >= 150, qPrintable(QString::number(m_times.size())));
    QVERIFY2(m_zones.size() >= 40, qPrintable(QString::number(m_zones.size())));
}

PgTestServer *tst_DateTimeServer::serverFor(int major)
{
    auto &slot = m_servers[major];
    if (!slot) {
        slot = std::make_unique<PgTestServer>(PgTestServer::Options {major, {}, QStringLiteral("postgres"), false});
        if (!slot->init() || !slot->start())
            return nullptr;
    }
    return slot.get();
}

void tst_DateTimeServer::sessionAgrees_data()
{
    QTest::addColumn<int>("major");
    for (const PgInstallation &installation : PgInstallation::available())
        QTest::addRow("pg%d", installation.major) << installation.major;
}

void tst_DateTimeServer::sessionAgrees()
{
    QFETCH(int, major);
    PgTestServer *server = serverFor(major);
    if (!server)
        QSKIP("the server did not start");
    PGconn *connection = PQconnectdb(server->conninfo({}, QStringLiteral("postgres"), false).toUtf8().constData());
    QVERIFY2(PQstatus(connection) == CONNECTION_OK, PQerrorMessage(connection));
    auto accepted = [&](const QString &sql) {
        PGresult *result = PQexec(connection, sql.toUtf8().constData());
        const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
        PQclear(result);
        return ok;
    };
    QStringList problems;
    // The session's DateStyle is the one the decoder reads numeric dates with.
    const std::pair<const char *, DateTimeContext::Order> styles[] = {{"ISO, MDY", DateTimeContext::Order::MDY},
                                                                      {"ISO, DMY", DateTimeContext::Order::DMY},
                                                                      {"ISO, YMD", DateTimeContext::Order::YMD}};
    for (const auto &[style, order] : styles) {
        QVERIFY(accepted(QStringLiteral("SET datestyle = '%1'").arg(QLatin1String(style))));
        DateTimeContext context;
        context.order = order;
        context.abbreviations = "Default";
        for (const QString &value : std::as_const(m_times)) {
            // posix/ zones exist only in builds with the system's tz database (Debian's, not the
            // npm packages'): pgdial accepts them with a warning (conf.system-tzdata).
            if (value.contains(u"posix/"_s) && !server->installation().binDir.startsWith(u"/usr/lib/postgresql/"_s))
                continue;
            const bool serverAccepts
                = accepted(QStringLiteral("ALTER SYSTEM SET recovery_target_time = ") + quoted(value));
            if (serverAccepts != pgdialAccepts(u"recovery_target_time"_s, value, major, context))
                problems << QStringLiteral("%1 recovery_target_time '%2': server %3")
                                .arg(QLatin1String(style), value, serverAccepts ? "accepts" : "refuses");
        }
    }
    QVERIFY(accepted(QStringLiteral("ALTER SYSTEM RESET ALL")));
    for (const QString &value : std::as_const(m_zones)) {
        const bool serverAccepts = accepted(QStringLiteral("SET timezone = ") + quoted(value));
        if (serverAccepts != pgdialAccepts(u"timezone"_s, value, major, {}))
            problems << QStringLiteral("timezone '%1': server %2").arg(value, serverAccepts ? "accepts" : "refuses");
    }
    PQfinish(connection);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void tst_DateTimeServer::startupAgrees_data()
{
    QTest::addColumn<int>("major");
    for (const PgInstallation &installation : PgInstallation::available())
        QTest::addRow("pg%d", installation.major) << installation.major;
}

// While the postmaster reads the file: no abbreviations unless an earlier line loads them, the
// DateStyle of earlier lines, and an ERROR inside check_timezone's interval parsing is fatal.
void tst_DateTimeServer::startupAgrees()
{
    QFETCH(int, major);
    PgTestServer *server = serverFor(major);
    if (!server)
        QSKIP("the server did not start");
    struct Case
    {
        QStringList earlier; // name = value lines before it
        QString name;
        QString value;
    };
    QList<Case> cases;
    // Every value whose verdict the abbreviation table changes, without and with it.
    for (const QString &value : std::as_const(m_times)) {
        DateTimeContext without;
        DateTimeContext with;
        with.abbreviations = "Default";
        if (pgdialAccepts(u"recovery_target_time"_s, value, major, without)
            != pgdialAccepts(u"recovery_target_time"_s, value, major, with)) {
            cases << Case {{}, u"recovery_target_time"_s, value};
            cases << Case {{u"timezone_abbreviations = 'Default'"_s}, u"recovery_target_time"_s, value};
        }
    }
    QVERIFY2(cases.size() >= 10, "the lists should hold abbreviations");
    cases << Case {
        {u"timezone_abbreviations = 'Australia'"_s}, u"recovery_target_time"_s, u"2024-05-01 10:00 SAT UTC"_s};
    cases << Case {{u"timezone_abbreviations = 'Default'"_s}, u"recovery_target_time"_s, u"2024-05-01 10:00 SAT UTC"_s};
    cases << Case {{u"datestyle = 'ISO, DMY'"_s}, u"recovery_target_time"_s, u"13/1/2024"_s};
    cases << Case {{}, u"recovery_target_time"_s, u"13/1/2024"_s};
    cases << Case {{u"datestyle = 'German'"_s}, u"recovery_target_time"_s, u"31.12.2024"_s};
    cases << Case {
        {u"DateStyle = 'SQL, DMY'"_s, u"datestyle = 'Postgres'"_s}, u"recovery_target_time"_s, u"31/12/2024"_s};
    // 18 knows the abbreviations of the zone set on an earlier line.
    cases << Case {{u"timezone = 'America/New_York'"_s}, u"recovery_target_time"_s, u"2024-05-01 10:00 EDT"_s};
    cases << Case {{u"timezone = 'america/new_york'"_s}, u"recovery_target_time"_s, u"1800-05-01 10:00 LMT"_s};
    cases << Case {{u"timezone = 'Europe/Berlin'"_s}, u"recovery_target_time"_s, u"2024-05-01 10:00 CEST"_s};
    cases << Case {{u"timezone = 'Europe/Berlin'"_s}, u"recovery_target_time"_s, u"2024-05-01 10:00 EDT"_s};
    cases << Case {{}, u"timezone"_s, u"INTERVAL 'abc'"_s};
    cases << Case {{}, u"timezone"_s, u"INTERVAL '1 day'"_s};
    cases << Case {{}, u"timezone"_s, u"INTERVAL '+05:30'"_s};
    cases << Case {{}, u"timezone"_s, u"INTERVAL '168 hours'"_s};

    QStringList problems;
    const QString file = server->baseDir() + QStringLiteral("/datetime.conf");
    for (const Case &c : std::as_const(cases)) {
        QByteArray text;
        DateTimeContext context;
        // Lines are applied in order; the names differ in case, so no earlier one is a duplicate.
        for (const QString &line : c.earlier) {
            text += line.toUtf8() + '\n';
            const QString name = line.section(u'=', 0, 0).trimmed();
            QString value = line.section(u'=', 1).trimmed();
            value = value.mid(1, value.size() - 2);
            ValueParser::updateDateTimeContext(&context, name, value);
        }
        text += c.name.toUtf8() + " = " + quoted(c.value).toUtf8() + '\n';
        server->writeFile(file, text);
        const auto result = server->run(QStringLiteral("postgres"),
                                        {QStringLiteral("-D"), server->dataDir(), QStringLiteral("-c"),
                                         QStringLiteral("config_file=") + file, QStringLiteral("-C"), c.name},
                                        30000);
        const bool accepted = result.exitCode == 0;
        if (accepted != pgdialAccepts(c.name, c.value, major, context))
            problems << QStringLiteral("[%1] %2 = '%3': the server %4 the file")
                            .arg(c.earlier.join(u"; "_s), c.name, c.value, accepted ? "accepts" : "refuses");
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_DateTimeServer)
#include "tst_datetime_server.moc"
