// Day kernels for `sdsim expect`: what happens, day by day, to a unit of clients who start care
// (or a delay, or an assessment), computed from the duration distribution by numerical
// integration of its survival function.
//
// Time runs in whole days as in the simulator's calendar. Clients who start "in day j" are taken
// to start uniformly within [j, j+1): then every count below is exact, and when the ends of one
// form feed the starts of the next, treating those starts as uniform within their day again moves
// no mass in expectation (E[floor(U + D)] = E[D] for U uniform on [0, 1)), so chains of forms keep
// their mean timing to well under a day.
#pragma once

#include <vector>

#include "core/distribution.h"
#include "core/model.h"

namespace sdsim::expect {

// A unit starting uniformly within day 0, with duration D and a competing exit hazard `wlz` per
// day (the Wlz), for n = 0..days:
//   C[n]  still in care at time n (00:00 of day n); C[0] = 0
//   E[n]  care ends (for any reason) during day n
//   M[n]  client-days in care during day n
// Wlz exits during day n are wlz * M[n]; ends by duration are E[n] - wlz * M[n].
// Entries from `support` on are zero.
struct CareKernel {
  std::vector<double> C, E, M;
  double wlz = 0;
  int support = 0;
};
CareKernel MakeCareKernel(const Distribution& d, double wlz, int days);

// A unit present at exactly time 0 (clients in care on the start date, or starting at time 0):
//   C[n]  in care at time n; C[0] = 1
//   E[n]  ends during day n (C[n] - C[n+1])
//   M[n]  client-days during day n
struct PointKernel {
  std::vector<double> C, E, M;
  double wlz = 0;
};
// The clients in care on the start date of a form: remaining time from the equilibrium of the
// duration (steady state) or from the given time already in care.
PointKernel MakeInitialKernel(const NodeModel& node, int days);
// Clients who start a fresh duration at exactly time 0 (those waiting on the start date).
PointKernel MakeFreshPointKernel(const Distribution& d, double wlz, int days);

// The probability that someone leaving uniformly within day 0 comes back during day n, after a
// delay with distribution `d` (the E of a care kernel without hazard).
std::vector<double> MakeDelayKernel(const Distribution& d, int days);

}  // namespace sdsim::expect
