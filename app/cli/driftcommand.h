#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// `pgdial-cli drift FOLDER --server CONNINFO [--json] [--timeout SECONDS]`: the project's
// postgresql.conf and pg_hba.conf against what a running server runs (core/live). Exit 0: no
// drift; 1: drift; 2: usage, folder or connection error. The password is never printed.
class DriftCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;
};

} // namespace pgdial::cli
