#include "pgconf/confanalysiscache.h"

#include "project/project.h"

#include <QMutexLocker>

namespace pgdial::core::pgconf {

ConfAnalysisCache *ConfAnalysisCache::of(const project::Project &project)
{
    project::ProjectAttachments *attachments = project.attachments();
    return attachments ? &attachments->get<ConfAnalysisCache>() : nullptr;
}

std::optional<ConfAnalysis> ConfAnalysisCache::find(const project::Project &project, const QString &topFile) const
{
    QMutexLocker lock(&m_mutex);
    const auto found = m_entries.constFind(topFile);
    bool valid = found != m_entries.constEnd() && found->major == project.settings.pgVersion
        && found->ramBytes == project.settings.ramBytes && found->buildFeatures == project.settings.serverBuildFeatures
        && found->serverOnThisMachine == project.settings.serverOnThisMachine;
    if (valid) {
        for (const FileRevision &read : found->files) {
            const auto file = project.findFile(read.file);
            if (!file || !file->document || file->document->revision() != read.revision) {
                valid = false;
                break;
            }
        }
    }
    if (!valid) {
        ++m_misses;
        return std::nullopt;
    }
    ++m_hits;
    return found->analysis;
}

void ConfAnalysisCache::store(const project::Project &project, const ConfAnalysis &analysis)
{
    // What the disk holds beyond the project's documents decides these readings (a directory's
    // listing, a file that may appear): read them again every time, as before.
    for (const ConfInclude &include : analysis.load.includes) {
        if (include.kind == ConfIncludeKind::IncludeDir || !include.found)
            return;
    }
    Entry entry;
    entry.major = project.settings.pgVersion;
    entry.ramBytes = project.settings.ramBytes;
    entry.buildFeatures = project.settings.serverBuildFeatures;
    entry.serverOnThisMachine = project.settings.serverOnThisMachine;
    entry.analysis = analysis;
    for (const QString &read : analysis.load.files) {
        const auto file = project.findFile(read);
        // A file read from disk but not held as a document can change unseen: never reuse that.
        if (!file || !file->document)
            return;
        entry.files.append(FileRevision {read, file->document->revision()});
    }
    QMutexLocker lock(&m_mutex);
    m_entries.insert(analysis.file, std::move(entry));
}

void ConfAnalysisCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

int ConfAnalysisCache::hits() const
{
    QMutexLocker lock(&m_mutex);
    return m_hits;
}

int ConfAnalysisCache::misses() const
{
    QMutexLocker lock(&m_mutex);
    return m_misses;
}

} // namespace pgdial::core::pgconf
