// How the parsers scale with the size of their input (issue 16, items 9 and 10): each case is
// timed at a size and at 4x that size in the same run, and the ratio printed. Linear code gives
// about 4; a quadratic step gives about 16.
//  - check on a postgresql.conf (the whole ProjectChecker, with its fixes), many overridden lines;
//  - postgresql.conf read + judged (ConfProjectAnalyzer);
//  - pg_hba.conf: one rule continued over every line, and many two-line rules;
//  - .env: distinct keys, with some set twice.
// Inputs are generated here. Quick by default (2,500 / 10,000 lines) so it costs ctest little;
// PGDIAL_BENCH=1 measures 40,000 / 160,000 lines (the .env and hba cases 75,000 / 300,000).
//
// confJson: what `pgdial-cli conf --json` does (read, judge, write the report) at doubling sizes,
// 125,000 to 1,000,000 lines with PGDIAL_BENCH=1 (10,000 to 40,000 otherwise). The report is
// written twice, streamed (JsonWriter, what the command does) and as the QJsonDocument tree it
// used to build (the baseline, same data, same run): both texts must be equal.
#include "appconfig/envfile.h"
#include "base/diagnosticformatter.h"
#include "base/jsonwriter.h"
#include "base/textdocument.h"
#include "checks/projectchecker.h"
#include "hba/hbaparser.h"
#include "pgconf/conffilesettings.h"
#include "pgconf/confloader.h"
#include "pgconf/confprojectanalyzer.h"
#include "pgconf/confvalidator.h"
#include "pgconf/parametercatalog.h"
#include "project/filekind.h"
#include "project/project.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <functional>

using namespace pgdial::core;
using namespace Qt::StringLiterals;

namespace {

bool fullRun()
{
    return qEnvironmentVariableIntValue("PGDIAL_BENCH") == 1;
}

QByteArray confText(int lines)
{
    static const char *const shapes[] = {"work_mem = 4MB",
                                         "shared_buffers = 128MB",
                                         "random_page_cost = 1.1",
                                         "log_line_prefix = '%m [%p] '",
                                         nullptr,
                                         "#work_mem = 4MB  # sample",
                                         "# prose about the next settings",
                                         ""};
    QByteArray text;
    for (int i = 0; i < lines; ++i) {
        const char *shape = shapes[i % 8];
        text += shape ? QByteArray(shape) : "myext.setting_" + QByteArray::number(i) + " = 'x'";
        text += '\n';
    }
    return text;
}

QByteArray hbaOneLongRule(int lines)
{
    QByteArray text = "host all \\\n";
    for (int i = 0; i < lines - 2; ++i)
        text += "user_" + QByteArray::number(i) + ",\\\n";
    return text + "last_user 10.0.0.0/8 scram-sha-256\n";
}

QByteArray hbaTwoLineRules(int lines)
{
    QByteArray text;
    for (int i = 0; i < lines / 2; ++i)
        text += "host app_" + QByteArray::number(i % 500) + " user_" + QByteArray::number(i) + " \\\n    10."
            + QByteArray::number((i >> 8) & 255) + '.' + QByteArray::number(i & 255) + ".0/24 scram-sha-256\n";
    return text;
}

QByteArray envText(int lines)
{
    QByteArray text;
    for (int i = 0; i < lines; ++i) {
        // One line in ten sets an earlier key again.
        const int key = i % 10 == 9 ? i / 2 : i;
        text += "KEY_" + QByteArray::number(key) + "=value_" + QByteArray::number(i) + '\n';
    }
    return text;
}

// The median of a few runs, in milliseconds.
double medianMs(const std::function<void()> &run, int rounds)
{
    QList<double> samples;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        run();
        samples.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

// A project folder holding only `fileName` with `bytes`.
class Folder
{
public:
    Folder(const QString &fileName, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(fileName));
        if (file.open(QIODevice::WriteOnly))
            file.write(bytes);
    }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

} // namespace

class BenchScaling : public QObject
{
    Q_OBJECT

private slots:
    void curve_data();
    void curve();
    void confJson();

private:
    static std::function<void()> job(const QString &name, int lines, std::shared_ptr<Folder> &keep);
};

std::function<void()> BenchScaling::job(const QString &name, int lines, std::shared_ptr<Folder> &keep)
{
    if (name == "check-conf"_L1 || name == "conf-analyze"_L1) {
        keep = std::make_shared<Folder>(u"postgresql.conf"_s, confText(lines));
        const QString folder = keep->path();
        const bool check = name == "check-conf"_L1;
        return [folder, check] {
            base::Result<project::Project> opened = project::Project::open(folder);
            QVERIFY(opened);
            project::Project project = std::move(opened).value();
            if (check)
                QVERIFY(!checks::ProjectChecker::check(project).isEmpty());
            else
                QCOMPARE(pgconf::ConfProjectAnalyzer::analyze(project).size(), 1);
        };
    }
    if (name == "hba-one-long-rule"_L1 || name == "hba-two-line-rules"_L1) {
        const QByteArray text = name == "hba-one-long-rule"_L1 ? hbaOneLongRule(lines) : hbaTwoLineRules(lines);
        return [text] { QVERIFY(hba::HbaParser::parse(text, u"/nonexistent/pg_hba.conf"_s).ok); };
    }
    const base::TextDocument document = base::TextDocument::fromBytes(envText(lines));
    return [document] { QVERIFY(!appconfig::EnvFile::parse(document, u".env"_s).keys().isEmpty()); };
}

void BenchScaling::curve_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("lines");
    const int conf = fullRun() ? 40000 : 2500;
    const int other = fullRun() ? 75000 : 2500;
    QTest::newRow("check-conf") << u"check-conf"_s << conf;
    QTest::newRow("conf-analyze") << u"conf-analyze"_s << conf;
    QTest::newRow("hba-one-long-rule") << u"hba-one-long-rule"_s << other;
    QTest::newRow("hba-two-line-rules") << u"hba-two-line-rules"_s << other;
    QTest::newRow("env") << u"env"_s << other;
}

void BenchScaling::curve()
{
    QFETCH(QString, name);
    QFETCH(int, lines);
    std::shared_ptr<Folder> smallFolder;
    std::shared_ptr<Folder> largeFolder;
    const std::function<void()> small = job(name, lines, smallFolder);
    const std::function<void()> large = job(name, 4 * lines, largeFolder);
    small(); // warm up (catalog, allocator)
    const int rounds = fullRun() ? 5 : 3;
    const double smallMs = medianMs(small, rounds);
    const double largeMs = medianMs(large, rounds);
    qInfo("%s: %d lines %.1f ms, %d lines %.1f ms: ratio %.2f (linear ~4, quadratic ~16)", qPrintable(name), lines,
          smallMs, 4 * lines, largeMs, largeMs / std::max(smallMs, 0.001));
}

void BenchScaling::confJson()
{
    const QList<int> sizes
        = fullRun() ? QList<int> {125000, 250000, 500000, 1000000} : QList<int> {10000, 20000, 40000};
    QList<double> totals;
    for (const int lines : sizes) {
        Folder folder(u"postgresql.conf"_s, confText(lines));
        const QString file = folder.path() + u"/postgresql.conf"_s;
        QElapsedTimer timer;
        timer.start();
        // The command's steps (app/cli/confcommand.cpp): open, read, judge, sort.
        base::Result<project::Project> opened = project::Project::openFile(file, project::FileKind::PostgresqlConf);
        QVERIFY(opened);
        project::Project project = std::move(opened).value();
        pgconf::ConfLoader loader(&project);
        const pgconf::ConfLoadResult load = loader.load(file);
        pgconf::ConfValidation validation
            = pgconf::ConfValidator(pgconf::ParameterCatalog::forVersion(17), 17).validate(load);
        base::Diagnostics diagnostics = std::move(validation.diagnostics);
        base::sortDiagnostics(diagnostics);
        const double analysisMs = timer.nsecsElapsed() / 1e6;

        // Streamed into a hash, as the command streams into stdout: nothing is kept.
        timer.restart();
        QCryptographicHash streamedHash(QCryptographicHash::Sha1);
        qint64 streamedBytes = 0;
        {
            base::JsonWriter writer([&](QByteArrayView piece) {
                streamedHash.addData(piece);
                streamedBytes += piece.size();
            });
            writer.beginObject();
            writer.key("diagnostics"_L1);
            base::DiagnosticFormatter::writeJson(writer, diagnostics);
            writer.key("file_settings"_L1);
            pgconf::writeConfFileSettingsJson(writer, load, &validation);
            writer.key("ok"_L1);
            writer.boolean(validation.ok);
            writer.endObject();
        }
        const double streamedMs = timer.nsecsElapsed() / 1e6;

        timer.restart();
        const QByteArray tree
            = QJsonDocument(
                  QJsonObject {
                      {u"ok"_s, validation.ok},
                      {u"file_settings"_s, pgconf::confFileSettingsToJson(pgconf::confFileSettings(load, &validation))},
                      {u"diagnostics"_s, base::DiagnosticFormatter::toJson(diagnostics)},
                  })
                  .toJson(QJsonDocument::Indented);
        const double treeMs = timer.nsecsElapsed() / 1e6;
        QCOMPARE(streamedBytes, tree.size());
        QCOMPARE(streamedHash.result(), QCryptographicHash::hash(tree, QCryptographicHash::Sha1));

        totals.append(analysisMs + streamedMs);
        qInfo("conf-json: %7d lines, %3lld MB of JSON: read+judge %.0f ms; report streamed %.0f ms, as a tree %.0f ms "
              "(tree/streamed %.2f); total %.0f ms%s",
              lines, qint64(tree.size() >> 20), analysisMs, streamedMs, treeMs, treeMs / std::max(streamedMs, 0.001),
              totals.last(),
              totals.size() > 1 ? qPrintable(u", x%1 of the half size (linear ~2)"_s.arg(
                  totals.last() / std::max(totals.at(totals.size() - 2), 0.001), 0, 'f', 2))
                                : "");
    }
}

QTEST_GUILESS_MAIN(BenchScaling)
#include "bench_scaling.moc"
