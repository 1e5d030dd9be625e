// RateCurve construction, inversion and products.
#include "core/rate_curve.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sdsim {

RateCurve::RateCurve(std::vector<double> starts, std::vector<double> rates, double horizon)
    : starts_(std::move(starts)), rates_(std::move(rates)), horizon_(horizon) {
  // Merge neighbouring segments with equal rates: a constant curve gets the fast path.
  std::vector<double> s, r;
  for (size_t i = 0; i < starts_.size(); ++i) {
    if (!r.empty() && r.back() == rates_[i]) continue;
    s.push_back(starts_[i]);
    r.push_back(rates_[i]);
  }
  starts_ = std::move(s);
  rates_ = std::move(r);
  cum_.assign(starts_.size(), 0.0);
  for (size_t i = 1; i < starts_.size(); ++i)
    cum_[i] = cum_[i - 1] + rates_[i - 1] * (starts_[i] - starts_[i - 1]);
  if (rates_.size() > 1) {
    segment_of_day_.resize(static_cast<size_t>(std::ceil(horizon)) + 1);
    size_t seg = 0;
    for (size_t d = 0; d < segment_of_day_.size(); ++d) {
      while (seg + 1 < starts_.size() && starts_[seg + 1] <= static_cast<double>(d)) ++seg;
      segment_of_day_[d] = static_cast<uint32_t>(seg);
    }
  }
}

RateCurve RateCurve::Constant(double rate, double horizon) {
  return RateCurve({0.0}, {rate}, horizon);
}

double RateCurve::Advance(double from, double mass) const {
  const double inf = std::numeric_limits<double>::infinity();
  double t = inf;
  if (is_constant()) {
    if (rates_[0] > 0) t = from + mass / rates_[0];
  } else {
    size_t s = Segment(from);
    double at = from;
    while (true) {
      const double seg_end = s + 1 < starts_.size() ? starts_[s + 1] : inf;
      const double room = rates_[s] * (seg_end - at);
      if (rates_[s] > 0 && mass <= room) {
        t = at + mass / rates_[s];
        break;
      }
      if (std::isinf(seg_end)) break;
      mass -= room;
      at = seg_end;
      ++s;
    }
  }
  return t < horizon_ ? t : inf;
}

RateCurve RateCurve::Times(const RateCurve& o) const {
  std::vector<double> starts;
  std::merge(starts_.begin(), starts_.end(), o.starts_.begin(), o.starts_.end(),
             std::back_inserter(starts));
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::vector<double> rates;
  for (double s : starts) rates.push_back(RateAt(s) * o.RateAt(s));
  return RateCurve(std::move(starts), std::move(rates), horizon_);
}

RateCurve RateCurve::Plus(const RateCurve& o) const {
  if (o.starts_.empty()) return *this;
  if (starts_.empty()) return o;
  std::vector<double> starts;
  std::merge(starts_.begin(), starts_.end(), o.starts_.begin(), o.starts_.end(),
             std::back_inserter(starts));
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::vector<double> rates;
  for (double s : starts) rates.push_back(RateAt(s) + o.RateAt(s));
  return RateCurve(std::move(starts), std::move(rates), horizon_);
}

RateCurve RateCurve::Splice(const RateCurve& after, double day) const {
  if (starts_.empty()) return after;
  std::vector<double> starts, rates;
  for (size_t i = 0; i < starts_.size(); ++i)
    if (starts_[i] < day) {
      starts.push_back(starts_[i]);
      rates.push_back(rates_[i]);
    }
  starts.push_back(day);
  rates.push_back(after.RateAt(day));
  for (size_t i = 0; i < after.starts_.size(); ++i)
    if (after.starts_[i] > day) {
      starts.push_back(after.starts_[i]);
      rates.push_back(after.rates_[i]);
    }
  return RateCurve(std::move(starts), std::move(rates), horizon_);
}

RateCurve RateCurve::Scaled(double factor) const {
  std::vector<double> rates = rates_;
  for (double& r : rates) r *= factor;
  return RateCurve(starts_, std::move(rates), horizon_);
}

}  // namespace sdsim
