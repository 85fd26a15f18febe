#pragma once

#include "cli/clicommand.h"

namespace pgdial::cli {

// pgdial-cli pool --rps N --avg-query-ms N --request-ms N [--instances N] [--workers N]
//   [--max-connections N] [--other-clients N] [--superuser-reserved N] [--reserved N]
//   [--pg-version N] [--project FOLDER [--env NAME]] [--json]
class PoolCommand final : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments, const CliOutput &output) override;
};

} // namespace pgdial::cli
