// Replication statistics: mean, standard deviation and percentiles of each result value across
// replications, fed in replication order, in memory that does not grow with the replication count.
//
// Each value (a "cell") keeps a running mean and variance (Welford), and for the percentiles its
// first 1,000 values exactly; after that an extended P-squared estimator (Jain & Chlamtac 1985,
// Raatikainen 1987), started from the exact sample, follows the percentiles with 15 markers. A cell
// whose values have all been equal so far stores one value. Percentiles of up to 1,000
// replications are exact: linear interpolation between order statistics (R type 7), the same as
// Excel's PERCENTILE.INC. Everything depends only on the values and their order, so results are
// identical for any thread count. NaN values ("not defined in this replication") are skipped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace sdsim {

struct Stats {
  int n = 0;  // replications in which the value was defined
  double mean = 0, sd = 0, p5 = 0, p25 = 0, p50 = 0, p75 = 0, p90 = 0, p95 = 0;
};

// Percentile (0..1) of sorted values, type 7.
double Percentile(const std::vector<double>& sorted, double q);
// Exact stats of a set of values (NaN skipped).
Stats Summarise(std::vector<double> values);

// Streaming statistics of one value across replications.
class CellStats {
 public:
  static constexpr size_t kExactCap = 1000;
  CellStats();
  ~CellStats();
  CellStats(CellStats&&) noexcept;
  CellStats& operator=(CellStats&&) noexcept;
  void Add(double v);
  Stats Get() const;
  // Number of defined values seen.
  int count() const { return static_cast<int>(n_); }

 private:
  struct Sketch;
  uint32_t n_ = 0;
  double mean_ = 0, m2_ = 0;
  bool constant_ = true;
  double first_ = 0;
  std::vector<double> exact_;
  std::unique_ptr<Sketch> sketch_;
};

// Collects replication values per result cell. Only active cells are tracked (a result array has
// many cells that do not apply to their row); inactive cells read as empty. With keep_columns the
// values of every cell are also kept in full (tests that check per-replication identities).
class Aggregator {
 public:
  explicit Aggregator(size_t width) : Aggregator(std::vector<bool>(width, true), true) {}
  Aggregator(const std::vector<bool>& active, bool keep_columns);
  size_t width() const { return slot_.size(); }
  // One replication's values (size width()).
  void Add(const std::vector<double>& values);
  Stats Get(size_t index) const;
  // The values of one cell in replication order (empty unless keep_columns, or inactive).
  const std::vector<double>& Column(size_t index) const;
  int replications() const { return replications_; }

 private:
  std::vector<int> slot_;      // cell -> slot, or -1
  std::vector<size_t> cells_;  // slot -> cell
  std::vector<CellStats> stats_;
  bool keep_columns_;
  std::vector<std::vector<double>> columns_;
  int replications_ = 0;
};

}  // namespace sdsim
