// Closed-form helpers shared by the validation tests (M/G/infinity caseload and the
// expected-value checks).
#pragma once

#include <cstddef>
#include <vector>

#include "core/distribution.h"

namespace sdsim::testing {

// G(t) = integral_0^t S(u) du on a grid of step h (trapezoid rule): the expected caseload at t of
// a unit-rate M/G/infinity queue that starts empty.
inline std::vector<double> IntegratedSurvival(const Distribution& d, double horizon, double h) {
  const size_t n = static_cast<size_t>(horizon / h) + 1;
  std::vector<double> g(n, 0.0);
  double prev = d.Survival(0);
  for (size_t i = 1; i < n; ++i) {
    const double s = d.Survival(i * h);
    g[i] = g[i - 1] + 0.5 * h * (prev + s);
    prev = s;
  }
  return g;
}

}  // namespace sdsim::testing
