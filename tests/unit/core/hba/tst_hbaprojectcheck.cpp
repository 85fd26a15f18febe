#include "checks/projectchecker.h"
#include "project/project.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace pgdial::core;
using namespace pgdial::core::checks;
using namespace pgdial::core::base;
using namespace pgdial::core::project;

class TestHbaProjectCheck : public QObject
{
    Q_OBJECT

private slots:
    void projectCheckCoversEveryHbaFile();
};

void TestHbaProjectCheck::projectCheckCoversEveryHbaFile()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QVERIFY(QDir(folder.path()).mkpath("db/conf"));
    QFile hba(folder.path() + "/db/conf/pg_hba.conf");
    QVERIFY(hba.open(QIODevice::WriteOnly));
    hba.write("local all all peer\n"
              "local app alice scram-sha-256\n"
              "host all all 10.0.0.0/8 trust\n");
    hba.close();
    QFile broken(folder.path() + "/pg_hba.conf");
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("hots all all 10.0.0.0/8 md5\n");
    broken.close();

    Result<Project> project = Project::open(folder.path());
    QVERIFY(project);
    project->settings.pgVersion = 16;
    const Diagnostics diagnostics = ProjectChecker::check(*project);
    QStringList found;
    for (const Diagnostic &d : diagnostics)
        found.append(QStringLiteral("%1:%2 %3").arg(d.file).arg(d.line).arg(d.code));
    QVERIFY2(found.contains("db/conf/pg_hba.conf:2 hba.shadowed-rule"), qPrintable(found.join('\n')));
    QVERIFY2(found.contains("db/conf/pg_hba.conf:3 hba.trust-remote"), qPrintable(found.join('\n')));
    // The broken file gets its validation error and nothing else (no lint on a file the server refuses).
    QStringList brokenCodes;
    for (const Diagnostic &d : diagnostics) {
        if (d.file == "pg_hba.conf")
            brokenCodes.append(d.code);
    }
    QVERIFY2(!brokenCodes.isEmpty(), qPrintable(found.join('\n')));
    QVERIFY(hasErrors(diagnostics));
    for (const QString &code : brokenCodes)
        QVERIFY2(!code.startsWith("hba.trust") && !code.startsWith("hba.shadowed"), qPrintable(code));
}

QTEST_GUILESS_MAIN(TestHbaProjectCheck)
#include "tst_hbaprojectcheck.moc"
