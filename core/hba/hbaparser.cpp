#include "hba/hbaparser.h"
#include "hba/hbalineparser.h"
#include "hba/hbatokenizer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

QSet<QString> HbaParseOptions::defaultUnsupportedMethods(int majorVersion)
{
    Q_UNUSED(majorVersion)
    // Linux builds never have SSPI (Windows) or BSD auth (OpenBSD); Debian's and the
    // embedded-postgres builds agree on that (see tests/integration/tst_hba_server.cpp).
    return {u"sspi"_s, u"bsd"_s};
}

HbaParseOptions HbaParseOptions::forServer(int majorVersion, const std::optional<QSet<QString>> &buildFeatures)
{
    HbaParseOptions options;
    options.majorVersion = majorVersion;
    if (!buildFeatures) {
        options.buildFeaturesUnknown = true;
        return options;
    }
    // The methods a build without the library reports as "not supported by this build".
    QSet<QString> unsupported = defaultUnsupportedMethods(majorVersion);
    if (!buildFeatures->contains(u"ldap"_s))
        unsupported.insert(u"ldap"_s);
    if (!buildFeatures->contains(u"gssapi"_s))
        unsupported.insert(u"gss"_s);
    if (!buildFeatures->contains(u"pam"_s))
        unsupported.insert(u"pam"_s);
    options.unsupportedMethods = unsupported;
    options.gssEncSupported = buildFeatures->contains(u"gssapi"_s);
    return options;
}

QList<const HbaRule *> HbaFile::validRules() const
{
    QList<const HbaRule *> result;
    for (const HbaRule &rule : rules) {
        if (!rule.hasError())
            result.append(&rule);
    }
    return result;
}

namespace {

// A fix that replaces one span of one physical line, as a LineEdit on that line.
std::optional<base::Fix> spanFix(const QString &file, const QString &absolutePath, const HbaSpan &span,
                                 const QString &replacement, QHash<QString, QList<QByteArray>> &cache,
                                 const HbaTokenizer &tokenizer)
{
    if (!span.isValid() || span.begin.line != span.end.line)
        return std::nullopt;
    if (!cache.contains(absolutePath)) {
        QString error;
        const auto contents = tokenizer.readFile(absolutePath, &error);
        cache.insert(absolutePath, contents ? contents->split('\n') : QList<QByteArray>());
    }
    const QList<QByteArray> &lines = cache[absolutePath];
    if (span.begin.line > lines.size())
        return std::nullopt;
    QByteArray line = lines.at(span.begin.line - 1);
    const bool cr = line.endsWith('\r');
    if (cr)
        line.chop(1);
    const qsizetype from = span.begin.column - 1;
    const qsizetype to = span.end.column - 1;
    if (from < 0 || to < from || to > line.size())
        return std::nullopt;
    QByteArray replaced = line.left(from) + replacement.toUtf8() + line.mid(to);
    base::Fix fix;
    fix.file = file;
    fix.description = replacement.isEmpty() ? QCoreApplication::translate("HbaParser", "Remove \"%1\"")
                                                  .arg(QString::fromUtf8(line.mid(from, to - from)).trimmed())
                                            : QCoreApplication::translate("HbaParser", "Replace \"%1\" with \"%2\"")
                                                  .arg(QString::fromUtf8(line.mid(from, to - from)), replacement);
    fix.edits.append(base::LineEdit {span.begin.line - 1, 1, {replaced}, {}});
    return fix;
}

// Turns the tokenizer's lines into rules and diagnostics as they come (no list of raw lines is
// kept), then applies the file-level rules.
class RuleCollector
{
public:
    RuleCollector(HbaFile &file, const HbaParseOptions &options, const HbaTokenizer &tokenizer)
        : m_file(file)
        , m_parser(options)
        , m_tokenizer(tokenizer)
    { }

    void add(const HbaRawLine &raw)
    {
        m_problems.clear();
        HbaRule &rule = m_file.rules.emplace_back();
        m_parser.parse(raw, rule, &m_problems);
        if (rule.hasError())
            m_anyError = true;
        else
            rule.ruleNumber = ++m_ruleNumber;
        for (const HbaLineProblem &problem : std::as_const(m_problems))
            m_file.diagnostics.append(diagnosticFor(problem, raw, rule));
    }

    void finish(const QString &mainAbsolute)
    {
        if (!m_anyError && m_ruleNumber == 0) {
            base::Diagnostic diagnostic;
            diagnostic.code = u"hba.no-entries"_s;
            diagnostic.file = m_file.mainFile;
            diagnostic.message = u"configuration file \"%1\" contains no entries"_s.arg(mainAbsolute);
            diagnostic.suggestion = QCoreApplication::translate(
                "HbaParser", "The server refuses a pg_hba.conf without rules; nobody could connect.");
            m_file.diagnostics.append(diagnostic);
        }
        m_file.ok = !m_anyError && m_ruleNumber > 0;
    }

private:
    base::Diagnostic diagnosticFor(const HbaLineProblem &problem, const HbaRawLine &raw, const HbaRule &rule)
    {
        base::Diagnostic diagnostic;
        diagnostic.severity = problem.warning ? base::Severity::Warning : base::Severity::Error;
        diagnostic.code = problem.code;
        diagnostic.file = raw.file;
        const HbaSpan span = problem.span.isValid() ? problem.span : raw.lineSpan;
        diagnostic.line = span.begin.line > 0 ? span.begin.line : raw.lineNumber;
        diagnostic.column = span.begin.column;
        diagnostic.message = problem.warning || rule.error.isEmpty() ? QString() : rule.error;
        if (problem.warning && !problem.message.isEmpty()) {
            diagnostic.message = problem.message;
        } else if (problem.warning) {
            if (problem.code == u"hba.hostssl-ssl-off"_s || problem.code == u"hba.hostgssenc-unsupported"_s)
                diagnostic.message = rule.error.isEmpty() || rule.errorRejectsFile
                    ? QCoreApplication::translate("HbaParser", "this record can never match")
                    : rule.error;
            else
                diagnostic.message = QCoreApplication::translate("HbaParser", "invalid ldapscheme value");
        }
        diagnostic.suggestion = problem.suggestion;
        if (problem.replacementText)
            diagnostic.fix
                = spanFix(raw.file, raw.absolutePath, span, *problem.replacementText, m_fileLines, m_tokenizer);
        return diagnostic;
    }

    HbaFile &m_file;
    const HbaLineParser m_parser;
    const HbaTokenizer &m_tokenizer;
    QHash<QString, QList<QByteArray>> m_fileLines;
    QList<HbaLineProblem> m_problems;
    int m_ruleNumber = 0;
    bool m_anyError = false;
};

} // namespace

HbaFile HbaParser::parse(const QByteArray &contents, const QString &path, const HbaParseOptions &options,
                         const QString &baseDirectory)
{
    HbaFile file;
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    file.baseDirectory = baseDirectory.isEmpty() ? QFileInfo(absolute).path() : QDir(baseDirectory).absolutePath();
    file.mainFile = QDir(file.baseDirectory).relativeFilePath(absolute);
    file.majorVersion = options.majorVersion;
    file.files.append(file.mainFile);
    // As base::TextDocument counts them: a last line without "\n" is a line too.
    file.mainFileLines = int(contents.count('\n')) + (contents.isEmpty() || contents.endsWith('\n') ? 0 : 1);
    HbaTokenizer tokenizer(options, file.baseDirectory, file);
    // At most one rule per line of the main file (included files may add more): reserving up
    // front spares moving thousands of rules while the list grows.
    file.rules.reserve(contents.count('\n') + 1);
    RuleCollector collector(file, options, tokenizer);
    tokenizer.tokenizeFile(absolute, contents, 0, [&collector](const HbaRawLine &raw) { collector.add(raw); });
    collector.finish(absolute);
    return file;
}

HbaFile HbaParser::parseFile(const QString &path, const HbaParseOptions &options, const QString &baseDirectory)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    HbaFile scratch;
    HbaTokenizer reader(options, QFileInfo(absolute).path(), scratch);
    QString error;
    const auto contents = reader.readFile(absolute, &error);
    if (!contents) {
        HbaFile file;
        file.baseDirectory = baseDirectory.isEmpty() ? QFileInfo(absolute).path() : QDir(baseDirectory).absolutePath();
        file.mainFile = QDir(file.baseDirectory).relativeFilePath(absolute);
        file.majorVersion = options.majorVersion;
        base::Diagnostic diagnostic;
        diagnostic.code = u"hba.file-not-found"_s;
        diagnostic.file = file.mainFile;
        diagnostic.message = u"could not open file \"%1\": %2"_s.arg(absolute, error);
        file.diagnostics.append(diagnostic);
        return file;
    }
    return parse(*contents, absolute, options, baseDirectory);
}

} // namespace pgdial::core::hba
