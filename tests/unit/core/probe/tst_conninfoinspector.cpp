#include "probe/conninfoinspector.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using pgdial::core::probe::ConninfoInspector;

// The parse stage: libpq's parser, and where every value comes from, in libpq's order.
class tst_ConninfoInspector final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void invalid_data();
    void invalid();
    void sourcesFromStringEnvironmentDefault();
    void serviceFile();
    void missingService();
    void passwordFile();
    void passwordFileWithLooseModeIsIgnored();
    void uriHostsAndPorts();
    void systemRootsDefaultToVerifyFull();
    void masking_data();
    void masking();

private:
    QTemporaryDir m_home;
    void write(const QString &name, const QByteArray &bytes, int mode = 0600);
};

void tst_ConninfoInspector::init()
{
    qputenv("HOME", m_home.path().toUtf8());
    for (const char *name : {"PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGSSLMODE", "PGSERVICE", "PGSERVICEFILE",
                             "PGPASSWORD", "PGPASSFILE", "PGSYSCONFDIR"})
        qunsetenv(name);
    qputenv("PGSYSCONFDIR", m_home.path().toUtf8());
}

void tst_ConninfoInspector::cleanup()
{
    QFile::remove(m_home.path() + QStringLiteral("/.pgpass"));
    QFile::remove(m_home.path() + QStringLiteral("/.pg_service.conf"));
}

void tst_ConninfoInspector::write(const QString &name, const QByteArray &bytes, int mode)
{
    QFile file(m_home.path() + QLatin1Char('/') + name);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    ::chmod(QFile::encodeName(file.fileName()).constData(), mode_t(mode));
}

void tst_ConninfoInspector::invalid_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown keyword") << QStringLiteral("hots=x")
                                     << QStringLiteral("invalid connection option \"hots\"");
    QTest::newRow("missing equals") << QStringLiteral("host") << QStringLiteral("missing \"=\" after \"host\"");
    QTest::newRow("bad sslmode") << QStringLiteral("sslmode=verify_full") << QStringLiteral("invalid sslmode value");
    QTest::newRow("bad port") << QStringLiteral("port=54x") << QStringLiteral("invalid port number");
    QTest::newRow("system roots with require")
        << QStringLiteral("sslmode=require sslrootcert=system") << QStringLiteral("weak sslmode \"require\"");
    QTest::newRow("bad uri") << QStringLiteral("postgresql://u:p@h:5432/db?sslfoo=1")
                             << QStringLiteral("invalid URI query parameter");
}

void tst_ConninfoInspector::invalid()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, error);
    const ConninfoInspector inspector(conninfo);
    QVERIFY(!inspector.isValid());
    QVERIFY2(inspector.error().contains(error), qPrintable(inspector.error()));
    QCOMPARE(inspector.toStage().verdict, pgdial::core::probe::Verdict::InvalidConninfo);
}

void tst_ConninfoInspector::sourcesFromStringEnvironmentDefault()
{
    qputenv("PGUSER", "envuser");
    const ConninfoInspector inspector(QStringLiteral("host=db.example port=6432"));
    QVERIFY(inspector.isValid());
    QCOMPARE(inspector.source(QStringLiteral("host")), QStringLiteral("string"));
    QCOMPARE(inspector.value(QStringLiteral("user")), QStringLiteral("envuser"));
    QCOMPARE(inspector.source(QStringLiteral("user")), QStringLiteral("environment PGUSER"));
    QCOMPARE(inspector.value(QStringLiteral("sslmode")), QStringLiteral("prefer"));
    QCOMPARE(inspector.source(QStringLiteral("sslmode")), QStringLiteral("default"));
    QCOMPARE(inspector.value(QStringLiteral("dbname")), QStringLiteral("envuser"));
    QCOMPARE(inspector.source(QStringLiteral("dbname")), QStringLiteral("default (user name)"));
    qunsetenv("PGUSER");
    const ConninfoInspector noHost(QStringLiteral("user=u"));
    QCOMPARE(noHost.value(QStringLiteral("host")), QStringLiteral("/var/run/postgresql"));
    QCOMPARE(noHost.value(QStringLiteral("port")), QStringLiteral("5432"));
}

void tst_ConninfoInspector::serviceFile()
{
    write(QStringLiteral(".pg_service.conf"),
          "# comment\n[other]\nhost=wrong\n[app]\nhost=svc.example\nport=7777\n"
          "user=svcuser\n");
    qputenv("PGHOST", "envhost");
    const ConninfoInspector inspector(QStringLiteral("service=app port=1234"));
    qunsetenv("PGHOST");
    QVERIFY2(inspector.isValid(), qPrintable(inspector.error()));
    // The service file comes before the environment; the string before both.
    QCOMPARE(inspector.value(QStringLiteral("host")), QStringLiteral("svc.example"));
    QVERIFY(inspector.source(QStringLiteral("host")).startsWith(QLatin1String("service file ")));
    QCOMPARE(inspector.value(QStringLiteral("port")), QStringLiteral("1234"));
    QCOMPARE(inspector.value(QStringLiteral("user")), QStringLiteral("svcuser"));
}

void tst_ConninfoInspector::missingService()
{
    const ConninfoInspector inspector(QStringLiteral("service=nowhere"));
    QVERIFY(!inspector.isValid());
    QVERIFY(inspector.error().contains(QLatin1String("nowhere")));
}

void tst_ConninfoInspector::passwordFile()
{
    write(QStringLiteral(".pgpass"),
          "otherhost:5432:*:app:nope\ndb.example:5432:appdb:app:s3cr\\:et\n*:*:*:*:fallback\n");
    const ConninfoInspector inspector(QStringLiteral("host=db.example user=app dbname=appdb"));
    QCOMPARE(inspector.value(QStringLiteral("password")), QStringLiteral("s3cr:et"));
    QVERIFY(inspector.source(QStringLiteral("password")).startsWith(QLatin1String("password file ")));
    // The stage shows where the password came from, never the password.
    const auto stage = inspector.toStage();
    QVERIFY(stage.detail.contains(QLatin1String("password file")));
    QVERIFY(!stage.lines.join(QLatin1Char('\n')).contains(QLatin1String("s3cr")));
    // Socket connections match the "localhost" lines.
    const ConninfoInspector local(QStringLiteral("host=/tmp user=x"));
    QCOMPARE(local.value(QStringLiteral("password")), QStringLiteral("fallback"));
}

void tst_ConninfoInspector::passwordFileWithLooseModeIsIgnored()
{
    write(QStringLiteral(".pgpass"), "*:*:*:*:pw\n", 0644);
    const ConninfoInspector inspector(QStringLiteral("host=db user=app"));
    QVERIFY(inspector.value(QStringLiteral("password")).isEmpty());
}

void tst_ConninfoInspector::uriHostsAndPorts()
{
    const ConninfoInspector inspector(
        QStringLiteral("postgresql://app:pw@a.example:5433,b.example/appdb?sslmode=require"));
    QVERIFY(inspector.isValid());
    QCOMPARE(inspector.hosts(), (QStringList {QStringLiteral("a.example"), QStringLiteral("b.example")}));
    QCOMPARE(inspector.ports(), (QStringList {QStringLiteral("5433"), QStringLiteral("5432")}));
    QCOMPARE(inspector.value(QStringLiteral("sslmode")), QStringLiteral("require"));
    QVERIFY(!inspector.maskedConninfo().contains(QLatin1String("pw")));
}

void tst_ConninfoInspector::systemRootsDefaultToVerifyFull()
{
    const ConninfoInspector inspector(QStringLiteral("host=db sslrootcert=system"));
    QVERIFY2(inspector.isValid(), qPrintable(inspector.error()));
    QCOMPARE(inspector.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
}

void tst_ConninfoInspector::masking_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("key value") << QStringLiteral("host=h password=hunter2 user=u");
    QTest::newRow("quoted") << QStringLiteral("host=h password='hun ter2' user=u");
    QTest::newRow("url") << QStringLiteral("postgresql://u:hunter2@h/db");
    QTest::newRow("url query") << QStringLiteral("postgresql://u@h/db?password=hunter2&sslmode=require");
}

void tst_ConninfoInspector::masking()
{
    QFETCH(QString, text);
    const QString masked = ConninfoInspector::maskConninfoText(text);
    QVERIFY2(!masked.contains(QLatin1String("hunter2")) && !masked.contains(QLatin1String("ter2")), qPrintable(masked));
    QVERIFY(masked.contains(QLatin1Char('h')));
}

QTEST_GUILESS_MAIN(tst_ConninfoInspector)
#include "tst_conninfoinspector.moc"
