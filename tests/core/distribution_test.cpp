// Unit tests for core/distribution: analytic moments, CDF/quantile, sampling, remaining durations.
#include "core/distribution.h"

#include <algorithm>
#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/random.h"
#include "testing.h"

namespace sdsim {
namespace {

using sdsim::testing::WithinSe;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr uint64_t kSeed = 20250101;

// Statistical checks: every test uses a Stream with a fixed (seed, replication, key), so the
// outcome is deterministic. Tolerances are 5 standard errors of the estimate, which an honest
// implementation fails with probability well below 1e-6 per check for a random seed.
constexpr double kSe = 5.0;
constexpr int kSamples = 200000;

struct Named {
  std::string name;
  Distribution dist;
  double mean;  // the requested mean and sd (for Fixed: value and 0)
  double sd;
};

// Sample moments (two-pass): mean, variance (n-1) and the fourth central moment.
struct Moments {
  double mean = 0, var = 0, m4 = 0;
  explicit Moments(const std::vector<double>& x) {
    const double n = static_cast<double>(x.size());
    for (double v : x) mean += v;
    mean /= n;
    double m2 = 0;
    for (double v : x) {
      const double d = v - mean;
      m2 += d * d;
      m4 += d * d * d * d;
    }
    var = m2 / (n - 1);
    m4 /= n;
  }
  // Standard error of the sample variance: sqrt((m4 - s^4) / n).
  double VarSe(size_t n) const {
    return std::sqrt(std::max(m4 - var * var, 0.0) / static_cast<double>(n));
  }
};

Stream MakeStream(const std::string& purpose, uint64_t rep = 0) {
  Stream s;
  s.Seed(kSeed, rep, PurposeKey(purpose));
  return s;
}

// Closed table: [0,30) 20%, [30,90) 50%, [90,365) 30%.
Distribution ClosedTable() {
  return Distribution::Empirical({{0, 30, 0.2, 0}, {30, 90, 0.5, 0}, {90, 365, 0.3, 0}});
}
// Open table: [0,30) 30%, [30,180) 50%, 180 + exponential excess with mean 200 for 20%.
Distribution OpenTable() {
  return Distribution::Empirical({{0, 30, 0.3, 0}, {30, 180, 0.5, 0}, {180, kInf, 0.2, 200}});
}

// Mean and variance of a bucket table by the law of total variance (independent of the code's
// second-moment formula): uniform buckets have variance w^2/12, the open tail t^2.
void TableMoments(const std::vector<Bucket>& buckets, double* mean, double* var) {
  double m = 0, within = 0, sq = 0;
  for (const Bucket& b : buckets) {
    const double bm = std::isinf(b.upper) ? b.lower + b.tail_mean : 0.5 * (b.lower + b.upper);
    const double bv = std::isinf(b.upper) ? b.tail_mean * b.tail_mean
                                          : (b.upper - b.lower) * (b.upper - b.lower) / 12;
    m += b.share * bm;
    within += b.share * bv;
    sq += b.share * bm * bm;
  }
  *mean = m;
  *var = within + sq - m * m;
}

std::vector<Named> AllKinds() {
  double cm, cv, om, ov;
  TableMoments(ClosedTable().buckets(), &cm, &cv);
  TableMoments(OpenTable().buckets(), &om, &ov);
  return {
      {"fixed", Distribution::Fixed(42.5), 42.5, 0},
      {"exponential", Distribution::Exponential(120), 120, 120},
      {"lognormal", Distribution::LognormalMeanSd(300, 250), 300, 250},
      {"gamma", Distribution::GammaMeanSd(200, 300), 200, 300},
      {"gamma-shape9", Distribution::GammaMeanSd(300, 100), 300, 100},
      {"weibull", Distribution::WeibullMeanSd(300, 200), 300, 200},
      {"weibull-cv1.5", Distribution::WeibullMeanSd(100, 150), 100, 150},
      {"empirical-closed", ClosedTable(), cm, std::sqrt(cv)},
      {"empirical-open", OpenTable(), om, std::sqrt(ov)},
  };
}

// E[D - a | D > a] = integral_a^inf S(x) dx / S(a), by quadrature: Gauss-Kronrod on each finite
// piece between `breaks` (where S has kinks) and exp-sinh on the unbounded rest.
double MeanResidual(const Distribution& d, double a, const std::vector<double>& breaks = {}) {
  const auto s = [&](double x) { return d.Survival(x); };
  double lo = a, total = 0;
  for (double b : breaks) {
    if (b <= lo) continue;
    total += boost::math::quadrature::gauss_kronrod<double, 61>::integrate(s, lo, b, 15, 1e-13);
    lo = b;
  }
  boost::math::quadrature::exp_sinh<double> tail;
  total += tail.integrate(s, lo, kInf, 1e-12);
  return total / d.Survival(a);
}

TEST_CASE("Distribution analytic mean and variance match the requested mean and sd",
          "[unit][distribution]") {
  for (const Named& n : AllKinds()) {
    INFO(n.name);
    CHECK(n.dist.Mean() == Approx(n.mean).epsilon(1e-10));
    CHECK(n.dist.Variance() == Approx(n.sd * n.sd).epsilon(1e-8).margin(1e-12));
  }
  // Hand-computed table moments.
  CHECK(ClosedTable().Mean() == Approx(101.25).epsilon(1e-14));  // 0.2*15 + 0.5*60 + 0.3*227.5
  CHECK(OpenTable().Mean() == Approx(133).epsilon(1e-14));       // 0.3*15 + 0.5*105 + 0.2*380
}

TEST_CASE("WeibullMeanSd solves the shape across the allowed range of sd/mean",
          "[unit][distribution]") {
  for (double cv : {0.01, 0.1, 0.5, 1.0, 2.0, 10.0, 100.0}) {
    INFO("cv = " << cv);
    const Distribution d = Distribution::WeibullMeanSd(50, 50 * cv);
    CHECK(d.kind() == DistKind::kWeibull);
    CHECK(d.Mean() == Approx(50).epsilon(1e-10));
    CHECK(std::sqrt(d.Variance()) == Approx(50 * cv).epsilon(1e-7));
  }
  // cv = 1 is the exponential: shape 1, scale = mean.
  const Distribution e = Distribution::WeibullMeanSd(80, 80);
  CHECK(e.a() == Approx(1).epsilon(1e-9));
  CHECK(e.b() == Approx(80).epsilon(1e-9));
}

TEST_CASE("Distribution natural parameters from mean and sd", "[unit][distribution]") {
  const Distribution ln = Distribution::LognormalMeanSd(300, 250);
  const double s2 = std::log(1 + (250.0 / 300) * (250.0 / 300));
  CHECK(ln.kind() == DistKind::kLognormal);
  CHECK(ln.b() == Approx(std::sqrt(s2)).epsilon(1e-14));
  CHECK(ln.a() == Approx(std::log(300) - s2 / 2).epsilon(1e-14));
  const Distribution g = Distribution::GammaMeanSd(300, 100);
  CHECK(g.kind() == DistKind::kGamma);
  CHECK(g.a() == Approx(9).epsilon(1e-14));
  CHECK(g.b() == Approx(100.0 / 3).epsilon(1e-14));
}

TEST_CASE("Distribution sample mean and variance agree with the analytic moments",
          "[unit][distribution][statistical]") {
  // n = 200,000 draws per kind; mean within 5 SE (SE = sd/sqrt(n)); variance within 5 SE with
  // SE = sqrt((m4 - s^4)/n) estimated from the same sample.
  for (const Named& n : AllKinds()) {
    INFO(n.name);
    Stream s = MakeStream("test/moments/" + n.name);
    std::vector<double> x(kSamples);
    for (double& v : x) v = n.dist.Sample(s);
    const Moments m(x);
    CHECK(*std::min_element(x.begin(), x.end()) >= 0);
    if (n.sd == 0) {
      CHECK(m.mean == n.mean);
      CHECK(m.var == 0);
      continue;
    }
    const double mean_se = std::sqrt(n.dist.Variance() / kSamples);
    INFO("sample mean " << m.mean << ", analytic " << n.dist.Mean() << ", SE " << mean_se);
    CHECK(WithinSe(m.mean, n.dist.Mean(), mean_se, kSe));
    INFO("sample var " << m.var << ", analytic " << n.dist.Variance() << ", SE "
                       << m.VarSe(x.size()));
    CHECK(WithinSe(m.var, n.dist.Variance(), m.VarSe(x.size()), kSe));
  }
}

TEST_CASE("Empirical samples land in the buckets with the right shares",
          "[unit][distribution][statistical]") {
  // Bucket counts are binomial: within 5 SE of share*n with SE = sqrt(n p (1-p)).
  for (const Distribution& d : {ClosedTable(), OpenTable()}) {
    const auto& bs = d.buckets();
    Stream s = MakeStream("test/buckets/" + std::to_string(bs.size()) +
                          (std::isinf(bs.back().upper) ? "open" : "closed"));
    std::vector<double> count(bs.size(), 0);
    int outside = 0;  // draws outside every bucket
    for (int i = 0; i < kSamples; ++i) {
      const double x = d.Sample(s);
      size_t k = 0;
      while (k + 1 < bs.size() && x >= bs[k].upper) ++k;
      outside += !(x >= bs[k].lower && x < bs[k].upper);
      count[k] += 1;
    }
    CHECK(outside == 0);
    for (size_t k = 0; k < bs.size(); ++k) {
      const double p = bs[k].share;
      CHECK(WithinSe(count[k], p * kSamples, std::sqrt(kSamples * p * (1 - p)), kSe));
    }
  }
}

TEST_CASE("Distribution Cdf and Quantile are inverse", "[unit][distribution]") {
  for (const Named& n : AllKinds()) {
    if (n.dist.kind() == DistKind::kFixed) continue;  // a step function has no inverse
    INFO(n.name);
    for (double p : {0.01, 0.25, 0.5, 0.9, 0.999}) {
      INFO("p = " << p);
      const double q = n.dist.Quantile(p);
      CHECK(std::isfinite(q));
      CHECK(n.dist.Cdf(q) == Approx(p).epsilon(1e-10).margin(1e-12));
      CHECK(n.dist.Survival(q) == Approx(1 - p).epsilon(1e-9).margin(1e-12));
    }
    // Quantile is non-decreasing, and the Cdf is 0 below the support.
    double prev = n.dist.Quantile(0);
    for (double p = 0.001; p < 1; p += 0.001) {
      const double q = n.dist.Quantile(p);
      CHECK(q >= prev);
      prev = q;
    }
    CHECK(n.dist.Cdf(-1) == 0);
  }
}

TEST_CASE("Distribution Cdf matches closed forms", "[unit][distribution]") {
  const double e1 = 1 - std::exp(-1.0);
  CHECK(Distribution::Exponential(50).Cdf(50) == Approx(e1).epsilon(1e-14));
  CHECK(Distribution::Exponential(50).Quantile(e1) == Approx(50).epsilon(1e-12));
  CHECK(Distribution::Weibull(2, 100).Cdf(100) == Approx(e1).epsilon(1e-14));
  CHECK(Distribution::Weibull(2, 100).Cdf(200) == Approx(1 - std::exp(-4.0)).epsilon(1e-14));
  const Distribution ln = Distribution::Lognormal(5, 0.7);
  CHECK(ln.Cdf(std::exp(5.0)) == Approx(0.5).epsilon(1e-14));
  CHECK(ln.Cdf(std::exp(5.7)) == Approx(0.841344746068543).epsilon(1e-12));  // Phi(1)
  for (double x : {1.0, 30.0, 100.0, 400.0}) {
    CHECK(Distribution::Gamma(1, 50).Cdf(x) == Approx(1 - std::exp(-x / 50)).epsilon(1e-12));
    CHECK(Distribution::Gamma(2, 50).Cdf(x) ==
          Approx(1 - std::exp(-x / 50) * (1 + x / 50)).epsilon(1e-12));
  }
  const Distribution fixed = Distribution::Fixed(10);
  CHECK(fixed.Cdf(9.999) == 0);
  CHECK(fixed.Cdf(10) == 1);
  CHECK(fixed.Quantile(0.3) == 10);

  const Distribution closed = ClosedTable();
  CHECK(closed.Cdf(-1) == 0);
  CHECK(closed.Cdf(15) == Approx(0.1));
  CHECK(closed.Cdf(30) == Approx(0.2));
  CHECK(closed.Cdf(60) == Approx(0.45));
  CHECK(closed.Cdf(365) == 1);
  CHECK(closed.Cdf(1000) == 1);
  CHECK(closed.Quantile(0.45) == Approx(60));
  CHECK(closed.Quantile(1) == 365);
  const Distribution open = OpenTable();
  CHECK(open.Cdf(380) == Approx(0.8 + 0.2 * e1).epsilon(1e-14));
  CHECK(open.Quantile(0.8 + 0.2 * e1) == Approx(380).epsilon(1e-12));
  CHECK(std::isinf(Distribution::Empirical({{0, 30, 0.5, 0}, {30, kInf, 0.5, 200}}).Quantile(1)));
}

TEST_CASE("Open empirical tail: Quantile(1) and far-tail remaining durations",
          "[unit][distribution]") {
  // Regression: Quantile() once re-added the bucket shares instead of using the normalised
  // cumulative shares, so with shares 0.3, 0.5, 0.2 Quantile(1) returned 7388.73, not +inf.
  const Distribution open = OpenTable();
  CHECK(std::isinf(open.Quantile(1)));
  // Regression: RemainingFromUniform once computed Survival(elapsed) as 1 - Cdf(elapsed), which
  // cancels in the far tail. Beyond the lower bound the tail is exponential (memoryless), so the
  // median remaining duration is 200 ln 2 = 138.63 for any elapsed in the tail.
  for (double k : {34.0, 36.0, 37.0}) {
    INFO("elapsed = 180 + " << k << " tail means");
    CHECK(open.RemainingFromUniform(0.5, 180 + 200 * k) ==
          Approx(200 * std::log(2.0)).epsilon(1e-6));
  }
}

TEST_CASE("Describe gives kind, mean and sd", "[unit][distribution]") {
  CHECK(Distribution::LognormalMeanSd(300, 250).Describe() == "lognormal(mean 300, sd 250)");
  CHECK(Distribution::Exponential(120).Describe() == "exponential(mean 120, sd 120)");
  CHECK(Distribution::Fixed(7).Describe() == "fixed(mean 7, sd 0)");
  CHECK(ClosedTable().Describe() == "empirical(3 buckets, mean 101.2)");
  CHECK(std::string(DistKindName(DistKind::kWeibull)) == "weibull");
}

TEST_CASE("Scaled multiplies the mean by f and the variance by f^2", "[unit][distribution]") {
  for (const Named& n : AllKinds()) {
    INFO(n.name);
    for (double f : {0.5, 1.7, 3.0}) {
      INFO("f = " << f);
      const Distribution s = n.dist.Scaled(f);
      CHECK(s.kind() == n.dist.kind());
      CHECK(s.Mean() == Approx(f * n.dist.Mean()).epsilon(1e-12));
      CHECK(s.Variance() == Approx(f * f * n.dist.Variance()).epsilon(1e-10).margin(1e-12));
      if (n.dist.kind() != DistKind::kFixed) {
        for (double p : {0.1, 0.5, 0.9}) {
          const double x = n.dist.Quantile(p);
          CHECK(s.Cdf(f * x) == Approx(n.dist.Cdf(x)).epsilon(1e-10));
        }
      }
    }
  }
}

TEST_CASE("Numerical mean residual life is exact where it is known", "[unit][distribution]") {
  // Sanity check of the quadrature used below: the exponential is memoryless, and the open tail
  // of an empirical table is exponential beyond its lower bound.
  const Distribution e = Distribution::Exponential(120);
  for (double a : {0.0, 50.0, 500.0}) CHECK(MeanResidual(e, a) == Approx(120).epsilon(1e-8));
  CHECK(MeanResidual(OpenTable(), 250) == Approx(200).epsilon(1e-8));
  CHECK(MeanResidual(OpenTable(), 0, {30, 180}) == Approx(OpenTable().Mean()).epsilon(1e-8));
  CHECK(MeanResidual(ClosedTable(), 0, {30, 90, 365}) == Approx(101.25).epsilon(1e-8));
}

TEST_CASE("SampleRemaining has the conditional mean residual life",
          "[unit][distribution][statistical]") {
  // For elapsed a, the mean of SampleRemaining must be E[D - a | D > a] = int_a^inf S / S(a),
  // computed by quadrature. n = 200,000 draws per case, tolerance 5 SE with the SE from the
  // sample standard deviation of the remaining durations (deterministic: fixed seeds).
  struct Case {
    std::string name;
    Distribution dist;
    std::vector<double> breaks;
    std::vector<double> elapsed;
  };
  const std::vector<Case> cases = {
      {"lognormal", Distribution::LognormalMeanSd(300, 250), {}, {50, 300, 1000}},
      {"gamma", Distribution::GammaMeanSd(200, 300), {}, {100, 500}},
      {"gamma-shape9", Distribution::GammaMeanSd(300, 100), {}, {200, 400}},
      {"weibull", Distribution::WeibullMeanSd(300, 200), {}, {100, 400}},
      {"weibull-cv1.5", Distribution::WeibullMeanSd(100, 150), {}, {50, 300}},
      {"empirical-closed", ClosedTable(), {30, 90, 365}, {10, 60, 200}},
      {"empirical-open", OpenTable(), {30, 180}, {10, 100, 250}},
      {"exponential", Distribution::Exponential(120), {}, {10, 300}},
  };
  for (const Case& c : cases) {
    for (double a : c.elapsed) {
      INFO(c.name << ", elapsed " << a);
      const double expected = MeanResidual(c.dist, a, c.breaks);
      if (c.dist.kind() == DistKind::kExponential) CHECK(expected == Approx(c.dist.Mean()));
      Stream s = MakeStream("test/remaining/" + c.name, static_cast<uint64_t>(a));
      std::vector<double> r(kSamples);
      for (double& v : r) v = c.dist.SampleRemaining(s, a);
      CHECK(*std::min_element(r.begin(), r.end()) >= 0);
      const Moments m(r);
      const double se = std::sqrt(m.var / kSamples);
      INFO("sample mean " << m.mean << ", expected " << expected << ", SE " << se);
      CHECK(WithinSe(m.mean, expected, se, kSe));
    }
  }
}

TEST_CASE("SampleRemaining of fixed durations and without elapsed time", "[unit][distribution]") {
  Stream s = MakeStream("test/remaining/fixed");
  const Distribution f = Distribution::Fixed(10);
  CHECK(f.SampleRemaining(s, 3) == 7);
  CHECK(f.SampleRemaining(s, 10) == 0);
  CHECK(f.SampleRemaining(s, 12) == 0);
  CHECK(f.SampleRemaining(s, 0) == 10);
  // With elapsed <= 0 it is a plain Sample from the same stream position.
  const Distribution ln = Distribution::LognormalMeanSd(300, 250);
  Stream a = MakeStream("test/remaining/zero"), b = MakeStream("test/remaining/zero");
  for (int i = 0; i < 100; ++i) CHECK(ln.SampleRemaining(a, 0) == ln.Sample(b));
}

TEST_CASE("RemainingFromUniform inverts the conditional distribution", "[unit][distribution]") {
  // r = RemainingFromUniform(u, a) satisfies S(a + r) = (1 - u) S(a): the conditional CDF of the
  // remaining duration at r equals u, so r rises with u and is 0 at u = 0.
  for (const Named& n : AllKinds()) {
    if (n.dist.kind() == DistKind::kFixed) continue;
    for (double a : {20.0, 150.0}) {
      INFO(n.name << ", elapsed " << a);
      const double sa = n.dist.Survival(a);
      CHECK(n.dist.RemainingFromUniform(0, a) == Approx(0).margin(1e-9 * n.dist.Mean()));
      double prev = -1;
      for (double u : {0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999}) {
        const double r = n.dist.RemainingFromUniform(u, a);
        CHECK(r > prev);
        prev = r;
        CHECK(n.dist.Survival(a + r) / sa == Approx(1 - u).epsilon(1e-8).margin(1e-12));
      }
    }
  }
  // Beyond the end of a closed table nothing remains.
  CHECK(ClosedTable().RemainingFromUniform(0.5, 400) == 0);
}

}  // namespace
}  // namespace sdsim
