// summary.csv: the long-format table of every metric per scenario, output group and period, with
// mean, standard deviation and percentiles across replications (rounded per MetricDecimals), and a
// `level` column naming each row's aggregation level (GroupLevel). Rows without a value in any
// replication are left out. The column list is part of the product's contract (the output tests
// lock it).
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "io/csv.h"
#include "runner/stats.h"

namespace sdsim {

// One scenario's aggregated replications, laid out as in engine/metrics.h.
struct ScenarioSummary {
  std::string name;
  const Model* model = nullptr;
  const Aggregator* stats = nullptr;
};

// True if `metric` is reported for `grp` in this model (it applies to the group's kind and the
// model has what it needs, e.g. an age limit for lifetime_risk_18).
bool MetricDefined(const Model& m, const GroupModel& grp, int metric);

// Which cells of a replication's result array summary.csv reports (for Aggregator).
std::vector<bool> ActiveCells(const Model& m);

// Decimals a metric is written with in the CSV files: shares and probabilities 4, everything
// else (euros: cents; counts, days, clients per 1,000: hundredths) 2. The statistics themselves
// keep exact values; only the written text is rounded.
int MetricDecimals(int metric);

extern const char* const kSummaryColumns[];
extern const int kNumSummaryColumns;

// `lead_columns`/`lead_values`: extra columns before the standard ones (a sweep's varied keys).
std::string SummaryCsv(const std::vector<ScenarioSummary>& scenarios, CsvDialect dialect,
                       const std::vector<std::string>& lead_columns = {},
                       const std::vector<CsvCell>& lead_values = {}, bool header = true);

}  // namespace sdsim
