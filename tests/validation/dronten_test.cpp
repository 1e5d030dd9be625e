// The Dronten baseline (scenarios/dronten/baseline.json) runs and reproduces Dronten's known
// figures: the mean of every target it declares lies within the target's accepted range. Run at a
// small replication count (40); the ranges are several standard errors wider than the spread of
// that mean (see the note on issue 3 for the calibration at 1,000 replications).
#include <catch2/catch.hpp>

#include "run_model.h"
#include "runner/targets.h"

namespace sdsim::testing {

TEST_CASE("Dronten baseline meets its declared targets", "[validation][dronten]") {
  auto run = std::make_unique<ModelRun>();
  {
    ResolvedScenario resolved;
    Problems problems;
    REQUIRE(LoadScenario(SourcePath("scenarios/dronten/baseline.json"), {}, &resolved, &run->model,
                         &problems));
  }
  REQUIRE(run->model.targets.size() >= 12);
  TargetTracker targets(run->model);
  BatchOptions opt;
  opt.seed = 2025;
  opt.replications = 40;
  RunBatch({&run->model}, opt, [&](int, const std::vector<RepResult>& r) { targets.Add(r[0]); });
  for (const TargetResult& t : targets.Results()) {
    INFO(t.target->name << ": mean " << t.stats.mean << ", accepted " << t.target->lower << " .. "
                        << t.target->upper);
    CHECK(t.stats.n == 40);
    CHECK(t.mean_in_range);
  }
}

}  // namespace sdsim::testing
