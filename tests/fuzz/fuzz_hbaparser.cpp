// The pg_hba.conf parser on arbitrary bytes, for every server version: never crash, and every
// span a rule reports lies inside the input (the editors cut the file along those spans).
// `@file` and include targets resolve to a small fixed list so the run stays in memory.
#include "hba/hbaparser.h"

#include <cstdint>
#include <cstdlib>

namespace {

void checkSpan(const pgdial::core::hba::HbaSpan &span, const QList<QByteArray> &lines, bool mainFile)
{
    if (!span.isValid() || !mainFile)
        return;
    if (span.begin.line > lines.size() || span.end.line > lines.size() || span.end.line < span.begin.line)
        std::abort();
    if (span.begin.column < 1 || span.begin.column > lines.at(span.begin.line - 1).size() + 1)
        std::abort();
    if (span.end.column < 1 || span.end.column > lines.at(span.end.line - 1).size() + 1)
        std::abort();
    if (span.begin.line == span.end.line && span.end.column < span.begin.column)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const int version = 13 + data[0] % 6;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const QList<QByteArray> lines = bytes.split('\n');

    pgdial::core::hba::HbaParseOptions options;
    options.majorVersion = version;
    options.sslEnabled = (data[0] / 6) % 2 == 0;
    options.readFile = [](const QString &path, QString *error) -> std::optional<QByteArray> {
        if (path.endsWith(QLatin1String("missing")) || path.endsWith(QLatin1Char('/'))) {
            *error = QStringLiteral("No such file or directory");
            return std::nullopt;
        }
        return QByteArray("alice, \"bob smith\"\n# comment\n+admins\n");
    };
    const pgdial::core::hba::HbaFile file
        = pgdial::core::hba::HbaParser::parse(bytes, QStringLiteral("/fuzz/pg_hba.conf"), options);

    int lastLine = 0;
    for (const pgdial::core::hba::HbaRule &rule : file.rules) {
        const bool mainFile = rule.file == file.mainFile;
        if (mainFile) {
            if (rule.line < lastLine || rule.lastLine < rule.line)
                std::abort();
            lastLine = rule.line;
        }
        for (const auto &span : {rule.lineSpan, rule.typeSpan, rule.databaseSpan, rule.userSpan, rule.addressSpan,
                                 rule.netmaskSpan, rule.methodSpan})
            checkSpan(span, lines, mainFile);
        for (const auto &span : rule.optionSpans)
            checkSpan(span, lines, mainFile);
        if (rule.hasError() && rule.error.isEmpty())
            std::abort();
        (void)rule.viewOptions();
        if (rule.address)
            (void)rule.address->contains(QByteArray(16, '\x01'));
    }
    if (file.ok && pgdial::core::base::hasErrors(file.diagnostics))
        std::abort();
    return 0;
}
