// Precision: the Monte Carlo standard error of a run's key figures, and the stopping rule of a
// precision target (`sdsim run --precision`).
//
// Key figures: per scenario and period, the cost of the whole scenario and of each domain (the
// summary.csv rows whose form, pillar, taakveld, payer and age band are "all"), and for every
// scenario but the baseline the paired difference from the baseline in the same rows (the
// compare.csv rows). For each, the mean and p5, p50, p95 exactly as those files report them, with
// their standard errors:
//   - of the mean: sd / sqrt(n);
//   - of a percentile: by batch means. The replications are cut into consecutive batches of
//     kBatch, the percentile of each batch is computed exactly, and SE = sd(batch percentiles) /
//     sqrt(batches) (with the sd corrected by c4 for the few batches). A sample percentile's
//     variance is inversely proportional to the sample size (p (1 - p) / (n f(q)^2)), so one
//     batch's percentile varies `batches` times as much as the percentile of all replications; no
//     density estimate is needed. It is an approximation: in tests on skewed costs it comes within
//     a few percent of the true standard error, on the low side (small batches smooth the tails).
//     It takes at least kMinBatches batches; with fewer the SE is not given (NaN).
// The relative SE of a mean is its SE divided by a reference: the figure's own mean for a level,
// the baseline's mean of the same row for a difference (a difference may be near zero, so its
// error is measured against the budget line it changes).
//
// A precision target (a relative SE, e.g. 0.0025) is met when the relative SE of every key mean
// is at most the target. A run with a target checks it at fixed checkpoints in replication order
// (CheckpointSchedule); everything here depends only on the values and their order, so the
// decision and the results are the same for any thread or MPI rank count.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "engine/metrics.h"
#include "runner/stats.h"

namespace sdsim {

// The checkpoints of a precision run: the first after kFirstCheckpoint replications (enough for a
// stable estimate of the standard error itself), then every kCheckpointEvery, and the maximum.
// Fixed numbers, never derived from threads or ranks: they decide which replications are run.
constexpr int kFirstCheckpoint = 1000;
constexpr int kCheckpointEvery = 500;
// The replication counts after which a run checks its target (precision > 0; ascending, the last
// is `replications`), or just {replications} for a run with a fixed count.
std::vector<int> CheckpointSchedule(bool precision, int replications);

// Mean and percentiles of one value across replications, with their standard errors.
class SeriesPrecision {
 public:
  static constexpr int kBatch = 100;
  static constexpr int kMinBatches = 10;
  void Add(double v);
  // The same statistics the summary reports for these values (CellStats).
  Stats Get() const { return cell_.Get(); }
  double SeMean() const;
  // SE of the reported p5, p50 and p95 (which = 0, 1, 2); NaN below kMinBatches batches.
  double SePercentile(int which) const;

 private:
  struct Moments {
    int n = 0;
    double mean = 0, m2 = 0;
    void Add(double v);
  };
  CellStats cell_;
  std::vector<double> batch_;
  Moments batch_percentiles_[3];
};

// One key figure (a row of the manifest's precision table).
struct KeyFigure {
  std::string scenario;
  std::string baseline;  // empty for a level; for a paired difference the baseline's name
  std::string domain;    // "all" for the whole scenario
  std::string period;    // the period's label
  Stats stats;
  double se_mean = 0;
  double se_p5 = 0, se_p50 = 0, se_p95 = 0;
  double reference = 0;  // what the relative SE is measured against
  // se_mean / |reference| (0 if se_mean is 0; infinity if only the reference is 0).
  double RelativeSe() const;
};

// What a run says about its precision (the manifest's "precision" section, the terminal line).
struct PrecisionResult {
  double target = 0;         // the relative SE asked for; 0 = none (a fixed replication count)
  int max_replications = 0;  // with a target: the most the run would do
  int replications = 0;      // done
  bool met = false;          // with a target: it was met
  double worst = 0;          // the largest relative SE of a key mean
  KeyFigure worst_figure;
  std::vector<KeyFigure> figures;
};

// Tracks the key figures of a set of scenarios run together.
class PrecisionTracker {
 public:
  PrecisionTracker(const std::vector<const Model*>& models, const std::vector<std::string>& names,
                   int baseline);
  // One replication's results, one per model, in replication order.
  void Add(const std::vector<RepResult>& results);
  int replications() const { return replications_; }
  std::vector<KeyFigure> Figures() const;
  // The largest relative SE of a key mean (0 if there are none), and that figure.
  double Worst(KeyFigure* worst = nullptr) const;
  bool Met(double target) const { return Worst() <= target; }
  // Everything at once, for a run with `target` (0: none) and `max_replications`.
  PrecisionResult Result(double target, int max_replications) const;

 private:
  struct Key {
    int scenario = 0, group = -1, period = 0;
    int base_group = -1;  // for a difference: the baseline's row (-1: absent, counts as 0)
    bool difference = false;
    int reference = -1;  // index of the level whose mean is the reference (-1: own mean)
  };
  double Reference(size_t k) const;
  std::vector<const Model*> models_;
  std::vector<std::string> names_;
  int baseline_;
  std::vector<Key> keys_;
  std::vector<SeriesPrecision> series_;
  int replications_ = 0;
};

}  // namespace sdsim
