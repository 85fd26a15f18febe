#include "tuning/projectconftuning.h"

#include "tuning/conftuningtarget.h"

#include "pgconf/confloader.h"
#include "pgconf/confprojectanalyzer.h"
#include "pgconf/parametercatalog.h"
#include "project/project.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

namespace {

// The catalog covers 13..18; PGTune's older versions are judged by 13's rules.
int catalogMajor(int major)
{
    return std::clamp(major, project::ProjectSettings::minPgVersion, project::ProjectSettings::maxPgVersion);
}

} // namespace

ProjectConfState ProjectConfTuning::read(const project::Project &project, int major)
{
    // A copy: the analysis adds included files to the project it reads, and the caller's project
    // belongs to the editors.
    project::Project copy = project.detachedCopy();
    copy.settings.pgVersion = catalogMajor(major);
    ProjectConfState state;
    const std::optional<pgconf::ConfAnalysis> analysis = pgconf::ConfProjectAnalyzer::mainAnalysis(copy);
    if (!analysis) {
        state.lookup = [](const QString &) { return std::optional<project::ServerSetting>(); };
        return state;
    }
    state.topFile = analysis->file;
    state.lookup = analysis->effective.lookup();
    return state;
}

base::Result<ProjectConfTuning::Plan> ProjectConfTuning::plan(const project::Project &project, const QString &topFile,
                                                              int major, const QList<QPair<QString, QString>> &values)
{
    project::Project scratch = project.detachedCopy();
    const auto top = scratch.findFile(topFile);
    if (!top || !top->document)
        return base::makeError(
            u"tune.cannot-read"_s,
            QCoreApplication::translate("pgdial::core::tuning::ProjectConfTuning", "cannot read \"%1\"").arg(topFile));
    const pgconf::ParameterCatalog &catalog = pgconf::ParameterCatalog::forVersion(catalogMajor(major));
    auto documentOf = [&scratch](const QString &file) -> const base::TextDocument * {
        const auto projectFile = scratch.findFile(file);
        return projectFile && projectFile->document ? &*projectFile->document : nullptr;
    };

    Plan plan;
    for (const auto &[name, value] : values) {
        if (const QString refusal = ConfTuningTarget::buildDependentRefusal(catalog, name, value); !refusal.isEmpty()) {
            plan.refused.append({name, refusal});
            continue;
        }
        // Each edit is computed on the text the previous ones left (line numbers move on insert).
        pgconf::ConfLoader loader(&scratch);
        const pgconf::ConfLoadResult load = loader.load(top->absolutePath);
        const pgconf::ConfEditor editor(load, catalog, documentOf);
        const base::Result<pgconf::ConfEditResult> result = editor.set(name, value);
        if (!result) {
            plan.refused.append({name, result.error().message});
            continue;
        }
        for (const pgconf::ConfFileEdit &edit : result->edits) {
            const auto file = scratch.findFile(edit.file);
            if (!file || !file->document)
                return base::makeError(
                    u"tune.cannot-read"_s,
                    QCoreApplication::translate("pgdial::core::tuning::ProjectConfTuning", "cannot edit \"%1\"")
                        .arg(edit.file));
            file->document->apply(edit.edit);
            auto it = std::find_if(plan.files.begin(), plan.files.end(),
                                   [&](const auto &entry) { return entry.first == edit.file; });
            if (it == plan.files.end())
                plan.files.append({edit.file, {edit.edit}});
            else
                it->second.append(edit.edit);
        }
        plan.changes += result->changes;
    }
    return plan;
}

} // namespace pgdial::core::tuning
