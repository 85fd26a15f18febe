#include "confprojectanalyzer.h"

#include "confloader.h"
#include "parametercatalog.h"
#include "project.h"

#include <QFileInfo>
#include <QSet>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

ConfAnalysis analyzeOne(Project &project, const ProjectFile &file)
{
    ConfAnalysis analysis;
    analysis.file = file.relativePath;
    ConfLoader loader(&project);
    analysis.load = loader.load(file.absolutePath);
    const int major = project.settings.pgVersion;
    const ParameterCatalog &catalog = ParameterCatalog::forVersion(major);
    ConfValidator validator(catalog, major);
    validator.setRamBytes(project.settings.ramBytes);
    analysis.validation = validator.validate(analysis.load);
    analysis.effective = EffectiveSettings::compute(analysis.load, analysis.validation, catalog);
    return analysis;
}

} // namespace

QList<ConfAnalysis> ConfProjectAnalyzer::analyze(Project &project)
{
    // Copy the list first: loading adds the included files to the project.
    QList<std::shared_ptr<ProjectFile>> candidates;
    for (const auto &file : project.filesOfKind(FileKind::PostgresqlConf)) {
        if (!file->includedBy && file->isLoaded())
            candidates.append(file);
    }
    QList<ConfAnalysis> analyses;
    QSet<QString> includedSomewhere;
    for (const auto &file : candidates) {
        ConfAnalysis analysis = analyzeOne(project, *file);
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

Diagnostics ConfProjectAnalyzer::check(Project &project)
{
    Diagnostics diagnostics;
    for (const ConfAnalysis &analysis : analyze(project)) {
        diagnostics += analysis.load.diagnostics;
        diagnostics += analysis.validation.diagnostics;
    }
    return diagnostics;
}

ServerSettingLookup ConfProjectAnalyzer::lookup(Project &project)
{
    const QList<ConfAnalysis> analyses = analyze(project);
    const ConfAnalysis *best = nullptr;
    auto rank = [](const ConfAnalysis &analysis) {
        const bool named = QFileInfo(analysis.file).fileName() == "postgresql.conf"_L1;
        return std::pair{named ? 0 : 1, analysis.file.count(u'/')};
    };
    for (const ConfAnalysis &analysis : analyses) {
        if (!best || rank(analysis) < rank(*best))
            best = &analysis;
    }
    if (!best)
        return [](const QString &) { return std::optional<ServerSetting>(); };
    return best->effective.lookup();
}

} // namespace pgdial::core::pgconf
