#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// `pgdial-cli hba FILE [--json] [--pg-version N]`: the rules of one pg_hba.conf (includes followed)
// as the server's pg_hba_file_rules view shows them, plus diagnostics and whether the server would
// load the file. Also the entry point of `hba match ...` and `hba lint ...`, which it hands to
// HbaMatchCommand / HbaLintCommand. Exit 0: the server would load the file; 1: it would refuse it;
// 2: usage or I/O error.
class HbaCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;

private:
    int runFile(const QStringList &arguments, const CliOutput &output);
};

} // namespace pgdial::cli
