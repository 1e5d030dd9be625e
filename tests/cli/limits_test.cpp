// One check for every command (cli/limits.h): run, sweep and expect refuse the same absurd
// command-line values with the same message, exit code 2, before loading or writing anything.
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
  std::string message;        // after "sdsim COMMAND: "
  bool replications_or_seed;  // expect has neither
};

const std::vector<Row>& Rows() {
  static const std::vector<Row> rows = {
      // sweep used to run 1 replication (4294967297 mod 2^32)...
      {"-r 4294967297",
       "--replications must be a whole number from 1 to 100000000 (got \"4294967297\")", true},
      // ... and blank statistics for 10^12.
      {"-r 1e12", "--replications must be a whole number from 1 to 100000000 (got \"1e12\")", true},
      {"-r 1000000000000",
       "--replications must be a whole number from 1 to 100000000 (got \"1000000000000\")", true},
      {"-r 10.000",
       "--replications must be a whole number from 1 to 100000000 (got \"10.000\"); write it "
       "without a thousands separator or decimals",
       true},
      {"-r -3", "--replications must be a whole number from 1 to 100000000 (got \"-3\")", true},
      // sweep wrapped a negative seed around to 18446744073709551611.
      {"-s -5", "--seed must be a whole number from 0 to 9223372036854775807 (got \"-5\")", true},
      {"-s 99999999999999999999",
       "--seed must be a whole number from 0 to 9223372036854775807 (got "
       "\"99999999999999999999\")",
       true},
      {"-s 1.5",
       "--seed must be a whole number from 0 to 9223372036854775807 (got \"1.5\"); "
       "write it without a thousands separator or decimals",
       true},
      // sweep crashed with a segmentation fault.
      {"-t 100000", "--threads must be a whole number from 0 (all cores) to 1024 (got \"100000\")",
       false},
      {"-t -1", "--threads must be a whole number from 0 (all cores) to 1024 (got \"-1\")", false},
      {"--period weekly", "--period must be year, half or month (got \"weekly\")", false},
      {"--csv de", "--csv must be intl or nl (got \"de\")", false},
      {"--out 'r\xe9sultat'",
       "the --out folder \"r\\xe9sultat\" is not valid UTF-8 (byte 2, shown as \\xe9); rename "
       "it, or retype the name in a UTF-8 terminal",
       false},
  };
  return rows;
}

}  // namespace

TEST_CASE("run, sweep and expect refuse the same absurd values with the same message",
          "[cli][limits]") {
  TempDir dir;
  const std::string good = dir.Write("good.json", kGood);
  const std::string out_dir = dir.path() + "/out";
  for (const Row& row : Rows()) {
    for (const std::string command : {"run", "sweep", "expect"}) {
      if (command == "expect" && row.replications_or_seed) continue;
      const std::string vary =
          command == "sweep" ? " --vary domains.d.arrivals_per_year=10,20" : "";
      const std::string out_flag =
          row.flags.find("--out") == std::string::npos ? " --out " + out_dir : "";
      INFO(command << " " << row.flags);
      std::string out;
      CHECK(RunSdsim(command + " " + good + vary + " " + row.flags + out_flag, &out) == 2);
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
