#pragma once

#include "cli/clicommand.h"

#include <memory>
#include <vector>

namespace pgdial::cli {

// Every command pgdial-cli knows, in the order `--help` lists them.
std::vector<std::unique_ptr<CliCommand>> allCommands();

} // namespace pgdial::cli
