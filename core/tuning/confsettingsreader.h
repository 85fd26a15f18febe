#pragma once

#include "serversetting.h"
#include "textdocument.h"

#include <QHash>

namespace pgdial::core::tuning {

// Where a setting's value sits on its line (0-based line index, byte offsets), so an edit can
// replace exactly those bytes.
struct ConfValueSpan
{
    ServerSetting setting;
    int lineIndex = 0;
    qsizetype valueStart = 0;
    qsizetype valueEnd = 0;
};

// A stand-in for the pgconf engine (branch pgconf) until it lands: reads `name = value` lines of
// ONE postgresql.conf the way PostgreSQL's lexer does for the common forms (quoted values with ''
// and backslash escapes, optional '=', trailing comments; the last occurrence wins). It does not
// follow include directives. Replace with pgconf's ServerSettingLookup provider and ConfEditor.
class ConfSettingsReader
{
public:
    static QHash<QString, ConfValueSpan> read(const TextDocument &document, const QString &relativePath);
    static ServerSettingLookup lookup(const QHash<QString, ConfValueSpan> &settings);
};

} // namespace pgdial::core::tuning
