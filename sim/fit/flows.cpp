// Flows between episodes: how each episode began (a first entry, a transition after vervolghulp,
// a transfer at the age limit, or a re-entry after an earlier end), and per care form the shares
// of the end reasons, the vervolghulp destinations, the Wlz exit hazard and re-entry; per domain
// the age limit (verlengde zorg and transfers at the limit).
#include <algorithm>
#include <cmath>
#include <map>

#include "core/calendar.h"
#include "core/model.h"
#include "fit/estimate.h"
#include "fit/optimize.h"

namespace sdsim {
namespace {

// Episodes of one client: [begin, end) in RecordSet::episodes (sorted by client).
template <class F>
void ForEachClient(const RecordSet& r, F f) {
  size_t i = 0;
  while (i < r.episodes.size()) {
    size_t j = i;
    while (j < r.episodes.size() && r.episodes[j].client == r.episodes[i].client) ++j;
    f(i, j);
    i = j;
  }
}

int AgeOn(int64_t birth, int64_t day) {
  const Date b = CivilFromDays(birth), d = CivilFromDays(day);
  int age = d.year - b.year;
  if (day < DaysFromCivil(BirthdayDate(b, age))) --age;
  return age;
}

// The client's episode (in [begin, end)) that starts first within [from, to], other than `not_i`,
// and passing `ok`; -1 if none.
template <class P>
int NextStart(const RecordSet& r, size_t begin, size_t end, size_t not_i, int64_t from, int64_t to,
              P ok) {
  int best = -1;
  for (size_t k = begin; k < end; ++k) {
    const Episode& e = r.episodes[k];
    if (k == not_i || e.start < from || e.start > to || !ok(e)) continue;
    if (best < 0 || e.start < r.episodes[best].start) best = static_cast<int>(k);
  }
  return best;
}

// Mixture-cure re-entry: a share p comes back after an exponential delay with mean m; follow-up
// is censored at the extract date.
void FitReentry(const std::vector<double>& delays, const std::vector<double>& followups,
                ExitFit* out) {
  out->reentered = static_cast<int>(delays.size());
  out->reentry_exits = static_cast<int>(delays.size() + followups.size());
  if (delays.empty()) return;
  double mean_delay = 0;
  for (double d : delays) mean_delay += d / delays.size();
  const double n = out->reentry_exits;
  const Objective nll = [&](const double* t) {
    const double p = 1 / (1 + std::exp(-t[0])), m = std::exp(t[1]);
    double ll = 0;
    for (double d : delays) ll += std::log(p) - t[1] - d / m;
    for (double c : followups) ll += std::log1p(-p * -std::expm1(-c / m));
    return -ll / n;
  };
  const double p0 = std::clamp(delays.size() / n, 0.01, 0.99);
  std::vector<double> x = {std::log(p0 / (1 - p0)), std::log(std::max(mean_delay, 1.0))};
  Minimize(nll, {-15, 0}, {15, 12}, &x);
  out->reentry_probability = 1 / (1 + std::exp(-x[0]));
  out->reentry_delay = std::exp(x[1]);
  std::vector<double> h = Hessian(nll, x), cov;
  for (double& v : h) v *= n;
  const double p = out->reentry_probability;
  out->reentry_se = InvertSpd(h, &cov) ? p * (1 - p) * std::sqrt(cov[0]) : NAN;
}

}  // namespace

std::vector<Arrival> ClassifyArrivals(const RecordSet& r, int transition_days) {
  std::vector<Arrival> kinds(r.episodes.size(), Arrival::kEntry);
  ForEachClient(r, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const Episode& e = r.episodes[i];
      const int domain = r.forms[e.form].domain;
      // The client's most recent end before this start, and the most recent in the domain.
      int last = -1, last_domain = -1;
      for (size_t k = begin; k < end; ++k) {
        const Episode& p = r.episodes[k];
        if (k == i || p.end == kOpenEnd || p.end >= e.start || p.start > e.start) continue;
        if (last < 0 || p.end > r.episodes[last].end) last = static_cast<int>(k);
        if (r.forms[p.form].domain == domain &&
            (last_domain < 0 || p.end > r.episodes[last_domain].end))
          last_domain = static_cast<int>(k);
      }
      if (last >= 0) {
        const Episode& p = r.episodes[last];
        const bool soon = e.start - p.end <= transition_days;
        if (soon && p.reason == EndReason::kVervolghulp) {
          kinds[i] = Arrival::kTransition;
          continue;
        }
        if (soon && p.reason == EndReason::kLeeftijd && r.forms[p.form].domain != domain) {
          kinds[i] = Arrival::kAgeTransfer;
          continue;
        }
      }
      if (last_domain >= 0 && (r.episodes[last_domain].reason == EndReason::kAfgerond ||
                               r.episodes[last_domain].reason == EndReason::kVoortijdig))
        kinds[i] = Arrival::kReentry;
    }
  });
  return kinds;
}

void FitExits(const RecordSet& r, const FitOptions& o, int64_t from, int64_t extract,
              FitResult* out) {
  const size_t nf = r.forms.size();
  out->exits.assign(nf, ExitFit{});
  std::vector<std::map<int, int>> dest(nf);
  std::vector<int> wlz(nf, 0);
  std::vector<std::vector<double>> delays(nf), followups(nf);
  // Age limit per domain: ages at the leeftijd ends in the window.
  std::vector<std::map<int, int>> limit_ages(r.domains.size());
  for (const Episode& e : r.episodes)
    if (e.reason == EndReason::kLeeftijd && e.end >= from && e.end <= extract)
      ++limit_ages[r.forms[e.form].domain][AgeOn(e.birth, e.end + 1)];
  out->age_limit.assign(r.domains.size(), AgeLimitFit{});
  for (size_t d = 0; d < r.domains.size(); ++d) {
    int total = 0;
    for (const auto& [age, n] : limit_ages[d]) total += n;
    AgeLimitFit& al = out->age_limit[d];
    for (const auto& [age, n] : limit_ages[d]) {
      if (al.age == 0 && n >= 0.1 * total) al.age = age;
      if (al.age > 0 && age > al.age) al.until_age = age;
    }
  }
  std::vector<int> continuing(r.domains.size(), 0);
  std::vector<std::map<int, int>> transfers(r.domains.size());

  ForEachClient(r, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const Episode& e = r.episodes[i];
      const int domain = r.forms[e.form].domain;
      ExitFit& x = out->exits[e.form];
      // Care-years in the window (exposure of the Wlz hazard).
      const int64_t a = std::max(e.start, from);
      const int64_t b = std::min(e.end == kOpenEnd ? extract : e.end, extract);
      if (b >= a) x.care_years += static_cast<double>(b - a + 1) / kDaysPerYear;
      if (e.end == kOpenEnd || e.end < from || e.end > extract) continue;
      ++x.ended[static_cast<int>(e.reason)];
      if (e.reason == EndReason::kWlz) ++wlz[e.form];
      if (e.reason == EndReason::kVervolghulp) {
        const int k = NextStart(r, begin, end, i, e.end, e.end + o.transition_days,
                                [](const Episode&) { return true; });
        if (k >= 0 && r.episodes[k].start <= extract)
          ++dest[e.form][r.episodes[k].form];
        else
          ++x.unknown_destination;
      }
      if (e.reason == EndReason::kAfgerond || e.reason == EndReason::kVoortijdig) {
        const int k = NextStart(r, begin, end, i, e.end + 1, extract,
                                [&](const Episode& n) { return r.forms[n.form].domain == domain; });
        if (k >= 0)
          delays[e.form].push_back(static_cast<double>(r.episodes[k].start - e.end));
        else
          followups[e.form].push_back(static_cast<double>(extract - e.end));
      }
    }
    // The age limit: clients in care in a domain on their limit birthday within the window.
    for (size_t d = 0; d < r.domains.size(); ++d) {
      const AgeLimitFit& al = out->age_limit[d];
      if (al.age == 0) continue;
      const int64_t birthday =
          DaysFromCivil(BirthdayDate(CivilFromDays(r.episodes[begin].birth), al.age));
      if (birthday < from || birthday > extract) continue;
      for (size_t i = begin; i < end; ++i) {
        const Episode& e = r.episodes[i];
        if (r.forms[e.form].domain != static_cast<int>(d) || e.start >= birthday ||
            (e.end != kOpenEnd && e.end < birthday - 1))
          continue;
        if (e.reason == EndReason::kLeeftijd && e.end <= birthday + 7) {
          ++out->age_limit[d].reaching;
          const int k = NextStart(
              r, begin, end, i, e.end, e.end + o.transition_days,
              [&](const Episode& n) { return r.forms[n.form].domain != static_cast<int>(d); });
          if (k >= 0) ++transfers[d][r.episodes[k].form];
        } else if (e.end == kOpenEnd || e.end > birthday + 7) {
          ++out->age_limit[d].reaching;
          ++continuing[d];
        }
        break;
      }
    }
  });

  for (size_t f = 0; f < nf; ++f) {
    ExitFit& x = out->exits[f];
    int by_duration = 0;
    for (int k = 0; k < kNumEndReasons; ++k)
      if (EndsByDuration(static_cast<EndReason>(k))) by_duration += x.ended[k];
    if (by_duration > 0)
      for (int k = 0; k < kNumEndReasons; ++k)
        if (EndsByDuration(static_cast<EndReason>(k)))
          x.share[k] = static_cast<double>(x.ended[k]) / by_duration;
    int known = 0;
    for (const auto& [g, n] : dest[f]) known += n;
    const double vh = x.share[static_cast<int>(EndReason::kVervolghulp)];
    for (const auto& [g, n] : dest[f]) x.next.push_back({g, vh * n / known});
    if (known == 0 && vh > 0) {
      // No destination seen: these ends count as afgerond in the scenario (noted in the report).
      x.share[static_cast<int>(EndReason::kAfgerond)] += vh;
      x.share[static_cast<int>(EndReason::kVervolghulp)] = 0;
      out->notes.push_back(r.forms[f].key +
                           ": no vervolghulp end was followed by a next episode "
                           "within the transition days; counted as afgerond");
    }
    x.wlz_per_year = x.care_years > 0 ? -std::expm1(-wlz[f] / x.care_years) : 0.0;
    FitReentry(delays[f], followups[f], &x);
  }
  for (size_t d = 0; d < r.domains.size(); ++d) {
    AgeLimitFit& al = out->age_limit[d];
    if (al.reaching == 0) continue;
    al.verlengd = static_cast<double>(continuing[d]) / al.reaching;
    for (const auto& [g, n] : transfers[d])
      al.transfer.push_back({g, static_cast<double>(n) / al.reaching});
    if (al.verlengd > 0 && al.until_age <= al.age) al.until_age = al.age + 3;
  }
}

}  // namespace sdsim
