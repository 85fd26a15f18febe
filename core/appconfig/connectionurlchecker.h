#pragma once

#include "appconfig/connectionurl.h"
#include "base/diagnostic.h"

#include <QString>

namespace pgdial::core::appconfig {

// Judges a parsed connection string: libpq's verdict explained, plus what libpq accepts but the
// app's driver or the environment mode does not. Codes url.*; each message says whose view it
// takes (libpq, SQLAlchemy, asyncpg) where they differ.
class ConnectionUrlChecker
{
public:
    struct Context
    {
        QString file; // where the URL is written (diagnostics point there)
        int line = 0;
        int column = 0;
        QString rawText; // the text as written, before ${VAR} substitution (empty: same as the URL)
        QString environmentMode; // development / production / testing (empty: unknown)
        QString baseDirectory; // relative sslrootcert/sslcert/sslkey paths are taken from here
    };

    static base::Diagnostics check(const ConnectionUrl &url, const Context &context);

    // The URL with the userinfo's user name and password percent-encoded (what to write instead).
    // Unchanged when there is nothing to encode or no userinfo.
    static QString encodePassword(const QString &text);
    // The password part of a URI's userinfo as written (up to the last '@' of the authority).
    static std::optional<QString> rawPassword(const QString &text);
};

} // namespace pgdial::core::appconfig
