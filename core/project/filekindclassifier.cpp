#include "project/filekindclassifier.h"

#include <QList>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pgdial::core::project {

namespace {

bool isYaml(const QString &lower)
{
    return lower.endsWith(u".yaml") || lower.endsWith(u".yml");
}

// Parameters nearly every real postgresql.conf sets; enough to recognise one by content.
bool looksLikePostgresqlConf(const QList<QByteArray> &lines)
{
    static const QRegularExpression assignment(
        uR"(^\s*(shared_buffers|max_connections|listen_addresses|work_mem|maintenance_work_mem|)"
        uR"(effective_cache_size|wal_level|max_wal_size|log_destination|port|ssl|password_encryption|)"
        uR"(shared_preload_libraries|checkpoint_completion_target|random_page_cost|log_line_prefix)\s*=?\s*\S)"_s,
        QRegularExpression::CaseInsensitiveOption);
    int hits = 0;
    for (const QByteArray &line : lines) {
        if (assignment.match(QString::fromUtf8(line)).hasMatch() && ++hits >= 2)
            return true;
    }
    return false;
}

bool looksLikeHba(const QList<QByteArray> &lines)
{
    static const QRegularExpression record(
        uR"(^\s*(local|host|hostssl|hostnossl|hostgssenc|hostnogssenc)\s+\S+\s+\S+)"_s);
    int rules = 0;
    int other = 0;
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (record.match(QString::fromUtf8(line)).hasMatch())
            ++rules;
        else
            ++other;
    }
    return rules > 0 && rules >= other;
}

bool looksLikeAppConfig(const QList<QByteArray> &lines)
{
    bool inDatabase = false;
    for (const QByteArray &line : lines) {
        if (line.startsWith("database:")) {
            inDatabase = true;
            continue;
        }
        if (!inDatabase)
            continue;
        if (!line.isEmpty() && line.at(0) != ' ' && line.at(0) != '\t' && line.at(0) != '#')
            inDatabase = false; // the next top-level key
        const QByteArray key = line.trimmed();
        if (key.startsWith("url:") || key.startsWith("pool_size:") || key.startsWith("max_overflow:"))
            return true;
    }
    return false;
}

bool looksLikeInitScript(const QByteArray &head)
{
    const QByteArray upper = head.toUpper();
    return upper.contains("CREATE ROLE") || upper.contains("CREATE USER") || upper.contains("CREATE DATABASE");
}

} // namespace

std::optional<FileKind> FileKindClassifier::fromName(const QString &fileName)
{
    const QString lower = fileName.toLower();
    if (lower == u"pg_hba.conf")
        return FileKind::PgHba;
    if (lower == u"pg_ident.conf")
        return FileKind::PgIdent;
    if (lower == u"postgresql.conf" || lower == u"postgresql.auto.conf"
        || (lower.startsWith(u"postgresql") && lower.endsWith(u".conf")))
        return FileKind::PostgresqlConf;
    if (lower.endsWith(u".conf") && lower.contains(u"hba"))
        return FileKind::PgHba;
    if (lower == u"config.yaml" || lower == u"config.yml")
        return FileKind::AppConfig;
    if (isYaml(lower) && (lower.startsWith(u"docker-compose") || lower.startsWith(u"compose")))
        return FileKind::Compose;
    if (lower == u".env")
        return FileKind::Env;
    if (lower.startsWith(u".env.")) {
        const QString suffix = lower.mid(5);
        if (suffix == u"example" || suffix == u"sample" || suffix == u"template" || suffix == u"dist"
            || suffix == u"defaults")
            return FileKind::EnvExample;
        return FileKind::Env;
    }
    if (lower.endsWith(u".env") && lower.size() > 4)
        return FileKind::Env;
    return std::nullopt;
}

bool FileKindClassifier::needsContent(const QString &fileName)
{
    const QString lower = fileName.toLower();
    return lower.endsWith(u".conf") || isYaml(lower) || lower.endsWith(u".sql") || lower.endsWith(u".sh");
}

std::optional<FileKind> FileKindClassifier::fromContent(const QString &fileName, const QByteArray &head)
{
    const QString lower = fileName.toLower();
    const QList<QByteArray> lines = head.split('\n');
    if (lower.endsWith(u".conf")) {
        if (looksLikeHba(lines))
            return FileKind::PgHba;
        if (looksLikePostgresqlConf(lines))
            return FileKind::PostgresqlConf;
        return std::nullopt;
    }
    if (isYaml(lower))
        return looksLikeAppConfig(lines) ? std::optional(FileKind::AppConfig) : std::nullopt;
    if (lower.endsWith(u".sql") || lower.endsWith(u".sh"))
        return looksLikeInitScript(head) ? std::optional(FileKind::InitScript) : std::nullopt;
    return std::nullopt;
}

} // namespace pgdial::core::project
