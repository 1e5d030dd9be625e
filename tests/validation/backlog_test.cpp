// Validation of waiting as a liability: backlog_cost at a period end is the expected cost still
// owed to the clients then waiting (on a form's list, and waiting for or in an assessment at the
// toegang). Checked against what those clients later cost in a drained run: requests stop at the
// start of 2027, so every euro booked from 2027 on belongs to a client who was in care or waiting
// at the end of 2026. With exponential durations (memoryless) the clients in care then still cost
// tariff x mean duration each on average, so E[cost from 2027] = E[their remaining cost] +
// E[backlog_cost(2026)]. Also: cost_with_backlog adds up to cost + the change in backlog, and a
// toegang queue escalates at its hazard per day of waiting. Tolerances: 4 standard errors.
#include <catch2/catch.hpp>
#include <cmath>

#include "run_model.h"

namespace sdsim::testing {
namespace {

// Requests reach a toegang with 4 assessment slots (2 FTE x 73 assessments a year x 10 days
// each), which routes them to a capped form f, an open form g, or no help. Inflow stops on
// 2027-01-01; by the end of 2034 everyone has left.
std::string Drained(const std::string& toegang_extra) {
  return R"({"start_date": "2025-01-01", "end_date": "2034-12-31",
    "domains": {"d": {
      "toegang": {"fte": 2, "assessments_per_fte_per_year": 73.05,
                  "assessment_time": {"type": "exponential", "mean": 10})" +
         toegang_extra + R"(},
      "demand": {"req": {"arrivals_per_day": 0.5,
                         "routing": {"f": 0.5, "g": 0.3, "no_help": 0.2}}},
      "forms": {
        "f": {"capacity": 12, "duration": {"type": "exponential", "mean": 60},
              "tariff": {"amount": 100, "per": "day"},
              "initial": {"clients": 12, "waiting": 5}},
        "g": {"duration": {"type": "exponential", "mean": 90},
              "tariff": {"amount": 40, "per": "day"}, "one_off": 500},
        "e": {"duration": {"type": "exponential", "mean": 30},
              "tariff": {"amount": 200, "per": "day"}}}}},
    "levers": {"stop": {"type": "inflow", "domain": "d", "change": -1, "from": "2027-01-01"}}})";
}

}  // namespace

TEST_CASE("backlog_cost equals what the waiting clients later cost (drained run)",
          "[validation][backlog]") {
  const int reps = 400;
  auto run = RunModelText(Drained(""), reps, 31);
  const auto& L = run->layout;
  const int periods = run->model.calendar.num_periods();
  const int f = run->Group("d", "f"), g = run->Group("d", "g"), t = run->Group("d", "toegang");
  const int dom = run->Group("d", "all");
  std::vector<double> x;
  double mean_backlog = 0;
  for (size_t r = 0; r < static_cast<size_t>(reps); ++r) {
    auto v = [&](int group, int p, int m) { return run->agg->Column(L.Index(p, group, m))[r]; };
    double later = 0;
    for (int p = 2; p < periods; ++p) later += v(dom, p, kCost);
    REQUIRE(v(dom, periods - 1, kBacklogCost) == 0);  // drained
    REQUIRE(v(dom, periods - 1, kClientsEnd) == 0);
    const double backlog = v(dom, 1, kBacklogCost);
    REQUIRE(backlog == Approx(v(f, 1, kBacklogCost) + v(t, 1, kBacklogCost)).epsilon(1e-12));
    REQUIRE(v(g, 1, kBacklogCost) == 0);  // an open form never has a waiting list
    mean_backlog += backlog / reps;
    // Remaining cost of the clients in care at the end of 2026 (exponential: a fresh mean).
    const double in_care = v(f, 1, kClientsEnd) * 100 * 60 + v(g, 1, kClientsEnd) * 40 * 90;
    x.push_back(later - in_care - backlog);
    // Summed over all periods cost_with_backlog is cost + final backlog - backlog at the start.
    double sum_cwb = 0, sum_cost = 0;
    for (int p = 0; p < periods; ++p) {
      sum_cwb += v(dom, p, kCostWithBacklog);
      sum_cost += v(dom, p, kCost);
    }
    const double start_backlog =
        v(dom, 0, kBacklogCost) - (v(dom, 0, kCostWithBacklog) - v(dom, 0, kCost));
    REQUIRE(sum_cwb == Approx(sum_cost - start_backlog).epsilon(1e-9));
    // At the start: 5 waiting at f, each owed 100 x 60 days.
    REQUIRE(start_backlog == Approx(5 * 100 * 60.0).epsilon(1e-9));
  }
  const Stats s = Summarise(x);
  INFO("later cost - remaining cost of those in care - backlog: "
       << s.mean << " +- " << s.sd << "; mean backlog " << mean_backlog);
  CHECK(WithinSe(s.mean, 0, s.sd / std::sqrt(reps)));
  CHECK(mean_backlog > 20000);  // the check has teeth: there is a real backlog at the end of 2026
}

TEST_CASE("a toegang queue escalates at its hazard per day of waiting", "[validation][backlog]") {
  const int reps = 200;
  const double h = 0.01;
  auto run =
      RunModelText(Drained(R"(, "escalation": {"hazard_per_day": 0.01, "to": "e"})"), reps, 37);
  const auto& L = run->layout;
  const int t = run->Group("d", "toegang"), e = run->Group("d", "e");
  std::vector<double> x;
  for (size_t r = 0; r < static_cast<size_t>(reps); ++r) {
    double escalated = 0, waiting_days = 0;
    for (int p = 0; p < run->model.calendar.num_periods(); ++p) {
      const double days =
          run->model.calendar.periods()[p].end - run->model.calendar.periods()[p].begin;
      const double esc = run->agg->Column(L.Index(p, t, kEscalated))[r];
      REQUIRE(run->agg->Column(L.Index(p, e, kInflow))[r] == esc);  // e takes only escalations
      escalated += esc;
      waiting_days += run->agg->Column(L.Index(p, t, kMeanWaiting))[r] * days;
    }
    x.push_back(escalated - h * waiting_days);
  }
  const Stats s = Summarise(x);
  CHECK(WithinSe(s.mean, 0, s.sd / std::sqrt(reps)));
  CHECK(run->GetGroup(t, 0, kEscalated).mean > 5);
}

}  // namespace sdsim::testing
