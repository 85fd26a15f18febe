#include "unit/core/hba/hbatesthelpers.h"

#include "hba/hbalint.h"

#include <QtTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::hba;
using pgdial::test::hba::parseHba;

namespace {

ServerSettingLookup settings(const QHash<QString, QString> &values)
{
    return [values](const QString &name) -> std::optional<ServerSetting> {
        if (!values.contains(name))
            return std::nullopt;
        return ServerSetting {name, values.value(name), QStringLiteral("postgresql.conf"), 1};
    };
}

QStringList codesAt(const Diagnostics &diagnostics, int line)
{
    QStringList codes;
    for (const Diagnostic &d : diagnostics) {
        if (d.line == line)
            codes.append(d.code);
    }
    codes.sort();
    return codes;
}

} // namespace

class TestHbaLint : public QObject
{
    Q_OBJECT

private slots:
    void warnings_data();
    void warnings();
    void unknownNamesAreInfos();
    void catchAllFirstListsHiddenRules();
    void hostBitsFix();
};

void TestHbaLint::hostBitsFix()
{
    const QByteArray text = "host    app   app   192.168.1.77/24   scram-sha-256\n";
    const HbaFile parsed = parseHba(text);
    const TextDocument document = TextDocument::fromBytes(text);
    HbaLintOptions options;
    options.document = [&document](const QString &) { return &document; };
    const Diagnostics diagnostics = HbaLint::lint(parsed, options);
    const auto found = std::find_if(diagnostics.cbegin(), diagnostics.cend(),
                                    [](const Diagnostic &d) { return d.code == "hba.cidr-host-bits"; });
    QVERIFY(found != diagnostics.cend());
    QVERIFY(found->fix);
    TextDocument fixed = document;
    for (const LineEdit &edit : found->fix->edits)
        fixed.apply(edit);
    QCOMPARE(fixed.toBytes(), QByteArray("host    app   app   192.168.1.0/24    scram-sha-256\n"));
}

void TestHbaLint::warnings_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("settingsList"); // name=value
    QTest::addColumn<int>("major");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("trust on local is fine")
        << QByteArray("local all all trust") << QStringList {} << 17 << QStringList {};
    QTest::newRow("trust on network") << QByteArray("host all all 127.0.0.1/32 trust") << QStringList {} << 17
                                      << QStringList {"hba.trust-remote"};
    QTest::newRow("password method") << QByteArray("hostssl all all 10.0.0.0/8 password") << QStringList {} << 17
                                     << QStringList {"hba.password-method"};
    QTest::newRow("md5 with default scram (14+)")
        << QByteArray("hostssl all all 10.0.0.0/8 md5") << QStringList {} << 17 << QStringList {"hba.md5-with-scram"};
    QTest::newRow("md5 with md5 encryption") << QByteArray("hostssl all all 10.0.0.0/8 md5")
                                             << QStringList {"password_encryption=md5"} << 17 << QStringList {};
    QTest::newRow("md5 on 13 default") << QByteArray("hostssl all all 10.0.0.0/8 md5") << QStringList {} << 13
                                       << QStringList {};
    QTest::newRow("md5 with explicit scram on 13")
        << QByteArray("hostssl all all 10.0.0.0/8 md5") << QStringList {"password_encryption=scram-sha-256"} << 13
        << QStringList {"hba.md5-with-scram"};
    QTest::newRow("host password method remote") << QByteArray("host all all 10.0.0.0/8 scram-sha-256")
                                                 << QStringList {} << 17 << QStringList {"hba.password-without-ssl"};
    QTest::newRow("hostnossl password method remote")
        << QByteArray("hostnossl all all db.example.com scram-sha-256") << QStringList {} << 17
        << QStringList {"hba.password-without-ssl"};
    QTest::newRow("host loopback is fine")
        << QByteArray("host all all 127.0.0.1/32 scram-sha-256") << QStringList {} << 17 << QStringList {};
    QTest::newRow("host ipv6 loopback is fine")
        << QByteArray("host all all ::1/128 scram-sha-256") << QStringList {} << 17 << QStringList {};
    QTest::newRow("world open") << QByteArray("hostssl all all 0.0.0.0/0 scram-sha-256") << QStringList {} << 17
                                << QStringList {"hba.open-to-all-addresses"};
    QTest::newRow("world open ipv6") << QByteArray("hostssl all all ::/0 scram-sha-256") << QStringList {} << 17
                                     << QStringList {"hba.open-to-all-addresses"};
    QTest::newRow("world reject is fine")
        << QByteArray("host all all 0.0.0.0/0 reject") << QStringList {} << 17 << QStringList {};
    QTest::newRow("hostssl with ssl off") << QByteArray("hostssl app app 10.0.0.0/8 scram-sha-256")
                                          << QStringList {"ssl=off"} << 17 << QStringList {"hba.hostssl-ssl-off"};
    QTest::newRow("hostssl with ssl on") << QByteArray("hostssl app app 10.0.0.0/8 scram-sha-256")
                                         << QStringList {"ssl=on"} << 17 << QStringList {};
    QTest::newRow("cert without ca") << QByteArray("hostssl app app 10.0.0.0/8 cert") << QStringList {} << 17
                                     << QStringList {"hba.cert-without-ca"};
    QTest::newRow("cert with ca") << QByteArray("hostssl app app 10.0.0.0/8 cert") << QStringList {"ssl_ca_file=ca.crt"}
                                  << 17 << QStringList {};
    QTest::newRow("clientcert without ca")
        << QByteArray("hostssl app app 10.0.0.0/8 scram-sha-256 clientcert=verify-ca") << QStringList {} << 17
        << QStringList {"hba.cert-without-ca"};
    QTest::newRow("host bits") << QByteArray("hostssl app app 192.168.1.77/24 scram-sha-256") << QStringList {} << 17
                               << QStringList {"hba.cidr-host-bits"};
}

void TestHbaLint::warnings()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, settingsList);
    QFETCH(int, major);
    QFETCH(QStringList, expected);
    QHash<QString, QString> values;
    for (const QString &entry : settingsList)
        values.insert(entry.section('=', 0, 0), entry.section('=', 1));
    const HbaFile parsed = parseHba(line + '\n', major);
    QVERIFY(parsed.ok);
    HbaLintOptions options;
    options.majorVersion = major;
    options.settings = settings(values);
    const Diagnostics diagnostics = HbaLint::lint(parsed, options);
    QCOMPARE(codesAt(diagnostics, 1), expected);
    for (const Diagnostic &d : diagnostics) {
        QCOMPARE(d.severity, Severity::Warning);
        QVERIFY(!d.message.isEmpty());
        QVERIFY(!d.suggestion.isEmpty());
        QVERIFY(d.column > 0);
        QCOMPARE(d.file, QString("pg_hba.conf"));
    }
}

void TestHbaLint::unknownNamesAreInfos()
{
    const HbaFile parsed = parseHba("hostssl app,legacy alice,+staff,ghost 10.0.0.0/8 scram-sha-256\n");
    HbaLintOptions options;
    options.knownRoles = QSet<QString> {"alice", "staff"};
    options.knownDatabases = QSet<QString> {"app"};
    const Diagnostics diagnostics = HbaLint::lint(parsed, options);
    QStringList infos;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Info)
            infos.append(d.code + ':' + d.message.section('"', 1, 1));
    }
    QCOMPARE(infos, QStringList({"hba.unknown-role:ghost", "hba.unknown-database:legacy"}));
    // Without the sets there is nothing to compare with.
    QVERIFY(codesAt(HbaLint::lint(parsed, HbaLintOptions {}), 1).isEmpty());
}

void TestHbaLint::catchAllFirstListsHiddenRules()
{
    const HbaFile parsed = parseHba("local all all peer\n"
                                    "local app alice scram-sha-256\n"
                                    "hostssl app alice 10.0.0.0/8 scram-sha-256\n");
    const Diagnostics diagnostics = HbaLint::lint(parsed, HbaLintOptions {});
    QCOMPARE(codesAt(diagnostics, 1), QStringList {"hba.catch-all-first"});
    QCOMPARE(diagnostics.first().related, QStringList {"pg_hba.conf:2"});
}

QTEST_GUILESS_MAIN(TestHbaLint)
#include "tst_hbalint.moc"
