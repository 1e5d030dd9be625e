// sdsim run outputs (real binary): compare.csv, --baseline, replications.csv, --threads bytes.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "pair_testing.h"

namespace sdsim::testing {
namespace {

std::string Scenario(const std::string& name, const std::string& extra = "") {
  return R"({"name": ")" + name + R"(", "start_date": "2025-01-01", "end_date": "2027-12-31", )" +
         extra + R"(
    "domains": {
      "jeugd": {"arrivals_per_day": 1, "routing": {"f": 0.6, "g": 0.4},
        "forms": {"f": {"duration": {"type": "exponential", "mean": 120}, "tariff": {"amount": 80, "per": "day"},
                        "initial": {"clients": 70}},
                  "g": {"capacity": 20, "duration": {"type": "exponential", "mean": 60}, "tariff": {"amount": 150, "per": "day"}}}},
      "wmo": {"arrivals_per_day": 0.5, "routing": {"h": 1},
        "forms": {"h": {"duration": {"type": "exponential", "mean": 300}, "tariff": {"amount": 20, "per": "day"},
                        "pillar": "meedoen", "initial": {"clients": 150}}}}}})";
}

// A scenario that extends a.json (so a.json is the baseline of a run with both).
std::string Variant(const std::string& name, const std::string& extra) {
  std::string body = extra;
  while (!body.empty() && (body.back() == ',' || body.back() == ' ' || body.back() == '\n'))
    body.pop_back();
  return R"({"extends": "a.json", "name": ")" + name + R"(", )" + body + "}";
}

const char kLever[] =
    R"("levers": {"preventie": {"type": "inflow", "domain": "jeugd", "change": -0.2, "from": "2026-01-01"}},
  "budget": {"totaal": {"amounts": {"2026": 5000000}}, "jeugd": {"domain": "jeugd", "amounts": {"2026": 3800000, "2027": 3700000}}},)";

const std::vector<std::string> kCompareHeader = {
    "scenario",      "baseline",      "level",       "domain",        "form",     "pillar",
    "taakveld",      "payer",         "year",        "period",        "metric",   "replications",
    "mean_diff",     "sd_diff",       "p5_diff",     "p50_diff",      "p95_diff", "p_lower",
    "baseline_mean", "scenario_mean", "sd_unpaired", "payback_period"};

std::map<std::string, std::string> TotalRow(const std::string& period, const std::string& metric) {
  return {{"domain", "all"}, {"form", "all"},    {"pillar", "all"}, {"taakveld", "all"},
          {"payer", "all"},  {"period", period}, {"metric", metric}};
}

std::vector<std::string> Files(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("run: two scenarios give compare.csv with the documented header, one scenario does not",
          "[outputs][compare][cli]") {
  TempDir dir;
  const std::string a = dir.Write("a.json", Scenario("basis"));
  const std::string b = dir.Write("b.json", Variant("preventie", kLever));
  std::string out;
  REQUIRE(RunSdsim("run " + a + " -r 10 -q --out " + dir.path() + "/one", &out) == 0);
  CHECK(Files(dir.path() + "/one") ==
        std::vector<std::string>{"begroting.csv", "manifest.json", "report.html", "summary.csv"});
  REQUIRE(RunSdsim("run " + a + " " + b + " -r 40 -s 2 -q --out " + dir.path() + "/two", &out) ==
          0);
  CHECK(Files(dir.path() + "/two") == std::vector<std::string>{"begroting.csv", "budget.csv",
                                                               "compare.csv", "manifest.json",
                                                               "report.html", "summary.csv"});
  CHECK_THAT(out, Catch::Contains("preventie vs basis (paired)") && Catch::Contains("payback:"));
  const CsvTable cmp = ParseCsvTable(ReadText(dir.path() + "/two/compare.csv"));
  CHECK(cmp.header == kCompareHeader);
  const CsvTable sum = ParseCsvTable(ReadText(dir.path() + "/two/summary.csv"));
  REQUIRE(!cmp.rows.empty());
  for (const auto& row : cmp.rows) {
    REQUIRE(cmp.Get(row, "scenario") == "preventie");
    REQUIRE(cmp.Get(row, "baseline") == "basis");
    REQUIRE(cmp.Get(row, "replications") == "40");
  }
  // Every metric of the comparison for the total row; the level columns match summary.csv.
  for (const char* metric :
       {"cost", "cost_cumulative", "clients_end", "unique_clients", "inflow", "investment"})
    CHECK(cmp.Where(TotalRow("2027", metric)).size() == 1);
  for (const char* period : {"2025", "2026", "2027"}) {
    INFO(period);
    const auto& row = cmp.One(TotalRow(period, "cost"));
    auto level = [&](const std::string& scenario) {
      auto where = TotalRow(period, "cost");
      where["scenario"] = scenario;
      where["age_band"] = "all";
      return CsvNumber(sum.Get(sum.One(where), "mean"));
    };
    const double bm = CsvNumber(cmp.Get(row, "baseline_mean")),
                 am = CsvNumber(cmp.Get(row, "scenario_mean"));
    CHECK(bm == level("basis"));
    CHECK(am == level("preventie"));
    // Each figure is written to the cent, so the written difference may differ by a cent.
    CHECK(CsvNumber(cmp.Get(row, "mean_diff")) == Approx(am - bm).margin(0.011));
    if (std::string(period) == "2025") {
      // Before the lever: no difference at all, but the levels themselves vary.
      CHECK(cmp.Get(row, "mean_diff") == "0");
      CHECK(cmp.Get(row, "sd_diff") == "0");
      CHECK(CsvNumber(cmp.Get(row, "sd_unpaired")) > 0);
    }
  }
  CHECK(CsvNumber(cmp.Get(cmp.One(TotalRow("2027", "cost")), "mean_diff")) < 0);
  // The payback column is filled on cost_cumulative rows only.
  for (const auto& row : cmp.rows) {
    if (cmp.Get(row, "metric") == "cost_cumulative")
      REQUIRE(!cmp.Get(row, "payback_period").empty());
    else
      REQUIRE(cmp.Get(row, "payback_period").empty());
  }
}

TEST_CASE("run --baseline: a baseline file that is not listed is added and compared against",
          "[outputs][compare][cli]") {
  TempDir dir;
  const std::string a = dir.Write("a.json", Scenario("basis"));
  const std::string b = dir.Write("b.json", Variant("preventie", kLever));
  std::string out;
  REQUIRE(RunSdsim("run " + b + " --baseline " + a + " -r 10 -q --out " + dir.path() + "/o",
                   &out) == 0);
  const CsvTable cmp = ParseCsvTable(ReadText(dir.path() + "/o/compare.csv"));
  REQUIRE(!cmp.rows.empty());
  CHECK(cmp.Where({{"scenario", "preventie"}, {"baseline", "basis"}}).size() == cmp.rows.size());
}

TEST_CASE("run --baseline picks the baseline among the listed files", "[levers]") {
  // `sdsim run a.json b.json --baseline b.json` must compare a against b; it compares b against a.
  TempDir dir;
  const std::string a = dir.Write("a.json", Scenario("basis"));
  const std::string b = dir.Write("b.json", Variant("preventie", kLever));
  std::string out;
  REQUIRE(
      RunSdsim("run " + a + " " + b + " --baseline " + b + " -r 10 -q --out " + dir.path() + "/o",
               &out) == 0);
  const CsvTable cmp = ParseCsvTable(ReadText(dir.path() + "/o/compare.csv"));
  REQUIRE(!cmp.rows.empty());
  CHECK(cmp.Get(cmp.rows[0], "scenario") == "basis");
  CHECK(cmp.Get(cmp.rows[0], "baseline") == "preventie");
}

TEST_CASE("run --per-replication: one row per replication that averages to summary.csv",
          "[outputs][cli]") {
  TempDir dir;
  const std::string a = dir.Write("a.json", Scenario("basis"));
  const std::string b = dir.Write("b.json", Variant("preventie", kLever));
  std::string out;
  const int reps = 25;
  REQUIRE(
      RunSdsim("run " + a + " " + b + " -r 25 -s 9 -q --per-replication --out " + dir.path() + "/o",
               &out) == 0);
  CHECK_THAT(out, Catch::Contains("replications.csv"));
  const CsvTable rep = ParseCsvTable(ReadText(dir.path() + "/o/replications.csv"));
  // Wide: a spreadsheet row per replication, the scenarios side by side.
  REQUIRE(rep.rows.size() == static_cast<size_t>(reps));
  CHECK(rep.header.front() == "replication");
  CHECK(rep.header.size() < 16384);
  for (int r = 0; r < reps; ++r) CHECK(rep.rows[r][0] == std::to_string(r));
  const CsvTable sum = ParseCsvTable(ReadText(dir.path() + "/o/summary.csv"));
  struct Cell {
    const char *column, *scenario, *level, *domain, *period, *metric;
  };
  const Cell cells[] = {
      {"basis: total cost 2025", "basis", "total", "all", "2025", "cost"},
      {"preventie: total cost 2027", "preventie", "total", "all", "2027", "cost"},
      {"preventie: jeugd clients_end 2026", "preventie", "domain", "jeugd", "2026", "clients_end"},
      {"basis: wmo unique_clients 2027", "basis", "domain", "wmo", "2027", "unique_clients"},
      {"preventie: total inflow 2027", "preventie", "total", "all", "2027", "inflow"},
      {"basis: jeugd waiting_end 2027", "basis", "domain", "jeugd", "2027", "waiting_end"}};
  for (const Cell& c : cells) {
    INFO(c.column);
    double mean = 0;
    for (const auto& row : rep.rows) mean += CsvNumber(rep.Get(row, c.column)) / reps;
    const auto& s = sum.One({{"scenario", c.scenario},
                             {"level", c.level},
                             {"domain", c.domain},
                             {"period", c.period},
                             {"metric", c.metric}});
    // Both are rounded to cents (hundredths).
    CHECK(CsvNumber(sum.Get(s, "mean")) == Approx(mean).margin(0.011));
  }
  // The begroting rows are there; detail rows (forms) and other metrics are not.
  CHECK(rep.Col("basis: - gemeente cost 2026") > 0);  // taakveld "-" x payer
  for (const std::string& h : rep.header) {
    CHECK(h.find(": f ") == std::string::npos);
    CHECK(h.find("mean_wait_days") == std::string::npos);
  }
  // One replication of both scenarios ran on the same random numbers: before the lever (2026)
  // they are equal in every replication.
  for (const auto& row : rep.rows)
    CHECK(rep.Get(row, "basis: total cost 2025") == rep.Get(row, "preventie: total cost 2025"));
  // 'all': long, every row and metric, forms included.
  REQUIRE(RunSdsim("run " + a + " -r 5 -s 9 -q --per-replication all --out " + dir.path() + "/all",
                   &out) == 0);
  const CsvTable all = ParseCsvTable(ReadText(dir.path() + "/all/replications.csv"));
  CHECK(all.header == std::vector<std::string>{"scenario", "replication", "level", "domain", "form",
                                               "pillar", "taakveld", "payer", "age_band", "cohort",
                                               "year", "period", "metric", "value"});
  const auto g = all.Where({{"form", "g"}, {"period", "2027"}, {"metric", "mean_wait_days"}});
  CHECK(g.size() == 5);
}

TEST_CASE("run: compare.csv, budget.csv and replications.csv are byte-identical for any --threads",
          "[outputs][cli]") {
  TempDir dir;
  const std::string a = dir.Write("a.json", Scenario("basis"));
  const std::string b = dir.Write("b.json", Variant("preventie", kLever));
  std::string out;
  for (const char* t : {"1", "2"})
    REQUIRE(RunSdsim("run " + a + " " + b + " -r 30 -s 11 -q --per-replication --csv nl -t " +
                         std::string(t) + " --out " + dir.path() + "/t" + t,
                     &out) == 0);
  for (const char* f : {"summary.csv", "compare.csv", "budget.csv", "replications.csv"}) {
    INFO(f);
    const std::string one = ReadText(dir.path() + "/t1/" + f),
                      two = ReadText(dir.path() + "/t2/" + f);
    CHECK(one.size() > 100);
    CHECK(one == two);
  }
}

TEST_CASE("run: levers that change nothing leave summary.csv byte-identical",
          "[outputs][levers][cli]") {
  // The same scenario without levers and with a diversion and a routing shift of share 0 (their
  // own random streams are drawn, nothing else may move).
  TempDir dir;
  const std::string plain = dir.Write("a/s.json", Scenario("s"));
  const std::string zero = dir.Write("b/s.json", Scenario("s", R"("levers": {
      "d0": {"type": "diversion", "domain": "jeugd", "forms": ["g"], "to": "f", "share": 0},
      "r0": {"type": "routing_shift", "domain": "jeugd", "forms": ["f"], "to": "g", "share": 0,
             "from": "2026-01-01", "ramp_months": 6}},)"));
  std::string out;
  REQUIRE(RunSdsim("run " + plain + " -r 20 -s 5 -q --out " + dir.path() + "/a_out", &out) == 0);
  REQUIRE(RunSdsim("run " + zero + " -r 20 -s 5 -q --out " + dir.path() + "/b_out", &out) == 0);
  const std::string a = ReadText(dir.path() + "/a_out/summary.csv");
  CHECK(a.size() > 1000);
  CHECK(a == ReadText(dir.path() + "/b_out/summary.csv"));
}

TEST_CASE("Dronten: lokale_teams vs baseline, the paired spread is far below the unpaired",
          "[outputs][compare][cli][slow]") {
  TempDir dir;
  std::string out;
  REQUIRE(RunSdsim("run " + SourcePath("scenarios/dronten/baseline.json") + " " +
                       SourcePath("scenarios/dronten/lokale_teams.json") + " -r 40 -s 1 -q --out " +
                       dir.path() + "/o",
                   &out) == 0);
  const CsvTable cmp = ParseCsvTable(ReadText(dir.path() + "/o/compare.csv"));
  auto row = [&](const char* period, const char* metric) {
    auto where = TotalRow(period, metric);
    where["scenario"] = "lokale_teams";
    where["baseline"] = "baseline";
    return cmp.One(where);
  };
  // 2025, before any lever or investment: no difference in any replication.
  CHECK(cmp.Get(row("2025", "cost"), "sd_diff") == "0");
  CHECK(cmp.Get(row("2025", "cost"), "mean_diff") == "0");
  for (const char* period : {"2027", "2028"}) {
    for (const char* metric : {"cost", "clients_end"}) {
      const auto& r = row(period, metric);
      const double paired = CsvNumber(cmp.Get(r, "sd_diff")),
                   unpaired = CsvNumber(cmp.Get(r, "sd_unpaired"));
      INFO(period << " " << metric << ": paired " << paired << ", unpaired " << unpaired);
      CHECK(paired > 0);
      CHECK(paired < unpaired / 3);
    }
  }
  // The investment lines show up as such.
  CHECK(CsvNumber(cmp.Get(row("2026", "investment"), "mean_diff")) > 400000);
}

}  // namespace sdsim::testing
