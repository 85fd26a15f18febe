#pragma once

#include "pgconf/parametercatalog.h"
#include "pgconf/valueparser.h"

#include <QByteArray>
#include <QString>

namespace pgdial::core::pgconf {

// Writes values back the way a DBA writes them: "256MB" rather than 32768 blocks, "5min" rather
// than 300, quotes only where the file's lexer needs them.
class ValueFormatter
{
public:
    // A number in the parameter's base unit ("8kB", "ms", ...) with the largest unit that keeps it
    // exact: 16384 blocks of 8kB -> "128MB", 300 s -> "5min". Zero and negative values stay bare.
    static QString withUnit(double baseValue, const QString &baseUnit);

    // The DBA form of a value the server accepts: numbers with units, "on"/"off", the canonical
    // enum value, strings as given.
    static QString format(const ParameterInfo &parameter, const ParsedValue &value);

    // The value as one postgresql.conf token: bare when the lexer reads it back as exactly this
    // value, else single-quoted with ' doubled and backslashes escaped.
    static QByteArray toToken(const QString &value);
    static bool needsQuotes(const QString &value);
};

} // namespace pgdial::core::pgconf
