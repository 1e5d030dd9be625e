// Survival data with delayed entry and right censoring, and its Kaplan-Meier estimate.
//
// Each observation is (entry, exit, event): the subject is seen from `entry` (0 for an episode
// that started inside the observation window; the days already in care on the window's first
// day for one that started before it: left truncation, delayed entry) to `exit` (the duration,
// or the time in care when it was censored), and `event` says whether the duration ended there.
// A subject is at risk at time t when entry < t <= exit, as in R's Surv(start, stop, event).
#pragma once

#include <vector>

namespace sdsim {

struct SurvivalObs {
  double entry = 0;
  double exit = 0;
  bool event = false;
};

// One step of the Kaplan-Meier curve: at `time`, `events` of `at_risk` ended; `survival` is the
// estimate just after `time`, with Greenwood's standard error.
struct KmStep {
  double time = 0;
  double at_risk = 0;
  double events = 0;
  double survival = 1;
  double se = 0;
};

// Kaplan-Meier with delayed entry. The curve is conditional on surviving to the smallest entry
// time (0 when some subjects are seen from the start). Steps only at event times, increasing.
std::vector<KmStep> KaplanMeier(const std::vector<SurvivalObs>& data);
// S(t) of a curve (1 before the first step).
double KmSurvival(const std::vector<KmStep>& km, double t);
// The restricted mean: the area under the curve up to its last step.
double KmRestrictedMean(const std::vector<KmStep>& km);

// The data compressed for likelihoods: weighted distinct values of the event times, the censoring
// times and the (positive) entry times.
struct WeightedValues {
  std::vector<double> x, w;
};
struct CompressedSurvival {
  WeightedValues events, censored, entries;
  double n = 0, n_events = 0;
};
CompressedSurvival Compress(const std::vector<SurvivalObs>& data);

}  // namespace sdsim
