// The boeggolf: cost and caseload split into the stock cohort (clients in care or waiting on the
// start date, while they stay in care) and new inflow. Checked: stock + new = all in every
// replication, row and period; the stock cohort's cost equals its tariff x its own client-days
// (two separate bookkeeping paths); it starts at the start-date stock, only shrinks, and a client
// who leaves and comes back counts as new.
#include <catch2/catch.hpp>
#include <cmath>

#include "run_model.h"

namespace sdsim::testing {
namespace {

// 300 clients in care and 40 waiting at a capped form a that hands on to b; re-entry after a
// month for half of those who finish; new requests all along.
const char kText[] = R"({"start_date": "2025-01-01", "end_date": "2028-12-31",
  "domains": {"d": {"arrivals_per_day": 0.5, "routing": {"a": 1},
    "forms": {
      "a": {"capacity": 320, "duration": {"type": "exponential", "mean": 1, "unit": "years"},
            "tariff": {"amount": 40, "per": "day"}, "one_off": 100,
            "transitions": {"b": 0.3},
            "reentry": {"probability": 0.5, "delay": {"type": "exponential", "mean": 30}, "via": "form"},
            "initial": {"clients": 300, "waiting": 40}},
      "b": {"duration": {"type": "exponential", "mean": 200},
            "tariff": {"amount": 90, "per": "day"}},
      "team": {"staff": {"fte": 2, "cost_per_fte": 50000}, "duration": {"type": "fixed", "value": 1}}}}}})";

}  // namespace

TEST_CASE("Boeggolf: stock + new = all, and the stock cohort's cost is its own care",
          "[validation][cohort]") {
  const int reps = 60;
  auto run = RunModelText(kText, reps, 19);
  const auto& L = run->layout;
  const Model& m = run->model;
  const int a = run->Group("d", "a"), b = run->Group("d", "b");
  const int pairs[][3] = {{kClientsStart, kClientsStartStock, kClientsStartNew},
                          {kClientsEnd, kClientsEndStock, kClientsEndNew},
                          {kMeanClients, kMeanClientsStock, kMeanClientsNew},
                          {kCost, kCostStock, kCostNew}};
  for (int g = 0; g < m.num_groups(); ++g) {
    for (int p = 0; p < m.calendar.num_periods(); ++p)
      for (const auto& trio : pairs) {
        if (!MetricApplies(m.groups[g].kind, trio[0])) continue;
        const auto& all = run->agg->Column(L.Index(p, g, trio[0]));
        const auto& stock = run->agg->Column(L.Index(p, g, trio[1]));
        const auto& fresh = run->agg->Column(L.Index(p, g, trio[2]));
        for (size_t r = 0; r < all.size(); ++r) {
          INFO("group " << g << " period " << p << " " << MetricName(trio[0]));
          REQUIRE(stock[r] + fresh[r] == Approx(all[r]).epsilon(1e-12).margin(1e-9));
          REQUIRE(stock[r] >= -1e-9);
        }
      }
  }
  for (size_t r = 0; r < static_cast<size_t>(reps); ++r) {
    auto v = [&](int g, int p, int metric) { return run->agg->Column(L.Index(p, g, metric))[r]; };
    // The stock cohort starts as the 300 in care (the 40 waiting join it when they start).
    REQUIRE(v(a, 0, kClientsStartStock) == 300);
    REQUIRE(v(a, 0, kClientsStartNew) == 0);
    double prev = v(a, 0, kClientsStartStock) + v(b, 0, kClientsStartStock) + 40;
    double once_a = 0;
    for (int p = 0; p < m.calendar.num_periods(); ++p) {
      const double days = m.calendar.periods()[p].end - m.calendar.periods()[p].begin;
      // Its cost is its own care: tariff x its client-days (at b after a move), plus at a the
      // one-off price at each start of the 40 from the waiting list.
      REQUIRE(v(b, p, kCostStock) ==
              Approx(90 * v(b, p, kMeanClientsStock) * days).epsilon(1e-9).margin(1e-6));
      once_a += v(a, p, kCostStock) - 40 * v(a, p, kMeanClientsStock) * days;
      // The cohort only shrinks (with its waiting list): a re-entry after leaving is new.
      const double now = v(a, p, kClientsEndStock) + v(b, p, kClientsEndStock);
      REQUIRE(now <= prev + 1e-9);
      prev = now;
    }
    REQUIRE(once_a == Approx(40 * 100.0).epsilon(1e-9));
  }
  // Years on, most of the stock has left; the new inflow carries the caseload.
  CHECK(run->GetGroup(a, 3, kClientsEndStock).mean < 0.2 * 300);
  CHECK(run->GetGroup(a, 3, kClientsEndNew).mean > 100);
}

}  // namespace sdsim::testing
