// Shared command-line parsing.
#include "cli/options.h"

#include <cstdio>
#include <iostream>

#include "cli/commands.h"

namespace po = boost::program_options;

namespace sdsim {

int ParseCommandLine(const std::vector<std::string>& args, const po::options_description& opts,
                     const char* command, const std::string& help,
                     std::vector<std::string>* files) {
  po::options_description hidden;
  hidden.add_options()("file", po::value(files));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "sdsim %s: %s (see sdsim %s --help)\n", command, e.what(), command);
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << help << "\n" << opts;
    return kExitOk;
  }
  return -1;
}

}  // namespace sdsim
