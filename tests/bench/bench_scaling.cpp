// How the parsers scale with the size of their input (issue 16, items 9 and 10): each case is
// timed at a size and at 4x that size in the same run, and the ratio printed. Linear code gives
// about 4; a quadratic step gives about 16.
//  - check on a postgresql.conf (the whole ProjectChecker, with its fixes), many overridden lines;
//  - postgresql.conf read + judged (ConfProjectAnalyzer);
//  - pg_hba.conf: one rule continued over every line, and many two-line rules;
//  - .env: distinct keys, with some set twice.
// Inputs are generated here. Quick by default (2,500 / 10,000 lines) so it costs ctest little;
// PGDIAL_BENCH=1 measures 40,000 / 160,000 lines (the .env and hba cases 75,000 / 300,000).
#include "appconfig/envfile.h"
#include "base/textdocument.h"
#include "checks/projectchecker.h"
#include "hba/hbaparser.h"
#include "pgconf/confprojectanalyzer.h"
#include "project/project.h"

#include <QElapsedTimer>
#include <QFile>
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

QTEST_GUILESS_MAIN(BenchScaling)
#include "bench_scaling.moc"
