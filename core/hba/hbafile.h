#pragma once

#include "base/diagnostic.h"
#include "hba/hbarule.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace pgdial::core::hba {

// What the parser needs to know about the server it imitates.
struct HbaParseOptions
{
    int majorVersion = 17; // 13–18
    // Server settings that change how lines are judged (defaults: what initdb gives).
    bool sslEnabled = true;       // ssl=off → hostssl lines carry a note (file still loads)
    bool gssEncSupported = true;  // build has GSSAPI (hostgssenc works)
    bool dbUserNamespace = false; // ≤16: md5 is an error when on
    bool oauthValidatorConfigured = false; // 18: oauth_validator_libraries is set
    // Methods this server build lacks ("not supported by this build"). Empty = the default for
    // the version: Debian-like builds lack sspi and bsd; see defaultUnsupportedMethods().
    std::optional<QSet<QString>> unsupportedMethods;
    // Reads a file for `@file` and include directives; default reads the disk. Returns nullopt
    // when the file cannot be opened (the message goes to `openError`).
    std::function<std::optional<QByteArray>(const QString &absolutePath, QString *openError)> readFile;

    static QSet<QString> defaultUnsupportedMethods(int majorVersion);
};

// An include / include_if_exists / include_dir line (PG16+).
struct HbaInclude
{
    QString directive; // "include", "include_if_exists", "include_dir"
    QString target;    // as written
    QString file;      // the including file (relative, like HbaRule::file)
    int line = 0;
    QStringList resolvedFiles; // files it spliced in (relative), in order
    bool missing = false;
};

// A parsed pg_hba.conf with everything it includes: rules in the order the server checks them.
struct HbaFile
{
    QString mainFile;        // as given to the parser (relative name, see HbaParser::parse)
    QString baseDirectory;   // absolute; every `file` in rules/diagnostics is relative to it
    int majorVersion = 17;
    QList<HbaRule> rules;    // one per non-empty logical line (includes followed), valid or not
    QList<HbaInclude> includes;
    QStringList files;       // every file read (main, included, @files), relative
    base::Diagnostics diagnostics; // hba.* codes; errors make `ok` false
    // Whether the server would load this file: no line error and at least one rule.
    bool ok = false;

    // Rules the server keeps (no error), in order; what HbaMatcher walks.
    QList<const HbaRule *> validRules() const;
};

class HbaParser
{
public:
    // Parses the file at `path` (absolute or relative to the working directory). Rule/diagnostic
    // file names are relative to `baseDirectory` (default: the folder of `path`).
    static HbaFile parseFile(const QString &path, const HbaParseOptions &options = {},
                             const QString &baseDirectory = {});
    // Parses `contents` as if it were the file `path` (used for @file / include resolution).
    static HbaFile parse(const QByteArray &contents, const QString &path,
                         const HbaParseOptions &options = {}, const QString &baseDirectory = {});
};

} // namespace pgdial::core::hba
