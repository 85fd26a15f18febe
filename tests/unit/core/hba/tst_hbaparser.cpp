#include "hba/hbaparser.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::hba;

// The parser against the traps of postgres-semantics.md part B, one row per trap. Rows print a
// rule as "LINE TYPE DB USER [ADDRESS NETMASK] METHOD [OPTIONS]" (view semantics, lists joined by
// commas) or "LINE ERROR message". tst_hbaparser_server checks the same against real servers.
class tst_HbaParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void okness_data();
    void okness();
    void atFileAndIncludes();
    void tokenKindsAndSources();
    void spansAreExact();
    void continuationSpans();
    void longContinuationSpans();
    void addressesAreParsed();
    void diagnosticsHaveCodesAndFixes_data();
    void diagnosticsHaveCodesAndFixes();
    void viewErrorGaps();
    void buildFeatures();
};

namespace {

QString describe(const HbaRule &rule)
{
    if (rule.hasError())
        return QString::number(rule.line) + " ERROR " + rule.error;
    QStringList parts {QString::number(rule.line), connectionTypeName(rule.type)};
    QStringList databases, users;
    for (const HbaToken &token : rule.databases)
        databases << token.text;
    for (const HbaToken &token : rule.users)
        users << token.text;
    parts << databases.join(',') << users.join(',');
    if (rule.address) {
        parts << (rule.address->addressString().isEmpty() ? QString("\"\"") : rule.address->addressString());
        if (rule.address->kind == HbaAddressKind::Cidr)
            parts << rule.address->netmaskString();
    }
    parts << rule.method;
    if (!rule.viewOptions().isEmpty())
        parts << rule.viewOptions().join(',');
    if (!rule.error.isEmpty())
        parts << "NOTE " + rule.error;
    return parts.join(' ');
}

HbaFile parseText(const QByteArray &text, int version, bool ssl = true)
{
    HbaParseOptions options;
    options.majorVersion = version;
    options.sslEnabled = ssl;
    return HbaParser::parse(text, "/nonexistent/pg_hba.conf", options);
}

QStringList describeAll(const HbaFile &file)
{
    QStringList lines;
    for (const HbaRule &rule : file.rules)
        lines << describe(rule);
    return lines;
}

} // namespace

void tst_HbaParser::rules_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("plain local and host")
        << 17 << QByteArray("local all all peer\nhost all all 127.0.0.1/32 scram-sha-256\n")
        << QStringList {"1 local all all peer", "2 host all all 127.0.0.1 255.255.255.255 scram-sha-256"};
    QTest::newRow("continuation glues without a blank")
        << 14 << QByteArray("host all all\\\n10.2.0.0/16 md5\n")
        << QStringList {"1 ERROR end-of-line before authentication method"};
    QTest::newRow("continuation with a blank before the backslash")
        << 16 << QByteArray("host all all \\\n10.2.0.0/16 md5\nlocal all all trust\n")
        << QStringList {"1 host all all 10.2.0.0 255.255.0.0 md5", "3 local all all trust"};
    QTest::newRow("no continuation in 13")
        << 13 << QByteArray("local all all trust \\\nlocal all all peer\n")
        << QStringList {"1 ERROR authentication option not in name=value format: \\", "2 local all all peer"};
    QTest::newRow("backslash then blank is no continuation")
        << 17 << QByteArray("local all all trust \\ \nlocal all all peer\n")
        << QStringList {"1 ERROR authentication option not in name=value format: \\", "2 local all all peer"};
    QTest::newRow("continuation extends a comment")
        << 17 << QByteArray("# comment \\\nlocal all all trust\nlocal all all peer\n")
        << QStringList {"3 local all all peer"};
    QTest::newRow("CRLF and continuation before CRLF")
        << 17 << QByteArray("local all all \\\r\ntrust\r\n") << QStringList {"1 local all all trust"};
    QTest::newRow("quotes anywhere in a token")
        << 17 << QByteArray("local sa\"les db\" all peer\n") << QStringList {"1 local sales db all peer"};
    QTest::newRow("a\"ll\" is the keyword, \"all\"x is not")
        << 17 << QByteArray("local a\"ll\" \"all\"x peer\n") << QStringList {"1 local all allx peer"};
    QTest::newRow("doubled quote inside quotes")
        << 17 << QByteArray("local \"a\"\"b\" all peer\n") << QStringList {"1 local a\"b all peer"};
    QTest::newRow("empty quoted token") << 17 << QByteArray("local \"\" all peer\n")
                                        << QStringList {"1 local  all peer"};
    QTest::newRow("hash ends a token") << 17 << QByteArray("local sales#x all peer\n")
                                       << QStringList {"1 ERROR end-of-line before role specification"};
    QTest::newRow("hash after an address")
        << 17 << QByteArray("host all all 127.0.0.1/32#c md5\n")
        << QStringList {"1 ERROR end-of-line before authentication method"}; // md5 is in the comment
    QTest::newRow("comma list across blanks")
        << 17 << QByteArray("local sales, hr all peer\n") << QStringList {"1 local sales,hr all peer"};
    QTest::newRow("blank before comma shifts fields") << 17 << QByteArray("local sales ,hr all peer\n")
                                                      << QStringList {"1 ERROR invalid authentication method \"all\""};
    QTest::newRow("trailing comma swallows the next token")
        << 17 << QByteArray(",sales,,hr,  alice  127.0.0.4/32 md5\n")
        << QStringList {"1 ERROR multiple values specified for connection type"};
    QTest::newRow("trailing comma swallows on a host line")
        << 17 << QByteArray("host ,sales,,hr,  alice  127.0.0.4/32 md5\n")
        << QStringList {"1 ERROR end-of-line before authentication method"};
    QTest::newRow("quoted connection type and method work")
        << 17 << QByteArray("\"local\" all all \"trust\"\n") << QStringList {"1 local all all trust"};
    QTest::newRow("connection type is case-sensitive")
        << 17 << QByteArray("Local all all trust\n") << QStringList {"1 ERROR invalid connection type \"Local\""};
    QTest::newRow("connection type list") << 17 << QByteArray("local,host all all trust\n")
                                          << QStringList {"1 ERROR multiple values specified for connection type"};
    QTest::newRow("include is a connection type before 16")
        << 15 << QByteArray("include other.conf\n") << QStringList {"1 ERROR invalid connection type \"include\""};
    QTest::newRow("include target missing in 16")
        << 16 << QByteArray("include other.conf\n")
        << QStringList {"1 ERROR could not open file \"/nonexistent/other.conf\": No such file or directory"};
    QTest::newRow("include_if_exists missing is skipped")
        << 16 << QByteArray("include_if_exists other.conf\nlocal all all peer\n")
        << QStringList {"2 local all all peer"};
    QTest::newRow("include with three fields is a rule")
        << 16 << QByteArray("include a b\n") << QStringList {"1 ERROR invalid connection type \"include\""};
    QTest::newRow("missing @file, 15 wording")
        << 15 << QByteArray("local all @x peer\n")
        << QStringList {"1 ERROR could not open secondary authentication file \"@x\" as \"/nonexistent/x\": No such "
                        "file or directory"};
    QTest::newRow("missing @file, 16 wording")
        << 16 << QByteArray("local all @x peer\n")
        << QStringList {"1 ERROR could not open file \"/nonexistent/x\": No such file or directory"};
    QTest::newRow("quoted @ is a literal")
        << 17 << QByteArray("local all \"@x\",@ peer\n") << QStringList {"1 local all @x,@ peer"};
    QTest::newRow("regex from 16") << 16 << QByteArray("local /^sal.*$ all peer\n")
                                   << QStringList {"1 local /^sal.*$ all peer"};
    QTest::newRow("invalid regex from 16")
        << 16 << QByteArray("local /^(abc all peer\n")
        << QStringList {"1 ERROR invalid regular expression \"^(abc\": parentheses () not balanced"};
    QTest::newRow("invalid regex is a name in 15")
        << 15 << QByteArray("local /^(abc all peer\n") << QStringList {"1 local /^(abc all peer"};
    QTest::newRow("token length limit in 15") << 15 << (QByteArray("local all ") + QByteArray(10240, 'a') + " peer\n")
                                              << QStringList {"1 ERROR authentication file token too long"};
    QTest::newRow("10239 bytes are fine in 15") << 15 << (QByteArray("local all ") + QByteArray(10239, 'a') + " peer\n")
                                                << QStringList {"1 local all " + QString(10239, 'a') + " peer"};
    QTest::newRow("no token limit in 16") << 16 << (QByteArray("local all ") + QByteArray(20000, 'a') + " peer\n")
                                          << QStringList {"1 local all " + QString(20000, 'a') + " peer"};
    QTest::newRow("10/8 is 0.0.0.10") << 17 << QByteArray("host all all 10/8 md5\n")
                                      << QStringList {"1 host all all 0.0.0.10 255.0.0.0 md5"};
    QTest::newRow("octal address") << 17 << QByteArray("host all all 010.001.002.003/32 md5\n")
                                   << QStringList {"1 host all all 8.1.2.3 255.255.255.255 md5"};
    QTest::newRow("host bits kept") << 17 << QByteArray("host all all 192.168.1.77/24 md5\n")
                                    << QStringList {"1 host all all 192.168.1.77 255.255.255.0 md5"};
    QTest::newRow("CIDR prefix out of range") << 17 << QByteArray("host all all 10.0.0.0/33 md5\n")
                                              << QStringList {"1 ERROR invalid CIDR mask in address \"10.0.0.0/33\""};
    QTest::newRow("CIDR prefix with sign (strtol)")
        << 17 << QByteArray("host all all 10.0.0.0/+8 md5\n") << QStringList {"1 host all all 10.0.0.0 255.0.0.0 md5"};
    QTest::newRow("non-contiguous netmask accepted") << 17 << QByteArray("host all all 10.0.0.0 255.0.255.0 md5\n")
                                                     << QStringList {"1 host all all 10.0.0.0 255.0.255.0 md5"};
    QTest::newRow("mask family mismatch") << 17 << QByteArray("host all all 10.0.0.0 ffff:: md5\n")
                                          << QStringList {"1 ERROR IP address and mask do not match"};
    QTest::newRow("mask after CIDR is the method")
        << 17 << QByteArray("host all all 10.0.0.0/8 255.0.0.0 md5\n")
        << QStringList {"1 ERROR invalid authentication method \"255.0.0.0\""};
    QTest::newRow("missing netmask") << 17 << QByteArray("host all all 10.0.0.1 md5\n")
                                     << QStringList {"1 ERROR invalid IP mask \"md5\": Name or service not known"};
    QTest::newRow("non-numeric is a host name")
        << 17 << QByteArray("host all all 1.2.3.999 md5\n") << QStringList {"1 host all all 1.2.3.999 md5"};
    QTest::newRow("quoted keyword address is a host name")
        << 17 << QByteArray("host all all \"samehost\" md5\n") << QStringList {"1 host all all samehost md5"};
    QTest::newRow("host name with prefix")
        << 17 << QByteArray("host all all foo.example.com/24 md5\n")
        << QStringList {"1 ERROR specifying both host name and CIDR mask is invalid: \"foo.example.com/24\""};
    QTest::newRow("address list") << 17 << QByteArray("host all all 10.0.0.0/8,10.1.0.0/16 md5\n")
                                  << QStringList {"1 ERROR multiple values specified for host address"};
    QTest::newRow("address on a local line is the method")
        << 17 << QByteArray("local all all 127.0.0.1/32 trust\n")
        << QStringList {"1 ERROR invalid authentication method \"127.0.0.1/32\""};
    QTest::newRow("ident on local becomes peer")
        << 17 << QByteArray("local all all ident\n") << QStringList {"1 local all all peer"};
    QTest::newRow("peer on host") << 17 << QByteArray("host all all 10.0.0.0/8 peer\n")
                                  << QStringList {"1 ERROR peer authentication is only supported on local sockets"};
    QTest::newRow("gss on local") << 17 << QByteArray("local all all gss\n")
                                  << QStringList {"1 ERROR gssapi authentication is not supported on local sockets"};
    QTest::newRow("cert outside hostssl")
        << 17 << QByteArray("host all all 10.0.0.0/8 cert\n")
        << QStringList {"1 ERROR cert authentication is only supported on hostssl connections"};
    QTest::newRow("cert implies clientcert=verify-full")
        << 17 << QByteArray("hostssl all all 10.0.0.0/8 cert\n")
        << QStringList {"1 hostssl all all 10.0.0.0 255.0.0.0 cert clientcert=verify-full"};
    QTest::newRow("method case") << 17 << QByteArray("local all all Trust\n")
                                 << QStringList {"1 ERROR invalid authentication method \"Trust\""};
    QTest::newRow("sspi not in this build")
        << 17 << QByteArray("host all all 10.0.0.0/8 sspi\n")
        << QStringList {"1 ERROR invalid authentication method \"sspi\": not supported by this build"};
    QTest::newRow("oauth before 18") << 17 << QByteArray("host all all 10.0.0.0/8 oauth\n")
                                     << QStringList {"1 ERROR invalid authentication method \"oauth\""};
    QTest::newRow("map needs a mapping method")
        << 17 << QByteArray("local all all md5 map=x\n")
        << QStringList {"1 ERROR authentication option \"map\" is only valid for authentication methods ident, peer, "
                        "gssapi, sspi, and cert"};
    QTest::newRow("last map wins, quoting of the whole option")
        << 17 << QByteArray("local all all peer map=a map=b\nlocal all all peer \"map=my map\"\n")
        << QStringList {"1 local all all peer map=b", "2 local all all peer map=my map"};
    QTest::newRow("unquoted ldapbasedn splits at the comma")
        << 17 << QByteArray("host all all 10.0.0.0/8 ldap ldapbasedn=dc=x,dc=y\n")
        << QStringList {"1 ERROR unrecognized authentication option name: \"dc\""};
    QTest::newRow("ldap normalised options")
        << 17 << QByteArray("host all all 10.0.0.0/8 ldap ldapserver=h ldapbasedn=\"dc=x\" ldaptls=1\n")
        << QStringList {"1 host all all 10.0.0.0 255.0.0.0 ldap ldapserver=h,ldaptls=true,ldapbasedn=dc=x,ldapscope=2"};
    QTest::newRow("gss include_realm default")
        << 17 << QByteArray("host all all 10.0.0.0/8 gss\n")
        << QStringList {"1 host all all 10.0.0.0 255.0.0.0 gss include_realm=true"};
    QTest::newRow("clientcert=1 only in 13")
        << 13 << QByteArray("hostssl all all 10.0.0.0/8 md5 clientcert=1\n")
        << QStringList {"1 hostssl all all 10.0.0.0 255.0.0.0 md5 clientcert=verify-ca"};
    QTest::newRow("clientcert=1 refused from 14") << 14 << QByteArray("hostssl all all 10.0.0.0/8 md5 clientcert=1\n")
                                                  << QStringList {"1 ERROR invalid value for clientcert: \"1\""};
    QTest::newRow("clientname from 14") << 13 << QByteArray("hostssl all all 10.0.0.0/8 cert clientname=CN\n")
                                        << QStringList {
                                               "1 ERROR unrecognized authentication option name: \"clientname\""};
    QTest::newRow("radius needs secrets")
        << 17 << QByteArray("host all all 10.0.0.0/8 radius radiusservers=127.0.0.1\n")
        << QStringList {"1 ERROR authentication method \"radius\" requires argument \"radiussecrets\" to be set"};
    QTest::newRow("hostssl with ssl off loads with a note")
        << 17 << QByteArray("hostssl all all 10.0.0.0/8 md5\n")
        << QStringList {
               "1 hostssl all all 10.0.0.0 255.0.0.0 md5 NOTE hostssl record cannot match because SSL is disabled"};
    QTest::newRow("NUL byte glues the next line from 14")
        << 14 << (QByteArray("local all all peer") + '\0' + " junk\nhost all all 10.0.0.0/8 md5\n")
        << QStringList {"1 ERROR invalid authentication method \"peerhost\""};
    QTest::newRow("NUL byte cuts the line in 13")
        << 13 << (QByteArray("local all all peer") + '\0' + " junk\nhost all all 10.0.0.0/8 md5\n")
        << QStringList {"1 local all all peer", "2 host all all 10.0.0.0 255.0.0.0 md5"};
    QTest::newRow("vertical tab is not blank")
        << 17 << QByteArray("\vlocal all all trust\n") << QStringList {"1 ERROR invalid connection type \"\vlocal\""};
}

void tst_HbaParser::rules()
{
    QFETCH(int, version);
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    const bool ssl = !QByteArray(QTest::currentDataTag()).contains("ssl off");
    const HbaFile file = parseText(text, version, ssl);
    QCOMPARE(describeAll(file), expected);
}

void tst_HbaParser::okness_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::newRow("good") << QByteArray("local all all peer\n") << true;
    QTest::newRow("empty file") << QByteArray() << false;
    QTest::newRow("only comments") << QByteArray("# x\n\n   \n") << false;
    QTest::newRow("one bad line among good ones")
        << QByteArray("local all all peer\nhost all all 10.0.0.0/8 scram\nlocal all all trust\n") << false;
    QTest::newRow("include_if_exists only") << QByteArray("include_if_exists nothing.conf\n") << false;
}

void tst_HbaParser::okness()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    const HbaFile file = parseText(text, 17);
    QCOMPARE(file.ok, ok);
    QCOMPARE(hasErrors(file.diagnostics), !ok);
}

void tst_HbaParser::atFileAndIncludes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QDir().mkpath(QFileInfo(dir.filePath(name)).path());
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    write("pg_hba.conf", "local all @lists/users.txt peer\ninclude_dir conf.d\nhost all @empty.txt 10.0.0.0/8 md5\n");
    write("lists/users.txt", "alice, \"Bob Smith\" # comment\n@more.txt\n");
    write("lists/more.txt", "carol\n");
    write("empty.txt", "# nothing\n");
    write("conf.d/20-b.conf", "local all all trust\n");
    write("conf.d/10-a.conf", "local all all reject\n");
    write("conf.d/notes.txt", "ignored\n");

    HbaParseOptions options;
    options.majorVersion = 16;
    const HbaFile file = HbaParser::parseFile(dir.filePath("pg_hba.conf"), options);
    QCOMPARE(describeAll(file),
             (QStringList {"1 local all alice,Bob Smith,carol peer", "1 local all all reject", "1 local all all trust",
                           "3 ERROR end-of-line before authentication method"}));
    QCOMPARE(file.rules.at(1).file, QString("conf.d/10-a.conf"));
    QCOMPARE(file.rules.at(2).file, QString("conf.d/20-b.conf"));
    QCOMPARE(file.includes.size(), 1);
    QCOMPARE(file.includes.first().resolvedFiles, (QStringList {"conf.d/10-a.conf", "conf.d/20-b.conf"}));
    QVERIFY(file.files.contains("lists/more.txt"));
    QVERIFY(!file.ok);
    QCOMPARE(file.rules.at(0).ruleNumber, 1);
    QCOMPARE(file.rules.at(3).ruleNumber, 0);

    const HbaToken &bob = file.rules.first().users.at(1);
    QVERIFY(bob.quoted);
    QCOMPARE(bob.sourceFile, QString("lists/users.txt"));
    QCOMPARE(bob.sourceLine, 1);
    QCOMPARE(bob.viaAtFile, QString("@lists/users.txt"));
    const HbaToken &carol = file.rules.first().users.at(2);
    QCOMPARE(carol.sourceFile, QString("lists/more.txt"));
}

void tst_HbaParser::tokenKindsAndSources()
{
    const HbaFile file = parseText("local sameuser,\"all\",replication,/^x +g,\"+g\",all,samerole peer\n", 16);
    const HbaRule &rule = file.rules.first();
    QCOMPARE(rule.databases.at(0).kind, HbaTokenKind::SameUser);
    QCOMPARE(rule.databases.at(1).kind, HbaTokenKind::Literal);
    QVERIFY(rule.databases.at(1).quoted);
    QCOMPARE(rule.databases.at(2).kind, HbaTokenKind::Replication);
    QCOMPARE(rule.databases.at(3).kind, HbaTokenKind::Regex);
    QCOMPARE(rule.databases.at(3).value, QString("^x"));
    QCOMPARE(rule.users.at(0).kind, HbaTokenKind::Group);
    QCOMPARE(rule.users.at(0).value, QString("g"));
    QCOMPARE(rule.users.at(1).kind, HbaTokenKind::Literal);
    QCOMPARE(rule.users.at(2).kind, HbaTokenKind::All);
    QCOMPARE(rule.users.at(3).kind, HbaTokenKind::Literal); // samerole is a database keyword only
}

void tst_HbaParser::spansAreExact()
{
    const QByteArray text
        = "# header\nhost   \"my db\",hr  app   10.0.0.0 255.0.0.0  md5  map=x,clientcert=verify-ca # c\n";
    const HbaFile file = parseText(text, 17);
    const HbaRule &rule = file.rules.first();
    const QByteArray line = text.split('\n').at(1);
    auto slice
        = [&](const HbaSpan &span) { return line.mid(span.begin.column - 1, span.end.column - span.begin.column); };
    QCOMPARE(rule.line, 2);
    QCOMPARE(slice(rule.typeSpan), QByteArray("host"));
    QCOMPARE(slice(rule.databaseSpan), QByteArray("\"my db\",hr"));
    QCOMPARE(slice(rule.userSpan), QByteArray("app"));
    QCOMPARE(slice(rule.addressSpan), QByteArray("10.0.0.0"));
    QCOMPARE(slice(rule.netmaskSpan), QByteArray("255.0.0.0"));
    QCOMPARE(slice(rule.methodSpan), QByteArray("md5"));
    QCOMPARE(rule.optionSpans.size(), 1);
    QCOMPARE(slice(rule.optionSpans.first()), QByteArray("map=x,clientcert=verify-ca"));
    QCOMPARE(slice(rule.databases.at(0).span), QByteArray("\"my db\""));
    QCOMPARE(rule.lineSpan.begin, (HbaPosition {2, 1}));
    QCOMPARE(rule.lineSpan.end, (HbaPosition {2, static_cast<int>(line.size()) + 1}));
}

void tst_HbaParser::continuationSpans()
{
    const HbaFile file = parseText("host all all \\\n  10.0.0.0/8 \\\nmd5\nlocal all all trust\n", 17);
    QCOMPARE(file.rules.size(), 2);
    const HbaRule &rule = file.rules.first();
    QCOMPARE(rule.line, 1);
    QCOMPARE(rule.lastLine, 3);
    QCOMPARE(rule.addressSpan.begin, (HbaPosition {2, 3}));
    QCOMPARE(rule.methodSpan.begin, (HbaPosition {3, 1}));
    QCOMPARE(file.rules.at(1).line, 4);
}

void tst_HbaParser::longContinuationSpans()
{
    // One rule over 300 physical lines: every token still maps to its own line and column.
    QByteArray text = "host all \\\n";
    for (int i = 0; i < 297; ++i)
        text += "  u" + QByteArray::number(i) + ",\\\n";
    text += "  last \\\n10.0.0.0/8 md5\n";
    const HbaFile file = parseText(text, 17);
    QCOMPARE(file.rules.size(), 1);
    const HbaRule &rule = file.rules.first();
    QCOMPARE(rule.lastLine, 300);
    QCOMPARE(rule.userSpan.begin, (HbaPosition {2, 3}));
    QCOMPARE(rule.addressSpan.begin, (HbaPosition {300, 1}));
    QCOMPARE(rule.methodSpan.begin, (HbaPosition {300, 12}));
}

void tst_HbaParser::addressesAreParsed()
{
    const HbaFile file = parseText("host all all 10.1.2.3/16 md5\nhost all all ::1/128 md5\n"
                                   "host all all .example.com md5\nhost all all samenet md5\n",
                                   17);
    const HbaAddress &v4 = *file.rules.at(0).address;
    QCOMPARE(v4.kind, HbaAddressKind::Cidr);
    QCOMPARE(v4.prefixLength, 16);
    QCOMPARE(v4.address, QByteArray("\x0a\x01\x02\x03", 4));
    QVERIFY(v4.contains(QByteArray("\x0a\x01\xff\x01", 4)));
    QVERIFY(!v4.contains(QByteArray("\x0a\x02\x00\x01", 4)));
    QCOMPARE(file.rules.at(1).address->address.size(), 16);
    QCOMPARE(file.rules.at(2).address->kind, HbaAddressKind::HostSuffix);
    QCOMPARE(file.rules.at(3).address->kind, HbaAddressKind::SameNet);
}

void tst_HbaParser::diagnosticsHaveCodesAndFixes_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArray>("fixed"); // the line after the fix; empty = no fix
    QTest::newRow("method case") << QByteArray("local all all Trust") << "hba.invalid-method" << 15
                                 << QByteArray("local all all trust");
    QTest::newRow("scram shorthand") << QByteArray("host all all 10.0.0.0/8 scram") << "hba.invalid-method" << 25
                                     << QByteArray("host all all 10.0.0.0/8 scram-sha-256");
    QTest::newRow("address without mask") << QByteArray("host all all 10.0.0.1 md5") << "hba.missing-netmask" << 14
                                          << QByteArray("host all all 10.0.0.1/32 md5");
    QTest::newRow("IPv6 address without mask")
        << QByteArray("host all all ::1 md5") << "hba.missing-netmask" << 14 << QByteArray("host all all ::1/128 md5");
    QTest::newRow("mask after CIDR") << QByteArray("host all all 10.0.0.0/8 255.0.0.0 md5") << "hba.invalid-method"
                                     << 24 << QByteArray("host all all 10.0.0.0/8 md5");
    QTest::newRow("cert on host") << QByteArray("host all all 10.0.0.0/8 cert") << "hba.method-not-allowed" << 1
                                  << QByteArray("hostssl all all 10.0.0.0/8 cert");
    QTest::newRow("connection type case") << QByteArray("HOST all all 10.0.0.0/8 md5") << "hba.invalid-connection-type"
                                          << 1 << QByteArray("host all all 10.0.0.0/8 md5");
    QTest::newRow("unknown option") << QByteArray("local all all peer Map=x") << "hba.unknown-option" << 20
                                    << QByteArray();
    QTest::newRow("option for another method")
        << QByteArray("local all all md5 map=x") << "hba.option-not-for-method" << 19 << QByteArray();
}

void tst_HbaParser::diagnosticsHaveCodesAndFixes()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, code);
    QFETCH(int, column);
    QFETCH(QByteArray, fixed);
    QTemporaryDir dir;
    QFile file(dir.filePath("pg_hba.conf"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# rules\n" + line + "\n");
    file.close();
    const HbaFile parsed = HbaParser::parseFile(dir.filePath("pg_hba.conf"));
    QCOMPARE(parsed.diagnostics.size(), 1);
    const Diagnostic &diagnostic = parsed.diagnostics.first();
    QCOMPARE(diagnostic.code, code);
    QCOMPARE(diagnostic.severity, Severity::Error);
    QCOMPARE(diagnostic.file, QString("pg_hba.conf"));
    QCOMPARE(diagnostic.line, 2);
    QCOMPARE(diagnostic.column, column);
    QCOMPARE(diagnostic.message, parsed.rules.first().error);
    if (fixed.isEmpty()) {
        QVERIFY(!diagnostic.fix);
        return;
    }
    QVERIFY(diagnostic.fix);
    QCOMPARE(diagnostic.fix->edits.size(), 1);
    QCOMPARE(diagnostic.fix->edits.first().firstIndex, 1);
    QCOMPARE(diagnostic.fix->edits.first().lines, QList<QByteArray> {fixed});
    // The fixed line is accepted.
    const HbaFile again = HbaParser::parse("# rules\n" + fixed + "\n", dir.filePath("pg_hba.conf"));
    QVERIFY2(again.ok, qPrintable(describeAll(again).join('\n')));
}

void tst_HbaParser::viewErrorGaps()
{
    // The server logs these errors but pg_hba_file_rules shows NULL (or an earlier note).
    const HbaFile off = parseText("hostssl all all 10.0.0.0/8 md5 clientcert=1\n", 16, false);
    QVERIFY(off.rules.first().hasError());
    QCOMPARE(off.rules.first().error, QString("invalid value for clientcert: \"1\""));
    QCOMPARE(off.rules.first().viewError, QString("hostssl record cannot match because SSL is disabled"));
    const HbaFile on
        = parseText("host all all 10.0.0.0/8 radius radiusservers=127.0.0.1 radiussecrets=x radiusports=0\n", 16);
    QVERIFY(on.rules.first().hasError());
    QVERIFY(on.rules.first().viewError.isEmpty());
    QVERIFY(!on.ok);
}

// The project's build features (ProjectSettings::serverBuildFeatures, --build-features) become
// parse options: a build without LDAP, GSSAPI or PAM refuses those methods and never matches
// hostgssenc; an unknown build loads them with a warning. tst_hbabuild_server asks real servers.
void tst_HbaParser::buildFeatures()
{
    const QByteArray text = "host all all 10.0.0.0/8 ldap ldapserver=x ldapbasedn=\"dc=x\"\n"
                            "host all all 10.0.0.0/8 gss\n"
                            "host all all 10.0.0.0/8 pam\n"
                            "hostgssenc all all 10.0.0.0/8 scram-sha-256\n";
    const auto codes = [](const HbaFile &file) {
        QStringList out;
        for (const Diagnostic &diagnostic : file.diagnostics)
            out << QString::number(diagnostic.line) + ' ' + diagnostic.code
                    + (diagnostic.severity == Severity::Warning ? " warning" : " error");
        return out;
    };

    const HbaFile unknown
        = HbaParser::parse(text, "/nonexistent/pg_hba.conf", HbaParseOptions::forServer(16, std::nullopt));
    QVERIFY(unknown.ok);
    QCOMPARE(codes(unknown),
             (QStringList {"1 hba.build-dependent-method warning", "2 hba.build-dependent-method warning",
                           "3 hba.build-dependent-method warning", "4 hba.build-dependent-type warning"}));
    QVERIFY(unknown.diagnostics.first().message.contains("LDAP"));
    QVERIFY(unknown.diagnostics.first().message.contains("\"ldap\""));

    const HbaFile without
        = HbaParser::parse(text, "/nonexistent/pg_hba.conf", HbaParseOptions::forServer(16, QSet<QString> {"ssl"}));
    QVERIFY(!without.ok);
    QCOMPARE(codes(without),
             (QStringList {"1 hba.unsupported-method error", "2 hba.unsupported-method error",
                           "3 hba.unsupported-method error", "4 hba.hostgssenc-unsupported warning"}));
    QCOMPARE(without.rules.at(1).error, QString("invalid authentication method \"gss\": not supported by this build"));
    QCOMPARE(without.rules.at(3).error,
             QString("hostgssenc record cannot match because GSSAPI is not supported by this build"));

    const HbaFile with = HbaParser::parse(text, "/nonexistent/pg_hba.conf",
                                          HbaParseOptions::forServer(16, QSet<QString> {"ldap", "gssapi", "pam"}));
    QVERIFY(with.ok);
    QCOMPARE(codes(with), QStringList());

    // Only the build's own libraries matter: a build with LDAP alone still refuses pam.
    const HbaFile ldapOnly
        = HbaParser::parse(text, "/nonexistent/pg_hba.conf", HbaParseOptions::forServer(16, QSet<QString> {"ldap"}));
    QVERIFY(!ldapOnly.rules.at(0).hasError());
    QVERIFY(ldapOnly.rules.at(2).hasError());
}

QTEST_GUILESS_MAIN(tst_HbaParser)
#include "tst_hbaparser.moc"
