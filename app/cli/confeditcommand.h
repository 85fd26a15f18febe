#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// pgdial-cli conf set FILE NAME=VALUE... / conf reset FILE NAME...: lossless edits of a
// postgresql.conf (and the files it includes), written atomically; prints what changed.
// Registered as the `conf` command: anything but `set`/`reset` goes on to ConfCommand
// (conf FILE --json), so both share one command name.
class ConfEditCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;

private:
    int runEdit(bool set, const QStringList &arguments, const CliOutput &output);
};

} // namespace pgdial::cli
