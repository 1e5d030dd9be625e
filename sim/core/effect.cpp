// Effect-size distributions by inverse CDF (Boost.Math for normal and beta).
#include "core/effect.h"

#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <cstdio>

namespace sdsim {

double NormalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

EffectSize EffectSize::Fixed(double v) {
  EffectSize e;
  e.a_ = v;
  return e;
}

EffectSize EffectSize::Triangular(double min, double mode, double max) {
  EffectSize e;
  e.kind_ = Kind::kTriangular;
  e.a_ = min;
  e.b_ = mode;
  e.c_ = max;
  return e;
}

EffectSize EffectSize::Uniform(double min, double max) {
  EffectSize e;
  e.kind_ = Kind::kUniform;
  e.a_ = min;
  e.c_ = max;
  return e;
}

EffectSize EffectSize::Normal(double mean, double sd, double min, double max) {
  EffectSize e;
  e.kind_ = Kind::kNormal;
  e.a_ = mean;
  e.b_ = sd;
  e.lo_ = min;
  e.hi_ = max;
  return e;
}

EffectSize EffectSize::LognormalMeanSd(double mean, double sd) {
  EffectSize e;
  e.kind_ = Kind::kLognormal;
  const double s2 = std::log1p((sd / mean) * (sd / mean));
  e.a_ = std::log(mean) - s2 / 2;
  e.b_ = std::sqrt(s2);
  return e;
}

EffectSize EffectSize::Beta(double alpha, double beta, double min, double max) {
  EffectSize e;
  e.kind_ = Kind::kBeta;
  e.a_ = alpha;
  e.b_ = beta;
  e.lo_ = min;
  e.hi_ = max;
  return e;
}

double EffectSize::Quantile(double u) const {
  u = std::clamp(u, 1e-12, 1 - 1e-12);
  switch (kind_) {
    case Kind::kFixed:
      return a_;
    case Kind::kTriangular: {
      const double f = (b_ - a_) / (c_ - a_);
      if (c_ == a_) return a_;
      return u < f ? a_ + std::sqrt(u * (c_ - a_) * (b_ - a_))
                   : c_ - std::sqrt((1 - u) * (c_ - a_) * (c_ - b_));
    }
    case Kind::kUniform:
      return a_ + u * (c_ - a_);
    case Kind::kNormal: {
      const boost::math::normal_distribution<> n(a_, b_);
      const double plo = std::isinf(lo_) ? 0.0 : boost::math::cdf(n, lo_);
      const double phi = std::isinf(hi_) ? 1.0 : boost::math::cdf(n, hi_);
      const double p = std::clamp(plo + u * (phi - plo), 1e-15, 1 - 1e-15);
      return std::clamp(boost::math::quantile(n, p), lo_, hi_);
    }
    case Kind::kLognormal:
      return std::exp(a_ + b_ * boost::math::quantile(boost::math::normal_distribution<>(), u));
    case Kind::kBeta:
      return lo_ + (hi_ - lo_) * boost::math::quantile(boost::math::beta_distribution<>(a_, b_), u);
  }
  return a_;
}

double EffectSize::Mean() const {
  switch (kind_) {
    case Kind::kFixed:
      return a_;
    case Kind::kTriangular:
      return (a_ + b_ + c_) / 3;
    case Kind::kUniform:
      return (a_ + c_) / 2;
    case Kind::kNormal: {
      if (std::isinf(lo_) && std::isinf(hi_)) return a_;
      // Mean of a truncated normal.
      const boost::math::normal_distribution<> std_n;
      const double al = std::isinf(lo_) ? -40 : (lo_ - a_) / b_,
                   be = std::isinf(hi_) ? 40 : (hi_ - a_) / b_;
      const double z = boost::math::cdf(std_n, be) - boost::math::cdf(std_n, al);
      return a_ + b_ * (boost::math::pdf(std_n, al) - boost::math::pdf(std_n, be)) / z;
    }
    case Kind::kLognormal:
      return std::exp(a_ + b_ * b_ / 2);
    case Kind::kBeta:
      return lo_ + (hi_ - lo_) * a_ / (a_ + b_);
  }
  return a_;
}

std::string EffectSize::Describe() const {
  char buf[160];
  switch (kind_) {
    case Kind::kFixed:
      std::snprintf(buf, sizeof buf, "%g", a_);
      break;
    case Kind::kTriangular:
      std::snprintf(buf, sizeof buf, "triangular(%g, %g, %g)", a_, b_, c_);
      break;
    case Kind::kUniform:
      std::snprintf(buf, sizeof buf, "uniform(%g, %g)", a_, c_);
      break;
    case Kind::kNormal:
      std::snprintf(buf, sizeof buf, "normal(%g, %g) in [%g, %g]", a_, b_, lo_, hi_);
      break;
    case Kind::kLognormal:
      std::snprintf(buf, sizeof buf, "lognormal(mean %g)", Mean());
      break;
    case Kind::kBeta:
      std::snprintf(buf, sizeof buf, "beta(%g, %g) on [%g, %g]", a_, b_, lo_, hi_);
      break;
  }
  return buf;
}

}  // namespace sdsim
