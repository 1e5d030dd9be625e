// Regression tests, not validation: seed-locked numbers this engine produced on 2026-11-23. They
// prove nothing about correctness (tests/validation does that); they catch any change in the
// random draws, the event order or the arithmetic, so that a number in a council proposal stays
// reproducible bit for bit. After a deliberate change that moves them, regenerate with
//   build/sdsim run scenarios/bench/reference.json -r 40 -s 42 -q --out /tmp/g1
//   build/sdsim run scenarios/dronten/baseline.json scenarios/dronten/lokale_teams.json -r 12 -s 42
//   -q --out /tmp/g2 sha256sum /tmp/g1/summary.csv /tmp/g2/summary.csv /tmp/g2/compare.csv
// and say in the commit message why they moved.
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
  CHECK_THAT(csv,
             Catch::Contains(
                 "\nreference,all,all,all,all,all,all,all,2025,2025,cost,40,21856518.271475177,"));
  CHECK_THAT(csv,
             Catch::Contains(
                 "\nreference,all,all,all,all,all,all,all,2028,2028,cost,40,44505340.82859541,"));
  CHECK(Sha256Hex(csv) == "e1e21eb1f359c441d3361e2446ba8cf1eb624446f3a5ddb3fc052adf2dac9d4f");
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
  CHECK_THAT(summary,
             Catch::Contains(
                 "\nbaseline,jeugd,all,all,all,all,all,all,2026,2026,cost,12,18446038.439281553,"));
  CHECK_THAT(compare, Catch::Contains(
                          "all,all,all,all,all,2028,2028,cost_cumulative,12,-291455.95048208506,"));
  CHECK(Sha256Hex(summary) == "4dca0012cd8ac55b1f25658f9d20253b13fbc52821d1dea5d66786b85d517b6f");
  CHECK(Sha256Hex(compare) == "dfccf4a34ae944a1a45f4c44f78897ae532e2722d02fc202b0845b64ac8587ce");
}

}  // namespace sdsim::testing
