// Command-line parsing shared by the subcommands: their options plus positional FILE arguments,
// --help, and usage errors in one style.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace sdsim {

// Parses `args` with `opts` and positional files. Prints the help (`help` then the options) for
// --help, or "sdsim COMMAND: <error> (see sdsim COMMAND --help)". Returns -1 to go on, else the
// exit code the command should return.
int ParseCommandLine(const std::vector<std::string>& args,
                     const boost::program_options::options_description& opts, const char* command,
                     const std::string& help, std::vector<std::string>* files);

}  // namespace sdsim
