#pragma once

#include "hba/hbarule.h"

#include <QString>

#include <optional>

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
    QString message; // a warning's own message (errors take the rule's server-worded error)

    // Marks `rule` as refused with the server's `error` text and records code and span here.
    // Returns false, so checks can `return problem.fail(...)`.
    bool fail(HbaRule &rule, const QString &problemCode, const QString &error, const HbaSpan &problemSpan)
    {
        rule.error = error;
        rule.viewError = error;
        rule.errorRejectsFile = true;
        code = problemCode;
        span = problemSpan;
        warning = false;
        return false;
    }
};

} // namespace pgdial::core::hba
