#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// `pgdial-cli hba edit FILE (--add RULE [--before LINE] | --delete LINE | --move LINE --before LINE
// | --enable LINE | --disable LINE | --set LINE FIELD=VALUE) [--json] [--dry-run] [--no-backup]`:
// one lossless rule operation on a pg_hba.conf (core::hba::HbaRuleEdits, the rule table's
// operations), written atomically with a FILE.bak copy. Not registered on its own: HbaCommand
// hands `hba edit ...` over. Exit 0: edited; 1: the operation is refused (no rule on the line, a
// line the server would refuse); 2: usage or I/O errors.
class HbaEditCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;
};

} // namespace pgdial::cli
