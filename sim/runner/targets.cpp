// Target evaluation per replication.
#include "runner/targets.h"

#include <cmath>

namespace sdsim {

TargetTracker::TargetTracker(const Model& model)
    : model_(model),
      layout_{model.calendar.num_periods(), model.num_groups(), kNumMetrics},
      values_(model.targets.size()) {}

void TargetTracker::Add(const RepResult& result) {
  for (size_t i = 0; i < model_.targets.size(); ++i) {
    const TargetModel& t = model_.targets[i];
    double v = 0;
    for (int g : t.groups) v += result.values[layout_.Index(t.period, g, t.metric)];
    values_[i].push_back(v);
  }
}

std::vector<TargetResult> TargetTracker::Results() const {
  std::vector<TargetResult> out;
  for (size_t i = 0; i < model_.targets.size(); ++i) {
    const TargetModel& t = model_.targets[i];
    TargetResult r;
    r.target = &t;
    r.stats = Summarise(values_[i]);
    int met = 0;
    for (double v : values_[i]) met += !std::isnan(v) && v >= t.lower && v <= t.upper;
    r.probability_met = r.stats.n > 0 ? static_cast<double>(met) / r.stats.n : std::nan("");
    r.mean_in_range = r.stats.n > 0 && r.stats.mean >= t.lower && r.stats.mean <= t.upper;
    out.push_back(r);
  }
  return out;
}

}  // namespace sdsim
