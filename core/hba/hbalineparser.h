#pragma once

#include "hba/hbalineproblem.h"
#include "hba/hbaoptionchecker.h"
#include "hba/hbaparser.h"
#include "hba/hbarule.h"
#include "hba/hbatokenizer.h"

namespace pgdial::core::hba {

// parse_hba_line() of the target version: turns one tokenized line into an HbaRule (connection
// type, database and user lists, method), filling `error` with the text the server puts in
// pg_hba_file_rules.error. Addresses and options have classes of their own.
class HbaLineParser
{
public:
    explicit HbaLineParser(const HbaParseOptions &options);

    HbaRule parse(const HbaRawLine &line, QList<HbaLineProblem> *problems) const;
    // The same, filling a default-constructed `rule` in place (the parser builds the file's rule
    // list this way: moving thousands of rules cost more than parsing them).
    void parse(const HbaRawLine &line, HbaRule &rule, QList<HbaLineProblem> *problems) const;

    // The methods this server knows at all (before build support), for the version.
    static QStringList knownMethods(int majorVersion);

private:
    const HbaParseOptions &m_options;
    QSet<QString> m_unsupported;
    QStringList m_knownMethods;
    HbaOptionChecker m_optionChecker;
};

} // namespace pgdial::core::hba
