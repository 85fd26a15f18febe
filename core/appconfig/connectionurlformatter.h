#pragma once

#include "appconfig/connectionurl.h"

#include <QList>
#include <QString>

#include <optional>

namespace pgdial::core::appconfig {

// One host of a (possibly multi-host) connection string. `port` is empty when not written.
struct UrlHost
{
    QString host; // a name, an IPv4/IPv6 address (no brackets) or a Unix-socket directory
    QString port;
    bool operator==(const UrlHost &) const = default;
};

// A PostgreSQL connection string taken apart into what a person edits, with values decoded
// (no percent-encoding, no quoting): what the URL builder shows field by field.
struct UrlComponents
{
    bool keyValueForm = false; // libpq's `host=... dbname=...` form instead of a URI
    QString scheme = QStringLiteral("postgresql"); // "postgresql", "postgres", "postgresql+asyncpg", ...
    QList<UrlHost> hosts;
    QString database;
    QString user;
    QString password;
    QList<ConnectionParameter> query; // every other parameter (sslmode, sslrootcert, ...) in written order

    QString parameter(const QString &keyword) const; // empty when absent
    // Sets (or, for an empty value, removes) a query parameter, keeping its place.
    void setParameter(const QString &keyword, const QString &value);
};

// Takes a connection string apart (reusing ConnectionUrlParser, so libpq's own decoding applies)
// and writes one back, percent-encoding (URI) or quoting (key=value) whatever needs it, so that
// libpq reads the result as exactly the components given. ${VAR} references are written as they
// are: substitution happens before libpq sees the text.
class ConnectionUrlFormatter
{
public:
    // nullopt for strings that are not PostgreSQL connection strings libpq accepts.
    static std::optional<UrlComponents> decompose(const QString &text);
    static QString format(const UrlComponents &components);

    // RFC 3986 percent-encoding of everything but unreserved characters and ${VAR} references.
    static QString encode(const QString &value);
    // A libpq key=value value: bare when possible, else single-quoted with \ and ' escaped.
    static QString quoteKeyValue(const QString &value);
};

} // namespace pgdial::core::appconfig
