// results.xlsx: the workbook's sheets in order, the sheets that show a CSV table as it is (Risico
// from budget.csv, Doelen from targets.csv), Herkomst from manifest.json, and the helpers the
// sheets share.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "io/files.h"
#include "report/xlsx_sheets.h"

namespace sdsim {
namespace {

// Column headers of budget.csv and targets.csv for readers (unknown columns keep their name).
struct Heading {
  const char *column, *nl, *en;
};
const Heading kHeadings[] = {
    {"scenario", "Scenario", "Scenario"},
    {"line", "Begrotingsregel", "Budget line"},
    {"selection", "Selectie", "Selection"},
    {"year", "Jaar", "Year"},
    {"period", "Periode", "Period"},
    {"budget", "Begroting", "Budget"},
    {"replications", "Replicaties", "Replications"},
    {"mean_cost", "Kosten gemiddeld", "Cost mean"},
    {"p5_cost", "Kosten p5", "Cost p5"},
    {"p50_cost", "Kosten p50", "Cost p50"},
    {"p90_cost", "Kosten p90", "Cost p90"},
    {"p95_cost", "Kosten p95", "Cost p95"},
    {"p_overrun", "P(overschrijding)", "P(overrun)"},
    {"expected_overrun", "Verwachte overschrijding", "Expected overrun"},
    {"reserve_90", "Reserve nodig voor 90% zekerheid", "Reserve for 90% certainty"},
    {"reserve_95", "Reserve nodig voor 95% zekerheid", "Reserve for 95% certainty"},
    {"mean_backlog_cost", "Uitgestelde kosten wachtenden (gemiddeld)",
     "Deferred cost of waiting clients (mean)"},
    {"mean_cost_with_backlog", "Kosten incl. uitgestelde kosten (gemiddeld)",
     "Cost incl. deferred cost (mean)"},
    {"p_overrun_with_backlog", "P(overschrijding) incl. uitgestelde kosten",
     "P(overrun) incl. deferred cost"},
    {"mean_income", "Baten (gemiddeld)", "Income (mean)"},
    {"mean_saldo", "Saldo (gemiddeld)", "Balance (mean)"},
    {"target", "Doel", "Target"},
    {"metric", "Grootheid", "Metric"},
    {"lower", "Ondergrens", "Lower bound"},
    {"upper", "Bovengrens", "Upper bound"},
    {"mean", "Gemiddelde", "Mean"},
    {"probability_met", "Kans dat het doel gehaald wordt", "Probability of meeting it"},
    {"mean_in_range", "Gemiddelde binnen het bereik", "Mean within the range"},
    {"source", "Bron", "Source"},
};
// Columns that are text even when their values look like numbers (a line named "6.72").
const std::set<std::string> kTextColumns = {"scenario", "baseline", "line",     "selection",
                                            "target",   "metric",   "source",   "domain",
                                            "form",     "pillar",   "taakveld", "payer",
                                            "age_band", "cohort",   "level",    "mean_in_range"};

// A CSV table as a sheet table: headers translated, numbers as numbers. `money` is the format of
// amount columns; in targets.csv the row's metric decides.
void CsvSheetTable(const SheetContext& c, lxw_worksheet* ws, int row, const ResultTable& t,
                   lxw_format* money) {
  std::vector<std::string> header;
  for (const std::string& col : t.columns()) {
    std::string h = col;
    for (const Heading& x : kHeadings)
      if (col == x.column) h = c.L(x.nl, x.en);
    header.push_back(h);
  }
  const int metric = t.Column("metric");
  std::vector<std::vector<XCell>> rows;
  for (size_t r = 0; r < t.rows(); ++r) {
    std::vector<XCell> cells;
    for (size_t k = 0; k < t.columns().size(); ++k) {
      const std::string& name = t.columns()[k];
      const std::string& text = t.Text(r, static_cast<int>(k));
      const double v = t.Number(r, static_cast<int>(k));
      if (name == "period") {
        cells.push_back(PeriodCell(text));
      } else if (kTextColumns.count(name) || (std::isnan(v) && !text.empty())) {
        cells.push_back(XCell::Text(text == "yes"  ? c.L("ja", "yes")
                                    : text == "no" ? c.L("nee", "no")
                                                   : text));
      } else {
        lxw_format* f = money;
        if (name.rfind("p_", 0) == 0 || name == "probability_met")
          f = c.book.percent;
        else if (name == "replications" || name == "year")
          f = name == "year" ? nullptr : c.book.count;
        else if (metric >= 0)
          f = MetricFormat(c.book, t.Text(r, metric));
        cells.push_back(XCell::Number(v, f));
      }
    }
    rows.push_back(cells);
  }
  c.book.Table(ws, row, 0, header, rows, true, 0);
}

}  // namespace

XCell PeriodCell(const std::string& label) {
  if (!label.empty() && label.find_first_not_of("0123456789") == std::string::npos)
    return XCell::Number(std::atof(label.c_str()), nullptr);
  return XCell::Text(label);
}

lxw_format* MetricFormat(const XlsxBook& book, const std::string& m) {
  static const std::set<std::string> kMoney = {"cost",
                                               "cost_pgb",
                                               "income",
                                               "saldo",
                                               "backlog_cost",
                                               "investment",
                                               "cost_cumulative",
                                               "cost_per_client",
                                               "cost_with_backlog"};
  static const std::set<std::string> kCounts = {
      "clients_start", "clients_end",         "mean_clients", "inflow",
      "outflow",       "unique_clients",      "waiting_end",  "mean_waiting",
      "escalated",     "reentries",           "diverted",     "requests",
      "no_help",       "algemene_voorziening"};
  if (kMoney.count(m)) return book.euro;
  if (kCounts.count(m) || m.rfind("outflow_", 0) == 0) return book.count;
  return book.general;
}

std::string RowName(const RunResults& R, const Labels& L, const RowKey& k) {
  switch (LevelOf(k)) {
    case RowLevel::kTotal:
      return L("Totaal (alle domeinen en betalers)", "Total (all domains and payers)");
    case RowLevel::kDomain:
      return R.DomainLabel(k.domain);
    case RowLevel::kTaakveld:
      return (k.taakveld + " " + Labels::TaakveldName(k.taakveld));
    case RowLevel::kTaakveldPayer:
      return k.taakveld + " " + Labels::TaakveldName(k.taakveld) + " — " + k.payer;
    case RowLevel::kPayer:
      return L("Betaler: ", "Payer: ") + k.payer;
    default:
      return k.Joined();
  }
}

void RiskSheet(const SheetContext& c) {
  lxw_worksheet* ws = c.book.AddSheet(c.L("Risico", "Risk"));
  const int row = c.book.Title(
      ws, 0, c.L("Begrotingsrisico (paragraaf weerstandsvermogen)", "Budget risk"),
      c.results.budget().rows() == 0
          ? c.L("Geen begroting opgegeven: geef sdsim run --budget BESTAND (of \"budget\" in het "
                "scenario).",
                "No budget given: use sdsim run --budget FILE (or \"budget\" in the scenario).")
          : c.L("Per begrotingsregel en periode: de kans dat de kosten de begroting overschrijden, "
                "de verwachte overschrijding en de reserve bovenop de begroting die de kosten met "
                "90% en 95% zekerheid dekt.",
                "Per budget line and period: the probability that cost exceeds the budget, the "
                "expected overrun and the reserve on top of the budget that covers the cost with "
                "90% and 95% certainty."));
  if (c.results.budget().rows() > 0) CsvSheetTable(c, ws, row, c.results.budget(), c.book.euro);
}

void TargetsSheet(const SheetContext& c) {
  lxw_worksheet* ws = c.book.AddSheet(c.L("Doelen", "Targets"));
  const int row = c.book.Title(
      ws, 0, c.L("Doelen en bekende cijfers", "Targets and known figures"),
      c.results.targets().rows() == 0
          ? c.L("De scenario's noemen geen doelen (\"targets\").",
                "The scenarios declare no targets.")
          : c.L("Per doel: het gesimuleerde gemiddelde en p5–p95, de kans dat het doel gehaald "
                "wordt (aandeel replicaties binnen het bereik) en of het gemiddelde erbinnen ligt.",
                "Per target: the simulated mean and p5–p95, the probability of meeting it (share "
                "of replications within the range) and whether the mean lies within it."));
  if (c.results.targets().rows() > 0)
    CsvSheetTable(c, ws, row, c.results.targets(), c.book.general);
}

void ProvenanceSheet(const SheetContext& c) {
  const Labels& L = c.L;
  const Provenance& p = c.results.provenance();
  XlsxBook& b = c.book;
  lxw_worksheet* ws = b.AddSheet(L("Herkomst", "Provenance"));
  int row = b.Title(
      ws, 0, L("Herkomst van de cijfers", "Where the numbers come from"),
      L("Met dezelfde sdsim-versie, dezelfde opdracht en dezelfde invoerbestanden (controleer de "
        "SHA-256) komen dezelfde cijfers terug, bit voor bit, bij elk aantal threads.",
        "The same sdsim version, command and input files (check their SHA-256) give the same "
        "numbers, bit for bit, for any number of threads."));
  const std::pair<std::string, std::string> facts[] = {
      {L("Programma", "Program"), "sdsim " + p.version},
      {L("Opdracht", "Command"), p.command_line},
      {L("Seed (startgetal van het toeval)", "Seed"), p.seed},
      {L("Replicaties per scenario", "Replications per scenario"), p.replications},
      {L("Threads", "Threads"), p.threads},
      {L("MPI-processen", "MPI processes"), p.mpi_ranks},
      {L("Rapportageperiode", "Reporting period"), p.period},
      {L("Gestart (UTC)", "Started (UTC)"), p.started},
      {L("Klaar (UTC)", "Finished (UTC)"), p.finished},
      {L("Rekentijd (seconden)", "Run time (seconds)"), p.seconds},
      {L("Begrotingsbestand", "Budget file"), p.budget_file.empty() ? "-" : p.budget_file},
  };
  for (const auto& [k, v] : facts) {
    worksheet_write_string(ws, row, 0, k.c_str(), b.bold);
    worksheet_write_string(ws, row++, 1, v.c_str(), nullptr);
  }
  std::string outputs;
  for (const std::string& o : p.outputs) outputs += (outputs.empty() ? "" : ", ") + o;
  worksheet_write_string(ws, row, 0, L("Uitvoerbestanden", "Output files"), b.bold);
  worksheet_write_string(ws, row++, 1, outputs.c_str(), nullptr);
  ++row;
  std::vector<std::vector<XCell>> rows;
  for (const Provenance::InputFile& f : p.inputs)
    rows.push_back({XCell::Text(f.scenario), XCell::Text(f.path), XCell::Text(f.sha256)});
  b.Table(ws, row, 0,
          {L("Scenario", "Scenario"), L("Invoerbestand", "Input file"),
           L("SHA-256 (vingerafdruk van het bestand)", "SHA-256 (file fingerprint)")},
          rows, true, 0);
  worksheet_set_column(ws, 0, 0, 34, nullptr);
}

bool WriteWorkbook(const RunResults& results, const WorkbookOptions& options,
                   const std::string& path, std::string* err) {
  XlsxBook book(path);
  if (!book.ok()) {
    *err = path + ": cannot create the workbook";
    return false;
  }
  const Labels labels{options.lang};
  const SheetContext c{book, results, labels, options};
  SummarySheet(c);
  BudgetLayoutSheet(c);
  ComparisonSheet(c);
  RiskSheet(c);
  TargetsSheet(c);
  ProvenanceSheet(c);
  return book.Close(err);
}

bool WorkbookBytes(const RunResults& results, const WorkbookOptions& options, std::string* bytes,
                   std::string* err) {
  std::error_code ec;
  const std::filesystem::path tmp = std::filesystem::temp_directory_path(ec);
  std::string path = (tmp / "sdsim-workbook-XXXXXX").string();
  const int fd = ec ? -1 : ::mkstemp(path.data());
  if (fd < 0) {
    const char* env = std::getenv("TMPDIR");
    *err = "cannot create a temporary file for the workbook in the temporary folder " +
           (tmp.empty() ? std::string("$TMPDIR=") + (env ? env : "") : tmp.string()) +
           (ec ? ": " + ec.message() : std::string()) + " (set TMPDIR to a writable folder)";
    return false;
  }
  ::close(fd);
  const bool ok = WriteWorkbook(results, options, path, err) && ReadFile(path, bytes, err);
  std::remove(path.c_str());
  return ok;
}

}  // namespace sdsim
