// One check for every command (cli/limits.h): run, sweep, expect, fit and backtest refuse the same
// absurd command-line values with the same message, exit code 2, before loading or writing
// anything.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "testing.h"

namespace sdsim::testing {
namespace {

const char kGood[] = R"({"domains": {"d": {"arrivals_per_year": 20, "routing": {"f": 1},
  "forms": {"f": {"duration": {"type": "exponential", "mean": 60},
                  "tariff": {"amount": 50, "per": "day"}}}}}})";

struct Row {
  std::string flags;
  std::string message;                // after "sdsim COMMAND: "
  std::vector<std::string> commands;  // the commands that have this option
};

const std::vector<std::string> kReps = {"run", "sweep", "backtest"};
const std::vector<std::string> kThreads = {"run", "sweep", "expect", "backtest"};
const std::vector<std::string> kPeriod = {"run", "sweep", "expect"};
const std::vector<std::string> kCsv = {"run", "sweep", "expect", "backtest", "fit"};

const std::vector<Row>& Rows() {
  static const std::vector<Row> rows = {
      // sweep used to run 1 replication (4294967297 mod 2^32)...
      {"-r 4294967297",
       "--replications must be a whole number from 1 to 100000000 (got \"4294967297\")", kReps},
      // ... and blank statistics for 10^12.
      {"-r 1e12", "--replications must be a whole number from 1 to 100000000 (got \"1e12\")",
       kReps},
      {"-r 1000000000000",
       "--replications must be a whole number from 1 to 100000000 (got \"1000000000000\")", kReps},
      {"-r 10.000",
       "--replications must be a whole number from 1 to 100000000 (got \"10.000\"); write it "
       "without a thousands separator or decimals",
       kReps},
      {"-r -3", "--replications must be a whole number from 1 to 100000000 (got \"-3\")", kReps},
      // sweep wrapped a negative seed around to 18446744073709551611.
      {"-s -5", "--seed must be a whole number from 0 to 9223372036854775807 (got \"-5\")", kReps},
      {"-s 99999999999999999999",
       "--seed must be a whole number from 0 to 9223372036854775807 (got "
       "\"99999999999999999999\")",
       kReps},
      {"-s 1.5",
       "--seed must be a whole number from 0 to 9223372036854775807 (got \"1.5\"); "
       "write it without a thousands separator or decimals",
       kReps},
      // sweep crashed with a segmentation fault.
      {"-t 100000", "--threads must be a whole number from 0 (all cores) to 1024 (got \"100000\")",
       kThreads},
      {"-t -1", "--threads must be a whole number from 0 (all cores) to 1024 (got \"-1\")",
       kThreads},
      {"--period weekly", "--period must be year, half or month (got \"weekly\")", kPeriod},
      {"--csv de", "--csv must be intl or nl (got \"de\")", kCsv},
      {"--out 'r\xe9sultat'",
       "the --out folder \"r\\xe9sultat\" is not valid UTF-8 (byte 2, shown as \\xe9); rename "
       "it, or retype the name in a UTF-8 terminal",
       kThreads},
  };
  return rows;
}

}  // namespace

TEST_CASE("run, sweep, expect, fit and backtest refuse the same absurd values with one message",
          "[cli][limits]") {
  TempDir dir;
  const std::string good = dir.Write("good.json", kGood);
  const std::string out_dir = dir.path() + "/out";
  const std::string records = SourcePath("scenarios/example/records.csv") + " --population " +
                              SourcePath("scenarios/example/population.csv");
  for (const Row& row : Rows()) {
    for (const std::string& command : row.commands) {
      std::string input = good;
      if (command == "sweep") input += " --vary domains.d.arrivals_per_year=10,20";
      if (command == "fit") input = records;
      if (command == "backtest") input = records + " --origins 2024-01-01";
      const std::string out_flag = row.flags.find("--out") != std::string::npos ? ""
                                   : command == "fit" ? " --out " + out_dir + "/baseline.json"
                                                      : " --out " + out_dir;
      INFO(command << " " << row.flags);
      std::string out;
      CHECK(RunSdsim(command + " " + input + " " + row.flags + out_flag, &out) == 2);
      CHECK(out ==
            "sdsim " + command + ": " + row.message + " (see sdsim " + command + " --help)\n");
      CHECK_FALSE(std::filesystem::exists(out_dir));
    }
  }
}

TEST_CASE("file names and --vary values that are not UTF-8 are refused before any work",
          "[cli][limits]") {
  // They used to abort (nlohmann type_error.316) after the whole simulation, writing manifest.json.
  TempDir dir;
  const std::string good = dir.Write("good.json", kGood);
  const std::string bad_name = dir.path() + "/sc\xe9nario.json";
  std::filesystem::copy_file(good, bad_name);
  std::string out;
  CHECK(RunSdsim("run '" + bad_name + "' -r 2 --out " + dir.path() + "/o", &out) == 2);
  CHECK(out == "sdsim run: the file name \"" + dir.path() +
                   "/sc\\xe9nario.json\" is not valid UTF-8 (byte " +
                   std::to_string(dir.path().size() + 4) +
                   ", shown as \\xe9); rename it, or retype the name in a UTF-8 terminal (see "
                   "sdsim run --help)\n");
  CHECK(RunSdsim("validate '" + bad_name + "'", &out) == 2);
  CHECK_THAT(out, Catch::StartsWith("sdsim validate: the file name \""));
  CHECK(RunSdsim("run " + good + " --budget 'b\xe9.json' -r 2 --out " + dir.path() + "/o", &out) ==
        2);
  CHECK_THAT(out, Catch::StartsWith("sdsim run: the --budget file name \"b\\xe9.json\" is not "
                                    "valid UTF-8 (byte 2, shown as \\xe9)"));
  CHECK(RunSdsim("sweep " + good + " --vary 'domains.d.forms.f.label=a,\xe9' -r 2 --out " +
                     dir.path() + "/o",
                 &out) == 2);
  CHECK(out ==
        "sdsim sweep: --vary \"domains.d.forms.f.label=a,\\xe9\" is not valid UTF-8 (byte 27, "
        "shown as \\xe9); retype it in a UTF-8 terminal (see sdsim sweep --help)\n");
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/o"));
}

}  // namespace sdsim::testing
