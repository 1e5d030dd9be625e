// Durations per care form: the survival data of its episodes in the observation window (delayed
// entry for episodes already running on its first day, censoring on the extract date and at
// competing exits), Kaplan-Meier, the four parametric fits, and the choice between them.
#include <algorithm>
#include <cmath>

#include "core/model.h"
#include "fit/estimate.h"

namespace sdsim {
namespace {

// The CBS duration buckets: 0-3 m, 3-6 m, 6-12 m, 1-2 y, 2-3 y, 3-4 y, >= 4 y (in months).
constexpr double kBucketMonths[] = {3, 6, 12, 24, 36, 48};
constexpr double kDaysPerMonth = kDaysPerYear / 12;

Distribution EmpiricalFromKm(const std::vector<SurvivalObs>& data, const std::vector<KmStep>& km,
                             double fallback_tail) {
  std::vector<Bucket> buckets;
  double lower = 0, s_lower = 1;
  for (double m : kBucketMonths) {
    // A bucket in which nothing ends is merged into the next one (buckets must be contiguous
    // with positive shares).
    const double upper = m * kDaysPerMonth, s = KmSurvival(km, upper);
    if (s_lower - s > 1e-9) {
      buckets.push_back(Bucket{lower, upper, s_lower - s, 0});
      lower = upper;
      s_lower = s;
    }
  }
  if (s_lower > 1e-9) {
    // The open tail: an exponential excess beyond its lower bound, fitted to the data there.
    double time = 0, events = 0;
    for (const SurvivalObs& o : data)
      if (o.exit > lower) {
        time += o.exit - std::max(o.entry, lower);
        events += o.event;
      }
    const double tail = events > 0 ? time / events : fallback_tail;
    buckets.push_back(Bucket{lower, INFINITY, s_lower, std::max(tail, 1.0)});
  }
  if (buckets.empty()) return Distribution::Exponential(std::max(fallback_tail, 1.0));
  double sum = 0;
  for (const Bucket& b : buckets) sum += b.share;
  for (Bucket& b : buckets) b.share /= sum;
  return Distribution::Empirical(buckets);
}

}  // namespace

std::vector<SurvivalObs> DurationData(const RecordSet& r, int form, int64_t from, int64_t extract,
                                      DurationFit* c) {
  std::vector<SurvivalObs> data;
  for (const Episode& e : r.episodes) {
    if (e.form != form || e.start > extract) continue;
    if (e.end != kOpenEnd && e.end < from) continue;  // ended before the window
    SurvivalObs o;
    o.entry = e.start < from ? static_cast<double>(from - e.start) : 0.0;
    if (e.end != kOpenEnd && e.end <= extract) {
      o.exit = static_cast<double>(e.end - e.start + 1);
      o.event = EndsByDuration(e.reason);
      c->competing += !o.event;
    } else {
      o.exit = static_cast<double>(extract - e.start + 1);
      ++c->censored;
    }
    c->truncated += o.entry > 0;
    c->events += o.event;
    ++c->n;
    data.push_back(o);
  }
  return data;
}

void FitDurations(const std::vector<SurvivalObs>& data, DurationFit* out) {
  out->km = KaplanMeier(data);
  const CompressedSurvival comp = Compress(data);
  double min_entry = INFINITY;
  for (const SurvivalObs& o : data) min_entry = std::min(min_entry, o.entry);
  if (data.empty()) min_entry = 0;
  out->fits.clear();
  for (Family f : kFamilies) out->fits.push_back(FitFamily(f, comp, out->km, min_entry));
  // The best family by AIC among those whose curve stays close to Kaplan-Meier: within the 1%
  // Kolmogorov bound 1.63 / sqrt(events) (at least 0.03: a gap that small does not matter for a
  // projection).
  const double bound = std::max(0.03, 1.63 / std::sqrt(std::max(comp.n_events, 1.0)));
  int best = -1, best_any = -1;
  for (size_t i = 0; i < out->fits.size(); ++i) {
    const ParametricFit& f = out->fits[i];
    if (!f.ok) continue;
    if (best_any < 0 || f.aic < out->fits[best_any].aic) best_any = static_cast<int>(i);
    if (f.distance <= bound && (best < 0 || f.aic < out->fits[best].aic))
      best = static_cast<int>(i);
  }
  const double fallback = best_any >= 0 ? out->fits[best_any].mean : ExponentialMean(comp);
  out->empirical = EmpiricalFromKm(data, out->km, fallback);
  char buf[200];
  if (comp.n_events == 0) {
    out->chosen = 0;
    out->choice = "no episode ended in the window: exponential with the time in care so far";
  } else if (best >= 0) {
    out->chosen = best;
    std::snprintf(buf, sizeof buf, "lowest AIC of the families within %.3f of Kaplan-Meier", bound);
    out->choice = buf;
  } else {
    out->chosen = -1;
    std::snprintf(buf, sizeof buf,
                  "no family within %.3f of Kaplan-Meier: the empirical table (CBS buckets)",
                  bound);
    out->choice = buf;
  }
  if (out->chosen >= 0) {
    out->mean = out->fits[out->chosen].mean;
    out->mean_se = out->fits[out->chosen].mean_se;
  } else {
    out->mean = out->empirical.Mean();
    // The standard error of the mean of the best family stands in for the table's.
    out->mean_se =
        best_any >= 0 ? out->fits[best_any].mean_se / out->fits[best_any].mean * out->mean : 0.0;
  }
}

}  // namespace sdsim
