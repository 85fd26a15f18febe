#pragma once

#include "hba/hbalineproblem.h"
#include "hba/hbaparser.h"
#include "hba/hbarule.h"

#include <QString>

namespace pgdial::core::hba {

// parse_hba_auth_opt() and the mandatory-option checks at the end of parse_hba_line() of the
// target version: which options a method takes, their values, and the combinations the server
// refuses (ldap's two modes, radius list lengths, oauth's issuer and scope).
class HbaOptionChecker
{
public:
    explicit HbaOptionChecker(const HbaParseOptions &options)
        : m_options(options)
    { }

    // One `name=value` option of `rule` (whose type and method are already known). False with
    // `problem` and the rule's error filled when the server refuses the line; true otherwise
    // (`problem.warning` set for what the server only logs).
    bool check(const QString &name, const QString &value, HbaRule &rule, HbaLineProblem &problem) const;

    // After all options: what the method requires and which options exclude each other.
    bool checkMandatory(HbaRule &rule, HbaLineProblem &problem) const;

private:
    const HbaParseOptions &m_options;
};

} // namespace pgdial::core::hba
