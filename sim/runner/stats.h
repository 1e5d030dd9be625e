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

// Collects replication values per result cell. Only cells marked active are kept (a model's
// result array has many cells that do not apply to their row); inactive cells read as empty.
class Aggregator {
 public:
  explicit Aggregator(size_t width) : Aggregator(std::vector<bool>(width, true)) {}
  explicit Aggregator(const std::vector<bool>& active);
  size_t width() const { return slot_.size(); }
  // One replication's values (size width()).
  void Add(const std::vector<double>& values);
  Stats Get(size_t index) const;
  // The values of one cell in replication order (empty for an inactive cell).
  const std::vector<double>& Column(size_t index) const;
  int replications() const { return replications_; }

 private:
  std::vector<int> slot_;  // cell -> column, or -1
  std::vector<size_t> cells_;  // column -> cell
  std::vector<std::vector<double>> columns_;
  int replications_ = 0;
};

}  // namespace sdsim
