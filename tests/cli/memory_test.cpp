// Memory does not grow with the replication count: the aggregation streams (exact percentiles up
// to 1,000 replications, then a fixed-size estimator), so 8,000 replications need no more memory
// than 1,500 (the peak resident memory is recorded in manifest.json).
#include <catch2/catch.hpp>

#include "testing.h"

namespace sdsim::testing {

TEST_CASE("Peak memory does not grow with the replication count", "[cli][slow]") {
  TempDir dir;
  std::string out;
  double peak[2];
  const int reps[2] = {1500, 8000};
  for (int i = 0; i < 2; ++i) {
    const std::string o = dir.path() + "/r" + std::to_string(reps[i]);
    REQUIRE(RunSdsim("run " + SourcePath("scenarios/bench/reference.json") + " -r " +
                         std::to_string(reps[i]) + " -t 2 -q --out " + o,
                     &out) == 0);
    peak[i] = nlohmann::json::parse(ReadText(o + "/manifest.json"))["peak_memory_mb"].get<double>();
  }
  INFO("peak memory " << peak[0] << " MB at 1,500 and " << peak[1] << " MB at 8,000 replications");
  CHECK(peak[0] > 1);
  // The same within a few MB of allocator noise (5.3x the replications).
  CHECK(peak[1] < peak[0] * 1.10 + 4);
}

}  // namespace sdsim::testing
