// Booking the cost of a stretch of care to reporting periods, day-accurately: the tariff curve's
// integral over [from, to) is split at period boundaries (calendar years, halves or months).
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "core/rate_curve.h"

namespace sdsim {

// Adds sign x the cost of care over [from, to) to cost[p * stride] for each period p it overlaps
// (sign -1 takes back the cost of care cut short). `period_end[p]` is the end of period p;
// `first` is the period containing `from`. Requires from <= to <= period_end.back().
inline void BookToPeriods(const RateCurve& tariff, const std::vector<double>& period_end,
                          size_t first, double from, double to, double* cost, size_t stride,
                          double sign = 1.0) {
  size_t p = first;
  while (true) {
    const double hi = std::min(to, period_end[p]);
    cost[p * stride] += sign * tariff.Integral(from, hi);
    if (to <= period_end[p] || p + 1 == period_end.size()) return;
    from = hi;
    ++p;
  }
}

}  // namespace sdsim
