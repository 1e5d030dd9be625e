// Maximum-likelihood duration fits (see parametric.h).
#include "fit/parametric.h"

#include <LBFGSB.h>

#include <Eigen/Core>
#include <algorithm>
#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <limits>

#include "fit/optimize.h"

namespace sdsim {
namespace {

namespace bm = boost::math;
using NoThrow = bm::policies::policy<bm::policies::domain_error<bm::policies::ignore_error>,
                                     bm::policies::overflow_error<bm::policies::ignore_error>,
                                     bm::policies::evaluation_error<bm::policies::ignore_error>,
                                     bm::policies::pole_error<bm::policies::ignore_error>>;
const double kInf = std::numeric_limits<double>::infinity();
const double kLogSqrt2Pi = 0.5 * std::log(2 * M_PI);

// Negative log-likelihood per subject (scaled by 1/n so the optimiser sees O(1) values).
double Nll(Family f, const double* th, const CompressedSurvival& d) {
  double ll = 0;
  for (size_t i = 0; i < d.events.x.size(); ++i)
    ll += d.events.w[i] * FamilyLogDensity(f, th, d.events.x[i]);
  for (size_t i = 0; i < d.censored.x.size(); ++i)
    ll += d.censored.w[i] * FamilyLogSurvival(f, th, d.censored.x[i]);
  for (size_t i = 0; i < d.entries.x.size(); ++i)
    ll -= d.entries.w[i] * FamilyLogSurvival(f, th, d.entries.x[i]);
  return std::isfinite(ll) ? -ll / d.n : 1e300;
}

// Starting values from the event times (biased by censoring, but close enough to start from).
std::vector<double> Start(Family f, const CompressedSurvival& d) {
  double sw = 0, sl = 0, sl2 = 0, sx = 0, sx2 = 0;
  for (size_t i = 0; i < d.events.x.size(); ++i) {
    const double x = d.events.x[i], w = d.events.w[i], l = std::log(x);
    sw += w;
    sl += w * l;
    sl2 += w * l * l;
    sx += w * x;
    sx2 += w * x * x;
  }
  const double ml = sl / sw, sdl = std::sqrt(std::max(sl2 / sw - ml * ml, 1e-4));
  const double mx = sx / sw, vx = std::max(sx2 / sw - mx * mx, 1e-4 * mx * mx);
  switch (f) {
    case Family::kExponential:
      return {std::log(ExponentialMean(d))};
    case Family::kLognormal:
      return {ml, std::log(sdl)};
    case Family::kGamma:
      return {std::log(mx * mx / vx), std::log(vx / mx)};
    case Family::kWeibull: {
      const double k = std::clamp(1.283 / sdl, 0.05, 20.0);
      return {std::log(k), ml + 0.5772 / k};
    }
  }
  return {};
}

}  // namespace

const char* FamilyName(Family family) {
  switch (family) {
    case Family::kExponential:
      return "exponential";
    case Family::kLognormal:
      return "lognormal";
    case Family::kGamma:
      return "gamma";
    case Family::kWeibull:
      return "weibull";
  }
  return "";
}

double FamilyLogDensity(Family f, const double* th, double x) {
  switch (f) {
    case Family::kExponential:
      return -th[0] - x * std::exp(-th[0]);
    case Family::kLognormal: {
      const double s = std::exp(th[1]), z = (std::log(x) - th[0]) / s;
      return -std::log(x) - th[1] - kLogSqrt2Pi - 0.5 * z * z;
    }
    case Family::kGamma: {
      const double k = std::exp(th[0]), y = x * std::exp(-th[1]);
      return (k - 1) * std::log(y) - y - bm::lgamma(k, NoThrow()) - th[1];
    }
    case Family::kWeibull: {
      const double k = std::exp(th[0]), y = x * std::exp(-th[1]);
      return th[0] - th[1] + (k - 1) * std::log(y) - std::pow(y, k);
    }
  }
  return 0;
}

double FamilyLogSurvival(Family f, const double* th, double x) {
  if (x <= 0) return 0;
  switch (f) {
    case Family::kExponential:
      return -x * std::exp(-th[0]);
    case Family::kLognormal: {
      const double z = (std::log(x) - th[0]) / std::exp(th[1]);
      if (z > 30) return -0.5 * z * z - std::log(z) - kLogSqrt2Pi;  // Mills ratio tail
      return std::log(0.5 * bm::erfc(z / M_SQRT2, NoThrow()));
    }
    case Family::kGamma: {
      const double q = bm::gamma_q(std::exp(th[0]), x * std::exp(-th[1]), NoThrow());
      return q > 0 ? std::log(q) : -kInf;
    }
    case Family::kWeibull:
      return -std::pow(x * std::exp(-th[1]), std::exp(th[0]));
  }
  return 0;
}

double FamilyMean(Family f, const double* th) {
  switch (f) {
    case Family::kExponential:
      return std::exp(th[0]);
    case Family::kLognormal:
      return std::exp(th[0] + 0.5 * std::exp(2 * th[1]));
    case Family::kGamma:
      return std::exp(th[0] + th[1]);
    case Family::kWeibull:
      return std::exp(th[1]) * bm::tgamma(1 + std::exp(-th[0]), NoThrow());
  }
  return 0;
}

double ExponentialMean(const CompressedSurvival& d) {
  double time = 0;
  for (size_t i = 0; i < d.events.x.size(); ++i) time += d.events.w[i] * d.events.x[i];
  for (size_t i = 0; i < d.censored.x.size(); ++i) time += d.censored.w[i] * d.censored.x[i];
  for (size_t i = 0; i < d.entries.x.size(); ++i) time -= d.entries.w[i] * d.entries.x[i];
  return time / std::max(d.n_events, 1.0);
}

Distribution ParametricFit::ToDistribution() const {
  switch (family) {
    case Family::kExponential:
      return Distribution::Exponential(p1);
    case Family::kLognormal:
      return Distribution::Lognormal(p1, p2);
    case Family::kGamma:
      return Distribution::Gamma(p1, p2);
    case Family::kWeibull:
      return Distribution::Weibull(p1, p2);
  }
  return {};
}

ParametricFit FitFamily(Family family, const CompressedSurvival& data,
                        const std::vector<KmStep>& km, double min_entry) {
  ParametricFit fit;
  fit.family = family;
  const int k = fit.parameters();
  if (data.n_events < 1) return fit;
  std::vector<double> x = Start(family, data), lb(k, -15.0), ub(k, 15.0);
  // Bounds keep the search in a sane range: positive parameters between e^-15 and e^15 (a
  // scale or mean of at most 9 million days), a lognormal sigma between e^-7 and e^3.
  if (family == Family::kLognormal) {
    lb = {-10, -7};
    ub = {20, 3};
  }
  const Objective nll = [&](const double* t) { return Nll(family, t, data); };
  bool converged = Minimize(nll, lb, ub, &x);
  const double fx = nll(x.data());
  converged = converged && fx < 1e299;
  fit.theta = x;
  fit.loglik = -fx * data.n;
  fit.aic = 2 * k - 2 * fit.loglik;
  // Observed information: the Hessian of the total negative log-likelihood at the optimum.
  std::vector<double> h = Hessian(nll, x);
  for (double& v : h) v *= data.n;
  fit.cov.assign(k * k, std::numeric_limits<double>::quiet_NaN());
  const bool pd = InvertSpd(h, &fit.cov);
  fit.ok = converged && pd;
  const double* th = fit.theta.data();
  // Natural parameters and their standard errors (delta method on the log scale).
  const double c00 = fit.cov[0], c11 = k == 2 ? fit.cov[3] : 0;
  switch (family) {
    case Family::kExponential:
      fit.p1 = std::exp(th[0]);
      fit.p1_se = fit.p1 * std::sqrt(c00);
      break;
    case Family::kLognormal:
      fit.p1 = th[0];
      fit.p1_se = std::sqrt(c00);
      fit.p2 = std::exp(th[1]);
      fit.p2_se = fit.p2 * std::sqrt(c11);
      break;
    case Family::kGamma:
    case Family::kWeibull:
      fit.p1 = std::exp(th[0]);
      fit.p1_se = fit.p1 * std::sqrt(c00);
      fit.p2 = std::exp(th[1]);
      fit.p2_se = fit.p2 * std::sqrt(c11);
      break;
  }
  fit.mean = FamilyMean(family, th);
  std::vector<double> g(k);
  for (int i = 0; i < k; ++i) {
    std::vector<double> a = fit.theta, b = fit.theta;
    a[i] += 1e-6;
    b[i] -= 1e-6;
    g[i] = (FamilyMean(family, a.data()) - FamilyMean(family, b.data())) / 2e-6;
  }
  double var = 0;
  for (int i = 0; i < k; ++i)
    for (int j = 0; j < k; ++j) var += g[i] * fit.cov[i * k + j] * g[j];
  fit.mean_se = std::sqrt(var);
  const Distribution dist = fit.ToDistribution();
  fit.sd = std::sqrt(dist.Variance());
  // Distance to Kaplan-Meier (which is conditional on surviving the smallest entry time), at
  // both sides of each step.
  const double s0 = std::exp(FamilyLogSurvival(family, th, min_entry));
  double prev = 1;
  for (const KmStep& s : km) {
    const double fitted = std::exp(FamilyLogSurvival(family, th, s.time)) / s0;
    fit.distance =
        std::max({fit.distance, std::fabs(fitted - prev), std::fabs(fitted - s.survival)});
    prev = s.survival;
  }
  return fit;
}

}  // namespace sdsim
