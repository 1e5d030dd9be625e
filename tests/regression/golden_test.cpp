// Regression tests, not validation: seed-locked numbers this engine produced on 2026-12-04. They
// were renewed then because the random engine changed from Boost's mt19937_64 to xoshiro256++
// (cheaper to seed and to draw from): every draw moved, and the validation tests still hold.
// They prove nothing about correctness (tests/validation does that); they catch any change in the
// random draws, the event order or the arithmetic, so that a number in a council proposal stays
// reproducible bit for bit. After a deliberate change that moves them, regenerate with
//   build/sdsim run scenarios/bench/reference.json -r 40 -s 42 -q --out /tmp/g1
//   build/sdsim run scenarios/dronten/baseline.json scenarios/dronten/lokale_teams.json -r 12 -s 42
//   -q --out /tmp/g2 sha256sum /tmp/g1/summary.csv /tmp/g2/summary.csv /tmp/g2/compare.csv
// and say in the commit message why they moved. (2026-12-04: the xoshiro256++ values, written
// with the level and cohort columns, rounded to cents and with period labels kept as text.)
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
  CHECK_THAT(csv, Catch::Contains("\nreference,total,all,all,all,all,all,all,all,2025,\"="
                                  "\"\"2025\"\"\",cost,40,21822275.7,"));
  CHECK_THAT(csv, Catch::Contains("\nreference,total,all,all,all,all,all,all,all,2028,\"="
                                  "\"\"2028\"\"\",cost,40,44274022.09,"));
  CHECK(Sha256Hex(csv) == "8caec9f9f65cdd14dccb86701b88f83f871ac34a7a94d3bcc436f59ee7d124ea");
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
  CHECK_THAT(summary, Catch::Contains("\nbaseline,domain,jeugd,all,all,all,all,all,all,2026,\"="
                                      "\"\"2026\"\"\",cost,12,17905831.56,"));
  CHECK_THAT(compare, Catch::Contains(",2028,\"=\"\"2028\"\"\",cost_cumulative,12,-170973.23,"));
  CHECK(Sha256Hex(summary) == "c5232e393daacceb07d69ba43d95a5cc9f5e37f10277b65a43df97f3cc64597d");
  CHECK(Sha256Hex(compare) == "0a461b5be9d69e2c71c6e28b27979119ec8670da883a33b8fef6b35a465cd4f1");
}

}  // namespace sdsim::testing
