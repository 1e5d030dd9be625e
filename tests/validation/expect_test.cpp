// Validation of the expected-value model (sdsim expect): closed forms (M/G/inf for every
// distribution, steady state, Wlz hazard, age limit), and agreement with the simulator for every
// feature and every lever expected values can represent, on small scenarios and on the Dronten
// baseline with its caps lifted: each metric within 4 standard errors of the simulated mean plus a
// stated slack for discretisation. Also determinism and the command line (the capacity refusal
// and --ignore-capacity).
#include "expect/expect.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "expect/ages.h"
#include "io/summary.h"
#include "validation/closed_form.h"
#include "validation/run_model.h"

namespace sdsim::testing {
namespace {

struct Expected {
  Model model;
  ExpectedValues ev;
  int Group(const std::string& domain, const std::string& form) const {
    for (int g = 0; g < model.num_groups(); ++g) {
      const GroupModel& grp = model.groups[g];
      if (grp.domain != domain || grp.form != form) continue;
      if (form != "all" ? grp.kind == GroupKind::kForm || grp.kind == GroupKind::kToegang
                        : grp.kind == GroupKind::kDomain || grp.kind == GroupKind::kTotal)
        return g;
    }
    FAIL("no group " << domain << "/" << form);
    return -1;
  }
  double Get(const std::string& domain, const std::string& form, int period, int metric) const {
    return ev.values[ev.layout.Index(period, Group(domain, form), metric)];
  }
};

std::unique_ptr<Expected> ExpectText(const std::string& text, BuildOptions options = {}) {
  auto e = std::make_unique<Expected>();
  const auto problems = LoadText(text, &e->model, options);
  for (const auto& p : problems) UNSCOPED_INFO(p);
  REQUIRE(problems.empty());
  e->ev = Expect(e->model);
  return e;
}

// Every value expect computes against the simulator's mean: within 4 standard errors of the
// replication mean, plus a slack for what expect does not reproduce bit for bit: sub-day timing
// and the block sums of far history (measured below 2e-5 relative on the Dronten baseline), and
// the simulator's 1024-point table of the steady-state elapsed time (its tail differs from the
// exact equilibrium by at most ~1e-4 of a start-date stock). 2e-4 relative covers both with room.
void CheckAgainstSimulator(const Expected& e, const ModelRun& run,
                           const std::vector<int>& only_metrics = {}) {
  const ResultLayout& L = e.ev.layout;
  REQUIRE(L.size() == run.layout.size());
  int compared = 0, failed = 0;
  double worst = 0;
  std::string worst_text, failures;
  for (int g = 0; g < L.groups; ++g) {
    const GroupModel& grp = e.model.groups[g];
    for (int p = 0; p < L.periods; ++p)
      for (int k = 0; k < L.metrics; ++k) {
        if (!MetricDefined(e.model, grp, k)) continue;
        if (!only_metrics.empty() &&
            std::find(only_metrics.begin(), only_metrics.end(), k) == only_metrics.end())
          continue;
        const double x = e.ev.values[L.Index(p, g, k)];
        if (std::isnan(x)) continue;
        const Stats st = run.agg->Get(run.layout.Index(p, g, k));
        if (st.n == 0) continue;
        // A count never seen in n replications is consistent with an expectation up to ~1/n:
        // the standard error is at least 1/n.
        const double se = std::max(st.sd / std::sqrt(static_cast<double>(st.n)), 1.0 / st.n);
        const double slack = 2e-4 * std::fabs(st.mean) + 1e-6;
        const double dev = std::fabs(x - st.mean);
        ++compared;
        const std::string text = grp.domain + "/" + grp.form + "/" + grp.pillar + "/" +
                                 grp.taakveld + "/" + grp.payer + "/" + grp.age_band + " " +
                                 e.model.calendar.periods()[p].label + " " + MetricName(k) +
                                 ": expect " + std::to_string(x) + ", simulated " +
                                 std::to_string(st.mean) + " (se " + std::to_string(se) + ")";
        const double z = dev / (se + slack / 4);
        if (z > worst) {
          worst = z;
          worst_text = text;
        }
        if (dev > 4 * se + slack) {
          ++failed;
          if (failed <= 20) failures += "\n  " + text;
        }
      }
  }
  INFO("compared " << compared << " values; worst " << worst << " standard errors: " << worst_text
                   << failures);
  CHECK(compared > 0);
  CHECK(failed == 0);
}

const char kMgInf[] = R"({
  "start_date": "2025-01-01", "end_date": "2034-12-31",
  "domains": {
    "exp":   {"arrivals_per_day": 2.0, "forms": {"f": {"duration": {"type": "exponential", "mean": 180},
               "tariff": {"amount": 50, "per": "day"}}}},
    "logn":  {"arrivals_per_day": 2.0, "forms": {"f": {"duration": {"type": "lognormal", "mean": 180, "sd": 150},
               "tariff": {"amount": 50, "per": "day"}}}},
    "gamma": {"arrivals_per_day": 2.0, "forms": {"f": {"duration": {"type": "gamma", "mean": 6, "sd": 5, "unit": "months"},
               "tariff": {"amount": 50, "per": "day"}}}},
    "weib":  {"arrivals_per_day": 2.0, "forms": {"f": {"duration": {"type": "weibull", "mean": 180, "sd": 150},
               "tariff": {"amount": 50, "per": "day"}}}},
    "emp":   {"arrivals_per_day": 2.0, "forms": {"f": {"duration": {"type": "empirical", "unit": "months", "buckets": [
               {"upto": 3, "share": 0.3}, {"upto": 6, "share": 0.3}, {"upto": 12, "share": 0.25},
               {"upto": null, "share": 0.15, "tail_mean": 6}]}, "tariff": {"amount": 50, "per": "day"}}}},
    "fixed": {"arrivals_per_day": 2.0, "forms": {"f": {"duration": {"type": "fixed", "value": 100.5},
               "tariff": {"amount": 50, "per": "day"}}}},
    "heavy": {"arrivals_per_day": 2.0, "forms": {"f": {"duration": {"type": "lognormal", "mean": 3, "sd": 6, "unit": "years"},
               "tariff": {"amount": 50, "per": "day"}}}}
  }
})";

// A jeugd-like domain: a toegang (uncapped: huge staff), streams by age band with a trend, a
// handover to a local team, re-entry via the toegang and straight back, verlengde jeugdhulp and a
// transfer at 18, clients on the start date with ages and a given time in care, PGB, indexation
// and a tariff change; a second domain that receives the transfers (Wlz, payer switch, one-off
// costs, clients waiting on the start date).
const char kJeugdLike[] = R"({"start_date": "2025-01-01", "end_date": "2028-12-31",
   "population": {"bands": {"0-17": {"count": 5000, "growth_per_year": 0.01}, "18-22": {"count": 1500}, "23-99": {"count": 20000}}},
   "indexation": {"base_year": 2025, "rates": {"2026": 0.04, "2027": 0.03}},
   "domains": {
    "j": {"band": "0-17", "handover_to": "lt", "volatility": 0.05,
      "toegang": {"fte": 100000, "assessments_per_fte_per_year": 100, "cost_per_fte": 1,
                  "assessment_time": {"type": "gamma", "mean": 20, "sd": 10}},
      "demand": {
        "t": {"per_1000": 60, "trend_per_year": 0.03,
              "routing": {"lt": 0.4, "amb": 0.3, "res": 0.1, "no_help": 0.1, "algemene_voorziening": 0.1}},
        "h": {"per_1000": 10, "via": "direct", "routing": {"amb": 0.7, "res": 0.3}}},
      "age_limit": {"age": 18, "verlengd": {"share": 0.3, "until_age": 21}, "transfer": {"w.beg": 0.2}},
      "forms": {
        "lt": {"beschikking": false, "duration": {"type": "lognormal", "mean": 6, "sd": 5, "unit": "months"},
               "staff": {"fte": 5, "cost_per_fte": 80000}, "transitions": {"amb": 0.1},
               "reentry": {"probability": 0.2, "delay": {"type": "exponential", "mean": 6, "unit": "months"}},
               "initial": {"clients": 100, "ages": {"0-17": 1}}},
        "amb": {"duration": {"type": "empirical", "unit": "months", "buckets": [{"upto": 3, "share": 0.3}, {"upto": 12, "share": 0.4},
                  {"upto": 36, "share": 0.2}, {"upto": null, "share": 0.1, "tail_mean": 24}]},
                "tariff": {"amount": 10000, "per": "year"}, "pgb": {"share": 0.2, "tariff": {"amount": 7000, "per": "year"}},
                "transitions": {"overgedragen": 0.2, "voortijdig": 0.1, "res": 0.05},
                "reentry": {"probability": 0.15, "delay": {"type": "gamma", "mean": 200, "sd": 100}},
                "initial": {"clients": 200, "ages": {"0-17": 0.8, "18-22": 0.2}}},
        "res": {"duration": {"type": "weibull", "mean": 2, "sd": 1.5, "unit": "years"},
                "tariff": [{"amount": 300, "per": "day"}, {"from": "2027-07-01", "amount": 350, "per": "day"}],
                "transitions": {"amb": 0.3, "voortijdig": 0.1},
                "reentry": {"probability": 0.1, "delay": {"type": "fixed", "value": 90}, "via": "form"},
                "initial": {"clients": 40, "ages": {"0-17": 0.7, "18-22": 0.3}, "time_in_care": {"type": "exponential", "mean": 400}}}}},
    "w": {"band": "23-99", "arrivals_per_year": 100, "routing": {"beg": 1.0},
      "forms": {"beg": {"duration": {"type": "gamma", "mean": 2, "sd": 2, "unit": "years"}, "tariff": {"amount": 20, "per": "day"},
                "one_off": 500, "wlz_exit_per_year": 0.1, "payer": "centrum", "payer_switch": {"date": "2027-01-01", "to": "gemeente"},
                "initial": {"clients": 150, "waiting": 10}}}}}})";

}  // namespace

TEST_CASE("Expect: M/G/inf caseload and cost are lambda x integral of S, for every distribution",
          "[expect]") {
  // clients_end(t) = lambda G(t), cost of a period = tariff lambda integral of G over it. The
  // reference integrates S on a 1/64-day grid; expect must agree within 1e-4 (the brief asks 0.1%).
  auto e = ExpectText(kMgInf);
  const double lambda = 2.0, tariff = 50, h = 1.0 / 64;
  for (const char* domain : {"exp", "logn", "gamma", "weib", "emp", "fixed", "heavy"}) {
    const Distribution& d =
        e->model.nodes[e->model.groups[e->Group(domain, "f")].nodes[0]].duration;
    const auto g = IntegratedSurvival(d, e->model.calendar.horizon(), h);
    for (int p = 0; p < e->model.calendar.num_periods(); ++p) {
      const Period& per = e->model.calendar.periods()[p];
      INFO(domain << " " << per.label << " " << d.Describe());
      const double end = lambda * g[static_cast<size_t>(per.end / h)];
      CHECK(e->Get(domain, "f", p, kClientsEnd) == Approx(end).epsilon(1e-4));
      const auto i0 = static_cast<size_t>(per.begin / h), i1 = static_cast<size_t>(per.end / h);
      double area = 0;
      for (size_t i = i0; i < i1; ++i) area += 0.5 * h * (g[i] + g[i + 1]);
      CHECK(e->Get(domain, "f", p, kCost) == Approx(tariff * lambda * area).epsilon(1e-4));
      CHECK(e->Get(domain, "f", p, kInflow) ==
            Approx(lambda * (per.end - per.begin)).epsilon(1e-12));
      const double start = e->Get(domain, "f", p, kClientsStart);
      CHECK(e->Get(domain, "f", p, kOutflow) ==
            Approx(start + lambda * (per.end - per.begin) - e->Get(domain, "f", p, kClientsEnd))
                .epsilon(1e-9));
      CHECK(e->Get(domain, "f", p, kOutAfgerond) ==
            Approx(e->Get(domain, "f", p, kOutflow)).epsilon(1e-12));
      CHECK(e->Get(domain, "f", p, kMeanWaitDays) == 0.0);
      CHECK(e->Get(domain, "f", p, kWaitingEnd) == 0.0);
      // A form clients never return to: every start is a new client.
      CHECK(e->Get(domain, "f", p, kUniqueClients) ==
            Approx(start + lambda * (per.end - per.begin)));
    }
  }
}

TEST_CASE("Expect: a steady-state stock stays at lambda x E[D]", "[expect]") {
  // Heavy tail (sd twice the mean): remaining durations from the equilibrium keep the caseload
  // exactly at lambda E[D] = 600, and the cost at 10 x 600 per day.
  auto e = ExpectText(R"({"domains": {"d": {"arrivals_per_day": 2, "forms": {"f": {
      "duration": {"type": "lognormal", "mean": 300, "sd": 600}, "tariff": {"amount": 10, "per": "day"},
      "initial": {"clients": 600}}}}}})");
  for (int p = 0; p < 4; ++p) {
    const Period& per = e->model.calendar.periods()[p];
    CHECK(e->Get("d", "f", p, kClientsEnd) == Approx(600).epsilon(1e-5));
    CHECK(e->Get("d", "f", p, kCost) == Approx(10 * 600 * (per.end - per.begin)).epsilon(1e-5));
  }
}

TEST_CASE("Expect: Wlz hazard, fixed elapsed time and a deterministic age limit are exact",
          "[expect]") {
  SECTION("Wlz: an annual probability p leaves at hazard -ln(1-p) per year") {
    auto e = ExpectText(R"({"domains": {"d": {"arrivals_per_year": 0, "forms": {"f": {
        "duration": {"type": "fixed", "value": 20, "unit": "years"}, "tariff": {"amount": 1, "per": "day"},
        "wlz_exit_per_year": 0.05, "initial": {"clients": 1000, "time_in_care": {"type": "fixed", "value": 0}}}}}}})");
    for (int p = 0; p < 4; ++p) {
      const Period& per = e->model.calendar.periods()[p];
      const double alive0 = 1000 * std::pow(0.95, per.begin / kDaysPerYear);
      const double alive1 = 1000 * std::pow(0.95, per.end / kDaysPerYear);
      CHECK(e->Get("d", "f", p, kOutWlz) == Approx(alive0 - alive1).epsilon(1e-9));
      CHECK(e->Get("d", "f", p, kOutflow) == Approx(alive0 - alive1).epsilon(1e-9));
      // Client-days: integral of 1000 x 0.95^(t/year).
      const double rate = -std::log(0.95) / kDaysPerYear;
      CHECK(e->Get("d", "f", p, kCost) == Approx((alive0 - alive1) / rate).epsilon(1e-9));
    }
  }
  SECTION("age limit: 200 clients aged 17 each leave on their 18th birthday") {
    auto e = ExpectText(
        R"({"population": {"bands": {"0-16": {"count": 1000}, "17-17": {"count": 100}, "18-99": {"count": 5000}}},
        "domains": {"d": {"arrivals_per_year": 0, "age_limit": {"age": 18},
          "forms": {"f": {"duration": {"type": "fixed", "value": 10, "unit": "years"}, "tariff": {"amount": 1, "per": "day"},
                          "initial": {"clients": 200, "ages": {"17-17": 1}, "time_in_care": {"type": "fixed", "value": 0}}}}}}})");
    // Births uniform over the days of the window; each is paid until its birthday.
    const expect::AgeCalc ages(e->model.calendar);
    const expect::BirthWindow w =
        expect::DrawWindow(ages, 0, 17, 18);  // as PlaceInitialClients draws
    double days = 0, in_2025 = 0;
    for (int64_t b = w.lo; b <= w.hi; ++b) {
      const int64_t l = ages.Birthday(b, 18);
      days += std::min<int64_t>(l, 365);
      in_2025 += l < 365;
    }
    CHECK(e->Get("d", "f", 0, kCost) == Approx(200 * days / w.size()).epsilon(1e-12));
    CHECK(e->Get("d", "f", 0, kOutAgeOut) == Approx(200 * in_2025 / w.size()).epsilon(1e-12));
    CHECK(e->Get("d", "f", 0, kOutAgeOut) + e->Get("d", "f", 1, kOutAgeOut) ==
          Approx(200).epsilon(1e-12));
    CHECK(e->Get("d", "f", 1, kClientsEnd) == Approx(0).margin(1e-9));
    // Age-band rows: at the end of 2025 the one left (born on 1 January 2008) is 18, in no row.
    for (int g = 0; g < e->model.num_groups(); ++g)
      if (e->model.groups[g].kind == GroupKind::kBand && e->model.groups[g].age_band == "17-17")
        CHECK(e->ev.values[e->ev.layout.Index(0, g, kClientsEnd)] == Approx(0).margin(1e-9));
    CHECK(e->Get("d", "f", 0, kClientsEnd) == Approx(200.0 / w.size()).epsilon(1e-9));
  }
}

TEST_CASE("Expect agrees with the simulator: toegang, routing, transitions, re-entry, age limit",
          "[expect]") {
  const std::string text = kJeugdLike;
  auto e = ExpectText(text);
  auto run = RunModelText(text, 2000, 101);
  CheckAgainstSimulator(*e, *run);
  // Some of the features must really be at work.
  CHECK(e->Get("j", "amb", 0, kOutAgeOut) > 5);
  CHECK(e->Get("w", "beg", 0, kInflow) > 100);   // arrivals and transfers at 18
  CHECK(e->Get("j", "res", 1, kReentries) > 1);  // straight back to the form
  CHECK(e->Get("j", "lt", 1, kReentries) >
        0.1);  // direct-stream clients handed over, back to the team
  CHECK(e->Get("j", "toegang", 1, kReentries) > 1);
}

TEST_CASE("Expect agrees with the simulator: policy levers", "[expect][validation]") {
  // Fixed sizes of every kind that expect can represent (a what-if; capacity and escalation need
  // queues), an uncertain inflow lever (values are linear in its size: its mean is exact), an
  // uncertain tariff lever independent of it, a bekostiging change and a payer switch.
  std::string text = kJeugdLike;
  text.pop_back();  // the final brace
  text += R"(, "levers": {
    "inf": {"type": "inflow", "domain": "j", "streams": ["t"], "change": -0.2, "from": "2026-01-01", "ramp_months": 6},
    "shock": {"type": "inflow", "domain": "j", "streams": ["h"], "change": {"distribution": "uniform", "min": 0.1, "max": 0.5}},
    "dur": {"type": "duration", "domain": "j", "forms": ["amb"], "change": -0.25, "from": "2026-04-01", "ramp_months": 12},
    "div": {"type": "diversion", "domain": "j", "forms": ["amb"], "to": "lt", "share": 0.4, "from": "2026-07-01", "ramp_months": 6},
    "shift": {"type": "routing_shift", "domain": "j", "forms": ["res"], "to": {"amb": 0.5, "lt": 0.5}, "share": 0.3, "from": "2027-01-01"},
    "re": {"type": "reentry", "domain": "j", "forms": ["amb", "lt"], "change": -0.5, "from": "2025-06-01", "ramp": {"2026": 0.5, "2027": 1}},
    "tar": {"type": "tariff", "domain": "j", "forms": ["res"], "change": {"distribution": "triangular", "min": 0, "mode": 0.1, "max": 0.3}, "from": "2027-01-01"},
    "wdur": {"type": "duration", "domain": "w", "forms": ["beg"], "change": 0.3},
    "traj": {"type": "bekostiging", "domain": "j", "forms": ["amb"], "from": "2027-01-01",
             "tariff": {"amount": 12000, "per": "trajectory"}},
    "pay": {"type": "payer_switch", "domain": "j", "forms": ["res"], "date": "2026-07-01", "to": "regio"}}})";
  auto e = ExpectText(text);
  for (const ExpectIssue& is : Unrepresentable(e->model))
    CHECK(is.where.find("toegang") != std::string::npos);
  auto run = RunModelText(text, 2000, 102);
  CheckAgainstSimulator(*e, *run);
  CHECK(e->Get("j", "amb", 3, kDiverted) > 1);
  CHECK(e->Get("j", "res", 3, kDiverted) > 1);
}

TEST_CASE("Expect: uncertain levers whose effect is not linear in their size are refused",
          "[expect]") {
  std::string text = kJeugdLike;
  text.pop_back();
  text += R"(, "levers": {
    "dur": {"type": "duration", "domain": "j", "forms": ["amb"], "change": {"distribution": "uniform", "min": -0.2, "max": 0}},
    "a": {"type": "inflow", "domain": "j", "streams": ["t"], "change": {"distribution": "uniform", "min": -0.2, "max": 0}},
    "b": {"type": "inflow", "domain": "j", "streams": ["t"], "change": {"distribution": "uniform", "min": -0.2, "max": 0}},
    "ok": {"type": "inflow", "domain": "j", "streams": ["h"], "change": {"distribution": "uniform", "min": -0.2, "max": 0}}}})";
  Model m;
  const auto problems = LoadText(text, &m);
  for (const auto& p : problems) UNSCOPED_INFO(p);
  REQUIRE(problems.empty());
  std::vector<std::string> levers;
  for (const ExpectIssue& is : Unrepresentable(m))
    if (!is.capacity) levers.push_back(is.where);
  CHECK(levers == std::vector<std::string>{"levers.dur", "levers.a", "levers.b"});
}

TEST_CASE(
    "Expect agrees with the simulator: Wlz, trajectory prices, lump sums, given time in care, half "
    "years",
    "[expect]") {
  const std::string text = R"({"start_date": "2025-03-01", "end_date": "2028-06-30",
   "population": {"bands": {"18-64": {"count": 30000, "growth_per_year": 0.01}, "65-74": {"count": 4000, "growth_per_year": 0.03},
                            "75+": {"count": 2500, "growth_per_year": 0.05}}},
   "indexation": {"base_year": 2025, "rates": {"2026": 0.035, "2027": 0.03, "2028": 0.03}},
   "domains": {
    "w": {"band": "18-64", "volatility": 0.1,
      "demand": {
        "old": {"band": "75+", "per_1000": 150, "routing": {"hh": 0.5, "hm": 0.3, "tr": 0.1, "no_help": 0.1}},
        "young": {"band": "65-74", "per_1000": 50, "trend_per_year": 0.02, "routing": {"hh": 0.4, "hm": 0.4, "tr": 0.2}}},
      "cost_lines": {"subsidie": {"amount_per_year": 250000, "payer": "centrum"}},
      "forms": {
        "hh": {"duration": {"type": "lognormal", "mean": 3, "sd": 2.5, "unit": "years"}, "tariff": {"amount": 250, "per": "month"},
               "pgb": {"share": 0.1, "tariff": {"amount": 200, "per": "month"}}, "wlz_exit_per_year": 0.06,
               "transitions": {"tr": 0.1},
               "initial": {"clients": 800, "ages": {"65-74": 0.3, "75+": 0.7},
                           "time_in_care": {"type": "gamma", "mean": 2, "sd": 1.5, "unit": "years"}}},
        "hm": {"duration": {"type": "fixed", "value": 2, "unit": "years"}, "tariff": {"amount": 1200, "per": "trajectory"},
               "one_off": 300, "payer": "centrum", "payer_switch": {"date": "2027-01-01", "to": "gemeente"},
               "initial": {"clients": 300, "ages": {"75+": 1}, "time_in_care": {"type": "weibull", "mean": 1, "sd": 0.5, "unit": "years"}}},
        "tr": {"duration": {"type": "exponential", "mean": 400}, "lump_sum": {"budget_per_year": 300000},
               "reentry": {"probability": 0.3, "delay": {"type": "lognormal", "mean": 60, "sd": 40}, "via": "form"},
               "initial": {"clients": 50, "waiting": 7}}}}}})";
  BuildOptions half;
  half.periods = PeriodKind::kHalf;
  auto e = ExpectText(text, half);
  auto run = RunModelText(text, 2000, 202, 0, half);
  CheckAgainstSimulator(*e, *run);
}

TEST_CASE("Expect agrees with the simulator on the Dronten baseline with its caps lifted",
          "[expect][slow]") {
  // The baseline's capacities are lifted with "capacity": null; toegang slots cannot be removed
  // through extends, so the toegangs get so many FTE (at a cost per FTE that keeps their staff
  // cost) that nobody waits. Per domain and year: cost, clients_end, inflow, outflow.
  const std::string lifted =
      R"({"extends": ")" + SourcePath("scenarios/dronten/baseline.json") + R"(", "name": "lifted",
    "domains": {
      "jeugd": {"toegang": {"fte": 110000, "cost_per_fte": 9},
                "forms": {"lokaal_team": {"capacity": null, "when_full": null},
                          "begeleiding": {"capacity": null, "when_full": null},
                          "behandeling": {"capacity": null, "when_full": null},
                          "jeugd_ggz": {"capacity": null, "when_full": null},
                          "verblijf": {"capacity": null, "when_full": null}}},
      "wmo": {"toegang": {"fte": 90000, "cost_per_fte": 8.5}},
      "bw": {"forms": {"intramuraal": {"capacity": null}}}}})";
  auto e = ExpectText(lifted);
  // Nothing but the (huge) toegang slots is left to ignore.
  for (const ExpectIssue& is : Unrepresentable(e->model))
    CHECK(is.where.find("toegang") != std::string::npos);
  auto run = RunModelText(lifted, 1000, 303);
  const std::vector<int> domain_metrics = {kCost, kClientsEnd, kInflow, kOutflow};
  for (const char* d : {"jeugd", "wmo", "bw"})
    for (int p = 0; p < 4; ++p)
      for (int k : domain_metrics) {
        const Stats st = run->Get(d, "all", p, k);
        const double x = e->Get(d, "all", p, k), se = st.sd / std::sqrt(st.n);
        INFO(d << " " << 2025 + p << " " << MetricName(k) << ": expect " << x << ", simulated "
               << st.mean << " se " << se);
        CHECK(std::fabs(x - st.mean) <= 4 * se + 2e-4 * std::fabs(st.mean));
      }
  CheckAgainstSimulator(*e, *run);  // and every other value expect gives
}

TEST_CASE("Expect: the same bits for any number of threads", "[expect]") {
  Model m;
  REQUIRE(LoadText(kMgInf, &m).empty());
  ExpectOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const ExpectedValues a = Expect(m, one), b = Expect(m, two);
  REQUIRE(a.values.size() == b.values.size());
  for (size_t i = 0; i < a.values.size(); ++i)
    if (!(std::isnan(a.values[i]) && std::isnan(b.values[i]))) REQUIRE(a.values[i] == b.values[i]);
}

TEST_CASE("sdsim expect: refuses capped scenarios, computes them with --ignore-capacity",
          "[expect]") {
  TempDir dir;
  const std::string baseline = SourcePath("scenarios/dronten/baseline.json");
  const std::string out = dir.path() + "/out";
  std::string output;
  SECTION("without --ignore-capacity: one line per capped form, exit 1, nothing written") {
    CHECK(RunSdsim("expect " + baseline + " --out " + out, &output) == 1);
    INFO(output);
    CHECK(output.find("domains.jeugd.forms.verblijf: capacity 30 places, then 31 places from "
                      "2027-01-01, 32 places from 2029-01-01 (open end: to jeugd.verblijf_nc "
                      "after 28 days) (2 waiting on the start date): queues cannot be "
                      "computed in expectation; rerun with --ignore-capacity to compute as if "
                      "uncapped, or use "
                      "sdsim run") != std::string::npos);
    CHECK(output.find("domains.jeugd.toegang:") != std::string::npos);
    CHECK(output.find("domains.bw.forms.intramuraal: capacity 45 places") != std::string::npos);
    CHECK(!std::filesystem::exists(out));
  }
  SECTION("with --ignore-capacity: warnings, summary.csv with the run columns, manifest") {
    CHECK(RunSdsim("expect " + baseline + " --ignore-capacity --out " + out, &output) == 0);
    INFO(output);
    CHECK(output.find("warning:") != std::string::npos);
    CHECK(output.find("domains.jeugd.forms.verblijf: capacity 30 places") != std::string::npos);
    const std::string csv = ReadText(out + "/summary.csv");
    std::string header;
    for (int c = 0; c < kNumSummaryColumns; ++c)
      header += std::string(c ? "," : "") + kSummaryColumns[c];
    CHECK(csv.substr(0, csv.find('\n')) == header);
    CHECK(csv.find("\nbaseline,jeugd,verblijf,vangnet,6.82,all,all,2025,2025,clients_end,0,") !=
          std::string::npos);
    const std::string manifest = ReadText(out + "/manifest.json");
    CHECK(manifest.find("\"method\": \"expected values\"") != std::string::npos);
    CHECK(manifest.find("\"replications\": 0") != std::string::npos);
  }
  SECTION("a scenario without caps needs no flag; --help explains the caps") {
    const std::string file = dir.Write("mg.json", kMgInf);
    CHECK(RunSdsim("expect " + file + " --out " + out + " --period month --csv nl", &output) == 0);
    CHECK(std::filesystem::exists(out + "/summary.csv"));
    CHECK(RunSdsim("expect --help", &output) == 0);
    CHECK(output.find("--ignore-capacity") != std::string::npos);
    CHECK(output.find("escalation while") != std::string::npos);
    CHECK(RunSdsim("expect", &output) == 2);
  }
}

}  // namespace sdsim::testing
