// RunJob: one batch over all scenarios with every tracker fed in replication order.
#include "cli/run_job.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

#include "cli/checkpoints.h"
#include "cli/dist.h"
#include "engine/metrics.h"
#include "io/begroting_csv.h"
#include "io/budget_csv.h"
#include "io/compare_csv.h"
#include "io/cost_table.h"
#include "io/precision_report.h"
#include "io/replications_csv.h"
#include "io/summary.h"
#include "io/targets_csv.h"
#include "runner/batch.h"
#include "runner/budget.h"
#include "runner/compare.h"
#include "runner/stats.h"
#include "runner/targets.h"

namespace sdsim {

RunInfo NewRunInfo(const std::vector<std::string>& command_line, const CommonOptions& common) {
  RunInfo info;
  info.command_line = command_line;
  info.seed = common.seed;
  info.replications = common.replications;
  info.threads = EffectiveThreads(common.threads);
  info.period = common.period_text;
  info.started_utc = UtcNow();
  return info;
}

double ExpectedOutputBytes(const std::vector<const Model*>& models, const JobOptions& options) {
  double cells = 0;
  for (const Model* m : models)
    cells += static_cast<double>(
        ResultLayout{m->calendar.num_periods(), m->num_groups(), kNumMetrics}.size());
  // A row of summary.csv or compare.csv is about 100 bytes, a line of replications.csv 60 (the
  // totals are about a tenth of all rows); manifest.json holds the resolved scenarios.
  double bytes = cells * 100 * (models.size() > 1 ? 2 : 1) + 1e6;
  if (options.per_replication != PerReplication::kNone)
    bytes += cells * 60 * options.replications *
             (options.per_replication == PerReplication::kAll ? 1 : 0.1);
  return bytes;
}

JobOutputs RunJob(const std::vector<const Model*>& models, const std::vector<std::string>& names,
                  const JobOptions& options) {
  JobOutputs out;
  const size_t n = models.size();
  std::vector<Aggregator> aggregators;
  std::vector<TargetTracker> targets;
  std::vector<BudgetTracker> budgets;
  for (const Model* m : models) {
    aggregators.emplace_back(ActiveCells(*m), false);
    targets.emplace_back(*m);
    budgets.emplace_back(*m);
  }
  PrecisionTracker precision(models, names, options.baseline);
  // Every scenario against the baseline, on the same replications; one over other years (the
  // back-cast history.json in a run of scenarios/dronten/*.json) is run but not compared.
  std::vector<std::unique_ptr<Comparison>> comparisons(n);
  for (size_t s = 0; s < n; ++s)
    if (static_cast<int>(s) != options.baseline &&
        SameHorizon(*models[options.baseline], *models[s]))
      comparisons[s] = std::make_unique<Comparison>(*models[options.baseline], *models[s]);
  std::unique_ptr<ReplicationWriter> writer;
  if (options.per_replication != PerReplication::kNone &&
      (!options.distribute || CurrentDist().root())) {
    writer = std::make_unique<ReplicationWriter>(options.per_replication_path, options.dialect,
                                                 options.per_replication, models, names);
    if (!writer->ok()) {
      out.error = options.per_replication_path + ": cannot create the per-replication file";
      return out;
    }
  }
  BatchOptions batch;
  batch.seed = options.seed;
  batch.replications = options.replications;
  batch.threads = options.threads;
  batch.cancel = options.cancel;
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<size_t> sizes;
  for (const Model* m : models)
    sizes.push_back(ResultLayout{m->calendar.num_periods(), m->num_groups(), kNumMetrics}.size());
  const auto sink = [&](int rep, const std::vector<RepResult>& results) {
    // After Ctrl-C a replication may have been cut short: nothing more is counted (or kept).
    if (options.cancel && options.cancel->load()) return;
    for (size_t s = 0; s < n; ++s) {
      aggregators[s].Add(results[s].values);
      targets[s].Add(results[s]);
      budgets[s].Add(results[s]);
      if (comparisons[s]) comparisons[s]->Add(results[options.baseline], results[s]);
    }
    precision.Add(results);
    if (writer) writer->Add(rep, results);
    ++out.replications_done;
    if (options.progress) options.progress(out.replications_done);
  };
  const CheckpointRun run =
      RunToCheckpoints(models, batch, sizes, options.distribute,
                       CheckpointSchedule(options.precision > 0, options.replications), sink,
                       [&](int) { return precision.Met(options.precision); });
  out.events = run.events;
  if (options.distribute && !CurrentDist().root()) {
    out.worker = true;  // rank 0 has the results
    return out;
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (writer) {
    writer->Close();
    if (!writer->ok()) out.error = options.per_replication_path + ": write failed";
  }
  // A replication under way when the flag was set stopped early: nothing of this job is kept.
  out.interrupted = options.cancel && options.cancel->load();
  if (out.interrupted) return out;
  out.precision = precision.Result(options.precision, options.replications);

  std::vector<ScenarioSummary> summaries;
  std::vector<ScenarioTargets> target_results;
  std::vector<ScenarioBudget> budget_results;
  std::vector<ScenarioComparison> compare_results;
  bool any_targets = false, any_budget = false;
  for (size_t s = 0; s < n; ++s) {
    summaries.push_back({names[s], models[s], &aggregators[s]});
    target_results.push_back({names[s], models[s], targets[s].Results()});
    budget_results.push_back({names[s], models[s], budgets[s].Results()});
    any_targets |= !models[s]->targets.empty();
    any_budget |= !models[s]->budget.empty();
    if (comparisons[s])
      compare_results.push_back({names[s], names[options.baseline], comparisons[s].get(),
                                 &aggregators[s], &aggregators[options.baseline]});
  }
  for (size_t s = 0; s < n; ++s)
    out.headlines.push_back(
        HeadlineOf(*models[s], aggregators[s], comparisons[s].get(), budget_results[s].results));
  out.files.push_back({"summary.csv", SummaryCsv(summaries, options.dialect)});
  out.files.push_back({"begroting.csv", BegrotingCsv(summaries, options.dialect)});
  if (any_targets)
    out.files.push_back({"targets.csv", TargetsCsv(target_results, options.dialect)});
  if (!compare_results.empty())
    out.files.push_back({"compare.csv", CompareCsv(compare_results, options.dialect)});
  if (any_budget) out.files.push_back({"budget.csv", BudgetCsv(budget_results, options.dialect)});

  // The terminal report: the municipality's own cost per domain, the begroting, the paired
  // differences and the targets that are off.
  char line[256];
  std::snprintf(line, sizeof line,
                "sdsim: %d replications x %zu scenario%s in %.1f s (%.0f replications/s)\n",
                static_cast<int>(out.replications_done), n, n == 1 ? "" : "s", out.seconds,
                out.replications_done * static_cast<double>(n) / std::max(out.seconds, 1e-9));
  out.report = line;
  out.report += PrecisionText(out.precision);
  out.report += CostTable(summaries, static_cast<size_t>(options.baseline));
  out.report += BudgetTable(budget_results);
  out.report += CompareTable(compare_results);
  out.report += TargetsTable(target_results);
  return out;
}

}  // namespace sdsim
