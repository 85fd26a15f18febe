#include "appconfig/yamlguard.h"

#include "base/textfilereader.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace pgdial::core::appconfig {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("YamlGuard", text);
}

bool startsToken(const QByteArray &line, qsizetype i)
{
    if (i == 0)
        return true;
    const char p = line.at(i - 1);
    return p == ' ' || p == '\t' || p == '[' || p == '{' || p == ',' || p == ':' || p == '-';
}

} // namespace

std::optional<base::Diagnostic> YamlGuard::check(const QByteArray &bytes, const QString &fileName)
{
    auto refuse = [&](const QString &code, int line, int column, const QString &message, const QString &suggestion) {
        base::Diagnostic d;
        d.severity = base::Severity::Error;
        d.code = code;
        d.file = fileName;
        d.line = line;
        d.column = column;
        d.message = message;
        d.suggestion = suggestion;
        return std::optional<base::Diagnostic>(d);
    };
    if (bytes.size() > maxBytes)
        return refuse(u"app.yaml-too-large"_s, 0, 0,
                      tr("The file is larger than %1 MiB; pgdial refuses configuration YAML that large")
                          .arg(maxBytes / (1024 * 1024)),
                      tr("An application's config.yaml should be a few kilobytes: check that this is the right file"));
    if (const qsizetype bad = base::firstInvalidUtf8(bytes); bad >= 0) {
        const auto [line, column] = base::lineAndColumnOf(bytes, bad);
        return refuse(u"app.yaml-invalid-utf8"_s, line, column,
                      tr("YAML must be UTF-8, but the byte at this position is not"), tr("Save the file as UTF-8"));
    }
    if (bytes.contains('\0'))
        return refuse(u"app.yaml-invalid-utf8"_s, 0, 0, tr("The file contains NUL bytes"),
                      tr("Save the file as UTF-8 text"));

    int flowDepth = 0;
    int aliases = 0;
    QList<int> indents; // open block levels
    int lineNumber = 0;
    qsizetype start = 0;
    char quote = 0; // an open quoted scalar spanning lines
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        const QByteArray line = bytes.mid(start, end - start);
        ++lineNumber;
        start = end + 1;
        qsizetype i = 0;
        if (!quote && flowDepth == 0) {
            // Block nesting: indentation, plus one level per "- " that opens a sequence on the line.
            while (i < line.size() && line.at(i) == ' ')
                ++i;
            if (i < line.size() && line.at(i) != '#' && line.at(i) != '\r') {
                int indent = static_cast<int>(i);
                while (!indents.isEmpty() && indents.last() >= indent)
                    indents.removeLast();
                indents.append(indent);
                while (i + 1 < line.size() && line.at(i) == '-' && (line.at(i + 1) == ' ' || line.at(i + 1) == '\t')) {
                    i += 2;
                    while (i < line.size() && line.at(i) == ' ')
                        ++i;
                    indents.append(static_cast<int>(i));
                    if (indents.size() > maxDepth)
                        break;
                }
                if (indents.size() > maxDepth)
                    return refuse(u"app.yaml-too-deep"_s, lineNumber, static_cast<int>(i) + 1,
                                  tr("The YAML nests deeper than %1 levels; pgdial refuses it").arg(maxDepth),
                                  tr("Flatten the structure; configuration files do not need such depth"));
            }
        }
        for (; i < line.size(); ++i) {
            const char c = line.at(i);
            if (quote) {
                if (quote == '"' && c == '\\') {
                    ++i;
                } else if (c == quote) {
                    if (quote == '\'' && i + 1 < line.size() && line.at(i + 1) == '\'')
                        ++i;
                    else
                        quote = 0;
                }
                continue;
            }
            if (c == '#' && startsToken(line, i) && (i == 0 || line.at(i - 1) == ' ' || line.at(i - 1) == '\t'))
                break;
            if ((c == '"' || c == '\'') && startsToken(line, i)) {
                quote = c;
            } else if (c == '[' || c == '{') {
                if (++flowDepth + static_cast<int>(indents.size()) > maxDepth)
                    return refuse(u"app.yaml-too-deep"_s, lineNumber, static_cast<int>(i) + 1,
                                  tr("The YAML nests deeper than %1 levels; pgdial refuses it").arg(maxDepth),
                                  tr("Flatten the structure; configuration files do not need such depth"));
            } else if (c == ']' || c == '}') {
                flowDepth = std::max(0, flowDepth - 1);
            } else if (c == '*' && startsToken(line, i) && i + 1 < line.size() && line.at(i + 1) != ' ') {
                if (++aliases > maxAliases)
                    return refuse(u"app.yaml-alias-bomb"_s, lineNumber, static_cast<int>(i) + 1,
                                  tr("The YAML uses more than %1 aliases; pgdial refuses it").arg(maxAliases),
                                  tr("Write the values out, or use fewer anchors and aliases"));
            }
        }
        if (end == bytes.size())
            break;
    }
    return std::nullopt;
}

} // namespace pgdial::core::appconfig
