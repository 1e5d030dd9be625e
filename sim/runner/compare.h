// Paired comparison of a scenario against a baseline: per replication the difference of the two
// (they ran on common random numbers, so the difference is estimated far more tightly than either
// level), per output row, period and metric. Fed in replication order; memory does not grow with
// the replication count.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "engine/metrics.h"
#include "runner/stats.h"

namespace sdsim {

// The metrics compared: cost, cumulative cost (to the end of each period), clients at the end
// of the period, the mean number in care over it, unique clients, inflow, the scenario's
// investment cost lines; the expected cost owed to waiting clients at the period end
// (backlog_cost) and the cost counting it (cost_with_backlog: cost + the growth of the backlog;
// its cumulative sum is the cumulative cost plus the backlog left at the end); income and saldo.
enum CompareMetric {
  kCmpCost,
  kCmpCostCumulative,
  kCmpClientsEnd,
  kCmpMeanClients,
  kCmpUnique,
  kCmpInflow,
  kCmpInvestment,
  kCmpBacklog,
  kCmpCostWithBacklog,
  kCmpCostWithBacklogCumulative,
  kCmpIncome,
  kCmpSaldo,
  kNumCmp
};
// The summary metric a compared metric is the difference of (-1: none, e.g. cumulative cost).
int CompareLevelMetric(int cmp);
const char* CompareMetricName(int m);

class Comparison {
 public:
  Comparison(const Model& base, const Model& alt);
  void Add(const RepResult& base, const RepResult& alt);

  struct Row {
    const GroupModel* group;  // the row's identity (from the scenario, else the baseline)
    int base_group = -1, alt_group = -1;
    int period = 0;
    int metric = 0;
    Stats diff;           // of (scenario - baseline) across replications
    double p_lower = 0;   // P(difference < 0): for cost, P(saving > 0)
    std::string payback;  // cost_cumulative rows: the first period from which the mean cumulative
                          // difference is a saving to the end of the horizon, or "none"
  };
  std::vector<Row> Rows() const;
  const Model& base() const { return base_; }
  const Model& alt() const { return alt_; }

 private:
  struct Pair {
    int base = -1, alt = -1;  // group indices (-1 = absent: its values count as 0)
    const GroupModel* group = nullptr;
    std::vector<int> investment_alt, investment_base;  // investment cost-line rows inside
  };
  size_t Cell(size_t pair, int period, int metric) const {
    return (pair * periods_ + period) * kNumCmp + metric;
  }
  const Model& base_;
  const Model& alt_;
  int periods_;
  std::vector<Pair> pairs_;
  std::vector<CellStats> cells_;
  std::vector<uint32_t> below_;  // per cell: replications with difference < 0
  std::vector<double> cumulative_;
};

}  // namespace sdsim
