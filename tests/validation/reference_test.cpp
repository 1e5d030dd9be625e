// The reference benchmark model (scenarios/bench/reference.json) gives the same mean annual cost
// as the hand-written loop ../shared/bench/floor.cpp, within sampling error. floor.cpp's means
// below come from `g++ -O2 -std=c++20 ../shared/bench/floor.cpp -o /tmp/floor && /tmp/floor 40000`
// (its own seeds 1000+r), run on 2026-11-23. Tolerance: 4 standard errors of the difference of the
// two means, sqrt(sd^2/n_sdsim + sd^2/n_floor), with sd the replication spread sdsim measures.
#include <catch2/catch.hpp>
#include <cmath>

#include "run_model.h"

namespace sdsim::testing {

TEST_CASE("Reference model: mean annual cost agrees with floor.cpp", "[validation][slow]") {
  const double floor_mean[4] = {21788006, 38967204, 42850423, 44398117};
  const int floor_reps = 40000, reps = 2000;
  auto run = RunModelText(ReadText(SourcePath("scenarios/bench/reference.json")), reps, 1, 0);
  for (int y = 0; y < 4; ++y) {
    const Stats s = run->Get("all", "all", y, kCost);
    const double se = s.sd * std::sqrt(1.0 / reps + 1.0 / floor_reps);
    INFO("year " << 2025 + y << ": sdsim " << s.mean << " floor " << floor_mean[y] << " se " << se);
    CHECK(WithinSe(s.mean, floor_mean[y], se));
    // And the agreement is tight in absolute terms: within 0.2% (the bench README's yardstick).
    CHECK(std::fabs(s.mean / floor_mean[y] - 1) < 0.002);
  }
}

}  // namespace sdsim::testing
