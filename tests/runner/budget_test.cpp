// Budget lines: BudgetTracker vs per-replication cost, line selection, --budget file errors.
#include "runner/budget.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "pair_testing.h"

namespace sdsim::testing {
namespace {

// Cost about EUR 3.65M a year (100 clients at 100 a day), with a Wmo-like second domain.
const char kScenario[] = R"({"start_date": "2025-01-01", "end_date": "2028-12-31",
  "domains": {
    "d": {"taakveld": "6.72", "arrivals_per_day": 1, "routing": {"f": 1},
          "forms": {"f": {"duration": {"type": "exponential", "mean": 100}, "tariff": {"amount": 100, "per": "day"},
                          "initial": {"clients": 100}}}},
    "w": {"taakveld": "6.71", "arrivals_per_day": 0.5, "routing": {"h": 1},
          "forms": {"h": {"duration": {"type": "exponential", "mean": 200}, "tariff": {"amount": 30, "per": "day"},
                          "pillar": "meedoen", "payer": "centrumgemeente", "initial": {"clients": 100}}}}}
  BUDGET})";

std::string WithBudget(const std::string& budget) {
  std::string s = kScenario;
  s.replace(s.find("BUDGET"), 6, budget.empty() ? "" : ", \"budget\": " + budget);
  return s;
}

std::string ScenarioFile(const TempDir& dir, const std::string& name,
                         const std::string& budget = "") {
  std::string text = WithBudget(budget);
  text.insert(1, "\"name\": \"" + name + "\", ");
  return dir.Write(name + ".json", text);
}

bool Exists(const std::string& p) { return std::filesystem::exists(p); }

}  // namespace

TEST_CASE("BudgetTracker: P(overrun), expected overrun and reserves from the per-replication cost",
          "[budget]") {
  const int reps = 400;
  auto run = LoadModelRun(WithBudget(R"({
      "totaal": {"amounts": {"2025": 4700000, "2026": 4650000, "2027": 4400000, "2028": 6000000}},
      "jeugd": {"domain": "d", "amounts": {"2026": 3650000, "2027": 3500000}},
      "jeugd vangnet": {"domain": "d", "pillar": "vangnet", "amounts": {"2028": 3700000}},
      "meedoen": {"pillar": "meedoen", "amounts": {"2026": 1000000}},
      "6.72": {"taakveld": "6.72", "amounts": {"2025": 3600000}},
      "centrum": {"payer": "centrumgemeente", "amounts": {"2027": 1100000}}})"));
  const Model& m = run->model;
  REQUIRE(m.budget.size() == 10);
  BudgetTracker tracker(m);
  BatchOptions opt;
  opt.seed = 71;
  opt.replications = reps;
  RunBatch({&m}, opt, [&](int, const std::vector<RepResult>& r) {
    run->agg->Add(r[0].values);
    tracker.Add(r[0]);
  });
  const auto results = tracker.Results();
  REQUIRE(results.size() == m.budget.size());
  bool some_uncertain = false;
  for (const BudgetResult& b : results) {
    const BudgetLine& line = *b.line;
    INFO(line.name << " period " << line.period);
    const auto& cost = run->agg->Column(run->layout.Index(line.period, line.group, kCost));
    REQUIRE(cost.size() == static_cast<size_t>(reps));
    double over = 0, overrun = 0;
    for (double c : cost) {
      over += c > line.amount;
      overrun += std::max(c - line.amount, 0.0);
    }
    std::vector<double> sorted = cost;
    std::sort(sorted.begin(), sorted.end());
    const Stats s = Summarise(cost);
    CHECK(b.cost.n == reps);
    CHECK(b.cost.mean == Approx(s.mean).epsilon(1e-12));
    CHECK(b.cost.p90 == Percentile(sorted, 0.9));  // exact below 1,000 replications
    CHECK(b.cost.p95 == Percentile(sorted, 0.95));
    CHECK(b.p_overrun == over / reps);
    CHECK(b.expected_overrun == Approx(overrun / reps).epsilon(1e-12).margin(1e-9));
    CHECK(b.reserve_90 == std::max(0.0, Percentile(sorted, 0.9) - line.amount));
    CHECK(b.reserve_95 == std::max(0.0, Percentile(sorted, 0.95) - line.amount));
    CHECK(b.reserve_95 >= b.reserve_90);
    some_uncertain |= b.p_overrun > 0.1 && b.p_overrun < 0.9 && b.reserve_90 > 0;
  }
  CHECK(some_uncertain);  // the check is not only about certain or impossible overruns
  // A budget far above the cost: no overrun, no reserve.
  const BudgetResult& last = results[3];  // totaal 2028
  REQUIRE(last.line->name == "totaal");
  CHECK(last.p_overrun == 0);
  CHECK(last.expected_overrun == 0);
  CHECK(last.reserve_90 == 0);
}

TEST_CASE("Budget lines select one output row each", "[budget]") {
  Model m;
  REQUIRE(LoadText(WithBudget(R"({
      "a": {"domain": "d", "amounts": {"2026": 1}},
      "b": {"domain": "w", "pillar": "meedoen", "amounts": {"2026": 2}},
      "c": {"pillar": "meedoen", "amounts": {"2026": 3}},
      "e": {"taakveld": "6.71", "amounts": {"2026": 4}},
      "g": {"payer": "centrumgemeente", "amounts": {"2026": 5}},
      "t": {"amounts": {"2025": 6, "2028": 7}}})"),
                   &m)
              .empty());
  REQUIRE(m.budget.size() == 7);
  const GroupKind kinds[7] = {GroupKind::kDomain,   GroupKind::kDomainPillar, GroupKind::kPillar,
                              GroupKind::kTaakveld, GroupKind::kPayer,        GroupKind::kTotal,
                              GroupKind::kTotal};
  const char* selections[7] = {"domain d",      "domain w / pillar meedoen", "pillar meedoen",
                               "taakveld 6.71", "payer centrumgemeente",     "total",
                               "total"};
  for (size_t i = 0; i < 7; ++i) {
    const BudgetLine& b = m.budget[i];
    INFO(b.name);
    CHECK(m.groups[b.group].kind == kinds[i]);
    CHECK(b.selection == selections[i]);
  }
  CHECK(m.groups[m.budget[1].group].domain == "w");
  CHECK(m.groups[m.budget[1].group].pillar == "meedoen");
  CHECK(m.budget[5].period == 0);
  CHECK(m.budget[6].period == 3);
  CHECK(m.budget[6].amount == 7);
}

TEST_CASE("Budget lines: a selection that matches no row, and other errors", "[budget]") {
  auto problems = [](const std::string& budget) {
    Model m;
    const auto p = LoadText(WithBudget(budget), &m);
    std::string all;
    for (const auto& s : p) all += s + "\n";
    return all;
  };
  // Domain d has no taakveld 6.71 row of its own: no row is domain d and taakveld 6.71.
  CHECK_THAT(problems(R"({"x": {"domain": "d", "taakveld": "6.71", "amounts": {"2026": 1}}})"),
             Catch::Contains("/budget/x") && Catch::Contains("no output row matches"));
  CHECK_THAT(problems(R"({"x": {"domain": "jeugd", "amounts": {"2026": 1}}})"),
             Catch::Contains("no output row matches"));
  CHECK_THAT(problems(R"({"x": {"payer": "rijk", "amounts": {"2026": 1}}})"),
             Catch::Contains("no output row matches"));
  CHECK_THAT(problems(R"({"x": {"domain": "d", "amounts": {"2031": 1}}})"),
             Catch::Contains("/budget/x/amounts/2031") && Catch::Contains("no such period"));
  CHECK_THAT(problems(R"({"x": {"domain": "d", "amounts": {"2026": -5}}})"),
             Catch::Contains("/budget/x/amounts/2026"));
  CHECK_THAT(problems(R"({"x": {"domian": "d", "amounts": {"2026": 1}}})"),
             Catch::Contains("domain"));
  CHECK_THAT(problems(R"({"x": {"domain": "d"}})"), Catch::Contains("amounts"));
  CHECK_THAT(problems(R"([1, 2])"), Catch::Contains("/budget"));
  CHECK(problems(R"({"x": {"domain": "d", "amounts": {"2026": 1}}})").empty());
}

TEST_CASE("sdsim run --budget FILE writes budget.csv, it replaces the scenario's own budget",
          "[budget][cli]") {
  TempDir dir;
  const std::string scen = ScenarioFile(dir, "s", R"({"eigen": {"amounts": {"2026": 1}}})");
  const std::string budget = dir.Write("begroting.json", R"({"description": "begroting 2026",
    "budget": {"totaal": {"amounts": {"2026": 4650000, "2027": 4700000}}, "jeugd": {"domain": "d", "amounts": {"2026": 3600000}}}})");
  std::string out;
  REQUIRE(RunSdsim("run " + scen + " -r 60 -s 5 -t 2 -q --per-replication --budget " + budget +
                       " --out " + dir.path() + "/o",
                   &out) == 0);
  const CsvTable t = ParseCsvTable(ReadText(dir.path() + "/o/budget.csv"));
  CHECK(t.header == std::vector<std::string>{"scenario",
                                             "line",
                                             "selection",
                                             "year",
                                             "period",
                                             "budget",
                                             "replications",
                                             "mean_cost",
                                             "p5_cost",
                                             "p50_cost",
                                             "p90_cost",
                                             "p95_cost",
                                             "p_overrun",
                                             "expected_overrun",
                                             "reserve_90",
                                             "reserve_95",
                                             "mean_backlog_cost",
                                             "mean_cost_with_backlog",
                                             "p_overrun_with_backlog",
                                             "mean_income",
                                             "mean_saldo"});
  REQUIRE(t.rows.size() == 3);
  CHECK(t.Where({{"line", "eigen"}}).empty());
  // Cross-check the total line against replications.csv, replication by replication.
  const CsvTable reps = ParseCsvTable(ReadText(dir.path() + "/o/replications.csv"));
  for (const char* year : {"2026", "2027"}) {
    const auto& row = t.One({{"line", "totaal"}, {"year", year}});
    CHECK(t.Get(row, "selection") == "total");
    CHECK(t.Get(row, "replications") == "60");
    const double amount = CsvNumber(t.Get(row, "budget"));
    // One row per replication; the total cost of the year in column "s: total cost <year>"
    // (both files round to cents).
    REQUIRE(reps.rows.size() == 60);
    double over = 0, overrun = 0, mean = 0;
    for (const auto& r : reps.rows) {
      const double c = CsvNumber(reps.Get(r, std::string("s: total cost ") + year));
      over += c > amount;
      overrun += std::max(c - amount, 0.0);
      mean += c / 60;
    }
    INFO(year);
    CHECK(CsvNumber(t.Get(row, "p_overrun")) == Approx(over / 60).margin(0.00005));  // 4 decimals
    CHECK(CsvNumber(t.Get(row, "expected_overrun")) == Approx(overrun / 60).margin(0.011));
    CHECK(CsvNumber(t.Get(row, "mean_cost")) == Approx(mean).margin(0.011));
    CHECK(CsvNumber(t.Get(row, "reserve_90")) ==
          Approx(std::max(0.0, CsvNumber(t.Get(row, "p90_cost")) - amount)).margin(1e-6));
  }
  const auto manifest = nlohmann::json::parse(ReadText(dir.path() + "/o/manifest.json"));
  CHECK(manifest["budget_file"] == budget);
}

TEST_CASE("sdsim run --budget: a bad budget file exits 1, names the file and writes nothing",
          "[budget][cli]") {
  TempDir dir;
  const std::string scen = ScenarioFile(dir, "s");
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"syntax.json", R"({"budget": {"x": {"domain": "d", "amounts": {"2026": 1}}})"},
      {"nobudget.json", R"({"begroting": {}})"},
      {"norow.json", R"({"budget": {"x": {"domain": "jeugd", "amounts": {"2026": 1}}}})"},
      {"period.json", R"({"budget": {"x": {"domain": "d", "amounts": {"2035": 1}}}})"},
      {"negative.json", R"({"budget": {"x": {"domain": "d", "amounts": {"2026": -1}}}})"},
      {"typo.json", R"({"budget": {"x": {"domian": "d", "amounts": {"2026": 1}}}})"}};
  for (const auto& [name, text] : bad) {
    const std::string path = dir.Write(name, text);
    const std::string o = dir.path() + "/out_" + name;
    std::string out;
    const int rc = RunSdsim("run " + scen + " -r 5 -q --budget " + path + " --out " + o, &out);
    INFO(name << ":\n" << out);
    CHECK(rc == 1);
    CHECK_THAT(out, Catch::Contains(name));
    CHECK_FALSE(Exists(o));
  }
  std::string out;
  CHECK(RunSdsim("run " + scen + " -r 5 -q --budget " + dir.path() + "/missing.json --out " +
                     dir.path() + "/m",
                 &out) == 1);
  CHECK_THAT(out, Catch::Contains("missing.json"));
  CHECK_FALSE(Exists(dir.path() + "/m"));
}

TEST_CASE("sdsim run --budget with two scenarios: every problem of the budget file is reported",
          "[levers]") {
  // Line x matches a row of s2 (which has a domain "extra") but not of s1; line y names a year
  // outside both horizons. The run must stop and show both problems with the budget file's
  // name. sim/cli/cmd_run.cpp prints only the first problems.size() / scenarios problems, on
  // the assumption that every scenario has the same ones, so y's problem is never shown (and
  // with x alone, 1 / 2 = 0 problems would be printed but for the follow-on noise below).
  TempDir dir;
  const std::string s1 = ScenarioFile(dir, "s1");
  std::string text = WithBudget("");
  text.insert(1, R"("name": "s2", )");
  text.replace(text.find(R"("domains": {)"), 12,
               R"("domains": {"extra": {"arrivals_per_year": 10, "forms": {"e": {
                    "duration": {"type": "fixed", "value": 5}, "tariff": {"amount": 1, "per": "day"}}}}, )");
  const std::string s2 = dir.Write("s2.json", text);
  const std::string budget = dir.Write("begroting.json", R"({"budget": {
      "x": {"domain": "extra", "amounts": {"2026": 1}},
      "y": {"domain": "d", "amounts": {"2099": 1}}}})");
  std::string out;
  const int rc = RunSdsim(
      "run " + s1 + " " + s2 + " -r 5 -q --budget " + budget + " --out " + dir.path() + "/o", &out);
  INFO(out);
  CHECK(rc == 1);
  CHECK_THAT(out, Catch::Contains("begroting.json: /budget/x") &&
                      Catch::Contains("no output row matches"));
  CHECK_THAT(out, Catch::Contains("begroting.json: /budget/y/amounts/2099") &&
                      Catch::Contains("no such period"));
  CHECK_FALSE(Exists(dir.path() + "/o"));
}

TEST_CASE("Budget line that matches no row: one problem, no follow-on \"unknown key\"",
          "[levers]") {
  // sim/scenario/build_model.cpp ReadBudget stops reading the line after "no output row
  // matches", so the Reader then reports its "amounts" as an unknown key ("known keys here:
  // source, domain, pillar, taakveld, payer") - a second, misleading problem.
  Model m;
  const auto problems =
      LoadText(WithBudget(R"({"x": {"domain": "jeugd", "amounts": {"2026": 1}}})"), &m);
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  INFO(all);
  CHECK(problems.size() == 1);
  CHECK_THAT(all, !Catch::Contains("unknown key"));
}

}  // namespace sdsim::testing
