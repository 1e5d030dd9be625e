// End-to-end: results.xlsx from the real sdsim binary (Dronten baseline and lokale_teams with the
// begroting) opened in headless LibreOffice Calc. Every number in the Samenvatting, Begroting,
// Vergelijking, Risico and Doelen sheets is a number cell equal to the value in summary.csv,
// compare.csv, budget.csv or targets.csv; Herkomst names each input file's SHA-256; the charts
// are in the document, and on the printed pages (PDF rendered with pdftoppm) the Samenvatting
// page has coloured chart areas where the chart-free Begroting page has none.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "begroting_testing.h"
#include "io/csv.h"
#include "io/csv_read.h"
#include "io/sha256.h"
#include "office_testing.h"
#include "report/labels.h"

namespace sdsim::testing {
namespace {

// The sheets, in order (issue 12).
const std::vector<std::string> kSheets = {"Samenvatting", "Begroting", "Vergelijking",
                                          "Risico",       "Doelen",    "Herkomst"};

// Problems found, the first 20 listed.
struct Findings {
  std::vector<std::string> list;
  int total = 0, numbers = 0;
  void Add(const std::string& what) {
    if (++total <= 20) list.push_back(what);
  }
  std::string Text() const {
    std::string s;
    for (const std::string& l : list) s += l + "\n";
    return s + (total > 20 ? "... " + std::to_string(total - 20) + " more\n" : "");
  }
};

// The cell holds the number `want` (NaN: the cell is empty).
void ExpectNumber(const Cell& cell, double want, const std::string& where, Findings* f) {
  if (std::isnan(want)) {
    if (!cell.type.empty()) f->Add(where + ": expected an empty cell, got '" + cell.text + "'");
    return;
  }
  ++f->numbers;
  if (cell.type != "float" && cell.type != "currency" && cell.type != "percentage") {
    f->Add(where + ": expected the number " + FormatNumber(want) + ", got " + cell.type + " '" +
           cell.text + "'");
    return;
  }
  const double got = std::stod(cell.value);
  if (std::fabs(got - want) > 1e-9 * std::max(1.0, std::fabs(want)))
    f->Add(where + ": expected " + FormatNumber(want) + ", the sheet has " + cell.value);
}

// Index of the first row whose first cell reads `text`.
size_t HeaderRow(const Sheet& sheet, const std::string& text) {
  for (size_t r = 0; r < sheet.size(); ++r)
    if (!sheet[r].empty() && sheet[r][0].text == text) return r;
  FAIL("no row starting with " << text);
  return 0;
}

Cell At(const Sheet& sheet, size_t r, size_t c) {
  return r < sheet.size() && c < sheet[r].size() ? sheet[r][c] : Cell{};
}

// summary.csv and compare.csv rows by (scenario, row key, period, metric, cohort).
struct CsvIndex {
  ResultTable t;
  std::map<std::string, size_t> rows;
  explicit CsvIndex(const std::string& text) : t(ResultTable::Parse(text)) {
    for (size_t r = 0; r < t.rows(); ++r)
      rows[Key(t.Text(r, t.Column("scenario")), Get(r, "domain"), Get(r, "taakveld"),
               Get(r, "payer"), t.Text(r, t.Column("period")), t.Text(r, t.Column("metric")),
               Get(r, "cohort"))] = r;
  }
  std::string Get(size_t r, const char* col) const {
    return t.Has(col) ? t.Text(r, t.Column(col)) : "all";
  }
  static std::string Key(const std::string& s, const std::string& d, const std::string& tv,
                         const std::string& p, const std::string& per, const std::string& m,
                         const std::string& cohort = "all") {
    return s + "|" + d + "|" + tv + "|" + p + "|" + per + "|" + m + "|" + cohort;
  }
  // The value of `column` in the row, for rows of all forms, pillars and age bands.
  double Value(const std::string& key, const char* column) const {
    const auto it = rows.find(key);
    if (it == rows.end()) return std::nan("");
    return t.Number(it->second, t.Column(column));
  }
};

// The sheet's table, row by row, equals the CSV table (numbers as numbers, text as text).
void CompareWithCsv(const Sheet& sheet, size_t header, const ResultTable& csv, const char* name,
                    Findings* f) {
  for (size_t r = 0; r < csv.rows(); ++r)
    for (size_t c = 0; c < csv.columns().size(); ++c) {
      const std::string& col = csv.columns()[c];
      const std::string& text = csv.Text(r, static_cast<int>(c));
      const Cell cell = At(sheet, header + 1 + r, c);
      const std::string where = std::string(name) + " row " + std::to_string(r + 1) + " " + col;
      const double v = csv.Number(r, static_cast<int>(c));
      const bool text_column = col == "scenario" || col == "line" || col == "selection" ||
                               col == "target" || col == "metric" || col == "source" ||
                               col == "mean_in_range";
      if (text_column || (std::isnan(v) && !text.empty())) {
        const std::string want = text == "yes" ? "ja" : text == "no" ? "nee" : text;
        if (cell.type != "string" || cell.text != want)
          f->Add(where + ": expected text '" + want + "', got " + cell.type + " '" + cell.text +
                 "'");
      } else {
        ExpectNumber(cell, v, where, f);
      }
    }
}

TEST_CASE("results.xlsx in LibreOffice: cells equal the CSV values, charts are drawn",
          "[office][report]") {
  for (const char* program : {"soffice", "pdftoppm", "pdftotext"})
    if (!Installed(program))
      FAIL(program << " is not installed: run scripts/setup.sh (libreoffice-calc-nogui and "
                      "poppler-utils)");
  TempDir dir;
  const std::string out = dir.path() + "/o";
  std::string log;
  const std::string base = SourcePath("scenarios/dronten/baseline.json");
  REQUIRE(RunSdsim("run " + ShellQuote(base) + " " +
                       ShellQuote(SourcePath("scenarios/dronten/lokale_teams.json")) +
                       " --budget " + ShellQuote(SourcePath("scenarios/dronten/begroting.json")) +
                       " -r 30 -q --xlsx --out " + ShellQuote(out),
                   &log) == 0);
  const std::string fods_path =
      Soffice(dir.path(), out + "/results.xlsx", "fods", dir.path() + "/calc", "", &log);
  INFO(log);
  REQUIRE(!fods_path.empty());
  const std::string fods = ReadText(fods_path);
  std::map<std::string, Sheet> sheets;
  std::vector<std::string> names;
  for (auto& [name, sheet] : ParseFodsSheets(fods)) {
    names.push_back(name);
    sheets[name] = std::move(sheet);
  }
  REQUIRE(names == kSheets);
  const CsvIndex summary(ReadText(out + "/summary.csv"));
  const CsvIndex compare(ReadText(out + "/compare.csv"));
  std::set<std::string> period_set;
  for (size_t i = 0; i < summary.t.rows(); ++i)
    period_set.insert(summary.t.Text(i, summary.t.Column("period")));
  const int periods = static_cast<int>(period_set.size());
  const Labels L;
  Findings f;

  // Samenvatting: scenario, metric, period, mean, p5, p50, p95, p50 - p5, p95 - p50.
  const Sheet& sum = sheets["Samenvatting"];
  size_t r = HeaderRow(sum, "Scenario") + 1;
  int summary_rows = 0;
  // The metrics the results have: cost and clients always, saldo and backlog when there.
  const std::vector<std::string> candidates = {"cost", "income", "saldo", "backlog_cost",
                                               "unique_clients"};
  std::set<std::string> present;
  for (size_t i = 0; i < summary.t.rows(); ++i)
    present.insert(summary.t.Text(i, summary.t.Column("metric")));
  int shown = 0, money_lines = 0;
  for (const std::string& m : candidates) {
    shown += present.count(m) > 0;
    money_lines += present.count(m) > 0 && m != "unique_clients" && m != "income";
  }
  for (; r < sum.size() && !At(sum, r, 0).text.empty(); ++r, ++summary_rows) {
    std::string metric;
    for (const std::string& m : candidates)
      if (At(sum, r, 1).text == L.Metric(m)) metric = m;
    const std::string key =
        CsvIndex::Key(At(sum, r, 0).text, "all", "all", "all", At(sum, r, 2).value, metric);
    const std::string where = "Samenvatting row " + std::to_string(r + 1);
    const double p5 = summary.Value(key, "p5"), p50 = summary.Value(key, "p50");
    ExpectNumber(At(sum, r, 3), summary.Value(key, "mean"), where + " mean", &f);
    ExpectNumber(At(sum, r, 4), p5, where + " p5", &f);
    ExpectNumber(At(sum, r, 5), p50, where + " p50", &f);
    ExpectNumber(At(sum, r, 6), summary.Value(key, "p95"), where + " p95", &f);
    ExpectNumber(At(sum, r, 7), p50 - p5, where + " p50 - p5", &f);
  }
  CHECK(summary_rows == 2 * shown * periods);  // scenarios x metrics x years

  // The boeggolf below it: scenario, period, the stock's and the new inflow's cost, the total.
  const bool cohorts = summary.t.Has("cohort");
  int boeggolf_rows = 0;
  if (cohorts) {
    r = HeaderRow(sum, "Boeggolf: kosten van zittende cliënten en van nieuwe instroom");
    while (r < sum.size() && At(sum, r, 0).text != "Scenario") ++r;
    for (++r; r < sum.size() && !At(sum, r, 0).text.empty(); ++r, ++boeggolf_rows) {
      const std::string s = At(sum, r, 0).text, per = At(sum, r, 1).value;
      const std::string where = "Boeggolf row " + std::to_string(r + 1);
      const auto key = [&](const char* cohort) {
        return CsvIndex::Key(s, "all", "all", "all", per, "cost", cohort);
      };
      ExpectNumber(At(sum, r, 2), summary.Value(key("stock"), "mean"), where + " stock", &f);
      ExpectNumber(At(sum, r, 3), summary.Value(key("new"), "mean"), where + " new", &f);
      ExpectNumber(At(sum, r, 4), summary.Value(key("all"), "mean"), where + " total", &f);
    }
    CHECK(boeggolf_rows == 2 * periods);
  }

  // Begroting: metric, level, code, description, then per scenario the mean of each year.
  const Sheet& bud = sheets["Begroting"];
  const size_t bh = HeaderRow(bud, "Grootheid");
  const std::vector<std::string> scen = {"baseline", "lokale_teams"};
  int layout_rows = 0;
  for (r = bh + 1; r < bud.size() && !At(bud, r, 0).text.empty(); ++r, ++layout_rows) {
    const std::string level = At(bud, r, 1).text, code = At(bud, r, 2).text;
    std::string metric;
    for (const std::string& m : candidates)
      if (At(bud, r, 0).text == L.Metric(m)) metric = m;
    const std::string desc = At(bud, r, 3).text;
    const size_t dash = desc.rfind(" — ");  // "6.81 Geëscaleerde zorg 18+ — centrumgemeente"
    const std::string d = level == "Domein" ? code : "all",
                      tv = level.rfind("Taakveld", 0) == 0 ? code : "all",
                      py = level == "Betaler"              ? code
                           : level == "Taakveld × betaler" ? desc.substr(dash + 5)
                                                           : "all";
    for (size_t c = 4; c < 4 + 2 * static_cast<size_t>(periods); ++c) {
      const std::string s = scen[(c - 4) / periods], period = At(bud, bh, c).text;
      ExpectNumber(At(bud, r, c),
                   summary.Value(CsvIndex::Key(s, d, tv, py, period, metric), "mean"),
                   "Begroting row " + std::to_string(r + 1) + " " + s + " " + period, &f);
    }
  }
  CHECK(layout_rows >= 7 + 3 + 2 + 1);  // taakvelden, domains, payers, total
  CHECK(At(bud, bh - 1, 4).text == "baseline");
  CHECK(At(bud, bh - 1, 4 + periods).text == "lokale_teams");

  // Vergelijking: scenario, period, then cost, cumulative cost and investment differences.
  const Sheet& cmp = sheets["Vergelijking"];
  int compare_rows = 0;
  for (r = HeaderRow(cmp, "Scenario") + 1; r < cmp.size() && !At(cmp, r, 0).text.empty();
       ++r, ++compare_rows) {
    const std::string s = At(cmp, r, 0).text, per = At(cmp, r, 1).value;
    const std::string where = "Vergelijking row " + std::to_string(r + 1);
    const std::string cost = CsvIndex::Key(s, "all", "all", "all", per, "cost"),
                      cum = CsvIndex::Key(s, "all", "all", "all", per, "cost_cumulative"),
                      inv = CsvIndex::Key(s, "all", "all", "all", per, "investment");
    ExpectNumber(At(cmp, r, 2), compare.Value(cost, "mean_diff"), where, &f);
    ExpectNumber(At(cmp, r, 3), compare.Value(cost, "p5_diff"), where, &f);
    ExpectNumber(At(cmp, r, 4), compare.Value(cost, "p95_diff"), where, &f);
    ExpectNumber(At(cmp, r, 5), compare.Value(cost, "p_lower"), where, &f);
    ExpectNumber(At(cmp, r, 6), compare.Value(cum, "mean_diff"), where, &f);
    ExpectNumber(At(cmp, r, 7), compare.Value(cum, "p5_diff"), where, &f);
    ExpectNumber(At(cmp, r, 8), compare.Value(cum, "p50_diff"), where, &f);
    ExpectNumber(At(cmp, r, 9), compare.Value(cum, "p95_diff"), where, &f);
    ExpectNumber(At(cmp, r, 10), compare.Value(inv, "mean_diff"), where, &f);
  }
  CHECK(compare_rows == periods);

  // Risico and Doelen: budget.csv and targets.csv as they are.
  const ResultTable budget = ResultTable::Parse(ReadText(out + "/budget.csv"));
  const ResultTable targets = ResultTable::Parse(ReadText(out + "/targets.csv"));
  REQUIRE(static_cast<int>(budget.rows()) == 2 * DrontenBegroting().amounts);  // both scenarios
  CompareWithCsv(sheets["Risico"], HeaderRow(sheets["Risico"], "Scenario"), budget, "Risico", &f);
  CompareWithCsv(sheets["Doelen"], HeaderRow(sheets["Doelen"], "Scenario"), targets, "Doelen", &f);

  // Herkomst: every input file with its SHA-256.
  const std::string sha = Sha256Hex(ReadText(base));
  bool found = false;
  for (const auto& row : sheets["Herkomst"])
    for (const Cell& c : row) found |= c.text == sha;
  CHECK(found);
  INFO(f.Text());
  CHECK(f.total == 0);
  CHECK(f.numbers > 500);

  // The charts: in the document (Samenvatting: the medians of each money metric, a cost fan and
  // a boeggolf per scenario; Vergelijking: the cumulative fan) and drawn on the printed page.
  int objects = 0;
  WithoutObjects(fods, &objects);
  CHECK(objects == money_lines + 2 + (cohorts ? 2 : 0) + 1);
  const std::string pdf =
      Soffice(dir.path(), out + "/results.xlsx", "pdf", dir.path() + "/pdf", "", &log);
  REQUIRE(!pdf.empty());
  std::filesystem::copy_file(pdf, ArtefactDir() + "/results.pdf",
                             std::filesystem::copy_options::overwrite_existing);
  // Coloured pixels per sheet: a sheet's pages run from the one with its title to the next
  // sheet's title.
  long summary_colour = 0, budget_colour = 0;
  long* sheet = nullptr;
  for (int page = 1; page <= 20; ++page) {
    const std::string p = std::to_string(page), stem = dir.path() + "/page" + p;
    if (RunCommand("pdftotext -f " + p + " -l " + p + " " + ShellQuote(pdf) + " " +
                       ShellQuote(stem + ".txt"),
                   &log) != 0)
      break;
    RunCommand("pdftoppm -r 100 -f " + p + " -l " + p + " -singlefile " + ShellQuote(pdf) + " " +
                   ShellQuote(stem),
               &log);
    const std::string text = ReadText(stem + ".txt");
    if (text.find("Totale kosten, saldo en cliënten") != std::string::npos)
      sheet = &summary_colour;
    else if (text.find("Begroting: lasten per taakveld") != std::string::npos)
      sheet = &budget_colour;
    else if (text.find("Vergelijking met de basislijn") != std::string::npos)
      sheet = nullptr;
    if (sheet) *sheet += ReadPpm(ReadText(stem + ".ppm")).Coloured();
  }
  INFO("coloured pixels: Samenvatting page " << summary_colour << ", Begroting page "
                                             << budget_colour);
  CHECK(summary_colour > 2000);  // the fans and lines, in colour
  CHECK(budget_colour < 200);    // a table only: black, grey and the pale header
}

}  // namespace
}  // namespace sdsim::testing
