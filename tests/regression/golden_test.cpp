// Regression tests, not validation: seed-locked numbers this engine produced on 2026-11-23. They
// prove nothing about correctness (tests/validation does that); they catch any change in the
// random draws, the event order or the arithmetic, so that a number in a council proposal stays
// reproducible bit for bit. After a deliberate change that moves them, regenerate with
//   build/sdsim run scenarios/bench/reference.json -r 40 -s 42 -q --out /tmp/g1
//   build/sdsim run scenarios/dronten/baseline.json scenarios/dronten/lokale_teams.json -r 12 -s 42
//   -q --out /tmp/g2 sha256sum /tmp/g1/summary.csv /tmp/g2/summary.csv /tmp/g2/compare.csv
// and say in the commit message why they moved. (2026-12: the values are those of 2026-11-23,
// written with the level column, rounded to cents and with period labels kept as text.)
#include <catch2/catch.hpp>

#include "io/sha256.h"
#include "testing.h"

namespace sdsim::testing {

TEST_CASE("regression: reference model, seed 42, 40 replications", "[regression]") {
  TempDir dir;
  std::string out;
  REQUIRE(RunSdsim("run " + SourcePath("scenarios/bench/reference.json") +
                       " -r 40 -s 42 -t 2 -q --out " + dir.path() + "/g1",
                   &out) == 0);
  const std::string csv = ReadText(dir.path() + "/g1/summary.csv");
  CHECK_THAT(
      csv,
      Catch::Contains(
          "\nreference,total,all,all,all,all,all,all,2025,\"=\"\"2025\"\"\",cost,40,21856518.27,"));
  CHECK_THAT(
      csv,
      Catch::Contains(
          "\nreference,total,all,all,all,all,all,all,2028,\"=\"\"2028\"\"\",cost,40,44505340.83,"));
  CHECK(Sha256Hex(csv) == "2e9d46f62223b514f1b4553ffc6beb8c952fec1d6a9f667b786c86d6f0d509a2");
}

TEST_CASE("regression: Dronten baseline and lokale teams, seed 42, 12 replications",
          "[regression]") {
  TempDir dir;
  std::string out;
  REQUIRE(RunSdsim("run " + SourcePath("scenarios/dronten/baseline.json") + " " +
                       SourcePath("scenarios/dronten/lokale_teams.json") +
                       " -r 12 -s 42 -t 2 -q --out " + dir.path() + "/g2",
                   &out) == 0);
  const std::string summary = ReadText(dir.path() + "/g2/summary.csv");
  const std::string compare = ReadText(dir.path() + "/g2/compare.csv");
  CHECK_THAT(
      summary,
      Catch::Contains(
          "\nbaseline,domain,jeugd,all,all,all,all,all,2026,\"=\"\"2026\"\"\",cost,12,17749397,"));
  CHECK_THAT(compare, Catch::Contains(",2028,\"=\"\"2028\"\"\",cost_cumulative,12,1841123.36,"));
  CHECK(Sha256Hex(summary) == "0f47b7c6b3fe05aeb3326580a151029ed8aa4f0e753864748af98bc519ca6d0f");
  CHECK(Sha256Hex(compare) == "d42b286f5e7b1fee4b199ef970c3a2de588506ceb6527f7521ae8235f353097c");
}

}  // namespace sdsim::testing
