// Day kernels by Gauss-Legendre integration of survival functions, day by day, split at the
// distribution's kinks (a fixed value, the bounds of empirical buckets).
#include "expect/kernels.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace sdsim::expect {
namespace {

// 8-point Gauss-Legendre nodes and weights on [-1, 1].
constexpr double kGlX[8] = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
                            -0.1834346424956498, 0.1834346424956498,  0.5255324099163290,
                            0.7966664774136267,  0.9602898564975363};
constexpr double kGlW[8] = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
                            0.3626837833783620, 0.3626837833783620, 0.3137066458778873,
                            0.2223810344533745, 0.1012285362903763};

// Points where the survival function has a kink or jump.
std::vector<double> Kinks(const Distribution& d) {
  std::vector<double> k;
  if (d.kind() == DistKind::kFixed) k.push_back(d.a());
  if (d.kind() == DistKind::kEmpirical)
    for (const Bucket& b : d.buckets()) {
      k.push_back(b.lower);
      if (!std::isinf(b.upper)) k.push_back(b.upper);
    }
  return k;
}

// The cut points of [lo, hi]: the kinks inside, and for the first day (where densities such as a
// gamma with shape < 1 are steep) 16 equal pieces.
std::vector<double> Cuts(double lo, double hi, const std::vector<double>& kinks) {
  std::vector<double> cuts{lo, hi};
  for (double k : kinks)
    if (k > lo && k < hi) cuts.push_back(k);
  if (lo < 1)
    for (int i = 1; i < 16; ++i) cuts.push_back(lo + (hi - lo) * i / 16.0);
  std::sort(cuts.begin(), cuts.end());
  return cuts;
}

// Integrals over [lo, hi] of f(u) and of (u - lo) f(u), split at the cuts.
template <class F>
std::pair<double, double> Integrate2(F f, double lo, double hi, const std::vector<double>& kinks) {
  const std::vector<double> cuts = Cuts(lo, hi, kinks);
  double s0 = 0, s1 = 0;
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    const double a = cuts[i], b = cuts[i + 1];
    if (b <= a) continue;
    const double mid = 0.5 * (a + b), half = 0.5 * (b - a);
    for (int g = 0; g < 8; ++g) {
      const double u = mid + half * kGlX[g], v = kGlW[g] * half * f(u);
      s0 += v;
      s1 += v * (u - lo);
    }
  }
  return {s0, s1};
}

template <class F>
double Integrate(F f, double lo, double hi, const std::vector<double>& kinks) {
  return Integrate2(f, lo, hi, kinks).first;
}

double Survival(const Distribution& d, double x) {
  if (x < 0) return 1.0;
  return std::max(0.0, d.Survival(x));
}

// A0[m] = integral over day m of S(u) e^{-wu}, A1[m] = integral of (u - m) S(u) e^{-wu}; zero once
// the survival has vanished.
void DayIntegrals(const Distribution& d, double w, int days, std::vector<double>* a0,
                  std::vector<double>* a1) {
  const std::vector<double> kinks = Kinks(d);
  a0->assign(days + 1, 0.0);
  a1->assign(days + 1, 0.0);
  for (int m = 0; m <= days; ++m) {
    if (Survival(d, m) * std::exp(-w * m) < 1e-300) break;
    const auto [i0, i1] =
        Integrate2([&](double u) { return Survival(d, u) * std::exp(-w * u); }, m, m + 1.0, kinks);
    (*a0)[m] = i0;
    (*a1)[m] = i1;
  }
}

// Fills E[n] = C[n] - C[n+1] for a point kernel.
void PointEnds(PointKernel* k) {
  const size_t n = k->C.size();
  k->E.assign(n, 0.0);
  for (size_t i = 0; i + 1 < n; ++i) k->E[i] = std::max(0.0, k->C[i] - k->C[i + 1]);
  k->E[n - 1] = k->C[n - 1];  // beyond the last day: not used
}

}  // namespace

CareKernel MakeCareKernel(const Distribution& d, double wlz, int days) {
  CareKernel k;
  k.wlz = wlz;
  std::vector<double> a0, a1;
  DayIntegrals(d, wlz, days + 1, &a0, &a1);
  k.C.assign(days + 1, 0.0);
  k.E.assign(days + 1, 0.0);
  k.M.assign(days + 1, 0.0);
  k.E[0] = std::max(0.0, 1.0 - a0[0]);
  k.M[0] = a0[0] - a1[0];
  for (int n = 1; n <= days; ++n) {
    k.C[n] = a0[n - 1];
    k.E[n] = std::max(0.0, a0[n - 1] - a0[n]);
    k.M[n] = a1[n - 1] + a0[n] - a1[n];
  }
  k.support = days + 1;
  while (k.support > 1 && k.C[k.support - 1] == 0 && k.E[k.support - 1] == 0 &&
         k.M[k.support - 1] == 0)
    --k.support;
  return k;
}

PointKernel MakeFreshPointKernel(const Distribution& d, double wlz, int days) {
  PointKernel k;
  k.wlz = wlz;
  std::vector<double> a0, a1;
  DayIntegrals(d, wlz, days + 1, &a0, &a1);
  k.C.assign(days + 2, 0.0);
  k.M.assign(days + 1, 0.0);
  k.C[0] = 1;
  for (int n = 1; n <= days + 1; ++n) k.C[n] = Survival(d, n) * std::exp(-wlz * n);
  for (int n = 0; n <= days; ++n) k.M[n] = a0[n];
  PointEnds(&k);
  k.C.resize(days + 1);
  k.E.resize(days + 1);
  return k;
}

PointKernel MakeInitialKernel(const NodeModel& node, int days) {
  const Distribution& d = node.duration;
  const double w = node.wlz_per_day;
  PointKernel k;
  k.wlz = w;
  k.C.assign(days + 2, 0.0);
  k.M.assign(days + 1, 0.0);
  const std::vector<double> kinks = Kinks(d);
  if (node.initial_elapsed_steady) {
    // A steady flow: the time in care T is the duration cut short by a Wlz exit at hazard w,
    // S_T(u) = S(u) e^{-wu}; the time already in care has density S_T / E[T] and the time still
    // to go (Wlz included) the same, so its survival is C(x) = 1 - G(x) / E[T] with
    // G(x) = integral_0^x S_T (the simulator draws it this way too).
    std::vector<double> a0, a1;
    DayIntegrals(d, w, days + 1, &a0, &a1);
    double mean = d.Mean();
    if (w > 0) {
      mean = 0;
      for (int m = 0;; ++m) {
        const double tail = Survival(d, m) * std::exp(-w * m);
        if (tail < 1e-13 || m > 200 * 366) break;
        mean += m < static_cast<int>(a0.size())
                    ? a0[m]
                    : Integrate([&](double u) { return Survival(d, u) * std::exp(-w * u); }, m,
                                m + 1.0, kinks);
      }
    }
    double g = 0;  // G(n)
    k.C[0] = 1;
    for (int n = 0; n <= days; ++n) {
      k.M[n] = std::max(0.0, 1.0 - (g + a0[n] - a1[n]) / mean);
      g += a0[n];
      k.C[n + 1] = std::max(0.0, 1.0 - g / mean);
    }
  } else if (d.kind() == DistKind::kFixed) {
    // Given time already in care e and a fixed duration a: the remaining time a - e exceeds x
    // when e < a - x, so R(x) = P(e < a - x) (those with e >= a end at once).
    const Distribution& el = node.initial_elapsed;
    const double a = d.a();
    auto remaining = [&](double x) { return a - x <= 0 ? 0.0 : el.Cdf(a - x); };
    std::vector<double> kinks_el;
    for (double kk : Kinks(el)) kinks_el.push_back(a - kk);
    kinks_el.push_back(a);
    k.C[0] = 1;
    for (int n = 0; n <= days; ++n) {
      k.C[n + 1] = remaining(n + 1.0) * std::exp(-w * (n + 1.0));
      k.M[n] = Integrate([&](double u) { return remaining(u) * std::exp(-w * u); }, n, n + 1.0,
                         kinks_el);
    }
  } else {
    // Given time already in care: R(x) = E[S(e + x) / S(e)] over the elapsed time e, by the
    // midpoint rule on its quantiles (one point if it is fixed).
    const Distribution& el = node.initial_elapsed;
    const int points = el.kind() == DistKind::kFixed ? 1 : 512;
    std::vector<double> e(points), s(points);
    for (int i = 0; i < points; ++i) {
      e[i] = std::max(0.0, el.Quantile((i + 0.5) / points));
      s[i] = d.kind() == DistKind::kExponential ? 1.0 : Survival(d, e[i]);
    }
    auto remaining = [&](int i, double x) {
      if (d.kind() == DistKind::kExponential || e[i] <= 0) return Survival(d, x);  // a fresh draw
      return s[i] > 0 ? Survival(d, e[i] + x) / s[i] : 0.0;
    };
    // R averaged over the points is smooth: Simpson's rule per day for the client-days.
    auto r = [&](double x) {
      double sum = 0;
      for (int i = 0; i < points; ++i) sum += remaining(i, x);
      return sum / points * std::exp(-w * x);
    };
    k.C[0] = 1;
    double left = 1;
    for (int n = 0; n <= days; ++n) {
      const double mid = r(n + 0.5), right = r(n + 1.0);
      k.C[n + 1] = right;
      k.M[n] = (left + 4 * mid + right) / 6;
      left = right;
    }
  }
  PointEnds(&k);
  k.C.resize(days + 1);
  k.E.resize(days + 1);
  return k;
}

std::vector<double> MakeDelayKernel(const Distribution& d, int days) {
  return MakeCareKernel(d, 0.0, days).E;
}

}  // namespace sdsim::expect
