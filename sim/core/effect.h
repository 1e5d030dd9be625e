// EffectSize: the size of a policy lever's effect — a fixed number or an uncertain one drawn once
// per replication (triangular, uniform, normal, lognormal, beta; normal optionally truncated).
//
// Draws go through Quantile(u) with u uniform on (0, 1), so that correlated effects can be drawn
// with a Gaussian copula (correlated normals -> u = Phi(z) -> Quantile(u)). Immutable; safe to
// share.
#pragma once

#include <string>

namespace sdsim {

class EffectSize {
 public:
  enum class Kind { kFixed, kTriangular, kUniform, kNormal, kLognormal, kBeta };
  EffectSize() = default;
  static EffectSize Fixed(double value);
  static EffectSize Triangular(double min, double mode, double max);
  static EffectSize Uniform(double min, double max);
  // Truncated to [min, max] (either may be infinite).
  static EffectSize Normal(double mean, double sd, double min, double max);
  // A lognormal with the given mean and sd of the value itself (positive).
  static EffectSize LognormalMeanSd(double mean, double sd);
  // Beta(alpha, beta) scaled to [min, max].
  static EffectSize Beta(double alpha, double beta, double min, double max);

  Kind kind() const { return kind_; }
  bool is_fixed() const { return kind_ == Kind::kFixed; }
  double Quantile(double u) const;
  double Mean() const;
  std::string Describe() const;

 private:
  Kind kind_ = Kind::kFixed;
  double a_ = 0, b_ = 0, c_ = 0, lo_ = 0, hi_ = 0;
};

// Standard normal CDF and its inverse (for the copula).
double NormalCdf(double z);

}  // namespace sdsim
