// Reading a 20,000-line postgresql.conf (with an include and an include_dir) the way the
// server does: pgdial's parse + include resolution + validation, against the time a real
// PostgreSQL server takes to read the same files for pg_file_settings, in the same run.
//
// Under plain ctest it runs a quick smoke version (2,000 lines, no server); set PGDIAL_BENCH=1
// for the real measurement (scripts or by hand: PGDIAL_BENCH=1 build/dev/tests/bench_confparse).
#include "pgconf/confloader.h"
#include "pgconf/confvalidator.h"
#include "pgconf/parametercatalog.h"
#include "support/pgconfprobe.h"

#include <QElapsedTimer>
#include <QtTest>

#include <libpq-fe.h>

#include <algorithm>

using namespace pgdial::core::pgconf;
using namespace pgdial::test;

namespace {

bool fullRun()
{
    return qEnvironmentVariableIntValue("PGDIAL_BENCH") == 1;
}

QByteArray quoted(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    bytes.replace('\\', "\\\\");
    bytes.replace('\'', "''");
    return '\'' + bytes + '\'';
}

// The main file, one included file and four files in conf.d/, `totalLines` lines in all, shaped
// like a large hand-kept configuration: every settable parameter once (with the server's own
// value), then mostly prose comments, commented-out samples and blank lines, a few hundred
// extension (placeholder) parameters, and active lines re-setting a handful of parameters.
// (Tens of thousands of distinct placeholders would measure PostgreSQL 15's quadratic placeholder
// registration rather than reading the file, so they are kept to a realistic number.)
QMap<QString, QByteArray> generate(int totalLines, const QList<QPair<QString, QString>> &parameters)
{
    QList<QByteArray> lines;
    for (const auto &[name, value] : parameters)
        lines << name.toUtf8() + " = " + quoted(value) + "\t\t# from pg_settings";
    static const char *const resets[] = {"work_mem = 4MB",
                                         "maintenance_work_mem = '64MB'",
                                         "random_page_cost 1.1",
                                         "log_min_duration_statement = 250ms",
                                         "statement_timeout = '30s'",
                                         "effective_io_concurrency = 200",
                                         "jit = off",
                                         "log_line_prefix = '%m [%p] '"};
    int n = 0;
    while (lines.size() < totalLines) {
        switch (n % 8) {
        case 0:
            lines << "";
            break;
        case 1:
            lines << "# ---- section " + QByteArray::number(n) + ": what the next settings are for ----";
            break;
        case 2:
            lines << "#work_mem = 4MB\t\t\t\t# min 64kB";
            break;
        case 3:
            lines << "#log_destination = 'stderr'\t\t# Valid values are combinations of";
            break;
        case 4:
            if (n % 64 == 4)
                lines << "ext" + QByteArray::number(n % 97) + ".setting_" + QByteArray::number(n) + " = 'value '' "
                        + QByteArray::number(n) + "'";
            else
                lines << "# plain prose about line " + QByteArray::number(n) + ", nothing to parse here";
            break;
        case 5:
            lines << QByteArray(resets[(n / 8) % 8]) + "\t\t# overrides the earlier line";
            break;
        case 6:
            lines << "#shared_buffers = 128MB\t\t\t# min 128kB";
            break;
        default:
            lines << "\t# (change requires restart)";
            break;
        }
        ++n;
    }
    // Split: 60% main, 10% included file, 4 x 7.5% conf.d files.
    QMap<QString, QByteArray> files;
    const int total = static_cast<int>(lines.size());
    auto chunk = [&](int from, int to) {
        QByteArray bytes;
        for (int i = from; i < to; ++i)
            bytes += lines.at(i) + '\n';
        return bytes;
    };
    const int mainEnd = total * 6 / 10;
    const int includeEnd = total * 7 / 10;
    files["postgresql.conf"] = chunk(0, mainEnd) + "include 'extra.conf'\ninclude_dir 'conf.d'\n";
    files["extra.conf"] = chunk(mainEnd, includeEnd);
    const int per = (total - includeEnd) / 4;
    for (int i = 0; i < 4; ++i)
        files[QString("conf.d/%1-part.conf").arg(i + 1, 2, 10, QChar('0'))]
            = chunk(includeEnd + i * per, i == 3 ? total : includeEnd + (i + 1) * per);
    return files;
}

} // namespace

class BenchConfParse : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pgdialReadsTheFile();
    void serverReadsTheFile();
    void ratio();

private:
    std::unique_ptr<PgConfProbe> m_probe;
    PGconn *m_connection = nullptr;
    QString m_mainFile;
    QTemporaryDir m_localDir;
    int m_major = 15;
    int m_lines = 0;

    double pgdialMs(double *parseMs = nullptr) const;
    double serverMs() const;
};

void BenchConfParse::initTestCase()
{
    m_lines = fullRun() ? 20000 : 2000;
    QList<QPair<QString, QString>> parameters;
    if (fullRun()) {
        m_probe = std::make_unique<PgConfProbe>(15);
        QVERIFY2(m_probe->start(), qPrintable(m_probe->errorString()));
        m_major = m_probe->major();
        // The server's own values for everything a file may set (plumbing left to the command line).
        const QueryResult settings = m_probe->server().query(
            "select name, setting from pg_settings where context <> 'internal' and name not in "
            "('config_file', 'data_directory', 'hba_file', 'ident_file', 'port', 'listen_addresses', "
            "'unix_socket_directories', 'session_authorization', 'role', 'transaction_isolation', "
            "'transaction_read_only', 'transaction_deferrable', 'seed') order by name");
        QVERIFY2(settings.ok, qPrintable(settings.error));
        for (const QStringList &row : settings.rows)
            parameters.append({row.at(0), row.at(1)});
    } else {
        parameters = {{"work_mem", "4096"}, {"shared_buffers", "16384"}, {"log_line_prefix", "%m [%p] "}};
    }
    const QMap<QString, QByteArray> files = generate(m_lines, parameters);
    if (m_probe) {
        const ServerConfVerdict verdict = m_probe->probe(files);
        QVERIFY2(verdict.probed, qPrintable(verdict.error));
        // The server must read every line (no parse or name error); a value it cannot apply while
        // running (restart-only parameters, read-only ones) only marks that line.
        for (const ServerFileSetting &row : verdict.rows) {
            if (row.error && *row.error != "setting could not be applied")
                QFAIL(qPrintable(*row.error));
            if (row.error)
                qInfo("server: %s = %s: %s", qPrintable(row.name.value_or("?")), qPrintable(row.setting.value_or("?")),
                      qPrintable(*row.error));
        }
        m_mainFile = m_probe->mainFile();
        m_connection = PQconnectdb(m_probe->server().conninfo({}, "postgres", false).toUtf8().constData());
        QCOMPARE(PQstatus(m_connection), CONNECTION_OK);
    } else {
        for (auto it = files.begin(); it != files.end(); ++it) {
            const QString path = m_localDir.path() + "/" + it.key();
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(it.value());
        }
        m_mainFile = m_localDir.path() + "/postgresql.conf";
    }
    // Sanity: pgdial reads the whole thing and agrees that it is acceptable.
    ConfLoader loader;
    const ConfLoadResult load = loader.load(m_mainFile);
    QVERIFY(!load.parseFailed);
    QCOMPARE(load.files.size(), 6);
    qInfo("%d lines, %lld setting lines, PostgreSQL %d", m_lines, static_cast<long long>(load.items.size()), m_major);
}

void BenchConfParse::cleanupTestCase()
{
    if (m_connection)
        PQfinish(m_connection);
    m_connection = nullptr;
    m_probe.reset();
}

double BenchConfParse::pgdialMs(double *parseMs) const
{
    QElapsedTimer timer;
    timer.start();
    ConfLoader loader;
    const ConfLoadResult load = loader.load(m_mainFile);
    if (parseMs)
        *parseMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const ConfValidation validation = ConfValidator(ParameterCatalog::forVersion(m_major), m_major).validate(load);
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (load.items.isEmpty() || validation.items.size() != load.items.size())
        return -1;
    return ms;
}

double BenchConfParse::serverMs() const
{
    QElapsedTimer timer;
    timer.start();
    PGresult *result = PQexec(m_connection, "select count(*) from pg_file_settings");
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK;
    PQclear(result);
    return ok ? ms : -1;
}

void BenchConfParse::pgdialReadsTheFile()
{
    QBENCHMARK
    {
        ConfLoader loader;
        const ConfLoadResult load = loader.load(m_mainFile);
        const ConfValidation validation = ConfValidator(ParameterCatalog::forVersion(m_major), m_major).validate(load);
        QVERIFY(validation.items.size() == load.items.size());
    }
}

void BenchConfParse::serverReadsTheFile()
{
    if (!m_connection)
        QSKIP("smoke run: set PGDIAL_BENCH=1 to start a server");
    QBENCHMARK
    {
        PGresult *result = PQexec(m_connection, "select count(*) from pg_file_settings");
        QCOMPARE(PQresultStatus(result), PGRES_TUPLES_OK);
        PQclear(result);
    }
}

void BenchConfParse::ratio()
{
    if (!m_connection)
        QSKIP("smoke run: set PGDIAL_BENCH=1 to compare with a server");
    // Interleaved, best of 15 each: the machine is shared, the minimum is the least disturbed.
    double ours = 1e12;
    double parseOnly = 1e12;
    double server = 1e12;
    for (int i = 0; i < 15; ++i) {
        double parse = 0;
        const double a = pgdialMs(&parse);
        const double b = serverMs();
        QVERIFY(a >= 0 && b >= 0);
        ours = std::min(ours, a);
        parseOnly = std::min(parseOnly, parse);
        server = std::min(server, b);
    }
    qInfo("pgdial (parse + includes + validate): %.2f ms (parse + includes alone: %.2f ms); server (pg_file_settings): "
          "%.2f ms; pgdial/server = %.3f (parse + includes / server = %.3f)",
          ours, parseOnly, server, ours / server, parseOnly / server);
}

QTEST_GUILESS_MAIN(BenchConfParse)
#include "bench_confparse.moc"
