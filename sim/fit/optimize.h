// Minimize: a small wrapper of L-BFGS-B (LBFGSpp, header-only) for the fits of `sdsim fit`: a
// smooth function of a few bounded parameters, with a central-difference gradient, and its
// numerical Hessian at the optimum (the observed information when f is a negative
// log-likelihood).
#pragma once

#include <functional>
#include <vector>

namespace sdsim {

using Objective = std::function<double(const double* x)>;

// Minimises f from *x (clamped into [lb, ub]); *x holds the best point found. Returns false if
// the search failed before converging (the point may still be usable: judge it by the Hessian).
bool Minimize(const Objective& f, const std::vector<double>& lb, const std::vector<double>& ub,
              std::vector<double>* x);
// Numerical Hessian of f at x, row-major.
std::vector<double> Hessian(const Objective& f, const std::vector<double>& x, double step = 1e-4);
// Inverse of a symmetric positive definite 1x1 or 2x2 matrix; false if it is not.
bool InvertSpd(const std::vector<double>& h, std::vector<double>* inverse);

}  // namespace sdsim
