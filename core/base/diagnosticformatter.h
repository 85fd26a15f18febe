#pragma once

#include "base/diagnostic.h"
#include "base/jsonwriter.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

namespace pgdial::core::base {

// Renders diagnostics for tools: the compiler-style text line, a JSON object per diagnostic
// (field names documented in docs/cli.md), and SARIF 2.1.0 for code-scanning services.
class DiagnosticFormatter
{
public:
    static QByteArray toText(const Diagnostics &diagnostics);
    static QJsonObject toJson(const Diagnostic &diagnostic);
    static QJsonArray toJson(const Diagnostics &diagnostics);
    // The same text as writing toJson() with QJsonDocument (Indented), without building the tree:
    // for reports too large to hold twice (a million-line postgresql.conf).
    static void writeJson(JsonWriter &writer, const Diagnostic &diagnostic);
    static void writeJson(JsonWriter &writer, const Diagnostics &diagnostics);
    static QJsonObject summary(const Diagnostics &diagnostics);
    static QByteArray toSarif(const Diagnostics &diagnostics, const QString &rootPath);
};

} // namespace pgdial::core::base
