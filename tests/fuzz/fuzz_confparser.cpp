// The postgresql.conf lexer, line parser and include resolution on arbitrary bytes: never crash
// or hang, positions stay inside the line, and the pg_file_settings rows stay consistent. The
// validator (check hooks: time zone specs, synchronous_standby_names, lists) judges the result.
#include "pgconf/conffilesettings.h"
#include "pgconf/conflexer.h"
#include "pgconf/confloader.h"
#include "pgconf/confparser.h"
#include "pgconf/confvalidator.h"
#include "pgconf/parametercatalog.h"

#include <QDir>

#include <cstdint>
#include <cstdlib>

using namespace pgdial::core::pgconf;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    const ConfParsedFile parsed = ConfParser::parse(bytes);
    for (const ConfLine &line : parsed.lines) {
        if (line.line < 1 || line.line > parsed.lineCount)
            std::abort();
        if (line.kind != ConfLineKind::SyntaxError && (line.nameColumn < 1 || line.valueEndColumn <= line.valueColumn))
            std::abort();
        if (line.value.size() > line.rawValue.size())
            std::abort();
    }

    // Every token is non-empty and tokens tile the line without overlapping.
    const qsizetype newline = bytes.indexOf('\n');
    ConfLexer lexer(QByteArrayView(bytes).first(newline < 0 ? bytes.size() : newline));
    qsizetype end = 0;
    for (ConfToken token = lexer.next(); token.kind != ConfTokenKind::EndOfLine; token = lexer.next()) {
        if (token.length <= 0 || token.start < end)
            std::abort();
        end = token.start + token.length;
    }

    // Include resolution over in-memory files (nothing on disk is read: includes of names
    // that are not overridden resolve to missing files under a folder that does not exist).
    ConfLoader loader;
    const QString root = QStringLiteral("/nonexistent-pgdial-fuzz");
    loader.setDiskAccess(false);
    loader.setOverride(root + QStringLiteral("/postgresql.conf"), bytes);
    loader.setOverride(root + QStringLiteral("/self.conf"), bytes.left(bytes.size() / 2));
    const ConfLoadResult result = loader.load(root + QStringLiteral("/postgresql.conf"));
    const QList<ConfFileSetting> rows = confFileSettings(result);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i).seqno != i + 1)
            std::abort();
    }
    if (!result.errorRows.isEmpty() && !result.parseFailed)
        std::abort();

    // Phases 2 and 3 for a major picked by the input, with the server's build and machine
    // unknown and known: one verdict per item, and an error whenever the file is refused.
    const int major = 13 + (size > 0 ? data[0] % 6 : 0);
    ConfValidator validator(ParameterCatalog::forVersion(major), major);
    if (size > 1 && (data[1] & 1)) {
        ConfServerFacts facts;
        facts.buildFeatures = QSet<QString> {QStringLiteral("lz4")};
        facts.runsOnThisMachine = true;
        validator.setServerFacts(facts);
    }
    const ConfValidation validation = validator.validate(result);
    if (validation.items.size() != result.items.size())
        std::abort();
    if (!result.parseFailed && !validation.ok && !pgdial::core::base::hasErrors(validation.diagnostics))
        std::abort();
    return 0;
}
