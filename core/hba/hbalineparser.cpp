#include "hbalineparser.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

QString text(const HbaRawToken &token)
{
    return QString::fromUtf8(token.bytes);
}

// The sockaddr the server gets from pg_getaddrinfo_all(AI_NUMERICHOST, AF_UNSPEC).
struct NumericAddress
{
    int status = 0; // getaddrinfo() result
    sockaddr_storage storage{};
    socklen_t length = 0;
};

NumericAddress numericAddress(const QByteArray &host)
{
    NumericAddress result;
    addrinfo hints{};
    hints.ai_flags = AI_NUMERICHOST;
    hints.ai_family = AF_UNSPEC;
    addrinfo *info = nullptr;
    // pg_getaddrinfo_all() passes NULL for an empty host name.
    result.status = ::getaddrinfo(host.isEmpty() ? nullptr : host.constData(), nullptr, &hints, &info);
    if (result.status == 0 && info) {
        std::memcpy(&result.storage, info->ai_addr, info->ai_addrlen);
        result.length = info->ai_addrlen;
    } else if (result.status == 0) {
        result.status = EAI_NONAME;
    }
    if (info)
        ::freeaddrinfo(info);
    return result;
}

QString numericHost(const sockaddr_storage &storage, socklen_t length)
{
    char host[NI_MAXHOST] = {};
    if (::getnameinfo(reinterpret_cast<const sockaddr *>(&storage), length, host, sizeof host, nullptr, 0,
                      NI_NUMERICHOST) != 0)
        return {};
    // The view prints addresses through clean_ipv6_addr(), which drops a zone ("%lo").
    QString text = QString::fromLatin1(host);
    if (storage.ss_family == AF_INET6)
        text = text.section(u'%', 0, 0);
    return text;
}

QByteArray addressBytes(const sockaddr_storage &storage)
{
    if (storage.ss_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(&storage);
        return QByteArray(reinterpret_cast<const char *>(&in->sin_addr), 4);
    }
    const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&storage);
    return QByteArray(reinterpret_cast<const char *>(&in6->sin6_addr), 16);
}

// strtol() + the range check of pg_sockaddr_cidr_mask().
std::optional<int> cidrBits(const QByteArray &bits, int family)
{
    qsizetype i = 0;
    while (i < bits.size() && (bits.at(i) == ' ' || (bits.at(i) >= '\t' && bits.at(i) <= '\r')))
        ++i;
    bool negative = false;
    if (i < bits.size() && (bits.at(i) == '+' || bits.at(i) == '-'))
        negative = bits.at(i++) == '-';
    const qsizetype digitsStart = i;
    qint64 value = 0;
    while (i < bits.size() && bits.at(i) >= '0' && bits.at(i) <= '9') {
        value = std::min<qint64>(value * 10 + (bits.at(i) - '0'), 1000000);
        ++i;
    }
    if (bits.isEmpty() || i == digitsStart || i != bits.size())
        return std::nullopt;
    if (negative)
        value = -value;
    const int maxBits = family == AF_INET ? 32 : 128;
    if (value < 0 || value > maxBits)
        return std::nullopt;
    return static_cast<int>(value);
}

QByteArray maskFromBits(int bits, int length)
{
    QByteArray mask(length, '\0');
    for (int i = 0; i < length; ++i) {
        const int take = std::clamp(bits - i * 8, 0, 8);
        mask[i] = static_cast<char>(take == 0 ? 0 : (0xFF << (8 - take)) & 0xFF);
    }
    return mask;
}

int prefixFromMask(const QByteArray &mask)
{
    int bits = 0;
    bool seenZero = false;
    for (char byte : mask) {
        for (int bit = 7; bit >= 0; --bit) {
            const bool set = (static_cast<unsigned char>(byte) >> bit) & 1;
            if (set && seenZero)
                return -1;
            if (set)
                ++bits;
            else
                seenZero = true;
        }
    }
    return bits;
}

QString maskText(const QByteArray &mask, int family)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (family == AF_INET) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        std::memcpy(&in->sin_addr, mask.constData(), 4);
        length = sizeof(sockaddr_in);
    } else {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        std::memcpy(&in6->sin6_addr, mask.constData(), 16);
        length = sizeof(sockaddr_in6);
    }
    return numericHost(storage, length);
}

// PostgreSQL's regcomp() (Spencer ARE) and PCRE differ; these are the cases where PCRE accepts
// a pattern the server refuses or the reverse, for the patterns people write in pg_hba.conf.
std::optional<QString> regexError(const QString &pattern)
{
    const QRegularExpression expression(pattern);
    if (expression.isValid())
        return std::nullopt;
    const QString message = expression.errorString();
    if (message.contains(u"parenthes"_s))
        return u"parentheses () not balanced"_s;
    if (message.contains(u"square bracket"_s) || message.contains(u"character class"_s))
        return u"brackets [] not balanced"_s;
    if (message.contains(u"quantifier"_s) || message.contains(u"repeat"_s))
        return u"quantifier operand invalid"_s;
    if (message.contains(u"\\ at end"_s) || message.contains(u"escape"_s))
        return u"invalid escape \\ sequence"_s;
    return message;
}

const QStringList allMethods = {u"trust"_s,  u"ident"_s, u"peer"_s,  u"password"_s, u"gss"_s,
                                u"sspi"_s,   u"reject"_s, u"md5"_s,  u"scram-sha-256"_s, u"pam"_s,
                                u"bsd"_s,    u"ldap"_s,  u"cert"_s,  u"radius"_s,  u"oauth"_s};

// A likely intended method for an invalid one ("Trust", "scram", "SCRAM-SHA-256").
QString intendedMethod(const QString &written, const QStringList &known)
{
    const QString lower = written.toLower();
    if (known.contains(lower))
        return lower;
    if (lower == u"scram"_s || lower == u"scram-sha256"_s || lower == u"scram_sha_256"_s)
        return u"scram-sha-256"_s;
    if (lower == u"gssapi"_s)
        return u"gss"_s;
    return {};
}

// C's atoi(): leading blanks, a sign, then as many digits as there are.
qint64 cAtoi(const QString &value)
{
    qsizetype i = 0;
    while (i < value.size() && (value.at(i) == u' ' || (value.at(i) >= u'\t' && value.at(i) <= u'\r')))
        ++i;
    bool negative = false;
    if (i < value.size() && (value.at(i) == u'+' || value.at(i) == u'-'))
        negative = value.at(i++) == u'-';
    qint64 result = 0;
    while (i < value.size() && value.at(i).isDigit() && value.at(i).unicode() < 128) {
        result = std::min<qint64>(result * 10 + (value.at(i).unicode() - '0'), 1LL << 40);
        ++i;
    }
    return negative ? -result : result;
}

} // namespace

HbaLineParser::HbaLineParser(const HbaParseOptions &options)
    : m_options(options),
      m_unsupported(options.unsupportedMethods.value_or(HbaParseOptions::defaultUnsupportedMethods(options.majorVersion)))
{
}

QStringList HbaLineParser::knownMethods(int majorVersion)
{
    QStringList methods = allMethods;
    if (majorVersion < 18)
        methods.removeAll(u"oauth"_s);
    return methods;
}

bool HbaLineParser::fail(HbaRule &rule, HbaLineProblem &problem, const QString &code, const QString &error,
                         const HbaSpan &span) const
{
    rule.error = error;
    rule.viewError = error;
    rule.errorRejectsFile = true;
    problem.code = code;
    problem.span = span;
    problem.warning = false;
    return false;
}

HbaRule HbaLineParser::parse(const HbaRawLine &line, QList<HbaLineProblem> *problems) const
{
    HbaRule rule;
    rule.file = line.file;
    rule.line = line.lineNumber;
    rule.lastLine = line.lastLine;
    rule.lineSpan = line.lineSpan;
    if (!line.error.isEmpty()) {
        rule.error = line.error;
        rule.viewError = line.error;
        rule.errorRejectsFile = true;
        problems->append({line.errorCode, line.errorSpan.isValid() ? line.errorSpan : line.lineSpan, {}, {}, false});
        return rule;
    }

    HbaLineProblem problem;
    auto report = [&] { problems->append(problem); };
    const int version = m_options.majorVersion;
    int index = 0;
    const auto &fields = line.fields;

    // Connection type (quoting ignored).
    const HbaRawField &typeField = fields.at(index);
    rule.typeSpan = typeField.span;
    if (typeField.tokens.size() > 1) {
        fail(rule, problem, u"hba.multiple-values"_s, u"multiple values specified for connection type"_s, typeField.span);
        problem.suggestion = QCoreApplication::translate("HbaParser", "Write exactly one connection type per line.");
        report();
        return rule;
    }
    const QString typeText = text(typeField.tokens.first());
    const auto type = connectionTypeFromName(typeText);
    if (!type) {
        fail(rule, problem, u"hba.invalid-connection-type"_s, u"invalid connection type \"%1\""_s.arg(typeText),
             typeField.span);
        if (const auto lower = connectionTypeFromName(typeText.toLower())) {
            problem.replacementText = connectionTypeName(*lower);
            problem.suggestion = QCoreApplication::translate("HbaParser", "Connection types are lower case: write \"%1\".")
                                     .arg(*problem.replacementText);
        } else if (typeText.startsWith(u"include"_s) && version < 16) {
            problem.suggestion = QCoreApplication::translate(
                "HbaParser", "include directives in pg_hba.conf need PostgreSQL 16 or later.");
        } else {
            problem.suggestion = QCoreApplication::translate(
                "HbaParser", "Use local, host, hostssl, hostnossl, hostgssenc or hostnogssenc.");
        }
        report();
        return rule;
    }
    rule.type = *type;
    if (rule.type == HbaConnectionType::HostSsl && !m_options.sslEnabled) {
        rule.error = u"hostssl record cannot match because SSL is disabled"_s;
        rule.viewError = rule.error;
        problems->append({u"hba.hostssl-ssl-off"_s, typeField.span,
                          QCoreApplication::translate("HbaParser", "Set ssl = on in postgresql.conf."), {}, true});
    } else if (rule.type == HbaConnectionType::HostGssEnc && !m_options.gssEncSupported) {
        rule.error = u"hostgssenc record cannot match because GSSAPI is not supported by this build"_s;
        rule.viewError = rule.error;
        problems->append({u"hba.hostgssenc-unsupported"_s, typeField.span, {}, {}, true});
    }

    // Database and user lists.
    auto readList = [&](bool database, QList<HbaToken> &out, HbaSpan &span) -> bool {
        ++index;
        if (index >= fields.size()) {
            fail(rule, problem, u"hba.missing-field"_s,
                 database ? u"end-of-line before database specification"_s : u"end-of-line before role specification"_s,
                 line.lineSpan);
            report();
            return false;
        }
        const HbaRawField &field = fields.at(index);
        span = field.span;
        for (const HbaRawToken &raw : field.tokens) {
            HbaToken token;
            token.text = text(raw);
            token.quoted = raw.quoted;
            token.value = token.text;
            token.sourceFile = raw.sourceFile;
            token.sourceLine = raw.sourceLine;
            token.viaAtFile = raw.viaAtFile;
            token.span = raw.span;
            if (version >= 16 && token.text.startsWith(u'/')) {
                if (const auto error = regexError(token.text.mid(1))) {
                    fail(rule, problem, u"hba.invalid-regex"_s,
                         u"invalid regular expression \"%1\": %2"_s.arg(token.text.mid(1), *error), raw.span);
                    report();
                    return false;
                }
            }
            if (!database && !raw.quoted && token.text.startsWith(u'+')) {
                token.kind = HbaTokenKind::Group;
                token.value = token.text.mid(1);
            } else if (version >= 16 && token.text.startsWith(u'/')) {
                token.kind = HbaTokenKind::Regex;
                token.value = token.text.mid(1);
            } else if (!raw.quoted && token.text == u"all"_s) {
                token.kind = HbaTokenKind::All;
            } else if (database && !raw.quoted) {
                if (token.text == u"sameuser"_s)
                    token.kind = HbaTokenKind::SameUser;
                else if (token.text == u"samerole"_s)
                    token.kind = HbaTokenKind::SameRole;
                else if (token.text == u"samegroup"_s)
                    token.kind = HbaTokenKind::SameGroup;
                else if (token.text == u"replication"_s)
                    token.kind = HbaTokenKind::Replication;
            }
            out.append(token);
        }
        return true;
    };
    if (!readList(true, rule.databases, rule.databaseSpan) || !readList(false, rule.users, rule.userSpan))
        return rule;

    if (rule.type != HbaConnectionType::Local) {
        ++index;
        if (!parseAddress(line, index, rule, problem)) {
            report();
            return rule;
        }
    }

    // Method.
    ++index;
    if (index >= fields.size()) {
        fail(rule, problem, u"hba.missing-field"_s, u"end-of-line before authentication method"_s, line.lineSpan);
        report();
        return rule;
    }
    const HbaRawField &methodField = fields.at(index);
    rule.methodSpan = methodField.span;
    if (methodField.tokens.size() > 1) {
        fail(rule, problem, u"hba.multiple-values"_s, u"multiple values specified for authentication type"_s,
             methodField.span);
        report();
        return rule;
    }
    const QString method = text(methodField.tokens.first());
    rule.methodAsWritten = method;
    const QStringList known = knownMethods(version);
    if (!known.contains(method)) {
        fail(rule, problem, u"hba.invalid-method"_s, u"invalid authentication method \"%1\""_s.arg(method),
             methodField.span);
        const QString intended = intendedMethod(method, known);
        if (!intended.isEmpty()) {
            problem.replacementText = intended;
            problem.suggestion = QCoreApplication::translate("HbaParser", "Method names are exact: write \"%1\".").arg(intended);
        } else if (rule.address && rule.address->kind == HbaAddressKind::Cidr && !rule.address->hasNetmaskColumn
                   && numericAddress(methodField.tokens.first().bytes).status == 0) {
            // `10.0.0.0/8 255.0.0.0 md5`: the address already has a prefix, the mask is read as the method.
            problem.span = HbaSpan{rule.addressSpan.end, methodField.span.end};
            if (problem.span.begin.line == problem.span.end.line)
                problem.replacementText = QString();
            problem.suggestion = QCoreApplication::translate(
                "HbaParser", "The address already has a /prefix; remove the netmask column.");
        } else {
            problem.suggestion = QCoreApplication::translate("HbaParser", "Valid methods: %1.").arg(known.join(u", "_s));
        }
        report();
        return rule;
    }
    if (m_unsupported.contains(method)) {
        fail(rule, problem, u"hba.unsupported-method"_s,
             u"invalid authentication method \"%1\": not supported by this build"_s.arg(method), methodField.span);
        report();
        return rule;
    }
    if (method == u"md5"_s && m_options.dbUserNamespace && version <= 16) {
        fail(rule, problem, u"hba.md5-db-user-namespace"_s,
             u"MD5 authentication is not supported when \"db_user_namespace\" is enabled"_s, methodField.span);
        problem.replacementText = u"scram-sha-256"_s;
        report();
        return rule;
    }
    rule.method = method;
    if (rule.type == HbaConnectionType::Local && method == u"ident"_s)
        rule.method = u"peer"_s;
    if (rule.type == HbaConnectionType::Local && method == u"gss"_s) {
        fail(rule, problem, u"hba.method-not-allowed"_s, u"gssapi authentication is not supported on local sockets"_s,
             methodField.span);
        report();
        return rule;
    }
    if (rule.type != HbaConnectionType::Local && rule.method == u"peer"_s) {
        fail(rule, problem, u"hba.method-not-allowed"_s, u"peer authentication is only supported on local sockets"_s,
             methodField.span);
        problem.suggestion = QCoreApplication::translate("HbaParser",
                                                         "Use ident (or a password method) for TCP connections.");
        report();
        return rule;
    }
    if (rule.type != HbaConnectionType::HostSsl && rule.method == u"cert"_s) {
        fail(rule, problem, u"hba.method-not-allowed"_s,
             u"cert authentication is only supported on hostssl connections"_s, methodField.span);
        if (rule.type != HbaConnectionType::Local) {
            problem.span = rule.typeSpan;
            problem.replacementText = u"hostssl"_s;
        }
        report();
        return rule;
    }

    // Options: every later field, each a comma list of name=value.
    for (++index; index < fields.size(); ++index) {
        const HbaRawField &field = fields.at(index);
        rule.optionSpans.append(field.span);
        for (const HbaRawToken &raw : field.tokens) {
            const QString token = text(raw);
            const qsizetype equals = token.indexOf(u'=');
            if (equals < 0) {
                fail(rule, problem, u"hba.invalid-option"_s,
                     u"authentication option not in name=value format: %1"_s.arg(token), raw.span);
                report();
                return rule;
            }
            HbaOption option{token.left(equals), token.mid(equals + 1), raw.span};
            problem = HbaLineProblem();
            problem.span = raw.span;
            if (!parseOption(option.name, option.value, rule, problem)) {
                rule.options.append(option);
                report();
                return rule;
            }
            if (problem.warning)
                report();
            rule.options.append(option);
        }
    }
    if (!checkMandatoryOptions(rule, problem)) {
        report();
        return rule;
    }
    return rule;
}

bool HbaLineParser::parseAddress(const HbaRawLine &line, int &index, HbaRule &rule, HbaLineProblem &problem) const
{
    const auto &fields = line.fields;
    if (index >= fields.size())
        return fail(rule, problem, u"hba.missing-field"_s, u"end-of-line before IP address specification"_s,
                    line.lineSpan);
    const HbaRawField &field = fields.at(index);
    rule.addressSpan = field.span;
    if (field.tokens.size() > 1)
        return fail(rule, problem, u"hba.multiple-values"_s, u"multiple values specified for host address"_s, field.span);
    const HbaRawToken &token = field.tokens.first();
    HbaAddress address;
    address.text = text(token);
    if (!token.quoted && token.bytes == "all") {
        address.kind = HbaAddressKind::All;
    } else if (!token.quoted && token.bytes == "samehost") {
        address.kind = HbaAddressKind::SameHost;
    } else if (!token.quoted && token.bytes == "samenet") {
        address.kind = HbaAddressKind::SameNet;
    } else {
        QByteArray host = token.bytes;
        const qsizetype slash = host.indexOf('/');
        std::optional<QByteArray> bits;
        if (slash >= 0) {
            bits = host.mid(slash + 1);
            host.truncate(slash);
        }
        const NumericAddress parsed = numericAddress(host);
        if (parsed.status == EAI_NONAME) {
            if (bits)
                return fail(rule, problem, u"hba.hostname-with-cidr"_s,
                            u"specifying both host name and CIDR mask is invalid: \"%1\""_s.arg(address.text),
                            field.span);
            address.kind = host.startsWith('.') ? HbaAddressKind::HostSuffix : HbaAddressKind::HostName;
            address.text = QString::fromUtf8(host);
        } else if (parsed.status != 0) {
            return fail(rule, problem, u"hba.invalid-address"_s,
                        u"invalid IP address \"%1\": %2"_s.arg(QString::fromUtf8(host),
                                                                QString::fromLocal8Bit(::gai_strerror(parsed.status))),
                        field.span);
        } else {
            address.kind = HbaAddressKind::Cidr;
            address.family = parsed.storage.ss_family;
            address.address = addressBytes(parsed.storage);
            address.parsedText = numericHost(parsed.storage, parsed.length);
            if (bits) {
                const auto prefix = cidrBits(*bits, address.family);
                if (!prefix)
                    return fail(rule, problem, u"hba.invalid-cidr-mask"_s,
                                u"invalid CIDR mask in address \"%1\""_s.arg(address.text), field.span);
                address.prefixLength = *prefix;
                address.mask = maskFromBits(*prefix, static_cast<int>(address.address.size()));
            } else {
                const bool v4 = address.family == AF_INET;
                auto addPrefixFix = [&] {
                    problem.span = field.span;
                    if (field.span.begin.line == field.span.end.line && !token.quoted && token.viaAtFile.isEmpty())
                        problem.replacementText = address.text + (v4 ? u"/32"_s : u"/128"_s);
                    problem.suggestion = QCoreApplication::translate(
                        "HbaParser", "Give the address a prefix length (/32 for one IPv4 host, /128 for IPv6) or a netmask column.");
                };
                ++index;
                if (index >= fields.size()) {
                    fail(rule, problem, u"hba.missing-netmask"_s, u"end-of-line before netmask specification"_s,
                         line.lineSpan);
                    addPrefixFix();
                    return false;
                }
                const HbaRawField &maskField = fields.at(index);
                rule.netmaskSpan = maskField.span;
                if (maskField.tokens.size() > 1)
                    return fail(rule, problem, u"hba.multiple-values"_s, u"multiple values specified for netmask"_s,
                                maskField.span);
                const QByteArray maskToken = maskField.tokens.first().bytes;
                const NumericAddress mask = numericAddress(maskToken);
                if (mask.status != 0) {
                    fail(rule, problem, u"hba.missing-netmask"_s,
                         u"invalid IP mask \"%1\": %2"_s.arg(QString::fromUtf8(maskToken),
                                                              QString::fromLocal8Bit(::gai_strerror(mask.status))),
                         maskField.span);
                    addPrefixFix();
                    return false;
                }
                if (mask.storage.ss_family != parsed.storage.ss_family)
                    return fail(rule, problem, u"hba.address-mask-mismatch"_s, u"IP address and mask do not match"_s,
                                maskField.span);
                address.hasNetmaskColumn = true;
                address.netmaskText = QString::fromUtf8(maskToken);
                address.mask = addressBytes(mask.storage);
                address.prefixLength = prefixFromMask(address.mask);
                address.parsedMaskText = numericHost(mask.storage, mask.length);
            }
            if (address.parsedMaskText.isEmpty())
                address.parsedMaskText = maskText(address.mask, address.family);
        }
    }
    rule.address = address;
    return true;
}

bool HbaLineParser::parseOption(const QString &name, const QString &value, HbaRule &rule, HbaLineProblem &problem) const
{
    const QString &method = rule.method;
    const int version = m_options.majorVersion;
    auto onlyFor = [&](const QString &methodsText) {
        return fail(rule, problem, u"hba.option-not-for-method"_s,
                    u"authentication option \"%1\" is only valid for authentication methods %2"_s.arg(name, methodsText),
                    problem.span);
    };
    auto invalid = [&](const QString &error) {
        return fail(rule, problem, u"hba.invalid-option-value"_s, error, problem.span);
    };
    // The server logs these but leaves pg_hba_file_rules.error as it was (see HbaRule::viewError).
    auto invalidSilently = [&](const QString &error) {
        const QString before = rule.viewError;
        invalid(error);
        rule.viewError = before;
        return false;
    };
    auto require = [&](const QString &needed) { return method == needed || (onlyFor(needed), false); };

    if (name == u"map"_s) {
        if (method != u"ident"_s && method != u"peer"_s && method != u"gss"_s && method != u"sspi"_s
            && method != u"cert"_s && !(version >= 18 && method == u"oauth"_s))
            return onlyFor(version >= 18 ? u"ident, peer, gssapi, sspi, cert, and oauth"_s
                                         : u"ident, peer, gssapi, sspi, and cert"_s);
        return true;
    }
    if (name == u"clientcert"_s) {
        if (rule.type != HbaConnectionType::HostSsl)
            return invalid(u"clientcert can only be configured for \"hostssl\" rows"_s);
        if (value == u"verify-full"_s)
            return true;
        if (value == u"verify-ca"_s || (version <= 13 && value == u"1"_s)) {
            if (method == u"cert"_s && version >= 14) {
                invalid(u"clientcert only accepts \"verify-full\" when using \"cert\" authentication"_s);
                // The view words it differently from the log.
                rule.viewError = u"clientcert can only be set to \"verify-full\" when using \"cert\" authentication"_s;
                problem.replacementText = u"clientcert=verify-full"_s;
                return false;
            }
            return true;
        }
        if (version <= 13 && (value == u"0"_s || value == u"no-verify"_s)) {
            if (method == u"cert"_s)
                return invalid(u"clientcert cannot be set to \"no-verify\" when using \"cert\" authentication"_s);
            return true;
        }
        invalidSilently(u"invalid value for clientcert: \"%1\""_s.arg(value));
        if (value == u"1"_s)
            problem.replacementText = u"clientcert=verify-ca"_s;
        return false;
    }
    if (name == u"clientname"_s && version >= 14) {
        if (rule.type != HbaConnectionType::HostSsl)
            return invalid(u"clientname can only be configured for \"hostssl\" rows"_s);
        if (value == u"CN"_s || value == u"DN"_s)
            return true;
        invalidSilently(u"invalid value for clientname: \"%1\""_s.arg(value));
        if (value.toUpper() == u"CN"_s || value.toUpper() == u"DN"_s)
            problem.replacementText = u"clientname="_s + value.toUpper();
        return false;
    }
    if (name == u"pamservice"_s || name == u"pam_use_hostname"_s)
        return require(u"pam"_s);
    static const QStringList ldapOptions = {u"ldapurl"_s,       u"ldaptls"_s,          u"ldapscheme"_s,
                                            u"ldapserver"_s,    u"ldapport"_s,         u"ldapbinddn"_s,
                                            u"ldapbindpasswd"_s, u"ldapsearchattribute"_s, u"ldapsearchfilter"_s,
                                            u"ldapbasedn"_s,    u"ldapprefix"_s,       u"ldapsuffix"_s};
    if (ldapOptions.contains(name)) {
        if (!require(u"ldap"_s))
            return false;
        if (name == u"ldapurl"_s) {
            const qsizetype schemeEnd = value.indexOf(u"://"_s);
            const QString scheme = schemeEnd < 0 ? QString() : value.left(schemeEnd);
            if (scheme != u"ldap"_s && scheme != u"ldaps"_s && scheme != u"ldapi"_s)
                return invalid(u"could not parse LDAP URL \"%1\": %2"_s.arg(value, u"Bad parameter to an ldap routine"_s));
            if (scheme == u"ldapi"_s)
                return invalid(u"unsupported LDAP URL scheme: %1"_s.arg(scheme));
        } else if (name == u"ldapport"_s) {
            if (static_cast<int>(cAtoi(value)) == 0)
                return invalid(u"invalid LDAP port number: \"%1\""_s.arg(value));
        } else if (name == u"ldapscheme"_s && value != u"ldap"_s && value != u"ldaps"_s) {
            // Only logged by the server; the line stays valid.
            problem.code = u"hba.invalid-ldapscheme"_s;
            problem.warning = true;
            problem.suggestion = QCoreApplication::translate("HbaParser", "ldapscheme must be ldap or ldaps.");
        }
        return true;
    }
    if (name == u"krb_realm"_s || name == u"include_realm"_s) {
        if (method != u"gss"_s && method != u"sspi"_s)
            return onlyFor(u"gssapi and sspi"_s);
        return true;
    }
    if (name == u"compat_realm"_s || name == u"upn_username"_s) {
        if (method != u"sspi"_s)
            return onlyFor(u"sspi"_s);
        return true;
    }
    if (name == u"radiusservers"_s || name == u"radiussecrets"_s || name == u"radiusports"_s
        || name == u"radiusidentifiers"_s) {
        if (!require(u"radius"_s))
            return false;
        const QStringList items = value.split(u',');
        if (name == u"radiusports"_s) {
            for (const QString &port : items) {
                if (static_cast<int>(cAtoi(port)) == 0)
                    return invalidSilently(u"invalid RADIUS port number: \"%1\""_s.arg(value));
            }
        }
        if (name == u"radiusservers"_s) {
            for (const QString &server : items) {
                addrinfo hints{};
                hints.ai_socktype = SOCK_DGRAM;
                hints.ai_family = AF_UNSPEC;
                addrinfo *info = nullptr;
                const QByteArray host = server.trimmed().toUtf8();
                const int status = ::getaddrinfo(host.isEmpty() ? nullptr : host.constData(), nullptr, &hints, &info);
                if (info)
                    ::freeaddrinfo(info);
                if (status != 0)
                    return invalidSilently(u"could not translate RADIUS server name \"%1\" to address: %2"_s.arg(
                        server.trimmed(), QString::fromLocal8Bit(::gai_strerror(status))));
            }
        }
        return true;
    }
    if (version >= 18
        && (name == u"issuer"_s || name == u"scope"_s || name == u"validator"_s || name == u"delegate_ident_mapping"_s))
        return require(u"oauth"_s);
    fail(rule, problem, u"hba.unknown-option"_s, u"unrecognized authentication option name: \"%1\""_s.arg(name),
         problem.span);
    return false;
}

bool HbaLineParser::checkMandatoryOptions(HbaRule &rule, HbaLineProblem &problem) const
{
    auto has = [&](const char16_t *name) { return rule.option(QString::fromUtf16(name)).has_value(); };
    auto missing = [&](const QString &argument) {
        return fail(rule, problem, u"hba.missing-option"_s,
                    u"authentication method \"%1\" requires argument \"%2\" to be set"_s.arg(rule.method, argument),
                    rule.methodSpan);
    };
    if (rule.method == u"ldap"_s) {
        const bool url = has(u"ldapurl");
        const bool basedn = has(u"ldapbasedn") || url;
        if (has(u"ldapprefix") || has(u"ldapsuffix")) {
            if (basedn || has(u"ldapbinddn") || has(u"ldapbindpasswd") || has(u"ldapsearchattribute")
                || has(u"ldapsearchfilter"))
                return fail(rule, problem, u"hba.conflicting-options"_s,
                            u"cannot use ldapbasedn, ldapbinddn, ldapbindpasswd, ldapsearchattribute, ldapsearchfilter, or ldapurl together with ldapprefix"_s,
                            rule.methodSpan);
        } else if (!basedn) {
            return fail(rule, problem, u"hba.missing-option"_s,
                        u"authentication method \"ldap\" requires argument \"ldapbasedn\", \"ldapprefix\", or \"ldapsuffix\" to be set"_s,
                        rule.methodSpan);
        }
        if (has(u"ldapsearchattribute") && has(u"ldapsearchfilter"))
            return fail(rule, problem, u"hba.conflicting-options"_s,
                        u"cannot use ldapsearchattribute together with ldapsearchfilter"_s, rule.methodSpan);
    }
    if (rule.method == u"radius"_s) {
        if (!has(u"radiusservers"))
            return missing(u"radiusservers"_s);
        if (!has(u"radiussecrets"))
            return missing(u"radiussecrets"_s);
        const qsizetype servers = rule.option(u"radiusservers"_s)->split(u',').size();
        const struct
        {
            const char16_t *option;
            const char16_t *what;
        } lists[] = {{u"radiussecrets", u"secrets"}, {u"radiusports", u"ports"}, {u"radiusidentifiers", u"identifiers"}};
        for (const auto &list : lists) {
            const auto value = rule.option(QString::fromUtf16(list.option));
            if (!value)
                continue;
            const qsizetype count = value->split(u',').size();
            if (count != 1 && count != servers) {
                const QString before = rule.viewError;
                fail(rule, problem, u"hba.invalid-option-value"_s,
                     u"the number of RADIUS %1 (%2) must be 1 or the same as the number of RADIUS servers (%3)"_s
                         .arg(QString::fromUtf16(list.what))
                         .arg(count)
                         .arg(servers),
                     rule.methodSpan);
                if (m_options.majorVersion <= 13)
                    rule.viewError = before; // PG13 only logs it (the view shows NULL)
                return false;
            }
        }
    }
    if (rule.method == u"oauth"_s) {
        if (!has(u"scope"))
            return missing(u"scope"_s);
        if (!has(u"issuer"))
            return missing(u"issuer"_s);
        if (!m_options.oauthValidatorConfigured)
            return fail(rule, problem, u"hba.missing-option"_s,
                        u"oauth_validator_libraries must be set for authentication method oauth"_s, rule.methodSpan);
    }
    return true;
}

} // namespace pgdial::core::hba
