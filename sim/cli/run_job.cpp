// RunJob: one batch over all scenarios with every tracker fed in replication order.
#include "cli/run_job.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

#include "cli/dist.h"
#include "engine/metrics.h"
#include "io/budget_csv.h"
#include "io/compare_csv.h"
#include "io/summary.h"
#include "io/targets_csv.h"
#include "runner/batch.h"
#include "runner/budget.h"
#include "runner/compare.h"
#include "runner/stats.h"
#include "runner/targets.h"

namespace sdsim {
namespace {

// Streams per-replication values as long-format CSV, flushing in blocks.
class ReplicationWriter {
 public:
  ReplicationWriter(const std::string& path, CsvDialect dialect, PerReplication what)
      : file_(std::fopen(path.c_str(), "wb")),
        opened_(file_ != nullptr),
        dialect_(dialect),
        what_(what) {
    if (!file_) return;
    CsvWriter w(dialect);
    for (const char* c : {"scenario", "replication", "domain", "form", "pillar", "taakveld",
                          "payer", "age_band", "year", "period", "metric", "value"})
      w.Text(c);
    w.EndRow();
    buffer_ = w.str();
  }
  ~ReplicationWriter() { Close(); }
  bool ok() const { return opened_ && !failed_; }

  void Add(const std::string& scenario, const Model& m, int rep, const RepResult& r) {
    if (!file_) return;
    static const int kTotals[] = {kCost,   kClientsEnd, kUniqueClients,
                                  kInflow, kOutflow,    kWaitingEnd};
    const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
    CsvWriter w(dialect_, /*bom=*/false);
    for (int g = 0; g < L.groups; ++g) {
      const GroupModel& grp = m.groups[g];
      const bool detail = grp.kind == GroupKind::kForm || grp.kind == GroupKind::kToegang ||
                          grp.kind == GroupKind::kCostLine || grp.kind == GroupKind::kBand;
      if (what_ == PerReplication::kTotals && detail) continue;
      for (int p = 0; p < L.periods; ++p) {
        const Period& per = m.calendar.periods()[p];
        for (int k = 0; k < L.metrics; ++k) {
          if (!MetricDefined(m, grp, k)) continue;
          if (what_ == PerReplication::kTotals &&
              std::find(std::begin(kTotals), std::end(kTotals), k) == std::end(kTotals))
            continue;
          w.Text(scenario)
              .Integer(rep)
              .Text(grp.domain)
              .Text(grp.form)
              .Text(grp.pillar)
              .Text(grp.taakveld);
          w.Text(grp.payer)
              .Text(grp.age_band)
              .Integer(per.year)
              .Text(per.label)
              .Text(MetricName(k));
          w.Number(r.values[L.Index(p, g, k)]);
          w.EndRow();
        }
      }
    }
    buffer_ += w.str();
    if (buffer_.size() > (1 << 20)) Flush();
  }
  void Close() {
    if (!file_) return;
    Flush();
    if (std::fclose(file_) != 0) failed_ = true;
    file_ = nullptr;
  }

 private:
  void Flush() {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) failed_ = true;
    buffer_.clear();
  }
  FILE* file_;
  bool opened_;
  CsvDialect dialect_;
  PerReplication what_;
  std::string buffer_;
  bool failed_ = false;
};

}  // namespace

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
  // Every scenario against the baseline, on the same replications.
  std::vector<std::unique_ptr<Comparison>> comparisons(n);
  for (size_t s = 0; s < n; ++s)
    if (static_cast<int>(s) != options.baseline)
      comparisons[s] = std::make_unique<Comparison>(*models[options.baseline], *models[s]);
  std::unique_ptr<ReplicationWriter> writer;
  if (options.per_replication != PerReplication::kNone &&
      (!options.distribute || CurrentDist().root())) {
    writer = std::make_unique<ReplicationWriter>(options.per_replication_path, options.dialect,
                                                 options.per_replication);
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
      if (writer) writer->Add(names[s], *models[s], rep, results[s]);
    }
    ++out.replications_done;
    if (options.progress) options.progress(out.replications_done);
  };
  out.events =
      options.distribute ? RunDistBatch(models, batch, sizes, sink) : RunBatch(models, batch, sink);
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
  out.files.push_back({"summary.csv", SummaryCsv(summaries, options.dialect)});
  if (any_targets)
    out.files.push_back({"targets.csv", TargetsCsv(target_results, options.dialect)});
  if (!compare_results.empty())
    out.files.push_back({"compare.csv", CompareCsv(compare_results, options.dialect)});
  if (any_budget) out.files.push_back({"budget.csv", BudgetCsv(budget_results, options.dialect)});

  // The terminal report: total cost per period, then targets and comparisons.
  char line[256];
  std::snprintf(line, sizeof line,
                "sdsim: %d replications x %zu scenario%s in %.1f s (%.0f replications/s)\n",
                options.replications, n, n == 1 ? "" : "s", out.seconds,
                options.replications * static_cast<double>(n) / std::max(out.seconds, 1e-9));
  out.report = line;
  for (size_t s = 0; s < n; ++s) {
    const Model& m = *models[s];
    const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
    out.report += "  " + names[s] + ": total cost per period, mean [p5 - p95] x EUR 1,000\n";
    for (int p = 0; p < L.periods; ++p) {
      const Stats st = aggregators[s].Get(L.Index(p, m.num_groups() - 1, kCost));
      std::snprintf(line, sizeof line, "    %-8s %10.0f  [%.0f - %.0f]\n",
                    m.calendar.periods()[p].label.c_str(), st.mean / 1e3, st.p5 / 1e3,
                    st.p95 / 1e3);
      out.report += line;
    }
  }
  out.report += TargetsTable(target_results);
  out.report += CompareTable(compare_results);
  return out;
}

}  // namespace sdsim
