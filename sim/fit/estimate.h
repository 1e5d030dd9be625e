// Estimating a baseline from records: durations per care form (Kaplan-Meier and parametric fits
// under delayed entry and censoring), exits and transitions, re-entry, Wlz exits, the age limit,
// inflow rates with a trend (Poisson regression), and the clients in care on the extract date.
//
// Everything is estimated on an observation window [from, extract]: episodes that began before
// `from` and were still in care on it enter late (left truncation); episodes in care on the
// extract date are censored there; episodes that started after it are not seen. The result is a
// plain value; FitRecords does no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/distribution.h"
#include "fit/parametric.h"
#include "fit/population.h"
#include "fit/records.h"
#include "fit/survival.h"

namespace sdsim {

struct FitOptions {
  int64_t from = kNoDate;     // first day of the window; default: the earliest end date
  int64_t extract = kNoDate;  // last day of the window; default: the latest date in the file
  // A vervolghulp (or age-limit) end is followed by the client's next episode that starts
  // within this many days; it is the transition's destination.
  int transition_days = 31;
  // The fitted scenario projects to 31 December of this year (default: the last population year,
  // at least the year after the extract date).
  int until_year = 0;
};

struct DurationFit {
  int n = 0, events = 0, truncated = 0, censored = 0, competing = 0;
  std::vector<KmStep> km;
  std::vector<ParametricFit> fits;  // one per family, in kFamilies order
  int chosen = -1;                  // index into fits, or -1: the empirical table
  Distribution empirical;           // buckets from Kaplan-Meier (always computed)
  std::string choice;               // why this choice, for the report
  Distribution Chosen() const { return chosen >= 0 ? fits[chosen].ToDistribution() : empirical; }
  double mean = 0, mean_se = 0;  // of the chosen distribution, days
};

struct ExitFit {
  int ended[kNumEndReasons] = {};  // episodes ended in the window, by reason
  // Shares of the ends by duration (afgerond, overgedragen, vervolghulp, voortijdig).
  double share[kNumEndReasons] = {};
  // vervolghulp: destination forms (indices into RecordSet::forms) and their probabilities of
  // all duration ends; `unknown_destination` ends had no next episode within the set days.
  std::vector<std::pair<int, double>> next;
  int unknown_destination = 0;
  double wlz_per_year = 0;  // probability per year in care of leaving for the Wlz
  double care_years = 0;    // exposure in the window
  // Re-entry after afgerond/voortijdig: probability and mean delay (exponential), by maximum
  // likelihood with the follow-up censored at the extract date.
  int reentry_exits = 0, reentered = 0;
  double reentry_probability = 0, reentry_se = 0, reentry_delay = 0;
};

struct InflowFit {
  int band = -1;  // driving band (index into PopulationTable::bands)
  std::vector<int> years;
  std::vector<double> counts, exposure;  // first entries and the fraction of each year seen
  double rate = 0;   // first entries per year per 1,000 of the driving band, in ref_year
  double trend = 0;  // per year (exp(beta) - 1); 0 when fewer than two years are seen
  bool has_trend = false;
  double log_rate_se = 0;  // of log(rate) in the middle of the projection
  double trend_se = 0;
  int ref_year = 0;
  struct Group {
    int band = 0;
    int lo = 0, hi = 0;   // ages at entry, whole years
    double share = 0;     // of the form's first entries
    double per_1000 = 0;  // per 1,000 of its band in ref_year
  };
  std::vector<Group> groups;
  double gk_share = 0;                      // share arriving by the rechter route (gedwongen kader)
  std::vector<std::pair<int, int>> routes;  // (route index, entries)
  int entries = 0, transitions_in = 0, reentries_in = 0;
  double mean_wait_days = -1;  // request_date to start_date, when given
  double pgb_share = -1;       // of entries with a pgb value
};

struct StockFit {
  std::vector<int64_t> elapsed;  // days in care on the extract date, one per client
  std::vector<int64_t> birth;    // birth days
  int gk = 0;                    // of them arrived by the rechter route
};

struct AgeLimitFit {
  int age = 0;  // 0 = no limit seen
  int until_age = 0;
  int reaching = 0;  // clients in care on their limit birthday in the window
  double verlengd = 0;
  std::vector<std::pair<int, double>> transfer;  // forms of other domains
};

struct FitResult {
  int64_t from = 0, extract = 0;
  int ref_year = 0, until_year = 0;
  int episodes_used = 0, episodes_before = 0, episodes_after = 0;
  std::vector<DurationFit> durations;  // per form
  std::vector<ExitFit> exits;          // per form
  std::vector<InflowFit> inflow;       // per form
  std::vector<StockFit> stock;         // per form
  std::vector<AgeLimitFit> age_limit;  // per domain
  std::vector<std::string> notes;      // warnings for the report
};

// Returns false with *error when the window or population cannot support a fit.
bool FitRecords(const RecordSet& records, const PopulationTable& population,
                const FitOptions& options, FitResult* out, std::string* error);

// --- the parts, one file each ---
// durations.cpp: the survival data of one form's episodes in the window, and its fits.
std::vector<SurvivalObs> DurationData(const RecordSet& r, int form, int64_t from, int64_t extract,
                                      DurationFit* counts);
void FitDurations(const std::vector<SurvivalObs>& data, DurationFit* out);
// flows.cpp: exits, transitions, re-entry and the age limit; and how each episode began.
enum class Arrival : uint8_t { kEntry, kTransition, kReentry, kAgeTransfer };
std::vector<Arrival> ClassifyArrivals(const RecordSet& r, int transition_days);
void FitExits(const RecordSet& r, const FitOptions& o, int64_t from, int64_t extract,
              FitResult* out);
// inflow.cpp: first entries per year and form as rates per 1,000 with a trend.
void FitInflow(const RecordSet& r, const PopulationTable& pop, const std::vector<Arrival>& kinds,
               int64_t from, int64_t extract, int ref_year, int until_year, FitResult* out);
// Poisson regression log E[count_i] = offset_i + a + b x_i; false if it does not converge.
bool PoissonRegression(const std::vector<double>& counts, const std::vector<double>& offset,
                       const std::vector<double>& x, bool with_slope, double* a, double* b,
                       double cov[4]);

}  // namespace sdsim
