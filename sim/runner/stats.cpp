// Replication statistics.
#include "runner/stats.h"

#include <algorithm>
#include <cmath>

namespace sdsim {

double Percentile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return std::nan("");
  const double h = (static_cast<double>(sorted.size()) - 1) * q;
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

Stats Summarise(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }),
               values.end());
  Stats s;
  s.n = static_cast<int>(values.size());
  if (values.empty()) {
    const double nan = std::nan("");
    s.mean = s.sd = s.p5 = s.p25 = s.p50 = s.p75 = s.p95 = nan;
    return s;
  }
  double sum = 0;
  for (double v : values) sum += v;
  s.mean = sum / s.n;
  double ss = 0;
  for (double v : values) ss += (v - s.mean) * (v - s.mean);
  s.sd = s.n > 1 ? std::sqrt(ss / (s.n - 1)) : 0.0;
  std::sort(values.begin(), values.end());
  s.p5 = Percentile(values, 0.05);
  s.p25 = Percentile(values, 0.25);
  s.p50 = Percentile(values, 0.50);
  s.p75 = Percentile(values, 0.75);
  s.p95 = Percentile(values, 0.95);
  return s;
}

Aggregator::Aggregator(const std::vector<bool>& active) : slot_(active.size(), -1) {
  for (size_t i = 0; i < active.size(); ++i) {
    if (!active[i]) continue;
    slot_[i] = static_cast<int>(cells_.size());
    cells_.push_back(i);
  }
  columns_.resize(cells_.size());
}

void Aggregator::Add(const std::vector<double>& values) {
  for (size_t c = 0; c < cells_.size(); ++c) columns_[c].push_back(values[cells_[c]]);
  ++replications_;
}

Stats Aggregator::Get(size_t index) const {
  return slot_[index] < 0 ? Summarise({}) : Summarise(columns_[slot_[index]]);
}

const std::vector<double>& Aggregator::Column(size_t index) const {
  static const std::vector<double> kEmpty;
  return slot_[index] < 0 ? kEmpty : columns_[slot_[index]];
}

}  // namespace sdsim
