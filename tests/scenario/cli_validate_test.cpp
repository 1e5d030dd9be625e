// The real sdsim binary: validate, help, version; bad files and flags refused, nothing written.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "testing.h"

namespace sdsim::testing {
namespace {

namespace fs = std::filesystem;

const char kGood[] = R"({
  // Valid: two domains, three forms.
  "domains": {
    "jeugd": {
      "arrivals_per_year": 100,
      "routing": {"ambulant": 0.8, "verblijf": 0.2},
      "forms": {
        "ambulant": {"duration": {"type": "lognormal", "mean": 300, "sd": 250},
                     "tariff": {"amount": 40, "per": "day"}},
        "verblijf": {"capacity": 10, "duration": {"type": "exponential", "mean": 400},
                     "tariff": {"amount": 250, "per": "day"}}
      }
    },
    "wmo": {
      "arrivals_per_year": 50,
      "forms": {"begeleiding": {"duration": {"type": "fixed", "value": 6, "unit": "months"},
                                "tariff": {"amount": 900, "per": "month"}}}
    }
  }
}
)";

// kGood with two problems: a negative tariff and a misspelt key.
const char kBad[] = R"({
  "domains": {
    "jeugd": {
      "arrivals_per_year": 100,
      "forms": {
        "ambulant": {"duration": {"type": "lognormal", "mean": 300, "sd": 250},
                     "tariff": {"amount": -40, "per": "day"},
                     "captacity": 10}
      }
    }
  }
}
)";

const std::string kBadProblems =
    "bad.json: /domains/jeugd/forms/ambulant/tariff/amount: must not be negative (value: -40)\n"
    "bad.json: /domains/jeugd/forms/ambulant/captacity: unknown key \"captacity\"; did you mean "
    "\"capacity\"?\n"
    "sdsim: 2 problems found; nothing was run or written.\n";

// Output with the temp folder removed from paths, as a user inside the folder would read it.
std::string Relative(std::string out, const TempDir& dir) {
  const std::string prefix = dir.path() + "/";
  for (size_t at; (at = out.find(prefix)) != std::string::npos;) out.erase(at, prefix.size());
  return out;
}

bool IsEmptyDir(const std::string& path) {
  return fs::is_directory(path) && fs::directory_iterator(path) == fs::directory_iterator();
}

TEST_CASE("cli: validate a good file: exit 0 and one ok line", "[scenario][cli]") {
  TempDir dir;
  const std::string good = dir.Write("good.json", kGood);
  std::string out;
  CHECK(RunSdsim("validate " + good, &out) == 0);
  CHECK(Relative(out, dir) ==
        "good.json: ok (scenario \"good\", 2 domains, 3 care forms, 0 targets, 2025-01-01 .. "
        "2028-12-31)\n");
}

TEST_CASE("cli: validate a bad file: exit 1, every problem, nothing run or written",
          "[scenario][cli]") {
  TempDir dir;
  const std::string bad = dir.Write("bad.json", kBad);
  std::string out;
  CHECK(RunSdsim("validate " + bad, &out) == 1);
  CHECK(Relative(out, dir) == kBadProblems);
  // A good file named with it does not hide the problems (and gets no ok line).
  const std::string good = dir.Write("good.json", kGood);
  CHECK(RunSdsim("validate " + good + " " + bad, &out) == 1);
  CHECK(Relative(out, dir) == kBadProblems);
  // A file that does not exist.
  CHECK(RunSdsim("validate " + dir.path() + "/missing.json", &out) == 1);
  CHECK(Relative(out, dir) ==
        "missing.json: (top level): cannot read scenario file: missing.json: cannot open: No "
        "such file or directory\n"
        "sdsim: 1 problem found; nothing was run or written.\n");
  // A syntax error shows the line and a caret.
  const std::string broken = dir.Write("broken.json", "{\n  \"domains\": {}},\n}\n");
  CHECK(RunSdsim("validate " + broken, &out) == 1);
  CHECK(Relative(out, dir) ==
        "broken.json:2:17: syntax error: unexpected ','; expected end of input\n"
        "      \"domains\": {}},\n"
        "                    ^ near here\n"
        "sdsim: 1 problem found; nothing was run or written.\n");
}

TEST_CASE("cli: run with a bad file exits 1 and creates or writes nothing", "[scenario][cli]") {
  TempDir dir;
  const std::string bad = dir.Write("bad.json", kBad);
  const std::string out_dir = dir.path() + "/results/begroting";
  std::string out;
  CHECK(RunSdsim("run " + bad + " --replications 10 --out " + out_dir, &out) == 1);
  CHECK(Relative(out, dir) == kBadProblems);
  CHECK_FALSE(fs::exists(dir.path() + "/results"));
  // An existing (empty) output folder stays empty.
  fs::create_directories(out_dir);
  CHECK(RunSdsim("run " + bad + " --out " + out_dir, &out) == 1);
  CHECK(IsEmptyDir(out_dir));
  // One bad file among good ones stops the whole run.
  const std::string good = dir.Write("good.json", kGood);
  CHECK(RunSdsim("run " + good + " " + bad + " --replications 2 --out " + out_dir, &out) == 1);
  CHECK(IsEmptyDir(out_dir));
}

TEST_CASE("cli: run with a good file writes summary.csv, begroting.csv and manifest.json",
          "[scenario][cli]") {
  TempDir dir;
  const std::string good = dir.Write("good.json", kGood);
  const std::string out_dir = dir.path() + "/out";
  std::string out;
  REQUIRE(RunSdsim("run " + good + " --replications 2 --threads 1 --quiet --out " + out_dir,
                   &out) == 0);
  CHECK(fs::is_regular_file(out_dir + "/summary.csv"));
  CHECK(fs::is_regular_file(out_dir + "/manifest.json"));
  CHECK(out.find("results in " + out_dir +
                 "/: summary.csv begroting.csv report.html manifest.json") != std::string::npos);
}

TEST_CASE("cli: two files with the same scenario name are rejected", "[scenario][cli]") {
  TempDir dir;
  const std::string a = dir.Write("basis.json", kGood);
  // Named "basis" explicitly: the same as basis.json's file name.
  const std::string b = dir.Write("variant.json", R"({"extends": "basis.json", "name": "basis",
    "domains": {"jeugd": {"arrivals_per_year": 120}}})");
  const std::string expected =
      "variant.json: /name: two scenarios in one run have the same name (also basis.json); give "
      "each file its own \"name\" (value: \"basis\")\n"
      "sdsim: 1 problem found; nothing was run or written.\n";
  std::string out;
  CHECK(RunSdsim("validate " + a + " " + b, &out) == 1);
  CHECK(Relative(out, dir) == expected);
  const std::string out_dir = dir.path() + "/out";
  CHECK(RunSdsim("run " + a + " " + b + " --replications 2 --out " + out_dir, &out) == 1);
  CHECK(Relative(out, dir) == expected);
  CHECK_FALSE(fs::exists(out_dir));
  // The same file twice is the same name too.
  CHECK(RunSdsim("validate " + a + " " + a, &out) == 1);
}

TEST_CASE("cli: bad flags exit 2 with a message naming the flag, and write nothing",
          "[scenario][cli]") {
  TempDir dir;
  const std::string good = dir.Write("good.json", kGood);
  const std::string out_dir = dir.path() + "/out";
  struct Row {
    std::string flags;
    std::string message;
  };
  const std::vector<Row> rows = {
      {"--replications 0",
       "sdsim run: --replications must be a whole number from 1 to 100000000 (got \"0\")"},
      {"--replications veel",
       "sdsim run: --replications must be a whole number from 1 to 100000000 (got \"veel\")"},
      {"--period weekly", "sdsim run: --period must be year, half or month (got \"weekly\")"},
      {"--threads=-1",
       "sdsim run: --threads must be a whole number from 0 (all cores) to 1024 (got \"-1\")"},
      {"--bogus", "sdsim run: unrecognised option '--bogus'"},
  };
  for (const Row& row : rows) {
    INFO("flags: " << row.flags);
    std::string out;
    CHECK(RunSdsim("run " + good + " " + row.flags + " --out " + out_dir, &out) == 2);
    CHECK(out == row.message + " (see sdsim run --help)\n");
    CHECK_FALSE(fs::exists(out_dir));
  }
  std::string out;
  CHECK(RunSdsim("run --replications 10", &out) == 2);
  CHECK(out == "sdsim run: name at least one scenario file (see sdsim run --help)\n");
  CHECK(RunSdsim("validate", &out) == 2);
  CHECK(out == "sdsim validate: name at least one scenario file (see sdsim validate --help)\n");
  CHECK(RunSdsim("validate --stric " + good, &out) == 2);
  CHECK(out == "sdsim validate: unknown option --stric (see sdsim validate --help)\n");
}

TEST_CASE("cli: unknown command exits 2 and names the commands", "[scenario][cli]") {
  std::string out;
  CHECK(RunSdsim("valideer scenario.json", &out) == 2);
  CHECK(out ==
        "sdsim: unknown command \"valideer\"; commands are: run, sweep, validate, expect, fit, "
        "backtest (see "
        "sdsim --help)\n");
}

TEST_CASE("cli: help and version exit 0 and print usage", "[scenario][cli]") {
  std::string out;
  SECTION("sdsim --help") {
    CHECK(RunSdsim("--help", &out) == 0);
    CHECK(out.rfind("sdsim " SDSIM_VERSION " - ", 0) == 0);
    CHECK(out.find("Usage:\n") != std::string::npos);
    CHECK(out.find("  sdsim run FILE... [options]") != std::string::npos);
    CHECK(out.find("  sdsim validate FILE...") != std::string::npos);
    std::string h;
    CHECK(RunSdsim("-h", &h) == 0);
    CHECK(h == out);
    CHECK(RunSdsim("help", &h) == 0);
    CHECK(h == out);
  }
  SECTION("sdsim without arguments prints the usage but exits 2") {
    std::string help;
    RunSdsim("--help", &help);
    CHECK(RunSdsim("", &out) == 2);
    CHECK(out == help);
  }
  SECTION("sdsim run --help") {
    CHECK(RunSdsim("run --help", &out) == 0);
    CHECK(out.rfind("Usage: sdsim run FILE... [options]\n", 0) == 0);
    for (const char* flag :
         {"--replications", "--seed", "--threads", "--out", "--period", "--csv", "--quiet"}) {
      INFO("flag " << flag);
      CHECK(out.find(flag) != std::string::npos);
    }
  }
  SECTION("sdsim validate --help") {
    CHECK(RunSdsim("validate --help", &out) == 0);
    CHECK(out.rfind("Usage: sdsim validate FILE... [--strict] [--costs]\n", 0) == 0);
    CHECK(out.find("Nothing is written.") != std::string::npos);
  }
  SECTION("sdsim --version") {
    CHECK(RunSdsim("--version", &out) == 0);
    CHECK(out == "sdsim " SDSIM_VERSION "\n");
    CHECK(RunSdsim("-V", &out) == 0);
    CHECK(out == "sdsim " SDSIM_VERSION "\n");
  }
}

TEST_CASE("cli: the scenario reference named by sdsim --help exists", "[scenario][cli]") {
  std::string out;
  RunSdsim("--help", &out);
  REQUIRE(out.find("every key is described in scenarios/README.md") != std::string::npos);
  CHECK(fs::is_regular_file(SourcePath("scenarios/README.md")));
}

// The ok line counts in plain English: "1 domains" reads as a typo to a finance user.
TEST_CASE("cli: validate says 1 domain, 1 care form, 1 target", "[scenario][cli]") {
  TempDir dir;
  const std::string one = dir.Write("een.json", R"({"domains": {"wmo": {"arrivals_per_year": 5,
    "forms": {"hulp": {"duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}}}},
    "targets": {"wmo eind 2026": {"metric": "clients_end", "domain": "wmo", "year": 2026, "max": 100}}})");
  std::string out;
  CHECK(RunSdsim("validate " + one, &out) == 0);
  CHECK(Relative(out, dir) ==
        "een.json: ok (scenario \"een\", 1 domain, 1 care form, 1 target, 2025-01-01 .. "
        "2028-12-31)\n");
}

}  // namespace
}  // namespace sdsim::testing
