// The Dronten scenario set against what Dronten's documents say (issue 10):
// - the back-cast from 2018 (scenarios/dronten/history.json) meets its targets (out-of-home care
//   on 1 October 2024, the cost per youth in 2018, the OTS share in 2018);
// - without policy the jeugd care volume does not fall (open-end care, growing demand);
// - a demand shock raises jeugd cost by at least 10% in 2028 (open-end care passes it on);
// - a staff shortage at the toegang is no saving once the care owed to waiting clients counts;
// - the lokale teams help about 300 more youth beschikkingsvrij in 2028.
// Run at 150 replications with a fixed seed. The thresholds are the issue's, with a small margin
// below the 10,000-replication values in the note on issue 10, so that they guard the mechanisms
// (open end, backlog, reassessment) rather than the last digit.
#include <catch2/catch.hpp>

#include "pair_testing.h"
#include "runner/targets.h"

namespace sdsim::testing {
namespace {

std::unique_ptr<ModelRun> LoadFile(const std::string& file) {
  auto run = std::make_unique<ModelRun>();
  ResolvedScenario resolved;
  Problems problems;
  REQUIRE(
      LoadScenario(SourcePath("scenarios/dronten/" + file), {}, &resolved, &run->model, &problems));
  run->layout =
      ResultLayout{run->model.calendar.num_periods(), run->model.num_groups(), kNumMetrics};
  run->agg = std::make_unique<Aggregator>(run->layout.size());
  return run;
}

// Runs the baseline and one scenario of the set on common random numbers.
PairRun RunWithBaseline(const std::string& file, int reps) {
  PairRun out;
  out.base = LoadFile("baseline.json");
  out.alt = LoadFile(file);
  out.cmp = std::make_unique<Comparison>(out.base->model, out.alt->model);
  BatchOptions opt;
  opt.seed = 2026;
  opt.replications = reps;
  RunBatch({&out.base->model, &out.alt->model}, opt, [&](int, const std::vector<RepResult>& r) {
    out.base->agg->Add(r[0].values);
    out.alt->agg->Add(r[1].values);
    out.cmp->Add(r[0], r[1]);
  });
  return out;
}

int PeriodOf(const Model& m, int year) {
  for (int p = 0; p < m.calendar.num_periods(); ++p)
    if (m.calendar.periods()[p].year == year) return p;
  FAIL("no period " << year);
  return -1;
}

const Comparison::Row& Find(const std::vector<Comparison::Row>& rows, const std::string& domain,
                            const std::string& form, const std::string& pillar, int period,
                            int metric) {
  for (const Comparison::Row& r : rows)
    if (r.group->domain == domain && r.group->form == form && r.group->pillar == pillar &&
        (form != "all" || r.group->taakveld == "all") && r.group->payer == "all" &&
        r.group->age_band == "all" && r.period == period && r.metric == metric)
      return r;
  FAIL("no comparison row " << domain << "/" << form << "/" << pillar);
  return rows.front();
}

}  // namespace

TEST_CASE("Dronten back-cast from 2018 meets Dronten's history", "[validation][dronten][slow]") {
  auto run = LoadFile("history.json");
  REQUIRE(run->model.targets.size() == 3);
  TargetTracker targets(run->model);
  BatchOptions opt;
  opt.seed = 2018;
  opt.replications = 150;
  RunBatch({&run->model}, opt, [&](int, const std::vector<RepResult>& r) { targets.Add(r[0]); });
  for (const TargetResult& t : targets.Results()) {
    INFO(t.target->name << ": mean " << t.stats.mean << ", accepted " << t.target->lower << " .. "
                        << t.target->upper);
    CHECK(t.mean_in_range);
  }
}

TEST_CASE("Dronten without policy: the jeugd care volume does not fall",
          "[validation][dronten][slow]") {
  auto pair = RunWithBaseline("stress_vraagschok.json", 150);
  const ModelRun& base = *pair.base;
  const int g = base.GroupWhere("jeugd", "all", "vangnet", "all", "all", "all");
  const double v2025 = base.GetGroup(g, PeriodOf(base.model, 2025), kMeanClients).mean;
  const double v2028 = base.GetGroup(g, PeriodOf(base.model, 2028), kMeanClients).mean;
  INFO("jeugd vangnet mean_clients 2025 " << v2025 << ", 2028 " << v2028);
  CHECK(v2028 >= v2025);

  // The demand shock: jeugd cost in 2028 at least 10% above the baseline (paired).
  const auto rows = pair.cmp->Rows();
  const int p28 = PeriodOf(base.model, 2028);
  const Comparison::Row& d = Find(rows, "jeugd", "all", "all", p28, kCmpCost);
  const double level = base.Get("jeugd", "all", p28, kCost).mean;
  INFO("stress_vraagschok: jeugd cost 2028 +" << d.diff.mean << " on " << level);
  CHECK(d.diff.mean / level >= 0.10);
}

TEST_CASE("Dronten staff shortage at the toegang: no saving once the backlog counts",
          "[validation][dronten][slow]") {
  auto pair = RunWithBaseline("stress_personeelstekort.json", 150);
  const auto rows = pair.cmp->Rows();
  const int p28 = PeriodOf(pair.base->model, 2028);
  const Comparison::Row& with = Find(rows, "all", "all", "all", p28, kCmpCostWithBacklogCumulative);
  const Comparison::Row& backlog = Find(rows, "all", "all", "all", p28, kCmpBacklog);
  INFO("cumulative to 2028 incl. backlog " << with.diff.mean << ", backlog " << backlog.diff.mean);
  CHECK(with.diff.mean > 0);
  CHECK(backlog.diff.mean > 0);  // requests wait longer: more care is owed
}

TEST_CASE("Dronten lokale teams help ~300 youth beschikkingsvrij in 2028",
          "[validation][dronten][slow]") {
  auto pair = RunWithBaseline("lokale_teams.json", 150);
  const auto rows = pair.cmp->Rows();
  const int p28 = PeriodOf(pair.base->model, 2028);
  const Comparison::Row& team = Find(rows, "jeugd", "lokaal_team", "meedoen", p28, kCmpUnique);
  INFO("extra youth in the lokaal team in 2028: " << team.diff.mean);
  CHECK(team.diff.mean >= 280);  // 309 at 10,000 replications
  // They came from the beschikking forms: by diversion and at the renewal of the beschikking.
  const ModelRun& alt = *pair.alt;
  double moved = 0;
  for (const char* f : {"begeleiding", "behandeling", "jeugd_ggz"})
    moved += alt.Get("jeugd", f, p28, kDiverted).mean + alt.Get("jeugd", f, p28, kReassessed).mean;
  CHECK(moved > 150);
}

}  // namespace sdsim::testing
