#pragma once

#include <QString>

#include <optional>

namespace pgdial::core::environments {

// What a container image reference says about the PostgreSQL server it runs.
struct PostgresImage
{
    QString reference; // as written ("postgres:16-alpine", "postgis/postgis:15-3.4@sha256:...")
    QString repository; // "postgres", "postgis/postgis", "registry.example.com/db/postgres"
    QString tag; // "16-alpine"; empty when none
    bool hasDigest = false; // pinned by @sha256:...
    std::optional<int> major; // the PostgreSQL major the tag names; nullopt when the tag does not tell
    QString unknownReason; // why major is unknown ("latest", "digest", "no tag", "tag names no version")

    // Whether the image runs a PostgreSQL server (postgres, postgis, timescaledb, bitnami/postgresql, ...).
    static bool looksLikePostgres(const QString &reference);
    static PostgresImage parse(const QString &reference);
};

} // namespace pgdial::core::environments
