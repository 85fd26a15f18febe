#pragma once

#include "pgconf/confitem.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::core::pgconf {

// Reads a postgresql.conf and everything it includes the way the server's parse phase does
// (A1-A3, A5 of the semantics reference) and lists the result as pg_file_settings would:
// setting lines in reading order, error rows for syntax and include problems.
//
// With a Project, every file read joins it (Project::addFile(..., FileKind::PostgresqlConf,
// true)) and is read from the project's document, so unsaved edits count; `file` paths are
// project-relative. Without one, files are read from disk and named relative to the top file's
// folder.
class ConfLoader
{
public:
    explicit ConfLoader(project::Project *project = nullptr)
        : m_project(project)
    { }

    // Files whose bytes should be used instead of the disk (absolute path -> bytes): for tests,
    // the fuzzer and the benchmark. Consulted before the project and the disk.
    void setOverride(const QString &absolutePath, const QByteArray &bytes) { m_overrides.insert(absolutePath, bytes); }

    // Off: only overridden files exist (the fuzzer; nothing on disk is touched).
    void setDiskAccess(bool enabled) { m_diskAccess = enabled; }

    ConfLoadResult load(const QString &topFilePath);

    // The server's maximum include nesting depth (the top file is depth 0).
    static constexpr int maxDepth = 10;
    // Not a server limit: includes branching at every level could make the server read files for
    // ever; pgdial stops after this many file reads (conf.include-limit).
    static constexpr int maxFileReads = 2000;

private:
    project::Project *m_project = nullptr;
    QHash<QString, QByteArray> m_overrides;
    QString m_topDir;
    ConfLoadResult m_result;
    int m_seqno = 0;
    int m_fileReads = 0;
    bool m_diskAccess = true;

    bool parseFile(const QByteArray &location, bool strict, const QString &callingFile, int callingLine, int depth);
    bool parseBytes(const QString &absolutePath, const QByteArray &bytes, int depth);
    bool parseDirectory(const QByteArray &location, const QString &callingFile, int callingLine, int depth);
    // The file's bytes; nullopt when it is missing, or (with `problem` set to what it is) when it
    // is not a regular file, is on a kernel filesystem, too large or unreadable.
    std::optional<QByteArray> readFile(const QString &absolutePath, bool included, QString *problem);
    bool reportUnreadable(const QString &absolutePath, const QString &problem, const QString &callingFile,
                          int callingLine);
    void addErrorRow(const QString &absoluteFile, int line, const QString &error);
    void addDiagnostic(const QString &code, const QString &absoluteFile, int line, int column, const QString &message,
                       const QString &suggestion = {}, bool isError = true);
    QString relativeName(const QString &absolutePath) const;
    QString shownName(const QString &absolutePath) const;
};

} // namespace pgdial::core::pgconf
