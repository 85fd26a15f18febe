#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// pgdial-cli env [FOLDER] [--json] [--ignore-environment] [--env NAME]
class EnvCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;
};

} // namespace pgdial::cli
