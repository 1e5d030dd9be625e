// L-BFGS-B minimisation with numerical derivatives (see optimize.h).
#include "fit/optimize.h"

#include <LBFGSB.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sdsim {
namespace {

struct Wrapped {
  const Objective* f;
  double operator()(const Eigen::VectorXd& x, Eigen::VectorXd& grad) {
    const double fx = (*f)(x.data());
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      Eigen::VectorXd a = x, b = x;
      const double h = 1e-6 * std::max(1.0, std::fabs(x[i]));
      a[i] += h;
      b[i] -= h;
      grad[i] = ((*f)(a.data()) - (*f)(b.data())) / (2 * h);
    }
    return fx;
  }
};

}  // namespace

bool Minimize(const Objective& f, const std::vector<double>& lb, const std::vector<double>& ub,
              std::vector<double>* x) {
  const Eigen::Index k = static_cast<Eigen::Index>(x->size());
  Eigen::VectorXd v(k), l(k), u(k);
  for (Eigen::Index i = 0; i < k; ++i) {
    l[i] = lb[i];
    u[i] = ub[i];
    v[i] = std::clamp((*x)[i], lb[i] + 1e-9, ub[i] - 1e-9);
  }
  LBFGSpp::LBFGSBParam<double> param;
  param.epsilon = 1e-8;
  param.epsilon_rel = 1e-8;
  param.max_iterations = 500;
  param.max_linesearch = 60;
  LBFGSpp::LBFGSBSolver<double> solver(param);
  Wrapped w{&f};
  double fx = 0;
  bool ok = true;
  try {
    solver.minimize(w, v, fx, l, u);
  } catch (const std::exception&) {
    // The line search gave up, usually on a flat likelihood right at the optimum.
    ok = std::isfinite(f(v.data()));
  }
  x->assign(v.data(), v.data() + k);
  return ok;
}

std::vector<double> Hessian(const Objective& f, const std::vector<double>& x, double step) {
  const size_t k = x.size();
  std::vector<double> h(k * k);
  auto at = [&](double di, size_t i, double dj, size_t j) {
    std::vector<double> t = x;
    t[i] += di;
    t[j] += dj;
    return f(t.data());
  };
  for (size_t i = 0; i < k; ++i)
    for (size_t j = i; j < k; ++j) {
      h[i * k + j] = h[j * k + i] = (at(step, i, step, j) - at(step, i, -step, j) -
                                     at(-step, i, step, j) + at(-step, i, -step, j)) /
                                    (4 * step * step);
    }
  return h;
}

bool InvertSpd(const std::vector<double>& h, std::vector<double>* inv) {
  if (h.size() == 1) {
    if (!(h[0] > 0)) return false;
    *inv = {1 / h[0]};
    return true;
  }
  if (h.size() != 4) return false;
  const double det = h[0] * h[3] - h[1] * h[2];
  if (!(h[0] > 0) || !(det > 0)) return false;
  *inv = {h[3] / det, -h[1] / det, -h[2] / det, h[0] / det};
  return true;
}

}  // namespace sdsim
