#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// `pgdial-cli hba match FILE --type T --database D --user U [--roles a,b] [--address IP]
// [--host-name N] [--ssl|--gss] [--replication] [--pg-version N] [--json]`: the rule the server
// would pick for one connection attempt, with the reason every earlier rule did not match.
// Not registered on its own: HbaCommand hands `hba match ...` over (arguments start with
// "pgdial-cli hba match"). Exit 0: a rule admits the attempt; 1: rejected or no rule; 2: usage.
class HbaMatchCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;
};

} // namespace pgdial::cli
