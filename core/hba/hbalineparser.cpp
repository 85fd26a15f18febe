#include "hba/hbalineparser.h"

#include "hba/hbaaddressparser.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

QString text(const HbaRawToken &token)
{
    return QString::fromUtf8(token.bytes);
}

// The keywords and connection types every rule repeats, as shared constant strings: a token
// that spells one gets the constant instead of a freshly decoded copy (no allocation).
QString internedText(const QByteArray &bytes)
{
    static const QString constants[]
        = {u"all"_s,  u"sameuser"_s, u"samerole"_s,  u"samegroup"_s,  u"replication"_s, u"local"_s,
           u"host"_s, u"hostssl"_s,  u"hostnossl"_s, u"hostgssenc"_s, u"hostnogssenc"_s};
    if (bytes.size() <= 12) {
        for (const QString &constant : constants) {
            if (constant.size() == bytes.size() && QLatin1StringView(bytes) == constant)
                return constant;
        }
    }
    return QString::fromUtf8(bytes);
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

const QStringList allMethods
    = {u"trust"_s,         u"ident"_s, u"peer"_s, u"password"_s, u"gss"_s,  u"sspi"_s,   u"reject"_s, u"md5"_s,
       u"scram-sha-256"_s, u"pam"_s,   u"bsd"_s,  u"ldap"_s,     u"cert"_s, u"radius"_s, u"oauth"_s};

// The methods that exist only in builds with a library, and the build feature
// (project::ProjectSettings::knownBuildFeatures) that names it.
const QHash<QString, QString> &buildDependentMethods()
{
    static const QHash<QString, QString> methods {
        {u"ldap"_s, u"ldap"_s}, {u"gss"_s, u"gssapi"_s}, {u"pam"_s, u"pam"_s}};
    return methods;
}

// What a build feature is called in the server's configure options.
QString featureLibrary(const QString &feature)
{
    return feature == u"gssapi"_s ? u"GSSAPI"_s : feature.toUpper();
}

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

} // namespace

HbaLineParser::HbaLineParser(const HbaParseOptions &options)
    : m_options(options)
    , m_unsupported(
          options.unsupportedMethods.value_or(HbaParseOptions::defaultUnsupportedMethods(options.majorVersion)))
    , m_knownMethods(knownMethods(options.majorVersion))
    , m_optionChecker(options)
{ }

QStringList HbaLineParser::knownMethods(int majorVersion)
{
    QStringList methods = allMethods;
    if (majorVersion < 18)
        methods.removeAll(u"oauth"_s);
    return methods;
}

HbaRule HbaLineParser::parse(const HbaRawLine &line, QList<HbaLineProblem> *problems) const
{
    HbaRule rule;
    parse(line, rule, problems);
    return rule;
}

void HbaLineParser::parse(const HbaRawLine &line, HbaRule &rule, QList<HbaLineProblem> *problems) const
{
    rule.file = line.file;
    rule.line = line.lineNumber;
    rule.lastLine = line.lastLine;
    rule.lineSpan = line.lineSpan;
    if (!line.error.isEmpty()) {
        rule.error = line.error;
        rule.viewError = line.error;
        rule.errorRejectsFile = true;
        problems->append(
            {line.errorCode, line.errorSpan.isValid() ? line.errorSpan : line.lineSpan, {}, {}, false, {}});
        return;
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
        problem.fail(rule, u"hba.multiple-values"_s, u"multiple values specified for connection type"_s,
                     typeField.span);
        problem.suggestion = QCoreApplication::translate("HbaParser", "Write exactly one connection type per line.");
        report();
        return;
    }
    const QString typeText = internedText(typeField.tokens.first().bytes);
    const auto type = connectionTypeFromName(typeText);
    if (!type) {
        problem.fail(rule, u"hba.invalid-connection-type"_s, u"invalid connection type \"%1\""_s.arg(typeText),
                     typeField.span);
        if (const auto lower = connectionTypeFromName(typeText.toLower())) {
            problem.replacementText = connectionTypeName(*lower);
            problem.suggestion
                = QCoreApplication::translate("HbaParser", "Connection types are lower case: write \"%1\".")
                      .arg(*problem.replacementText);
        } else if (typeText.startsWith(u"include"_s) && version < 16) {
            problem.suggestion = QCoreApplication::translate(
                "HbaParser", "include directives in pg_hba.conf need PostgreSQL 16 or later.");
        } else {
            problem.suggestion = QCoreApplication::translate(
                "HbaParser", "Use local, host, hostssl, hostnossl, hostgssenc or hostnogssenc.");
        }
        report();
        return;
    }
    rule.type = *type;
    if (rule.type == HbaConnectionType::HostSsl && !m_options.sslEnabled) {
        rule.error = u"hostssl record cannot match because SSL is disabled"_s;
        rule.viewError = rule.error;
        problems->append({u"hba.hostssl-ssl-off"_s,
                          typeField.span,
                          QCoreApplication::translate("HbaParser", "Set ssl = on in postgresql.conf."),
                          {},
                          true,
                          {}});
    } else if (rule.type == HbaConnectionType::HostGssEnc && !m_options.gssEncSupported) {
        rule.error = u"hostgssenc record cannot match because GSSAPI is not supported by this build"_s;
        rule.viewError = rule.error;
        problems->append({u"hba.hostgssenc-unsupported"_s, typeField.span, {}, {}, true, {}});
    } else if (rule.type == HbaConnectionType::HostGssEnc && m_options.buildFeaturesUnknown) {
        HbaLineProblem warning {u"hba.build-dependent-type"_s,
                                typeField.span,
                                QCoreApplication::translate("HbaParser",
                                                            "Name the server's build features (project "
                                                            "settings, --build-features) to know."),
                                {},
                                true,
                                QCoreApplication::translate("HbaParser",
                                                            "hostgssenc lines match only on a server built with "
                                                            "GSSAPI; on other builds this line can never match")};
        problems->append(warning);
    }

    // Database and user lists.
    auto readList = [&](bool database, QList<HbaToken> &out, HbaSpan &span) -> bool {
        ++index;
        if (index >= fields.size()) {
            problem.fail(rule, u"hba.missing-field"_s,
                         database ? u"end-of-line before database specification"_s
                                  : u"end-of-line before role specification"_s,
                         line.lineSpan);
            report();
            return false;
        }
        const HbaRawField &field = fields.at(index);
        span = field.span;
        out.reserve(field.tokens.size());
        for (const HbaRawToken &raw : field.tokens) {
            HbaToken token;
            token.text = internedText(raw.bytes);
            token.quoted = raw.quoted;
            token.value = token.text;
            token.sourceFile = raw.sourceFile;
            token.sourceLine = raw.sourceLine;
            token.viaAtFile = raw.viaAtFile;
            token.span = raw.span;
            if (version >= 16 && token.text.startsWith(u'/')) {
                if (const auto error = regexError(token.text.mid(1))) {
                    problem.fail(rule, u"hba.invalid-regex"_s,
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
            out.append(std::move(token));
        }
        return true;
    };
    if (!readList(true, rule.databases, rule.databaseSpan) || !readList(false, rule.users, rule.userSpan))
        return;

    if (rule.type != HbaConnectionType::Local) {
        ++index;
        if (!HbaAddressParser::parse(line, index, rule, problem)) {
            report();
            return;
        }
    }

    // Method.
    ++index;
    if (index >= fields.size()) {
        problem.fail(rule, u"hba.missing-field"_s, u"end-of-line before authentication method"_s, line.lineSpan);
        report();
        return;
    }
    const HbaRawField &methodField = fields.at(index);
    rule.methodSpan = methodField.span;
    if (methodField.tokens.size() > 1) {
        problem.fail(rule, u"hba.multiple-values"_s, u"multiple values specified for authentication type"_s,
                     methodField.span);
        report();
        return;
    }
    const QStringList &known = m_knownMethods;
    const QByteArray &methodBytes = methodField.tokens.first().bytes;
    // A known method name becomes the list's own constant string (no allocation per rule).
    const auto knownMethod = std::find_if(known.cbegin(), known.cend(), [&methodBytes](const QString &name) {
        return name.size() == methodBytes.size() && QLatin1StringView(methodBytes) == name;
    });
    const QString method = knownMethod != known.cend() ? *knownMethod : text(methodField.tokens.first());
    rule.methodAsWritten = method;
    if (knownMethod == known.cend()) {
        problem.fail(rule, u"hba.invalid-method"_s, u"invalid authentication method \"%1\""_s.arg(method),
                     methodField.span);
        const QString intended = intendedMethod(method, known);
        if (!intended.isEmpty()) {
            problem.replacementText = intended;
            problem.suggestion
                = QCoreApplication::translate("HbaParser", "Method names are exact: write \"%1\".").arg(intended);
        } else if (rule.address && rule.address->kind == HbaAddressKind::Cidr && !rule.address->hasNetmaskColumn
                   && HbaAddressParser::isNumericHost(methodField.tokens.first().bytes)) {
            // `10.0.0.0/8 255.0.0.0 md5`: the address already has a prefix, the mask is read as the method.
            problem.span = HbaSpan {rule.addressSpan.end, methodField.span.end};
            if (problem.span.begin.line == problem.span.end.line)
                problem.replacementText = QString();
            problem.suggestion = QCoreApplication::translate(
                "HbaParser", "The address already has a /prefix; remove the netmask column.");
        } else {
            problem.suggestion
                = QCoreApplication::translate("HbaParser", "Valid methods: %1.").arg(known.join(u", "_s));
        }
        report();
        return;
    }
    if (m_unsupported.contains(method)) {
        problem.fail(rule, u"hba.unsupported-method"_s,
                     u"invalid authentication method \"%1\": not supported by this build"_s.arg(method),
                     methodField.span);
        report();
        return;
    }
    if (m_options.buildFeaturesUnknown && buildDependentMethods().contains(method)) {
        HbaLineProblem warning {u"hba.build-dependent-method"_s,
                                methodField.span,
                                QCoreApplication::translate("HbaParser",
                                                            "Name the server's build features (project "
                                                            "settings, --build-features) to know."),
                                {},
                                true,
                                {}};
        const QString feature = buildDependentMethods().value(method);
        warning.message = QCoreApplication::translate("HbaParser",
                                                      "method \"%1\" needs a server built with %2 (build "
                                                      "feature \"%3\"); a build without it refuses the whole file")
                              .arg(method, featureLibrary(feature), feature);
        problems->append(warning);
    }
    if (method == u"md5"_s && m_options.dbUserNamespace && version <= 16) {
        problem.fail(rule, u"hba.md5-db-user-namespace"_s,
                     u"MD5 authentication is not supported when \"db_user_namespace\" is enabled"_s, methodField.span);
        problem.replacementText = u"scram-sha-256"_s;
        report();
        return;
    }
    rule.method = method;
    if (rule.type == HbaConnectionType::Local && method == u"ident"_s)
        rule.method = u"peer"_s;
    if (rule.type == HbaConnectionType::Local && method == u"gss"_s) {
        problem.fail(rule, u"hba.method-not-allowed"_s, u"gssapi authentication is not supported on local sockets"_s,
                     methodField.span);
        report();
        return;
    }
    if (rule.type != HbaConnectionType::Local && rule.method == u"peer"_s) {
        problem.fail(rule, u"hba.method-not-allowed"_s, u"peer authentication is only supported on local sockets"_s,
                     methodField.span);
        problem.suggestion
            = QCoreApplication::translate("HbaParser", "Use ident (or a password method) for TCP connections.");
        report();
        return;
    }
    if (rule.type != HbaConnectionType::HostSsl && rule.method == u"cert"_s) {
        problem.fail(rule, u"hba.method-not-allowed"_s,
                     u"cert authentication is only supported on hostssl connections"_s, methodField.span);
        if (rule.type != HbaConnectionType::Local) {
            problem.span = rule.typeSpan;
            problem.replacementText = u"hostssl"_s;
        }
        report();
        return;
    }

    // Options: every later field, each a comma list of name=value.
    for (++index; index < fields.size(); ++index) {
        const HbaRawField &field = fields.at(index);
        rule.optionSpans.append(field.span);
        for (const HbaRawToken &raw : field.tokens) {
            const QString token = text(raw);
            const qsizetype equals = token.indexOf(u'=');
            if (equals < 0) {
                problem.fail(rule, u"hba.invalid-option"_s,
                             u"authentication option not in name=value format: %1"_s.arg(token), raw.span);
                report();
                return;
            }
            HbaOption option {token.left(equals), token.mid(equals + 1), raw.span};
            problem = HbaLineProblem();
            problem.span = raw.span;
            if (!m_optionChecker.check(option.name, option.value, rule, problem)) {
                rule.options.append(option);
                report();
                return;
            }
            if (problem.warning)
                report();
            rule.options.append(option);
        }
    }
    if (!m_optionChecker.checkMandatory(rule, problem)) {
        report();
        return;
    }
}

} // namespace pgdial::core::hba
