#pragma once

#include "hba/hbafile.h"
#include "hba/hbarule.h"
#include "hba/hbatokenizer.h"

namespace pgdial::core::hba {

// What went wrong on a line, for the diagnostic: stable code, the field it concerns, and a
// replacement for that field's text when a fix is obvious.
struct HbaLineProblem
{
    QString code;
    HbaSpan span;
    QString suggestion;
    std::optional<QString> replacementText; // replaces `span` (same physical line only)
    bool warning = false;
};

// parse_hba_line() + parse_hba_auth_opt() of the target version: turns one tokenized line into
// an HbaRule, filling `error` with the text the server puts in pg_hba_file_rules.error.
class HbaLineParser
{
public:
    explicit HbaLineParser(const HbaParseOptions &options);

    HbaRule parse(const HbaRawLine &line, QList<HbaLineProblem> *problems) const;

    // The methods this server knows at all (before build support), for the version.
    static QStringList knownMethods(int majorVersion);

private:
    bool parseAddress(const HbaRawLine &line, int &fieldIndex, HbaRule &rule, HbaLineProblem &problem) const;
    bool parseOption(const QString &name, const QString &value, HbaRule &rule, HbaLineProblem &problem) const;
    bool checkMandatoryOptions(HbaRule &rule, HbaLineProblem &problem) const;
    bool fail(HbaRule &rule, HbaLineProblem &problem, const QString &code, const QString &error,
              const HbaSpan &span) const;

    const HbaParseOptions &m_options;
    QSet<QString> m_unsupported;
};

} // namespace pgdial::core::hba
