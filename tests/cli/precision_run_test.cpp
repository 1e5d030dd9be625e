// sdsim run --precision (real binary): the run stops at the first checkpoint where every key mean
// is within the target, gives the bytes of a run with that fixed count for any --threads, says when
// the maximum came first, and refuses unclear options.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace sdsim::testing {
namespace {

const char kLever[] =
    R"("levers": {"minder": {"type": "inflow", "domain": "jeugd", "change": -0.3, "from": "2025-04-01"}},)";

nlohmann::json Manifest(const std::string& dir) {
  return nlohmann::json::parse(ReadText(dir + "/manifest.json"));
}

}  // namespace

TEST_CASE("run --precision stops at the first checkpoint that meets the target", "[precision]") {
  TempDir dir;
  const std::string base = dir.Write("base.json", SmallScenario("base"));
  const std::string files = base + " " + dir.Write("alt.json", SmallScenario("alt", kLever));
  // Two files that do not extend each other: the baseline is named.
  const std::string common =
      "run " + files + " --baseline " + base + " -s 11 -q --out " + dir.path();
  // The largest relative SE of a key mean after a fixed 1000, 1500 and 2000 replications.
  std::map<int, double> worst;
  for (int n : {1000, 1500, 2000}) {
    REQUIRE(RunSdsim(common + "/r" + std::to_string(n) + " -t 2 -r " + std::to_string(n)) == 0);
    const auto m = Manifest(dir.path() + "/r" + std::to_string(n));
    CHECK(m["precision"]["target_relative_se"].is_null());
    CHECK(m["precision"]["key_figures"].size() == 2 * 3 + 3);  // levels: 2 x (total, 2 domains)
    worst[n] = m["precision"]["largest_relative_se"].get<double>();
  }
  // Just under the 1000-replication value: not met at 1000, so the run goes on to the first
  // checkpoint where it is met (the SE falls like 1 / sqrt(n): normally 1500).
  const double target = worst[1000] * 0.9999;
  const int expected = worst[1500] <= target ? 1500 : 2000;
  char arg[64];
  std::snprintf(arg, sizeof arg, " --precision %.6f%% --max-replications 2000", target * 100);
  std::string out;
  for (int threads : {1, 2}) {
    const std::string o = dir.path() + "/p" + std::to_string(threads);
    REQUIRE(
        RunSdsim(common + "/p" + std::to_string(threads) + " -t " + std::to_string(threads) + arg,
                 &out) == 0);
    INFO(out);
    const auto m = Manifest(o);
    CHECK(m["replications"] == expected);
    CHECK(m["precision"]["target_met"] == (worst[expected] <= target));
    CHECK(m["precision"]["max_replications"] == 2000);
    // Byte-identical to a fixed run of that many replications.
    for (const char* f : {"summary.csv", "compare.csv"}) {
      INFO(f);
      CHECK(ReadText(o + "/" + f) ==
            ReadText(dir.path() + "/r" + std::to_string(expected) + "/" + f));
    }
    CHECK_THAT(out, Catch::Contains(std::to_string(expected) + " replications x 2 scenarios"));
  }
  // A target out of reach stops at the maximum and says so.
  REQUIRE(RunSdsim(common + "/tight --precision 0.001% --max-replications 1200", &out) == 0);
  CHECK(Manifest(dir.path() + "/tight")["replications"] == 1200);
  CHECK(Manifest(dir.path() + "/tight")["precision"]["target_met"] == false);
  CHECK_THAT(out, Catch::Contains("precision: target 0.001% NOT met at the maximum of 1200"));
}

TEST_CASE("run --precision: unclear options are refused before any work", "[precision]") {
  TempDir dir;
  const std::string file = dir.Write("base.json", SmallScenario("base"));
  const std::string run = "run " + file + " -q --out " + dir.path() + "/x ";
  std::string out;
  CHECK(RunSdsim(run + "--precision 0.25", &out) == 2);
  CHECK_THAT(out, Catch::Contains("--precision must be a percentage from 0.001% to 10%, e.g. "
                                  "0.25% (got \"0.25\")"));
  CHECK(RunSdsim(run + "--precision 20%", &out) == 2);
  CHECK(RunSdsim(run + "-r 500 --precision 1%", &out) == 2);
  CHECK_THAT(out, Catch::Contains("give either --replications (a fixed count) or --precision"));
  CHECK(RunSdsim(run + "--max-replications 5000", &out) == 2);
  CHECK_THAT(out, Catch::Contains("--max-replications goes with --precision"));
  CHECK(RunSdsim(run + "--precision 1% --max-replications 0", &out) == 2);
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/x"));
}

}  // namespace sdsim::testing
