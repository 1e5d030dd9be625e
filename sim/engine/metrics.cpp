// Metric names as they appear in summary.csv.
#include "engine/metrics.h"

namespace sdsim {

const char* MetricName(int metric) {
  static const char* const kNames[kNumMetrics] = {
      "clients_start", "clients_end",    "inflow", "outflow", "unique_clients",
      "waiting_end",   "mean_wait_days", "waited_share", "cost"};
  return metric >= 0 && metric < kNumMetrics ? kNames[metric] : "?";
}

}  // namespace sdsim
