// Distribution: a duration distribution chosen in a scenario (exponential, lognormal, gamma,
// Weibull, fixed, or an empirical table of duration buckets).
//
// Each distribution knows its analytic mean and variance, its CDF and quantile function, and can
// draw a fresh duration or the *remaining* duration of someone already in care for `elapsed` days
// (a draw from D - elapsed given D > elapsed). Sampling is inline and allocation-free; there is no
// virtual dispatch (a switch on a small tag). A Distribution is an immutable value, safe to share.
#pragma once

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "core/random.h"

namespace sdsim {

enum class DistKind : uint8_t { kFixed, kExponential, kLognormal, kGamma, kWeibull, kEmpirical };

// One bucket of an empirical table: values in [lower, upper), uniform within the bucket. The last
// bucket may be open (upper = infinity); values there are lower + an exponential excess with mean
// `tail_mean`.
struct Bucket {
  double lower = 0;
  double upper = 0;
  double share = 0;
  double tail_mean = 0;  // only for an open last bucket
};

class Distribution {
 public:
  Distribution() = default;
  static Distribution Fixed(double value);
  static Distribution Exponential(double mean);
  static Distribution Lognormal(double mu, double sigma);
  static Distribution LognormalMeanSd(double mean, double sd);
  static Distribution Gamma(double shape, double scale);
  static Distribution GammaMeanSd(double mean, double sd);
  static Distribution Weibull(double shape, double scale);
  // Solves the shape for the coefficient of variation sd/mean; requires 0.01 <= sd/mean <= 100.
  static Distribution WeibullMeanSd(double mean, double sd);
  // Buckets must be contiguous from their first lower bound, shares positive and summing to 1.
  static Distribution Empirical(std::vector<Bucket> buckets);

  DistKind kind() const { return kind_; }
  double Mean() const;
  double Variance() const;
  double Cdf(double x) const;
  double Survival(double x) const { return 1.0 - Cdf(x); }
  double Quantile(double p) const;
  // Natural parameters (meaning depends on kind): lognormal (mu, sigma), gamma and Weibull
  // (shape, scale), exponential (mean, -), fixed (value, -).
  double a() const { return a_; }
  double b() const { return b_; }
  const std::vector<Bucket>& buckets() const { return buckets_; }
  // A short human description, e.g. "lognormal(mean 300, sd 250)".
  std::string Describe() const;

  // A copy with every value scaled by `factor` (> 0): durations multiplied by a lever.
  Distribution Scaled(double factor) const;

  template <class S>
  double Sample(S& s) const {
    switch (kind_) {
      case DistKind::kFixed:
        return a_;
      case DistKind::kExponential:
        return a_ * boost::random::exponential_distribution<double>()(s.engine());
      case DistKind::kLognormal:
        return std::exp(a_ + b_ * boost::random::normal_distribution<double>()(s.engine()));
      case DistKind::kGamma:
        return SampleGamma(s);
      case DistKind::kWeibull:
        return b_ * std::pow(-std::log(s.UniformPositive()), 1.0 / a_);
      case DistKind::kEmpirical:
        return SampleEmpirical(s.Uniform(), s);
    }
    return 0;
  }

  // True if SampleLengthBiased has a closed form (fixed, exponential, lognormal, gamma).
  bool HasLengthBiased() const {
    return kind_ == DistKind::kFixed || kind_ == DistKind::kExponential ||
           kind_ == DistKind::kLognormal || kind_ == DistKind::kGamma;
  }
  // A draw of the length-biased distribution (density x f(x) / E[D]): the whole duration of a
  // client found in care in a steady flow. Its uniform split gives the time already in care and
  // the time still to go, both with the equilibrium density S(x) / E[D]. Requires
  // HasLengthBiased().
  template <class S>
  double SampleLengthBiased(S& s) const {
    switch (kind_) {
      case DistKind::kFixed:
        return a_;
      case DistKind::kExponential: {
        boost::random::exponential_distribution<double> e;
        return a_ * (e(s.engine()) + e(s.engine()));  // Gamma(2, mean)
      }
      case DistKind::kLognormal:
        return std::exp(a_ + b_ * b_ +
                        b_ * boost::random::normal_distribution<double>()(s.engine()));
      case DistKind::kGamma:
        return SampleGammaShape(s, a_ + 1);
      default:
        return 0;
    }
  }

  // Remaining duration of a client who has already been in care `elapsed` days.
  template <class S>
  double SampleRemaining(S& s, double elapsed) const {
    if (elapsed <= 0) return Sample(s);
    if (kind_ == DistKind::kExponential) return Sample(s);  // memoryless
    if (kind_ == DistKind::kFixed) return a_ > elapsed ? a_ - elapsed : 0.0;
    return RemainingFromUniform(s.Uniform(), elapsed);
  }
  // Inverse-CDF step of SampleRemaining, exposed for tests: D - elapsed where D solves
  // Survival(D) = (1 - u) * Survival(elapsed), so u = 0 gives no remaining time and u -> 1 the
  // far tail (the same direction as Sample's use of u).
  double RemainingFromUniform(double u, double elapsed) const;

 private:
  // Marsaglia & Tsang (2000): a normal and a uniform per try, ~98% accepted for shape >= 1; for
  // shape < 1 a Gamma(shape + 1) draw times U^(1/shape).
  template <class S>
  double SampleGamma(S& s) const {
    return SampleGammaShape(s, a_);
  }
  template <class S>
  double SampleGammaShape(S& s, double alpha) const {
    const double shape = alpha < 1 ? alpha + 1 : alpha;
    const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
    double x, v;
    while (true) {
      do {
        x = boost::random::normal_distribution<double>()(s.engine());
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const double u = s.UniformPositive();
      if (u < 1 - 0.0331 * x * x * x * x || std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v)))
        break;
    }
    double g = d * v * b_;
    if (alpha < 1) g *= std::pow(s.UniformPositive(), 1 / alpha);
    return g;
  }

  template <class S>
  double SampleEmpirical(double u, S& s) const {
    size_t i = 0;
    while (i + 1 < cum_.size() && u >= cum_[i]) ++i;
    const Bucket& bk = buckets_[i];
    if (std::isinf(bk.upper))
      return bk.lower +
             bk.tail_mean * boost::random::exponential_distribution<double>()(s.engine());
    // Reuse the position of u within the bucket: one uniform per draw.
    const double lo = i == 0 ? 0.0 : cum_[i - 1];
    const double frac = (u - lo) / (cum_[i] - lo);
    return bk.lower + frac * (bk.upper - bk.lower);
  }

  DistKind kind_ = DistKind::kFixed;
  double a_ = 0, b_ = 0;
  std::vector<Bucket> buckets_;
  std::vector<double> cum_;  // cumulative shares, last = 1
};

const char* DistKindName(DistKind kind);

}  // namespace sdsim
