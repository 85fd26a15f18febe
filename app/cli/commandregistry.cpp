#include "commandregistry.h"

#include "checkcommand.h"
#include "envcommand.h"
#include "urlcommand.h"
#include "confeditcommand.h"
#include "poolcommand.h"
#include "hbacommand.h"
#include "probecommand.h"
#include "tunecommand.h"

namespace pgdial::cli {

std::vector<std::unique_ptr<CliCommand>> allCommands()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<CheckCommand>());
    // `conf`: ConfEditCommand handles `conf set` / `conf reset` and hands the rest to ConfCommand.
    commands.push_back(std::make_unique<ConfEditCommand>());
    commands.push_back(std::make_unique<UrlCommand>());
    commands.push_back(std::make_unique<EnvCommand>());
    commands.push_back(std::make_unique<TuneCommand>());
    commands.push_back(std::make_unique<PoolCommand>());
    commands.push_back(std::make_unique<HbaCommand>());
    commands.push_back(std::make_unique<ProbeCommand>());
    return commands;
}

} // namespace pgdial::cli
