#include "pgconf/parametercatalog.h"
#include "pgconf/valueparser.h"
#include "support/pgtestserver.h"

#include <QTest>

using namespace pgdial::core::pgconf;
using pgdial::test::PgInstallation;
using pgdial::test::PgTestServer;

// Asks real servers of every available major what they make of tricky values
// (`postgres -C NAME -c NAME=VALUE`, which runs the same value parser as the file does) and
// compares acceptance, the resulting setting and the error message with ValueParser.
class tst_ConfValuesServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trickyValues_data();
    void trickyValues();
    void hiddenEnumValuesAccepted_data();
    void hiddenEnumValuesAccepted();
    void hiddenParameters_data();
    void hiddenParameters();

private:
    struct Verdict
    {
        bool accepted = false;
        QString output; // -C output (the setting) or the FATAL message
    };
    static Verdict ask(const PgTestServer &server, const QString &name, const QStringList &assignments);
    static PgTestServer &serverFor(int major);
    std::map<int, std::unique_ptr<PgTestServer>> m_servers;
};

static tst_ConfValuesServer *s_instance = nullptr;

PgTestServer &tst_ConfValuesServer::serverFor(int major)
{
    auto &slot = s_instance->m_servers[major];
    if (!slot) {
        slot = std::make_unique<PgTestServer>(PgTestServer::Options {major, {}, QStringLiteral("postgres"), true});
        slot->init();
    }
    return *slot;
}

tst_ConfValuesServer::Verdict tst_ConfValuesServer::ask(const PgTestServer &server, const QString &name,
                                                        const QStringList &assignments)
{
    QStringList arguments {"-D", server.dataDir(), "-C", name};
    for (const QString &assignment : assignments)
        arguments << "-c" << assignment;
    const auto result = server.run("postgres", arguments, 30000);
    Verdict verdict;
    verdict.accepted = result.exitCode == 0;
    if (verdict.accepted) {
        verdict.output = QString::fromUtf8(result.out).trimmed();
    } else {
        const QString err = QString::fromUtf8(result.err);
        const qsizetype at = err.indexOf("FATAL:  ");
        verdict.output = at < 0 ? err : err.mid(at + 8).section('\n', 0, 0);
    }
    return verdict;
}

void tst_ConfValuesServer::trickyValues_data()
{
    s_instance = this;
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    const QList<QPair<QString, QString>> rows = {
        {"fsync", "of"},
        {"fsync", "o"},
        {"fsync", "tr"},
        {"fsync", "01"},
        {"fsync", " on"},
        {"fsync", "Ye"},
        {"max_connections", "0x40"},
        {"max_connections", "010"},
        {"max_connections", "08"},
        {"max_connections", "1e2"},
        {"max_connections", "2.5"},
        {"max_connections", "100kB"},
        {"max_connections", "0"},
        {"max_connections", " 7 "},
        {"shared_buffers", "1001kB"},
        {"shared_buffers", "1.5MB"},
        {"shared_buffers", "128mb"},
        {"work_mem", "4TB"},
        {"work_mem", "4 MB"},
        {"work_mem", "0x10MB"},
        {"work_mem", "1MB x"},
        {"temp_buffers", "800000B"},
        {"max_wal_size", "1536kB"},
        {"maintenance_work_mem", "64kB"},
        {"checkpoint_timeout", "5m"},
        {"checkpoint_timeout", "0.5h"},
        {"deadlock_timeout", "1500us"},
        {"deadlock_timeout", "400us"},
        {"log_rotation_age", "1d"},
        {"log_min_duration_statement", "-1"},
        {"random_page_cost", "2e1"},
        {"random_page_cost", "NaN"},
        {"random_page_cost", "-1"},
        {"vacuum_cost_delay", "500us"},
        {"checkpoint_completion_target", "1.5"},
        {"wal_level", "hot_standby"},
        {"wal_level", "ARCHIVE"},
        {"wal_level", "rep"},
        {"synchronous_commit", "true"},
        {"synchronous_commit", "t"},
        {"client_min_messages", "DEBUG"},
        {"wal_compression", "1"},
        {"wal_compression", "t"},
        {"huge_pages", "yes"},
        {"password_encryption", "on"},
        {"log_destination", "stderr, csvlog"},
        {"log_destination", "stdout"},
        {"log_destination", "jsonlog"},
        {"log_destination", "stderr,"},
        {"log_destination", "\"csvlog\", STDERR"},
        {"DateStyle", "ISO, DMY"},
        {"DateStyle", "sql, european"},
        {"DateStyle", "ISO, SQL"},
        {"DateStyle", "ISO, XMD"},
        {"DateStyle", "ISO MDY"},
        {"DateStyle", "Postgres, US"},
        {"DateStyle", "default, German"},
        {"search_path", "\"$user\", public"},
        {"search_path", "my schema"},
        {"search_path", "\"abc"},
        {"search_path", "a,,b"},
        {"temp_tablespaces", "x, \"Y z\""},
        {"log_connections", "receipt, bogus"},
        {"log_connections", "'on'"},
        {"log_connections", "t"},
        {"log_connections", "receipt,authentication"},
    };
    for (const PgInstallation &installation : PgInstallation::available()) {
        for (const auto &[name, value] : rows) {
            if (ParameterCatalog::forVersion(installation.major).find(name))
                QTest::addRow("pg%d %s=%s", installation.major, qPrintable(name), qPrintable(value))
                    << installation.major << name << value;
        }
    }
}

void tst_ConfValuesServer::trickyValues()
{
    QFETCH(int, major);
    QFETCH(QString, name);
    QFETCH(QString, value);
    PgTestServer &server = serverFor(major);
    if (!server.dataDir().isEmpty() && !QFileInfo::exists(server.dataDir() + "/PG_VERSION"))
        QSKIP(qPrintable(server.errorString()));
    const Verdict verdict = ask(server, name, {name + '=' + value});
    const ParameterInfo &info = *ParameterCatalog::forVersion(major).find(name);
    const ParsedValue parsed = ValueParser::parse(info, value, major);
    QCOMPARE(parsed.ok(), verdict.accepted);
    if (verdict.accepted)
        QCOMPARE(parsed.setting, verdict.output);
    else
        QCOMPARE(parsed.message, verdict.output);
}

void tst_ConfValuesServer::hiddenEnumValuesAccepted_data()
{
    s_instance = this;
    QTest::addColumn<int>("major");
    for (const PgInstallation &installation : PgInstallation::available())
        QTest::addRow("pg%d", installation.major) << installation.major;
}

// Every hidden enum spelling the catalog claims is accepted and maps where the catalog says.
void tst_ConfValuesServer::hiddenEnumValuesAccepted()
{
    QFETCH(int, major);
    PgTestServer &server = serverFor(major);
    if (!QFileInfo::exists(server.dataDir() + "/PG_VERSION"))
        QSKIP(qPrintable(server.errorString()));
    int checked = 0;
    for (const ParameterInfo &info : ParameterCatalog::forVersion(major).parameters()) {
        for (auto it = info.hiddenEnumTargets.cbegin(); it != info.hiddenEnumTargets.cend(); ++it) {
            const Verdict verdict = ask(server, info.name, {info.name + '=' + it.key()});
            QVERIFY2(verdict.accepted, qPrintable(info.name + '=' + it.key() + ": " + verdict.output));
            QCOMPARE(verdict.output, it.value());
            ++checked;
        }
    }
    QVERIFY(checked > 20);
}

void tst_ConfValuesServer::hiddenParameters_data()
{
    s_instance = this;
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("name");
    for (const PgInstallation &installation : PgInstallation::available()) {
        for (const ParameterInfo &info : ParameterCatalog::forVersion(installation.major).parameters()) {
            if (info.hidden)
                QTest::addRow("pg%d %s", installation.major, qPrintable(info.name)) << installation.major << info.name;
        }
    }
}

// Every parameter the catalog lists although pg_settings does not (hidden, obsolete) is one the
// server knows: `postgres -C NAME` prints its default, the values the catalog calls fine are
// accepted at start-up (-c NAME=VALUE runs the same checks as the file), and pgdial refuses what
// the server refuses with the server's own message.
void tst_ConfValuesServer::hiddenParameters()
{
    QFETCH(int, major);
    QFETCH(QString, name);
    PgTestServer &server = serverFor(major);
    if (!QFileInfo::exists(server.dataDir() + "/PG_VERSION"))
        QSKIP(qPrintable(server.errorString()));
    const ParameterInfo &info = *ParameterCatalog::forVersion(major).find(name);
    const Verdict shown = ask(server, name, {});
    QVERIFY2(shown.accepted, qPrintable(shown.output));
    if (name != "session_authorization") // the initdb user's name at run time
        QCOMPARE(shown.output, info.bootValue);
    QStringList values;
    if (info.type == ParameterType::Bool)
        values = {"off", "false", "no", "0", "on", "true", "yes", "1"};
    else if (info.type == ParameterType::Integer || info.type == ParameterType::Real)
        values = {"0", "'0'", "0.4", "1", "-1", "2", "1kB"};
    else
        values = info.bootValue.isEmpty() ? QStringList() : QStringList {info.bootValue};
    for (const QString &value : values) {
        const Verdict verdict = ask(server, name, {name + '=' + value});
        const ParsedValue parsed = ValueParser::parse(info, value, major);
        const bool accepted = parsed.ok() && info.isSettableInFile();
        QVERIFY2(accepted == verdict.accepted, qPrintable(name + '=' + value + ": " + verdict.output));
        if (verdict.accepted)
            QCOMPARE(parsed.setting, verdict.output);
        else if (info.isSettableInFile())
            QCOMPARE(parsed.message, verdict.output);
    }
}

QTEST_GUILESS_MAIN(tst_ConfValuesServer)
#include "tst_confvalues_server.moc"
