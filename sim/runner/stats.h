// Replication statistics: mean, standard deviation and percentiles of each result value across
// replications, fed in replication order.
//
// Percentiles use linear interpolation between order statistics (R type 7), the same as Excel's
// PERCENTILE.INC, so a user who pastes per-replication results into a spreadsheet gets the same
// numbers. NaN values ("not defined in this replication") are left out of that value's statistics.
#pragma once

#include <cstddef>
#include <vector>

namespace sdsim {

struct Stats {
  int n = 0;  // replications in which the value was defined
  double mean = 0, sd = 0, p5 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0;
};

// Percentile (0..1) of sorted values, type 7.
double Percentile(const std::vector<double>& sorted, double q);
// Stats of a set of values (NaN skipped).
Stats Summarise(std::vector<double> values);

class Aggregator {
 public:
  explicit Aggregator(size_t width) : columns_(width) {}
  size_t width() const { return columns_.size(); }
  // One replication's values (size width()).
  void Add(const std::vector<double>& values);
  Stats Get(size_t index) const { return Summarise(columns_[index]); }
  const std::vector<double>& Column(size_t index) const { return columns_[index]; }

 private:
  std::vector<std::vector<double>> columns_;
};

}  // namespace sdsim
