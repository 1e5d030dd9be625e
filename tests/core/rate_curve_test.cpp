// Unit tests for core/rate_curve: integrals, Advance (its inverse), products and scaling.
#include "core/rate_curve.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace sdsim {
namespace {

// Rates 1 on [0,10), 0 on [10,20), 3 on [20,35), 0.5 on [35,50]: integral 10, 10, 55, 62.5 at
// the segment ends.
RateCurve Piecewise() { return RateCurve({0, 10, 20, 35}, {1, 0, 3, 0.5}, 50); }

// The integral by brute force: midpoint sum of RateAt on a fine grid (exact for piecewise-constant
// rates whose breakpoints lie on the grid).
double BruteIntegral(const RateCurve& c, double t) {
  const int n = static_cast<int>(std::lround(t * 64));
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += c.RateAt((i + 0.5) / 64) / 64;
  return sum;
}

TEST_CASE("Constant curve integral and advance", "[unit][rate_curve]") {
  const RateCurve c = RateCurve::Constant(2.5, 100);
  CHECK(c.is_constant());
  CHECK(c.horizon() == 100);
  CHECK(c.RateAt(0) == 2.5);
  CHECK(c.RateAt(99.9) == 2.5);
  CHECK(c.Integral(0) == 0);
  CHECK(c.Integral(40) == 100);
  CHECK(c.Integral(100) == 250);
  CHECK(c.Integral(10, 30) == 50);
  CHECK(c.Advance(10, 5) == 12);
  CHECK(c.Advance(0, 0.25) == Approx(0.1));
}

TEST_CASE("Piecewise curve integral", "[unit][rate_curve]") {
  const RateCurve c = Piecewise();
  CHECK_FALSE(c.is_constant());
  CHECK(c.starts() == std::vector<double>{0, 10, 20, 35});
  CHECK(c.rates() == std::vector<double>{1, 0, 3, 0.5});
  CHECK(c.Integral(0) == 0);
  CHECK(c.Integral(5) == 5);
  CHECK(c.Integral(10) == 10);
  CHECK(c.Integral(15) == 10);
  CHECK(c.Integral(20) == 10);
  CHECK(c.Integral(25) == 25);
  CHECK(c.Integral(35) == 55);
  CHECK(c.Integral(50) == 62.5);
  CHECK(c.Integral(5, 25) == 20);
  CHECK(c.Integral(12, 18) == 0);
  CHECK(c.Integral(21.5, 36.5) == Approx(3 * 13.5 + 0.5 * 1.5));
  for (double t = 0; t <= 50; t += 0.25) {
    INFO("t = " << t);
    CHECK(c.Integral(t) == Approx(BruteIntegral(c, t)).epsilon(1e-12).margin(1e-12));
  }
}

TEST_CASE("RateAt switches exactly at segment starts", "[unit][rate_curve]") {
  const RateCurve c = Piecewise();
  CHECK(c.RateAt(0) == 1);
  CHECK(c.RateAt(9.999) == 1);
  CHECK(c.RateAt(10) == 0);
  CHECK(c.RateAt(19.5) == 0);
  CHECK(c.RateAt(20) == 3);
  CHECK(c.RateAt(35) == 0.5);
  CHECK(c.RateAt(49.9) == 0.5);
  CHECK(c.RateAt(50) == 0.5);
}

TEST_CASE("Neighbouring segments with equal rates are merged", "[unit][rate_curve]") {
  const RateCurve flat({0, 10, 20}, {2, 2, 2}, 30);
  CHECK(flat.is_constant());
  CHECK(flat.starts() == std::vector<double>{0});
  CHECK(flat.Integral(30) == 60);
  const RateCurve partly({0, 10, 20, 25}, {1, 1, 4, 4}, 30);
  CHECK(partly.starts() == std::vector<double>{0, 20});
  CHECK(partly.rates() == std::vector<double>{1, 4});
  CHECK(partly.Integral(30) == 60);
}

TEST_CASE("Advance crosses segment boundaries and skips zero-rate segments", "[unit][rate_curve]") {
  const RateCurve c = Piecewise();
  CHECK(c.Advance(0, 4) == 4);
  CHECK(c.Advance(5, 5) == 10);   // exactly the rest of the first segment
  CHECK(c.Advance(5, 8) == 21);   // 5 in [5,10), nothing in [10,20), 3 at rate 3
  CHECK(c.Advance(12, 3) == 21);  // starting inside a zero-rate segment
  CHECK(c.Advance(10, 45) == 35);
  CHECK(c.Advance(30, 16) == 37);  // 15 up to 35, then 1 at rate 0.5
}

TEST_CASE("Advance is the inverse of Integral", "[unit][rate_curve]") {
  // Integral(Advance(t0, m)) - Integral(t0) == m for random t0 and m whose target lies within
  // the horizon (fixed seed: deterministic).
  const RateCurve c({0, 3, 7, 8, 20, 31, 59, 90}, {0.2, 0, 5, 1.5, 0, 0.01, 2, 0.7}, 120);
  const double total = c.Integral(120);
  std::mt19937_64 rng(12345);
  std::uniform_real_distribution<double> unif(0, 1);
  int checked = 0;
  for (int i = 0; i < 5000; ++i) {
    const double t0 = 120 * unif(rng);
    const double m = (total - c.Integral(t0)) * unif(rng);
    if (m <= 0) continue;
    const double t = c.Advance(t0, m);
    INFO("t0 = " << t0 << ", m = " << m);
    REQUIRE(t >= t0);
    REQUIRE(t <= 120 * (1 + 1e-12));
    CHECK(c.Integral(t) - c.Integral(t0) == Approx(m).epsilon(1e-9).margin(1e-9));
    // The arrival never lands inside a zero-rate stretch (except at its very start).
    if (c.RateAt(t) == 0) CHECK(t == Approx(std::floor(t)));
    ++checked;
  }
  CHECK(checked > 4900);
}

TEST_CASE("Advance returns +inf when the remaining rate is zero", "[unit][rate_curve]") {
  const double inf = std::numeric_limits<double>::infinity();
  const RateCurve tail_off({0, 10}, {1, 0}, 50);
  CHECK(tail_off.Advance(5, 5) == 10);
  CHECK(tail_off.Advance(5, 5.0001) == inf);
  CHECK(tail_off.Advance(20, 0.1) == inf);
  CHECK(RateCurve::Constant(0, 50).Advance(0, 1) == inf);
  CHECK(Piecewise().Scaled(0).Advance(0, 1) == inf);
}

TEST_CASE("Advance beyond the horizon never lands before it", "[unit][rate_curve]") {
  // What the simulation relies on (it drops arrivals at t >= horizon).
  const RateCurve c = RateCurve::Constant(2, 100);
  CHECK(c.Advance(0, 300) >= 100);
  CHECK(Piecewise().Advance(0, 63) >= 50);
}

TEST_CASE("Advance returns +inf when the mass exceeds what is left before the horizon",
          "[unit][rate_curve]") {
  // Regression: a curve whose last rate is positive was once extended past the horizon:
  // Constant(2, 100).Advance(0, 300) returned 150 and Piecewise().Advance(0, 63) 51.
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(RateCurve::Constant(2, 100).Advance(0, 300) == inf);
  CHECK(Piecewise().Advance(0, 63) == inf);
}

TEST_CASE("Times is the pointwise product on the union of breakpoints", "[unit][rate_curve]") {
  const RateCurve a({0, 10}, {1, 2}, 30);
  const RateCurve b({0, 5, 15}, {3, 4, 5}, 30);
  const RateCurve p = a.Times(b);
  CHECK(p.starts() == std::vector<double>{0, 5, 10, 15});
  CHECK(p.rates() == std::vector<double>{3, 4, 8, 10});
  CHECK(p.horizon() == 30);
  for (double t = 0; t < 30; t += 0.5) CHECK(p.RateAt(t) == a.RateAt(t) * b.RateAt(t));
  CHECK(p.Integral(30) == 3 * 5 + 4 * 5 + 8 * 5 + 10 * 15);
  CHECK(b.Times(a).rates() == p.rates());
  // Times with a constant curve is scaling; shared breakpoints appear once.
  CHECK(a.Times(RateCurve::Constant(3, 30)).rates() == std::vector<double>{3, 6});
  CHECK(a.Times(a).starts() == std::vector<double>{0, 10});
  // A product that turns out flat becomes a constant curve.
  const RateCurve inv({0, 10}, {2, 1}, 30);
  CHECK(RateCurve({0, 10}, {1, 2}, 30).Times(inv).is_constant());
}

TEST_CASE("Scaled multiplies every rate", "[unit][rate_curve]") {
  const RateCurve c = Piecewise();
  const RateCurve s = c.Scaled(3);
  CHECK(s.starts() == c.starts());
  CHECK(s.rates() == std::vector<double>{3, 0, 9, 1.5});
  for (double t = 0; t <= 50; t += 2.5) CHECK(s.Integral(t) == Approx(3 * c.Integral(t)));
  CHECK(s.Advance(5, 24) == c.Advance(5, 8));
  CHECK(RateCurve::Constant(2, 10).Scaled(0.5).Integral(10) == 10);
}

}  // namespace
}  // namespace sdsim
