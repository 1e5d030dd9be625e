// Validation against queueing theory: an uncapped form with Poisson arrivals is an M/G/infinity
// queue. Its mean caseload at time t is lambda * integral_0^t S(u) du for any duration
// distribution (S = survival function), which tends to lambda * E[D] in steady state; the expected
// cost of a year is tariff * integral of the mean caseload over that year (tariff * lambda * E[D]
// * days in steady state). Tolerances: 4 standard errors of the replication mean (sd / sqrt(n)),
// with fixed seeds so the test is deterministic.
#include <catch2/catch.hpp>
#include <cmath>

#include "closed_form.h"
#include "run_model.h"

namespace sdsim::testing {
namespace {

const char kScenario[] = R"({
  "name": "mginf",
  "start_date": "2025-01-01",
  "end_date": "2034-12-31",
  "domains": {
    "exp":   {"arrivals_per_day": 2.0, "forms": {"f": {
               "duration": {"type": "exponential", "mean": 180},
               "tariff": {"amount": 50, "per": "day"}}}},
    "logn":  {"arrivals_per_day": 2.0, "forms": {"f": {
               "duration": {"type": "lognormal", "mean": 180, "sd": 150},
               "tariff": {"amount": 50, "per": "day"}}}},
    "gamma": {"arrivals_per_day": 2.0, "forms": {"f": {
               "duration": {"type": "gamma", "mean": 6, "sd": 5, "unit": "months"},
               "tariff": {"amount": 50, "per": "day"}}}},
    "weib":  {"arrivals_per_day": 2.0, "forms": {"f": {
               "duration": {"type": "weibull", "mean": 180, "sd": 150},
               "tariff": {"amount": 50, "per": "day"}}}},
    "emp":   {"arrivals_per_day": 2.0, "forms": {"f": {
               "duration": {"type": "empirical", "unit": "months", "buckets": [
                 {"upto": 3, "share": 0.3}, {"upto": 6, "share": 0.3}, {"upto": 12, "share": 0.25},
                 {"upto": null, "share": 0.15, "tail_mean": 6}]},
               "tariff": {"amount": 50, "per": "day"}}}}
  }
})";

}  // namespace

TEST_CASE("M/G/inf: mean caseload and cost follow lambda * integral of S, any distribution",
          "[validation][slow]") {
  const int reps = 400;
  auto run = RunModelText(kScenario, reps, 20251, 0);
  const Model& m = run->model;
  const double lambda = 2.0, tariff = 50, h = 0.125;
  for (const char* domain : {"exp", "logn", "gamma", "weib", "emp"}) {
    const Distribution& d = m.nodes[m.groups[run->Group(domain, "f")].nodes[0]].duration;
    const auto g = IntegratedSurvival(d, m.calendar.horizon(), h);
    for (int p = 0; p < m.calendar.num_periods(); ++p) {
      const Period& per = m.calendar.periods()[p];
      INFO(domain << " " << per.label << " " << d.Describe());
      // Caseload at the end of the period.
      const double expected_end = lambda * g[static_cast<size_t>(per.end / h)];
      const Stats end = run->Get(domain, "f", p, kClientsEnd);
      CHECK(WithinSe(end.mean, expected_end, end.sd / std::sqrt(reps)));
      // Cost of the period: tariff * lambda * integral of G over the period.
      const auto i0 = static_cast<size_t>(per.begin / h), i1 = static_cast<size_t>(per.end / h);
      double area = 0;
      for (size_t i = i0; i < i1; ++i) area += 0.5 * h * (g[i] + g[i + 1]);
      const Stats cost = run->Get(domain, "f", p, kCost);
      CHECK(WithinSe(cost.mean, tariff * lambda * area, cost.sd / std::sqrt(reps)));
      // Inflow: every arrival starts at once.
      const Stats inflow = run->Get(domain, "f", p, kInflow);
      CHECK(WithinSe(inflow.mean, lambda * (per.end - per.begin), inflow.sd / std::sqrt(reps)));
      CHECK(run->Get(domain, "f", p, kMeanWaitDays).mean == 0.0);
    }
    // Steady state (the last year, after 9 years): lambda * E[D] and its cost.
    const int last = m.calendar.num_periods() - 1;
    const Stats end = run->Get(domain, "f", last, kClientsEnd);
    INFO(domain << " steady state, E[D] = " << d.Mean());
    CHECK(WithinSe(end.mean, lambda * d.Mean(), end.sd / std::sqrt(reps)));
    const Stats cost = run->Get(domain, "f", last, kCost);
    CHECK(WithinSe(cost.mean, tariff * lambda * d.Mean() * 365, cost.sd / std::sqrt(reps)));
  }
}

TEST_CASE("Accounting identities hold in every replication", "[validation]") {
  auto run = RunModelText(kScenario, 30, 7, 0);
  const Model& m = run->model;
  for (int g = 0; g < m.num_groups(); ++g) {
    const auto& grp = m.groups[g];
    for (int p = 0; p < m.calendar.num_periods(); ++p) {
      const auto& start = run->Column(grp.domain, grp.form, p, kClientsStart);
      const auto& end = run->Column(grp.domain, grp.form, p, kClientsEnd);
      const auto& in = run->Column(grp.domain, grp.form, p, kInflow);
      const auto& out = run->Column(grp.domain, grp.form, p, kOutflow);
      const auto& uniq = run->Column(grp.domain, grp.form, p, kUniqueClients);
      for (size_t r = 0; r < start.size(); ++r) {
        INFO(grp.domain << "/" << grp.form << " period " << p << " rep " << r);
        REQUIRE(end[r] == start[r] + in[r] - out[r]);
        // No transitions here: each client starts once, so unique = stock at start + starts.
        REQUIRE(uniq[r] == start[r] + in[r]);
        if (p > 0) REQUIRE(start[r] == run->Column(grp.domain, grp.form, p - 1, kClientsEnd)[r]);
      }
    }
  }
  // The scenario total is the sum of its domains.
  for (int p = 0; p < m.calendar.num_periods(); ++p) {
    double sum = 0;
    for (const char* d : {"exp", "logn", "gamma", "weib", "emp"})
      sum += run->Get(d, "all", p, kCost).mean;
    CHECK(run->Get("all", "all", p, kCost).mean == Approx(sum).epsilon(1e-12));
  }
}

}  // namespace sdsim::testing
