#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// pgdial-cli probe CONNINFO|--project FOLDER [--env NAME] [--json] [--timeout SECONDS] [--admin CONNINFO]
class ProbeCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;
};

} // namespace pgdial::cli
