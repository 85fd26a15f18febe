// The corpus under tests/data/pgconf/ (one folder per case, top file postgresql.conf) read by
// pgdial and by real PostgreSQL servers: Debian's always, every other major 13-18 that is
// installed. pgdial's ok, pg_file_settings rows (file, line, seqno, name, setting, error rows)
// and applied/error flags must agree with the server's.
//
// One server per major (PgConfProbe): each case is written into the folder its config_file
// points at; `postgres -C` says whether it would start, pg_file_settings lists the rows. The
// startup-* cases are judged by a real start of a second cluster instead (PgConfProbe::
// probeByStarting), since -C exits before the postmaster's checks of value combinations.
// Known limit of the comparison (A8): the view judges restart-only parameters against the values
// the probe server runs with, so their applied/error columns are not compared.
#include "pgconf/conffilesettings.h"
#include "pgconf/confloader.h"
#ifdef PGDIAL_HAVE_CONF_VALIDATOR
#include "pgconf/confvalidator.h"
#include "pgconf/parametercatalog.h"
#endif
#include "support/pgconfprobe.h"
#include "support/pginstallation.h"
#include "support/testpaths.h"

#include <QDirIterator>

#include <QtTest>
#include <future>
#include <map>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::pgconf;
using namespace pgdial::test;

namespace {

QString casesDir()
{
    return testDataDir() + "/pgconf";
}

QMap<QString, QByteArray> readCase(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(dir).relativeFilePath(path), file.readAll());
    }
    return files;
}

// Paths inside error texts and source files, relative to the case folder, canonical (PG13/14
// show "sub/../x.conf" where 15+ show "x.conf").
QString relativeTo(const QString &root, QString text)
{
    static const QRegularExpression quoted("\"(/[^\"]*)\"");
    QRegularExpressionMatch match = quoted.match(text);
    if (match.hasMatch())
        text.replace(match.capturedStart(1), match.capturedLength(1),
                     QDir(root).relativeFilePath(QDir::cleanPath(match.captured(1))));
    return text;
}

struct Row
{
    QString file;
    int line = 0;
    int seqno = 0;
    QString name; // "<null>" for NULL
    QString setting; // "<null>" for NULL
    bool applied = false;
    QString error; // "<null>" for NULL

    QString where() const { return QString("%1:%2 #%3 %4=%5").arg(file).arg(line).arg(seqno).arg(name, setting); }
    QString verdict() const { return QString("applied=%1 error=%2").arg(applied ? "t" : "f", error); }
};

struct Outcome
{
    bool ok = false;
    QList<Row> rows;
};

// The build features of a probe's server (ConfServerFacts::buildFeatures), read from the values
// its pg_settings offers. No server here is built with Bonjour, and no view says so: left out.
QSet<QString> serverBuildFeatures(PgConfProbe &probe)
{
    QSet<QString> features;
    const QueryResult result = probe.server().query(
        "select name, coalesce(array_to_string(enumvals, ','), setting) from pg_settings where name in "
        "('wal_compression', 'default_toast_compression', 'io_method', 'wal_sync_method', "
        "'dynamic_shared_memory_type', 'shared_memory_type', 'ssl_library')");
    for (const QStringList &row : result.rows) {
        if (row.at(0) == "ssl_library") {
            if (!row.at(1).isEmpty())
                features.insert("ssl");
            continue;
        }
        const QStringList values = row.at(1).split(',');
        for (const char *feature : {"lz4", "zstd", "windows", "fsync_writethrough"}) {
            if (values.contains(feature))
                features.insert(feature);
        }
        if (values.contains("io_uring"))
            features.insert("liburing");
    }
    return features;
}

Outcome pgdialOutcome(const QString &caseDir, int major, const ConfServerFacts &facts)
{
    ConfLoader loader;
    const ConfLoadResult load = loader.load(caseDir + "/postgresql.conf");
    Outcome outcome;
#ifdef PGDIAL_HAVE_CONF_VALIDATOR
    ConfValidator validator(ParameterCatalog::forVersion(major), major);
    validator.setServerFacts(facts);
    const ConfValidation validation = validator.validate(load);
    const QList<ConfFileSetting> settings = confFileSettings(load, &validation);
    outcome.ok = !load.parseFailed && validation.ok;
#else
    Q_UNUSED(major);
    Q_UNUSED(facts);
    const QList<ConfFileSetting> settings = confFileSettings(load);
    outcome.ok = !load.parseFailed;
#endif
    for (const ConfFileSetting &s : settings) {
        Row row;
        row.file = QDir::cleanPath(s.sourcefile);
        row.line = s.sourceline;
        row.seqno = s.seqno;
        row.name = s.name ? QString::fromUtf8(*s.name) : "<null>";
        row.setting = s.setting ? QString::fromUtf8(*s.setting) : "<null>";
        row.applied = s.applied;
        row.error = s.error ? relativeTo(caseDir, *s.error) : "<null>";
        outcome.rows.append(row);
    }
    return outcome;
}

Outcome serverOutcome(const ServerConfVerdict &verdict, const QString &caseDir)
{
    Outcome outcome;
    outcome.ok = verdict.accepted;
    for (const ServerFileSetting &s : verdict.rows) {
        Row row;
        row.file = QDir(caseDir).relativeFilePath(QDir::cleanPath(*s.sourcefile));
        row.line = s.sourceline;
        row.seqno = s.seqno;
        row.name = s.name.value_or("<null>");
        row.setting = s.setting.value_or("<null>");
        row.applied = s.applied;
        row.error = s.error ? relativeTo(caseDir, *s.error) : "<null>";
        outcome.rows.append(row);
    }
    return outcome;
}

} // namespace

class TestPgconfServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void corpusIsLargeEnough();
    void agreesWithServers_data();
    void agreesWithServers();
    void cleanupTestCase();

private:
    std::map<int, std::unique_ptr<PgConfProbe>> m_probes;
    std::map<int, ConfServerFacts> m_facts; // per major: the probe server's build, on this machine
    QStringList m_cases;
};

void TestPgconfServer::initTestCase()
{
    m_cases = QDir(casesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    const QList<PgInstallation> installations = PgInstallation::available();
    if (installations.isEmpty())
        QSKIP("no PostgreSQL installation");
    // PGDIAL_PG_MAJORS="15,17" limits the majors (PgInstallation::available());
    // PGDIAL_PGCONF_ALWAYS_STARTUP=1 asks `postgres -C` for every case, also where the view alone
    // decides (to check that shortcut).
    for (const PgInstallation &installation : installations) {
        auto probe = std::make_unique<PgConfProbe>(installation.major);
        probe->setAlwaysCheckStartup(qEnvironmentVariableIntValue("PGDIAL_PGCONF_ALWAYS_STARTUP") == 1);
        QVERIFY2(probe->start(), qPrintable(probe->errorString()));
        ConfServerFacts facts;
        facts.buildFeatures = serverBuildFeatures(*probe);
        facts.runsOnThisMachine = true;
        m_facts[installation.major] = facts;
        m_probes[installation.major] = std::move(probe);
    }
}

void TestPgconfServer::cleanupTestCase()
{
    m_probes.clear(); // stops every server
}

void TestPgconfServer::corpusIsLargeEnough()
{
    QVERIFY2(m_cases.size() >= 50, qPrintable(QString::number(m_cases.size())));
    for (const QString &name : std::as_const(m_cases))
        QVERIFY2(QFile::exists(casesDir() + "/" + name + "/postgresql.conf"), qPrintable(name));
}

void TestPgconfServer::agreesWithServers_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : std::as_const(m_cases))
        QTest::newRow(qPrintable(name)) << name;
}

void TestPgconfServer::agreesWithServers()
{
    QFETCH(QString, name);
    const QString source = casesDir() + "/" + name;
    const QMap<QString, QByteArray> files = readCase(source);
    QStringList problems;
    QStringList needValidator;
    // The servers of the different majors are asked at the same time: each probe has its own
    // server, folder and connections, and the time goes into waiting for processes.
    // Cases named startup-* are judged by starting a server with them: their verdict comes from
    // checks the server makes after reading the file, which `postgres -C` never reaches.
    const bool byStarting = name.startsWith("startup-");
    std::map<int, std::future<ServerConfVerdict>> pending;
    for (auto &[major, probe] : m_probes)
        pending[major] = std::async(std::launch::async, [&probe = probe, &files, byStarting] {
            return byStarting ? probe->probeByStarting(files) : probe->probe(files);
        });
    for (auto &[major, probe] : m_probes) {
        const ServerConfVerdict verdict = pending[major].get();
        QVERIFY2(verdict.probed, qPrintable(verdict.error));
        const Outcome server = serverOutcome(verdict, probe->caseDir());
        if (verdict.startupChecked && verdict.acceptedByView && *verdict.acceptedByView != verdict.accepted)
            problems << QString("PG%1 %2: the view says accepted=%3 but postgres -C says %4")
                            .arg(major)
                            .arg(name)
                            .arg(*verdict.acceptedByView)
                            .arg(verdict.accepted);
        const Outcome ours = pgdialOutcome(source, major, m_facts[major]);
        const QString prefix = QString("PG%1 %2: ").arg(major).arg(name);
#ifdef PGDIAL_HAVE_CONF_VALIDATOR
        const bool compareVerdicts = true;
#else
        // Without the validator only the parse phase is predicted: compare the cases it decides.
        const bool compareVerdicts = !ours.ok;
#endif
        if (compareVerdicts && ours.ok != server.ok)
            problems << prefix
                    + QString("ok: pgdial %1, server %2\n%3")
                          .arg(ours.ok)
                          .arg(server.ok)
                          .arg(QString::fromUtf8(verdict.startupLog.left(600)));
        if (!compareVerdicts && !server.ok && ours.ok)
            needValidator << QString::number(major);
        if (ours.rows.size() != server.rows.size()) {
            QStringList a, b;
            for (const Row &r : ours.rows)
                a << r.where() + " " + r.error;
            for (const Row &r : server.rows)
                b << r.where() + " " + r.error;
            problems << prefix + "rows differ\n  pgdial: " + a.join("\n          ")
                    + "\n  server: " + b.join("\n          ");
            continue;
        }
        for (qsizetype i = 0; i < ours.rows.size(); ++i) {
            const Row &o = ours.rows.at(i);
            const Row &s = server.rows.at(i);
            if (o.where() != s.where())
                problems << prefix + "row " + QString::number(i + 1) + ": pgdial " + o.where() + ", server "
                        + s.where();
            const bool restartOnly = probe->restartOnlyParameters().contains(s.name.toLower());
            const bool errorRow = s.name == "<null>";
            if ((compareVerdicts || errorRow) && !(restartOnly && !errorRow) && o.verdict() != s.verdict())
                problems << prefix + s.where() + ": pgdial " + o.verdict() + ", server " + s.verdict();
        }
    }
    if (!needValidator.isEmpty())
        qInfo().noquote() << "refused past the parse phase (not compared until ConfValidator is linked): PG"
                + needValidator.join(", PG");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));
}

QTEST_GUILESS_MAIN(TestPgconfServer)
#include "tst_pgconf_server.moc"
