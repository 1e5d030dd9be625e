// Back-test: what the records show actually happened after an origin date, per care form and
// domain and per reporting period of a fitted model, set against the model's simulated
// distribution (mean, p5, p95); the errors summarised as MAPE, bias and band coverage; and each
// period's cost error split into volume, duration and price parts. No I/O: the cli runs the fits
// and simulations and writes backtest.csv.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/model.h"
#include "fit/records.h"
#include "io/csv.h"
#include "runner/stats.h"

namespace sdsim {

// The metrics compared (named as in summary.csv). mean_clients is the care days of the period
// divided by its days.
constexpr const char* kBacktestMetrics[] = {"clients_end", "inflow", "mean_clients", "cost"};

struct BacktestRow {
  std::string origin, period, domain, form, metric;
  double realised = 0, mean = 0, p5 = 0, p95 = 0;
  bool band = true;  // false for the cost decomposition rows (no band)
  double error() const { return mean - realised; }
  bool within() const { return realised >= p5 && realised <= p95; }
};

// Realised values from the records for `model` (a fitted scenario starting on `origin`, a day
// number): per period, per form and domain group of the model, the compared metrics plus
// clients_start; NaN where the period ends after `extract` (the records' last day). Cost uses the
// model's prices (tariffs, trajectory and one-off prices, fixed costs); it is NaN when the model
// has no prices at all. Indexed like ResultLayout with kNumMetrics.
std::vector<double> RealisedValues(const RecordSet& records, const Model& model, int64_t origin,
                                   int64_t extract);

// Compares: `stat(index)` gives the simulated Stats of a result cell (ResultLayout index).
std::vector<BacktestRow> CompareBacktest(const std::string& origin, const Model& model,
                                         const std::vector<double>& realised,
                                         const std::function<Stats(size_t)>& stat);

// The result cells CompareBacktest reads (to activate only those in the aggregator).
std::vector<bool> BacktestCells(const Model& model);

// backtest.csv: origin,year,domain,form,metric,realised,mean,p5,p95,error,within_band
std::string BacktestCsv(const std::vector<BacktestRow>& rows, CsvDialect dialect);

// MAPE, bias and coverage of the p5-p95 band, overall and per form, for the terminal.
std::string BacktestSummary(const std::vector<BacktestRow>& rows);

}  // namespace sdsim
