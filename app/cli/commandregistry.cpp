#include "cli/commandregistry.h"

#include "cli/checkcommand.h"
#include "cli/confeditcommand.h"
#include "cli/driftcommand.h"
#include "cli/envcommand.h"
#include "cli/envscommand.h"
#include "cli/hbacommand.h"
#include "cli/poolcommand.h"
#include "cli/probecommand.h"
#include "cli/tunecommand.h"
#include "cli/urlcommand.h"

namespace pgdial::cli {

std::vector<std::unique_ptr<CliCommand>> allCommands()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<CheckCommand>());
    // `conf`: ConfEditCommand handles `conf set` / `conf reset` and hands the rest to ConfCommand.
    commands.push_back(std::make_unique<ConfEditCommand>());
    commands.push_back(std::make_unique<UrlCommand>());
    commands.push_back(std::make_unique<EnvCommand>());
    commands.push_back(std::make_unique<EnvsCommand>());
    commands.push_back(std::make_unique<TuneCommand>());
    commands.push_back(std::make_unique<PoolCommand>());
    commands.push_back(std::make_unique<HbaCommand>());
    commands.push_back(std::make_unique<ProbeCommand>());
    commands.push_back(std::make_unique<DriftCommand>());
    return commands;
}

} // namespace pgdial::cli
