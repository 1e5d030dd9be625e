// Same seed, same bytes: summary.csv does not depend on the thread count or on scheduling, and
// the run is repeatable; a different seed gives different numbers. Runs the real sdsim binary.
#include <catch2/catch.hpp>

#include "testing.h"

namespace sdsim::testing {

TEST_CASE("summary.csv and begroting.csv are byte-identical for any --threads",
          "[cli][determinism][threads]") {
  TempDir dir;
  const std::string scenario = SourcePath("scenarios/bench/reference.json");
  std::string out;
  std::vector<std::string> csv;
  for (const char* threads : {"1", "2", "3", "1"}) {
    const std::string o = dir.path() + "/t" + std::to_string(csv.size());
    REQUIRE(RunSdsim("run " + scenario + " --replications 150 --seed 7 --threads " + threads +
                         " --out " + o,
                     &out) == 0);
    csv.push_back(ReadText(o + "/summary.csv") + ReadText(o + "/begroting.csv"));
    REQUIRE(csv.back().size() > 1000);
  }
  for (size_t i = 1; i < csv.size(); ++i) CHECK(csv[i] == csv[0]);
  REQUIRE(RunSdsim("run " + scenario + " --replications 150 --seed 8 --out " + dir.path() + "/s8",
                   &out) == 0);
  CHECK(ReadText(dir.path() + "/s8/summary.csv") + ReadText(dir.path() + "/s8/begroting.csv") !=
        csv[0]);
}

TEST_CASE("run writes summary.csv, begroting.csv and manifest.json and nothing half-written",
          "[cli]") {
  TempDir dir;
  const std::string scenario = SourcePath("scenarios/bench/reference.json");
  std::string out;
  REQUIRE(RunSdsim("run " + scenario + " -r 20 -s 3 -t 2 --out " + dir.path() + "/o", &out) == 0);
  CHECK_THAT(out, Catch::Contains("results in " + dir.path() +
                                  "/o/: summary.csv begroting.csv report.html manifest.json"));
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir.path() + "/o"))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names ==
        std::vector<std::string>{"begroting.csv", "manifest.json", "report.html", "summary.csv"});
  const std::string csv = ReadText(dir.path() + "/o/summary.csv");
  CHECK(csv.rfind("scenario,level,domain,form,pillar,taakveld,payer,age_band,cohort,year,period,"
                  "metric,replications,mean,sd,p5,p25,p50,p75,p95\n",
                  0) == 0);
  // Rows for each form, each domain ("all") and the whole scenario (all "all"); the period label
  // is written so that a spreadsheet keeps it as text.
  CHECK_THAT(csv, Catch::Contains("\nreference,form,ref,jeugd_verblijf,vangnet,-,all,all,all,2026,"
                                  "\"=\"\"2026\"\"\",waiting_end,20,"));
  CHECK_THAT(csv,
             Catch::Contains(
                 "\nreference,domain,ref,all,all,all,all,all,all,2028,\"=\"\"2028\"\"\",cost,20,"));
  CHECK_THAT(csv, Catch::Contains("\nreference,total,all,all,all,all,all,all,all,2025,"
                                  "\"=\"\"2025\"\"\",unique_clients,20,"));
  // The boeggolf split of the cost: the stock cohort and the new inflow, same level.
  CHECK_THAT(csv, Catch::Contains("\nreference,domain,ref,all,all,all,all,all,stock,2028,"
                                  "\"=\"\"2028\"\"\",cost,20,"));
  const auto manifest = nlohmann::json::parse(ReadText(dir.path() + "/o/manifest.json"));
  CHECK(manifest["seed"] == 3);
  CHECK(manifest["replications"] == 20);
  CHECK(manifest["threads"] == 2);
  CHECK(manifest["version"] == SDSIM_VERSION);
  CHECK(manifest["scenarios"][0]["input_files"][0]["sha256"].get<std::string>().size() == 64);
  CHECK(manifest["scenarios"][0]["resolved"]["domains"]["ref"]["forms"]["jeugd_verblijf"]
                ["capacity"] == 60);
  CHECK(!manifest["started_utc"].get<std::string>().empty());
}

}  // namespace sdsim::testing
