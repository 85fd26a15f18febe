#include "pgconf/confprojectanalyzer.h"

#include "pgconf/confanalysiscache.h"
#include "pgconf/confeditor.h"
#include "pgconf/confloader.h"
#include "pgconf/parametercatalog.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

// Machine-applicable fixes: rename an unknown name to the closest known one ("did you mean"),
// comment out a line that a later one overrides.
void addFixes(project::Project &project, const ParameterCatalog &catalog, ConfAnalysis &analysis)
{
    auto documentOf = [&project](const QString &file) -> const base::TextDocument * {
        const auto projectFile = project.findFile(file);
        return projectFile && projectFile->document ? &*projectFile->document : nullptr;
    };
    const ConfEditor editor(analysis.load, catalog, documentOf);
    // The first item on each (file, line), found by hash: a file with tens of thousands of
    // overridden lines has as many diagnostics, and a scan of every item for each was quadratic.
    QHash<std::pair<QString, int>, int> firstItemAt;
    firstItemAt.reserve(analysis.load.items.size());
    for (qsizetype i = analysis.load.items.size() - 1; i >= 0; --i) { // backwards: the first one stays
        const ConfItem &item = analysis.load.items.at(i);
        firstItemAt.insert(std::pair {item.file, item.line}, int(i));
    }
    auto itemAt = [&](const base::Diagnostic &diagnostic) -> int {
        return firstItemAt.value(std::pair {diagnostic.file, diagnostic.line}, -1);
    };
    for (base::Diagnostic &diagnostic : analysis.validation.diagnostics) {
        const int index = itemAt(diagnostic);
        if (index < 0)
            continue;
        const ConfItem &item = analysis.load.items.at(index);
        if (diagnostic.code == "conf.unknown-parameter"_L1) {
            const QStringList candidates = catalog.closestNames(diagnostic.parameter, 1);
            if (candidates.isEmpty())
                continue;
            if (const auto renamed = editor.rename(index, candidates.first()); renamed && !renamed->edits.isEmpty()) {
                base::Fix fix;
                fix.description = QCoreApplication::translate("pgdial::pgconf::ConfProjectAnalyzer", "Rename to %1")
                                      .arg(candidates.first());
                fix.file = item.file;
                for (const ConfFileEdit &edit : renamed->edits)
                    fix.edits.append(edit.edit);
                diagnostic.fix = fix;
            }
        } else if (diagnostic.code == "conf.duplicate-parameter"_L1) {
            const base::TextDocument *document = documentOf(item.file);
            if (!document || item.line > document->lineCount())
                continue;
            base::Fix fix;
            fix.description
                = QCoreApplication::translate("pgdial::pgconf::ConfProjectAnalyzer", "Comment out this line");
            fix.file = item.file;
            fix.edits.append(base::LineEdit {item.line - 1, 1, {'#' + document->line(item.line - 1)}, {}});
            diagnostic.fix = fix;
        }
    }
}

ConfAnalysis readAndJudge(project::Project &project, const QString &relativePath, const QString &absolutePath)
{
    ConfAnalysis analysis;
    analysis.file = relativePath;
    ConfLoader loader(&project);
    analysis.load = loader.load(absolutePath);
    if (const project::LoadControl *control = project.loadControl.get()) {
        if (control->isCanceled())
            return analysis; // thrown away by the caller
        control->report(
            QCoreApplication::translate("pgdial::pgconf::ConfProjectAnalyzer", "Checking %1").arg(relativePath), 0, 0);
    }
    const int major = project.settings.pgVersion;
    const ParameterCatalog &catalog = ParameterCatalog::forVersion(major);
    ConfValidator validator(catalog, major);
    validator.setRamBytes(project.settings.ramBytes);
    validator.setServerFacts(
        ConfServerFacts {project.settings.serverBuildFeatures, project.settings.serverOnThisMachine});
    analysis.validation = validator.validate(analysis.load);
    analysis.effective = EffectiveSettings::compute(analysis.load, analysis.validation, catalog);
    addFixes(project, catalog, analysis);
    return analysis;
}

ConfAnalysis analyzeOne(project::Project &project, const QString &relativePath, const QString &absolutePath)
{
    ConfAnalysisCache *cache = ConfAnalysisCache::of(project);
    if (cache) {
        if (std::optional<ConfAnalysis> known = cache->find(project, relativePath))
            return std::move(*known);
    }
    ConfAnalysis analysis = readAndJudge(project, relativePath, absolutePath);
    if (cache)
        cache->store(project, analysis);
    return analysis;
}

std::optional<ConfAnalysis> pickMain(QList<ConfAnalysis> analyses)
{
    qsizetype best = -1;
    auto rank = [](const ConfAnalysis &analysis) {
        const bool named = QFileInfo(analysis.file).fileName() == "postgresql.conf"_L1;
        return std::pair {named ? 0 : 1, analysis.file.count(u'/')};
    };
    for (qsizetype i = 0; i < analyses.size(); ++i) {
        if (best < 0 || rank(analyses.at(i)) < rank(analyses.at(best)))
            best = i;
    }
    if (best < 0)
        return std::nullopt;
    return std::move(analyses[best]);
}

} // namespace

QList<ConfAnalysis> ConfProjectAnalyzer::analyze(project::Project &project)
{
    // Copy the list first: loading adds the included files to the project.
    QList<std::shared_ptr<project::ProjectFile>> candidates;
    for (const auto &file : project.filesOfKind(project::FileKind::PostgresqlConf)) {
        if (!file->includedBy && file->isLoaded())
            candidates.append(file);
    }
    QList<ConfAnalysis> analyses;
    QSet<QString> includedSomewhere;
    for (const auto &file : candidates) {
        ConfAnalysis analysis = analyzeOne(project, file->relativePath, file->absolutePath);
        for (const QString &read : analysis.load.files) {
            if (read != analysis.file)
                includedSomewhere.insert(read);
        }
        analyses.append(std::move(analysis));
    }
    // A file the scan found on its own that another configuration includes is judged as part of it.
    analyses.removeIf([&](const ConfAnalysis &analysis) { return includedSomewhere.contains(analysis.file); });
    return analyses;
}

ConfAnalysis ConfProjectAnalyzer::analyzeFile(project::Project &project, const QString &topFile)
{
    const auto file = project.findFile(topFile);
    return analyzeOne(project, topFile, file ? file->absolutePath : project.absolutePathOf(topFile));
}

base::Diagnostics ConfProjectAnalyzer::diagnosticsOf(const QList<ConfAnalysis> &analyses)
{
    base::Diagnostics diagnostics;
    for (const ConfAnalysis &analysis : analyses) {
        diagnostics += analysis.load.diagnostics;
        diagnostics += analysis.validation.diagnostics;
    }
    return diagnostics;
}

project::ServerSettingLookup ConfProjectAnalyzer::lookupOf(const QList<ConfAnalysis> &analyses)
{
    const std::optional<ConfAnalysis> best = pickMain(analyses);
    if (!best)
        return [](const QString &) { return std::optional<project::ServerSetting>(); };
    return best->effective.lookup();
}

base::Diagnostics ConfProjectAnalyzer::check(project::Project &project)
{
    return diagnosticsOf(analyze(project));
}

std::optional<ConfAnalysis> ConfProjectAnalyzer::mainAnalysis(project::Project &project)
{
    return pickMain(analyze(project));
}

project::ServerSettingLookup ConfProjectAnalyzer::lookup(project::Project &project)
{
    return lookupOf(analyze(project));
}

} // namespace pgdial::core::pgconf
