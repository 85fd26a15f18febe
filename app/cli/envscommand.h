#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// pgdial-cli envs [FOLDER] [--json]: the environments a project holds, side by side.
class EnvsCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;
};

} // namespace pgdial::cli
