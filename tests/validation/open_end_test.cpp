// Validation of open-end care: a capped form that sends clients to its overflow form (a
// non-contracted provider) when it is full. Without a wait it is an Erlang loss system: the
// share of requests that overflow is Erlang B. With a maximum wait, every overflowing client has
// waited exactly that long, and the overflow form's cost is its own tariff x its client-days.
// Statistical checks use 4 standard errors of the replication mean; identities are exact.
#include <catch2/catch.hpp>
#include <cmath>

#include "run_model.h"

namespace sdsim::testing {
namespace {

double ErlangB(int c, double a) {
  double b = 1;  // the recursion B(k) = a B(k-1) / (k + a B(k-1))
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  return b;
}

std::string LossScenario(const std::string& when_full) {
  return R"({"start_date": "2025-01-01", "end_date": "2030-12-31",
    "domains": {"q": {"arrivals_per_day": 0.6, "routing": {"f": 1},
      "forms": {
        "f": {"capacity": 20, "duration": {"type": "exponential", "mean": 30},
              "tariff": {"amount": 100, "per": "day"}, "when_full": )" +
         when_full + R"(},
        "nc": {"label": "niet-gecontracteerd", "duration": {"type": "exponential", "mean": 30},
               "tariff": {"amount": 130, "per": "day"}}}}}})";
}

}  // namespace

TEST_CASE("Open-end care without a wait: the overflow share is Erlang B",
          "[validation][open_end]") {
  const int reps = 300, c = 20;
  const double lambda = 0.6, mean = 30, a = lambda * mean;
  auto run = RunModelText(LossScenario(R"({"overflow_to": "nc"})"), reps, 17);
  const auto& L = run->layout;
  const int f = run->Group("q", "f"), nc = run->Group("q", "nc");
  std::vector<double> share;
  for (size_t r = 0; r < static_cast<size_t>(reps); ++r) {
    double over = 0, arrivals = 0;
    for (int p = 0; p < run->model.calendar.num_periods(); ++p) {
      const double o = run->agg->Column(L.Index(p, f, kOverflowed))[r];
      // Nobody ever waits, and the overflow form takes exactly the overflowing clients.
      REQUIRE(run->agg->Column(L.Index(p, f, kWaitingEnd))[r] == 0);
      REQUIRE(run->agg->Column(L.Index(p, nc, kInflow))[r] == o);
      if (p == 0) continue;  // the first year fills the empty form
      over += o;
      arrivals += o + run->agg->Column(L.Index(p, f, kInflow))[r];
    }
    share.push_back(over / arrivals);
  }
  const Stats s = Summarise(share);
  INFO("overflow share " << s.mean << ", Erlang B " << ErlangB(c, a));
  CHECK(WithinSe(s.mean, ErlangB(c, a), s.sd / std::sqrt(reps)));
  CHECK(ErlangB(c, a) > 0.05);  // the check has teeth: a real share overflows
}

TEST_CASE("Open-end care after a maximum wait: overflow at exactly that wait, at its tariff",
          "[validation][open_end]") {
  const int reps = 100;
  const double max_wait = 20;
  auto run = RunModelText(
      LossScenario(R"({"overflow_to": "nc", "max_wait": {"value": 20, "unit": "days"}})"), reps,
      23);
  const auto& L = run->layout;
  const int f = run->Group("q", "f"), nc = run->Group("q", "nc");
  double total_over = 0;
  for (int p = 0; p < run->model.calendar.num_periods(); ++p) {
    const double days =
        run->model.calendar.periods()[p].end - run->model.calendar.periods()[p].begin;
    for (size_t r = 0; r < static_cast<size_t>(reps); ++r) {
      const double over = run->agg->Column(L.Index(p, f, kOverflowed))[r];
      const double in_nc = run->agg->Column(L.Index(p, nc, kInflow))[r];
      total_over += over;
      // The overflow form takes exactly the clients who waited the maximum, and its mean wait
      // (counted from the beschikking at the full form) is exactly the maximum wait.
      REQUIRE(in_nc == over);
      if (in_nc > 0)
        REQUIRE(std::fabs(run->agg->Column(L.Index(p, nc, kMeanWaitDays))[r] - max_wait) < 1e-6);
      // Whoever started at the contracted form waited less than the maximum.
      if (run->agg->Column(L.Index(p, f, kInflow))[r] > 0)
        REQUIRE(run->agg->Column(L.Index(p, f, kMeanWaitDays))[r] <= max_wait);
      // Cost at the overflow form: its tariff x its client-days (no indexation here).
      const double client_days = run->agg->Column(L.Index(p, nc, kMeanClients))[r] * days;
      REQUIRE(run->agg->Column(L.Index(p, nc, kCost))[r] ==
              Approx(130 * client_days).epsilon(1e-9).margin(1e-6));
    }
  }
  CHECK(total_over > 0);
}

TEST_CASE("Open-end care: a full form without overflow keeps its FIFO waiting list",
          "[validation][open_end]") {
  auto wait = RunModelText(LossScenario(R"("wait")"), 20, 23);
  const int f = wait->Group("q", "f");
  CHECK(wait->GetGroup(f, 3, kWaitingEnd).mean > 0);
  CHECK(wait->GetGroup(f, 3, kOverflowed).mean == 0);
}

}  // namespace sdsim::testing

namespace sdsim::testing {

TEST_CASE("Open end at the toegang: interim staff take requests that waited the maximum",
          "[validation][open_end]") {
  // 2 assessment slots for 0.3 requests a day of 10 days each (load 3): a queue that grows until
  // requests reach 20 days of waiting, after which interim staff assess them at EUR 1,000 each.
  const std::string text = R"({"start_date": "2025-01-01", "end_date": "2026-12-31",
    "domains": {"d": {
      "toegang": {"fte": 1, "assessments_per_fte_per_year": 73.05,
                  "assessment_time": {"type": "fixed", "value": 10},
                  "when_full": {"max_wait": {"value": 20, "unit": "days"},
                                "interim": {"cost_per_assessment": 1000}}},
      "demand": {"req": {"arrivals_per_day": 0.3, "routing": {"f": 0.5, "no_help": 0.5}}},
      "forms": {"f": {"duration": {"type": "exponential", "mean": 30},
                      "tariff": {"amount": 10, "per": "day"}}}}}})";
  const int reps = 50;
  auto run = RunModelText(text, reps, 29);
  const auto& L = run->layout;
  const int t = run->Group("d", "toegang"), i = run->Group("d", "toegang_inhuur");
  REQUIRE(run->model.nodes[run->model.domains[0].toegang].capacity[0].places == 2);
  double moved = 0;
  for (int p = 0; p < run->model.calendar.num_periods(); ++p)
    for (size_t r = 0; r < static_cast<size_t>(reps); ++r) {
      const double over = run->agg->Column(L.Index(p, t, kOverflowed))[r];
      moved += over;
      REQUIRE(run->agg->Column(L.Index(p, i, kInflow))[r] == over);
      // One price per assessment by interim staff, exactly.
      REQUIRE(run->agg->Column(L.Index(p, i, kCost))[r] == Approx(1000 * over).margin(1e-9));
      if (over > 0)  // counted from the request: exactly the maximum wait
        REQUIRE(std::fabs(run->agg->Column(L.Index(p, i, kMeanWaitDays))[r] - 20) < 1e-6);
      if (run->agg->Column(L.Index(p, t, kInflow))[r] > 0)
        REQUIRE(run->agg->Column(L.Index(p, t, kMeanWaitDays))[r] <= 20);
    }
  // The excess over the slots' throughput (0.3 - 2/10 a day, ~73 in two years) goes to interim
  // staff, less the queue of up to 20 days' requests still waiting at the end.
  CHECK(moved / reps > 60);
  CHECK(moved / reps < 74);
}

}  // namespace sdsim::testing
