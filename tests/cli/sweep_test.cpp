// sdsim sweep (real binary): grid sweep.csv, every point checked before anything runs, keys
// that do not exist, Dutch decimals, the printed table, --baseline and --budget, progress and
// Ctrl-C, the nl dialect.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "io/cost_table.h"
#include "pair_testing.h"

namespace sdsim::testing {
namespace {

const char kBase[] = R"({"name": "basis", "start_date": "2025-01-01", "end_date": "2026-12-31",
  "domains": {"d": {"arrivals_per_year": 100, "routing": {"f": 1},
    "forms": {"f": {"capacity": 10, "duration": {"type": "exponential", "mean": 60},
                    "tariff": {"amount": 50, "per": "day"}}}}},
  "levers": {"x": {"type": "inflow", "domain": "d", "change": -0.1, "from": "2026-01-01"}}})";

const std::vector<std::string>& SummaryColumns() {
  static const std::vector<std::string> cols = {
      "scenario", "level",  "domain", "form",   "pillar", "taakveld",     "payer",
      "age_band", "cohort", "year",   "period", "metric", "replications", "mean",
      "sd",       "p5",     "p25",    "p50",    "p75",    "p95"};
  return cols;
}

std::vector<std::string> Tail(const std::vector<std::string>& row, size_t skip) {
  return std::vector<std::string>(row.begin() + static_cast<long>(skip), row.end());
}

}  // namespace

TEST_CASE("sweep: a 2 x 2 grid, one lead column per key, the same numbers as plain runs",
          "[sweep][cli][threads]") {
  TempDir dir;
  const std::string base = dir.Write("base.json", kBase);
  const std::string args = " -r 20 -s 3 -t 2 -q";
  std::string out;
  REQUIRE(RunSdsim("sweep " + base +
                       " --vary domains.d.forms.f.capacity=5,10 --vary "
                       "/domains/d/arrivals_per_year=100,200" +
                       args + " --out " + dir.path() + "/sw",
                   &out) == 0);
  CHECK_THAT(out, Catch::Contains("4 points finished"));
  const CsvTable sweep = ParseCsvTable(ReadText(dir.path() + "/sw/sweep.csv"));
  std::vector<std::string> header = {"domains.d.forms.f.capacity", "/domains/d/arrivals_per_year"};
  header.insert(header.end(), SummaryColumns().begin(), SummaryColumns().end());
  CHECK(sweep.header == header);
  // Each point has as many rows as summary.csv of one run; points in grid order, last key fastest.
  REQUIRE(RunSdsim("run " + base + args + " --out " + dir.path() + "/plain", &out) == 0);
  const CsvTable plain = ParseCsvTable(ReadText(dir.path() + "/plain/summary.csv"));
  const size_t n = plain.rows.size();
  REQUIRE(n > 50);
  REQUIRE(sweep.rows.size() == 4 * n);
  const std::pair<std::string, std::string> points[4] = {
      {"5", "100"}, {"5", "200"}, {"10", "100"}, {"10", "200"}};
  for (size_t i = 0; i < sweep.rows.size(); ++i) {
    const auto& row = sweep.rows[i];
    INFO("row " << i);
    REQUIRE(row.size() == header.size());
    CHECK(row[0] == points[i / n].first);
    CHECK(row[1] == points[i / n].second);
    CHECK(row[2] == "basis");
  }
  // The point (10, 100) is the base itself; (5, 200) equals a run of that variant.
  for (size_t i = 0; i < n; ++i) CHECK(Tail(sweep.rows[2 * n + i], 2) == plain.rows[i]);
  std::string variant = kBase;
  variant.replace(variant.find(R"("capacity": 10)"), 14, R"("capacity": 5)");
  variant.replace(variant.find(R"("arrivals_per_year": 100)"), 24, R"("arrivals_per_year": 200)");
  REQUIRE(
      RunSdsim("run " + dir.Write("v/basis.json", variant) + args + " --out " + dir.path() + "/v5",
               &out) == 0);
  const CsvTable v5 = ParseCsvTable(ReadText(dir.path() + "/v5/summary.csv"));
  REQUIRE(v5.rows.size() == n);
  for (size_t i = 0; i < n; ++i) CHECK(Tail(sweep.rows[n + i], 2) == v5.rows[i]);
  const auto manifest = nlohmann::json::parse(ReadText(dir.path() + "/sw/manifest.json"));
  CHECK(manifest["sweep"]["points"] == 4);
  CHECK(manifest["sweep"]["finished"] == 4);
  CHECK(manifest["sweep"]["base_point"] == 3);  // capacity 10, 100 arrivals: the file's values
}

TEST_CASE("sweep: a lever's size on common random numbers", "[sweep][cli][levers]") {
  // All points use the same seed: 2025, before the lever, is identical in every point.
  TempDir dir;
  const std::string base = dir.Write("base.json", kBase);
  std::string out;
  REQUIRE(RunSdsim("sweep " + base + " --vary levers.x.change=0,-0.5 -r 30 -s 4 -q --out " +
                       dir.path() + "/sw",
                   &out) == 0);
  const CsvTable t = ParseCsvTable(ReadText(dir.path() + "/sw/sweep.csv"));
  auto value = [&](const std::string& change, const std::string& year, const std::string& col) {
    return t.Get(t.One({{"levers.x.change", change},
                        {"domain", "d"},
                        {"form", "all"},
                        {"pillar", "all"},
                        {"taakveld", "all"},
                        {"payer", "all"},
                        {"age_band", "all"},
                        {"period", year},
                        {"metric", "requests"}}),
                 col);
  };
  for (const char* col : {"mean", "sd", "p5", "p95"})
    CHECK(value("0", "2025", col) == value("-0.5", "2025", col));
  const double full = CsvNumber(value("0", "2026", "mean")),
               half = CsvNumber(value("-0.5", "2026", "mean"));
  CHECK(half / full == Approx(0.5).margin(0.08));
}

TEST_CASE("sweep: every point is checked before anything runs, a bad one stops the sweep",
          "[sweep][cli]") {
  TempDir dir;
  const std::string base = dir.Write("base.json", kBase);
  std::string out;
  const int rc =
      RunSdsim("sweep " + base + " --vary domains.d.forms.f.capacity=5,-1,10 -r 10 -q --out " +
                   dir.path() + "/sw",
               &out);
  INFO(out);
  CHECK(rc == 1);
  CHECK_THAT(out, Catch::StartsWith("point 2 (domains.d.forms.f.capacity=-1): ") &&
                      Catch::Contains("[this value comes from --vary domains.d.forms.f.capacity]"));
  CHECK_THAT(out, Catch::EndsWith(
                      "sdsim sweep: problems in 1 of 3 points; nothing was run or written.\n"));
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/sw"));
}

TEST_CASE("sweep: a key whose parent does not exist is rejected before running", "[sweep][cli]") {
  TempDir dir;
  const std::string base = dir.Write("base.json", kBase);
  for (const std::string key :
       {"domains.d.forms.nope.capacity", "/domains/e/forms/f/capacity", "levers.y.change"}) {
    std::string out;
    const int rc = RunSdsim(
        "sweep " + base + " --vary " + key + "=1,2 -r 5 -q --out " + dir.path() + "/sw", &out);
    INFO(key << ": " << out);
    CHECK(rc == 1);
    CHECK_THAT(out, Catch::Contains("--vary " + key) && Catch::Contains("does not exist"));
    CHECK_THAT(out, !Catch::Contains("point 1"));  // nothing was run
    CHECK_FALSE(std::filesystem::exists(dir.path() + "/sw"));
  }
  // A misspelt key names the nearest one, where the path breaks or at the end.
  const std::pair<std::string, std::string> typos[] = {
      {"domains.d.form.f.capacity",
       "sdsim sweep: --vary domains.d.form.f.capacity: domains.d.form does not exist in "
       "base.json (after extends); did you mean domains.d.forms.f.capacity?\n"},
      {"domains.d.forms.f.capacty",
       "sdsim sweep: --vary domains.d.forms.f.capacty: unknown key \"capacty\"; did you mean "
       "\"capacity\"? (domains.d.forms.f in base.json)\n"}};
  for (const auto& [key, message] : typos) {
    std::string out;
    CHECK(RunSdsimIn(dir.path(), "sweep base.json --vary " + key + "=5,10 -r 5 -q --out sw",
                     &out) == 1);
    CHECK(out == message);
    CHECK_FALSE(std::filesystem::exists(dir.path() + "/sw"));
  }
  // A new key under an existing parent is fine (a key the form did not have).
  std::string out;
  CHECK(RunSdsim("sweep " + base +
                     " --vary domains.d.forms.f.wlz_exit_per_year=0,0.1 -r 5 -q --out " +
                     dir.path() + "/ok",
                 &out) == 0);
}

TEST_CASE("sweep: the nl dialect", "[sweep][cli]") {
  TempDir dir;
  const std::string base = dir.Write("base.json", kBase);
  std::string out;
  REQUIRE(RunSdsim("sweep " + base +
                       " --vary domains.d.forms.f.tariff.amount=50.5,60 -r 10 -q --csv nl --out " +
                       dir.path() + "/sw",
                   &out) == 0);
  const std::string text = ReadText(dir.path() + "/sw/sweep.csv");
  REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);  // byte-order mark, once
  CHECK(text.find("\xEF\xBB\xBF", 3) == std::string::npos);
  CHECK(text.rfind("\xEF\xBB\xBF"
                   "domains.d.forms.f.tariff.amount;scenario;level;domain;form;",
                   0) == 0);
  const CsvTable t = ParseCsvTable(text, ';');
  REQUIRE(t.rows.size() % 2 == 0);
  const size_t n = t.rows.size() / 2;
  CHECK(t.rows[0][0] == "50,5");
  CHECK(t.rows[n][0] == "60");
  // Costs scale with the tariff (the same clients at both points): 60 / 50.5.
  auto cost = [&](const std::string& v) {
    return CsvNumber(t.Get(t.One({{"domains.d.forms.f.tariff.amount", v},
                                  {"domain", "d"},
                                  {"form", "f"},
                                  {"period", "2026"},
                                  {"metric", "cost"}}),
                           "mean"),
                     ',');
  };
  CHECK(cost("60") / cost("50,5") == Approx(60 / 50.5).epsilon(1e-12));
}

TEST_CASE("sweep: values that look like Dutch decimals are refused with the fix", "[sweep][cli]") {
  TempDir dir;
  dir.Write("base.json", kBase);
  const std::pair<std::string, std::string> cases[] = {
      // The file has a fraction (-0.1): 0,3 is 0.3, not the two points 0 and 3.
      {"levers.x.change=0,3",
       "sdsim sweep: --vary levers.x.change=0,3: \"0,3\" looks like a Dutch decimal (0.3; the "
       "file has -0.1): write decimals with a point (levers.x.change=0.3); if you meant separate "
       "values, separate them with ';' (levers.x.change=0;3)\n"},
      {"levers.x.change=-0,05",
       "sdsim sweep: --vary levers.x.change=-0,05: \"-0,05\" looks like a Dutch decimal (-0.05; "
       "the file has -0.1): write decimals with a point (levers.x.change=-0.05)\n"},
      {"levers.x.change=-0,1;-0,2",
       "sdsim sweep: --vary levers.x.change=-0,1;-0,2: \"-0,1\" looks like a Dutch decimal "
       "(-0.1); write decimals with a point, e.g. levers.x.change=-0.1 (see sdsim sweep "
       "--help)\n"}};
  for (const auto& [vary, message] : cases) {
    std::string out;
    CHECK(RunSdsimIn(dir.path(), "sweep base.json --vary \"" + vary + "\" -r 5 -q --out sw",
                     &out) == 2);
    CHECK(out == message);
    CHECK_FALSE(std::filesystem::exists(dir.path() + "/sw"));
  }
  // Whole numbers where the file has a whole number are a list; ';' separates too.
  std::string out;
  CHECK(RunSdsimIn(dir.path(),
                   "sweep base.json --vary domains.d.forms.f.capacity=5,10 --vary "
                   "\"levers.x.change=-0.1;-0.2\" -r 5 -q --out ok",
                   &out) == 0);
  CHECK_THAT(out, Catch::Contains("4 points finished"));
}

TEST_CASE("sweep: the printed table, --baseline (paired) and --budget", "[sweep][cli]") {
  TempDir dir;
  dir.Write("base.json", kBase);
  dir.Write("nul.json", R"({"extends": "base.json", "name": "nul", "levers": null})");
  dir.Write("begroting.json", R"({"budget": {"totaal": {"amounts": {"2026": 180000}}}})");
  std::string out;
  REQUIRE(RunSdsimIn(dir.path(),
                     "sweep base.json --vary levers.x.change=-0.5,-0.1 --baseline nul.json "
                     "--budget begroting.json -r 40 -s 2 -q --out sw",
                     &out) == 0);
  INFO(out);
  // Point 2 has the file's own value: the base point. Its row and the other's difference from it.
  CHECK_THAT(out, Catch::Contains("  sweep: cost paid by the gemeente in 2026 x EUR 1,000 per "
                                  "point; the difference from point 2 (the base file's own "
                                  "values); paired "
                                  "with nul on the same random numbers\n"
                                  "    point  levers.x.change  cost 2026 [p5 - p95]  vs point 2  "
                                  "vs nul  P(saving)  cumulative  payback  P(over totaal 2026)\n"));
  const CsvTable cmp = ParseCsvTable(ReadText(dir.path() + "/sw/sweep_compare.csv"));
  CHECK(cmp.header.front() == "levers.x.change");
  CHECK(cmp.Where({{"scenario", "basis"}, {"baseline", "nul"}}).size() == cmp.rows.size());
  const CsvTable budget = ParseCsvTable(ReadText(dir.path() + "/sw/sweep_budget.csv"));
  REQUIRE(budget.rows.size() == 2);  // one line, one year, two points; not the baseline's
  // The table's numbers are those of the files (in thousands; P(overrun) in percent).
  const CsvTable sum = ParseCsvTable(ReadText(dir.path() + "/sw/sweep.csv"));
  const char* const points[2] = {"-0.5", "-0.1"};
  for (int i = 0; i < 2; ++i) {
    const std::string v = points[i];
    const double cost = CsvNumber(sum.Get(
        sum.One(
            {{"levers.x.change", v}, {"level", "total"}, {"period", "2026"}, {"metric", "cost"}}),
        "mean"));
    const double p_over = CsvNumber(budget.Get(budget.One({{"levers.x.change", v}}), "p_overrun"));
    const size_t at = out.find("\n    " + std::to_string(i + 1) + "      " + v);
    REQUIRE(at != std::string::npos);
    const std::string row = out.substr(at + 1, out.find('\n', at + 1) - at - 1);
    char pct[16];
    std::snprintf(pct, sizeof pct, " %.0f%%", 100 * p_over);
    INFO(row);
    CHECK_THAT(row, Catch::Contains(" " + Thousands(cost / 1e3) + " [") && Catch::EndsWith(pct));
    if (i == 1) CHECK_THAT(row, Catch::Contains(" base "));
  }
  const auto manifest = nlohmann::json::parse(ReadText(dir.path() + "/sw/manifest.json"));
  CHECK(manifest["sweep"]["base_point"] == 2);
  CHECK(manifest["sweep"]["baseline"] == "nul");
  CHECK(manifest["budget_file"] == "begroting.json");
}

TEST_CASE("sweep: progress from the start of the first point, Ctrl-C does not jump to the end",
          "[sweep][cli]") {
  // Under `script` stderr is a terminal, so the progress line is drawn. Three points of 30,000
  // replications take seconds each; SIGINT comes after 1.5 s, inside the first point.
  TempDir dir;
  dir.Write("base.json", kBase);
  std::string out;
  RunShell("cd " + dir.path() + " && script -qc 'timeout -s INT 1.5 " + std::string(SDSIM_BINARY) +
               " sweep base.json --vary levers.x.change=-0.1,-0.2,-0.3 -r 30000 -t 1 --out sw' "
               "/dev/null",
           &out);
  INFO(out);
  std::vector<long> counts;
  for (size_t at = 0; (at = out.find("replications ", at)) != std::string::npos; ++at) {
    long done = 0, total = 0;
    if (std::sscanf(out.c_str() + at, "replications %ld/%ld", &done, &total) == 2) {
      CHECK(total == 90000);
      counts.push_back(done);
    }
  }
  REQUIRE(counts.size() >= 2);
  CHECK(counts.front() == 0);
  // Progress inside the first point, and after Ctrl-C no jump to the total.
  CHECK(std::any_of(counts.begin(), counts.end(), [](long c) { return c > 0 && c < 30000; }));
  CHECK(counts.back() < 90000);
  CHECK_THAT(out, Catch::Contains("sdsim sweep: interrupted"));
}

}  // namespace sdsim::testing
