// RunResults: one run's output tables (summary.csv, compare.csv, budget.csv, targets.csv and
// manifest.json) read back from their text, with the queries the Excel workbook and the HTML
// report share: a row's values per period by metric name, the rows of each aggregation level,
// the paired differences, and which optional metrics exist.
//
// Built from the CSV text, not from the engine's structures, so both views show exactly the
// numbers in the CSV files, and a metric or column added to the CSV files later (income, saldo,
// backlog_cost, a cohort split) appears in them without changes here: rows are found by column
// name and metrics by name; a column a table does not have reads as "all".
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "io/csv_read.h"

namespace sdsim {

// Mean and percentiles of one value across replications (NaN where not reported).
struct Band {
  double mean, p5, p25, p50, p75, p95;
  bool defined() const;
};

// A summary row's identity; every field defaults to "all".
struct RowKey {
  std::string domain = "all", form = "all", pillar = "all", taakveld = "all", payer = "all",
              age_band = "all", cohort = "all";
  std::string Joined() const;
};

// Aggregation levels of the rows a begroting is laid out by (care forms and age bands are not).
enum class RowLevel { kTotal, kDomain, kTaakveld, kTaakveldPayer, kPayer, kOther };
RowLevel LevelOf(const RowKey& key);

// A paired difference (scenario - baseline) of one compare.csv row.
struct Diff {
  double mean, p5, p50, p95;
  double p_lower;       // P(difference < 0); for cost: P(saving)
  std::string payback;  // cost_cumulative rows: the payback period, "none" or ""
};

// The manifest in the terms a reader of a council proposal needs (see io/manifest.h).
struct Provenance {
  struct InputFile {
    std::string scenario, path, sha256;
  };
  std::string version, command_line, seed, replications, threads, mpi_ranks, period, started,
      finished, seconds, budget_file, peak_memory_mb;
  std::vector<std::string> outputs;
  std::vector<InputFile> inputs;
  std::map<std::string, std::string> domain_labels;  // domain id -> label from the scenarios
};

class RunResults {
 public:
  // `files`: name -> content of the run's output files (those absent are simply not shown).
  explicit RunResults(const std::vector<std::pair<std::string, std::string>>& files);

  const std::vector<std::string>& scenarios() const { return scenarios_; }
  const std::vector<std::string>& periods() const { return periods_; }  // labels, in order
  const std::string& baseline() const { return baseline_; }
  // Scenarios compared with the baseline, in order.
  const std::vector<std::string>& compared() const { return compared_; }

  bool HasMetric(const std::string& metric) const;
  // Summary rows (of any scenario) at a level, for `metric`, in BBV/file order, without duplicates.
  std::vector<RowKey> Rows(RowLevel level, const std::string& metric) const;
  // Cohorts other than "all" in summary.csv (e.g. "stock", "new"), in order of appearance.
  const std::vector<std::string>& cohorts() const { return cohorts_; }
  // One row's values per period (undefined bands where the row or period is missing).
  std::vector<Band> Series(const std::string& scenario, const RowKey& key,
                           const std::string& metric) const;
  // The paired difference per period of a total-row metric of compare.csv (NaN where missing).
  std::vector<Diff> Differences(const std::string& scenario, const std::string& metric,
                                const RowKey& key = {}) const;
  // Metrics compare.csv has for the total row, in order of appearance.
  const std::vector<std::string>& compare_metrics() const { return compare_metrics_; }
  // The replications behind the summary (the largest count in summary.csv).
  int replications() const { return replications_; }

  const ResultTable& summary() const { return summary_; }
  const ResultTable& compare() const { return compare_; }
  const ResultTable& budget() const { return budget_; }
  const ResultTable& targets() const { return targets_; }
  const Provenance& provenance() const { return provenance_; }
  // A domain's label from the scenario files ("Jeugdhulp"), else its id.
  std::string DomainLabel(const std::string& id) const;

 private:
  RowKey KeyOf(const ResultTable& t, size_t row) const;
  ResultTable summary_, compare_, budget_, targets_;
  Provenance provenance_;
  std::vector<std::string> scenarios_, periods_, compared_, compare_metrics_, cohorts_;
  std::string baseline_;
  int replications_ = 0;
  // (scenario, key, metric) -> summary row per period (-1 = missing)
  std::map<std::string, std::vector<long>> summary_index_, compare_index_;
  std::map<std::string, std::vector<RowKey>> rows_by_metric_;
};

}  // namespace sdsim
