#include "probe/projectconninfo.h"

#include "appconfig/appconfigfile.h"
#include "appconfig/databaseconfig.h"
#include "checks/appconfigchecker.h"
#include "hba/hbaparser.h"
#include "pgconf/confprojectanalyzer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::core::probe {

namespace {

bool isPostgresUrl(const QString &value)
{
    static const QRegularExpression scheme(uR"(^[A-Za-z][A-Za-z0-9+.-]*://)"_s);
    if (!scheme.match(value).hasMatch())
        return value.contains(u'='); // key=value form
    return value.startsWith(u"postgres"_s);
}

QString folderOf(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(u'/');
    return slash < 0 ? QString() : relativePath.left(slash);
}

QList<ProjectConninfo::Found> fromAppConfig(const project::Project &project)
{
    QList<ProjectConninfo::Found> found;
    for (const auto &file : project.filesOfKind(project::FileKind::AppConfig)) {
        if (!file->isLoaded())
            continue;
        const appconfig::AppConfigFile config = appconfig::AppConfigFile::parse(*file->document, file->relativePath);
        if (!config.hasDatabaseSection())
            continue;
        const appconfig::VariableResolver resolver
            = checks::AppConfigChecker::resolverFor(project, folderOf(file->relativePath));
        const appconfig::DatabaseConfig database = appconfig::DatabaseConfig::resolve(config, resolver);
        const auto url = database.field(u"url"_s);
        if (!url || url->value().isEmpty() || !isPostgresUrl(url->value()))
            continue;
        // The fix belongs where the value is written: the .env line, or config.yaml itself.
        const appconfig::Provenance provenance = url->substitution.provenance();
        ConninfoOrigin origin {file->relativePath, url->scalar.line, u"database.url"_s};
        QString label = QCoreApplication::translate("probe", "%1 database.url").arg(file->relativePath);
        if (provenance.source == appconfig::Provenance::Source::EnvFile) {
            origin.file = provenance.file;
            origin.line = provenance.line;
            label
                += QCoreApplication::translate("probe", " (from %1 line %2)").arg(provenance.file).arg(provenance.line);
        } else if (provenance.source == appconfig::Provenance::Source::Default) {
            label += QCoreApplication::translate("probe", " (its default)");
        }
        found.append({ProjectConninfo::toLibpqUrl(url->value()), origin, label});
    }
    return found;
}

QList<ProjectConninfo::Found> fromEnvFiles(const project::Project &project)
{
    QList<ProjectConninfo::Found> found;
    static const QRegularExpression assignment(
        uR"(^\s*(?:export\s+)?(DATABASE_URL|PGDIAL_PROBE_URL)\s*=\s*(.*?)\s*$)"_s);
    for (const project::FileKind kind : {project::FileKind::Env, project::FileKind::EnvExample}) {
        for (const auto &file : project.filesOfKind(kind)) {
            if (!file->isLoaded())
                continue;
            const base::TextDocument &document = *file->document;
            for (int i = 0; i < document.lineCount(); ++i) {
                const QRegularExpressionMatch match = assignment.match(document.lineText(i));
                if (!match.hasMatch())
                    continue;
                QString value = match.captured(2);
                if (value.size() >= 2 && (value.startsWith(u'"') || value.startsWith(u'\''))
                    && value.endsWith(value.at(0)))
                    value = value.mid(1, value.size() - 2);
                if (value.isEmpty() || value.contains(u"${"_s) || !isPostgresUrl(value))
                    continue;
                found.append({ProjectConninfo::toLibpqUrl(value),
                              ConninfoOrigin {file->relativePath, i + 1, match.captured(1)},
                              u"%1 %2"_s.arg(file->relativePath, match.captured(1))});
            }
        }
    }
    return found;
}

} // namespace

QString ProjectConninfo::toLibpqUrl(const QString &url)
{
    static const QRegularExpression driver(uR"(^(postgres(?:ql)?)\+[A-Za-z0-9_]+://)"_s);
    QString result = url;
    result.replace(driver, u"\\1://"_s);
    return result;
}

QList<ProjectConninfo::Found> ProjectConninfo::candidates(const project::Project &project)
{
    QList<Found> all = fromAppConfig(project) + fromEnvFiles(project);
    QList<Found> unique;
    for (const Found &candidate : std::as_const(all)) {
        const bool seen = std::any_of(unique.cbegin(), unique.cend(),
                                      [&](const Found &kept) { return kept.conninfo == candidate.conninfo; });
        if (!seen)
            unique.append(candidate);
    }
    return unique;
}

std::optional<ProjectConninfo::Found> ProjectConninfo::find(const project::Project &project)
{
    const QList<Found> all = candidates(project);
    if (all.isEmpty())
        return std::nullopt;
    return all.first();
}

project::ServerSettingLookup ProjectConninfo::serverSettings(project::Project &project)
{
    return pgconf::ConfProjectAnalyzer::lookup(project);
}

QString ProjectConninfo::hbaFile(const project::Project &project)
{
    // The file the server reads: named pg_hba.conf and not included by another, nearest the root.
    QString best;
    for (const auto &file : project.filesOfKind(project::FileKind::PgHba)) {
        if (file->includedBy)
            continue;
        const auto rank = [](const QString &path) {
            return std::pair {QFileInfo(path).fileName() == u"pg_hba.conf"_s ? 0 : 1, path.count(u'/')};
        };
        if (best.isEmpty() || rank(file->relativePath) < rank(best))
            best = file->relativePath;
    }
    return best;
}

std::shared_ptr<const hba::HbaFile> ProjectConninfo::hbaRules(const project::Project &project)
{
    const QString main = hbaFile(project);
    const auto file = main.isEmpty() ? nullptr : project.findFile(main);
    if (!file || !file->isLoaded())
        return nullptr;
    const hba::HbaParseOptions options
        = hba::HbaParseOptions::forServer(project.settings.pgVersion, project.settings.serverBuildFeatures);
    return std::make_shared<const hba::HbaFile>(
        hba::HbaParser::parse(file->document->toBytes(), file->absolutePath, options, project.rootPath()));
}

} // namespace pgdial::core::probe
