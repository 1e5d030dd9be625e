// Writing the fitted scenario (see scenario_writer.h).
#include "fit/scenario_writer.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/calendar.h"
#include "core/model.h"
#include "fit/commented_json.h"

namespace sdsim {
namespace {

constexpr double kDaysPerMonth = kDaysPerYear / 12;

// Keys of base[key_path] that `ours` does not set become null, so the merge replaces the whole
// object instead of mixing the base's keys into the fitted ones.
void ReplaceWhole(Json* ours, const Json* base) {
  if (!base || !base->is_object() || !ours->is_object()) return;
  for (auto it = base->begin(); it != base->end(); ++it)
    if (!ours->contains(it.key())) (*ours)[it.key()] = nullptr;
}

const Json* Child(const Json* j, const std::string& key) {
  if (!j || !j->is_object()) return nullptr;
  const auto it = j->find(key);
  return it == j->end() ? nullptr : &*it;
}

std::string Num(double v, int digits = 3) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

Json NormalEffect(double sd) {
  const double bound = std::min(0.9, std::max(4 * sd, 1e-6));
  return Json{{"distribution", "normal"},
              {"mean", 0},
              {"sd", Round(sd, 4)},
              {"min", Round(-bound, 4)},
              {"max", Round(bound, 4)}};
}

}  // namespace

Json DistributionJson(const Distribution& d) {
  switch (d.kind()) {
    case DistKind::kExponential:
      return Json{{"type", "exponential"}, {"mean", Round(d.a())}};
    case DistKind::kLognormal:
      return Json{{"type", "lognormal"}, {"mu", Round(d.a())}, {"sigma", Round(d.b())}};
    case DistKind::kGamma:
      return Json{{"type", "gamma"}, {"shape", Round(d.a())}, {"scale", Round(d.b())}};
    case DistKind::kWeibull:
      return Json{{"type", "weibull"}, {"shape", Round(d.a())}, {"scale", Round(d.b())}};
    case DistKind::kFixed:
      return Json{{"type", "fixed"}, {"value", Round(d.a())}};
    case DistKind::kEmpirical: {
      Json buckets = Json::array();
      double sum = 0;
      for (size_t i = 0; i < d.buckets().size(); ++i) {
        const Bucket& b = d.buckets()[i];
        Json j;
        const bool last = i + 1 == d.buckets().size();
        j["upto"] = std::isinf(b.upper) ? Json(nullptr) : Json(Round(b.upper / kDaysPerMonth));
        const double share = last ? Round(1 - sum, 12) : Round(b.share, 8);
        sum += share;
        j["share"] = share;
        if (std::isinf(b.upper)) j["tail_mean"] = Round(b.tail_mean / kDaysPerMonth);
        buckets.push_back(j);
      }
      return Json{{"type", "empirical"}, {"unit", "months"}, {"buckets", buckets}};
    }
  }
  return Json();
}

std::string WriteFittedScenario(const ScenarioWriterInput& in) {
  const RecordSet& r = *in.records;
  const PopulationTable& pop = *in.population;
  const FitResult& fit = *in.fit;
  std::map<std::string, std::string> notes;
  Json doc = Json::object();
  doc["name"] = in.name;
  doc["description"] = "Baseline fitted by sdsim fit from " + r.file + " (window " +
                       FormatDay(fit.from) + " .. " + FormatDay(fit.extract) + ")";
  if (!in.extends.empty()) {
    doc["extends"] = in.extends;
    notes["/extends"] =
        "Prices, capacities, the toegang, levers and cost lines come from this file; what the\n"
        "records tell (durations, flows, demand, the clients in care) replaces its values here.";
  }
  doc["start_date"] = FormatDay(fit.extract + 1);
  doc["end_date"] = FormatDate(Date{fit.until_year, 12, 31});
  notes["/start_date"] = "the day after the extract date";
  // Population: counts in the first projected year, growth per year to the last year given.
  Json bands = Json::object();
  for (size_t b = 0; b < pop.bands.size(); ++b) {
    const double c0 = pop.Count(static_cast<int>(b), fit.ref_year);
    const int years = pop.last_year - fit.ref_year;
    const double growth =
        years > 0 ? std::pow(pop.Count(static_cast<int>(b), pop.last_year) / c0, 1.0 / years) - 1
                  : 0.0;
    bands[pop.bands[b].id] = {{"count", Round(c0)}, {"growth_per_year", Round(growth, 4)}};
  }
  ReplaceWhole(&bands, Child(Child(in.base, "population"), "bands"));
  doc["population"] = {{"bands", bands}};
  notes["/population"] = "from " + pop.file + ": inhabitants in " + std::to_string(fit.ref_year) +
                         ", growth per year to " + std::to_string(pop.last_year);

  Json levers = Json::object();
  Json domains = Json::object();
  for (size_t d = 0; d < r.domains.size(); ++d) {
    const std::string& did = r.domains[d];
    const std::string dptr = "/domains/" + PointerToken(did);
    const Json* base_domain = Child(Child(in.base, "domains"), did);
    Json dom = Json::object();
    // The driving band: the band of most first entries.
    int band = -1;
    for (size_t f = 0; f < r.forms.size(); ++f)
      if (r.forms[f].domain == static_cast<int>(d)) band = fit.inflow[f].band;
    if (band >= 0) dom["band"] = pop.bands[band].id;
    const AgeLimitFit& al = fit.age_limit[d];
    if (al.age > 0) {
      Json lim = {{"age", al.age}};
      if (al.verlengd > 0)
        lim["verlengd"] = {{"share", Round(al.verlengd, 4)}, {"until_age", al.until_age}};
      Json tr = Json::object();
      for (const auto& [g, share] : al.transfer) tr[r.forms[g].key] = Round(share, 4);
      if (!tr.empty()) lim["transfer"] = tr;
      ReplaceWhole(&lim, Child(base_domain, "age_limit"));
      dom["age_limit"] = lim;
      notes[dptr + "/age_limit"] = "from " + std::to_string(al.reaching) +
                                   " clients in care on their " + std::to_string(al.age) +
                                   "th birthday in the window";
    } else if (Child(base_domain, "age_limit")) {
      dom["age_limit"] = nullptr;
    }
    // Demand: one stream per form and age group (and the rechter route), bypassing the toegang.
    Json demand = Json::object();
    if (const Json* bd = Child(base_domain, "demand"))
      for (auto it = bd->begin(); it != bd->end(); ++it) demand[it.key()] = nullptr;
    for (const char* k : {"arrivals_per_year", "arrivals_per_day", "routing"})
      if (Child(base_domain, k)) dom[k] = nullptr;
    Json forms = Json::object();
    const Json* base_forms = Child(base_domain, "forms");
    for (size_t f = 0; f < r.forms.size(); ++f) {
      if (r.forms[f].domain != static_cast<int>(d)) continue;
      const std::string& fid = r.forms[f].id;
      const std::string fptr = dptr + "/forms/" + PointerToken(fid);
      const Json* base_form = Child(base_forms, fid);
      const InflowFit& in_f = fit.inflow[f];
      const DurationFit& du = fit.durations[f];
      const ExitFit& ex = fit.exits[f];
      const StockFit& st = fit.stock[f];
      Json form = Json::object();
      if (!base_form) {
        form["tariff"] = {{"amount", 0}, {"per", "day"}};
        notes[fptr + "/tariff"] = "not in the records: give prices with --extends FILE";
      }
      Json dur = DistributionJson(du.Chosen());
      ReplaceWhole(&dur, Child(base_form, "duration"));
      form["duration"] = dur;
      notes[fptr + "/duration"] =
          (du.chosen >= 0 ? std::string(FamilyName(du.fits[du.chosen].family)) : "empirical") +
          ": mean " + Num(du.mean, 4) + " days (se " + Num(du.mean_se, 2) + "); " +
          std::to_string(du.n) + " episodes, " + std::to_string(du.events) + " ended, " +
          std::to_string(du.truncated) + " already in care on " + FormatDay(fit.from) + "\n" +
          du.choice;
      Json tr = Json::object();
      for (const auto& [g, p] : ex.next)
        tr[r.forms[g].domain == static_cast<int>(d) ? r.forms[g].id : r.forms[g].key] = Round(p, 4);
      for (EndReason e : {EndReason::kOvergedragen, EndReason::kVoortijdig})
        if (ex.share[static_cast<int>(e)] > 0)
          tr[EndReasonName(e)] = Round(ex.share[static_cast<int>(e)], 4);
      ReplaceWhole(&tr, Child(base_form, "transitions"));
      if (!tr.empty()) form["transitions"] = tr;
      if (ex.reentry_probability > 0) {
        Json re = {{"probability", Round(ex.reentry_probability, 4)},
                   {"delay", {{"type", "exponential"}, {"mean", Round(ex.reentry_delay, 4)}}},
                   {"via", "form"}};
        form["reentry"] = re;
        notes[fptr + "/reentry"] = std::to_string(ex.reentered) + " of " +
                                   std::to_string(ex.reentry_exits) +
                                   " afgerond/voortijdig ends came back (censored at the extract "
                                   "date); probability se " +
                                   Num(ex.reentry_se, 2);
      } else if (Child(base_form, "reentry")) {
        form["reentry"] = nullptr;
      }
      if (ex.wlz_per_year > 0 || Child(base_form, "wlz_exit_per_year"))
        form["wlz_exit_per_year"] = Round(ex.wlz_per_year, 4);
      if (!st.elapsed.empty()) {
        // Each client's real time in care and age on the start date (days).
        Json elapsed = Json::array(), ages = Json::array();
        for (size_t i = 0; i < st.elapsed.size(); ++i) {
          elapsed.push_back(st.elapsed[i]);
          ages.push_back(std::max<int64_t>(fit.extract + 1 - st.birth[i], 0));
        }
        Json init = {{"clients", static_cast<int>(st.elapsed.size())},
                     {"waiting", 0},
                     {"elapsed_days", elapsed},
                     {"age_days", ages}};
        if (st.gk > 0)
          init["gedwongen_kader_share"] = Round(static_cast<double>(st.gk) / st.elapsed.size());
        ReplaceWhole(&init, Child(base_form, "initial"));
        form["initial"] = init;
        notes[fptr + "/initial"] =
            "in care on the extract date " + FormatDay(fit.extract) +
            ": elapsed_days is each client's time in care so far, age_days their age; their "
            "remaining time follows from the duration given the time already in care";
      } else if (Child(base_form, "initial")) {
        form["initial"] = nullptr;
      }
      forms[fid] = form;
      // Streams of this form.
      std::vector<std::string> ids;
      for (int gk = 0; gk < 2; ++gk) {
        const double part = gk ? in_f.gk_share : 1 - in_f.gk_share;
        if (part <= 0) continue;
        for (const InflowFit::Group& g : in_f.groups) {
          const std::string id = fid + "_" + std::to_string(g.lo) + "-" + std::to_string(g.hi) +
                                 (gk ? "_rechter" : "");
          Json s = {{"band", pop.bands[g.band].id},
                    {"per_1000", Round(g.per_1000 * part)},
                    {"trend_per_year", Round(in_f.trend, 4)},
                    {"ages", {g.lo, g.hi}},
                    {"via", "direct"},
                    {"routing", {{fid, 1}}}};
          if (gk) s["gedwongen_kader"] = true;
          demand[id] = s;
          ids.push_back(id);
        }
      }
      if (!ids.empty())
        notes[dptr + "/demand/" + PointerToken(ids.front())] =
            fid + ": " + Num(in_f.rate, 4) + " first entries per 1,000 of " +
            pop.bands[in_f.band].id + " in " + std::to_string(fit.ref_year) + ", trend " +
            Num(100 * in_f.trend, 3) + "% per year" +
            (in_f.has_trend ? " (se " + Num(100 * in_f.trend_se, 2) + ")" : " (one year: none)") +
            "; split by age at entry";
      if (in.parameter_uncertainty && !ids.empty() && in_f.log_rate_se > 0) {
        levers["fit: inflow " + r.forms[f].key] = {{"type", "inflow"},
                                                   {"domain", did},
                                                   {"streams", ids},
                                                   {"change", NormalEffect(in_f.log_rate_se)}};
      }
      if (in.parameter_uncertainty && du.mean > 0 && du.mean_se > 0 && std::isfinite(du.mean_se)) {
        levers["fit: duration " + r.forms[f].key] = {
            {"type", "duration"},
            {"domain", did},
            {"forms", {fid}},
            {"change", NormalEffect(du.mean_se / du.mean)}};
      }
    }
    // Forms of the base that the records do not have: no one is in care there.
    if (base_forms)
      for (auto it = base_forms->begin(); it != base_forms->end(); ++it)
        if (!forms.contains(it.key()) && Child(&*it, "initial"))
          forms[it.key()] = {{"initial", nullptr}};
    dom["demand"] = demand;
    notes[dptr + "/demand"] =
        "first entries per form and age group (care starts that are not a transition or re-entry)";
    dom["forms"] = forms;
    domains[did] = dom;
  }
  doc["domains"] = domains;
  if (!levers.empty()) {
    doc["levers"] = levers;
    notes["/levers"] =
        "estimation uncertainty: each fitted rate and mean duration is drawn once per replication\n"
        "around its estimate with its standard error (sdsim fit --no-parameter-uncertainty: none)";
  }
  notes[""] = "Fitted baseline: " + in.generated_by +
              "\nEvery number comes from the records; fit_report.csv gives each estimate with its "
              "standard error.";
  return PrintCommentedJson(doc, notes);
}

}  // namespace sdsim
