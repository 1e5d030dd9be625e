// Validation of the sociaal-domein model features against hand-computed expectations: ageing out
// at 18 (and verlengde jeugdhulp, transfers), lump-sum contracts, indexation, re-entry counts, the
// toegang queue against Erlang C, a steady-state start that stays steady, escalation while
// waiting, the Wlz exit hazard, PGB and payer rows. Where a check is statistical its tolerance is
// 4 standard errors of the replication mean; exact identities are checked exactly.
#include <catch2/catch.hpp>
#include <cmath>

#include "run_model.h"

namespace sdsim::testing {
namespace {

// A one-domain scenario around `forms` (JSON object text) with extra domain keys.
std::string OneDomain(const std::string& domain_extra, const std::string& forms,
                      const std::string& top_extra = "", const std::string& end = "2028-12-31") {
  return R"({"start_date": "2025-01-01", "end_date": ")" + end + "\"," + top_extra +
         R"("population": {"bands": {"0-16": {"count": 1000}, "17-17": {"count": 100}, "18-22": {"count": 500}, "23-99": {"count": 5000}}},
            "domains": {"d": {)" +
         domain_extra + R"("forms": )" + forms + "}}}";
}

double Se(const Stats& s, int reps) { return s.sd / std::sqrt(static_cast<double>(reps)); }

}  // namespace

TEST_CASE("Age limit: clients leave jeugdhulp on their 18th birthday", "[validation][features]") {
  // 200 clients aged 17 (birthdays spread over the first year) in care for 10 years: every one
  // leaves on the 18th birthday, typed age_out, and is paid until that day only.
  const int n = 200, reps = 200;
  auto run =
      RunModelText(OneDomain(R"("arrivals_per_year": 0, "age_limit": {"age": 18},)",
                             R"({"f": {"duration": {"type": "fixed", "value": 10, "unit": "years"},
                          "tariff": {"amount": 1, "per": "day"},
                          "initial": {"clients": 200, "ages": {"17-17": 1}, "time_in_care": {"type": "fixed", "value": 0}}}})"),
                   reps, 5);
  // Aged 17 on 1 January 2025 means born 2007-01-02 .. 2008-01-01: the 18th birthday falls
  // on 2025-01-02 .. 2026-01-01 (the last one at 00:00 on the first day of 2026).
  const auto& out = run->Column("d", "f", 0, kOutAgeOut);
  const auto& out26 = run->Column("d", "f", 1, kOutAgeOut);
  const auto& end26 = run->Column("d", "f", 1, kClientsEnd);
  const auto& cost = run->Column("d", "f", 0, kCost);
  for (size_t r = 0; r < out.size(); ++r) {
    REQUIRE(out[r] + out26[r] == n);
    REQUIRE(end26[r] == 0);
    REQUIRE(cost[r] >= 0);
    REQUIRE(cost[r] <= n * 365.0);  // nobody is paid past their birthday
  }
  // Age uniform in [17, 18): the birthday is uniform over the first year, mean ~182.6 days.
  const Stats c = run->Get("d", "f", 0, kCost);
  CHECK(WithinSe(c.mean, n * 365.2425 / 2, Se(c, reps) + 1.0 * n));  // + whole-day birth dates
  CHECK(run->Get("d", "f", 1, kCost).mean == 0);
}

TEST_CASE("Age limit: verlengde jeugdhulp continues to 21, transfers move to another domain",
          "[validation][features]") {
  const int n = 100, reps = 100;
  const std::string text = R"({"start_date": "2025-01-01", "end_date": "2028-12-31",
    "population": {"bands": {"17-17": {"count": 100}, "18-99": {"count": 900}}},
    "domains": {
      "jeugd": {"arrivals_per_year": 0,
        "age_limit": {"age": 18, "verlengd": {"share": 0.5, "until_age": 21}, "transfer": {"wmo.w": 0.3}},
        "forms": {"f": {"duration": {"type": "fixed", "value": 10, "unit": "years"},
                        "tariff": {"amount": 1, "per": "day"},
                        "initial": {"clients": 100, "ages": {"17-17": 1}, "time_in_care": {"type": "fixed", "value": 0}}}}},
      "wmo": {"arrivals_per_year": 0,
        "forms": {"w": {"duration": {"type": "fixed", "value": 10, "unit": "years"}, "tariff": {"amount": 1, "per": "day"}}}}}})";
  auto run = RunModelText(text, reps, 9);
  // At 18: 50% stay (verlengd), 30% move to wmo.w, 20% leave. The verlengd half stays until 21,
  // i.e. through 2026 and 2027, leaving in 2028 (transfers with the same 30:20 proportions).
  const Stats out25 = run->Get("jeugd", "f", 0, kOutAgeOut);
  CHECK(WithinSe(out25.mean, 0.5 * n, Se(out25, reps)));
  const Stats wmo_in25 = run->Get("wmo", "w", 0, kInflow);
  CHECK(WithinSe(wmo_in25.mean, 0.3 * n, Se(wmo_in25, reps)));
  // Only those born on 2008-01-01 (1 in 366) reach 18 on 2026-01-01; nobody leaves in 2027.
  CHECK(run->Get("jeugd", "f", 1, kOutflow).mean < 0.02 * n);
  CHECK(run->Get("jeugd", "f", 2, kOutflow).mean == 0);
  const Stats end27 = run->Get("jeugd", "f", 2, kClientsEnd);
  CHECK(WithinSe(end27.mean, 0.5 * n, Se(end27, reps)));
  CHECK(run->Get("jeugd", "f", 3, kClientsEnd).mean <
        0.02 * n);  // 21 during 2028 (or on 2029-01-01)
  const Stats wmo_in28 = run->Get("wmo", "w", 3, kInflow);
  CHECK(WithinSe(wmo_in28.mean, 0.5 * n * 0.3 / 0.5, Se(wmo_in28, reps)));
  // The verlengd clients are paid for 2026 and 2027 in full.
  const Stats cost26 = run->Get("jeugd", "f", 1, kCost);
  CHECK(WithinSe(cost26.mean, 365 * end27.mean, Se(cost26, reps) + 1e-9));
}

TEST_CASE("Age limit without transfers: verlengd clients leave at until_age (regression: a hang)",
          "[validation][features]") {
  // With verlengde jeugdhulp but no transfer list, the end of verlengde care once sent clients to
  // node 0, whose stretch ended at once: the run never finished.
  auto run = RunModelText(
      OneDomain(
          R"("arrivals_per_year": 0, "age_limit": {"age": 18, "verlengd": {"share": 1, "until_age": 19}},)",
          R"({"f": {"duration": {"type": "fixed", "value": 10, "unit": "years"},
                          "tariff": {"amount": 1, "per": "day"},
                          "initial": {"clients": 50, "ages": {"17-17": 1}, "time_in_care": {"type": "fixed", "value": 0}}}})"),
      10, 5);
  double out = 0;
  for (int p = 0; p < 4; ++p) out += run->Get("d", "f", p, kOutAgeOut).mean;
  CHECK(out == 50);
  CHECK(run->Get("d", "f", 3, kClientsEnd).mean == 0);
}

TEST_CASE("Lump sum: capacity = budget / cost per place, cost = the indexed budget",
          "[validation][features]") {
  auto run = RunModelText(
      OneDomain(R"("arrivals_per_year": 200,)",
                R"({"f": {"duration": {"type": "exponential", "mean": 1, "unit": "years"},
                          "lump_sum": {"budget_per_year": 1000000, "cost_per_place": 80000}}})",
                R"("indexation": {"base_year": 2025, "rates": {"2026": 0.04, "2027": 0.02}},)"),
      20, 3);
  REQUIRE(run->model.nodes[0].capacity[0].places == 12);  // floor(1,000,000 / 80,000)
  const double index[4] = {1, 1.04, 1.04 * 1.02, 1.04 * 1.02};
  for (int p = 0; p < 4; ++p) {
    const auto& cost = run->Column("d", "f", p, kCost);
    const auto& end = run->Column("d", "f", p, kClientsEnd);
    for (size_t r = 0; r < cost.size(); ++r) {
      REQUIRE(cost[r] == Approx(1000000 * index[p]).epsilon(1e-12));  // whatever the clients
      REQUIRE(end[r] <= 12);
    }
  }
  CHECK(run->Get("d", "f", 3, kWaitingEnd).mean > 50);  // 200 a year for 12 places: a queue
}

TEST_CASE("Indexation: a constant caseload costs tariff x days x index per year",
          "[validation][features]") {
  auto run = RunModelText(
      OneDomain(
          R"("arrivals_per_year": 0,)",
          R"({"f": {"duration": {"type": "fixed", "value": 20, "unit": "years"},
                          "tariff": [{"amount": 100, "per": "day"}, {"from": "2028-07-01", "amount": 200, "per": "day"}],
                          "initial": {"clients": 10, "time_in_care": {"type": "fixed", "value": 0}}}})",
          R"("indexation": {"base_year": 2025, "rates": {"2026": 0.035, "2027": 0.03, "2028": 0.03}},)"),
      3, 1);
  const double idx[4] = {1, 1.035, 1.035 * 1.03, 1.035 * 1.03 * 1.03};
  const double days[4] = {365, 365, 365, 366};
  for (int p = 0; p < 3; ++p)
    CHECK(run->Get("d", "f", p, kCost).mean == Approx(10 * 100 * days[p] * idx[p]).epsilon(1e-12));
  // 2028: 182 days at 100 and 184 days (from 1 July) at 200, both indexed.
  CHECK(run->Get("d", "f", 3, kCost).mean ==
        Approx(10 * (182 * 100 + 184 * 200) * idx[3]).epsilon(1e-12));
}

TEST_CASE("Re-entry: the expected share of exits comes back after the delay",
          "[validation][features]") {
  const int reps = 400;
  auto run = RunModelText(OneDomain(R"("arrivals_per_year": 300,)",
                                    R"({"f": {"duration": {"type": "exponential", "mean": 100},
                          "tariff": {"amount": 1, "per": "day"},
                          "transitions": {"voortijdig": 0.2},
                          "reentry": {"probability": 0.25, "delay": {"type": "fixed", "value": 30}, "via": "form"}}})"),
                          reps, 17);
  // Every exit (afgerond or voortijdig) comes back with probability 0.25 exactly 30 days later:
  // re-entries in the horizon = 0.25 x exits before the last 30 days.
  std::vector<double> ratio;
  for (int r = 0; r < reps; ++r) {
    double exits = 0, back = 0;
    for (int p = 0; p < 4; ++p) {
      exits += run->Column("d", "f", p, kOutflow)[r];
      back += run->Column("d", "f", p, kReentries)[r];
    }
    ratio.push_back(back / exits);
  }
  const Stats s = Summarise(ratio);
  // Exits in the last 30 days (about 30/1461 of a steady flow, less in the early ramp) cannot
  // come back in the horizon.
  const double expected = 0.25 * (1 - 30.0 / 1200);
  CHECK(WithinSe(s.mean, expected, Se(s, reps) + 0.002));
  // Re-entries are starts too: inflow = new arrivals started + re-entries.
  CHECK(run->Get("d", "f", 3, kReentries).mean > 0);
}

TEST_CASE("Toegang: the assessment queue matches Erlang C", "[validation][features][slow]") {
  // 1 FTE x 182.62125 assessments a year x 10 days mean = 5 assessments at a time (c = 5),
  // exponential assessment time, 0.4 requests a day: M/M/5 with offered load 4.
  const int reps = 600;
  const std::string text = R"({"start_date": "2025-01-01", "end_date": "2044-12-31",
    "domains": {"d": {
      "toegang": {"fte": 1, "assessments_per_fte_per_year": 182.62125,
                  "assessment_time": {"type": "exponential", "mean": 10}},
      "demand": {"req": {"arrivals_per_day": 0.4, "routing": {"f": 0.7, "no_help": 0.3}}},
      "forms": {"f": {"duration": {"type": "exponential", "mean": 20}, "tariff": {"amount": 1, "per": "day"}}}}}})";
  auto run = RunModelText(text, reps, 23);
  REQUIRE(run->model.nodes[run->model.domains[0].toegang].capacity[0].places == 5);
  const double c = 5, a = 4, lambda = 0.4, mu = 0.1;
  double term = 1, sum = 0;
  for (int k = 0; k < 5; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double pw = term * c / (c - a) / (sum + term * c / (c - a));
  const double wq = pw / (c * mu - lambda);
  const int g = run->Group("d", "toegang");
  std::vector<double> wait, share;
  for (int r = 0; r < reps; ++r) {
    double n = 0, w = 0, waited = 0;
    for (int p = 5; p < run->model.calendar.num_periods(); ++p) {
      const double starts = run->agg->Column(run->layout.Index(p, g, kInflow))[r];
      n += starts;
      w += starts * run->agg->Column(run->layout.Index(p, g, kMeanWaitDays))[r];
      waited += starts * run->agg->Column(run->layout.Index(p, g, kWaitedShare))[r];
    }
    wait.push_back(w / n);
    share.push_back(waited / n);
  }
  const Stats sw = Summarise(wait), ss = Summarise(share);
  INFO("Erlang C " << pw << " W_q " << wq << "; measured " << ss.mean << " " << sw.mean);
  CHECK(WithinSe(sw.mean, wq, Se(sw, reps)));
  CHECK(WithinSe(ss.mean, pw, Se(ss, reps)));
  // Routing after the assessment: 30% no help.
  const Stats nh = run->Get("d", "all", 10, kNoHelp), req = run->Get("d", "all", 10, kRequests);
  CHECK(WithinSe(nh.mean / req.mean, 0.3, 0.01));
}

TEST_CASE("A form started from its steady-state stock stays steady in expectation",
          "[validation][features]") {
  // Heavy-tailed durations (sd twice the mean): fresh durations for the stock would make it
  // decay far faster than remaining durations do (E[remaining] = E[D^2] / 2E[D] = 750 days here
  // against E[D] = 300).
  const int reps = 400;
  const double lambda = 2, mean = 300;
  auto run =
      RunModelText(OneDomain(R"("arrivals_per_day": 2,)",
                             R"({"f": {"duration": {"type": "lognormal", "mean": 300, "sd": 600},
                          "tariff": {"amount": 10, "per": "day"},
                          "initial": {"clients": 600}}})"),
                   reps, 31);
  for (int p = 0; p < 4; ++p) {
    const Stats end = run->Get("d", "f", p, kClientsEnd);
    INFO("year " << 2025 + p);
    CHECK(WithinSe(end.mean, lambda * mean, Se(end, reps)));
    const Stats cost = run->Get("d", "f", p, kCost);
    const double days = p == 3 ? 366 : 365;
    CHECK(WithinSe(cost.mean, 10 * lambda * mean * days, Se(cost, reps)));
  }
  // The steady state also holds for the time already in care: ~share over 5 years is stable.
  const Stats s0 = run->Get("d", "f", 0, kShareOver5y), s3 = run->Get("d", "f", 3, kShareOver5y);
  CHECK(WithinSe(s0.mean, s3.mean, 1.5 * (Se(s0, reps) + Se(s3, reps))));
}

TEST_CASE("Escalation: waiting clients move on at the given hazard", "[validation][features]") {
  // Nobody can start in f (0 places): every arrival waits and escalates after Exp(h). The list
  // is an M/M/inf queue: E[waiting at t] = lambda/h (1 - exp(-h t)).
  const int reps = 300;
  const double lambda = 1, h = 0.01;
  auto run = RunModelText(
      OneDomain(
          R"("arrivals_per_day": 1, "routing": {"f": 1},)",
          R"({"f": {"capacity": 0, "duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"},
                          "escalation": {"hazard_per_day": 0.01, "to": "g"}},
                    "g": {"duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}}})"),
      reps, 41);
  for (int p = 0; p < 4; ++p) {
    const double t = run->model.calendar.periods()[p].end;
    const Stats w = run->Get("d", "f", p, kWaitingEnd);
    CHECK(WithinSe(w.mean, lambda / h * (1 - std::exp(-h * t)), Se(w, reps)));
  }
  const Stats esc = run->Get("d", "f", 1, kEscalated), in = run->Get("d", "g", 1, kInflow);
  CHECK(esc.mean == in.mean);  // every escalation starts in g at once
}

TEST_CASE("Wlz exit: an annual probability p leaves at hazard -ln(1-p) per year",
          "[validation][features]") {
  const int reps = 300, n = 1000;
  auto run = RunModelText(
      OneDomain(
          R"("arrivals_per_year": 0,)",
          R"({"f": {"duration": {"type": "fixed", "value": 20, "unit": "years"}, "tariff": {"amount": 1, "per": "day"},
                          "wlz_exit_per_year": 0.05, "initial": {"clients": 1000, "time_in_care": {"type": "fixed", "value": 0}}}})"),
      reps, 43);
  double alive = n;
  for (int p = 0; p < 4; ++p) {
    const double days =
        run->model.calendar.periods()[p].end - run->model.calendar.periods()[p].begin;
    const double leave = alive * (1 - std::pow(0.95, days / kDaysPerYear));
    const Stats w = run->Get("d", "f", p, kOutWlz);
    CHECK(WithinSe(w.mean, leave, Se(w, reps)));
    CHECK(run->Get("d", "f", p, kOutflow).mean == w.mean);
    alive -= leave;
  }
}

TEST_CASE("PGB and payer: cost splits by PGB share and by payer at the switch date",
          "[validation][features]") {
  const int reps = 200;
  auto run =
      RunModelText(OneDomain(R"("arrivals_per_year": 0,)",
                             R"({"f": {"duration": {"type": "fixed", "value": 20, "unit": "years"},
                          "tariff": {"amount": 100, "per": "day"},
                          "pgb": {"share": 0.3, "tariff": {"amount": 60, "per": "day"}},
                          "payer": "centrumgemeente", "payer_switch": {"date": "2027-01-01", "to": "gemeente"},
                          "initial": {"clients": 50, "time_in_care": {"type": "fixed", "value": 0}}},
                    "g": {"duration": {"type": "fixed", "value": 20, "unit": "years"}, "tariff": {"amount": 10, "per": "day"},
                          "initial": {"clients": 5, "time_in_care": {"type": "fixed", "value": 0}}}})"),
                   reps, 47);
  // Initial clients do not draw PGB (they keep zorg in natura); PGB applies to new starts only.
  CHECK(run->Get("d", "f", 0, kCostPgb).mean == 0);
  const int centrum = run->GroupWhere("all", "all", "all", "all", "centrumgemeente", "all");
  const int gemeente = run->GroupWhere("all", "all", "all", "all", "gemeente", "all");
  for (int p = 0; p < 4; ++p) {
    const double f = run->Get("d", "f", p, kCost).mean, g = run->Get("d", "g", p, kCost).mean;
    const double c = run->GetGroup(centrum, p, kCost).mean,
                 m = run->GetGroup(gemeente, p, kCost).mean;
    INFO("year " << 2025 + p);
    CHECK(c == Approx(p < 2 ? f : 0.0).margin(1e-6));
    CHECK(m == Approx(p < 2 ? g : f + g).margin(1e-6));
  }
}

TEST_CASE("PGB: new clients choose PGB with the given share and pay its tariff",
          "[validation][features]") {
  const int reps = 300;
  auto run =
      RunModelText(OneDomain(R"("arrivals_per_year": 100,)",
                             R"({"f": {"duration": {"type": "fixed", "value": 20, "unit": "years"},
                          "tariff": {"amount": 100, "per": "day"},
                          "pgb": {"share": 0.3, "tariff": {"amount": 60, "per": "day"}}}})"),
                   reps, 53);
  // Cost = PGB part at 60 + the rest at 100; PGB days are 30% of all days in expectation:
  // cost_pgb / cost = 0.3 x 60 / (0.3 x 60 + 0.7 x 100).
  const Stats pgb = run->Get("d", "f", 3, kCostPgb), cost = run->Get("d", "f", 3, kCost);
  CHECK(WithinSe(pgb.mean / cost.mean, 18.0 / 88.0, 4 * Se(pgb, reps) / cost.mean));
}

}  // namespace sdsim::testing

namespace sdsim::testing {

TEST_CASE("Cost line by staff: FTE x cost per FTE per year, indexed", "[validation][features]") {
  auto run = RunModelText(
      OneDomain(
          R"("arrivals_per_year": 0, "cost_lines": {"team": {"fte": 2.5, "cost_per_fte": 80000}},)",
          R"({"f": {"duration": {"type": "fixed", "value": 10}, "tariff": {"amount": 1, "per": "day"}}})",
          R"("indexation": {"base_year": 2025, "rates": {"2026": 0.05}},)"),
      2, 1);
  CHECK(run->Get("d", "team", 0, kCost).mean == Approx(200000));
  CHECK(run->Get("d", "team", 1, kCost).mean == Approx(210000));
  CHECK(run->Get("d", "all", 3, kCost).mean == Approx(210000));
}

}  // namespace sdsim::testing
