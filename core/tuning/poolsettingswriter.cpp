#include "tuning/poolsettingswriter.h"

#include "appconfig/appconfigfile.h"
#include "appconfig/substitutiondefault.h"
#include "checks/appconfigchecker.h"
#include "pgconf/confeditor.h"
#include "pgconf/confloader.h"
#include "pgconf/parametercatalog.h"
#include "project/project.h"
#include "tuning/projectpoolsettings.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::core::tuning::PoolSettingsWriter", text);
}

QString folderOf(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(u'/');
    return slash < 0 ? QString() : relativePath.left(slash);
}

QByteArray leadingBlanks(const QByteArray &line)
{
    qsizetype i = 0;
    while (i < line.size() && (line.at(i) == ' ' || line.at(i) == '\t'))
        ++i;
    return line.left(i);
}

} // namespace

base::Result<PoolFileEdit> PoolSettingsWriter::appConfigEdits(const project::Project &project,
                                                              const PoolAppValues &values)
{
    const QString path = ProjectPoolSettings::appConfigOf(project);
    const auto file = project.findFile(path);
    if (path.isEmpty() || !file || !file->isLoaded())
        return base::makeError(u"pool.no-app-config"_s,
                               tr("the project has no config.yaml to write the pool settings to"));
    const base::TextDocument &document = *file->document;
    const appconfig::AppConfigFile config = appconfig::AppConfigFile::parse(document, path);
    if (config.isAmbiguous())
        return config.ambiguousError();
    if (!config.hasDatabaseSection())
        return base::makeError(u"pool.no-database-section"_s, tr("%1 has no database: section").arg(path));
    const appconfig::VariableResolver resolver = checks::AppConfigChecker::resolverFor(project, folderOf(path));

    PoolFileEdit result;
    result.file = path;
    base::TextDocument working = document;
    QList<QPair<QString, int>> missing;
    const QList<QPair<QString, std::optional<int>>> wanted {{u"pool_size"_s, values.poolSize},
                                                            {u"max_overflow"_s, values.maxOverflow},
                                                            {u"pool_timeout"_s, values.poolTimeout}};
    for (const auto &[key, value] : wanted) {
        if (!value)
            continue;
        // Each edit is computed on the text the previous ones left (two keys may share a line).
        const appconfig::AppConfigFile current = appconfig::AppConfigFile::parse(working, path);
        const std::optional<appconfig::ConfigScalar> scalar = current.field(key);
        if (!scalar) {
            missing.append({key, *value});
            continue;
        }
        const QString number = QString::number(*value);
        QString text = number;
        if (scalar->value.contains(u'$')) {
            const std::optional<QString> replaced = appconfig::SubstitutionDefault::replace(scalar->value, number);
            if (!replaced)
                return base::makeError(u"pool.not-editable"_s,
                                       tr("%1:%2: database.%3 is written as %4; pgdial changes the default of a "
                                          "${VAR:-default} only: edit it by hand")
                                           .arg(path)
                                           .arg(scalar->line)
                                           .arg(key, scalar->value));
            text = *replaced;
            // A variable that is set wins over the default: say where to change it too.
            const appconfig::Substitution now = resolver.substitute(scalar->value, path, scalar->line, scalar->column);
            const appconfig::Provenance provenance = now.provenance();
            if (provenance.source == appconfig::Provenance::Source::EnvFile
                || provenance.source == appconfig::Provenance::Source::ProcessEnvironment)
                result.notes << tr("%1:%2: database.%3 is %4 from %5, which overrides the default; change it there "
                                   "as well")
                                    .arg(path)
                                    .arg(scalar->line)
                                    .arg(key, now.value, provenance.describe());
        }
        if (text == scalar->value)
            continue;
        const base::Result<base::LineEdit> edit = appconfig::AppConfigFile::replaceScalar(working, *scalar, text);
        if (!edit)
            return base::makeError(u"pool.not-editable"_s, edit.error().message);
        working.apply(*edit);
        result.edits.append(*edit);
        result.changes
            << tr("%1:%2: database.%3 = %4 (was %5)").arg(path).arg(scalar->line).arg(key, text, scalar->value);
    }

    if (!missing.isEmpty()) {
        // Under the last known key of database:, with its indent; or right under `database:`.
        const appconfig::AppConfigFile current = appconfig::AppConfigFile::parse(working, path);
        const QList<appconfig::ConfigScalar> fields = current.databaseFields();
        int after = current.databaseLine(); // 1-based line to insert after
        QByteArray indent = "  ";
        if (!fields.isEmpty()) {
            const appconfig::ConfigScalar &last = *std::max_element(
                fields.cbegin(), fields.cend(), [](const auto &a, const auto &b) { return a.line < b.line; });
            const QByteArray line = working.line(last.line - 1);
            indent = leadingBlanks(line);
            if (last.inFlow || !line.mid(indent.size()).startsWith(QByteArray(last.path.last().toUtf8() + ':')))
                return base::makeError(u"pool.not-editable"_s,
                                       tr("%1: the database section is not written one key per line; add %2 by hand")
                                           .arg(path, missing.first().first));
            after = last.line;
        } else {
            const QByteArray line = working.line(after - 1).trimmed();
            if (!line.startsWith("database:") || !(line == "database:" || line.mid(9).trimmed().startsWith('#')))
                return base::makeError(u"pool.not-editable"_s,
                                       tr("%1: the database section is not a block mapping; add %2 by hand")
                                           .arg(path, missing.first().first));
        }
        base::LineEdit insert {after, 0, {}, {}};
        for (const auto &[key, value] : std::as_const(missing)) {
            insert.lines.append(QByteArray(indent + key.toUtf8() + ": " + QByteArray::number(value)));
            result.changes
                << tr("%1:%2: database.%3 = %4 (added)").arg(path).arg(after + insert.lines.size()).arg(key).arg(value);
        }
        result.edits.append(insert);
    }
    return result;
}

base::Result<QList<PoolFileEdit>> PoolSettingsWriter::serverEdits(const project::Project &project, int maxConnections)
{
    const QString top = ProjectPoolSettings::serverConfigOf(project);
    if (top.isEmpty())
        return base::makeError(u"pool.no-server-config"_s,
                               tr("the project has no postgresql.conf to set max_connections in"));
    // The loader adds included files to the project it reads: work on a copy whose documents
    // hold the same text, so the edits apply to the real documents as they are.
    project::Project copy = project.detachedCopy();
    pgconf::ConfLoader loader(&copy);
    const pgconf::ConfLoadResult load = loader.load(copy.absolutePathOf(top));
    const int major = std::clamp(project.settings.pgVersion, 13, 18);
    const pgconf::ParameterCatalog &catalog = pgconf::ParameterCatalog::forVersion(major);
    const pgconf::ConfEditor editor(load, catalog, [&copy](const QString &file) -> const base::TextDocument * {
        const auto found = copy.findFile(file);
        return found && found->isLoaded() ? &*found->document : nullptr;
    });
    const base::Result<pgconf::ConfEditResult> set = editor.set(u"max_connections"_s, QString::number(maxConnections));
    if (!set)
        return set.error();
    QList<PoolFileEdit> files;
    for (const pgconf::ConfFileEdit &edit : set->edits) {
        auto it = std::find_if(files.begin(), files.end(), [&](const PoolFileEdit &f) { return f.file == edit.file; });
        if (it == files.end()) {
            files.append(PoolFileEdit {edit.file, {}, {}, {}});
            it = std::prev(files.end());
        }
        it->edits.append(edit.edit);
    }
    for (const QString &change : set->changes) {
        // "file:line: ...": give each description to the file it names.
        auto it = std::find_if(files.begin(), files.end(),
                               [&](const PoolFileEdit &f) { return change.startsWith(f.file + u':'); });
        if (it == files.end() && !files.isEmpty())
            it = files.begin();
        if (it != files.end())
            it->changes.append(change);
    }
    for (const PoolFileEdit &file : std::as_const(files))
        if (!project.findFile(file.file))
            return base::makeError(u"pool.no-server-config"_s, tr("%1 is not part of the project").arg(file.file));
    return files;
}

} // namespace pgdial::core::tuning
