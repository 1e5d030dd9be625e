// RateCurve: a piecewise-constant rate over simulation time, with its running integral.
//
// Used for tariffs (euros per day, changing per month for a monthly tariff, per year with
// indexation, or on a contract date) and for arrival intensities (requests per day, changing with
// population, trend and levers). Segments start on whole days. Integral() is O(1) through a
// day-to-segment table, so booking the cost of a care episode never searches.
// Immutable after construction; safe to share between threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sdsim {

class RateCurve {
 public:
  RateCurve() = default;
  // `starts` are whole days, strictly increasing, starts[0] == 0; `rates` has the same size.
  RateCurve(std::vector<double> starts, std::vector<double> rates, double horizon);
  static RateCurve Constant(double rate, double horizon);

  double horizon() const { return horizon_; }
  bool is_constant() const { return rates_.size() == 1; }
  const std::vector<double>& starts() const { return starts_; }
  const std::vector<double>& rates() const { return rates_; }

  double RateAt(double t) const { return rates_[Segment(t)]; }
  // Integral of the rate over [0, t], for 0 <= t <= horizon.
  double Integral(double t) const {
    if (is_constant()) return rates_[0] * t;
    const size_t s = Segment(t);
    return cum_[s] + rates_[s] * (t - starts_[s]);
  }
  double Integral(double a, double b) const { return Integral(b) - Integral(a); }
  // The time t >= from at which the integral has grown by `mass` (> 0); +infinity if that lies
  // beyond the horizon. Used to draw the next arrival of a non-homogeneous Poisson process.
  double Advance(double from, double mass) const;

  // Pointwise product with another curve on the same horizon (the union of breakpoints).
  RateCurve Times(const RateCurve& other) const;
  // Pointwise sum with another curve on the same horizon; an empty (default) curve counts as 0.
  RateCurve Plus(const RateCurve& other) const;
  // This curve before `day`, `after` from `day` on (a price change on a contract date).
  RateCurve Splice(const RateCurve& after, double day) const;
  // Every rate replaced by fn(rate).
  template <class F>
  RateCurve Map(F fn) const {
    std::vector<double> rates = rates_;
    for (double& r : rates) r = fn(r);
    return RateCurve(starts_, std::move(rates), horizon_);
  }
  // Every rate multiplied by `factor`.
  RateCurve Scaled(double factor) const;

 private:
  size_t Segment(double t) const {
    const auto day = static_cast<size_t>(t);
    return day < segment_of_day_.size() ? segment_of_day_[day] : rates_.size() - 1;
  }

  std::vector<double> starts_, rates_, cum_;
  std::vector<uint32_t> segment_of_day_;
  double horizon_ = 0;
};

}  // namespace sdsim
