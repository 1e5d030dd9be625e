// The begroting layout, from the user's side (the real binary): begroting.csv with taakveld x
// payer rows in BBV order, a level column in summary.csv over which sums never double count,
// budget lines by taakveld and payer, and the printed summary (the municipality's own money per
// domain, the budget result, only the targets that are off).
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "io/cost_table.h"
#include "pair_testing.h"

namespace sdsim::testing {
namespace {

// Taakvelden in the file in the order 6.72, 6.82, 6.1, 6.81; beschermd wonen moves from the
// centrumgemeente to the gemeente on 2026-01-01.
const char kScenario[] =
    R"({"name": "begroting", "start_date": "2025-01-01", "end_date": "2026-12-31",
  "domains": {
    "jeugd": {"taakveld": "6.72", "arrivals_per_year": 100,
      "routing": {"ambulant": 0.7, "verblijf": 0.3},
      "cost_lines": {"subsidie": {"amount_per_year": 100000, "taakveld": "6.1"}},
      "forms": {
        "ambulant": {"duration": {"type": "exponential", "mean": 200},
                     "tariff": {"amount": 30, "per": "day"}, "initial": {"clients": 40}},
        "verblijf": {"taakveld": "6.82", "duration": {"type": "exponential", "mean": 400},
                     "tariff": {"amount": 200, "per": "day"}, "initial": {"clients": 30}}}},
    "bw": {"taakveld": "6.81", "arrivals_per_year": 10,
      "forms": {"intramuraal": {"duration": {"type": "exponential", "mean": 700},
                                "tariff": {"amount": 180, "per": "day"}, "initial": {"clients": 20},
                                "payer": "centrumgemeente",
                                "payer_switch": {"date": "2026-01-01", "to": "gemeente"}}}}},
  "budget": {
    "maatwerk 18-": {"taakveld": "6.72", "payer": "gemeente", "amounts": {"2026": 500000}},
    "bw eigen geld": {"domain": "bw", "payer": "gemeente", "amounts": {"2026": 1500000}},
    "jeugdhulp en Wmo, eigen middelen, één totaal voor 2026": {"domain": "jeugd", "amounts": {"2026": 900000}}},
  "targets": {
    "plausible caseload": {"metric": "clients_end", "domain": "jeugd", "year": 2025, "range": [1, 1000]},
    "impossible caseload": {"metric": "clients_end", "domain": "jeugd", "year": 2025, "range": [5000, 6000]}}
})";

struct Run {
  TempDir dir;
  std::string out;
  CsvTable summary, begroting, budget;
};

std::unique_ptr<Run> RunScenario() {
  auto r = std::make_unique<Run>();
  const std::string file = r->dir.Write("begroting.json", kScenario);
  REQUIRE(RunSdsim("run " + file + " -r 40 -s 3 -q --out " + r->dir.path() + "/o", &r->out) == 0);
  r->summary = ParseCsvTable(ReadText(r->dir.path() + "/o/summary.csv"));
  r->begroting = ParseCsvTable(ReadText(r->dir.path() + "/o/begroting.csv"));
  r->budget = ParseCsvTable(ReadText(r->dir.path() + "/o/budget.csv"));
  return r;
}

}  // namespace

TEST_CASE("begroting.csv: taakveld x payer rows in BBV order, then domains, payers and the total",
          "[outputs][begroting][cli]") {
  const auto run = RunScenario();
  const CsvTable& b = run->begroting;
  CHECK(b.header == std::vector<std::string>{"scenario", "level", "taakveld", "taakveld_name",
                                             "payer", "domain", "2025 mean", "2025 p5", "2025 p95",
                                             "2026 mean", "2026 p5", "2026 p95"});
  std::vector<std::string> rows;
  for (const auto& row : b.rows)
    rows.push_back(b.Get(row, "level") + " " + b.Get(row, "taakveld") + " " + b.Get(row, "payer") +
                   " " + b.Get(row, "domain"));
  CHECK(rows == std::vector<std::string>{
                    "taakveld_payer 6.1 gemeente all", "taakveld 6.1 all all",
                    "taakveld_payer 6.72 gemeente all", "taakveld 6.72 all all",
                    "taakveld_payer 6.81 gemeente all", "taakveld_payer 6.81 centrumgemeente all",
                    "taakveld 6.81 all all", "taakveld_payer 6.82 gemeente all",
                    "taakveld 6.82 all all", "domain_payer all gemeente jeugd",
                    "domain all all jeugd", "domain_payer all gemeente bw",
                    "domain_payer all centrumgemeente bw", "domain all all bw",
                    "payer all gemeente all", "payer all centrumgemeente all",
                    "total all all all"});
  CHECK(b.Get(b.One({{"level", "taakveld"}, {"taakveld", "6.72"}}), "taakveld_name") ==
        "Maatwerkdienstverlening 18-");
  // The payer switch: beschermd wonen is the centrumgemeente's in 2025 and the gemeente's in 2026.
  const auto& own =
      b.One({{"level", "taakveld_payer"}, {"taakveld", "6.81"}, {"payer", "gemeente"}});
  const auto& centrum =
      b.One({{"level", "taakveld_payer"}, {"taakveld", "6.81"}, {"payer", "centrumgemeente"}});
  CHECK(b.Get(own, "2025 mean") == "0");
  CHECK(CsvNumber(b.Get(own, "2026 mean")) > 500000);
  CHECK(CsvNumber(b.Get(centrum, "2025 mean")) > 500000);
  CHECK(b.Get(centrum, "2026 mean") == "0");
  // The same numbers as summary.csv (the cost rows), rounded to cents.
  const CsvTable& s = run->summary;
  for (const auto& row : b.rows) {
    const auto& match = s.One({{"level", b.Get(row, "level")},
                               {"taakveld", b.Get(row, "taakveld")},
                               {"payer", b.Get(row, "payer")},
                               {"domain", b.Get(row, "domain")},
                               {"form", "all"},
                               {"pillar", "all"},
                               {"period", "2026"},
                               {"metric", "cost"}});
    CHECK(b.Get(row, "2026 mean") == s.Get(match, "mean"));
    CHECK(b.Get(row, "2026 p95") == s.Get(match, "p95"));
  }
}

TEST_CASE("summary.csv: a sum of cost over the rows of one level is the total, never double",
          "[outputs][begroting][cli]") {
  const auto run = RunScenario();
  const CsvTable& s = run->summary;
  std::set<std::string> levels;
  for (const auto& row : s.rows) levels.insert(s.Get(row, "level"));
  CHECK(levels == std::set<std::string>{"form", "domain", "domain_pillar", "domain_taakveld",
                                        "domain_payer", "pillar", "taakveld", "taakveld_payer",
                                        "payer", "total"});
  for (const char* period : {"2025", "2026"}) {
    const double total = CsvNumber(
        s.Get(s.One({{"level", "total"}, {"period", period}, {"metric", "cost"}}), "mean"));
    REQUIRE(total > 1e6);
    for (const std::string& level : levels) {
      INFO(period << " " << level);
      const auto rows = s.Where({{"level", level}, {"period", period}, {"metric", "cost"}});
      double sum = 0;
      for (const auto* r : rows) sum += CsvNumber(s.Get(*r, "mean"));
      CHECK(sum == Approx(total).margin(0.005 * static_cast<double>(rows.size() + 1)));
    }
    // What a pivot table on the whole column would do without the level filter: far too much.
    double all = 0;
    for (const auto* r : s.Where({{"period", period}, {"metric", "cost"}}))
      all += CsvNumber(s.Get(*r, "mean"));
    CHECK(all > 5 * total);
  }
}

TEST_CASE("budget lines by taakveld and payer, and by domain and payer",
          "[outputs][begroting][budget][cli]") {
  const auto run = RunScenario();
  const CsvTable& b = run->budget;
  const auto& line = b.One({{"line", "maatwerk 18-"}, {"period", "2026"}});
  CHECK(b.Get(line, "selection") == "taakveld 6.72 / payer gemeente");
  const auto& row = run->summary.One({{"level", "taakveld_payer"},
                                      {"taakveld", "6.72"},
                                      {"payer", "gemeente"},
                                      {"period", "2026"},
                                      {"metric", "cost"}});
  CHECK(b.Get(line, "mean_cost") == run->summary.Get(row, "mean"));
  CHECK(b.Get(b.One({{"line", "bw eigen geld"}, {"period", "2026"}}), "selection") ==
        "domain bw / payer gemeente");
}

TEST_CASE("the printed summary: own money per domain, the begroting, only the targets that are off",
          "[outputs][begroting][cli]") {
  const auto run = RunScenario();
  const std::string& out = run->out;
  const CsvTable& s = run->summary;
  INFO(out);
  CHECK_THAT(out, Catch::Contains("  begroting: cost paid by the gemeente x EUR 1,000, mean per "
                                  "domain; the total with [p5 - p95]\n"
                                  "    period      jeugd       bw      total\n"));
  // 2026: the gemeente pays jeugd and (after the switch) bw; in thousands, as in summary.csv.
  auto thousands = [&](const std::map<std::string, std::string>& where) {
    auto w = where;
    w["period"] = "2026";
    w["metric"] = "cost";
    return Thousands(CsvNumber(s.Get(s.One(w), "mean")) / 1e3);
  };
  const std::string jeugd = thousands({{"level", "domain_payer"}, {"domain", "jeugd"}});
  const std::string bw =
      thousands({{"level", "domain_payer"}, {"domain", "bw"}, {"payer", "gemeente"}});
  const std::string own = thousands({{"level", "payer"}, {"payer", "gemeente"}});
  char line[200];
  std::snprintf(line, sizeof line, "    2026    %9s%9s%11s  [", jeugd.c_str(), bw.c_str(),
                own.c_str());
  CHECK_THAT(out, Catch::Contains(line));
  CHECK_THAT(out,
             Catch::Contains("    besides, paid by centrumgemeente (not in this total): 2025 "));
  CHECK_THAT(out, Catch::Contains("  begroting of begroting x EUR 1,000 (budget.csv)"));
  // Line names as wide as the longest, up to 40 characters; a longer one is cut, never inside a
  // UTF-8 character.
  CHECK_THAT(out, Catch::Contains("    maatwerk 18-" + std::string(28, ' ') +
                                  " 2026     budget       500  cost "));
  CHECK_THAT(out, Catch::Contains("    jeugdhulp en Wmo, eigen middelen, één... 2026     budget "
                                  "      900  cost "));
  CHECK_THAT(out, Catch::Contains("  targets of begroting: 1 of 2 met (targets.csv); off"));
  CHECK_THAT(out, Catch::Contains("impossible caseload"));
  CHECK_THAT(out, !Catch::Contains("plausible caseload"));
}

}  // namespace sdsim::testing
