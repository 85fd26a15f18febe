#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The pg_hba.conf rule model: one logical line of a pg_hba.conf file (or of a file it includes)
// as the server reads it (postgres-semantics.md part B). Built by HbaParser; read by HbaMatcher,
// HbaAnalyzer, the lint and the editors.
namespace pgdial::core::hba {

// Field 1. Quoting is ignored by the server here ("local" works).
enum class HbaConnectionType {
    Invalid, // the line has an error before/at the connection type
    Local,
    Host,
    HostSsl,
    HostNoSsl,
    HostGssEnc,
    HostNoGssEnc,
};

QString connectionTypeName(HbaConnectionType type); // "local", "hostssl", ... ("" for Invalid)
std::optional<HbaConnectionType> connectionTypeFromName(const QString &name);

// A position in a physical file: 1-based line, 1-based byte column. With backslash
// continuation (PG14+) a field may start and end on different physical lines.
struct HbaPosition
{
    int line = 0;
    int column = 0;
    bool operator==(const HbaPosition &) const = default;
};

// The exact bytes a field (or token) occupies in its file: [begin, end), end exclusive.
// Quotes and list commas belong to the span; the comment after the last field does not.
struct HbaSpan
{
    HbaPosition begin;
    HbaPosition end;
    bool isValid() const { return begin.line > 0; }
    bool operator==(const HbaSpan &) const = default;
};

enum class HbaTokenKind {
    Literal, // a plain name (database or role), compared exactly
    All, // unquoted `all`
    SameUser, // unquoted `sameuser` (database field)
    SameRole, // unquoted `samerole` (database field)
    SameGroup, // unquoted `samegroup`: old synonym of samerole (database field)
    Replication, // unquoted `replication` (database field)
    Group, // unquoted `+role` (user field): members of role, directly or indirectly
    Regex, // PG16+: token starting with `/` (even when quoted)
};

// One element of the database or user list.
struct HbaToken
{
    QString text; // as the server sees it: quotes removed ("+admins", "/^a.*$", "sales db")
    bool quoted = false; // the token started with a double quote
    HbaTokenKind kind = HbaTokenKind::Literal;
    // The name the kind applies to: the role of a Group (`+x` → `x`), the pattern of a Regex
    // (without the leading `/`), the name of a Literal; the keyword itself for keywords.
    QString value;

    // Where the token came from. For tokens read through `@file` these name the secondary file
    // (project-relative, like HbaRule::file) and its 1-based line; `viaAtFile` is the `@name`
    // reference as written on the rule's line (nested: the outermost one).
    QString sourceFile;
    int sourceLine = 0;
    QString viaAtFile;
    // Bytes on the rule's own line: the token itself, or the whole `@name` it came from.
    HbaSpan span;

    bool isKeyword() const
    {
        return kind != HbaTokenKind::Literal && kind != HbaTokenKind::Group && kind != HbaTokenKind::Regex;
    }
    bool operator==(const HbaToken &) const = default;
};

enum class HbaAddressKind {
    Cidr, // numeric address with /prefix or with a netmask column
    HostName, // exact host name (anything non-numeric, quoted keywords, SameHost, ALL, ...)
    HostSuffix, // `.example.com`: host name suffix match
    All, // unquoted `all`
    SameHost, // unquoted `samehost`
    SameNet, // unquoted `samenet`
};

// The address of a host* rule.
struct HbaAddress
{
    HbaAddressKind kind = HbaAddressKind::HostName;
    QString text; // the address token as written, quotes removed ("10/8", "db.example.com")
    QString parsedText; // Cidr: the address as the server prints it (getnameinfo NUMERICHOST)
    QString parsedMaskText; // Cidr: the netmask as the server prints it
    // Cidr only:
    int family = 0; // AF_INET or AF_INET6
    QByteArray address; // 4 or 16 bytes, as parsed (host bits kept: matching applies the mask)
    QByteArray mask; // same length as address
    int prefixLength = -1; // from /N, or from a contiguous netmask; -1 for a non-contiguous mask
    QString netmaskText; // the netmask column as written (empty when the address has /N)
    bool hasNetmaskColumn = false;

    QString addressString() const; // the view's `address`: "0.0.0.10" for 10/8; text for names
    QString netmaskString() const; // the view's `netmask`: "255.0.0.0"; empty for names/keywords
    // True when `candidate` (4 or 16 bytes of the same family) lies inside address/mask.
    bool contains(const QByteArray &candidate) const;
    bool operator==(const HbaAddress &) const = default;
};

// One `name=value` option, in file order (repeats kept; the last one wins).
struct HbaOption
{
    QString name;
    QString value;
    HbaSpan span;
    bool operator==(const HbaOption &) const = default;
};

// One non-empty logical line of a pg_hba.conf (or included) file, valid or not.
struct HbaRule
{
    // Source. `file` is relative to the folder of the file the parser was given (or the
    // project folder when parsing a project); lines are 1-based physical lines.
    QString file;
    int line = 0; // first physical line (the view's line_number)
    int lastLine = 0; // last physical line (> line with backslash continuation)
    int ruleNumber = 0; // PG16+ rule_number among valid rules (1-based); 0 for error lines

    HbaConnectionType type = HbaConnectionType::Invalid;
    QList<HbaToken> databases;
    QList<HbaToken> users;
    std::optional<HbaAddress> address; // host* lines only
    QString method; // effective method (ident on local → "peer"); empty if not reached
    QString methodAsWritten;
    QList<HbaOption> options; // as written, in order

    // Field spans, for lossless edits: type, database, user, address, netmask, method, then one
    // per option field. Invalid spans for absent fields.
    HbaSpan typeSpan;
    HbaSpan databaseSpan;
    HbaSpan userSpan;
    HbaSpan addressSpan;
    HbaSpan netmaskSpan;
    HbaSpan methodSpan;
    QList<HbaSpan> optionSpans;
    HbaSpan lineSpan; // whole logical line: start of line 1 to end of the last physical line

    // What is wrong with the line, worded as the server logs it (and as pg_hba_file_rules shows
    // it in its `error` column, except for the view's gaps below). Empty for a good line.
    QString error;
    // Exactly what pg_hba_file_rules.error shows. Usually `error`; but some servers forget to
    // set it for a few option errors (invalid clientcert/clientname values, RADIUS port 0, and
    // in PG13 RADIUS list counts): the view then shows NULL (all columns NULL), or the hostssl
    // "SSL is disabled" note recorded earlier on the same line.
    QString viewError;
    // False for a line whose `error` is only a note the server logs while still loading the
    // file (hostssl with ssl=off, hostgssenc without GSS); true for real errors.
    bool errorRejectsFile = false;

    bool isValid() const { return !errorRejectsFile; }
    bool hasError() const { return errorRejectsFile; }

    // The value of option `name` (last occurrence wins), or nullopt.
    std::optional<QString> option(const QString &name) const;
    // Options as pg_hba_file_rules shows them (normalised and completed: include_realm=true,
    // ldapscope, clientcert=verify-full for cert, ...), "name=value" each.
    QStringList viewOptions() const;
};

} // namespace pgdial::core::hba
