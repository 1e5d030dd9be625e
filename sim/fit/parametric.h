// Maximum-likelihood fits of duration distributions (exponential, lognormal, gamma, Weibull) to
// left-truncated, right-censored data, with standard errors from the observed information.
//
// The log-likelihood of the compressed data (survival.h) is
//   sum over events of log f(x) + sum over censored of log S(x) - sum over entries of log S(L):
// each subject counts given that it survived to its entry (delayed entry), which removes the
// length bias of episodes already in care when the window opened. The parameters are maximised
// on an unconstrained scale (logs of positive parameters) with L-BFGS-B (LBFGSpp) and a numerical
// gradient; the covariance is the inverse of the numerical Hessian there, carried to the natural
// parameters and the mean by the delta method. Densities come from Boost.Math.
#pragma once

#include <string>
#include <vector>

#include "core/distribution.h"
#include "fit/survival.h"

namespace sdsim {

enum class Family { kExponential, kLognormal, kGamma, kWeibull };
constexpr Family kFamilies[] = {Family::kExponential, Family::kLognormal, Family::kGamma,
                                Family::kWeibull};
const char* FamilyName(Family family);

struct ParametricFit {
  Family family = Family::kExponential;
  bool ok = false;             // the optimum was found and its information is positive definite
  std::vector<double> theta;   // unconstrained parameters (see FamilyTheta)
  std::vector<double> cov;     // their covariance, row-major
  double loglik = 0, aic = 0;  // AIC = 2 k - 2 log L
  // The natural parameters, as a scenario writes them: exponential (mean), lognormal (mu, sigma
  // of the log of the days), gamma and Weibull (shape, scale in days); with standard errors.
  double p1 = 0, p1_se = 0, p2 = 0, p2_se = 0;
  double mean = 0, mean_se = 0;  // mean duration in days
  double sd = 0;                 // its standard deviation in days
  double distance = 0;  // largest gap between the Kaplan-Meier curve and the fitted survival
  int parameters() const { return family == Family::kExponential ? 1 : 2; }
  Distribution ToDistribution() const;
};

// log f(x) and log S(x) of `family` with unconstrained parameters `theta`.
double FamilyLogDensity(Family family, const double* theta, double x);
double FamilyLogSurvival(Family family, const double* theta, double x);
double FamilyMean(Family family, const double* theta);

// Fits one family. `km` (of the same data) gives the distance; it may be empty.
ParametricFit FitFamily(Family family, const CompressedSurvival& data,
                        const std::vector<KmStep>& km, double min_entry);
// The mean of the survival data's exponential fit in closed form: time at risk / events.
double ExponentialMean(const CompressedSurvival& data);

}  // namespace sdsim
