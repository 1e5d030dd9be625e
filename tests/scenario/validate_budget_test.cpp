// sdsim validate for begroting files (real binary): Dronten's begroting checks against the
// scenario it names, a line that names no row or year is reported, a begroting file without a
// scenario says how to check it, and validate --budget checks against the scenarios given. Also
// that scripts/run.sh runs every Dronten scenario file and nothing else.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>

#include "begroting_testing.h"
#include "office_testing.h"
#include "scenario/budget_file.h"

namespace sdsim::testing {
namespace {

namespace fs = std::filesystem;

TEST_CASE("validate: Dronten's begroting is checked as a budget file, beside the scenarios",
          "[scenario][cli][budget]") {
  std::string out;
  const std::string dronten = SourcePath("scenarios/dronten");
  REQUIRE(RunSdsim("validate " + dronten + "/baseline.json " + dronten + "/begroting.json", &out) ==
          0);
  const BegrotingSize size = DrontenBegroting();
  CHECK_THAT(out, Catch::Contains("begroting.json: ok (begroting for scenario \"baseline\": " +
                                  std::to_string(size.lines) + " lines, " +
                                  std::to_string(size.amounts) + " amounts, 2025 .. 2029)"));
  CHECK(IsBudgetFile(dronten + "/begroting.json"));
  CHECK_FALSE(IsBudgetFile(dronten + "/baseline.json"));
  // validate --budget: against the scenarios given.
  REQUIRE(
      RunSdsim("validate --budget " + dronten + "/begroting.json " + dronten + "/lokale_teams.json",
               &out) == 0);
  CHECK_THAT(out, Catch::Contains("begroting for scenario \"lokale_teams\""));
}

TEST_CASE("validate: a begroting line that fits no row or year, and a file without a scenario",
          "[scenario][cli][budget]") {
  TempDir dir;
  fs::copy_file(SourcePath("scenarios/dronten/baseline.json"), dir.path() + "/baseline.json");
  const std::string bad = dir.Write("begroting.json", R"({
    "scenario": "baseline.json",
    "budget": {"jeugd": {"domain": "jeugd", "amounts": {"2031": 1000}},
               "ggz": {"domain": "ggz", "amounts": {"2026": 1000}}}})");
  std::string out;
  CHECK(RunSdsim("validate " + bad, &out) == 1);
  CHECK_THAT(out, Catch::Contains(bad + ": /budget/jeugd/amounts/2031: no such period"));
  CHECK_THAT(out, Catch::Contains(bad + ": /budget/ggz: no output row matches (domain \"ggz\""));
  // Without "scenario", validate says how to check it, and --budget does.
  const std::string loose = dir.Write("loose.json", R"({"budget": {"jeugd": {"domain": "jeugd",
    "amounts": {"2026": 1000}}}})");
  CHECK(RunSdsim("validate " + loose, &out) == 1);
  CHECK_THAT(out, Catch::Contains("add \"scenario\": \"baseline.json\"") &&
                      Catch::Contains("sdsim validate --budget " + loose + " SCENARIO.json"));
  CHECK(RunSdsim("validate --budget " + loose + " " + dir.path() + "/baseline.json", &out) == 0);
  // A "scenario" that is not a file name.
  const std::string wrong = dir.Write("wrong.json", R"({"scenario": 5, "budget": {}})");
  CHECK(RunSdsim("validate " + wrong, &out) == 1);
  CHECK_THAT(out, Catch::Contains(wrong + ": /scenario: must be the file name of the scenario"));
  CHECK(RunSdsim("validate --budget", &out) == 2);
}

TEST_CASE("run.sh runs every scenario of scenarios/dronten/ and no other file",
          "[scenario][budget]") {
  // run.sh runs baseline.json and every file `ls | grep -v -E PATTERN` leaves; the pattern must
  // leave out exactly the baseline, the back-cast and the begroting files.
  const std::string script = ReadText(SourcePath("scripts/run.sh"));
  std::smatch m;
  REQUIRE(std::regex_search(script, m, std::regex(R"(grep -v -E '([^']*)')")));
  const std::regex skipped(m[1].str(), std::regex::extended);
  std::set<std::string> run = {"baseline"}, scenarios;
  for (const auto& e : fs::directory_iterator(SourcePath("scenarios/dronten"))) {
    if (e.path().extension() != ".json") continue;
    const std::string path = "scenarios/dronten/" + e.path().filename().string();
    const std::string stem = e.path().stem().string();
    if (!std::regex_search(path, skipped)) run.insert(stem);
    if (!IsBudgetFile(e.path().string()) && stem != "history") scenarios.insert(stem);
  }
  CHECK(run == scenarios);
  CHECK_THAT(script, Catch::Contains("budget=(--budget scenarios/dronten/begroting.json)"));
}

}  // namespace
}  // namespace sdsim::testing
