// Validation of the reassessment lever: clients already in care are reviewed on the lever's date
// (a contract change) and/or at each renewal of their beschikking, and the lever's share moves to
// the target form. Checked: the right share moves, on the right date, only from the selected
// form; the target takes exactly those clients; the care cut short is no longer paid (cost =
// tariff x client-days, exactly). Statistical checks: 4 standard errors.
#include <catch2/catch.hpp>
#include <cmath>

#include "run_model.h"

namespace sdsim::testing {
namespace {

// 400 clients in care in a, 100 in b (not reviewed), both with long fixed durations; a lokaal
// team t with room for everyone. No new requests.
std::string Reviewed(const std::string& lever) {
  return R"({"start_date": "2025-01-01", "end_date": "2028-12-31",
    "domains": {"d": {"arrivals_per_year": 0, "handover_to": "t",
      "forms": {
        "a": {"duration": {"type": "exponential", "mean": 3, "unit": "years"},
              "tariff": {"amount": 50, "per": "day"}, "initial": {"clients": 400}},
        "b": {"duration": {"type": "exponential", "mean": 3, "unit": "years"},
              "tariff": {"amount": 50, "per": "day"}, "initial": {"clients": 100}},
        "t": {"beschikking": false, "capacity": 1000,
              "duration": {"type": "fixed", "value": 20, "unit": "years"},
              "tariff": {"amount": 10, "per": "day"}}}}},
    "levers": {"review": )" +
         lever + "}}";
}

// Cost of a form in every period equals tariff x its client-days.
void CheckCostIdentity(const ModelRun& run, const std::string& form, double tariff) {
  const auto& L = run.layout;
  const int g = run.Group("d", form);
  for (int p = 0; p < run.model.calendar.num_periods(); ++p) {
    const double days = run.model.calendar.periods()[p].end - run.model.calendar.periods()[p].begin;
    const auto& cost = run.agg->Column(L.Index(p, g, kCost));
    const auto& mean = run.agg->Column(L.Index(p, g, kMeanClients));
    for (size_t r = 0; r < cost.size(); ++r)
      REQUIRE(cost[r] == Approx(tariff * mean[r] * days).epsilon(1e-9).margin(1e-6));
  }
}

}  // namespace

TEST_CASE("Reassessment on a date moves the lever's share of the clients then in care",
          "[validation][reassess]") {
  const int reps = 300;
  BuildOptions monthly;
  monthly.periods = PeriodKind::kMonth;
  auto run = RunModelText(Reviewed(R"({"type": "reassessment", "domain": "d", "forms": ["a"],
      "to": "t", "share": 0.3, "from": "2026-07-01"})"),
                          reps, 41, 0, monthly);
  const auto& L = run->layout;
  const int a = run->Group("d", "a"), b = run->Group("d", "b"), t = run->Group("d", "t");
  const int july26 = 18;  // months from January 2025
  REQUIRE(run->model.calendar.periods()[july26].label == "2026-07");
  std::vector<double> x;
  for (size_t r = 0; r < static_cast<size_t>(reps); ++r) {
    for (int p = 0; p < run->model.calendar.num_periods(); ++p) {
      const double moved = run->agg->Column(L.Index(p, a, kReassessed))[r];
      if (p != july26) REQUIRE(moved == 0);                           // on the review date only
      REQUIRE(run->agg->Column(L.Index(p, b, kReassessed))[r] == 0);  // b is not reviewed
      REQUIRE(run->agg->Column(L.Index(p, t, kInflow))[r] == moved);  // t takes exactly them
      // They leave a as handed over to the lokaal team.
      REQUIRE(run->agg->Column(L.Index(p, a, kOutOvergedragen))[r] == moved);
    }
    const double before = run->agg->Column(L.Index(july26 - 1, a, kClientsEnd))[r];
    x.push_back(run->agg->Column(L.Index(july26, a, kReassessed))[r] - 0.3 * before);
  }
  const Stats s = Summarise(x);
  CHECK(WithinSe(s.mean, 0, s.sd / std::sqrt(reps)));
  CHECK(run->GetGroup(a, july26, kReassessed).mean > 50);
  CheckCostIdentity(*run, "a", 50);
  CheckCostIdentity(*run, "t", 10);
}

TEST_CASE("Reassessment at renewal reviews each beschikking every validity period",
          "[validation][reassess]") {
  // Every client's beschikking dates from the start date (time in care 0) and runs 6 months; the
  // lever reviews renewals from 2026-01-01 with share 0.5. Renewals fall every 182.62 days from
  // 2025-01-01: the first one on or after 2026-01-01 is at day 365.24 (2026-01-01), the next at
  // day 547.9 (2026-07-02), then day 730.5 (2027-01-01). A client still in a is moved with
  // probability 0.5 at each; with durations much longer than that (fixed 10 years):
  // 2026: 400 x (0.5 + 0.25) = 300 moved, 2027: 400 x (0.125 + 0.0625) = 75.
  const std::string text = R"({"start_date": "2025-01-01", "end_date": "2028-12-31",
    "domains": {"d": {"arrivals_per_year": 0,
      "forms": {
        "a": {"duration": {"type": "fixed", "value": 10, "unit": "years"},
              "tariff": {"amount": 50, "per": "day"},
              "initial": {"clients": 400, "time_in_care": {"type": "fixed", "value": 0}}},
        "t": {"beschikking": false, "duration": {"type": "fixed", "value": 20, "unit": "years"},
              "tariff": {"amount": 10, "per": "day"}}}}},
    "levers": {"review": {"type": "reassessment", "domain": "d", "forms": ["a"], "to": "t",
      "share": 0.5, "from": "2026-01-01", "on_date": false,
      "renewal_every": {"value": 6, "unit": "months"}}}})";
  const int reps = 200;
  auto run = RunModelText(text, reps, 43);
  const int a = run->Group("d", "a");
  CHECK(run->GetGroup(a, 0, kReassessed).mean == 0);
  const Stats y26 = run->GetGroup(a, 1, kReassessed), y27 = run->GetGroup(a, 2, kReassessed);
  CHECK(WithinSe(y26.mean, 300, y26.sd / std::sqrt(reps)));
  CHECK(WithinSe(y27.mean, 75, y27.sd / std::sqrt(reps)));
  // The clients moved at the renewal go to the other form as vervolghulp (t is not the
  // domain's handover form here).
  CHECK(run->GetGroup(a, 1, kOutVervolghulp).mean == y26.mean);
  CheckCostIdentity(*run, "a", 50);
}

TEST_CASE("Reassessment leaves clients in place when the target is full",
          "[validation][reassess]") {
  // Room for 50 in the team: at most 50 move, whatever the share.
  std::string text = Reviewed(R"({"type": "reassessment", "domain": "d", "forms": ["a"],
      "to": "t", "share": 1, "from": "2026-01-01"})");
  const std::string cap = R"("capacity": 1000)";
  text.replace(text.find(cap), cap.size(), R"("capacity": 50)");
  auto run = RunModelText(text, 20, 47);
  for (double v : run->Column("d", "a", 1, kReassessed)) CHECK(v == 50);
  CheckCostIdentity(*run, "a", 50);
}

}  // namespace sdsim::testing
