// Validation of income and saldo: income lines book their yearly amounts (nominal unless indexed,
// ending at "until"), times a relative change drawn once per replication; saldo = income - the
// cost paid by the municipality itself, in every replication, for each domain and the total.
#include <catch2/catch.hpp>
#include <cmath>

#include "run_model.h"

namespace sdsim::testing {
namespace {

// Jeugd with a form paid by the gemeente; bw paid by the centrumgemeente until 2026, by the
// gemeente after; income: a fixed rijksbijdrage, an uncertain decentralisation payment from 2026,
// and a temporary fund that ends on 2026-12-31. Prices indexed 10% in 2026.
const char kText[] = R"({"start_date": "2025-01-01", "end_date": "2027-12-31",
  "indexation": {"base_year": 2025, "rates": {"2026": 0.10, "2027": 0.0}},
  "domains": {
    "jeugd": {"arrivals_per_day": 1,
      "forms": {"f": {"duration": {"type": "exponential", "mean": 100},
                      "tariff": {"amount": 100, "per": "day"}}},
      "income": {
        "rijk": {"amount_per_year": 3000000},
        "fonds": {"amount_per_year": 200000, "until": "2026-12-31"},
        "geindexeerd": {"amount_per_year": 100000, "indexed": true}}},
    "bw": {"arrivals_per_day": 0.1,
      "forms": {"w": {"duration": {"type": "exponential", "mean": 300},
                      "tariff": {"amount": 150, "per": "day"}, "payer": "centrumgemeente",
                      "payer_switch": {"date": "2026-01-01", "to": "gemeente"}}},
      "income": {
        "decentralisatie": {"amount_per_year": {"2026": 1500000, "2027": 1500000},
                            "change": {"distribution": "uniform", "min": -0.2, "max": 0.1}}}}}})";

}  // namespace

TEST_CASE("saldo = income - own cost in every replication, income as declared",
          "[validation][income]") {
  const int reps = 200;
  auto run = RunModelText(kText, reps, 53);
  const auto& L = run->layout;
  const Model& m = run->model;
  const int gemeente = m.OwnPayer();
  REQUIRE(gemeente >= 0);
  const int jeugd = run->Group("jeugd", "all"), bw = run->Group("bw", "all");
  const int total = run->Group("all", "all");
  const int pay = run->GroupWhere("all", "all", "all", "all", "gemeente", "all");
  for (int p = 0; p < m.calendar.num_periods(); ++p) {
    for (size_t r = 0; r < static_cast<size_t>(reps); ++r) {
      auto v = [&](int g, int metric) { return run->agg->Column(L.Index(p, g, metric))[r]; };
      for (int g : {jeugd, bw}) {
        // A domain's own cost: its cost minus what the centrumgemeente paid (only bw before 2026).
        const double own = g == bw && p == 0 ? 0.0 : v(g, kCost);
        REQUIRE(v(g, kSaldo) == Approx(v(g, kIncome) - own).epsilon(1e-12));
      }
      REQUIRE(v(total, kIncome) == Approx(v(jeugd, kIncome) + v(bw, kIncome)).epsilon(1e-12));
      REQUIRE(v(total, kSaldo) == Approx(v(total, kIncome) - v(pay, kCost)).epsilon(1e-12));
    }
  }
  // Jeugd income: nominal 3.0m + 0.2m (2025, 2026 only) + 100k at 2025 prices, indexed.
  CHECK(run->Get("jeugd", "all", 0, kIncome).mean == Approx(3300000).epsilon(1e-9));
  CHECK(run->Get("jeugd", "all", 1, kIncome).mean == Approx(3310000).epsilon(1e-9));
  CHECK(run->Get("jeugd", "all", 2, kIncome).mean == Approx(3110000).epsilon(1e-9));
  CHECK(run->Get("jeugd", "rijk", 1, kIncome).sd == 0);
  // The decentralisation payment from 2026: uncertain, mean 1.5m x (1 - 0.05).
  CHECK(run->Get("bw", "all", 0, kIncome).mean == 0);
  const Stats dec = run->Get("bw", "decentralisatie", 1, kIncome);
  CHECK(WithinSe(dec.mean, 1500000 * 0.95, dec.sd / std::sqrt(reps)));
  CHECK(dec.p5 >= 1500000 * 0.8 - 1e-6);
  CHECK(dec.p95 <= 1500000 * 1.1 + 1e-6);
  // One draw per replication: both years move together.
  CHECK(run->Column("bw", "decentralisatie", 1, kIncome) ==
        run->Column("bw", "decentralisatie", 2, kIncome));
}

TEST_CASE("scenarios without income lines have no income or saldo rows", "[validation][income]") {
  Model m;
  REQUIRE(LoadText(R"({"domains": {"d": {"arrivals_per_year": 10, "forms": {"f": {
      "duration": {"type": "exponential", "mean": 100}, "tariff": {"amount": 1, "per": "day"}}}}}})",
                   &m)
              .empty());
  CHECK_FALSE(m.HasIncome());
}

}  // namespace sdsim::testing
