#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// pgdial-cli tune [--ram 16GB] [--cpus N] [--connections N] [--storage ssd] [--workload web]
//   [--db-size mid_ram] [--pg-version 17] [--os linux] [--profile pgdial|pgtune]
//   [--pool-demand N] [--format conf|alter-system|json|diff] [--against postgresql.conf]
//   [--project FOLDER [--env NAME]] [--apply]
class TuneCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;
};

} // namespace pgdial::cli
