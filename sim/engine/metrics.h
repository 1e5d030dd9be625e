// The metrics measured per reporting period and output group, and the layout of one
// replication's results (a flat array the aggregator can merge without knowing the model).
#pragma once

#include <cstddef>
#include <vector>

namespace sdsim {

// Every metric is per (period, group). Definitions (all counts are clients):
//   clients_start   in care at the start of the period
//   clients_end     in care at the end of the period
//   inflow          care starts in the period (new clients and clients moving in from another form)
//   outflow         care ends in the period
//   unique_clients  distinct clients in care at any moment of the period
//   waiting_end     on a waiting list at the end of the period
//   mean_wait_days  mean days from joining the form's waiting list to the start of care, over the
//                   starts in the period (0 for those who started at once); empty when no starts
//   waited_share    fraction of the starts in the period that had to wait (empty when no starts)
//   cost            euros booked to days of care in the period
enum Metric : int {
  kClientsStart,
  kClientsEnd,
  kInflow,
  kOutflow,
  kUniqueClients,
  kWaitingEnd,
  kMeanWaitDays,
  kWaitedShare,
  kCost,
  kNumMetrics
};

const char* MetricName(int metric);

struct ResultLayout {
  int periods = 0;
  int groups = 0;
  int metrics = kNumMetrics;
  size_t size() const { return static_cast<size_t>(periods) * groups * metrics; }
  size_t Index(int period, int group, int metric) const {
    return (static_cast<size_t>(period) * groups + group) * metrics + metric;
  }
};

// One replication's metrics, laid out by ResultLayout. NaN marks "not defined" (a mean wait in a
// period without starts).
struct RepResult {
  std::vector<double> values;
};

}  // namespace sdsim
