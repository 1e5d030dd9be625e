// Distribution: parameter conversions, analytic moments, CDFs and quantiles (Boost.Math).
#include "core/distribution.h"

#include <algorithm>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/weibull.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cstdio>
#include <limits>

namespace sdsim {
namespace {

// Double precision throughout (Boost.Math would otherwise compute in long double: several times
// slower, and far more precise than durations in days need).
using Fast = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
using BmLognormal = boost::math::lognormal_distribution<double, Fast>;
using BmGamma = boost::math::gamma_distribution<double, Fast>;

double WeibullCv(double shape) {
  const double g1 = std::tgamma(1.0 + 1.0 / shape), g2 = std::tgamma(1.0 + 2.0 / shape);
  return std::sqrt(std::max(g2 / (g1 * g1) - 1.0, 0.0));
}

}  // namespace

const char* DistKindName(DistKind kind) {
  switch (kind) {
    case DistKind::kFixed:
      return "fixed";
    case DistKind::kExponential:
      return "exponential";
    case DistKind::kLognormal:
      return "lognormal";
    case DistKind::kGamma:
      return "gamma";
    case DistKind::kWeibull:
      return "weibull";
    case DistKind::kEmpirical:
      return "empirical";
  }
  return "?";
}

Distribution Distribution::Fixed(double value) {
  Distribution d;
  d.kind_ = DistKind::kFixed;
  d.a_ = value;
  return d;
}

Distribution Distribution::Exponential(double mean) {
  Distribution d;
  d.kind_ = DistKind::kExponential;
  d.a_ = mean;
  return d;
}

Distribution Distribution::Lognormal(double mu, double sigma) {
  Distribution d;
  d.kind_ = DistKind::kLognormal;
  d.a_ = mu;
  d.b_ = sigma;
  return d;
}

Distribution Distribution::LognormalMeanSd(double mean, double sd) {
  const double cv = sd / mean;
  const double s2 = std::log1p(cv * cv);
  return Lognormal(std::log(mean) - s2 / 2, std::sqrt(s2));
}

Distribution Distribution::Gamma(double shape, double scale) {
  Distribution d;
  d.kind_ = DistKind::kGamma;
  d.a_ = shape;
  d.b_ = scale;
  return d;
}

Distribution Distribution::GammaMeanSd(double mean, double sd) {
  return Gamma((mean / sd) * (mean / sd), sd * sd / mean);
}

Distribution Distribution::Weibull(double shape, double scale) {
  Distribution d;
  d.kind_ = DistKind::kWeibull;
  d.a_ = shape;
  d.b_ = scale;
  return d;
}

Distribution Distribution::WeibullMeanSd(double mean, double sd) {
  // The coefficient of variation falls monotonically in the shape: bisect on log(shape).
  const double target = sd / mean;
  double lo = std::log(0.02), hi = std::log(500.0);
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (WeibullCv(std::exp(mid)) > target)
      lo = mid;
    else
      hi = mid;
  }
  const double shape = std::exp(0.5 * (lo + hi));
  return Weibull(shape, mean / std::tgamma(1.0 + 1.0 / shape));
}

Distribution Distribution::Empirical(std::vector<Bucket> buckets) {
  Distribution d;
  d.kind_ = DistKind::kEmpirical;
  double acc = 0;
  for (const Bucket& b : buckets) {
    acc += b.share;
    d.cum_.push_back(acc);
  }
  if (!d.cum_.empty()) d.cum_.back() = 1.0;  // guard against rounding in the last share
  d.buckets_ = std::move(buckets);
  return d;
}

double Distribution::Mean() const {
  switch (kind_) {
    case DistKind::kFixed:
    case DistKind::kExponential:
      return a_;
    case DistKind::kLognormal:
      return std::exp(a_ + b_ * b_ / 2);
    case DistKind::kGamma:
      return a_ * b_;
    case DistKind::kWeibull:
      return b_ * std::tgamma(1.0 + 1.0 / a_);
    case DistKind::kEmpirical: {
      double m = 0;
      for (const Bucket& b : buckets_)
        m += b.share * (std::isinf(b.upper) ? b.lower + b.tail_mean : 0.5 * (b.lower + b.upper));
      return m;
    }
  }
  return 0;
}

double Distribution::Variance() const {
  switch (kind_) {
    case DistKind::kFixed:
      return 0;
    case DistKind::kExponential:
      return a_ * a_;
    case DistKind::kLognormal:
      return std::expm1(b_ * b_) * std::exp(2 * a_ + b_ * b_);
    case DistKind::kGamma:
      return a_ * b_ * b_;
    case DistKind::kWeibull: {
      const double g1 = std::tgamma(1.0 + 1.0 / a_), g2 = std::tgamma(1.0 + 2.0 / a_);
      return b_ * b_ * (g2 - g1 * g1);
    }
    case DistKind::kEmpirical: {
      double m2 = 0;
      for (const Bucket& b : buckets_) {
        if (std::isinf(b.upper)) {
          const double l = b.lower, t = b.tail_mean;
          m2 += b.share * (l * l + 2 * l * t + 2 * t * t);
        } else {
          m2 += b.share * (b.lower * b.lower + b.lower * b.upper + b.upper * b.upper) / 3;
        }
      }
      const double m = Mean();
      return m2 - m * m;
    }
  }
  return 0;
}

double Distribution::Cdf(double x) const {
  if (x <= 0 && kind_ != DistKind::kEmpirical && kind_ != DistKind::kFixed) return 0;
  switch (kind_) {
    case DistKind::kFixed:
      return x >= a_ ? 1.0 : 0.0;
    case DistKind::kExponential:
      return -std::expm1(-x / a_);
    case DistKind::kLognormal:
      return boost::math::cdf(BmLognormal(a_, b_), x);
    case DistKind::kGamma:
      return boost::math::cdf(BmGamma(a_, b_), x);
    case DistKind::kWeibull:
      return -std::expm1(-std::pow(x / b_, a_));
    case DistKind::kEmpirical: {
      double acc = 0;
      for (const Bucket& b : buckets_) {
        if (x < b.lower) return acc;
        if (std::isinf(b.upper)) return acc + b.share * -std::expm1(-(x - b.lower) / b.tail_mean);
        if (x < b.upper) return acc + b.share * (x - b.lower) / (b.upper - b.lower);
        acc += b.share;
      }
      return 1.0;
    }
  }
  return 0;
}

double Distribution::Quantile(double p) const {
  p = std::clamp(p, 0.0, 1.0);
  const double inf = std::numeric_limits<double>::infinity();
  switch (kind_) {
    case DistKind::kFixed:
      return a_;
    case DistKind::kExponential:
      return p >= 1 ? inf : -a_ * std::log1p(-p);
    case DistKind::kLognormal:
      if (p <= 0) return 0;
      if (p >= 1) return inf;
      return boost::math::quantile(BmLognormal(a_, b_), p);
    case DistKind::kGamma:
      if (p <= 0) return 0;
      if (p >= 1) return inf;
      return boost::math::quantile(BmGamma(a_, b_), p);
    case DistKind::kWeibull:
      return p >= 1 ? inf : b_ * std::pow(-std::log1p(-p), 1.0 / a_);
    case DistKind::kEmpirical: {
      // Use the normalised running totals so that p = 1 lands exactly at the top.
      for (size_t i = 0; i < buckets_.size(); ++i) {
        if (p <= cum_[i] || i + 1 == buckets_.size()) {
          const Bucket& b = buckets_[i];
          const double lo = i == 0 ? 0.0 : cum_[i - 1];
          const double f = cum_[i] > lo ? std::clamp((p - lo) / (cum_[i] - lo), 0.0, 1.0) : 0.0;
          if (std::isinf(b.upper)) return f >= 1 ? inf : b.lower - b.tail_mean * std::log1p(-f);
          return b.lower + f * (b.upper - b.lower);
        }
      }
      return buckets_.back().upper;
    }
  }
  return 0;
}

double Distribution::RemainingFromUniform(double u, double elapsed) const {
  // Work with the survival function so that far-tail conditioning stays accurate.
  double x = elapsed;
  switch (kind_) {
    case DistKind::kFixed:
      return a_ > elapsed ? a_ - elapsed : 0.0;
    case DistKind::kExponential:
      return -a_ * std::log1p(-u);
    case DistKind::kLognormal: {
      BmLognormal d(a_, b_);
      const double s = boost::math::cdf(boost::math::complement(d, elapsed));
      const double q = (1.0 - u) * s;  // survival level of the draw, in (0, s]
      if (q <= 0) return 0;
      x = boost::math::quantile(boost::math::complement(d, q));
      break;
    }
    case DistKind::kGamma: {
      BmGamma d(a_, b_);
      const double s = boost::math::cdf(boost::math::complement(d, elapsed));
      const double q = (1.0 - u) * s;
      if (q <= 0) return 0;
      x = boost::math::quantile(boost::math::complement(d, q));
      break;
    }
    case DistKind::kWeibull: {
      // S(x) = exp(-(x/scale)^shape): solve S(x) = (1-u) S(elapsed) in closed form.
      const double h = std::pow(elapsed / b_, a_) - std::log1p(-u);
      x = b_ * std::pow(h, 1.0 / a_);
      break;
    }
    case DistKind::kEmpirical: {
      const Bucket& last = buckets_.back();
      // Inside an open exponential tail the remaining time is memoryless (and 1 - Cdf would
      // lose all precision far out).
      if (std::isinf(last.upper) && elapsed >= last.lower) return -last.tail_mean * std::log1p(-u);
      const double s = Survival(elapsed);
      x = Quantile(1.0 - (1.0 - u) * s);
      break;
    }
  }
  return x > elapsed ? x - elapsed : 0.0;
}

Distribution Distribution::Scaled(double f) const {
  switch (kind_) {
    case DistKind::kFixed:
    case DistKind::kExponential: {
      Distribution d = *this;
      d.a_ *= f;
      return d;
    }
    case DistKind::kLognormal:
      return Lognormal(a_ + std::log(f), b_);
    case DistKind::kGamma:
    case DistKind::kWeibull: {
      Distribution d = *this;
      d.b_ *= f;
      return d;
    }
    case DistKind::kEmpirical: {
      std::vector<Bucket> bs = buckets_;
      for (Bucket& b : bs) {
        b.lower *= f;
        b.upper *= f;
        b.tail_mean *= f;
      }
      return Empirical(std::move(bs));
    }
  }
  return *this;
}

std::string Distribution::Describe() const {
  char buf[128];
  if (kind_ == DistKind::kEmpirical)
    std::snprintf(buf, sizeof buf, "empirical(%zu buckets, mean %.4g)", buckets_.size(), Mean());
  else
    std::snprintf(buf, sizeof buf, "%s(mean %.4g, sd %.4g)", DistKindName(kind_), Mean(),
                  std::sqrt(Variance()));
  return buf;
}

}  // namespace sdsim
