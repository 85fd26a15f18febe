#include "commandregistry.h"

#include "checkcommand.h"
#include "confcommand.h"
#include "poolcommand.h"
#include "probecommand.h"
#include "tunecommand.h"

namespace pgdial::cli {

std::vector<std::unique_ptr<CliCommand>> allCommands()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<CheckCommand>());
    commands.push_back(std::make_unique<ConfCommand>());
    commands.push_back(std::make_unique<TuneCommand>());
    commands.push_back(std::make_unique<PoolCommand>());
    commands.push_back(std::make_unique<ProbeCommand>());
    return commands;
}

} // namespace pgdial::cli
