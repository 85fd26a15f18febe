#pragma once

#include "base/result.h"
#include "pgconf/confeditor.h"
#include "project/serversetting.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::tuning {

// A project's main postgresql.conf as tuning sees it: which file it is, what it sets now (with
// file:line, includes followed, unsaved edits included) and its reserved connection slots.
struct ProjectConfState
{
    QString topFile; // project-relative; empty when the project has no postgresql.conf
    project::ServerSettingLookup lookup;
};

// Tuning values written into a project's postgresql.conf through the pgconf engine (ConfEditor):
// the winning line's value changes, else the commented sample line is activated, else one line is
// inserted. The project itself is not touched: the edits are planned on a detached copy, and the
// caller applies them to its documents (the desktop: one ProjectDocument::applyEdits per file).
class ProjectConfTuning
{
public:
    // Reads the main postgresql.conf (ConfProjectAnalyzer's choice) of a copy of `project` for
    // version `major`.
    static ProjectConfState read(const project::Project &project, int major);

    struct Plan
    {
        // Per changed file (project-relative, in first-touched order), the edits to apply in order:
        // each was computed on the text the previous ones leave.
        QList<QPair<QString, QList<base::LineEdit>>> files;
        QStringList changes; // "postgresql.conf:64: work_mem = 64MB (was 4MB)"
        // Values the conf engine refused (unknown to the version, out of range, an enum value this
        // build lacks such as PGTune's lz4): name -> why. They are left out; the rest is planned.
        QList<QPair<QString, QString>> refused;
    };
    // Plans setting each (name, value) in `topFile` (project-relative). Fails only when the file
    // cannot be read or edited.
    static base::Result<Plan> plan(const project::Project &project, const QString &topFile, int major,
                                   const QList<QPair<QString, QString>> &values);
};

} // namespace pgdial::core::tuning
