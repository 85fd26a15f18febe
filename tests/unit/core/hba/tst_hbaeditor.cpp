#include "unit/core/hba/hbatesthelpers.h"

#include "hba/hbaeditor.h"
#include "hba/hbamatcher.h"
#include "hba/hbarejection.h"

#include <QtTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::hba;
using pgdial::test::hba::parseHba;

namespace {

// Applies an edit, checks that its inverse restores the exact bytes, returns the edited text.
QByteArray applied(const QByteArray &original, const HbaEdit &edit)
{
    TextDocument document = TextDocument::fromBytes(original);
    const LineEdit inverse = document.apply(edit.edit);
    const QByteArray result = document.toBytes();
    document.apply(inverse);
    if (document.toBytes() != original)
        return "inverse does not restore the file";
    return result;
}

const QByteArray aligned = "# TYPE  DATABASE        USER            ADDRESS                 METHOD\n"
                           "local   all             postgres                                peer\n"
                           "\n"
                           "host    all             all             127.0.0.1/32            scram-sha-256 # loopback\n"
                           "host    app             alice           10.0.0.0/8              md5\n";

} // namespace

class TestHbaEditor : public QObject
{
    Q_OBJECT

private slots:
    void insertKeepsAlignment();
    void insertSingleSpacedAndTabs();
    void deleteRule();
    void duplicateRule();
    void moveRule();
    void disableAndEnable();
    void editField();
    void editFieldKeepsComment();
    void setComment();
    void quoteName();
    void rejectionParsing_data();
    void rejectionParsing();
    void proposal();
    void proposalKeepsTlsPolicy();
    void proposalSaysItBypassesAReject();
};

void TestHbaEditor::insertKeepsAlignment()
{
    const TextDocument document = TextDocument::fromBytes(aligned);
    const HbaEdit edit
        = HbaEditor::insertRule(document, "pg_hba.conf", 5, {"hostssl", "app", "bob", "10.1.2.3/32", "scram-sha-256"});
    QCOMPARE(applied(aligned, edit).split('\n').at(4),
             QByteArray("hostssl all             bob             10.1.2.3/32             scram-sha-256")
                 .replace("all    ", "app    "));
    const HbaEdit local = HbaEditor::insertRule(document, "pg_hba.conf", 6, {"local", "app", "alice", "md5"});
    QCOMPARE(applied(aligned, local).split('\n').at(5),
             QByteArray("local   app             alice                                   md5"));
}

void TestHbaEditor::insertSingleSpacedAndTabs()
{
    const QByteArray plain = "local all all peer\nhost all all 127.0.0.1/32 md5";
    const HbaEdit edit
        = HbaEditor::insertRule(TextDocument::fromBytes(plain), "f", 3, {"host", "a", "b", "::1/128", "md5"});
    QCOMPARE(applied(plain, edit),
             QByteArray("local all all peer\nhost all all 127.0.0.1/32 md5\nhost a b ::1/128 md5"));
    const QByteArray tabs = "local\tall\tall\tpeer\n";
    const HbaEdit tabbed = HbaEditor::insertRule(TextDocument::fromBytes(tabs), "f", 1, {"local", "a", "b", "md5"});
    QCOMPARE(applied(tabs, tabbed), QByteArray("local\ta\tb\tmd5\nlocal\tall\tall\tpeer\n"));
}

void TestHbaEditor::deleteRule()
{
    const HbaFile parsed = parseHba(aligned);
    const auto edit = HbaEditor::deleteRule(TextDocument::fromBytes(aligned), parsed.rules.at(1));
    QVERIFY(edit);
    QCOMPARE(applied(aligned, *edit), QByteArray(aligned).replace(aligned.split('\n').at(3) + '\n', ""));
}

void TestHbaEditor::duplicateRule()
{
    const HbaFile parsed = parseHba(aligned);
    const auto edit = HbaEditor::duplicateRule(TextDocument::fromBytes(aligned), parsed.rules.at(1));
    QVERIFY(edit);
    const QByteArray line = aligned.split('\n').at(3) + '\n';
    QCOMPARE(applied(aligned, *edit), QByteArray(aligned).replace(line, line + line));
    // The last line without a newline: the original gets one, the copy ends the file without.
    const QByteArray noFinalNewline = "local all all peer\nhost all all ::1/128 trust";
    const HbaFile last = parseHba(noFinalNewline);
    const auto copy = HbaEditor::duplicateRule(TextDocument::fromBytes(noFinalNewline), last.rules.at(1));
    QVERIFY(copy);
    QCOMPARE(applied(noFinalNewline, *copy), noFinalNewline + "\nhost all all ::1/128 trust");
}

void TestHbaEditor::moveRule()
{
    const QByteArray crlf = "local a a peer\r\n# keep me\r\nhost b b 10.0.0.0/8 md5\r\nhost c c all md5";
    const HbaFile parsed = parseHba(crlf);
    const TextDocument document = TextDocument::fromBytes(crlf);
    const auto up = HbaEditor::moveRule(document, parsed.rules.at(2), 1);
    QVERIFY(up);
    QCOMPARE(applied(crlf, *up),
             QByteArray("host c c all md5\r\nlocal a a peer\r\n# keep me\r\nhost b b 10.0.0.0/8 md5"));
    const auto down = HbaEditor::moveRule(document, parsed.rules.at(0), 5);
    QVERIFY(down);
    QCOMPARE(applied(crlf, *down),
             QByteArray("# keep me\r\nhost b b 10.0.0.0/8 md5\r\nhost c c all md5\r\nlocal a a peer"));
    QVERIFY(!HbaEditor::moveRule(document, parsed.rules.at(1), 3)); // already there
}

void TestHbaEditor::disableAndEnable()
{
    const QByteArray text = "local all all peer\nhost all all all md5\n";
    const HbaFile parsed = parseHba(text);
    const auto disabled = HbaEditor::disableRule(TextDocument::fromBytes(text), parsed.rules.at(1));
    QVERIFY(disabled);
    const QByteArray off = applied(text, *disabled);
    QCOMPARE(off, QByteArray("local all all peer\n#host all all all md5\n"));
    const auto enabled = HbaEditor::enableLine(TextDocument::fromBytes(off), "pg_hba.conf", 2);
    QVERIFY(enabled);
    QCOMPARE(applied(off, *enabled), text);
    const QByteArray sample = "# local all all peer\n# a plain comment\n";
    QCOMPARE(applied(sample, *HbaEditor::enableLine(TextDocument::fromBytes(sample), "f", 1)),
             QByteArray("local all all peer\n# a plain comment\n"));
    QVERIFY(!HbaEditor::enableLine(TextDocument::fromBytes(sample), "f", 2));
}

void TestHbaEditor::editField()
{
    const HbaFile parsed = parseHba(aligned);
    const TextDocument document = TextDocument::fromBytes(aligned);
    const HbaRule &rule = parsed.rules.at(2); // host app alice 10.0.0.0/8 md5
    const auto method = HbaEditor::editField(document, rule, HbaField::Method, "scram-sha-256");
    QVERIFY(method);
    QCOMPARE(applied(aligned, *method).split('\n').at(4),
             QByteArray("host    app             alice           10.0.0.0/8              scram-sha-256"));
    const auto address = HbaEditor::editField(document, rule, HbaField::Address, "10.20.30.0/24");
    QVERIFY(address);
    QCOMPARE(applied(aligned, *address).split('\n').at(4),
             QByteArray("host    app             alice           10.20.30.0/24           md5"));
    const auto user = HbaEditor::editField(document, rule, HbaField::User, "a_very_long_role_name");
    QCOMPARE(applied(aligned, *user).split('\n').at(4),
             QByteArray("host    app             a_very_long_role_name 10.0.0.0/8              md5"));
    const auto options = HbaEditor::editField(document, rule, HbaField::Options, "clientcert=verify-ca");
    QVERIFY(options);
    QVERIFY(applied(aligned, *options).split('\n').at(4).endsWith("md5 clientcert=verify-ca"));
    // Only line 5 changed.
    QCOMPARE(method->edit.firstIndex, 4);
    QCOMPARE(method->edit.removeCount, 1);
}

void TestHbaEditor::editFieldKeepsComment()
{
    const QByteArray input = "host  all  app  10.0.0.0/8  scram-sha-256  # office\nlocal all all peer map=x # m\n";
    const HbaFile parsed = parseHba(input);
    const TextDocument document = TextDocument::fromBytes(input);
    const HbaRule &host = parsed.rules.at(0);
    for (const HbaField field :
         {HbaField::Type, HbaField::Database, HbaField::User, HbaField::Address, HbaField::Method, HbaField::Options}) {
        const QString text = field == HbaField::Type ? QStringLiteral("hostssl")
            : field == HbaField::Address             ? QStringLiteral("192.168.0.0/16")
            : field == HbaField::Method              ? QStringLiteral("md5")
            : field == HbaField::Options             ? QStringLiteral("clientcert=verify-full")
                                                     : QStringLiteral("other");
        const auto edit = HbaEditor::editField(document, host, field, text);
        QVERIFY(edit);
        QVERIFY2(applied(input, *edit).split('\n').at(0).endsWith("  # office"), applied(input, *edit).constData());
    }
    const auto options = HbaEditor::editField(document, parsed.rules.at(1), HbaField::Options, "map=y");
    QVERIFY(options);
    QCOMPARE(applied(input, *options).split('\n').at(1), QByteArray("local all all peer map=y # m"));
}

void TestHbaEditor::setComment()
{
    const QByteArray input = "host  all  app  10.0.0.0/8  scram-sha-256    # office\nlocal all all peer map=x\n";
    const HbaFile parsed = parseHba(input);
    const TextDocument document = TextDocument::fromBytes(input);
    const auto replaced = HbaEditor::setComment(document, parsed.rules.at(0), "VPN");
    QVERIFY(replaced);
    QCOMPARE(applied(input, *replaced),
             QByteArray("host  all  app  10.0.0.0/8  scram-sha-256    # VPN\nlocal all all peer map=x\n"));
    const auto removed = HbaEditor::setComment(document, parsed.rules.at(0), "");
    QVERIFY(removed);
    QCOMPARE(applied(input, *removed),
             QByteArray("host  all  app  10.0.0.0/8  scram-sha-256\nlocal all all peer map=x\n"));
    const auto added = HbaEditor::setComment(document, parsed.rules.at(1), "ident map");
    QVERIFY(added);
    QCOMPARE(
        applied(input, *added),
        QByteArray("host  all  app  10.0.0.0/8  scram-sha-256    # office\nlocal all all peer map=x  # ident map\n"));
    // The rule reads the same after each edit.
    for (const auto &edit : {*replaced, *removed, *added}) {
        const HbaFile after = parseHba(applied(input, edit));
        QCOMPARE(after.rules.size(), 2);
        QVERIFY(!after.rules.at(0).hasError() && !after.rules.at(1).hasError());
    }
}

void TestHbaEditor::quoteName()
{
    QCOMPARE(HbaEditor::quoteName("app"), QString("app"));
    QCOMPARE(HbaEditor::quoteName("all"), QString("\"all\""));
    QCOMPARE(HbaEditor::quoteName("sales db"), QString("\"sales db\""));
    QCOMPARE(HbaEditor::quoteName("+admins"), QString("\"+admins\""));
    QCOMPARE(HbaEditor::quoteName("we\"ird"), QString("\"we\"\"ird\""));
}

void TestHbaEditor::rejectionParsing_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("rejected");
    QTest::addColumn<bool>("replication");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("database");
    QTest::addColumn<int>("encryption");

    using E = HbaRejection::Encryption;
    QTest::newRow("no entry, no encryption")
        << "connection to server at \"10.0.0.1\", port 5432 failed: FATAL:  no pg_hba.conf entry for host "
           "\"10.1.2.3\", user \"app\", database \"appdb\", no encryption"
        << false << false << "10.1.2.3"
        << "app"
        << "appdb" << int(E::None);
    QTest::newRow("ssl encryption")
        << "FATAL:  no pg_hba.conf entry for host \"::1\", user \"a\", database \"b\", SSL encryption" << false << false
        << "::1"
        << "a"
        << "b" << int(E::Ssl);
    QTest::newRow("gss encryption")
        << "no pg_hba.conf entry for host \"10.0.0.1\", user \"a\", database \"b\", GSS encryption" << false << false
        << "10.0.0.1"
        << "a"
        << "b" << int(E::Gss);
    QTest::newRow("pre-14 SSL off")
        << "FATAL:  no pg_hba.conf entry for host \"10.0.0.1\", user \"a\", database \"b\", SSL off" << false << false
        << "10.0.0.1"
        << "a"
        << "b" << int(E::None);
    QTest::newRow("pre-14 SSL on")
        << "FATAL:  no pg_hba.conf entry for host \"10.0.0.1\", user \"a\", database \"b\", SSL on" << false << false
        << "10.0.0.1"
        << "a"
        << "b" << int(E::Ssl);
    QTest::newRow("no suffix") << "FATAL:  no pg_hba.conf entry for host \"10.0.0.1\", user \"a\", database \"b\""
                               << false << false << "10.0.0.1"
                               << "a"
                               << "b" << int(E::Unknown);
    QTest::newRow("local")
        << "FATAL:  no pg_hba.conf entry for host \"[local]\", user \"a\", database \"b\", no encryption" << false
        << false << "[local]"
        << "a"
        << "b" << int(E::None);
    QTest::newRow("replication") << "FATAL:  no pg_hba.conf entry for replication connection from host \"10.0.0.9\", "
                                    "user \"repl\", SSL encryption"
                                 << false << true << "10.0.0.9"
                                 << "repl"
                                 << "" << int(E::Ssl);
    QTest::newRow("rejects")
        << "FATAL:  pg_hba.conf rejects connection for host \"10.0.0.1\", user \"a\", database \"b\", no encryption"
        << true << false << "10.0.0.1"
        << "a"
        << "b" << int(E::None);
    QTest::newRow("rejects replication")
        << "pg_hba.conf rejects replication connection for host \"10.0.0.1\", user \"r\", no encryption" << true << true
        << "10.0.0.1"
        << "r"
        << "" << int(E::None);
    QTest::newRow("names with quotes and commas")
        << "no pg_hba.conf entry for host \"10.0.0.1\", user \"o\"dd, user\", database \"my \"db\"\", no encryption"
        << false << false << "10.0.0.1"
        << "o\"dd, user"
        << "my \"db\"" << int(E::None);
}

void TestHbaEditor::rejectionParsing()
{
    QFETCH(QString, message);
    QFETCH(bool, rejected);
    QFETCH(bool, replication);
    QFETCH(QString, host);
    QFETCH(QString, user);
    QFETCH(QString, database);
    QFETCH(int, encryption);
    const std::optional<HbaRejection> parsed = HbaRejection::parse(message);
    QVERIFY(parsed);
    QCOMPARE(parsed->kind == HbaRejection::Kind::Rejected, rejected);
    QCOMPARE(parsed->replication, replication);
    QCOMPARE(parsed->host, host);
    QCOMPARE(parsed->user, user);
    QCOMPARE(parsed->database, database);
    QCOMPARE(int(parsed->encryption), encryption);
    QVERIFY(!HbaRejection::parse("FATAL:  password authentication failed for user \"a\""));
}

void TestHbaEditor::proposal()
{
    const QByteArray text = "local all all peer\n"
                            "hostssl all all 10.0.0.0/8 scram-sha-256\n"
                            "host all all 10.1.0.0/16 reject\n"
                            "host all all 192.168.0.0/16 md5\n";
    const HbaFile parsed = parseHba(text);
    const auto rejection = HbaRejection::parse("FATAL:  pg_hba.conf rejects connection for host \"10.1.2.3\", user "
                                               "\"app\", database \"appdb\", no encryption");
    const HbaRuleProposal proposal = HbaRuleProposer::propose(parsed, *rejection);
    QCOMPARE(proposal.ruleText, QString("host appdb app 10.1.2.3/32 scram-sha-256"));
    // The hostssl 10/8 rule would take the proposal's SSL connections: the first rule that overlaps.
    QCOMPARE(proposal.beforeLine, 2);
    QVERIFY(!proposal.notes.isEmpty());
    const HbaEdit edit = HbaRuleProposer::toEdit(TextDocument::fromBytes(text), proposal);
    const QByteArray result = applied(text, edit);
    QCOMPARE(result.split('\n').at(1), QByteArray("host appdb app 10.1.2.3/32 scram-sha-256"));
    // The simulator now lets the connection in with the new rule.
    const HbaFile after = parseHba(result);
    QCOMPARE(after.rules.at(1).line, 2);

    const auto ssl = HbaRejection::parse(
        "no pg_hba.conf entry for host \"192.168.7.7\", user \"all\", database \"x\", SSL encryption");
    const HbaRuleProposal sslProposal = HbaRuleProposer::propose(parsed, *ssl, "md5");
    QCOMPARE(sslProposal.ruleText, QString("hostssl x \"all\" 192.168.7.7/32 md5"));
    QCOMPARE(sslProposal.beforeLine, 0); // nothing overlaps except the md5 rule for 192.168/16 with the same outcome

    const auto local
        = HbaRejection::parse("no pg_hba.conf entry for host \"[local]\", user \"u\", database \"d\", no encryption");
    const HbaRuleProposal localProposal = HbaRuleProposer::propose(parsed, *local);
    QCOMPARE(localProposal.ruleText, QString("local d u scram-sha-256"));
    QCOMPARE(localProposal.beforeLine, 1);
}

// A file that turns away non-TLS connections (hostnossl ... reject) or admits them only over TLS
// gets a hostssl proposal with sslmode=require advice, never a host rule before the reject.
void TestHbaEditor::proposalKeepsTlsPolicy()
{
    const QByteArray text = "local all all peer\n"
                            "hostssl appdb app 10.0.0.0/8 scram-sha-256\n"
                            "hostnossl all all 0.0.0.0/0 reject\n";
    const HbaFile parsed = parseHba(text);
    const auto plain = HbaRejection::parse("FATAL:  pg_hba.conf rejects connection for host \"192.168.1.5\", user "
                                           "\"app\", database \"appdb\", no encryption");
    const HbaRuleProposal proposal = HbaRuleProposer::propose(parsed, *plain);
    QCOMPARE(proposal.ruleText, QString("hostssl appdb app 192.168.1.5/32 scram-sha-256"));
    QCOMPARE(proposal.clientSslMode, QString("require"));
    QVERIFY(!proposal.bypassesReject);
    QVERIFY(!proposal.admittedOverTls);
    QCOMPARE(proposal.beforeLine, 0); // nothing else takes hostssl connections from there
    QCOMPARE(proposal.line, 4);
    QVERIFY2(proposal.notes.join('\n').contains("pg_hba.conf:3 turns away connections without TLS"),
             qPrintable(proposal.notes.join('\n')));
    QVERIFY(proposal.notes.join('\n').contains("sslmode=require"));
    // With the rule added the server still rejects the plain attempt and admits the TLS one.
    const HbaFile after = parseHba(applied(text, HbaRuleProposer::toEdit(TextDocument::fromBytes(text), proposal)));
    HbaConnectionAttempt attempt = plain->attempt();
    QCOMPARE(HbaMatcher(after).match(attempt).rule->line, 3);
    attempt.transport = HbaTransport::TcpSsl;
    QCOMPARE(HbaMatcher(after).match(attempt).rule->line, 4);

    // From inside 10/8 the hostssl rule already admits it over TLS: no rule needed.
    const auto inside = HbaRejection::parse("FATAL:  pg_hba.conf rejects connection for host \"10.1.2.3\", user "
                                            "\"app\", database \"appdb\", no encryption");
    const HbaRuleProposal already = HbaRuleProposer::propose(parsed, *inside);
    QVERIFY(already.admittedOverTls);
    QCOMPARE(already.admittedOverTls->line, 2);
    QCOMPARE(already.clientSslMode, QString("require"));
    QVERIFY(!already.bypassesReject);
    QVERIFY(already.notes.join('\n').contains("pg_hba.conf:2 already admits this connection over TLS"));

    // Only hostssl rules for the database and user (no reject line): hostssl too.
    const HbaFile sslOnly = parseHba("local all all peer\nhostssl all all 10.0.0.0/8 scram-sha-256\n");
    const auto noEntry = HbaRejection::parse("FATAL:  no pg_hba.conf entry for host \"192.168.1.5\", user \"app\", "
                                             "database \"appdb\", no encryption");
    const HbaRuleProposal onlyTls = HbaRuleProposer::propose(sslOnly, *noEntry);
    QCOMPARE(onlyTls.ruleText, QString("hostssl appdb app 192.168.1.5/32 scram-sha-256"));
    QCOMPARE(onlyTls.clientSslMode, QString("require"));
    QVERIFY(onlyTls.notes.join('\n').contains("only over TLS"));

    // A file that admits plain TCP somewhere keeps the connection's own encryption.
    const HbaFile mixed
        = parseHba("hostssl all all 10.0.0.0/8 scram-sha-256\nhost appdb all 172.16.0.0/12 scram-sha-256\n");
    const HbaRuleProposal plainRule = HbaRuleProposer::propose(mixed, *noEntry);
    QCOMPARE(plainRule.ruleText, QString("host appdb app 192.168.1.5/32 scram-sha-256"));
    QVERIFY(plainRule.clientSslMode.isEmpty());
}

// Placed before a reject line, a proposal says so (the app asks before inserting it).
void TestHbaEditor::proposalSaysItBypassesAReject()
{
    const QByteArray text = "host all blocked 0.0.0.0/0 reject\nhost all all 10.0.0.0/8 scram-sha-256\n";
    const auto rejected = HbaRejection::parse("FATAL:  pg_hba.conf rejects connection for host \"10.1.2.3\", user "
                                              "\"blocked\", database \"appdb\", no encryption");
    const HbaRuleProposal proposal = HbaRuleProposer::propose(parseHba(text), *rejected);
    QCOMPARE(proposal.ruleText, QString("host appdb blocked 10.1.2.3/32 scram-sha-256"));
    QCOMPARE(proposal.beforeLine, 1);
    QVERIFY(proposal.bypassesReject);
    QVERIFY2(proposal.notes.join('\n').contains("pg_hba.conf:1 rejects these connections on purpose"),
             qPrintable(proposal.notes.join('\n')));
}

QTEST_GUILESS_MAIN(TestHbaEditor)
#include "tst_hbaeditor.moc"
