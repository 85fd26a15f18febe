#pragma once

#include "hba/hbaeditor.h"
#include "probe/probereport.h"

#include <QStringList>

#include <optional>

namespace pgdial::ui::document {
class ProjectContext;
} // namespace pgdial::ui::document

namespace pgdial::ui::tools::connectiontester {

// "Add this rule" for a probe that ended in hba_no_entry: the narrowest rule that admits the
// refused connection (core::hba::HbaRuleProposer), placed before the first rule that would take
// it, as one edit of the project's pg_hba.conf (or the file it includes that holds that rule).
class HbaRuleInserter
{
public:
    struct Suggestion
    {
        QString ruleText; // "host appdb appuser 127.0.0.1/32 scram-sha-256"
        QString file; // project-relative file the rule goes into
        int line = 0; // 1-based line the rule will have
        QStringList notes; // what the proposal assumes
        bool bypassesReject = false; // goes before a deliberate reject line (ask first)
        core::hba::HbaEdit edit;
    };

    // Null unless the report is hba_no_entry with the server's message and the project holds
    // `hbaFile` (project-relative).
    static std::optional<Suggestion> suggest(const document::ProjectContext &context, const QString &hbaFile,
                                             const core::probe::ProbeReport &report);
    // Inserts the rule (one undo step). False when the file cannot be edited.
    static bool insert(document::ProjectContext &context, const Suggestion &suggestion);
};

} // namespace pgdial::ui::tools::connectiontester
