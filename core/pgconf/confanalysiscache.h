#pragma once

#include "pgconf/confprojectanalyzer.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::pgconf {

// The newest analysis of each top-level postgresql.conf, shared by a project and all its
// detached copies (ConfAnalysisCache::of, kept in the project's attachments), so that the settings table, the
// re-validation after an edit and the cross-file checks read a configuration once per text instead of once each. An
// entry is valid while every file it read is in the project with the same TextDocument::revision and the target version
// and RAM are unchanged. A configuration with an include_dir or an include that was not found is never stored: its
// reading depends on the disk (a directory listing, a file that may appear), not only on the documents. Thread-safe:
// copies are checked on worker threads.
class ConfAnalysisCache
{
public:
    // The cache of `project` and its detached copies; null for a default-constructed project
    // (then nothing is cached).
    static ConfAnalysisCache *of(const project::Project &project);

    // The stored analysis of `topFile` if it still describes `project`'s texts and settings.
    std::optional<ConfAnalysis> find(const project::Project &project, const QString &topFile) const;
    // Stores `analysis` (of `project`'s current texts), replacing the previous one of its file.
    void store(const project::Project &project, const ConfAnalysis &analysis);

    // Forgets every entry (benchmarks measuring a cold reading).
    void clear();

    int hits() const;
    int misses() const;

private:
    struct FileRevision
    {
        QString file;
        quint64 revision = 0;
    };
    struct Entry
    {
        QList<FileRevision> files;
        int major = 0;
        std::optional<qint64> ramBytes;
        std::optional<QSet<QString>> buildFeatures;
        bool serverOnThisMachine = false;
        ConfAnalysis analysis;
    };

    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries; // by top file (project-relative)
    mutable int m_hits = 0;
    mutable int m_misses = 0;
};

} // namespace pgdial::core::pgconf
