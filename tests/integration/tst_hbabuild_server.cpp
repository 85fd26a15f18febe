#include "hba/hbaparser.h"
#include "support/clirunner.h"
#include "support/hbaserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pgdial::core::hba;
using pgdial::test::HbaServer;
using pgdial::test::HbaServerVerdict;
using pgdial::test::PgInstallation;

// Build features decide pg_hba.conf: a server built without LDAP, GSSAPI or PAM refuses `ldap`,
// `gss`, `pam` rules ("not supported by this build") and never matches `hostgssenc` lines. Each
// real server says what it was built with (the CONFIGURE row of its pg_config view); given those
// features (HbaParseOptions::forServer, `--build-features`), pgdial's verdict must be the server's:
// the same error on each line, the same reload outcome. The npm servers are built without the
// three libraries, Debian's 15 with them, so both sides are exercised.
class tst_HbaBuildServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agreesWithServer_data();
    void agreesWithServer();
};

namespace {

// One line per build-dependent construct; the first keeps the test's own connection possible.
const QByteArray buildDependentRules = "local all all trust\n"
                                       "host all all 10.0.0.0/8 ldap ldapserver=ldap.example.com "
                                       "ldapbasedn=\"dc=example,dc=com\"\n"
                                       "host all all 10.0.0.0/8 gss include_realm=0\n"
                                       "host all all 10.0.0.0/8 pam pamservice=postgresql\n"
                                       "hostgssenc all all 10.0.0.0/8 scram-sha-256\n"
                                       "host all all 127.0.0.1/32 trust\n";

// The features pgdial knows of, from `./configure`'s options as pg_config reports them.
QSet<QString> featuresFromConfigure(const QString &configure)
{
    QSet<QString> features;
    if (configure.contains(QStringLiteral("--with-openssl"))
        || configure.contains(QStringLiteral("--with-ssl=openssl")))
        features.insert(QStringLiteral("ssl"));
    for (const char *name : {"ldap", "gssapi", "pam", "lz4", "zstd", "liburing", "bonjour"}) {
        if (configure.contains(QStringLiteral("--with-") + QLatin1String(name)))
            features.insert(QLatin1String(name));
    }
    return features;
}

} // namespace

void tst_HbaBuildServer::initTestCase()
{
    if (PgInstallation::available().isEmpty())
        QSKIP("no PostgreSQL installation");
}

void tst_HbaBuildServer::agreesWithServer_data()
{
    QTest::addColumn<int>("major");
    for (const PgInstallation &installation : PgInstallation::available())
        QTest::addRow("pg%d", installation.major) << installation.major;
}

void tst_HbaBuildServer::agreesWithServer()
{
    QFETCH(int, major);
    HbaServer server(major);
    QVERIFY2(server.start(), qPrintable(server.errorString()));

    const auto configure = server.query(QStringLiteral("select setting from pg_config where name = 'CONFIGURE'"));
    QVERIFY2(configure.ok && configure.rows.size() == 1, qPrintable(configure.error));
    const QSet<QString> features = featuresFromConfigure(configure.rows.first().first());
    QStringList names(features.cbegin(), features.cend());
    names.sort();
    qInfo("PostgreSQL %d (%s) built with: %s", major, qPrintable(server.server().installation().binDir),
          qPrintable(names.join(QStringLiteral(","))));
    // The test servers are the two kinds the issue names: npm's without the libraries, Debian's with.
    const bool debian = server.server().installation().binDir.startsWith(QStringLiteral("/usr/lib/postgresql"));
    for (const char *feature : {"ldap", "gssapi", "pam"})
        QCOMPARE(features.contains(QLatin1String(feature)), debian);

    HbaParseOptions options = HbaParseOptions::forServer(major, features);
    options.sslEnabled = false; // the test servers run with ssl = off
    // What the server refuses as "not supported by this build", asked line by line.
    QCOMPARE(*options.unsupportedMethods, server.unsupportedMethods());
    QCOMPARE(options.gssEncSupported, server.gssEncSupported());

    QVERIFY(server.writeHbaFile(QStringLiteral("pg_hba.conf"), buildDependentRules));
    const HbaServerVerdict verdict = server.evaluate(true);
    QVERIFY2(verdict.queried, qPrintable(verdict.queryError));
    const HbaFile parsed = HbaParser::parseFile(server.hbaFile(), options);
    QCOMPARE(parsed.rules.size(), verdict.rows.size());
    for (qsizetype i = 0; i < parsed.rules.size(); ++i) {
        const HbaRule &rule = parsed.rules.at(i);
        QCOMPARE(rule.line, verdict.rows.at(i).lineNumber);
        QCOMPARE(rule.viewError.isEmpty() ? QString() : rule.viewError, verdict.rows.at(i).error);
    }
    if (parsed.ok != verdict.reloadAccepted)
        qWarning().noquote() << "server log:" << QString::fromUtf8(verdict.reloadLog);
    QCOMPARE(parsed.ok, verdict.reloadAccepted);
    QCOMPARE(verdict.reloadAccepted, debian);

    // The CLI with the same features says the same; without them it loads the file with a
    // warning per build-dependent line (the build is unknown).
    const QString featureList = names.join(u',');
    const auto known = pgdial::test::runCli({QStringLiteral("hba"), server.hbaFile(), QStringLiteral("--json"),
                                             QStringLiteral("--pg-version"), QString::number(major),
                                             QStringLiteral("--build-features"), featureList});
    const QJsonObject report = QJsonDocument::fromJson(known.out).object();
    QCOMPARE(report.value(QStringLiteral("ok")).toBool(), verdict.reloadAccepted);
    QCOMPARE(known.exitCode, verdict.reloadAccepted ? 0 : 1);
    const QJsonArray rows = report.value(QStringLiteral("rules")).toArray();
    QCOMPARE(rows.size(), verdict.rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        QCOMPARE(rows.at(i).toObject().value(QStringLiteral("error")).toString(), verdict.rows.at(i).error);

    const auto unknown
        = pgdial::test::runCli({QStringLiteral("hba"), QStringLiteral("lint"), server.hbaFile(),
                                QStringLiteral("--json"), QStringLiteral("--pg-version"), QString::number(major)});
    QCOMPARE(unknown.exitCode, 0);
    QStringList codes;
    for (const QJsonValue &diagnostic :
         QJsonDocument::fromJson(unknown.out).object().value(QStringLiteral("diagnostics")).toArray()) {
        const QJsonObject object = diagnostic.toObject();
        if (object.value(QStringLiteral("code")).toString().startsWith(QStringLiteral("hba.build-dependent"))) {
            QCOMPARE(object.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
            codes << QString::number(object.value(QStringLiteral("line")).toInt()) + u' '
                    + object.value(QStringLiteral("code")).toString();
        }
    }
    QCOMPARE(
        codes,
        (QStringList {QStringLiteral("2 hba.build-dependent-method"), QStringLiteral("3 hba.build-dependent-method"),
                      QStringLiteral("4 hba.build-dependent-method"), QStringLiteral("5 hba.build-dependent-type")}));
    QVERIFY(server.restoreTrust());
}

QTEST_GUILESS_MAIN(tst_HbaBuildServer)
#include "tst_hbabuild_server.moc"
