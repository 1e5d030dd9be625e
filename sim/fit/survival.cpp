// Kaplan-Meier with delayed entry, and compressing survival data (see survival.h).
#include "fit/survival.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace sdsim {

std::vector<KmStep> KaplanMeier(const std::vector<SurvivalObs>& data) {
  std::vector<double> entries, exits;
  std::map<double, double> events;
  for (const SurvivalObs& o : data) {
    entries.push_back(o.entry);
    exits.push_back(o.exit);
    if (o.event) events[o.exit] += 1;
  }
  std::sort(entries.begin(), entries.end());
  std::sort(exits.begin(), exits.end());
  std::vector<KmStep> km;
  double s = 1, greenwood = 0;
  for (const auto& [t, d] : events) {
    // At risk: entry < t <= exit.
    const double entered =
        static_cast<double>(std::lower_bound(entries.begin(), entries.end(), t) - entries.begin());
    const double left =
        static_cast<double>(std::lower_bound(exits.begin(), exits.end(), t) - exits.begin());
    const double n = entered - left;
    if (n <= 0) continue;
    s *= 1 - d / n;
    if (n > d) greenwood += d / (n * (n - d));
    km.push_back(KmStep{t, n, d, s, s * std::sqrt(greenwood)});
  }
  return km;
}

double KmSurvival(const std::vector<KmStep>& km, double t) {
  // The last step at or before t.
  const auto it = std::upper_bound(km.begin(), km.end(), t,
                                   [](double v, const KmStep& k) { return v < k.time; });
  return it == km.begin() ? 1.0 : std::prev(it)->survival;
}

double KmRestrictedMean(const std::vector<KmStep>& km) {
  double area = 0, prev_t = 0, prev_s = 1;
  for (const KmStep& k : km) {
    area += prev_s * (k.time - prev_t);
    prev_t = k.time;
    prev_s = k.survival;
  }
  return area;
}

CompressedSurvival Compress(const std::vector<SurvivalObs>& data) {
  std::map<double, double> ev, ce, en;
  CompressedSurvival c;
  for (const SurvivalObs& o : data) {
    (o.event ? ev : ce)[o.exit] += 1;
    if (o.entry > 0) en[o.entry] += 1;
    c.n += 1;
    c.n_events += o.event;
  }
  auto fill = [](const std::map<double, double>& m, WeightedValues* v) {
    for (const auto& [x, w] : m) {
      v->x.push_back(x);
      v->w.push_back(w);
    }
  };
  fill(ev, &c.events);
  fill(ce, &c.censored);
  fill(en, &c.entries);
  return c;
}

}  // namespace sdsim
