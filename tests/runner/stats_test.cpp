// Unit tests for runner/stats: type-7 percentiles, NaN handling and the replication aggregator.
#include "runner/stats.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

namespace sdsim {
namespace {

const double kNan = std::nan("");

TEST_CASE("Percentile is type 7 (Excel PERCENTILE.INC)", "[unit][stats]") {
  const std::vector<double> v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  CHECK(Percentile(v, 0.05) == Approx(1.45));
  CHECK(Percentile(v, 0.25) == Approx(3.25));
  CHECK(Percentile(v, 0.50) == Approx(5.5));
  CHECK(Percentile(v, 0.75) == Approx(7.75));
  CHECK(Percentile(v, 0.95) == Approx(9.55));
  CHECK(Percentile(v, 0) == 1);
  CHECK(Percentile(v, 1) == 10);
  // Uneven values: PERCENTILE.INC({2,3,5,9,20}, 0.3) = 3 + 0.2 * (5 - 3) = 3.4.
  CHECK(Percentile({2, 3, 5, 9, 20}, 0.3) == Approx(3.4));
  CHECK(Percentile({2, 3, 5, 9, 20}, 0.9) == Approx(15.6));
  CHECK(Percentile({7}, 0.05) == 7);
  CHECK(Percentile({7}, 1) == 7);
  CHECK(std::isnan(Percentile({}, 0.5)));
}

TEST_CASE("Summarise gives mean, sample sd and percentiles", "[unit][stats]") {
  const Stats s = Summarise({9, 2, 4, 4, 5, 4, 7, 5});  // unsorted on purpose
  CHECK(s.n == 8);
  CHECK(s.mean == Approx(5));
  CHECK(s.sd == Approx(std::sqrt(32.0 / 7)));  // n - 1 in the denominator
  CHECK(s.p5 == Approx(2 + 0.35 * 2));         // h = 0.35 between 2 and 4
  CHECK(s.p25 == Approx(4));
  CHECK(s.p50 == Approx(4.5));
  CHECK(s.p75 == Approx(5.5));           // h = 5.25 between 5 and 7
  CHECK(s.p95 == Approx(7 + 0.65 * 2));  // h = 6.65 between 7 and 9

  const Stats one = Summarise({3.5});
  CHECK(one.n == 1);
  CHECK(one.mean == 3.5);
  CHECK(one.sd == 0);
  CHECK(one.p5 == 3.5);
  CHECK(one.p95 == 3.5);
}

TEST_CASE("Summarise skips NaN values", "[unit][stats]") {
  const Stats s = Summarise({kNan, 1, 2, kNan, 3, 4, 5, 6, 7, 8, 9, 10, kNan});
  CHECK(s.n == 10);
  CHECK(s.mean == Approx(5.5));
  CHECK(s.sd == Approx(std::sqrt(82.5 / 9)));
  CHECK(s.p5 == Approx(1.45));
  CHECK(s.p95 == Approx(9.55));

  const Stats none = Summarise({kNan, kNan});
  CHECK(none.n == 0);
  CHECK(std::isnan(none.mean));
  CHECK(std::isnan(none.sd));
  CHECK(std::isnan(none.p50));
  CHECK(Summarise({}).n == 0);
}

TEST_CASE("Aggregator collects columns in replication order", "[unit][stats]") {
  Aggregator agg(2);
  CHECK(agg.width() == 2);
  agg.Add({1, 10});
  agg.Add({3, kNan});
  agg.Add({2, 30});
  CHECK(agg.Column(0) == std::vector<double>{1, 3, 2});
  const Stats a = agg.Get(0);
  CHECK(a.n == 3);
  CHECK(a.mean == Approx(2));
  CHECK(a.sd == Approx(1));
  CHECK(a.p50 == Approx(2));
  const Stats b = agg.Get(1);
  CHECK(b.n == 2);
  CHECK(b.mean == Approx(20));
  CHECK(b.p25 == Approx(15));
}

}  // namespace
}  // namespace sdsim

namespace sdsim {
namespace {

TEST_CASE("CellStats is exact up to its cap and agrees with Summarise", "[unit][stats]") {
  std::mt19937_64 rng(5);
  std::lognormal_distribution<double> d(0, 0.5);
  std::vector<double> values;
  CellStats cell;
  for (size_t i = 0; i < CellStats::kExactCap; ++i) {
    values.push_back(d(rng));
    cell.Add(values.back());
  }
  const Stats a = cell.Get(), b = Summarise(values);
  CHECK(a.n == b.n);
  CHECK(a.mean == Approx(b.mean).epsilon(1e-12));
  CHECK(a.sd == Approx(b.sd).epsilon(1e-10));
  for (auto [x, y] : {std::pair{a.p5, b.p5},
                      {a.p25, b.p25},
                      {a.p50, b.p50},
                      {a.p75, b.p75},
                      {a.p90, b.p90},
                      {a.p95, b.p95}})
    CHECK(x == y);
}

TEST_CASE("CellStats follows percentiles past its cap within a fraction of their sampling error",
          "[unit][stats]") {
  // 20,000 draws: the P-squared estimate of each percentile must lie within 0.02 sd of the exact
  // sample percentile; the sampling error of a 5% percentile at n = 20,000 is ~0.015 sd... so the
  // approximation adds little to what the replications themselves leave uncertain.
  std::mt19937_64 rng(7);
  std::normal_distribution<double> d(100, 10);
  std::vector<double> values;
  CellStats cell;
  for (int i = 0; i < 20000; ++i) {
    values.push_back(d(rng));
    cell.Add(values.back());
  }
  const Stats a = cell.Get(), b = Summarise(values);
  CHECK(a.mean == Approx(b.mean).epsilon(1e-12));
  CHECK(a.sd == Approx(b.sd).epsilon(1e-9));
  for (auto [x, y] : {std::pair{a.p5, b.p5},
                      {a.p25, b.p25},
                      {a.p50, b.p50},
                      {a.p75, b.p75},
                      {a.p90, b.p90},
                      {a.p95, b.p95}})
    CHECK(std::fabs(x - y) < 0.05 * b.sd);
}

TEST_CASE("CellStats keeps one value for a constant cell and skips NaN", "[unit][stats]") {
  CellStats cell;
  for (int i = 0; i < 5000; ++i) cell.Add(i % 3 == 0 ? std::nan("") : 42.0);
  const Stats s = cell.Get();
  CHECK(s.n == 3333);
  CHECK(s.mean == 42);
  CHECK(s.sd == 0);
  CHECK(s.p5 == 42);
  CHECK(s.p95 == 42);
  cell.Add(43);  // leaves constant mode: the earlier values count
  CHECK(cell.Get().p95 == 42);
  CHECK(cell.Get().mean == Approx((3333 * 42.0 + 43) / 3334));
}

}  // namespace
}  // namespace sdsim
