// Inflow per care form: first entries (episodes that are not a transition, an age-limit transfer
// or a re-entry) per calendar year of the window, as a rate per 1,000 inhabitants with a trend
// per year from a Poisson regression on the yearly counts, and the age mix of the entrants.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/calendar.h"
#include "fit/estimate.h"

namespace sdsim {
namespace {

int YearOf(int64_t day) { return CivilFromDays(day).year; }
int64_t YearStart(int year) { return DaysFromCivil(Date{year, 1, 1}); }

int AgeAtStart(int64_t birth, int64_t day) {
  const Date b = CivilFromDays(birth), d = CivilFromDays(day);
  int age = d.year - b.year;
  if (day < DaysFromCivil(BirthdayDate(b, age))) --age;
  return std::max(age, 0);
}

// Width of the age groups within a band: 3 years in narrow bands (youth: the age limit needs the
// ages near it), 10 in wide ones.
int GroupWidth(const PopulationBand& b) { return b.hi - b.lo + 1 <= 25 ? 3 : 10; }

}  // namespace

bool PoissonRegression(const std::vector<double>& n, const std::vector<double>& off,
                       const std::vector<double>& x, bool slope, double* a, double* b,
                       double cov[4]) {
  double sn = 0, se = 0;
  for (size_t i = 0; i < n.size(); ++i) {
    sn += n[i];
    se += std::exp(off[i]);
  }
  if (sn <= 0 || se <= 0) return false;
  *a = std::log(sn / se);
  *b = 0;
  for (int it = 0; it < 100; ++it) {
    double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
    for (size_t i = 0; i < n.size(); ++i) {
      const double mu = std::exp(off[i] + *a + *b * x[i]);
      g0 += n[i] - mu;
      g1 += (n[i] - mu) * x[i];
      h00 += mu;
      h01 += mu * x[i];
      h11 += mu * x[i] * x[i];
    }
    double da, db = 0;
    if (slope) {
      const double det = h00 * h11 - h01 * h01;
      if (!(det > 0)) return false;
      da = (h11 * g0 - h01 * g1) / det;
      db = (h00 * g1 - h01 * g0) / det;
      cov[0] = h11 / det, cov[1] = cov[2] = -h01 / det, cov[3] = h00 / det;
    } else {
      da = g0 / h00;
      cov[0] = 1 / h00, cov[1] = cov[2] = cov[3] = 0;
    }
    // Damped steps keep the first iterations from overshooting.
    const double scale = std::max({1.0, std::fabs(da), std::fabs(db)});
    *a += da / scale;
    *b += db / scale;
    if (std::fabs(da) < 1e-12 && std::fabs(db) < 1e-12) return true;
  }
  return false;
}

void FitInflow(const RecordSet& r, const PopulationTable& pop, const std::vector<Arrival>& kinds,
               int64_t from, int64_t extract, int ref_year, int until_year, FitResult* out) {
  const size_t nf = r.forms.size();
  out->inflow.assign(nf, InflowFit{});
  // Counts per form: by year, by (band, age group), by route; waits and PGB.
  std::vector<std::map<int, double>> by_year(nf);
  std::vector<std::map<std::pair<int, int>, int>> by_group(nf);
  std::vector<double> wait_sum(nf, 0), wait_n(nf, 0), pgb_sum(nf, 0), pgb_n(nf, 0);
  std::vector<std::map<int, int>> routes(nf);
  std::vector<std::vector<int>> band_entries(r.domains.size(),
                                             std::vector<int>(pop.bands.size(), 0));
  int outside = 0;
  for (size_t i = 0; i < r.episodes.size(); ++i) {
    const Episode& e = r.episodes[i];
    if (e.start < from || e.start > extract) continue;
    InflowFit& f = out->inflow[e.form];
    if (kinds[i] == Arrival::kTransition || kinds[i] == Arrival::kAgeTransfer) {
      ++f.transitions_in;
      continue;
    }
    if (kinds[i] == Arrival::kReentry) {
      ++f.reentries_in;
      continue;
    }
    ++f.entries;
    by_year[e.form][YearOf(e.start)] += 1;
    const int age = AgeAtStart(e.birth, e.start);
    int b = pop.BandOfAge(age);
    if (b < 0) {
      ++outside;
      b = 0;
      for (size_t k = 0; k < pop.bands.size(); ++k)
        if (std::abs(pop.bands[k].lo - age) < std::abs(pop.bands[b].lo - age))
          b = static_cast<int>(k);
    }
    const PopulationBand& band = pop.bands[b];
    const int lo = band.lo + (std::clamp(age, band.lo, std::min(band.hi, 100)) - band.lo) /
                                 GroupWidth(band) * GroupWidth(band);
    ++by_group[e.form][{b, lo}];
    ++band_entries[r.forms[e.form].domain][b];
    if (e.route >= 0) {
      ++routes[e.form][e.route];
      if (r.routes[e.route] == "rechter") f.gk_share += 1;
    }
    if (e.request != kNoDate) {
      wait_sum[e.form] += static_cast<double>(e.start - e.request);
      wait_n[e.form] += 1;
    }
    if (e.pgb >= 0) {
      pgb_sum[e.form] += e.pgb;
      pgb_n[e.form] += 1;
    }
  }
  if (outside > 0)
    out->notes.push_back(std::to_string(outside) +
                         " first entries have an age outside the population's bands; they were "
                         "counted in the nearest band");
  // The driving band of each domain: the band with the most first entries.
  std::vector<int> drive(r.domains.size(), 0);
  for (size_t d = 0; d < r.domains.size(); ++d)
    drive[d] = static_cast<int>(std::max_element(band_entries[d].begin(), band_entries[d].end()) -
                                band_entries[d].begin());
  const int first_year = YearOf(from), last_year = YearOf(extract);
  const double mid = 0.5 * (ref_year + until_year) - ref_year;
  for (size_t fi = 0; fi < nf; ++fi) {
    InflowFit& f = out->inflow[fi];
    f.ref_year = ref_year;
    f.band = drive[r.forms[fi].domain];
    if (wait_n[fi] > 0) f.mean_wait_days = wait_sum[fi] / wait_n[fi];
    if (pgb_n[fi] > 0) f.pgb_share = pgb_sum[fi] / pgb_n[fi];
    for (const auto& [route, n] : routes[fi]) f.routes.push_back({route, n});
    if (f.entries == 0) continue;
    f.gk_share /= f.entries;
    for (const auto& [key, n] : by_group[fi]) {
      InflowFit::Group g;
      g.band = key.first;
      g.lo = key.second;
      g.hi = std::min({g.lo + GroupWidth(pop.bands[g.band]) - 1, pop.bands[g.band].hi, 100});
      g.share = static_cast<double>(n) / f.entries;
      f.groups.push_back(g);
    }
    // Offsets: the part of each year seen x the population index of this form's age mix.
    const double p_drive = pop.Count(f.band, ref_year);
    std::vector<double> offset, x;
    int full_years = 0;
    for (int y = first_year; y <= last_year; ++y) {
      const int64_t a = std::max(from, YearStart(y)), b = std::min(extract, YearStart(y + 1) - 1);
      const double seen =
          static_cast<double>(b - a + 1) / static_cast<double>(YearStart(y + 1) - YearStart(y));
      double index = 0;
      for (const InflowFit::Group& g : f.groups)
        index += g.share * pop.Count(g.band, y) / pop.Count(g.band, ref_year);
      f.years.push_back(y);
      f.counts.push_back(by_year[fi].count(y) ? by_year[fi][y] : 0.0);
      f.exposure.push_back(seen);
      offset.push_back(std::log(seen * index * p_drive / 1000));
      x.push_back(y - ref_year);
      full_years += seen >= 0.25;
    }
    f.has_trend = full_years >= 2;
    double a = 0, b = 0, cov[4] = {0, 0, 0, 0};
    if (!PoissonRegression(f.counts, offset, x, f.has_trend, &a, &b, cov) && f.has_trend) {
      f.has_trend = false;
      PoissonRegression(f.counts, offset, x, false, &a, &b, cov);
      out->notes.push_back(r.forms[fi].key + ": the inflow trend could not be estimated; 0 used");
    }
    f.rate = std::exp(a);
    f.trend = f.has_trend ? std::expm1(b) : 0.0;
    f.trend_se = f.has_trend ? std::exp(b) * std::sqrt(cov[3]) : 0.0;
    f.log_rate_se = std::sqrt(std::max(cov[0] + 2 * mid * cov[1] + mid * mid * cov[3], 0.0));
    for (InflowFit::Group& g : f.groups)
      g.per_1000 = f.rate * g.share * p_drive / pop.Count(g.band, ref_year);
  }
}

}  // namespace sdsim
