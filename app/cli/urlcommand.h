#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// pgdial-cli url CONNINFO [--json] [--env-file FILE] [--mode MODE]
class UrlCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;
};

} // namespace pgdial::cli
