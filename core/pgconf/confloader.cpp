#include "pgconf/confloader.h"

#include "base/textfilereader.h"
#include "pgconf/confparser.h"
#include "project/filekind.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::core::pgconf::ConfLoader", text);
}

bool isAllBlank(const QByteArray &name)
{
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// The server's AbsoluteConfigLocation: absolute paths are taken as written, relative ones are
// resolved against the including file's folder and canonicalised.
QString absoluteLocation(const QByteArray &location, const QString &callingFile)
{
    const QString path = QFile::decodeName(location);
    if (path.startsWith(u'/'))
        return path;
    return QDir::cleanPath(QFileInfo(callingFile).absolutePath() + u'/' + path);
}

QString display(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

QString ConfLoader::relativeName(const QString &absolutePath) const
{
    const QString clean = QDir::cleanPath(absolutePath);
    if (m_project)
        return m_project->relativePathOf(clean);
    return QDir(m_topDir).relativeFilePath(clean);
}

QString ConfLoader::shownName(const QString &absolutePath) const
{
    // A file outside the project reads better as itself ("/dev/zero") than as "../../../dev/zero".
    const QString relative = relativeName(absolutePath);
    return relative.startsWith(u"../"_s) ? QDir::cleanPath(absolutePath) : relative;
}

void ConfLoader::addErrorRow(const QString &absoluteFile, int line, const QString &error)
{
    ConfFileRow row;
    row.absoluteFile = absoluteFile;
    row.file = relativeName(absoluteFile);
    row.line = line;
    row.seqno = ++m_seqno;
    row.error = error;
    m_result.errorRows.append(row);
}

void ConfLoader::addDiagnostic(const QString &code, const QString &absoluteFile, int line, int column,
                               const QString &message, const QString &suggestion, bool isError)
{
    base::Diagnostic diagnostic;
    diagnostic.severity = isError ? base::Severity::Error : base::Severity::Info;
    diagnostic.code = code;
    diagnostic.file = relativeName(absoluteFile);
    diagnostic.line = line;
    diagnostic.column = column;
    diagnostic.message = message;
    diagnostic.suggestion = suggestion;
    m_result.diagnostics.append(diagnostic);
}

std::optional<QByteArray> ConfLoader::readFile(const QString &absolutePath, bool included, QString *problem)
{
    const QString clean = QDir::cleanPath(absolutePath);
    if (auto it = m_overrides.constFind(clean); it != m_overrides.constEnd())
        return *it;
    if (!m_diskAccess)
        return std::nullopt;
    if (m_project) {
        if (const auto file = m_project->findFileByAbsolutePath(clean); file && file->document)
            return file->document->toBytes();
    }
    // Devices, pipes and kernel files are not read (the server would; /dev/zero and /proc/kmsg
    // never end, a FIFO blocks), nor more than a configuration file may reasonably hold.
    base::BoundedRead read = base::readBoundedFile(clean);
    if (!read.bytes) {
        if (read.failure != base::ReadFailure::Missing && problem)
            *problem = read.failure == base::ReadFailure::TooLarge
                ? tr("%1, larger than %2").arg(read.reason, QLocale().formattedDataSize(base::maxTextFileBytes))
                : read.reason;
        return std::nullopt;
    }
    if (m_project && !m_project->findFileByAbsolutePath(clean)) {
        const auto file = m_project->addFile(clean, project::FileKind::PostgresqlConf, included);
        if (file->document)
            return file->document->toBytes();
    }
    // Not loadable as a project document (NUL bytes): the server still reads it.
    return std::move(*read.bytes);
}

bool ConfLoader::reportUnreadable(const QString &absolutePath, const QString &problem, const QString &callingFile,
                                  int callingLine)
{
    addErrorRow(callingFile, callingLine, u"could not read file \"%1\": %2"_s.arg(absolutePath, problem));
    addDiagnostic(u"conf.include-unreadable"_s, callingFile, callingLine, 0,
                  tr("configuration file \"%1\" is %2; pgdial does not read it").arg(shownName(absolutePath), problem),
                  tr("Include a regular configuration file: a device, pipe or kernel file never ends or blocks "
                     "the server too"));
    return false;
}

ConfLoadResult ConfLoader::load(const QString &topFilePath)
{
    m_result = ConfLoadResult {};
    m_seqno = 0;
    m_fileReads = 0;
    const QString top = QDir::cleanPath(QFileInfo(topFilePath).absoluteFilePath());
    m_topDir = QFileInfo(top).absolutePath();
    QString problem;
    const std::optional<QByteArray> bytes = readFile(top, false, &problem);
    if (!bytes && !problem.isEmpty()) {
        reportUnreadable(top, problem, top, 0);
        m_result.parseFailed = true;
        return std::move(m_result);
    }
    if (!bytes) {
        addDiagnostic(u"conf.include-missing"_s, top, 0, 0, tr("could not open configuration file \"%1\"").arg(top));
        m_result.parseFailed = true;
        return std::move(m_result);
    }
    m_result.parseFailed = !parseBytes(top, *bytes, 0);
    return std::move(m_result);
}

bool ConfLoader::parseFile(const QByteArray &location, bool strict, const QString &callingFile, int callingLine,
                           int depth)
{
    if (isAllBlank(location)) {
        addErrorRow(callingFile, callingLine, u"empty configuration file name"_s);
        addDiagnostic(u"conf.include-empty-name"_s, callingFile, callingLine, 0,
                      tr("empty configuration file name: \"%1\"").arg(display(location)),
                      tr("Name the file to include, or remove the line"));
        return false;
    }
    if (depth > maxDepth) {
        addErrorRow(callingFile, callingLine, u"nesting depth exceeded"_s);
        addDiagnostic(u"conf.include-depth"_s, callingFile, callingLine, 0,
                      tr("could not open configuration file \"%1\": maximum nesting depth exceeded (%2 levels)")
                          .arg(display(location))
                          .arg(maxDepth),
                      tr("Check the includes for a loop, or include fewer levels deep"));
        return false;
    }
    const QString absolutePath = absoluteLocation(location, callingFile);
    if (absolutePath == callingFile) {
        addErrorRow(callingFile, callingLine, u"configuration file recursion"_s);
        addDiagnostic(u"conf.include-recursion"_s, callingFile, callingLine, 0,
                      tr("configuration file recursion in \"%1\"").arg(relativeName(callingFile)),
                      tr("Remove the line: a file cannot include itself"));
        return false;
    }
    if (++m_fileReads > maxFileReads) {
        addErrorRow(callingFile, callingLine, u"nesting depth exceeded"_s);
        addDiagnostic(
            u"conf.include-limit"_s, callingFile, callingLine, 0,
            tr("more than %1 configuration files read: pgdial stops following includes here").arg(maxFileReads),
            tr("Check the includes for loops that fan out"));
        return false;
    }
    QString problem;
    const std::optional<QByteArray> bytes = readFile(absolutePath, true, &problem);
    if (!bytes && !problem.isEmpty())
        return reportUnreadable(absolutePath, problem, callingFile, callingLine);
    if (!bytes) {
        if (strict) {
            addErrorRow(callingFile, callingLine, u"could not open file \"%1\""_s.arg(absolutePath));
            addDiagnostic(u"conf.include-missing"_s, callingFile, callingLine, 0,
                          tr("could not open configuration file \"%1\"").arg(shownName(absolutePath)),
                          tr("Create the file, fix the path (relative paths start at the including file's folder), "
                             "or use include_if_exists"));
            return false;
        }
        addDiagnostic(u"conf.include-skipped"_s, callingFile, callingLine, 0,
                      tr("skipping missing configuration file \"%1\"").arg(shownName(absolutePath)), {}, false);
        return true;
    }
    return parseBytes(absolutePath, *bytes, depth);
}

bool ConfLoader::parseDirectory(const QByteArray &location, const QString &callingFile, int callingLine, int depth)
{
    if (isAllBlank(location)) {
        addErrorRow(callingFile, callingLine, u"empty configuration directory name"_s);
        addDiagnostic(u"conf.include-empty-name"_s, callingFile, callingLine, 0,
                      tr("empty configuration directory name: \"%1\"").arg(display(location)),
                      tr("Name the folder to include, or remove the line"));
        return false;
    }
    const QString directory = absoluteLocation(location, callingFile);
    const QDir dir(directory);
    if (!m_diskAccess || !QFileInfo(directory).isDir() || !dir.isReadable()) {
        addErrorRow(callingFile, callingLine, u"could not open directory \"%1\""_s.arg(directory));
        addDiagnostic(u"conf.include-dir-missing"_s, callingFile, callingLine, 0,
                      tr("could not open configuration directory \"%1\"").arg(relativeName(directory)),
                      tr("Create the folder or fix the path (relative paths start at the including file's folder)"));
        return false;
    }
    // Only "*.conf" (case-sensitive), at least 6 bytes, not hidden, not a folder; byte order.
    QList<QByteArray> names;
    const QStringList entries
        = dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Unsorted);
    for (const QString &entry : entries) {
        const QByteArray name = QFile::encodeName(entry);
        if (name.size() < 6 || name.startsWith('.') || !name.endsWith(".conf"))
            continue;
        const QString path = QDir::cleanPath(directory + u'/' + entry);
        const QFileInfo info(path);
        if (!info.exists()) {
            addErrorRow(callingFile, callingLine, u"could not stat file \"%1\""_s.arg(path));
            addDiagnostic(u"conf.include-missing"_s, callingFile, callingLine, 0,
                          tr("could not stat file \"%1\"").arg(relativeName(path)));
            return false;
        }
        if (info.isDir())
            continue;
        names.append(name);
    }
    std::sort(names.begin(), names.end(), [](const QByteArray &a, const QByteArray &b) { return a < b; });
    for (const QByteArray &name : names) {
        const QByteArray path = QFile::encodeName(QDir::cleanPath(directory)) + '/' + name;
        // The server stops at the first file of the folder that fails.
        if (!parseFile(path, true, callingFile, callingLine, depth))
            return false;
    }
    return true;
}

bool ConfLoader::parseBytes(const QString &absolutePath, const QByteArray &bytes, int depth)
{
    const QString relative = relativeName(absolutePath);
    if (!m_result.files.contains(relative))
        m_result.files.append(relative);
    bool ok = true;
    bool stopped = false; // after the first syntax error the view lists nothing more of this file
    // Line by line straight into the result (no intermediate list of parsed lines: a 20,000-line
    // file would build and copy one for nothing).
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype start = 0;
    int lineNumber = 0;
    const project::LoadControl *control = m_project ? m_project->loadControl.get() : nullptr;
    const QString stage = control ? tr("Reading %1").arg(relative) : QString();
    while (start < size) {
        // A million-line file takes seconds: say how far, and stop when the load is cancelled
        // (the caller then throws the whole result away).
        if (control && lineNumber % 16384 == 0) {
            if (control->isCanceled())
                return false;
            control->report(stage, start, size);
        }
        const auto *newline = static_cast<const char *>(std::memchr(data + start, '\n', size_t(size - start)));
        const qsizetype end = newline ? newline - data : size;
        ++lineNumber;
        std::optional<ConfLine> parsedLine
            = ConfParser::parseLine(QByteArrayView(data + start, end - start), lineNumber, newline == nullptr);
        start = end + 1;
        if (!parsedLine)
            continue;
        ConfLine &line = *parsedLine;
        if (line.kind == ConfLineKind::SyntaxError) {
            // The server's line: one less for a last line cut short without '\n' (even line 0),
            // which is where its log and pg_file_settings put the error. The diagnostic follows it
            // as far as a 1-based line can.
            const QString message = line.nearEndOfLine
                ? tr("syntax error in file \"%1\" line %2, near end of line").arg(relative).arg(line.reportedLine)
                : tr("syntax error in file \"%1\" line %2, near token \"%3\"")
                      .arg(relative)
                      .arg(line.reportedLine)
                      .arg(display(line.nearToken));
            const bool shifted = line.reportedLine != line.line && line.reportedLine >= 1;
            addDiagnostic(u"conf.syntax-error"_s, absolutePath, shifted ? line.reportedLine : line.line,
                          shifted ? 1 : line.errorColumn, message,
                          tr("Write NAME = VALUE; quote values that hold dots, blanks, commas or a unit after a "
                             "fraction ('127.0.0.1', 'pg_catalog.english', '4 MB', '0.5ms'), and lists "
                             "('stderr,csvlog')"));
            if (!stopped)
                addErrorRow(absolutePath, line.reportedLine, u"syntax error"_s);
            stopped = true;
            ok = false;
            continue;
        }
        if (stopped)
            continue;
        if (line.kind == ConfLineKind::Sample) {
            ConfSampleLine sample;
            sample.file = relative;
            sample.line = line.line;
            sample.hashColumn = line.hashColumn;
            sample.nameColumn = line.nameColumn;
            sample.valueColumn = line.valueColumn;
            sample.valueEndColumn = line.valueEndColumn;
            sample.name = std::move(line.name);
            sample.value = std::move(line.value);
            sample.rawValue = std::move(line.rawValue);
            sample.quoted = line.quoted;
            m_result.samples.append(std::move(sample));
            continue;
        }
        const QByteArray lowerName = line.name.toLower();
        if (lowerName == "include" || lowerName == "include_if_exists" || lowerName == "include_dir") {
            ConfInclude include;
            include.kind = lowerName == "include" ? ConfIncludeKind::Include
                : lowerName == "include_dir"      ? ConfIncludeKind::IncludeDir
                                                  : ConfIncludeKind::IncludeIfExists;
            include.file = relative;
            include.line = line.line;
            include.target = line.value;
            include.resolvedPath = isAllBlank(line.value) ? QString() : absoluteLocation(line.value, absolutePath);
            const qsizetype index = m_result.includes.size();
            m_result.includes.append(include);
            const int errorsBefore = static_cast<int>(m_result.errorRows.size());
            bool included = true;
            if (include.kind == ConfIncludeKind::IncludeDir)
                included = parseDirectory(line.value, absolutePath, line.line, depth + 1);
            else
                included = parseFile(line.value, include.kind == ConfIncludeKind::Include, absolutePath, line.line,
                                     depth + 1);
            m_result.includes[index].found = included && m_result.errorRows.size() == errorsBefore
                && (include.kind != ConfIncludeKind::IncludeIfExists || QFileInfo::exists(include.resolvedPath));
            ok = ok && included;
            continue;
        }
        ConfItem item;
        item.file = relative;
        item.absoluteFile = absolutePath;
        item.line = line.line;
        item.nameColumn = line.nameColumn;
        item.valueColumn = line.valueColumn;
        item.valueEndColumn = line.valueEndColumn;
        item.name = std::move(line.name);
        item.value = std::move(line.value);
        item.rawValue = std::move(line.rawValue);
        item.quoted = line.quoted;
        item.seqno = ++m_seqno;
        item.depth = depth;
        m_result.items.append(std::move(item));
    }
    return ok;
}

} // namespace pgdial::core::pgconf
