// Paired comparison: per-replication differences, P(saving), payback, paired vs unpaired spread.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "pair_testing.h"

namespace sdsim::testing {
namespace {

const char kBaseDomain[] = R"("arrivals_per_day": 2, "routing": {"f": 0.7, "g": 0.3},
  "forms": {"f": {"duration": {"type": "exponential", "mean": 150}, "tariff": {"amount": 60, "per": "day"},
                  "initial": {"clients": 210}},
            "g": {"duration": {"type": "fixed", "value": 90}, "tariff": {"amount": 100, "per": "day"}}})";

std::string Scenario(const std::string& domain, const std::string& top = "") {
  return R"({"start_date": "2025-01-01", "end_date": "2028-12-31", )" + top +
         R"("domains": {"d": {)" + domain + "}}}";
}

// The scenario: 10% fewer requests from 2026 and an investment programme in 2026 and 2027.
std::string AltScenario() {
  return Scenario(
      std::string(R"("cost_lines": {"programma": {"amount_per_year": {"2026": 50000, "2027": 50000},
                                                              "pillar": "vangnet", "investment": true}},)") +
          kBaseDomain,
      R"("levers": {"preventie": {"type": "inflow", "domain": "d", "change": -0.1, "from": "2026-01-01"}},)");
}

double Value(const ModelRun& run, int group, int period, int metric, int rep) {
  if (group < 0) return 0;
  const double v = run.agg->Column(run.layout.Index(period, group, metric))[rep];
  return std::isnan(v) ? 0.0 : v;
}

const GroupModel* Total(const Model& m) {
  for (const GroupModel& g : m.groups)
    if (g.kind == GroupKind::kTotal) return &g;
  return nullptr;
}

}  // namespace

TEST_CASE("Comparison: per-replication differences of two runs in one batch",
          "[compare][threads]") {
  const int reps = 200;
  auto pair = RunPair(Scenario(kBaseDomain), AltScenario(), reps, 61);
  const ModelRun &base = *pair.base, &alt = *pair.alt;
  const auto rows = pair.cmp->Rows();
  // One row per (scenario row, period, metric); the cost line exists only in the scenario.
  REQUIRE(rows.size() % (4 * kNumCmp) == 0);
  int only_alt = 0, checked = 0;
  for (const Comparison::Row& r : rows) {
    INFO(r.group->domain << "/" << r.group->form << "/" << r.group->pillar << "/"
                         << r.group->taakveld << "/" << r.group->payer << " period " << r.period
                         << " " << CompareMetricName(r.metric));
    REQUIRE(r.alt_group >= 0);  // the scenario has every row the baseline has
    only_alt += r.base_group < 0;
    std::vector<double> d;
    for (int rep = 0; rep < reps; ++rep) {
      double x = 0;
      if (r.metric == kCmpCostCumulative || r.metric == kCmpCostWithBacklogCumulative) {
        const int level = r.metric == kCmpCostCumulative ? kCost : kCostWithBacklog;
        for (int t = 0; t <= r.period; ++t)
          x += Value(alt, r.alt_group, t, level, rep) - Value(base, r.base_group, t, level, rep);
      } else if (r.metric == kCmpInvestment) {
        for (int k : alt.model.groups[r.alt_group].nodes)
          if (alt.model.nodes[k].investment)
            x += Value(alt, alt.model.node_group[k], r.period, kCost, rep);
      } else {
        x = Value(alt, r.alt_group, r.period, CompareLevelMetric(r.metric), rep) -
            Value(base, r.base_group, r.period, CompareLevelMetric(r.metric), rep);
      }
      d.push_back(x);
    }
    const Stats s = Summarise(d);
    REQUIRE(r.diff.n == reps);
    CHECK(r.diff.mean == Approx(s.mean).epsilon(1e-9).margin(1e-6));
    CHECK(r.diff.sd == Approx(s.sd).epsilon(1e-6).margin(1e-6));
    CHECK(r.diff.p5 == s.p5);  // exact percentiles below 1,000 replications
    CHECK(r.diff.p50 == s.p50);
    CHECK(r.diff.p95 == s.p95);
    CHECK(r.p_lower ==
          static_cast<double>(std::count_if(d.begin(), d.end(), [](double v) { return v < 0; })) /
              reps);
    // Before the lever starts (2025) nothing differs, exactly.
    if (r.period == 0) {
      CHECK(r.diff.mean == 0);
      CHECK(r.diff.sd == 0);
      CHECK(r.diff.p5 == 0);
      CHECK(r.diff.p95 == 0);
      CHECK(r.p_lower == 0);
    }
    ++checked;
  }
  CHECK(only_alt == 4 * kNumCmp);  // the investment line's row
  CHECK(checked == static_cast<int>(rows.size()));
  // Totals: 10% fewer requests save money with near certainty by 2028; the investment shows.
  for (const Comparison::Row& r : rows) {
    if (r.group->kind != GroupKind::kTotal) continue;
    if (r.metric == kCmpCost && r.period == 3) CHECK(r.p_lower > 0.95);
    if (r.metric == kCmpInvestment)
      CHECK(r.diff.mean == (r.period == 1 || r.period == 2 ? 50000 : 0));
    if (r.metric == kCmpInflow && r.period > 0) CHECK(r.diff.mean < 0);
  }
}

TEST_CASE("Comparison: the paired difference is far tighter than the unpaired one", "[compare]") {
  // Common random numbers: the sd of the per-replication difference in total cost (per period
  // and cumulative) is well under a third of sqrt(sd_a^2 + sd_b^2), what independent runs would
  // give. Clients at the end of a period pair less well (an inflow lever moves the arrival times
  // of the clients after `from`), but still better than independent runs.
  const int reps = 200;
  auto pair = RunPair(Scenario(kBaseDomain),
                      Scenario(kBaseDomain, R"("levers": {"p": {"type": "inflow", "domain": "d",
                                                   "change": -0.1, "from": "2026-01-01"}},)"),
                      reps, 67);
  const int gb = pair.base->Group("all", "all"), ga = pair.alt->Group("all", "all");
  // Per replication: the level of a metric, cumulated over periods for cost_cumulative.
  auto level = [&](const ModelRun& run, int g, int period, int cmp) {
    std::vector<double> v(reps, 0.0);
    const int metric = cmp == kCmpClientsEnd ? kClientsEnd : kCost;
    for (int t = cmp == kCmpCostCumulative ? 0 : period; t <= period; ++t)
      for (int r = 0; r < reps; ++r) v[r] += run.agg->Column(run.layout.Index(t, g, metric))[r];
    return Summarise(v);
  };
  int seen = 0;
  for (const Comparison::Row& r : pair.cmp->Rows()) {
    if (r.group->kind != GroupKind::kTotal || r.period == 0) continue;
    if (r.metric != kCmpCost && r.metric != kCmpCostCumulative && r.metric != kCmpClientsEnd)
      continue;
    const Stats a = level(*pair.alt, ga, r.period, r.metric),
                b = level(*pair.base, gb, r.period, r.metric);
    const double unpaired = std::sqrt(a.sd * a.sd + b.sd * b.sd);
    INFO("period " << r.period << " " << CompareMetricName(r.metric) << ": paired sd " << r.diff.sd
                   << ", unpaired " << unpaired);
    CHECK(r.diff.sd > 0);
    CHECK(r.diff.sd < (r.metric == kCmpClientsEnd ? unpaired : unpaired / 3));
    // The saving itself is well identified: the mean is many paired standard errors from 0.
    CHECK(r.diff.mean < -4 * r.diff.sd / std::sqrt(reps));
    ++seen;
  }
  CHECK(seen == 9);
}

TEST_CASE(
    "Comparison: payback is the first period from which the mean cumulative difference stays "
    "negative",
    "[compare]") {
  Model m;
  REQUIRE(
      LoadText(
          Scenario(
              R"("arrivals_per_year": 0, "forms": {"f": {"duration": {"type": "fixed", "value": 1},
                                                                    "tariff": {"amount": 1, "per": "day"}}})"),
          &m)
          .empty());
  const GroupModel* total = Total(m);
  REQUIRE(total != nullptr);
  const int tg = static_cast<int>(total - m.groups.data());
  const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
  REQUIRE(L.periods == 4);
  auto result = [&](std::vector<double> cost) {
    RepResult r;
    r.values.assign(L.size(), std::nan(""));
    for (int p = 0; p < 4; ++p) r.values[L.Index(p, tg, kCost)] = cost[p];
    return r;
  };
  // Feeds per-replication cost differences (scenario - baseline) against a baseline of 1,000 a
  // period; returns the payback label and the total rows.
  auto run = [&](const std::vector<std::vector<double>>& diffs,
                 std::vector<Comparison::Row>* total_rows) {
    Comparison c(m, m);
    for (const auto& d : diffs) {
      std::vector<double> alt(4);
      for (int p = 0; p < 4; ++p) alt[p] = 1000 + d[p];
      c.Add(result({1000, 1000, 1000, 1000}), result(alt));
    }
    std::string payback = "?";
    for (const Comparison::Row& r : c.Rows()) {
      if (r.group->kind != GroupKind::kTotal) {
        if (r.metric == kCmpCostCumulative) CHECK(r.payback == "none");  // all-zero rows
        continue;
      }
      if (total_rows) total_rows->push_back(r);
      if (r.metric != kCmpCostCumulative) {
        CHECK(r.payback.empty());
        continue;
      }
      if (payback == "?") payback = r.payback;
      CHECK(r.payback == payback);  // the same on every period's row
    }
    return payback;
  };
  std::vector<Comparison::Row> rows;
  // Cumulative means 75, 15, -55, -55: payback in 2027.
  CHECK(run({{100, -50, -80, -10}, {50, -70, -60, 10}}, &rows) == "2027");
  for (const Comparison::Row& r : rows) {
    const double cost[4] = {75, -60, -70, 0}, cum[4] = {75, 15, -55, -55};
    const double p_saving[4] = {0, 1, 1, 0.5};
    if (r.metric == kCmpCost) {
      CHECK(r.diff.mean == Approx(cost[r.period]).margin(1e-9));
      CHECK(r.p_lower == p_saving[r.period]);
    }
    if (r.metric == kCmpCostCumulative) {
      CHECK(r.diff.mean == Approx(cum[r.period]).margin(1e-9));
      CHECK(r.p_lower == (r.period == 0 ? 0 : r.period == 1 ? 0.5 : 1));
    }
  }
  CHECK(run({{-10, 5, 3, -1}}, nullptr) == "2025");  // -10, -5, -2, -3: a saving from the start
  CHECK(run({{-10, 20, -30, 5}}, nullptr) ==
        "2027");  // -10, 10, -20, -15: only the last stretch counts
  CHECK(run({{100, -50, -80, 40}}, nullptr) == "none");  // 100, 50, -30, 10: a cost at the end
  CHECK(run({{100, -50, -80, 30}}, nullptr) == "none");  // 100, 50, -30, 0: break-even is no saving
  CHECK(run({{0, 0, 0, 0}}, nullptr) == "none");
  CHECK(run({{-1, 0, 0, 0}}, nullptr) == "2025");
  // The rule follows the mean, not each replication: one replication never pays back.
  CHECK(run({{-100, -100, -100, -100}, {50, 50, 50, 50}}, nullptr) == "2025");
}

}  // namespace sdsim::testing
