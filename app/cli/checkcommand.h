#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// pgdial-cli check [FOLDER] [--format text|json|sarif] [--pg-version N] [--env NAME]
class CheckCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;
};

} // namespace pgdial::cli
