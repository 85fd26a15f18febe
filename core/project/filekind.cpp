#include "project/filekind.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace pgdial::core::project {

QString fileKindId(FileKind kind)
{
    switch (kind) {
    case FileKind::AppConfig:
        return u"app-config"_s;
    case FileKind::Env:
        return u"env"_s;
    case FileKind::EnvExample:
        return u"env-example"_s;
    case FileKind::PostgresqlConf:
        return u"postgresql-conf"_s;
    case FileKind::PgHba:
        return u"pg-hba"_s;
    case FileKind::PgIdent:
        return u"pg-ident"_s;
    case FileKind::Compose:
        return u"compose"_s;
    case FileKind::InitScript:
        return u"init-script"_s;
    }
    return {};
}

std::optional<FileKind> fileKindFromId(const QString &id)
{
    for (int i = 0; i < fileKindCount; ++i) {
        const auto kind = static_cast<FileKind>(i);
        if (fileKindId(kind) == id)
            return kind;
    }
    return std::nullopt;
}

QString fileKindDisplayName(FileKind kind)
{
    switch (kind) {
    case FileKind::AppConfig:
        return QCoreApplication::translate("pgdial", "Application config");
    case FileKind::Env:
        return QCoreApplication::translate("pgdial", "Environment files");
    case FileKind::EnvExample:
        return QCoreApplication::translate("pgdial", "Environment templates");
    case FileKind::PostgresqlConf:
        return QCoreApplication::translate("pgdial", "Server settings (postgresql.conf)");
    case FileKind::PgHba:
        return QCoreApplication::translate("pgdial", "Client authentication (pg_hba.conf)");
    case FileKind::PgIdent:
        return QCoreApplication::translate("pgdial", "User name maps (pg_ident.conf)");
    case FileKind::Compose:
        return QCoreApplication::translate("pgdial", "Docker Compose");
    case FileKind::InitScript:
        return QCoreApplication::translate("pgdial", "Init scripts");
    }
    return {};
}

} // namespace pgdial::core::project
