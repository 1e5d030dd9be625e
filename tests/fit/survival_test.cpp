// Estimators of sdsim fit: Kaplan-Meier with delayed entry (hand-computed), maximum likelihood
// under left truncation and right censoring (known parameters recovered within their intervals,
// about nominal coverage over many data sets), the length bias a naive fit would show, and the
// Poisson regression of the inflow.
#include "fit/survival.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

#include "fit/estimate.h"
#include "fit/parametric.h"

namespace sdsim {
namespace {

// A steady flow observed through a window: episodes start uniformly over [-burn, window] with
// durations from `dist`; those in care at any time in [0, window] are seen, those that started
// before 0 enter late (delayed entry), those in care at `window` are censored there.
std::vector<SurvivalObs> WindowData(const Distribution& dist, double per_day, double burn,
                                    double window, uint64_t seed, bool naive = false) {
  std::mt19937_64 rng(seed);
  std::poisson_distribution<int> count(per_day * (burn + window));
  std::uniform_real_distribution<double> when(-burn, window);
  struct S {
    std::mt19937_64* r;
    std::mt19937_64& engine() { return *r; }
    double Uniform() { return std::uniform_real_distribution<double>(0, 1)(*r); }
    double UniformPositive() { return 1 - Uniform(); }
  } s{&rng};
  std::vector<SurvivalObs> data;
  const int n = count(rng);
  for (int i = 0; i < n; ++i) {
    const double start = when(rng), d = dist.Sample(s);
    if (start + d <= 0) continue;
    SurvivalObs o;
    o.entry = naive ? 0 : std::max(0.0, -start);
    o.event = start + d <= window;
    o.exit = o.event ? d : window - start;
    data.push_back(o);
  }
  return data;
}

TEST_CASE("Kaplan-Meier with delayed entry, by hand", "[fit][unit]") {
  // (entry, exit, event): at t=2 at risk {1,2,3} (entry < 2 <= exit), 1 event: S = 2/3. At t=5
  // at risk {2,3,4} (4 entered at 3): 1 event: S = 2/3 * 2/3. At t=8 at risk {3}: S = 0.
  const std::vector<SurvivalObs> data = {{0, 2, true}, {0, 6, false}, {1, 8, true}, {3, 5, true}};
  const std::vector<KmStep> km = KaplanMeier(data);
  REQUIRE(km.size() == 3);
  CHECK(km[0].time == 2);
  CHECK(km[0].at_risk == 3);
  CHECK(km[0].survival == Approx(2.0 / 3));
  CHECK(km[1].at_risk == 3);
  CHECK(km[1].survival == Approx(4.0 / 9));
  CHECK(km[2].at_risk == 1);
  CHECK(km[2].survival == 0);
  CHECK(KmSurvival(km, 1) == 1);
  CHECK(KmSurvival(km, 5.5) == Approx(4.0 / 9));
  CHECK(KmRestrictedMean(km) == Approx(2 + 3 * 2.0 / 3 + 3 * 4.0 / 9));
  // Greenwood: var = S^2 * sum d / (n (n - d)).
  CHECK(km[1].se == Approx(4.0 / 9 * std::sqrt(1.0 / 6 + 1.0 / 6)));
}

TEST_CASE("maximum likelihood recovers each family's parameters within their intervals",
          "[fit][unit]") {
  // One data set per family, about 3,000 episodes of which a fifth entered late; the truth must
  // lie within 3.29 standard errors (a 99.9% interval: this test fails by chance once in 1,000).
  const std::vector<std::pair<Family, Distribution>> truths = {
      {Family::kExponential, Distribution::Exponential(300)},
      {Family::kLognormal, Distribution::Lognormal(5.6, 0.8)},
      {Family::kGamma, Distribution::Gamma(2.5, 150)},
      {Family::kWeibull, Distribution::Weibull(1.4, 700)}};
  for (const auto& [family, truth] : truths) {
    INFO(FamilyName(family));
    const std::vector<SurvivalObs> data =
        WindowData(truth, 3000 / (truth.Mean() + 1500.0), 3000, 1500, 7);
    const CompressedSurvival c = Compress(data);
    const ParametricFit fit = FitFamily(family, c, KaplanMeier(data), 0);
    REQUIRE(fit.ok);
    CHECK(std::fabs(fit.mean - truth.Mean()) <= 3.29 * fit.mean_se);
    CHECK(std::fabs(fit.p1 - truth.a()) <= 3.29 * fit.p1_se);
    if (family != Family::kExponential) CHECK(std::fabs(fit.p2 - truth.b()) <= 3.29 * fit.p2_se);
    CHECK(fit.distance < 0.05);
  }
}

TEST_CASE("the AIC choice picks the generating family, no family: the empirical table",
          "[fit][unit]") {
  const std::vector<SurvivalObs> data =
      WindowData(Distribution::Weibull(0.7, 500), 2.0, 3000, 1500, 11);
  DurationFit d;
  FitDurations(data, &d);
  REQUIRE(d.chosen >= 0);
  CHECK(d.fits[d.chosen].family == Family::kWeibull);
  // A two-point mixture (1 month or 3 years) fits none of the families.
  std::vector<SurvivalObs> mix;
  for (int i = 0; i < 2000; ++i) mix.push_back({0, i % 2 ? 30.0 : 1100.0, true});
  DurationFit e;
  FitDurations(mix, &e);
  CHECK(e.chosen == -1);
  CHECK(e.Chosen().kind() == DistKind::kEmpirical);
  // The table (CBS buckets) holds Kaplan-Meier's value at each bucket bound that has ends.
  const double month = 365.2425 / 12;
  CHECK(e.Chosen().Survival(3 * month) == Approx(0.5));
  CHECK(e.Chosen().Survival(48 * month) == Approx(0.0).margin(1e-12));
  CHECK(e.mean == Approx(0.5 * 1.5 * month + 0.5 * (3 * month + 48 * month) / 2));
}

TEST_CASE("ignoring left truncation is detectably wrong on length-biased data", "[fit][unit]") {
  // Long burn-in, short window: most episodes seen were already running when it opened.
  const Distribution truth = Distribution::Lognormal(5.5, 1.0);  // mean 403 days
  const std::vector<SurvivalObs> proper = WindowData(truth, 4.0, 4000, 365, 3);
  const std::vector<SurvivalObs> naive = WindowData(truth, 4.0, 4000, 365, 3, true);
  const ParametricFit right =
      FitFamily(Family::kLognormal, Compress(proper), KaplanMeier(proper), 0);
  const ParametricFit wrong = FitFamily(Family::kLognormal, Compress(naive), KaplanMeier(naive), 0);
  CHECK(std::fabs(right.mean - truth.Mean()) <= 3.29 * right.mean_se);
  // Treated as ordinary episodes, the long stays dominate: the mean comes out far too high.
  CHECK(wrong.mean - truth.Mean() > 5 * wrong.mean_se);
  CHECK(wrong.mean > 1.3 * truth.Mean());
}

TEST_CASE("confidence intervals have about nominal coverage over many data sets", "[fit][slow]") {
  // 200 data sets of about 400 episodes; the 95% interval of the mean should cover the truth in
  // 95% of them: within 3 binomial standard errors (+-4.6 points).
  const Distribution truth = Distribution::Gamma(1.8, 200);
  int covered = 0, covered_shape = 0;
  const int sets = 200;
  for (int k = 0; k < sets; ++k) {
    const std::vector<SurvivalObs> data = WindowData(truth, 0.25, 3000, 1000, 100 + k);
    const ParametricFit fit = FitFamily(Family::kGamma, Compress(data), {}, 0);
    covered += std::fabs(fit.mean - truth.Mean()) <= 1.96 * fit.mean_se;
    covered_shape += std::fabs(fit.p1 - truth.a()) <= 1.96 * fit.p1_se;
  }
  const double se = std::sqrt(0.95 * 0.05 / sets);
  CHECK(std::fabs(covered / double(sets) - 0.95) <= 3 * se);
  CHECK(std::fabs(covered_shape / double(sets) - 0.95) <= 3 * se);
}

TEST_CASE("Poisson regression: exact data gives its rate and trend back", "[fit][unit]") {
  std::vector<double> n, off, x;
  for (int i = 0; i < 5; ++i) {
    off.push_back(std::log(1000.0 + 50 * i));
    x.push_back(i - 4);
    n.push_back(std::exp(off.back() - 3.0 + 0.05 * x.back()));
  }
  double a = 0, b = 0, cov[4];
  REQUIRE(PoissonRegression(n, off, x, true, &a, &b, cov));
  CHECK(a == Approx(-3.0).margin(1e-9));
  CHECK(b == Approx(0.05).margin(1e-9));
  // Without the slope: the total over the total exposure.
  REQUIRE(PoissonRegression({10, 30}, {0, std::log(3.0)}, {0, 1}, false, &a, &b, cov));
  CHECK(std::exp(a) == Approx(10.0));
  CHECK(cov[0] == Approx(1.0 / 40));  // 1 / sum of the fitted counts
}

}  // namespace
}  // namespace sdsim
