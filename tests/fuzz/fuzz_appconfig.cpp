// Application configuration readers on arbitrary bytes: .env, config.yaml (through the hostile-input
// guard and yaml-cpp), ${VAR} substitution and connection strings must never crash or hang, and
// edits must keep every other byte.
#include "appconfig/appconfigfile.h"
#include "appconfig/connectionurl.h"
#include "appconfig/connectionurlchecker.h"
#include "appconfig/envfile.h"
#include "appconfig/variableresolver.h"
#include "base/textdocument.h"

#include <cstdint>
#include <cstdlib>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::appconfig;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    TextDocument document = TextDocument::fromBytes(bytes);

    const EnvFile env = EnvFile::parse(document, QStringLiteral(".env"));
    if (!env.keys().isEmpty()) {
        const QString key = env.keys().first();
        // A refused edit (it would change how other lines read) is fine; an accepted one must read back.
        if (const Result<LineEdit> edit = env.setValue(document, key, QStringLiteral("a #b\"c"))) {
            const LineEdit inverse = document.apply(*edit);
            if (EnvFile::parse(document, QStringLiteral(".env")).find(key)->value != QStringLiteral("a #b\"c"))
                std::abort();
            document.apply(inverse);
            if (document.toBytes() != bytes)
                std::abort();
        }
    }

    VariableResolver resolver;
    resolver.addEnvFile(env);
    const QString text = QString::fromUtf8(bytes.left(4096));
    (void)resolver.substitute(text, QStringLiteral("config.yaml"), 1, 1);

    const ConnectionUrl url = ConnectionUrlParser::parse(text);
    (void)ConnectionUrlChecker::check(url, {QStringLiteral("x"), 1, 1, {}, QStringLiteral("production"), {}});
    (void)url.masked();

    const AppConfigFile config = AppConfigFile::parse(document, QStringLiteral("config.yaml"));
    for (const ConfigScalar &field : config.databaseFields()) {
        const Result<LineEdit> edit = config.setField(document, field.path.last(), QStringLiteral("x: 'y'"));
        if (!edit)
            continue;
        const LineEdit inverse = document.apply(*edit);
        document.apply(inverse);
        if (document.toBytes() != bytes)
            std::abort();
    }
    return 0;
}
