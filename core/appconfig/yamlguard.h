#pragma once

#include "base/diagnostic.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace pgdial::core::appconfig {

// Looks at YAML bytes before yaml-cpp does, because yaml-cpp recurses once per nesting level and
// hostile files (10,000-deep nesting, huge scalars, invalid UTF-8) would exhaust the stack or
// memory. Linear in the input; refuses with an error diagnostic (codes app.yaml-*).
class YamlGuard
{
public:
    static constexpr qsizetype maxBytes = 4 * 1024 * 1024;
    static constexpr int maxDepth = 64;
    static constexpr int maxAliases = 1000;
    // Nodes a full walk would visit with every alias expanded (see expandedSizeExceeds).
    static constexpr qint64 maxExpandedNodes = 100000;

    static std::optional<base::Diagnostic> check(const QByteArray &bytes, const QString &fileName);
};

} // namespace pgdial::core::appconfig
