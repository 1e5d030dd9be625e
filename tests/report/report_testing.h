// Synthetic run outputs for the report and workbook tests: summary.csv, compare.csv, budget.csv
// and targets.csv text written with the real CsvWriter, with values that say where they belong
// (Value()), and optionally the columns and metrics other changes add (a cohort split, saldo).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "io/csv.h"

namespace sdsim::testing {

struct SyntheticOptions {
  bool cohorts = false;  // a "cohort" column with all/stock/new rows
  bool saldo = false;    // income and saldo metrics
  CsvDialect dialect = CsvDialect::kIntl;
};

// The mean of a summary row: scenario s (0, 1), row r, period p (0, 1), metric m (0: cost).
inline double Value(int s, int r, int p, int m) { return 1e6 * (s + 1) + 1e4 * r + 100 * p + m; }

// Rows of the synthetic summary: domain, taakveld, payer (the rest "all").
struct SynRow {
  const char *domain, *taakveld, *payer;
};
inline const std::vector<SynRow>& SyntheticRows() {
  static const std::vector<SynRow> rows = {
      {"all", "all", "all"},     {"jeugd", "all", "all"},
      {"wmo", "all", "all"},     {"all", "6.82", "all"},
      {"all", "6.1", "all"},     {"all", "6.72", "all"},
      {"all", "6.81", "all"},    {"all", "6.81", "centrumgemeente"},
      {"all", "all", "gemeente"}};
  return rows;
}

inline std::vector<std::pair<std::string, std::string>> SyntheticRun(
    const SyntheticOptions& o = {}) {
  const char* scenarios[] = {"base", "alt"};
  const char* periods[] = {"2025", "2026"};
  std::vector<std::string> metrics = {"cost", "unique_clients"};
  if (o.saldo) metrics.insert(metrics.end(), {"income", "saldo"});
  CsvWriter s(o.dialect);
  for (const char* c : {"scenario", "domain", "form", "pillar", "taakveld", "payer", "age_band"})
    s.Text(c);
  if (o.cohorts) s.Text("cohort");
  for (const char* c :
       {"year", "period", "metric", "replications", "mean", "sd", "p5", "p25", "p50", "p75", "p95"})
    s.Text(c);
  s.EndRow();
  for (int sc = 0; sc < 2; ++sc)
    for (size_t r = 0; r < SyntheticRows().size(); ++r)
      for (const char* cohort : {"all", "stock", "new"}) {
        if (std::string(cohort) != "all" && (!o.cohorts || r != 0)) continue;
        for (int p = 0; p < 2; ++p)
          for (size_t m = 0; m < metrics.size(); ++m) {
            const SynRow& row = SyntheticRows()[r];
            double v = Value(sc, static_cast<int>(r), p, static_cast<int>(m));
            if (std::string(cohort) == "stock") v *= 0.75;
            if (std::string(cohort) == "new") v *= 0.25;
            s.Text(scenarios[sc]).Text(row.domain).Text("all").Text("all").Text(row.taakveld);
            s.Text(row.payer).Text("all");
            if (o.cohorts) s.Text(cohort);
            s.Integer(2025 + p).Text(periods[p]).Text(metrics[m]).Integer(50);
            s.Number(v).Number(v / 100).Number(v * 0.9).Number(v * 0.95).Number(v * 1.01);
            s.Number(v * 1.05).Number(v * 1.1).EndRow();
          }
      }
  CsvWriter c(o.dialect);
  for (const char* h : {"scenario", "baseline", "domain", "form", "pillar", "taakveld", "payer",
                        "year", "period", "metric", "replications", "mean_diff", "sd_diff",
                        "p5_diff", "p50_diff", "p95_diff", "p_lower", "payback_period"})
    c.Text(h);
  c.EndRow();
  const char* cmp_metrics[] = {"cost", "cost_cumulative", "investment", "unique_clients", "saldo"};
  for (const char* m : cmp_metrics) {
    if (std::string(m) == "saldo" && !o.saldo) continue;
    for (int p = 0; p < 2; ++p) {
      const double d = std::string(m) == "cost_cumulative" ? -1000.0 * (p + 1) : -500.0 - p;
      c.Text("alt").Text("base");
      for (int k = 0; k < 5; ++k) c.Text("all");
      c.Integer(2025 + p).Text(periods[p]).Text(m).Integer(50);
      c.Number(d).Number(10).Number(d - 300).Number(d + 1).Number(d + 300).Number(0.8);
      c.Text(std::string(m) == "cost_cumulative" ? "2026" : "").EndRow();
    }
  }
  CsvWriter b(o.dialect);
  for (const char* h : {"scenario", "line", "selection", "year", "period", "budget", "replications",
                        "mean_cost", "p5_cost", "p50_cost", "p90_cost", "p95_cost", "p_overrun",
                        "expected_overrun", "reserve_90", "reserve_95"})
    b.Text(h);
  b.EndRow();
  for (int sc = 0; sc < 2; ++sc)
    for (int p = 0; p < 2; ++p) {
      b.Text(scenarios[sc]).Text("6.72").Text("taakveld 6.72").Integer(2025 + p).Text(periods[p]);
      b.Number(2e6).Integer(50).Number(2.1e6).Number(1.9e6).Number(2.1e6).Number(2.3e6);
      b.Number(2.4e6).Number(0.62).Number(150000).Number(300000).Number(400000).EndRow();
    }
  CsvWriter t(o.dialect);
  for (const char* h :
       {"scenario", "target", "metric", "selection", "period", "lower", "upper", "replications",
        "mean", "p5", "p95", "probability_met", "mean_in_range", "source"})
    t.Text(h);
  t.EndRow();
  t.Text("base").Text("out of home").Text("clients_start").Text("jeugd").Text("2025");
  t.Number(58).Number(68).Integer(50).Number(63).Number(60).Number(66).Number(0.97).Text("yes");
  t.Text("63 on 1-10-2024 [S]").EndRow();
  const std::string manifest = R"({"version": "0.1.0", "command_line": ["sdsim", "run", "a.json"],
    "seed": 7, "replications": 50, "threads": 2, "mpi_ranks": 1, "period": "year",
    "started_utc": "2026-01-01T00:00:00Z", "finished_utc": "2026-01-01T00:00:09Z",
    "seconds": 9.5, "outputs": ["summary.csv", "manifest.json"],
    "scenarios": [{"name": "base", "file": "a.json", "input_files": [{"path": "a.json",
      "sha256": "ab12"}], "resolved": {"domains": {"jeugd": {"label": "Jeugdhulp"}}}}]})";
  return {{"summary.csv", s.str()},
          {"compare.csv", c.str()},
          {"budget.csv", b.str()},
          {"targets.csv", t.str()},
          {"manifest.json", manifest}};
}

}  // namespace sdsim::testing
