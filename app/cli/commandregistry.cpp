#include "commandregistry.h"

#include "checkcommand.h"
#include "probecommand.h"

namespace pgdial::cli {

std::vector<std::unique_ptr<CliCommand>> allCommands()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<CheckCommand>());
    commands.push_back(std::make_unique<ProbeCommand>());
    return commands;
}

} // namespace pgdial::cli
