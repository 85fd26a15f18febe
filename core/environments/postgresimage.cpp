#include "environments/postgresimage.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

bool PostgresImage::looksLikePostgres(const QString &reference)
{
    const QString lower = reference.toLower().section(u'@', 0, 0);
    const QString repository = lower.section(u'/', -1).section(u':', 0, 0);
    return repository.startsWith(u"postgres"_s) || repository.contains(u"postgis"_s)
        || repository.contains(u"timescaledb"_s) || repository == u"pgvector"_s || repository == u"supabase-postgres"_s;
}

PostgresImage PostgresImage::parse(const QString &reference)
{
    PostgresImage image;
    image.reference = reference.trimmed();
    QString rest = image.reference;
    if (const qsizetype at = rest.indexOf(u'@'); at >= 0) {
        image.hasDigest = true;
        rest = rest.left(at);
    }
    // The tag follows the last ':' after the last '/' (a registry's ":5000" comes before a '/').
    const qsizetype slash = rest.lastIndexOf(u'/');
    const qsizetype colon = rest.lastIndexOf(u':');
    if (colon > slash) {
        image.tag = rest.mid(colon + 1);
        image.repository = rest.left(colon);
    } else {
        image.repository = rest;
    }
    if (image.tag.isEmpty()) {
        // Without a tag Docker pulls "latest" (or exactly the digest): neither names a major.
        image.unknownReason = image.hasDigest ? u"digest"_s : u"no tag"_s;
        return image;
    }
    const QString lowerTag = image.tag.toLower();
    if (lowerTag == u"latest" || (lowerTag.startsWith(u"latest-"_s) && !lowerTag.contains(u"pg"_s))) {
        image.unknownReason = u"latest"_s;
        return image;
    }
    // "16", "16.2", "16-alpine", "15-3.4" (postgis: PostgreSQL first, then PostGIS),
    // "9.6" (before 10 the major had two parts; pgdial names it 9), "latest-pg16", "pg16-ts2.14",
    // and the test releases the official image tags before a major is out ("18beta1", "18rc1-alpine").
    static const QRegularExpression leading(u"^(\\d+)(?:[.\\-_]|beta\\d|rc\\d|$)"_s);
    static const QRegularExpression pgPrefixed(u"(?:^|[^a-z])pg(\\d+)"_s);
    QRegularExpressionMatch match = pgPrefixed.match(lowerTag);
    if (!match.hasMatch())
        match = leading.match(lowerTag);
    if (match.hasMatch()) {
        bool ok = false;
        const int major = match.captured(1).toInt(&ok);
        if (ok && major >= 7 && major < 100) {
            image.major = major;
            return image;
        }
    }
    image.unknownReason = u"tag names no version"_s;
    return image;
}

} // namespace pgdial::core::environments
