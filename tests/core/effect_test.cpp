// EffectSize: Quantile vs Mean per distribution, truncation, beta scaling, and NormalCdf.
#include "core/effect.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

namespace sdsim {
namespace {

// Integral of Quantile(u) over (0, 1) by the midpoint rule: the mean of the distribution.
double IntegratedMean(const EffectSize& e, int steps = 200000) {
  double sum = 0;
  for (int i = 0; i < steps; ++i) sum += e.Quantile((i + 0.5) / steps);
  return sum / steps;
}

// Quantile is non-decreasing in u.
bool Monotone(const EffectSize& e) {
  double last = -INFINITY;
  for (int i = 0; i <= 1000; ++i) {
    const double q = e.Quantile(i / 1000.0);
    if (q < last) return false;
    last = q;
  }
  return true;
}

}  // namespace

TEST_CASE("NormalCdf: known values and symmetry", "[effect]") {
  CHECK(NormalCdf(0) == 0.5);
  CHECK(NormalCdf(1) == Approx(0.8413447460685429).epsilon(1e-14));
  CHECK(NormalCdf(-1) == Approx(0.15865525393145707).epsilon(1e-14));
  CHECK(NormalCdf(1.959963984540054) == Approx(0.975).epsilon(1e-14));
  CHECK(NormalCdf(-3) == Approx(0.0013498980316300946).epsilon(1e-12));
  CHECK(NormalCdf(-40) >= 0);
  CHECK(NormalCdf(40) == 1);
  for (double z : {0.1, 0.7, 1.5, 2.5, 4.0})
    CHECK(NormalCdf(-z) == Approx(1 - NormalCdf(z)).margin(1e-15));
}

TEST_CASE("EffectSize: fixed", "[effect]") {
  const EffectSize e = EffectSize::Fixed(-0.1);
  CHECK(e.is_fixed());
  CHECK(e.kind() == EffectSize::Kind::kFixed);
  for (double u : {0.0, 0.3, 1.0}) CHECK(e.Quantile(u) == -0.1);
  CHECK(e.Mean() == -0.1);
  CHECK(EffectSize().Quantile(0.5) == 0);  // the default is no effect
}

TEST_CASE("EffectSize: uniform", "[effect]") {
  const EffectSize e = EffectSize::Uniform(-0.2, 0.3);
  CHECK_FALSE(e.is_fixed());
  CHECK(e.Quantile(0.25) == Approx(-0.075).epsilon(1e-14));
  CHECK(e.Quantile(0.5) == Approx(0.05).epsilon(1e-14));
  CHECK(e.Quantile(0) == Approx(-0.2).margin(1e-9));
  CHECK(e.Quantile(1) == Approx(0.3).margin(1e-9));
  CHECK(e.Mean() == Approx(0.05).epsilon(1e-14));
  CHECK(IntegratedMean(e) == Approx(e.Mean()).margin(1e-9));
}

TEST_CASE("EffectSize: triangular", "[effect]") {
  const double a = -0.15, m = -0.1, b = 0.0;
  const EffectSize e = EffectSize::Triangular(a, m, b);
  CHECK(e.Mean() == Approx((a + m + b) / 3).epsilon(1e-14));
  CHECK(IntegratedMean(e) == Approx(e.Mean()).margin(1e-8));
  // The mode sits at the CDF value (m - a) / (b - a).
  CHECK(e.Quantile((m - a) / (b - a)) == Approx(m).margin(1e-12));
  CHECK(e.Quantile(0) == Approx(a).margin(1e-6));
  CHECK(e.Quantile(1) == Approx(b).margin(1e-6));
  // CDF on the left: (x - a)^2 / ((b - a)(m - a)).
  const double x = -0.12;
  CHECK(e.Quantile((x - a) * (x - a) / ((b - a) * (m - a))) == Approx(x).margin(1e-12));
  CHECK(Monotone(e));
  // Mode at either end.
  for (const EffectSize& t : {EffectSize::Triangular(0, 0, 1), EffectSize::Triangular(0, 1, 1)}) {
    CHECK(IntegratedMean(t) == Approx(t.Mean()).margin(1e-7));
    CHECK(Monotone(t));
  }
  CHECK(EffectSize::Triangular(0, 0, 1).Mean() == Approx(1.0 / 3));
}

TEST_CASE("EffectSize: normal, untruncated and truncated", "[effect]") {
  const EffectSize n = EffectSize::Normal(-0.05, 0.02, -INFINITY, INFINITY);
  CHECK(n.Mean() == -0.05);
  CHECK(n.Quantile(0.5) == Approx(-0.05).margin(1e-14));
  CHECK(n.Quantile(0.975) == Approx(-0.05 + 1.959963984540054 * 0.02).epsilon(1e-10));
  CHECK(IntegratedMean(n) == Approx(-0.05).margin(1e-7));
  // Truncated on both sides: every quantile inside, the ends at the bounds, the mean shifted.
  const EffectSize t = EffectSize::Normal(0, 0.2, -0.1, 0.15);
  for (int i = 0; i <= 1000; ++i) {
    const double q = t.Quantile(i / 1000.0);
    REQUIRE(q >= -0.1);
    REQUIRE(q <= 0.15);
  }
  CHECK(t.Quantile(0) == Approx(-0.1).margin(1e-9));
  CHECK(t.Quantile(1) == Approx(0.15).margin(1e-9));
  CHECK(Monotone(t));
  const double expected = 0.2 * (std::exp(-0.125) - std::exp(-0.28125)) / std::sqrt(2 * M_PI) /
                          (NormalCdf(0.75) - NormalCdf(-0.5));
  CHECK(t.Mean() == Approx(expected).epsilon(1e-10));
  CHECK(IntegratedMean(t) == Approx(t.Mean()).margin(1e-8));
  // The median of the truncated distribution: Phi(q/sd) halfway between Phi(lo/sd) and Phi(hi/sd).
  const double med = t.Quantile(0.5);
  CHECK(NormalCdf(med / 0.2) == Approx((NormalCdf(-0.5) + NormalCdf(0.75)) / 2).epsilon(1e-10));
  // Truncated on one side only (an effect of at most 0).
  const EffectSize upper = EffectSize::Normal(-0.1, 0.1, -INFINITY, 0);
  CHECK(upper.Quantile(1) <= 0);
  CHECK(upper.Mean() ==
        Approx(-0.1 - 0.1 * std::exp(-0.5) / std::sqrt(2 * M_PI) / NormalCdf(1)).epsilon(1e-10));
  CHECK(IntegratedMean(upper) == Approx(upper.Mean()).margin(1e-6));
  const EffectSize lower = EffectSize::Normal(0.1, 0.1, 0, INFINITY);
  CHECK(lower.Quantile(0) >= 0);
  CHECK(lower.Mean() == Approx(-upper.Mean()).epsilon(1e-10));
  CHECK(IntegratedMean(lower) == Approx(lower.Mean()).margin(1e-6));
}

TEST_CASE("EffectSize: lognormal with the given mean and sd", "[effect]") {
  const EffectSize e = EffectSize::LognormalMeanSd(0.2, 0.1);
  CHECK(e.Mean() == Approx(0.2).epsilon(1e-12));
  CHECK(IntegratedMean(e, 400000) == Approx(0.2).epsilon(1e-4));
  // Variance from the quantiles: E[X^2] = mean^2 + sd^2.
  double m2 = 0;
  const int steps = 400000;
  for (int i = 0; i < steps; ++i) m2 += std::pow(e.Quantile((i + 0.5) / steps), 2) / steps;
  CHECK(std::sqrt(m2 - 0.04) == Approx(0.1).epsilon(2e-3));
  CHECK(e.Quantile(1e-9) > 0);
  // The median of a lognormal is mean / sqrt(1 + cv^2).
  CHECK(e.Quantile(0.5) == Approx(0.2 / std::sqrt(1.25)).epsilon(1e-10));
  CHECK(Monotone(e));
}

TEST_CASE("EffectSize: beta scaled to min..max", "[effect]") {
  const EffectSize e = EffectSize::Beta(2, 5, 0.3, 0.6);
  CHECK(e.Mean() == Approx(0.3 + 0.3 * 2 / 7).epsilon(1e-14));
  CHECK(IntegratedMean(e, 20000) == Approx(e.Mean()).margin(1e-6));
  for (int i = 0; i <= 1000; ++i) {
    const double q = e.Quantile(i / 1000.0);
    REQUIRE(q >= 0.3);
    REQUIRE(q <= 0.6);
  }
  CHECK(Monotone(e));
  // Beta(2, 2) is symmetric: its median is the midpoint; Beta(1, 1) is uniform.
  CHECK(EffectSize::Beta(2, 2, -1, 1).Quantile(0.5) == Approx(0).margin(1e-12));
  CHECK(EffectSize::Beta(1, 1, 0, 4).Quantile(0.25) == Approx(1).epsilon(1e-10));
  // Beta(2, 1) on [0, 1] has CDF x^2: quantile sqrt(u).
  CHECK(EffectSize::Beta(2, 1, 0, 1).Quantile(0.49) == Approx(0.7).epsilon(1e-10));
  const EffectSize unit = EffectSize::Beta(3, 1.5, 0, 1);
  CHECK(unit.Mean() == Approx(3 / 4.5).epsilon(1e-14));
  CHECK(IntegratedMean(unit, 20000) == Approx(unit.Mean()).margin(1e-5));
}

TEST_CASE("EffectSize: Describe names the distribution", "[effect]") {
  CHECK(EffectSize::Fixed(-0.1).Describe() == "-0.1");
  CHECK(EffectSize::Uniform(0, 0.2).Describe() == "uniform(0, 0.2)");
  CHECK(EffectSize::Triangular(0.3, 0.5, 0.6).Describe() == "triangular(0.3, 0.5, 0.6)");
  CHECK(EffectSize::Beta(2, 5, 0, 1).Describe() == "beta(2, 5) on [0, 1]");
}

}  // namespace sdsim
