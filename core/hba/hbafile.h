#pragma once

#include "base/diagnostic.h"
#include "hba/hbarule.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace pgdial::core::hba {

// An include / include_if_exists / include_dir line (PG16+).
struct HbaInclude
{
    QString directive; // "include", "include_if_exists", "include_dir"
    QString target; // as written
    QString file; // the including file (relative, like HbaRule::file)
    int line = 0;
    QStringList resolvedFiles; // files it spliced in (relative), in order
    bool missing = false;
};

// A parsed pg_hba.conf with everything it includes: rules in the order the server checks them.
struct HbaFile
{
    QString mainFile; // as given to the parser (relative name, see HbaParser::parse)
    QString baseDirectory; // absolute; every `file` in rules/diagnostics is relative to it
    int majorVersion = 17;
    QList<HbaRule> rules; // one per non-empty logical line (includes followed), valid or not
    QList<HbaInclude> includes;
    QStringList files; // every file read (main, included, @files), relative
    int mainFileLines = 0; // lines of the main file: a rule appended to it gets line mainFileLines + 1
    base::Diagnostics diagnostics; // hba.* codes; errors make `ok` false
    // Whether the server would load this file: no line error and at least one rule.
    bool ok = false;

    // Rules the server keeps (no error), in order; what HbaMatcher walks.
    QList<const HbaRule *> validRules() const;
};

} // namespace pgdial::core::hba
