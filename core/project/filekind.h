#pragma once

#include <QString>

#include <optional>

namespace pgdial::core::project {

enum class FileKind {
    AppConfig, // the application's config.yaml
    Env, // .env, .env.production, prod.env
    EnvExample, // .env.example / .sample / .template: documents the expected keys
    PostgresqlConf, // postgresql.conf and the files it includes
    PgHba, // pg_hba.conf and the files it includes
    PgIdent, // pg_ident.conf
    Compose, // docker-compose*.yml, compose.yaml
    InitScript, // database init scripts (shell or SQL with role DDL)
};

QString fileKindId(FileKind kind); // stable id used in JSON: "app-config", "env", ...
QString fileKindDisplayName(FileKind kind); // translated, plural, for the project tree groups
std::optional<FileKind> fileKindFromId(const QString &id);
constexpr int fileKindCount = 8;

} // namespace pgdial::core::project
