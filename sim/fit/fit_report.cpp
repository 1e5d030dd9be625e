// fit_report.csv and the terminal summary of `sdsim fit` (see fit_report.h).
#include "fit/fit_report.h"

#include <cmath>
#include <cstdio>

#include "core/numbers.h"
#include "fit/commented_json.h"

namespace sdsim {
namespace {

constexpr double kZ95 = 1.959963984540054;

struct Rows {
  CsvWriter w;
  void Add(const std::string& domain, const std::string& form, const char* section,
           const std::string& parameter, double value, double se = kNaN, double n = kNaN,
           const std::string& note = "") {
    w.Text(domain).Text(form).Text(section).Text(parameter).Number(value).Number(se);
    const bool ci = std::isfinite(se);
    w.Number(ci ? value - kZ95 * se : kNaN).Number(ci ? value + kZ95 * se : kNaN);
    w.Number(n).Text(note);
    w.EndRow();
  }
};

}  // namespace

std::string FitReportCsv(const RecordSet& r, const PopulationTable& pop, const FitResult& fit,
                         CsvDialect dialect) {
  Rows rows{CsvWriter(dialect)};
  CsvWriter& w = rows.w;
  for (const char* c :
       {"domain", "form", "section", "parameter", "value", "se", "ci_low", "ci_high", "n", "note"})
    w.Text(c);
  w.EndRow();
  rows.Add("all", "all", "window", "from", kNaN, kNaN, kNaN, FormatDay(fit.from));
  rows.Add("all", "all", "window", "extract_date", kNaN, kNaN, kNaN, FormatDay(fit.extract));
  rows.Add("all", "all", "window", "episodes_used", fit.episodes_used);
  rows.Add("all", "all", "window", "episodes_ended_before_window", fit.episodes_before);
  rows.Add("all", "all", "window", "episodes_after_extract_date", fit.episodes_after);
  rows.Add("all", "all", "window", "skipped_rows", r.skipped_rows);
  for (const std::string& n : fit.notes)
    rows.Add("all", "all", "note", "note", kNaN, kNaN, kNaN, n);
  for (size_t d = 0; d < r.domains.size(); ++d) {
    const AgeLimitFit& al = fit.age_limit[d];
    if (al.age == 0) continue;
    rows.Add(r.domains[d], "all", "age_limit", "age", al.age, kNaN, al.reaching);
    rows.Add(r.domains[d], "all", "age_limit", "verlengd_share", al.verlengd,
             std::sqrt(al.verlengd * (1 - al.verlengd) / al.reaching), al.reaching);
    if (al.verlengd > 0) rows.Add(r.domains[d], "all", "age_limit", "until_age", al.until_age);
    for (const auto& [g, p] : al.transfer)
      rows.Add(r.domains[d], "all", "age_limit", "transfer_" + r.forms[g].key, p,
               std::sqrt(p * (1 - p) / al.reaching), al.reaching);
  }
  for (size_t f = 0; f < r.forms.size(); ++f) {
    const std::string& dom = r.domains[r.forms[f].domain];
    const std::string& form = r.forms[f].id;
    const DurationFit& du = fit.durations[f];
    rows.Add(dom, form, "duration", "episodes", du.n);
    rows.Add(dom, form, "duration", "ended", du.events);
    rows.Add(dom, form, "duration", "left_truncated", du.truncated, kNaN, kNaN,
             "already in care on the first day of the window (delayed entry)");
    rows.Add(dom, form, "duration", "censored", du.censored + du.competing, kNaN, kNaN,
             "in care on the extract date, or ended by wlz/leeftijd");
    if (!du.km.empty()) {
      double median = kNaN;
      for (const KmStep& k : du.km)
        if (k.survival <= 0.5) {
          median = k.time;
          break;
        }
      rows.Add(dom, form, "kaplan_meier", "median_days", median);
      rows.Add(dom, form, "kaplan_meier", "restricted_mean_days", KmRestrictedMean(du.km), kNaN,
               kNaN, "area under the curve up to " + FormatNumber(du.km.back().time) + " days");
    }
    for (size_t i = 0; i < du.fits.size(); ++i) {
      const ParametricFit& p = du.fits[i];
      const std::string fam = FamilyName(p.family);
      const std::string chosen = static_cast<int>(i) == du.chosen ? "chosen" : "";
      const char* n1 = p.family == Family::kExponential ? "mean"
                       : p.family == Family::kLognormal ? "mu"
                                                        : "shape";
      rows.Add(dom, form, "duration_fit", fam + "_" + n1, p.p1, p.p1_se, du.n, chosen);
      if (p.parameters() == 2)
        rows.Add(dom, form, "duration_fit",
                 fam + (p.family == Family::kLognormal ? "_sigma" : "_scale"), p.p2, p.p2_se, du.n,
                 chosen);
      rows.Add(dom, form, "duration_fit", fam + "_mean_days", p.mean, p.mean_se, du.n, chosen);
      rows.Add(dom, form, "duration_fit", fam + "_aic", p.aic, kNaN, du.n,
               p.ok ? chosen : "did not converge");
      rows.Add(dom, form, "duration_fit", fam + "_distance_to_km", p.distance);
    }
    rows.Add(dom, form, "duration", "chosen_mean_days", du.mean, du.mean_se, du.n, du.choice);
    const ExitFit& ex = fit.exits[f];
    int ended = 0;
    for (int k = 0; k < kNumEndReasons; ++k) ended += ex.ended[k];
    for (int k = 0; k < kNumEndReasons; ++k) {
      const double p = ended ? static_cast<double>(ex.ended[k]) / ended : kNaN;
      rows.Add(dom, form, "exits", std::string("ended_") + EndReasonName(static_cast<EndReason>(k)),
               ex.ended[k], kNaN, ended, "share of all ends " + FormatNumber(Round(p, 4)));
    }
    for (const auto& [g, p] : ex.next)
      rows.Add(dom, form, "transitions", "to_" + r.forms[g].key, p, kNaN, kNaN,
               "probability at the end of care (vervolghulp)");
    if (ex.unknown_destination)
      rows.Add(dom, form, "transitions", "vervolghulp_without_next_episode",
               ex.unknown_destination);
    rows.Add(dom, form, "wlz", "exit_per_year", ex.wlz_per_year, kNaN, ex.care_years,
             "n = care-years in the window");
    rows.Add(dom, form, "reentry", "probability", ex.reentry_probability, ex.reentry_se,
             ex.reentry_exits);
    rows.Add(dom, form, "reentry", "mean_delay_days", ex.reentry_delay, kNaN, ex.reentered);
    const InflowFit& in = fit.inflow[f];
    for (size_t y = 0; y < in.years.size(); ++y)
      rows.Add(dom, form, "inflow", "first_entries_" + std::to_string(in.years[y]), in.counts[y],
               kNaN, kNaN, "part of the year seen " + FormatNumber(Round(in.exposure[y], 4)));
    rows.Add(dom, form, "inflow", "per_1000_" + std::to_string(in.ref_year), in.rate,
             in.rate * in.log_rate_se, in.entries,
             "per 1,000 of " + (in.band >= 0 ? pop.bands[in.band].id : std::string("-")));
    rows.Add(dom, form, "inflow", "trend_per_year", in.trend, in.has_trend ? in.trend_se : kNaN,
             in.entries, in.has_trend ? "Poisson regression" : "one year seen: no trend");
    rows.Add(dom, form, "inflow", "transitions_in", in.transitions_in);
    rows.Add(dom, form, "inflow", "reentries_in", in.reentries_in);
    rows.Add(dom, form, "inflow", "gedwongen_kader_share", in.gk_share, kNaN, in.entries,
             "route rechter");
    for (const auto& [route, n] : in.routes)
      rows.Add(dom, form, "inflow", "route_" + r.routes[route], n);
    for (const InflowFit::Group& g : in.groups)
      rows.Add(dom, form, "inflow",
               "age_" + std::to_string(g.lo) + "-" + std::to_string(g.hi) + "_share", g.share);
    if (in.mean_wait_days >= 0)
      rows.Add(dom, form, "inflow", "mean_wait_days", in.mean_wait_days, kNaN, kNaN,
               "request_date to start_date");
    if (in.pgb_share >= 0) rows.Add(dom, form, "inflow", "pgb_share", in.pgb_share);
    const StockFit& st = fit.stock[f];
    double mean_elapsed = 0;
    for (int64_t e : st.elapsed) mean_elapsed += static_cast<double>(e) / st.elapsed.size();
    rows.Add(dom, form, "stock", "clients", static_cast<double>(st.elapsed.size()), kNaN, kNaN,
             "in care on " + FormatDay(fit.extract));
    if (!st.elapsed.empty()) rows.Add(dom, form, "stock", "mean_days_in_care", mean_elapsed);
  }
  return w.str();
}

std::string FitSummary(const RecordSet& r, const PopulationTable& pop, const FitResult& fit) {
  std::string s;
  char buf[400];
  std::snprintf(buf, sizeof buf,
                "Window %s .. %s: %d episodes used (%d ended before it, %d started after it)\n\n",
                FormatDay(fit.from).c_str(), FormatDay(fit.extract).c_str(), fit.episodes_used,
                fit.episodes_before, fit.episodes_after);
  s += buf;
  std::snprintf(buf, sizeof buf, "%-26s %7s %6s %6s  %-30s %16s %9s %7s\n", "form", "episodes",
                "ended", "trunc", "duration (days)", "inflow/1000", "trend", "in care");
  s += buf;
  for (size_t f = 0; f < r.forms.size(); ++f) {
    const DurationFit& du = fit.durations[f];
    const InflowFit& in = fit.inflow[f];
    char dur[64], rate[64];
    std::snprintf(dur, sizeof dur, "%s mean %.0f +- %.0f",
                  du.chosen >= 0 ? FamilyName(du.fits[du.chosen].family) : "empirical", du.mean,
                  1.96 * du.mean_se);
    std::snprintf(rate, sizeof rate, "%.3g (%s)", in.rate,
                  in.band >= 0 ? pop.bands[in.band].id.c_str() : "-");
    std::snprintf(buf, sizeof buf, "%-26s %7d %6d %6d  %-30s %16s %8.1f%% %7zu\n",
                  r.forms[f].key.c_str(), du.n, du.events, du.truncated, dur, rate, 100 * in.trend,
                  fit.stock[f].elapsed.size());
    s += buf;
  }
  for (size_t d = 0; d < r.domains.size(); ++d) {
    const AgeLimitFit& al = fit.age_limit[d];
    if (al.age == 0) continue;
    std::snprintf(buf, sizeof buf, "\n%s: age limit %d (%d clients reached it), verlengd %.0f%%",
                  r.domains[d].c_str(), al.age, al.reaching, 100 * al.verlengd);
    s += buf;
    if (al.verlengd > 0) s += " until " + std::to_string(al.until_age);
    s += "\n";
  }
  if (r.skipped_rows)
    s += "\n" + std::to_string(r.skipped_rows) + " bad rows were skipped (--skip-bad-rows)\n";
  for (const std::string& n : fit.notes) s += "note: " + n + "\n";
  return s;
}

}  // namespace sdsim
