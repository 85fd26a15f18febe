#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// pgdial-cli conf FILE [--json] [--pg-version N]: what a server makes of a postgresql.conf and
// its includes, in the shape of pg_file_settings.
class ConfCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;
};

} // namespace pgdial::cli
