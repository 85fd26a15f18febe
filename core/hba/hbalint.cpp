#include "hba/hbalint.h"

#include "hba/hbaanalyzer.h"
#include "hba/hbaconnectionattempt.h"
#include "hba/hbaeditor.h"

#include <QCoreApplication>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HbaLint", text);
}

bool isPasswordMethod(const QString &method)
{
    static const QSet<QString> methods {u"password"_s, u"md5"_s, u"scram-sha-256"_s, u"ldap"_s, u"radius"_s,
                                        u"pam"_s,      u"bsd"_s};
    return methods.contains(method);
}

bool isOff(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == u"off" || v == u"false" || v == u"no" || v == u"0" || v == u"of" || v == u"f" || v == u"n";
}

bool isLoopback(const HbaAddress &address)
{
    switch (address.kind) {
    case HbaAddressKind::Cidr:
        if (address.family == AF_INET)
            return address.prefixLength >= 8 && static_cast<uchar>(address.address.at(0)) == 127;
        if (address.family == AF_INET6) {
            static const QByteArray loopback = QByteArray(15, '\0') + QByteArray(1, '\1');
            return address.prefixLength == 128 && address.address == loopback;
        }
        return false;
    case HbaAddressKind::HostName:
        return address.text.compare(u"localhost"_s, Qt::CaseInsensitive) == 0;
    case HbaAddressKind::SameHost:
        return true; // the server's own addresses: the traffic never leaves the machine
    case HbaAddressKind::HostSuffix:
    case HbaAddressKind::All:
    case HbaAddressKind::SameNet:
        return false;
    }
    return false;
}

bool matchesEveryAddress(const HbaAddress &address)
{
    return address.kind == HbaAddressKind::All || (address.kind == HbaAddressKind::Cidr && address.prefixLength == 0);
}

bool containsAll(const QList<HbaToken> &tokens)
{
    for (const HbaToken &token : tokens) {
        if (token.kind == HbaTokenKind::All)
            return true;
    }
    return false;
}

QByteArray maskedNetwork(const HbaAddress &address)
{
    QByteArray network = address.address;
    for (qsizetype i = 0; i < network.size() && i < address.mask.size(); ++i)
        network[i] = char(network.at(i) & address.mask.at(i));
    return network;
}

int columnOf(const HbaSpan &span, const HbaRule &rule)
{
    return span.isValid() && span.begin.line == rule.line ? span.begin.column : 0;
}

QString lineRef(const HbaRule &rule)
{
    return rule.file + u':' + QString::number(rule.line);
}

} // namespace

base::Diagnostics HbaLint::lint(const HbaFile &file, const HbaLintOptions &options)
{
    base::Diagnostics result;
    auto setting = [&options](const QString &name) -> std::optional<QString> {
        if (!options.settings)
            return std::nullopt;
        if (const std::optional<project::ServerSetting> found = options.settings(name))
            return found->value;
        return std::nullopt;
    };
    const QString passwordEncryption = setting(u"password_encryption"_s)
                                           .value_or(options.majorVersion >= 14 ? u"scram-sha-256"_s : u"md5"_s)
                                           .trimmed();
    const std::optional<QString> ssl = setting(u"ssl"_s);
    const bool sslExplicitlyOff = ssl && isOff(*ssl);
    const std::optional<QString> caFile = setting(u"ssl_ca_file"_s);
    const bool noCaFile = !caFile || caFile->trimmed().isEmpty();

    auto add = [&result](const HbaRule &rule, base::Severity severity, const QString &code, int column,
                         const QString &message, const QString &suggestion) -> base::Diagnostic & {
        base::Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.file = rule.file;
        d.line = rule.line;
        d.column = column;
        d.message = message;
        d.suggestion = suggestion;
        result.append(d);
        return result.last();
    };

    const QList<const HbaRule *> rules = file.validRules();
    for (int index = 0; index < rules.size(); ++index) {
        const HbaRule &rule = *rules.at(index);
        const QString &method = rule.method;
        const int methodColumn = columnOf(rule.methodSpan, rule);
        const bool isLocal = rule.type == HbaConnectionType::Local;

        if (method == u"trust" && !isLocal) {
            add(rule, base::Severity::Warning, u"hba.trust-remote"_s, methodColumn,
                tr("\"trust\" on a network line lets anyone who can reach the server from %1 connect as "
                   "any listed role without a password")
                    .arg(rule.address ? rule.address->text : QString()),
                tr("use scram-sha-256 (or cert) for network connections; keep trust for local sockets at most"));
        }
        if (method == u"password") {
            add(rule, base::Severity::Warning, u"hba.password-method"_s, methodColumn,
                tr("method \"password\" sends the password in clear text"), tr("use scram-sha-256"));
        }
        if (method == u"md5" && passwordEncryption == u"scram-sha-256") {
            add(rule, base::Severity::Warning, u"hba.md5-with-scram"_s, methodColumn,
                tr("method \"md5\" while password_encryption is scram-sha-256: md5 still accepts old MD5 "
                   "password hashes and keeps a weaker method in use"),
                tr("use scram-sha-256 once every role's password has been set again under scram-sha-256"))
                .parameter
                = u"password_encryption"_s;
        }
        if (rule.address && (rule.type == HbaConnectionType::Host || rule.type == HbaConnectionType::HostNoSsl)
            && isPasswordMethod(method) && !isLoopback(*rule.address)) {
            add(rule, base::Severity::Warning, u"hba.password-without-ssl"_s, columnOf(rule.typeSpan, rule),
                tr("\"%1\" line with password method \"%2\" for clients outside this machine: the password "
                   "exchange and the session may travel unencrypted")
                    .arg(connectionTypeName(rule.type), method),
                tr("use hostssl for remote password logins"));
        }
        if (rule.address && matchesEveryAddress(*rule.address) && method != u"reject") {
            add(rule, base::Severity::Warning, u"hba.open-to-all-addresses"_s, columnOf(rule.addressSpan, rule),
                tr("address \"%1\" admits clients from any address with method \"%2\"").arg(rule.address->text, method),
                tr("narrow the address to the networks your clients use"));
        }
        if (rule.type == HbaConnectionType::HostSsl && sslExplicitlyOff) {
            add(rule, base::Severity::Warning, u"hba.hostssl-ssl-off"_s, columnOf(rule.typeSpan, rule),
                tr("hostssl line while postgresql.conf sets ssl = off: it can never match"),
                tr("turn ssl on (with a certificate and key) or change the line"))
                .parameter
                = u"ssl"_s;
        }
        const std::optional<QString> clientcert = rule.option(u"clientcert"_s);
        const bool verifiesCertificates
            = method == u"cert" || (clientcert && *clientcert != u"no-verify" && *clientcert != u"0");
        if (verifiesCertificates && noCaFile) {
            add(rule, base::Severity::Warning, u"hba.cert-without-ca"_s, methodColumn,
                tr("client certificates are required but postgresql.conf sets no ssl_ca_file, so the server "
                   "cannot verify them and every such connection fails"),
                tr("set ssl_ca_file to the CA that signs your client certificates"))
                .parameter
                = u"ssl_ca_file"_s;
        }
        if (rule.address && rule.address->kind == HbaAddressKind::Cidr && rule.address->prefixLength >= 0
            && !rule.address->hasNetmaskColumn) {
            const QByteArray network = maskedNetwork(*rule.address);
            if (network != rule.address->address) {
                const QString fixed = HbaIpAddress {rule.address->family, network}.toString() + u'/'
                    + QString::number(rule.address->prefixLength);
                base::Diagnostic &d
                    = add(rule, base::Severity::Warning, u"hba.cidr-host-bits"_s, columnOf(rule.addressSpan, rule),
                          tr("address \"%1\" has host bits set; the server matches the whole network %2")
                              .arg(rule.address->text, fixed),
                          tr("write the network address %1").arg(fixed));
                const base::TextDocument *document = options.document ? options.document(rule.file) : nullptr;
                if (document) {
                    if (const std::optional<HbaEdit> edit
                        = HbaEditor::editField(*document, rule, HbaField::Address, fixed))
                        d.fix = base::Fix {tr("Write %1").arg(fixed), rule.file, {edit->edit}};
                }
            }
        }
        // A catch-all (every database, every user, every address) before more specific rules it
        // takes connections from. A catch-all reject is the usual "deny the rest" and is left alone.
        if (method != u"reject" && containsAll(rule.databases) && containsAll(rule.users)
            && (isLocal || (rule.address && matchesEveryAddress(*rule.address)))) {
            QStringList hidden;
            for (int later = index + 1; later < rules.size(); ++later) {
                const HbaRule &other = *rules.at(later);
                const bool otherCatchAll = containsAll(other.databases) && containsAll(other.users);
                if (!otherCatchAll && HbaAnalyzer::mayOverlap(rule, other))
                    hidden.append(lineRef(other));
                if (hidden.size() >= 20)
                    break; // enough to make the point; keeps the lint linear
            }
            if (!hidden.isEmpty()) {
                base::Diagnostic &d
                    = add(rule, base::Severity::Warning, u"hba.catch-all-first"_s, columnOf(rule.typeSpan, rule),
                          tr("catch-all rule (all databases, all users) placed before more specific rules "
                             "of the same connection type (%1), which it takes connections from")
                              .arg(hidden.join(u", "_s)),
                          tr("move the catch-all rule below the specific ones"));
                d.related = hidden;
            }
        }
        if (options.knownRoles) {
            for (const HbaToken &token : rule.users) {
                const bool named = token.kind == HbaTokenKind::Literal || token.kind == HbaTokenKind::Group;
                if (named && !token.value.isEmpty() && !options.knownRoles->contains(token.value))
                    add(rule, base::Severity::Info, u"hba.unknown-role"_s, columnOf(rule.userSpan, rule),
                        tr("role \"%1\" is not mentioned anywhere in the project").arg(token.value),
                        tr("check the name, or remove the rule if the role is gone"));
            }
        }
        if (options.knownDatabases) {
            for (const HbaToken &token : rule.databases) {
                if (token.kind == HbaTokenKind::Literal && !options.knownDatabases->contains(token.text))
                    add(rule, base::Severity::Info, u"hba.unknown-database"_s, columnOf(rule.databaseSpan, rule),
                        tr("database \"%1\" is not mentioned anywhere in the project").arg(token.text),
                        tr("check the name, or remove the rule if the database is gone"));
            }
        }
    }
    return result;
}

} // namespace pgdial::core::hba
