#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace pgdial::core::appconfig {

enum class UrlKind {
    Empty,
    PostgresUri, // postgresql:// or postgres:// (after mapping a SQLAlchemy driver prefix)
    PostgresKeyValue, // host=... port=... (libpq's key=value form)
    Sqlite, // sqlite:///path, sqlite:///:memory:
    Unsupported, // another scheme (mysql://, jdbc:...)
};

struct ConnectionParameter
{
    QString keyword;
    QString value;
};

// A connection string as libpq (and the app's driver) reads it. Parsed values are libpq's own:
// the libpq form of the string goes through PQconninfoParse, so pgdial never disagrees with libpq.
struct ConnectionUrl
{
    QString text; // as given (the resolved value, not the ${...} expression)
    UrlKind kind = UrlKind::Empty;
    QString scheme; // "postgresql+asyncpg", "postgresql", "sqlite", "" for key=value
    QString driver; // "libpq", "asyncpg", "psycopg", "psycopg2", "pg8000", "sqlite"
    QString libpqForm; // the string handed to PQconninfoParse (driver prefix and driver-only parameters removed)
    bool parsed = false; // PQconninfoParse accepted libpqForm
    bool libpqAccepts = false; // parsed, and libpq's connection-time option checks pass too
    QString libpqError; // PQconninfoParse's or the option check's message (passwords masked)
    QList<ConnectionParameter> parameters; // every keyword PQconninfoParse set, in libpq's order
    QList<ConnectionParameter> driverParameters; // query parameters only the driver understands (asyncpg: ssl=...)
    QList<ConnectionParameter> query; // the URI's query parameters as written (decoded)
    QString sqlitePath;
    bool sqliteMemory = false;

    std::optional<QString> value(const QString &keyword) const;
    bool isPostgres() const { return kind == UrlKind::PostgresUri || kind == UrlKind::PostgresKeyValue; }
    // The sslmode the driver will use: asyncpg's ssl= parameter, else libpq's sslmode (default prefer).
    QString effectiveSslMode() const;
    QString masked() const; // the text with its password hidden
    QList<ConnectionParameter> maskedParameters() const;
};

class ConnectionUrlParser
{
public:
    static ConnectionUrl parse(const QString &text);
    // Keywords the linked libpq knows (PQconndefaults).
    static const QStringList &libpqKeywords();
    // libpq's checks of option values that happen when connecting, before any network traffic
    // (sslmode, port numbers, host/port counts, ...): an error message, or empty when fine.
    static QString validateOptions(const QList<ConnectionParameter> &parameters);
};

} // namespace pgdial::core::appconfig
