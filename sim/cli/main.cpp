// sdsim entry point: dispatches to a subcommand (run, validate) or prints help / version.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/dist.h"

namespace {

const char kHelp[] =
    "sdsim " SDSIM_VERSION
    " - Monte Carlo projections of caseload and cost in the sociaal domein\n"
    "(jeugdhulp, Wmo, beschermd wonen)\n"
    "\n"
    "Usage:\n"
    "  sdsim run FILE... [options]    simulate scenario files and write results (summary.csv,\n"
    "                                 manifest.json) to a new folder under results/\n"
    "  sdsim sweep BASE --vary K=a,b  run a grid of variations of one scenario (sweep.csv)\n"
    "  sdsim validate FILE...         check scenario files without running anything\n"
    "  sdsim expect FILE...           expected values without sampling (fast; no queues)\n"
    "  sdsim fit RECORDS --population P  estimate a baseline scenario from care records\n"
    "  sdsim backtest RECORDS ...     fit at past origins and compare with what happened\n"
    "  sdsim COMMAND --help           options of a command\n"
    "  sdsim --version                program version\n"
    "\n"
    "Examples:\n"
    "  sdsim validate scenarios/dronten/*.json\n"
    "  sdsim run scenarios/dronten/baseline.json --replications 2000\n"
    "\n"
    "Scenario files are JSON with // comments; every key is described in scenarios/README.md.\n";

}  // namespace

static int Main(int argc, char** argv) {
  std::vector<std::string> all(argv, argv + argc);
  if (argc < 2 || all[1] == "--help" || all[1] == "-h" || all[1] == "help") {
    std::fputs(kHelp, stdout);
    return argc < 2 ? sdsim::kExitUsage : sdsim::kExitOk;
  }
  if (all[1] == "--version" || all[1] == "-V") {
    std::puts("sdsim " SDSIM_VERSION);
    return sdsim::kExitOk;
  }
  const std::vector<std::string> rest(all.begin() + 2, all.end());
  if (all[1] == "run") return sdsim::RunCommand(rest, all);
  if (all[1] == "validate") return sdsim::ValidateCommand(rest);
  if (all[1] == "expect") return sdsim::ExpectCommand(rest, all);
  if (all[1] == "sweep") return sdsim::SweepCommand(rest, all);
  if (all[1] == "fit") return sdsim::FitCommand(rest, all);
  if (all[1] == "backtest") return sdsim::BacktestCommand(rest, all);
  std::fprintf(stderr,
               "sdsim: unknown command \"%s\"; commands are: run, sweep, validate, expect, fit, "
               "backtest (see "
               "sdsim --help)\n",
               all[1].c_str());
  return sdsim::kExitUsage;
}

int main(int argc, char** argv) {
  sdsim::Dist dist;
  std::string err;
  if (!sdsim::InitDist(&argc, &argv, &dist, &err)) {
    std::fprintf(stderr, "sdsim: %s\n", err.c_str());
    return sdsim::kExitUsage;
  }
  const int code = Main(argc, argv);
  sdsim::FinalizeDist();
  return code;
}
