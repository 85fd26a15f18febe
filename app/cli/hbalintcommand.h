#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// `pgdial-cli hba lint FILE [--pg-version N] [--format text|json|sarif]`: validation, security
// lint and dead-rule analysis of one pg_hba.conf (settings: server defaults). Handed over by
// HbaCommand (arguments start with "pgdial-cli hba lint"). Exit 1 when the server would refuse
// the file, 0 otherwise (warnings included), 2 for usage errors.
class HbaLintCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;
};

} // namespace pgdial::cli
